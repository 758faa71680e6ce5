"""rebuild_occurrences: the occurrence table from the live pages."""
