"""What a policy document is: the pydantic models (``documents``), their controlled vocabulary,
the bounds of a figure, exact numbers and dates, and the JSON Schema generated from the models.

Kept empty of imports: ``policyspec.model.vocabulary`` must not pay for pydantic.
"""
