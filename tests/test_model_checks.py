"""Constructors refuse a wrong type or shape, naming the field (issue 12 §1, §2, §5).

A model can only be built in a shape that saves and loads again: nothing is split into
letters, no text stands where an enum or a deadline belongs, no year or count is absurd.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from helsefellesskap import (
    ActionPlan,
    Body,
    Deadline,
    Declaration,
    Layout,
    Link,
    Measure,
    MeasureStatus,
    Partnership,
    Period,
    Seat,
    Section,
)
from helsefellesskap.model import DOCUMENT_TYPES
from helsefellesskap.model._base import InvalidValue


def _refused(cls: type[Any], **kwargs: Any) -> InvalidValue:
    with pytest.raises(InvalidValue) as caught:
        cls(**kwargs)
    return caught.value


def test_one_id_where_a_sequence_belongs_is_refused_not_split() -> None:
    error = _refused(Measure, id="m", text="T", responsible="unn")
    assert error.field == "responsible"
    assert error.message == "expected a tuple of text (str), got the text 'unn'"
    assert error.hint == "give a sequence: ('unn',) or ['unn']"


def test_a_text_where_a_sequence_of_texts_belongs_is_refused() -> None:
    error = _refused(Measure, id="m", text="T", details="Felles opplæring")
    assert error.field == "details"


def test_text_where_a_status_belongs_says_which_member() -> None:
    error = _refused(Measure, id="m", text="T", status="done")
    assert error.field == "status"
    assert error.message == "expected a MeasureStatus, got the text 'done'"
    assert error.hint == "give MeasureStatus.DONE"


def test_a_year_where_a_deadline_belongs() -> None:
    error = _refused(Measure, id="m", text="T", deadline=2024)
    assert error.field == "deadline"
    assert error.message == "expected Deadline, got the integer 2024"
    assert error.hint == "give Deadline.of_year(2024)"


def test_a_list_is_taken_as_the_same_sequence() -> None:
    measure = Measure(id="m", text="T", responsible=["unn", "kommunene"])  # type: ignore[arg-type]
    assert measure.responsible == ("unn", "kommunene")
    assert measure == Measure(id="m", text="T", responsible=("unn", "kommunene"))
    hash(measure)


def test_a_wrong_element_names_its_index() -> None:
    error = _refused(Measure, id="m", text="T", details=("a", 3))
    assert error.field == "details[1]"
    assert error.message == "expected text (str), got the integer 3"


def test_a_wrong_class_in_a_sequence() -> None:
    error = _refused(Section, links=("https://unn.no",))
    assert error.field == "links[0]"
    assert error.message == "expected Link, got the text 'https://unn.no'"


def test_numbers_are_not_text_and_booleans_not_numbers() -> None:
    assert _refused(Measure, id="m", text=3).field == "text"
    assert _refused(Period, start=True, end=2025).field == "start"


def test_a_mapping_is_checked_key_and_value() -> None:
    from helsefellesskap import Partner, PartnerKind

    error = _refused(Partner, id="a", kind=PartnerKind.OTHER, name="A", names={"se": 3})
    assert error.field == "names['se']"
    assert _refused(Partner, id="a", kind=PartnerKind.OTHER, name="A", names=["se"]).field == (
        "names"
    )


def test_the_id_check_sees_the_type_error_first() -> None:
    error = _refused(Measure, id=3, text="T")
    assert error.field == "id"
    assert "argument" not in error.message


def test_a_document_subclass_checks_its_own_and_inherited_fields() -> None:
    period = Period(start=2024, end=2025)
    assert _refused(ActionPlan, id="p", title=3, period=period).field == "title"
    assert _refused(ActionPlan, id="p", title="P", period="2024-2025").field == "period"


@pytest.mark.parametrize("cls", DOCUMENT_TYPES, ids=lambda c: c.KIND)
def test_every_document_type_is_typed(cls: type[Any]) -> None:
    with pytest.raises(InvalidValue) as caught:
        cls(**{f.name: 12345 for f in attrs.fields(cls) if f.default is attrs.NOTHING})
    assert caught.value.field


# --- Limits (§2, §5) --------------------------------------------------------------------


@pytest.mark.parametrize("year", [1899, 2201, 2**64])
def test_years_outside_the_range_of_plans(year: int) -> None:
    with pytest.raises(InvalidValue, match="is not a year a plan can name"):
        Period(start=2024, end=year)
    with pytest.raises(InvalidValue, match="is not a year a plan can name"):
        Deadline.of_year(year)


def test_counts_within_sane_ranges() -> None:
    error = _refused(Seat, holder="unn", rights=(), count=2**64)
    assert error.field == "count"
    assert "is not a count" in error.message


def test_titles_within_words_limit() -> None:
    long = "Å" * 256
    error = _refused(Declaration, id="d", title=long, period=Period(start=2024, end=2025))
    assert error.field == "title"
    assert error.message.startswith("the title is 256 characters long; it begins")
    assert len(error.message) < 120
    Declaration(id="d", title="Å" * 255, period=Period(start=2024, end=2025))


def test_short_names_and_abbreviations_too() -> None:
    assert _refused(Body, id="b", kind="network", name="B", abbreviation="X" * 300).field == (
        "abbreviation"
    )


def test_sections_nest_only_so_deep() -> None:
    section = Section(title="bunn")
    for _ in range(7):
        section = Section(title="x", subsections=(section,))
    with pytest.raises(InvalidValue, match="nest more than 8 levels"):
        Section(title="topp", subsections=(section,))


# --- Links (§3) -------------------------------------------------------------------------

BAD_LINKS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///C:/Users/x/a.pdf",
    "ftp://example.no/a",
    "//evil.example/a",
    "vedlegg/plan.pdf",
    "https://",
    "https://x.no/a b",
    'https://x.no/"onmouseover="alert(1)',
    "https://x.no/<script>",
    "mailto:",
    " ",
]


@pytest.mark.parametrize("url", BAD_LINKS)
def test_only_web_and_mail_links(url: str) -> None:
    error = _refused(Link, url=url)
    assert error.field == "url"


@pytest.mark.parametrize(
    "url", ["https://unn.no/", "http://example.no/a(b)", "mailto:post@unn.no", "https://x.no/%20"]
)
def test_good_links(url: str) -> None:
    assert Link(url=url).url == url


def test_relative_links_only_where_asked() -> None:
    from helsefellesskap.model.links import relative_links_allowed

    with relative_links_allowed():
        assert Link(url="vedlegg/plan.pdf").url == "vedlegg/plan.pdf"
        with pytest.raises(InvalidValue):
            Link(url="javascript:alert(1)")
    with pytest.raises(InvalidValue):
        Link(url="vedlegg/plan.pdf")


def test_every_url_field_is_checked() -> None:
    """Every field named url or link, in every model class, refuses a javascript: link."""
    import helsefellesskap.model as model
    from helsefellesskap.model.links import check_url

    from .strategies import _validators

    classes = [c for c in vars(model).values() if isinstance(c, type) and attrs.has(c)]
    checked = []
    for cls in classes:
        for field in attrs.fields(cls):
            if field.name in ("url", "link"):
                assert check_url in _validators(field), f"{cls.__name__}.{field.name}"
                checked.append(f"{cls.__name__}.{field.name}")
    assert {"Link.url", "Reference.url", "Mandate.url", "Partnership.url", "Partner.url"} <= set(
        checked
    )
    assert "Declaration.url" in checked


# --- Layout and language (§5) -----------------------------------------------------------


def test_unknown_measure_column_suggests_the_right_one() -> None:
    error = _refused(Layout, measure_columns=("goal", "measures", "responsible"))
    assert error.field == "measure_columns[1]"
    assert error.message == "'measures' is not a column of the measures table"
    assert error.hint is not None and error.hint.startswith('did you mean "measure"?')


def test_a_column_named_twice_and_no_columns() -> None:
    assert _refused(Layout, measure_columns=("goal", "goal")).field == "measure_columns[1]"
    assert _refused(Layout, measure_columns=()).field == "measure_columns"


@pytest.mark.parametrize("code", ["klingon", "NB", "nb_NO", "", "x" * 100])
def test_unknown_language_codes(code: str) -> None:
    assert _refused(Layout, language=code).field == "language"
    period = Period(start=2024, end=2025)
    error = _refused(Declaration, id="d", title="D", period=period, language=code)
    assert error.field == "language"


@pytest.mark.parametrize("code", ["nb", "nn", "en", "se", "sma", "smj", "en-GB", "nb-NO"])
def test_known_language_codes(code: str) -> None:
    assert Layout(language=code).language == code


def test_bundled_partnerships_build_as_before() -> None:
    partnership = Partnership(id="x", name="X", url="https://x.no")
    assert partnership.layout.measure_columns == ("goal", "measure", "responsible")
    assert Measure(id="m", text="T", status=MeasureStatus.DONE).status is MeasureStatus.DONE
    assert Measure(id="m", text="T", deadline=Deadline.of_date(dt.date(2024, 6, 1))).deadline


def test_every_model_class_checks_its_types() -> None:
    """A class added to the model is built with ``field_transformer=typed`` too."""
    import helsefellesskap.model as model
    from helsefellesskap.model._typed import _TYPED

    from .strategies import _validators

    classes = [c for c in vars(model).values() if isinstance(c, type) and attrs.has(c)]
    assert len(classes) > 20
    untyped = [
        c.__name__
        for c in classes
        if attrs.fields(c) and _TYPED not in _validators(attrs.fields(c)[0])
    ]
    assert untyped == [], "use @attrs.frozen(kw_only=True, field_transformer=typed)"
