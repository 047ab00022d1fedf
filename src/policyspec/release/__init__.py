"""Versioned data releases: the release tables and their columns, the Frictionless descriptor,
the manifest of owned files, writing the release folder, and ``diff`` between two releases."""
