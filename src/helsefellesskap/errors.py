"""The exceptions a user of the library can cause, each pointing into the data.

Every error derives from :class:`HelsefellesskapError`. Bad data raises
:class:`DataError`, which carries one or more :class:`Problem` records: the file, the
path inside it in TOML keys (``$.focus_areas[1].goals[0].measures[3].deadline``), what
is wrong and what to write instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import attrs

from .codecache import cache_attrs_code
from .messages import message as _message

cache_attrs_code()  # this project's attrs classes are built from cached code

__all__ = [
    "DataError",
    "DocumentNotFoundError",
    "EmptyFileError",
    "EncodingError",
    "HelsefellesskapError",
    "OutputExistsError",
    "PluginError",
    "Problem",
    "RenderError",
    "TomlSyntaxError",
    "UnknownFormatError",
    "UsageError",
]


class HelsefellesskapError(Exception):
    """Base of every error the library raises on purpose."""


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with the data, and where.

    ``path`` is a JSONPath-like route in the file's keys, ``$`` for the whole file.
    ``hint`` says what to write instead, where the library knows.
    """

    message: str
    path: str = "$"
    file: Path | None = None
    hint: str | None = None
    line: int | None = None
    column: int | None = None

    def location(self) -> str:
        """``file:line:column`` or ``file``, followed by the path."""
        where = str(self.file) if self.file is not None else "<data>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.path}"

    def as_dict(self) -> dict[str, str | int | None]:
        """The problem as JSON data, with the same keys in every JSON shape that lists
        problems: ``file``, ``line``, ``column``, ``path``, ``message``, ``hint``."""
        return {
            "file": str(self.file) if self.file is not None else None,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message,
            "hint": self.hint,
        }

    def __str__(self) -> str:
        text = f"{self.location()}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class DataError(HelsefellesskapError):
    """The data cannot be loaded: one or more :class:`Problem` records say why."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        if not self.problems:
            raise ValueError("a DataError needs at least one problem")
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def file(self) -> Path | None:
        """The file of the first problem."""
        return self.problems[0].file

    @property
    def path(self) -> str:
        """The path of the first problem."""
        return self.problems[0].path

    def with_file(self, file: Path) -> DataError:
        """The same error with ``file`` set on every problem that has none."""
        problems = [p if p.file is not None else attrs.evolve(p, file=file) for p in self.problems]
        clone = type(self)(problems)
        return clone


class TomlSyntaxError(DataError):
    """The file is not valid TOML; the problem gives line and column."""


class EncodingError(DataError):
    """The file is not UTF-8 text."""


class EmptyFileError(DataError):
    """The file holds no data."""


class DocumentNotFoundError(HelsefellesskapError):
    """A document or partnership asked for by id or path does not exist."""


class OutputExistsError(HelsefellesskapError, FileExistsError):
    """A file would be replaced, and replacing was not asked for."""


class UsageError(HelsefellesskapError):
    """The library or the command was called in a way it cannot serve."""


class RenderError(HelsefellesskapError):
    """A document cannot be rendered in the format asked for."""


class UnknownFormatError(RenderError):
    """No installed plugin provides the render format asked for; the message suggests
    the nearest name and lists the formats there are."""


class PluginError(HelsefellesskapError):
    """A plugin failed: it names the plugin and, where it applies, the hook."""

    def __init__(self, message: str, *, plugin: str, hook: str | None = None) -> None:
        self.plugin = plugin
        self.hook = hook
        if hook:
            text = _message(
                "plugins.failure_in_hook", plugin=repr(plugin), hook=hook, message=message
            )
        else:
            text = _message("plugins.failure", plugin=repr(plugin), message=message)
        super().__init__(text)
