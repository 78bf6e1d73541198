"""Fixtures and helpers for plugin authors (filled in by the plugin issue)."""
