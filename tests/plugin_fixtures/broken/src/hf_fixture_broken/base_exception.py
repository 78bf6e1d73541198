"""Raises its own BaseException (not an Exception) when asked for body kinds."""

from helsefellesskap import BodyKind, hookimpl


class Meltdown(BaseException):
    """Not an Exception: ``except Exception`` does not catch it."""


@hookimpl
def hf_body_kinds() -> list[BodyKind]:
    raise Meltdown("the body kinds melted down")
