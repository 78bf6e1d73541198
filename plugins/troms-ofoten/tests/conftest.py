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


@pytest.fixture(scope="session")
def abbreviations_2023() -> tuple[tuple[str, str], ...]:
    """Handlingsplan 2023, "Forkortelser i dokumentet": all ten, in the printed order.

    The plan writes "FSU DIG – …" where the others have "="; the name is the same.
    """
    return (
        ("SSU", "Strategisk samarbeidsutvalg"),
        ("FSU FLR", "faglig samarbeidsutvalg for fastleger og UNN (Fastlegerådet)"),
        ("FSU BU", "faglig samarbeidsutvalg barn og unge"),
        ("FSU AKM", "faglig samarbeidsutvalg for akuttmedisinsk samhandling"),
        ("FSU REST", "faglig samarbeidsutvalg for rekruttering og stabilisering"),
        ("FSU PHR", "faglig samarbeidsutvalg for psykisk helse og rus"),
        ("FSU AVVIK", "faglig samarbeidsutvalg for samhandlingsavvik"),
        ("FSU DIG", "faglig samarbeidsutvalg for digital samhandling"),
        ("PM", "partnerskapsmøtet"),
        ("SEKR", "helsefellesskapets sekretariat"),
    )
