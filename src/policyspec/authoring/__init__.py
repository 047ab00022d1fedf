"""Tools that make the next document cheap to encode: ``scaffold`` drafts a spec from its source."""
