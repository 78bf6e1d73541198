"""A test plugin that implements every hook of helsefellesskap once."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import attrs

from helsefellesskap import (
    BodyKind,
    Document,
    Finding,
    LabelCatalogue,
    Layout,
    Partnership,
    PartnershipSource,
    RenderContext,
    RenderFormat,
    Rule,
    Severity,
    TemplateSource,
    hookimpl,
)
from helsefellesskap.command import Command, CommandContext
from helsefellesskap.importing import DraftFocusArea, DraftRow, Importer, PlanDraft
from helsefellesskap.outline import (
    BulletList,
    Heading,
    ListItem,
    Outline,
    OutlineBuilder,
    Paragraph,
    Section,
    runs,
)

HERE = Path(__file__).parent


@attrs.frozen(kw_only=True)
class MeetingMinutes(Document):
    """Minutes of a meeting: a document type the core does not have."""

    KIND: ClassVar[str] = "meeting-minutes"
    FOLDER: ClassVar[str] = "minutes"

    date: dt.date
    items: tuple[str, ...] = ()


def _check_minutes(context: Any) -> Iterator[Finding]:
    bundle = context.bundle
    if bundle.partnership.id != "fixturby":
        return
    for minutes in bundle.documents_of(MeetingMinutes):
        yield Finding(
            code="FX001",
            severity=Severity.INFO,
            message=f"minutes of {minutes.date.isoformat()} with {len(minutes.items)} items",
            document=minutes.id,
            file=bundle.file_of(minutes),
        )


def _check_board(context: Any) -> Iterator[Finding]:
    for position, body in enumerate(context.bundle.partnership.bodies):
        if body.kind == "fixture-board" and not body.seats:
            yield Finding(
                code="FX002",
                severity=Severity.WARNING,
                message=f"board {body.id!r} has no seats",
                path=f"$.bodies[{position}].seats",
                document=context.bundle.partnership.id,
            )


class CountFormat(RenderFormat):
    """Renders any document as one line: its kind, id and the fixture label."""

    name: ClassVar[str] = "fixture-count"
    extension: ClassVar[str] = ".count"
    media_type: ClassVar[str] = "text/plain"
    renders: ClassVar[tuple[type[Any], ...]] = (Document,)

    def render(self, item: Any, context: RenderContext) -> bytes:
        hello = context.labels.get("fixture.hello", "?")
        columns = ",".join(context.layout.measure_columns)
        return f"{hello}|{item.KIND}|{item.id}|{columns}\n".encode()


def _hello_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--partnership", default=None)


def _hello(args: argparse.Namespace, context: CommandContext) -> int:
    print(context.manager.labels("nb", args.partnership)["fixture.hello"], file=context.stdout)
    return 0


@hookimpl
def hf_partnerships() -> list[PartnershipSource]:
    return [PartnershipSource(id="fixturby", name="Fixturby", path=HERE / "data")]


@hookimpl
def hf_body_kinds() -> list[BodyKind]:
    rule = Rule(
        code="FX002",
        severity=Severity.WARNING,
        title="A board has seats",
        explanation="test",
        check=_check_board,
        body_kind="fixture-board",
    )
    return [BodyKind(name="fixture-board", labels={"nb": "styre"}, rules=(rule,))]


@hookimpl
def hf_partner_kinds() -> list[Any]:
    from helsefellesskap.kinds import PartnerKindSpec

    return [
        PartnerKindSpec(
            name="fixture-hospital",
            labels={"nb": "privat sykehus", "nn": "privat sjukehus", "en": "private hospital"},
        )
    ]


@hookimpl
def hf_extra_fields() -> list[Any]:
    from helsefellesskap.kinds import ExtraField

    return [
        ExtraField(
            name="budget_owner",
            place="body",
            choices=("kommunene", "sykehuset"),
            labels={"nb": "Budsjettansvar", "en": "Budget owner"},
        ),
        ExtraField(name="elected_by", place="seat", labels={"nb": "Valgt av", "en": "Elected by"}),
        ExtraField(name="beds", place="partner", type="integer", labels={"nb": "Senger"}),
    ]


@hookimpl
def hf_rules() -> list[Rule]:
    return [
        Rule(
            code="FX001",
            severity=Severity.INFO,
            title="Minutes are counted",
            explanation="test",
            check=_check_minutes,
        )
    ]


@hookimpl
def hf_render_formats() -> list[RenderFormat]:
    return [CountFormat()]


@hookimpl
def hf_label_catalogues() -> Iterator[LabelCatalogue]:
    # a generator: the manager must accept any iterable
    yield LabelCatalogue(language="nb", labels={"fixture.hello": "Hei"})
    yield LabelCatalogue(language="en", labels={"fixture.hello": "Hello"})
    yield LabelCatalogue(
        language="nb", partnership="fixturby", labels={"fixture.hello": "Hei, Fixturby"}
    )


@hookimpl
def hf_template_sources() -> list[TemplateSource]:
    return [
        TemplateSource(path=HERE / "templates", partnership="fixturby"),
        TemplateSource(path=HERE / "templates" / "general"),
    ]


@hookimpl
def hf_layout(partnership: Partnership) -> Layout | None:
    if partnership.id == "fixturby":
        return Layout(measure_columns=("measure", "status"))
    return None


@hookimpl
def hf_document_types() -> list[type[Document]]:
    return [MeetingMinutes]


@hookimpl
def hf_cli_commands() -> list[Command]:
    return [
        Command(
            name="fixture-hello",
            help="say hello",
            add_arguments=_hello_arguments,
            run=_hello,
        )
    ]


def _build_minutes(item: Any, context: RenderContext) -> Outline:
    """The outline of meeting minutes: the title, the date, the items as a list."""
    return Outline(
        kind=item.KIND,
        document=item.id,
        title=item.title,
        language=item.language,
        label_language=context.language,
        partnership=context.partnership.id,
        blocks=(
            Heading(level=1, runs=runs(item.title)),
            Paragraph(runs=runs(item.date.isoformat())),
            BulletList(items=tuple(ListItem(runs=runs(i)) for i in item.items)),
        ),
    )


@hookimpl
def hf_outline_builders() -> list[OutlineBuilder]:
    return [OutlineBuilder(kind="meeting-minutes", build=_build_minutes)]


@hookimpl
def hf_outline(item: Any, outline: Outline, context: RenderContext) -> Outline | None:
    """Fixturby's documents end with a contact section."""
    if context.partnership.id != "fixturby":
        return None
    contact = Section(
        heading=Heading(level=2, runs=runs("Kontakt")),
        blocks=(Paragraph(runs=runs("post@fixturby.example")),),
        role="contact",
    )
    return attrs.evolve(outline, blocks=(*outline.blocks, contact))


def _read_fixture_plan(path: Path) -> PlanDraft:
    """A plan of one measure per line: ``measure | responsible | deadline``."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        measure, responsible, deadline = (part.strip() for part in line.split("|"))
        rows.append(
            DraftRow(where=f"line {number}", goal="Fixturmål", measure=measure,
                     responsible=responsible, deadline=deadline)
        )
    return PlanDraft(
        title="Fixturplan 2025",
        source=path.name,
        focus_areas=(DraftFocusArea(title="Fixtur", rows=tuple(rows)),),
    )


@hookimpl
def hf_importers() -> list[Importer]:
    return [Importer(name="fixture-plan", extensions=(".fixplan",), read=_read_fixture_plan)]
