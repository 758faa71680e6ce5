"""Meedoen's management commands."""
