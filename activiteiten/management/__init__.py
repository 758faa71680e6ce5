"""The agenda's management commands."""
