"""The template's render format: an action plan as a plain-text outline.

A render format is a class that declares its name, file extension, media type and the
document types it renders, and turns one document into bytes. It reads labels through
the context, so a partnership (or a language) can change the wording without code.
"""

from __future__ import annotations

from typing import ClassVar

from helsefellesskap import ActionPlan, Body, RenderContext, RenderError, RenderFormat
from helsefellesskap.render.format import Renderable

from . import PARTNERSHIP_ID

__all__ = ["OutlineFormat"]


class OutlineFormat(RenderFormat):
    """``outline``: focus areas, goals and measures as an indented plain-text list."""

    name: ClassVar[str] = "outline"
    extension: ClassVar[str] = ".txt"
    media_type: ClassVar[str] = "text/plain; charset=utf-8"
    description: ClassVar[str] = "an action plan as a plain-text outline"
    renders: ClassVar[tuple[type[Renderable], ...]] = (ActionPlan,)
    # Only Malby's documents: ``-f all`` and whole-partnership renders leave this format
    # out for every other partnership, and asking for it by name there is an error.
    partnerships: ClassVar[tuple[str, ...]] = (PARTNERSHIP_ID,)

    def render(self, item: Renderable, context: RenderContext) -> bytes:
        """The outline of ``item``, UTF-8 encoded, one line per focus area, goal and measure."""
        if not isinstance(item, ActionPlan):
            raise RenderError(f"the outline format renders action plans, not {type(item).__name__}")
        actors = context.partnership.actors()

        def who(actor_id: str) -> str:
            actor = actors.get(actor_id)
            if isinstance(actor, Body) and actor.abbreviation:
                return actor.abbreviation
            return actor.name if actor is not None else actor_id

        responsible = context.labels.get("template.responsible", "Ansvarlig")
        deadline = context.labels.get("template.deadline", "Frist")
        show_deadline = "deadline" in context.layout.measure_columns
        lines = [item.title, "=" * len(item.title), ""]
        for a, area in enumerate(item.focus_areas, start=1):
            lines.append(f"{a}. {area.title}")
            for g, goal in enumerate(area.goals, start=1):
                lines.append(f"   {a}.{g} {goal.text}")
                for measure in goal.measures:
                    line = f"      - {measure.text}"
                    details = []
                    if measure.responsible:
                        details.append(f"{responsible}: {', '.join(map(who, measure.responsible))}")
                    if show_deadline and measure.deadline is not None:
                        details.append(f"{deadline}: {measure.deadline.display()}")
                    if details:
                        line += f" ({'; '.join(details)})"
                    lines.append(line)
            lines.append("")
        return "\n".join(lines).rstrip("\n").encode("utf-8") + b"\n"
