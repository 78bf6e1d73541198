"""The version of helsefellesskap-troms-ofoten."""

__version__ = "0.1.0"
