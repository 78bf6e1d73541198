"""The version of the helsefellesskap-docx distribution."""

__version__ = "0.1.0"
