"""The version of the helsefellesskap distribution."""

__version__ = "0.1.0"
