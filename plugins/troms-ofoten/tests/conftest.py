"""Shared fixtures: the installed plugin, loaded the way users load it."""

from __future__ import annotations

import pytest

from helsefellesskap import Bundle, PluginManager


@pytest.fixture(scope="session")
def manager() -> PluginManager:
    """A fresh plugin manager with the built-ins and every installed plugin."""
    return PluginManager(use_env=False)


@pytest.fixture(scope="session")
def bundle(manager: PluginManager) -> Bundle:
    """Helsefellesskapet Troms og Ofoten with all its documents, through its entry point."""
    return manager.load_partnership("troms-ofoten")
