"""Test plugins, each broken in its own way (one module per entry point)."""
