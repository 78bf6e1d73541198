"""Every hook of helsefellesskap, in one place.

Hooks share the prefix ``hf_``. Hooks that contribute things (partnerships, body kinds,
rules, render formats, commands) return objects that declare their own name, so that the
plugin manager can tell which plugin contributed what and report two plugins claiming
the same name. They are called for every plugin; none stops at the first result except
:func:`hf_layout`.

A plugin module implements a hook by defining a function of the same name decorated
with :data:`helsefellesskap.hookimpl`; it may accept fewer arguments than the spec.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .cli.command import Command
    from .kinds import BodyKind
    from .model import Document, Layout, Partnership
    from .render.catalogue import LabelCatalogue, TemplateSource
    from .render.format import RenderFormat
    from .sources import PartnershipSource
    from .validate.finding import Rule

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec"]

PROJECT_NAME = "helsefellesskap"
"""The pluggy project name and the entry point group of plugins."""

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def hf_partnerships() -> Iterable[PartnershipSource]:
    """Return the partnerships this plugin ships, each with the folder of its data.

    :return: :class:`~helsefellesskap.sources.PartnershipSource` objects. Every plugin's
        answer is collected; two plugins shipping the same id is an error naming both.

    Example::

        @hookimpl
        def hf_partnerships():
            data = Path(__file__).parent / "data"
            return [PartnershipSource(id="vestfold", name="Helsefellesskap Vestfold", path=data)]
    """
    raise NotImplementedError


@hookspec
def hf_body_kinds() -> Iterable[BodyKind]:
    """Return the kinds of governance body this plugin adds, with the rules of each kind.

    :return: :class:`~helsefellesskap.kinds.BodyKind` objects. All plugins are asked; a
        kind name claimed twice is an error naming both plugins.

    Example::

        @hookimpl
        def hf_body_kinds():
            return [BodyKind(name="youth-council", labels={"nb": "ungdomsråd"})]
    """
    raise NotImplementedError


@hookspec
def hf_rules() -> Iterable[Rule]:
    """Return the validation rules this plugin adds.

    :return: :class:`~helsefellesskap.validate.Rule` objects. All plugins are asked; a
        rule code claimed twice is an error naming both plugins. A rule that only
        concerns one partnership checks the partnership's id itself.

    Example::

        @hookimpl
        def hf_rules():
            return [Rule(code="VF001", severity=Severity.WARNING, title="…",
                         explanation="…", check=check_something)]
    """
    raise NotImplementedError


@hookspec
def hf_render_formats() -> Iterable[RenderFormat]:
    """Return the render formats this plugin adds.

    :return: :class:`~helsefellesskap.render.RenderFormat` instances, each declaring its
        name, file extension, media type and the document types it renders. All plugins
        are asked; a format name claimed twice is an error naming both plugins.

    Example::

        @hookimpl
        def hf_render_formats():
            return [PlainTextFormat()]
    """
    raise NotImplementedError


@hookspec
def hf_label_catalogues() -> Iterable[LabelCatalogue]:
    """Return label catalogues: new labels, or overrides for one partnership.

    :return: :class:`~helsefellesskap.render.LabelCatalogue` objects. All plugins are
        asked; for a partnership, its own catalogues override the general ones, which
        override the built-in defaults.

    Example::

        @hookimpl
        def hf_label_catalogues():
            return [LabelCatalogue(language="nb", partnership="vestfold",
                                   labels={"measure.responsible": "Ansvar"})]
    """
    raise NotImplementedError


@hookspec
def hf_template_sources() -> Iterable[TemplateSource]:
    """Return folders of templates that override the built-in HTML and Markdown templates.

    :return: :class:`~helsefellesskap.render.TemplateSource` objects. All plugins are
        asked; a partnership's own folders are searched first, then general ones, then
        the built-in templates.

    Example::

        @hookimpl
        def hf_template_sources():
            return [TemplateSource(path=Path(__file__).parent / "templates",
                                   partnership="vestfold")]
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def hf_layout(partnership: Partnership) -> Layout | None:
    """Return the layout for ``partnership``, or ``None`` to leave it to others.

    :param partnership: the partnership whose documents are about to be rendered.
    :return: a :class:`~helsefellesskap.model.Layout`. Stops at the first plugin that
        returns one; without any, the layout in ``partnership.toml`` is used.

    Example::

        @hookimpl
        def hf_layout(partnership):
            if partnership.id == "vestfold":
                return Layout(measure_columns=("goal", "measure", "responsible", "deadline"))
            return None
    """
    raise NotImplementedError


@hookspec
def hf_document_types() -> Iterable[type[Document]]:
    """Return document types this plugin adds (subclasses of ``Document`` with a ``KIND``).

    :return: document classes. All plugins are asked; a ``KIND`` claimed twice is an
        error naming both plugins.

    Example::

        @hookimpl
        def hf_document_types():
            return [MeetingMinutes]
    """
    raise NotImplementedError


@hookspec
def hf_cli_commands() -> Iterable[Command]:
    """Return subcommands to add to the ``helsefellesskap`` command.

    :return: :class:`~helsefellesskap.cli.Command` objects. All plugins are asked; a
        command name claimed twice is an error naming both plugins.

    Example::

        @hookimpl
        def hf_cli_commands():
            return [Command(name="stats", help="count measures",
                            add_arguments=add_args, run=run_stats)]
    """
    raise NotImplementedError
