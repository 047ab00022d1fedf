"""``policyspec lsp``: the semantic rules live in the editor, over the Language Server Protocol.

The YAML language server checks a spec against the JSON Schema as you type; this server adds what
makes the project worth using — every diagnostic ``validate`` gives, at the same line and column —
and reads the source text for hovers, go-to-definition and completion. ``pygls`` is imported only
when the server starts (``pip install 'policyspec[lsp]'``).
"""
