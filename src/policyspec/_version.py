"""The policyspec package's version: the one place it is written (pyproject.toml reads it from
here at build time), so ``policyspec --version`` and ``policyspec.__version__`` need no
``importlib.metadata`` lookup at start-up."""

__version__ = "0.1.0"
