"""Built-in plugin: labels (filled in by its issue)."""

from __future__ import annotations
