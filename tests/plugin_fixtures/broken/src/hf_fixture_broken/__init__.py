"""Plugins that each try to take a command down: one module per way (see the README)."""
