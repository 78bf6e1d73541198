"""One answer to "which measure does this follow-up name?" for HF213, status and the
rendered annual report (issue 10 §5): a measure of another plan, named
``<plan id>.<measure id>``, is found by all three or by none."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from helsefellesskap import (
    DocumentNotFoundError,
    PluginManager,
    RenderError,
    UnknownFormatError,
)
from helsefellesskap.followup import plan_status
from helsefellesskap.io import load_bundle
from helsefellesskap.model import ActionPlan, AnnualReport, Bundle, MeasureFollowUp, MeasureStatus
from helsefellesskap.model.annual_report import resolve_follow_up
from helsefellesskap.render import render
from helsefellesskap.validate import validate

EXAMPLE = Path(__file__).parent.parent / "examples" / "eksempel"

MEASURES = {"plan-a": {"m1", "m2"}, "plan.b": {"m1", "x"}}


def has(plan: str, measure: str) -> bool:
    return measure in MEASURES.get(plan, set())


@pytest.mark.parametrize(
    ("value", "plan", "expected"),
    [
        ("m1", "plan-a", ("plan-a", "m1")),
        ("plan-a.m2", "plan-a", ("plan-a", "m2")),
        ("plan.b.x", "plan-a", ("plan.b", "x")),  # another plan, whose id holds a dot
        ("plan.b.m1", None, ("plan.b", "m1")),
        ("m1", None, None),  # a bare id names nothing without the report's plan
        ("x", "plan-a", None),
        ("plan-a.x", "plan-a", None),
    ],
)
def test_resolve_follow_up(value: str, plan: str | None, expected: tuple[str, str] | None) -> None:
    assert resolve_follow_up(value, plan, has) == expected


@pytest.fixture
def bundle() -> Bundle:
    """The example, whose annual report follows up one measure of its plan as
    ``<plan id>.<measure id>`` and one that does not exist."""
    loaded = load_bundle(EXAMPLE)
    report = next(loaded.documents_of(AnnualReport))
    plan = next(loaded.documents_of(ActionPlan))
    measure = next(plan.measures())
    changed = attrs.evolve(
        report,
        measure_status=(
            MeasureFollowUp(measure=f"{plan.id}.{measure.id}", status=MeasureStatus.DONE),
            MeasureFollowUp(measure="finnes-ikke.tiltak", status=MeasureStatus.STARTED),
        ),
    )
    documents = tuple(changed if d is report else d for d in loaded.documents)
    return attrs.evolve(loaded, documents=documents)


def test_hf213_status_and_the_rendered_report_agree(bundle: Bundle) -> None:
    report = next(bundle.documents_of(AnnualReport))
    plan = next(bundle.documents_of(ActionPlan))
    measure = next(plan.measures())
    manager = PluginManager(entry_points=False)
    hf213 = [f for f in validate(bundle, manager=manager).findings if f.code == "HF213"]
    assert [f.path for f in hf213] == ["$.measure_status[1].measure"]
    status = plan_status(plan, bundle.partnership, on=dt.date(2026, 1, 1), report=report)
    assert status.unknown_follow_ups == ("finnes-ikke.tiltak",)
    assert next(s for s in status.measures if s.id == measure.id).status is MeasureStatus.DONE
    text = render(report, "md", bundle=bundle, manager=manager).decode()
    words = " ".join(measure.text.split()[:6])  # plain words, free of Markdown escapes
    assert words in text  # the resolved measure is named by its text, not its id
    assert "finnes-ikke.tiltak" in text  # the unresolved one keeps the name it was given


def test_an_unknown_format_has_its_own_error_class(bundle: Bundle) -> None:
    manager = PluginManager(entry_points=False)
    with pytest.raises(UnknownFormatError, match="did you mean 'md'") as caught:
        render(bundle.documents[0], "mdx", bundle=bundle, manager=manager)
    assert isinstance(caught.value, RenderError)
    assert not isinstance(caught.value, DocumentNotFoundError)
    with pytest.raises(UnknownFormatError, match="no render format 'mdx'"):
        manager.render_format("mdx")
