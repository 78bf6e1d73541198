"""The version of the helsefellesskap-xlsx distribution."""

__version__ = "0.1.0"
