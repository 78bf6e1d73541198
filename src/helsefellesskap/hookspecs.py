"""Every hook of helsefellesskap, in one place.

A plugin is a module (or any object) with functions named after these hooks and marked
with :data:`helsefellesskap.hookimpl`. An implementation may take fewer arguments than
the specification, never other ones. Hooks share the prefix ``hf_``; a function with the
prefix that matches no hook, or a hook function without the marker, is reported as a
failure of the plugin rather than silently ignored.

Hooks that contribute things (partnerships, body kinds, rules, render formats, document
types, commands) return a list (any iterable) of objects that declare their own name, so
the plugin manager knows which plugin contributed what and can report two plugins
claiming the same name; such a name is then used by neither. Every plugin is asked;
only :func:`hf_layout` stops at the first answer. The manager asks the hooks without
arguments once, when it is built, and keeps the answers.

Implementations are called in pluggy's own order: the last registered first, so the
installed plugins (registered by plugin name, after the built-ins) come before the
built-in ones. ``@hookimpl(tryfirst=True)`` or ``trylast=True`` moves an implementation to
the front or the back; hook wrappers are not supported. A plugin that raises anything but
:class:`KeyboardInterrupt` (``sys.exit()`` included) is recorded as a failure of that
plugin and the others are still asked.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .command import Command
    from .importing import Importer
    from .kinds import BodyKind, ExtraField, PartnerKindSpec
    from .model import Document, Layout, Partnership
    from .outline import Outline, OutlineBuilder
    from .render.catalogue import LabelCatalogue, TemplateSource
    from .render.format import Renderable, RenderContext, RenderFormat
    from .sources import PartnershipSource
    from .validate.finding import Rule
    from .validate.lazy import LazyRule

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec"]

PROJECT_NAME = "helsefellesskap"
"""The pluggy project name and the entry point group of plugins."""

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
"""Marks a hook specification (used in this module only)."""

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
"""Marks a plugin's hook implementation: ``@hookimpl`` above ``def hf_…``."""


@hookspec
def hf_partnerships() -> Iterable[PartnershipSource]:
    """Return the partnerships this plugin ships, each with the folder of its data.

    Takes no arguments.

    :return: :class:`~helsefellesskap.PartnershipSource` objects: an id, a name and the
        folder holding ``partnership.toml`` and the documents (ship it as package data and
        find it with :func:`importlib.resources.files`). Every plugin is asked; an id
        shipped by two plugins is a failure naming both, and neither is used; an id that
        is not a valid id (lowercase letters and digits joined by ``-``, ``_`` or ``.``)
        is refused as a failure of the plugin.

    Example::

        @hookimpl
        def hf_partnerships():
            data = Path(str(resources.files(__package__) / "data"))
            return [PartnershipSource(id="vestfold", name="Helsefellesskap Vestfold", path=data)]
    """
    raise NotImplementedError


@hookspec
def hf_body_kinds() -> Iterable[BodyKind]:
    """Return the kinds of governance body this plugin adds, with the rules of each kind.

    Takes no arguments.

    :return: :class:`~helsefellesskap.BodyKind` objects: a name used as ``kind`` in
        ``partnership.toml``, labels by language, an abbreviation and the
        :class:`~helsefellesskap.Rule` objects that come with the kind (they join the
        rules of :func:`hf_rules`). Every plugin is asked; a kind name or a rule code
        claimed twice is a failure naming both plugins.

    Example::

        @hookimpl
        def hf_body_kinds():
            return [BodyKind(name="youth-council", labels={"nb": "ungdomsråd"},
                             rules=(YOUTH_SEAT,))]
    """
    raise NotImplementedError


@hookspec
def hf_partner_kinds() -> Iterable[PartnerKindSpec]:
    """Return the kinds of partner this plugin adds to the built-in ones.

    Takes no arguments.

    :return: :class:`~helsefellesskap.kinds.PartnerKindSpec` objects: a name used as a
        partner's ``kind`` in ``partnership.toml`` and its labels by language (they become
        the labels ``partner_kind.<name>``). Every plugin is asked; a kind name claimed
        twice, or the name of a built-in :class:`~helsefellesskap.PartnerKind`, is a
        failure naming the plugin. A partner whose kind is neither built in nor added by
        a plugin is an error (HF215).

    Example::

        @hookimpl
        def hf_partner_kinds():
            return [PartnerKindSpec(name="private-hospital",
                                    labels={"nb": "privat ideelt sykehus",
                                            "nn": "privat ideelt sjukehus",
                                            "en": "private non-profit hospital"})]
    """
    raise NotImplementedError


@hookspec
def hf_extra_fields() -> Iterable[ExtraField]:
    """Return the extra fields this plugin declares for bodies, seats or partners.

    Takes no arguments.

    :return: :class:`~helsefellesskap.kinds.ExtraField` objects: a name, where it goes
        (``body``, ``seat`` or ``partner``), its type (``text``, ``integer``, ``number``,
        ``boolean``), the values allowed (any, if none are listed) and its labels by
        language. A partnership writes the fields under ``extra`` (``extra = { budget =
        "kommunene" }``); HF216 reports a field no plugin declares, a value of the wrong
        type or one not allowed; the governance overview shows every declared field with
        its label. A field declared twice for the same place is a failure naming the plugin.

    Example::

        @hookimpl
        def hf_extra_fields():
            return [ExtraField(name="budget_owner", place="body",
                               choices=("kommunene", "sykehuset"),
                               labels={"nb": "Budsjettansvar", "nn": "Budsjettansvar",
                                       "en": "Budget owner"})]
    """
    raise NotImplementedError


@hookspec
def hf_rules() -> Iterable[Rule | LazyRule]:
    """Return the validation rules this plugin adds.

    Takes no arguments.

    :return: :class:`~helsefellesskap.Rule` objects: a stable code, a severity, a title,
        an explanation, a fix, and ``check(context)``, which reads the validation context
        (``context.bundle`` is the partnership and its documents) and yields
        :class:`~helsefellesskap.Finding` objects with a path into the data. Every plugin
        is asked; a code claimed twice is a failure naming both plugins. A rule that only
        concerns one partnership checks ``context.bundle.partnership.id`` itself. A rule
        may be declared by its code instead
        (:func:`~helsefellesskap.validate.lazy.lazy_rule`, ``"package.module:NAME"``):
        its module is imported when the rules are first needed, not when the plugins are
        listed.

    Example::

        @hookimpl
        def hf_rules():
            return [Rule(code="VF001", severity=Severity.WARNING, title="…",
                         explanation="…", fix="…", check=check_deadlines)]
    """
    raise NotImplementedError


@hookspec
def hf_render_formats() -> Iterable[RenderFormat]:
    """Return the render formats this plugin adds.

    Takes no arguments.

    :return: instances (not classes) of :class:`~helsefellesskap.RenderFormat`
        subclasses, each declaring its ``name``, ``extension``, ``media_type`` and the
        document types it ``renders``, and turning one document into bytes in
        ``render(item, context)``. Every plugin is asked; a format name claimed twice is
        a failure naming both plugins, and asking for that format raises
        :class:`~helsefellesskap.PluginError` naming both. The ``extension`` is a dot
        followed by letters, digits, ``-`` or ``_`` (``.md``, ``.tar.gz``); any other is
        refused when the plugin is loaded, so no file is written outside the output
        folder.

    Example::

        @hookimpl
        def hf_render_formats():
            return [OutlineFormat()]
    """
    raise NotImplementedError


@hookspec
def hf_label_catalogues() -> Iterable[LabelCatalogue]:
    """Return label catalogues: new labels, or other wording for one partnership.

    Takes no arguments.

    :return: :class:`~helsefellesskap.LabelCatalogue` objects: a language (``nb``,
        ``nn``, ``en``), labels by dotted key, and ``partnership`` (``None`` for labels
        that apply everywhere, or an id). Every plugin is asked and all catalogues are
        kept: for a partnership, its own labels override the general ones, which
        override the built-in defaults; a language falls back to bokmål. Each label
        remembers its plugin: one whose ``{placeholders}`` do not fit is reported as that
        plugin's error when a document is rendered.

    Example::

        @hookimpl
        def hf_label_catalogues():
            return [LabelCatalogue(language="nb", partnership="vestfold",
                                   labels={"column.responsible": "Ansvar"})]
    """
    raise NotImplementedError


@hookspec
def hf_template_sources() -> Iterable[TemplateSource]:
    """Return folders of templates that override the built-in HTML templates.

    Takes no arguments. (Markdown is written by code, not templates; change its labels
    through :func:`hf_label_catalogues` or its content through the layout.)

    :return: :class:`~helsefellesskap.TemplateSource` objects: a folder and
        ``partnership`` (``None`` for every partnership, or an id). Every plugin is
        asked; templates are looked up by file name in the partnership's own folders
        first, then the general ones, then the built-in templates.

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

    :param partnership: the :class:`~helsefellesskap.Partnership` whose documents are
        about to be rendered; ``partnership.layout`` is its own ``[layout]``.
    :return: a :class:`~helsefellesskap.Layout` (the columns of the measures table, …)
        or ``None``. Stops at the first plugin that returns a layout; without any, the
        layout in ``partnership.toml`` is used. Called each time a document is rendered.
        The answer refines the partnership's layout: return
        ``attrs.evolve(partnership.layout, …)``; a layout built from scratch keeps the
        partnership's ``language`` and ``template_set`` where it leaves them at the default.

    Example::

        @hookimpl
        def hf_layout(partnership):
            if partnership.id == "vestfold":
                return attrs.evolve(
                    partnership.layout,
                    measure_columns=("goal", "measure", "responsible", "deadline"),
                )
            return None
    """
    raise NotImplementedError


@hookspec
def hf_document_types() -> Iterable[type[Document]]:
    """Return document types this plugin adds: subclasses of ``Document`` with a ``KIND``.

    Takes no arguments.

    :return: classes (not instances), frozen attrs subclasses of
        :class:`~helsefellesskap.Document` whose ``KIND`` is the ``kind = "…"`` of their
        files and whose ``FOLDER`` is where they are saved. Every plugin is asked; a
        ``KIND`` claimed twice, or one the core already has, is a failure.

    Example::

        @hookimpl
        def hf_document_types():
            return [MeetingMinutes]
    """
    raise NotImplementedError


@hookspec
def hf_cli_commands() -> Iterable[Command]:
    """Return subcommands to add to the ``helsefellesskap`` command.

    Takes no arguments.

    :return: :class:`~helsefellesskap.command.Command` objects: a name, a one-line help,
        ``add_arguments(parser)`` and ``run(args, context)``, which writes to
        ``context.stdout`` and returns the exit status. Every plugin is asked; a command
        name claimed twice is a failure naming both plugins. Only the command that runs
        adds its arguments; whatever its ``add_arguments`` or ``run`` raises
        (``sys.exit()`` included) is reported naming the plugin, with exit status 2.
        :func:`~helsefellesskap.command.lazy_command` registers a command by name and
        help and imports its module only when it runs.

    Example::

        @hookimpl
        def hf_cli_commands():
            return [Command(name="stats", help="count measures",
                            add_arguments=add_arguments, run=run_stats),
                    lazy_command("stats-report", "write a report of the measures",
                                 "my_plugin.report:REPORT")]
    """
    raise NotImplementedError


@hookspec
def hf_outline_builders() -> Iterable[OutlineBuilder]:
    """Return the outline builders of the document types this plugin adds.

    Takes no arguments.

    :return: :class:`~helsefellesskap.outline.OutlineBuilder` instances, each naming
        the ``kind`` it builds (a document type's ``KIND``, from ``hf_document_types``)
        and its ``build(item, context)`` function returning an
        :class:`~helsefellesskap.outline.Outline`. Every format that writes outlines
        (Markdown, and any whose ``outlines`` is true) then renders documents of that
        kind, with no format code of the plugin's own. Every plugin is asked; a kind
        claimed twice is a failure naming both plugins, and neither builder is used. The
        core's own kinds are built by the core.

    Example::

        from helsefellesskap.outline import Heading, Outline, OutlineBuilder, runs

        def build_minutes(item, context):
            return Outline(kind=item.KIND, document=item.id, title=item.title,
                           language=item.language, label_language=context.language,
                           partnership=context.partnership.id,
                           blocks=(Heading(level=1, runs=runs(item.title)),))

        @hookimpl
        def hf_outline_builders():
            return [OutlineBuilder(kind="meeting-minutes", build=build_minutes)]
    """
    raise NotImplementedError


@hookspec
def hf_outline(item: Renderable, outline: Outline, context: RenderContext) -> Outline | None:
    """Add or replace blocks of a document's outline, for every format at once.

    :param item: the document (or the :class:`~helsefellesskap.Partnership`, for its
        governance overview) being rendered.
    :param outline: the outline so far: the core's (or a plugin builder's), as refined
        by the plugins called before this one.
    :param context: the :class:`~helsefellesskap.RenderContext` (labels, layout, bundle).
    :return: a new :class:`~helsefellesskap.outline.Outline` (blocks are frozen: build
        one with ``attrs.evolve(outline, blocks=…)``), or ``None`` to leave it as it is.
        Every plugin is called in pluggy's order, each receiving the previous result; an
        answer that is not an ``Outline`` is a failure of the plugin and is ignored.
        Called each time a document is rendered, so check ``context.partnership.id`` to
        change only your partnership's documents.

    Example::

        import attrs
        from helsefellesskap.outline import Heading, Paragraph, Section, runs

        @hookimpl
        def hf_outline(item, outline, context):
            if context.partnership.id != "vestfold" or outline.kind != "action-plan":
                return None
            contact = Section(heading=Heading(level=2, runs=runs("Kontakt")),
                              blocks=(Paragraph(runs=runs("post@vestfold.example")),))
            return attrs.evolve(outline, blocks=(*outline.blocks, contact))
    """
    raise NotImplementedError


@hookspec
def hf_importers() -> Iterable[Importer]:
    """Return importers: readers of plans written elsewhere (Word, …) by file extension.

    Takes no arguments.

    :return: :class:`~helsefellesskap.importing.Importer` objects: a ``name``, the file
        ``extensions`` it reads (with the dot) and ``read(path)``, which returns a
        :class:`~helsefellesskap.importing.PlanDraft` (headings, paragraphs, bullet lists
        and the measures tables' cells as written). The core reads the deadlines and
        responsible actors, writes the new TOML file with a comment beside each guess and
        runs check and validate (``helsefellesskap import FILE --into FOLDER``). Every
        plugin is asked; a name claimed twice is a failure naming both plugins, and
        neither importer is used.

    Example::

        from helsefellesskap.importing import DraftFocusArea, DraftRow, Importer, PlanDraft

        def read_text_plan(path):
            rows = [DraftRow(where=f"line {n}", goal="Samhandling", measure=line)
                    for n, line in enumerate(path.read_text().splitlines(), 1)]
            return PlanDraft(title=path.stem, source=path.name,
                             focus_areas=(DraftFocusArea(title="Tiltak", rows=tuple(rows)),))

        @hookimpl
        def hf_importers():
            return [Importer(name="text-plan", extensions=(".plan.txt",), read=read_text_plan)]
    """
    raise NotImplementedError
