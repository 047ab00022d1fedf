"""From paths to checked documents: find the spec files, read them with limits, decode, parse
with positions, check the structure against the models, then run the rules. ``check`` is the
one front door every command goes through."""
