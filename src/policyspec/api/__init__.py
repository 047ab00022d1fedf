"""The typed Python API over checked documents: ``Corpus`` and ``load``, queries, comparison,
timelines and evaluation, and the flat records they print or release."""
