"""A plugin's partner kinds and extra fields that cannot be used are the plugin's failure,
named with what to write instead (issue 18 §4)."""

from __future__ import annotations

from typing import Any

from helsefellesskap.hookspecs import hookimpl
from helsefellesskap.kinds import ExtraField, PartnerKindSpec
from helsefellesskap.testing import make_manager


class Careless:
    """A plugin with one usable and several unusable declarations."""

    @hookimpl
    def hf_partner_kinds(self) -> list[Any]:
        return [
            PartnerKindSpec(name="municipality", labels={"nb": "kommune"}),
            PartnerKindSpec(name="private-hospital", labels={"nb": "privat sykehus"}),
        ]

    @hookimpl
    def hf_extra_fields(self) -> list[Any]:
        return [
            ExtraField(name="budget", place="committee"),
            ExtraField(name="beds", place="partner", type="float"),
            ExtraField(name="elected_by", place="seat"),
        ]


def _messages(hook: str) -> list[str]:
    manager = make_manager(Careless())
    manager.collect()
    return [f.message for f in manager.failures if f.hook == hook]


def test_a_partner_kind_with_a_built_in_name_is_a_failure() -> None:
    manager = make_manager(Careless())
    assert list(manager.partner_kinds()) == ["private-hospital"]
    [message] = _messages("hf_partner_kinds")
    assert "partner kind 'municipality' is built in; give the new kind its own name" in message


def test_an_extra_field_with_an_unknown_place_or_type_is_a_failure() -> None:
    manager = make_manager(Careless())
    assert list(manager.extra_fields()) == ["seat.elected_by"]
    messages = _messages("hf_extra_fields")
    assert any(
        "extra field 'budget' has place 'committee': write one of body, seat, partner" in m
        for m in messages
    ), messages
    assert any(
        "extra field 'beds' has type 'float': write one of text, integer, number, boolean" in m
        for m in messages
    ), messages


def test_a_value_is_checked_against_its_field() -> None:
    field = ExtraField(name="beds", place="partner", type="integer", choices=(50, 100))
    assert field.problem(50) is None
    assert field.problem(True) == "beds takes a whole number, not True"
    assert field.problem("50") == "beds takes a whole number, not '50'"
    assert field.problem(70) == "70 is not allowed for beds: write one of 50, 100"
    assert ExtraField(name="x", place="body", type="number").problem(1) is None
