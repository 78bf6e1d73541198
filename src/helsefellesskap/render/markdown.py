"""The Markdown format (``md``): GitHub-flavoured Markdown in the layout of the sources.

Every text from the data is escaped: in running text the characters Markdown would read
as markup (``*``, ``_``, a ``#`` or ``1.`` at the start of a line …), in table cells
also pipes and line breaks. The output is stable: the same data gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..model import (
    ActionPlan,
    AnnualReport,
    ConsultationResponse,
    Declaration,
    FocusArea,
    FundingRound,
    Link,
    Partnership,
    Reference,
    Section,
    StructureCount,
)
from . import view
from .api import output_name
from .format import CORE_RENDERABLES, Renderable, RenderContext, RenderFormat

__all__ = [
    "MERMAID_ARROWS",
    "MarkdownFormat",
    "escape_cell",
    "escape_text",
    "escape_url",
    "mermaid_diagram",
    "mermaid_legend",
]

_INLINE = re.compile(r"([\\`*_\[\]<~|]|&(?=#?[A-Za-z0-9]+;))")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)](?=\s|$))")


def escape_text(text: str) -> str:
    """Escape running text so that Markdown shows it as written.

    Inline markup characters are backslash-escaped; at the start of a line, a heading,
    quote or list marker (``#``, ``>``, ``-``, ``+``, ``1.``) is escaped too. Leading
    spaces (which would start a code block) and trailing spaces (a hard break) go, and
    a line break inside the text becomes a hard break.
    """
    lines = []
    for raw in text.split("\n"):
        line = _INLINE.sub(r"\\\1", raw.strip())
        match = _LINE_START.match(line)
        if match:
            marker = match.group(2)
            line = (
                line[: match.start(2)]
                + (marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker)
                + line[match.end(2) :]
            )
        lines.append(line)
    return "\\\n".join(line for line in lines if line) if len(lines) > 1 else lines[0]


def escape_cell(text: str) -> str:
    """Escape text for a table cell: inline markup and pipes escaped, line breaks as
    ``<br>``, spaces at either end removed."""
    lines = [_INLINE.sub(r"\\\1", line.strip()) for line in text.strip().split("\n")]
    return "<br>".join(line for line in lines if line)


def escape_url(url: str) -> str:
    """A link target that Markdown reads whole, even with spaces or brackets."""
    if re.search(r"[\s()<>]", url):
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


def _link(link: Link, *, in_cell: bool = False) -> str:
    """A link as Markdown: an autolink for a bare URL, else ``[title](url)``; in a table
    cell the title is escaped for the cell and a pipe in the URL is percent-encoded."""
    url = link.url.replace("|", "%7C") if in_cell else link.url
    if not link.title and not re.search(r"[\s<>]", url):
        return f"<{url}>"
    title = link.title or link.url
    return f"[{escape_cell(title) if in_cell else escape_text(title)}]({escape_url(url)})"


class _Writer:
    """Collects blocks and joins them with one blank line between.

    ``national_plan`` is the national plan whose wording the national items of a
    section take (a plan's ``basis.national_plan``).
    """

    def __init__(self, context: RenderContext, national_plan: str | None = None) -> None:
        self.context = context
        self.national_plan = national_plan
        self.blocks: list[str] = []

    def label(self, key: str, **values: object) -> str:
        return self.context.label(key, **values)

    def heading(self, level: int, text: str, number: str | None = None) -> None:
        prefix = f"{number} " if number else ""
        self.blocks.append("#" * min(level, 6) + " " + prefix + escape_text(text))

    def paragraph(self, text: str | None) -> None:
        if text and text.strip():
            self.blocks.append(escape_text(text))

    def paragraphs(self, texts: Iterable[str]) -> None:
        for text in texts:
            self.paragraph(text)

    def emphasis(self, text: str) -> None:
        self.blocks.append(f"*{escape_text(text)}*")

    def bullets(self, items: Iterable[str], *, raw: bool = False) -> None:
        # two lists in a row would merge into one: the second gets the other marker
        marker = "*" if self.blocks and self.blocks[-1].startswith("- ") else "-"
        lines = [f"{marker} {item if raw else escape_text(item)}" for item in items if item.strip()]
        if lines:
            self.blocks.append("\n".join(line.replace("\\\n", "\\\n  ") for line in lines))

    def facts(self, pairs: Iterable[tuple[str, str | None]]) -> None:
        """A list of ``**Label:** value`` lines, skipping empty values."""
        self.bullets((f"**{escape_text(k)}:** {escape_text(v)}" for k, v in pairs if v), raw=True)

    def label_table(self, keys: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
        """A table whose headers are the labels of ``keys``."""
        self.table([self.label(key) for key in keys], rows)

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
        """A table; ``rows`` hold cell texts already escaped with :func:`escape_cell`."""
        lines = [
            "| " + " | ".join(escape_cell(h) for h in headers) + " |",
            "|" + "|".join(" --- " for _ in headers) + "|",
        ]
        lines.extend(
            "|" + "|".join(f" {cell} " if cell else " " for cell in row) + "|" for row in rows
        )
        self.blocks.append("\n".join(lines))

    def raw(self, text: str) -> None:
        self.blocks.append(text)

    def section(
        self,
        section: Section,
        level: int,
        *,
        number: str | None = None,
        default_title: str | None = None,
        listing: str | None = None,
    ) -> None:
        """A section; ``listing`` is a block shown after its bullets, before its closing."""
        title = section.title or default_title
        if title:
            self.heading(level, title, number)
        self.paragraphs(section.paragraphs)
        national = (
            view.national_text(i, self.context.national, self.national_plan)
            for i in section.national
        )
        self.bullets((*section.bullets, *national))
        if listing:
            self.raw(listing)
        self.paragraphs(section.closing)
        if section.links:
            self.bullets((_link(link) for link in section.links), raw=True)
        for sub in section.subsections:
            self.section(sub, level + 1)

    def text(self) -> str:
        return "\n\n".join(self.blocks) + "\n"


def _full(actor_id: str | None, context: RenderContext) -> str | None:
    return view.actor_full(actor_id, context.partnership)


def _names(ids: Sequence[str], context: RenderContext) -> str | None:
    return view.responsible_text(ids, context.partnership, context) or None


def _date(day: object, context: RenderContext) -> str | None:
    import datetime as dt

    return view.date_text(day, context.language) if isinstance(day, dt.date) else None


def _start(out: _Writer, title: str, item: Renderable) -> None:
    out.heading(1, title)
    if out.context.partnership.example:
        out.emphasis(out.label("document.example"))


def _abbreviations(out: _Writer, item: Renderable, level: int = 2) -> None:
    found = view.shown_abbreviations(item, out.context)
    if found:
        out.heading(level, out.label("abbreviations.title"))
        out.bullets(f"{a.abbreviation} = {a.name}" for a in found)


# -- action plan ----------------------------------------------------------------------


def _cell(cell: view.TableCell | None, see: str) -> str:
    """A cell of the measures table on one line: label and paragraphs, bullets (``•``),
    closing paragraphs, links, then ``see`` and the references the measure draws on."""
    if cell is None or cell.is_empty:
        return ""
    parts = [escape_cell(cell.text)]
    parts.extend("• " + escape_cell(b) for b in cell.bullets)
    parts.extend(escape_cell(p) for p in cell.closing)
    parts.extend(_link(link, in_cell=True) for link in cell.links)
    if cell.references:
        parts.append(escape_cell(f"{see}: " + ", ".join(r.title for r in cell.references)))
    return "<br>".join(p for p in parts if p)


def _measure_table(out: _Writer, area: FocusArea, references: Sequence[Reference]) -> None:
    if not area.goals:
        return
    table = view.measure_table(area, out.context, references)
    see = out.label("plan.see")
    out.table(table.headers, ([_cell(c, see) for c in row.cells] for row in table.rows))


def _focus_area(
    out: _Writer, area: FocusArea, number: str, plan: ActionPlan, declaration: Declaration | None
) -> None:
    out.heading(3, area.title, number)
    out.paragraphs(area.description)
    if declaration is not None and area.commitment:
        commitment = declaration.commitment(area.commitment)
        if commitment is not None and commitment.title.casefold() != area.title.casefold():
            out.facts([(out.label("plan.commitment"), commitment.title)])
    for intention in area.intentions:
        out.paragraph(intention.text)
        out.bullets(intention.points)
    _measure_table(out, area, plan.references)
    out.bullets(area.notes)


def _action_plan(plan: ActionPlan, context: RenderContext) -> str:
    out = _Writer(context, plan.basis.national_plan)
    _start(out, plan.title, plan)
    declaration = view.declaration_of(plan, context)
    national = context.national.plan(plan.basis.national_plan) if plan.basis.national_plan else None
    adopted = view.adoption_text(plan.adopted, plan.adopted_by, context)
    out.facts(
        [
            (out.label("plan.period"), plan.period.display()),
            (
                out.label("plan.declaration"),
                declaration.title if declaration else plan.basis.declaration,
            ),
            (
                out.label("plan.national_plan"),
                national.name if national else plan.basis.national_plan,
            ),
            (out.label("plan.other_basis"), "; ".join(plan.basis.other) or None),
            (out.label("plan.adopted"), adopted),
            (out.label("plan.presented"), plan.presented),
        ]
    )
    if plan.revised_yearly:
        out.paragraph(out.label("plan.revised_yearly"))
    _abbreviations(out, plan)
    numbers = view.plan_numbering(plan, declaration, view.plan_omit(plan, context))
    parts = view.plan_parts(plan, declaration, context)
    if numbers.introduction:
        if plan.introduction is not None:
            out.section(
                plan.introduction,
                2,
                number=numbers.introduction,
                default_title=out.label("plan.introduction"),
            )
        else:
            out.heading(2, parts.title, numbers.introduction)
        if parts.national_goals:
            if parts.subheading("national_goals"):
                out.heading(3, out.label("plan.national_goals"))
            out.paragraph(plan.national_goals_intro)
            out.bullets(parts.national_goals)
        if parts.priority_groups:
            if parts.subheading("priority_groups"):
                out.heading(3, out.label("plan.priority_groups"))
            out.bullets(parts.priority_groups)
        if parts.declaration is not None:
            level = 3
            if parts.subheading("commitments"):
                out.heading(3, out.label("plan.commitments"))
                level = 4
            out.paragraph(parts.declaration.title)
            _commitments(out, parts.declaration, level)
    if numbers.focus_areas:
        listing = "\n".join(
            f"{i}. {escape_text(a.title)}" for i, a in enumerate(plan.focus_areas, start=1)
        )
        if plan.focus_areas_intro is not None:
            out.section(
                plan.focus_areas_intro,
                2,
                number=numbers.focus_areas,
                default_title=out.label("plan.focus_areas"),
                listing=listing,
            )
        else:
            out.heading(2, out.label("plan.focus_areas"), numbers.focus_areas)
            if listing:
                out.raw(listing)
        for area in plan.focus_areas:
            _focus_area(out, area, numbers.areas[area.id], plan, declaration)
    for section, number in zip(plan.sections, numbers.sections, strict=True):
        out.section(section, 2, number=number)
    if plan.way_forward is not None and numbers.way_forward:
        out.section(
            plan.way_forward,
            2,
            number=numbers.way_forward,
            default_title=out.label("plan.way_forward"),
        )
    _references(out, plan)
    _funding_rounds(out, plan)
    return out.text()


def _references(out: _Writer, plan: ActionPlan) -> None:
    """The plan's frameworks and sources, unnumbered after the way forward."""
    if not plan.references:
        return
    out.heading(2, out.label("plan.references"))
    for reference in plan.references:
        out.heading(3, reference.title)
        out.paragraph(view.reference_text(reference))
        for steps in reference.lists:
            out.paragraph(f"{steps.title}:")
            out.bullets(steps.items)
        if reference.url:
            out.bullets([_link(Link(url=reference.url))], raw=True)


def _funding_rounds(out: _Writer, plan: ActionPlan) -> None:
    """The funding rounds the plan names, each linked to its Markdown file where the
    bundle holds it (named as :func:`~helsefellesskap.render.api.output_name` names it)."""
    rounds = view.funding_round_views(plan, out.context)
    if not rounds:
        return
    out.heading(2, out.label("plan.funding_rounds"))
    fmt = MarkdownFormat()
    out.bullets(
        (
            _link(Link(url=output_name(r.document, fmt), title=r.text))
            if r.document is not None
            else escape_text(r.text)
            for r in rounds
        ),
        raw=True,
    )


# -- declaration ----------------------------------------------------------------------


def _commitments(out: _Writer, declaration: Declaration, level: int) -> None:
    """The declaration's numbered commitments at heading ``level``, each with its
    statement and its main goals (``**Hovedmål 1:** …``)."""
    for commitment in view.commitment_views(declaration, out.context):
        out.heading(level, commitment.title, f"{commitment.number}.")
        out.paragraph(commitment.statement)
        out.bullets(
            (f"**{escape_text(g.heading)}:** {escape_text(g.text)}" for g in commitment.main_goals),
            raw=True,
        )


def _declaration(declaration: Declaration, context: RenderContext) -> str:
    out = _Writer(context)
    _start(out, declaration.title, declaration)
    out.paragraph(declaration.heading)
    out.facts([(out.label("declaration.period"), declaration.period.display())])
    _abbreviations(out, declaration)
    out.paragraphs(declaration.preamble)
    if declaration.overarching_goal and view.shows_overarching_goal(declaration):
        out.heading(2, out.label("declaration.overarching_goal"))
        out.raw(f"**{escape_text(declaration.overarching_goal)}**")
    if declaration.commitments:
        out.heading(2, out.label("declaration.commitments"))
        out.paragraph(declaration.commitments_intro)
        _commitments(out, declaration, 3)
    if declaration.parties or declaration.parties_text:
        out.heading(2, out.label("declaration.parties"))
        if declaration.parties_text:
            out.paragraph(declaration.parties_text)
        else:
            out.bullets(view.actor_name(p, context.partnership) for p in declaration.parties)
    based_on = [getattr(context.national.plan(i), "name", None) or i for i in declaration.based_on]
    adopted = view.adoption_text(declaration.adopted, declaration.adopted_by, context)
    out.facts(
        [
            (out.label("declaration.based_on"), "; ".join(based_on) or None),
            (out.label("declaration.adopted"), adopted),
            (out.label("declaration.corrected"), _date(declaration.corrected, context)),
        ]
    )
    if declaration.url:
        out.bullets([_link(Link(url=declaration.url))], raw=True)
    return out.text()


# -- annual report --------------------------------------------------------------------


def _measure_names(report: AnnualReport, context: RenderContext) -> dict[str, str]:
    found = view.followed_measures(report, context)
    return {key: view.measure_text(measure) for key, measure in found.items()}


def _title(document_id: str | None, context: RenderContext) -> str | None:
    """A referenced document's title (its id if the bundle lacks it)."""
    if document_id is None:
        return None
    found = context.bundle.document(document_id)
    return found.title if found is not None else document_id


def _structure_line(line: StructureCount, context: RenderContext) -> str:
    text = f"{line.text}: {line.count}" if line.count is not None else line.text
    if line.bodies:
        text += " (" + ", ".join(view.actor_name(b, context.partnership) for b in line.bodies) + ")"
    return text + (f". {line.note}" if line.note else "")


def _annual_report(report: AnnualReport, context: RenderContext) -> str:
    out = _Writer(context)
    _start(out, report.title, report)
    out.facts(
        [
            (out.label("report.year"), str(report.year)),
            (out.label("report.case_number"), report.case_number),
            (out.label("report.to"), _full(report.to, context)),
            (out.label("report.prepared_by"), _full(report.prepared_by, context)),
            (out.label("report.on_behalf_of"), _full(report.on_behalf_of, context)),
            (out.label("report.declaration"), _title(report.declaration, context)),
            (out.label("report.plan"), _title(report.plan, context)),
        ]
    )
    _abbreviations(out, report)
    if report.history is not None:
        out.section(report.history, 2, default_title=out.label("report.history"))
    if report.structure or report.people_in_active_roles is not None or report.structure_notes:
        out.heading(2, out.label("report.structure"))
        out.bullets(_structure_line(s, context) for s in report.structure)
        if report.people_in_active_roles is not None:
            count = str(report.people_in_active_roles)
            if report.people_approximate:
                count = out.label("report.people_approximate", count=count)
            out.facts([(out.label("report.people"), count)])
        out.paragraphs(report.structure_notes)
    if report.meetings:
        out.heading(2, out.label("report.meetings"))
        rows = [
            [escape_cell(row.who), escape_cell(row.count)]
            for row in view.meeting_rows(report, context)
        ]
        out.label_table(("report.meeting_body", "report.meeting_count"), rows)
    for key, items in (
        ("report.themes", report.themes),
        ("report.results", report.results),
        ("report.experiences", report.experiences),
    ):
        if items:
            out.heading(2, out.label(key))
            out.bullets(items)
    for section in report.sections:
        out.section(section, 2)
    if report.measure_status:
        names = _measure_names(report, context)
        out.heading(2, out.label("report.measure_status"))
        out.label_table(
            ("report.measure", "column.status", "report.note"),
            (
                [
                    escape_cell(names.get(f.measure, f.measure)),
                    escape_cell(out.label(f"status.{f.status.value}")),
                    escape_cell(f.note or ""),
                ]
                for f in report.measure_status
            ),
        )
    if report.proposed_decision:
        out.heading(2, out.label("report.proposed_decision"))
        out.paragraph(report.proposed_decision)
    return out.text()


# -- funding round --------------------------------------------------------------------


def _funding_round(funding: FundingRound, context: RenderContext) -> str:
    out = _Writer(context)
    _start(out, funding.title, funding)
    out.facts(
        [
            (out.label("funding.year"), str(funding.year)),
            (out.label("funding.scheme"), funding.scheme),
            (out.label("funding.decided_by"), _full(funding.decided_by, context)),
            (out.label("funding.decided"), _date(funding.decided, context)),
            (out.label("funding.forwarded_to"), _full(funding.forwarded_to, context)),
        ]
    )
    _abbreviations(out, funding)
    out.paragraph(funding.summary)
    ranked = funding.ranked()
    if ranked:
        with_amount = any(a.amount is not None for a in ranked)
        with_note = any(a.note for a in ranked)
        with_applicants = any(a.applicants for a in ranked)
        headers = [out.label("funding.priority"), out.label("funding.application")]
        headers += [out.label("funding.applicants")] if with_applicants else []
        headers += [out.label("funding.amount")] if with_amount else []
        headers += [out.label("funding.note")] if with_note else []
        rows = []
        for application in ranked:
            row = [str(application.priority), escape_cell(application.title)]
            if with_applicants:
                row.append(escape_cell(_names(application.applicants, context) or ""))
            if with_amount:
                amount = application.amount
                row.append(view.amount_text(amount, context.language) if amount else "")
            if with_note:
                row.append(escape_cell(application.note or ""))
            rows.append(row)
        out.heading(2, out.label("funding.ranking"))
        out.table(headers, rows)
    return out.text()


# -- consultation response ------------------------------------------------------------


def _consultation(response: ConsultationResponse, context: RenderContext) -> str:
    out = _Writer(context)
    _start(out, response.title, response)
    out.facts(
        [
            (out.label("consultation.date"), response.date.display()),
            (out.label("consultation.to"), response.to),
            (out.label("consultation.reference"), response.reference),
            (out.label("consultation.subject"), response.subject),
            (out.label("consultation.inputs_from"), _names(response.inputs_from, context)),
        ]
    )
    _abbreviations(out, response)
    out.paragraphs(response.introduction)
    if response.questions:
        out.heading(2, out.label("consultation.questions"))
        for index, question in enumerate(response.questions, start=1):
            number = question.number if question.number is not None else index
            out.heading(3, f"{out.label('consultation.question', number=number)}: {question.text}")
            out.paragraphs(question.answer)
            out.bullets(question.bullets)
            out.paragraphs(question.closing)
    for section in response.sections:
        out.section(section, 2)
    return out.text()


# -- governance overview --------------------------------------------------------------


def _node(body_id: str) -> str:
    return "b_" + re.sub(r"[^A-Za-z0-9]", "_", body_id)


MERMAID_ARROWS: dict[str, tuple[str, str]] = {
    "steers": ("-->", "diagram.solid"),
    "under": ("-.->", "diagram.dotted"),
    "mandate": ("==>", "diagram.thick"),
}
"""The Mermaid arrow of each kind of edge, and the label that names its look."""

_EDGE_WORDS = {"steers": "diagram.steers", "under": "diagram.under", "mandate": "diagram.mandate"}


def mermaid_diagram(partnership: Partnership) -> str:
    """The body structure as a Mermaid flowchart, in the tree every format shares
    (:func:`~helsefellesskap.render.view.governance_tree`): a solid arrow from the
    steering body, a dotted one from the body a group is organised under, a thick one
    from the body that gave the mandate where neither is known."""
    lines = ["flowchart TD"]
    for row in view.governance_tree(partnership.bodies):
        label = (row.body.abbreviation or row.body.name).replace('"', "#quot;")
        lines.append(f'    {_node(row.body.id)}["{label}"]')
    for edge in view.governance_edges(partnership):
        arrow = MERMAID_ARROWS[edge.kind][0]
        lines.append(f"    {_node(edge.source)} {arrow} {_node(edge.target)}")
    return "```mermaid\n" + "\n".join(lines) + "\n```"


def mermaid_legend(partnership: Partnership, context: RenderContext) -> str | None:
    """The line under the chart that says what each arrow means, for the kinds of edge
    it has: ``Forklaring: heltrukken pil – styrer; stiplet pil – har under seg``."""
    kinds = {edge.kind for edge in view.governance_edges(partnership)}
    entries = [
        f"{context.label(MERMAID_ARROWS[kind][1])} – {context.label(_EDGE_WORDS[kind])}"
        for kind in view.EDGE_KINDS
        if kind in kinds
    ]
    if not entries:
        return None
    return f"{context.label('diagram.legend')}: " + "; ".join(entries)


def _partner_cell(partner: view.PartnerView) -> str:
    parts = [escape_cell(partner.name)]
    parts.extend(escape_cell(f"{n.language_name}: {n.name}") for n in partner.other_names)
    return "<br>".join(parts)


def _governance(partnership: Partnership, context: RenderContext) -> str:
    out = _Writer(context)
    _start(out, f"{out.label('governance.title')} – {partnership.name}", partnership)
    out.paragraph(partnership.description)
    _abbreviations(out, partnership)
    if partnership.bodies:
        out.heading(2, out.label("governance.diagram"))
        out.raw(mermaid_diagram(partnership))
        legend = mermaid_legend(partnership, context)
        if legend:
            out.emphasis(legend)
    partners = view.partner_views(context)
    if partners:
        out.heading(2, out.label("governance.partners"))
        described = any(p.description for p in partners)
        keys = ("governance.partners", "governance.kind", "governance.membership")
        out.label_table(
            (*keys, "governance.description") if described else keys,
            (
                [
                    _partner_cell(p),
                    escape_cell(p.kind),
                    escape_cell(p.membership),
                    *([escape_cell(p.description or "")] if described else []),
                ]
                for p in partners
            ),
        )
    if partnership.bodies:
        out.heading(2, out.label("governance.bodies"))
    for body in view.body_views(context):
        out.heading(3, body.heading)
        out.paragraph(body.description)
        out.facts(
            [
                (out.label("governance.kind"), body.kind),
                (out.label("governance.status"), body.status),
                (out.label("governance.steering_body"), body.steering_body),
                (out.label("governance.parent"), body.parent),
                (out.label("governance.chair"), body.chair),
                (out.label("governance.decision_rule"), body.decision_rule),
                (out.label("governance.meets"), body.meets),
                (out.label("governance.term"), body.term),
                (out.label("governance.ends"), body.ends),
                (out.label("governance.history"), body.history_text),
                (out.label("governance.continues"), body.continues),
                (out.label("governance.involves"), body.involves),
                (out.label("governance.other_sectors"), body.other_sectors),
            ]
        )
        if body.mandate or body.mandate_given_by:
            out.heading(4, out.label("governance.mandate"))
            out.paragraph(body.mandate)
            out.facts(
                [
                    (out.label("governance.mandate_given_by"), body.mandate_given_by),
                    (out.label("governance.mandate_date"), body.mandate_date),
                ]
            )
        if body.seats:
            out.heading(4, out.label("governance.seats"))
            out.label_table(
                ("governance.holder", "governance.count", "governance.rights"),
                (
                    [
                        escape_cell(s.holder + (f" ({s.note})" if s.note else "")),
                        str(s.count) if s.count is not None else "",
                        escape_cell(s.rights),
                    ]
                    for s in body.seats
                ),
            )
        out.bullets(body.notes)
    if partnership.roles:
        out.heading(2, out.label("governance.roles"))
        out.bullets(
            r.name + (f": {r.description}" if r.description else "") for r in partnership.roles
        )
    if partnership.groups:
        out.heading(2, out.label("governance.groups"))
        out.bullets(
            g.name + ": " + ", ".join(p.display_name for p in partnership.group_members(g))
            for g in partnership.groups
        )
    return out.text()


class MarkdownFormat(RenderFormat):
    """GitHub-flavoured Markdown of every document type and the governance overview."""

    name = "md"
    extension = ".md"
    media_type = "text/markdown; charset=utf-8"
    description = "GitHub-flavoured Markdown"
    binary = False
    renders = CORE_RENDERABLES

    def render(self, item: Renderable, context: RenderContext) -> bytes:
        """Render ``item`` as UTF-8 Markdown."""
        if isinstance(item, ActionPlan):
            text = _action_plan(item, context)
        elif isinstance(item, Declaration):
            text = _declaration(item, context)
        elif isinstance(item, AnnualReport):
            text = _annual_report(item, context)
        elif isinstance(item, FundingRound):
            text = _funding_round(item, context)
        elif isinstance(item, ConsultationResponse):
            text = _consultation(item, context)
        elif isinstance(item, Partnership):
            text = _governance(item, context)
        else:
            from ..errors import RenderError

            raise RenderError(f"the format 'md' cannot render a {type(item).__name__}")
        return text.encode("utf-8")
