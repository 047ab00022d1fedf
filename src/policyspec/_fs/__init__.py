"""File-system primitives every stage shares: bounded reads of regular files, atomic writes,
and the all-or-nothing swap of a whole folder. Nothing here knows what a spec is."""
