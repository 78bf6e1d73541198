"""The version of the helsefellesskap-pdf distribution."""

__version__ = "0.1.0"
