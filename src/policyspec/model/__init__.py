"""What a policy document is: the pydantic models (``documents``, their value types in ``fields``),
their controlled vocabulary, the bounds of a figure, exact numbers (``exact``) and dates
(``dates``), how a target reads (``target_text``), and the JSON Schema generated from the models.

Kept empty of imports: ``policyspec.model.vocabulary`` must not pay for pydantic.
"""
