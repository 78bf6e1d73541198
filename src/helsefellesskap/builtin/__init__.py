"""The built-in plugins: registered through the same hooks as external plugins."""
