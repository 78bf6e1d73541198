"""The version of the helsefellesskap-helgeland distribution."""

__version__ = "0.1.0"
