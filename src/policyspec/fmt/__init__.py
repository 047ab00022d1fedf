"""The canonical formatter of spec files: key order, layout and comments kept."""
