"""What importing a part of the library pulls in (issue 11 §3): the render package, the
outline builders and the built-in body kinds import their heavy parts on first use.

Each check runs in a fresh interpreter, since this test process has imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys

import attrs

from helsefellesskap import BodyKind, PluginManager, Severity, hookimpl
from helsefellesskap.validate.finding import Rule

from .conftest import EXAMPLE


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter has imported after running ``code``."""
    program = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_a_render_submodule_does_not_import_the_render_api() -> None:
    names = modules_after("from helsefellesskap.render import view, catalogue")
    assert "helsefellesskap.render.view" in names
    assert "helsefellesskap.render.api" not in names


def test_render_names_are_imported_on_first_use() -> None:
    names = modules_after(
        "from helsefellesskap.render import render, LabelCatalogue, output_name\n"
        "import helsefellesskap.render.api as api\n"
        "assert render is api.render and output_name is api.output_name\n"
        "import helsefellesskap.render as r\n"
        "assert set(r.__all__) <= set(dir(r))\n"
        "assert all(getattr(r, name) is not None for name in r.__all__)\n"
    )
    assert "helsefellesskap.render.api" in names


def test_the_outline_of_a_plan_does_not_import_follow_up() -> None:
    names = modules_after(
        "from helsefellesskap import load_bundle\n"
        "from helsefellesskap.outline import build_outline\n"
        "from helsefellesskap.render import make_context\n"
        f"bundle = load_bundle({str(EXAMPLE)!r})\n"
        "plan = bundle.document('handlingsplan-2024-2025')\n"
        "outline = build_outline(plan, make_context(bundle, 'nb'))\n"
        "assert outline.blocks\n"
    )
    assert "helsefellesskap.outline.action_plan" in names
    unwanted = ("helsefellesskap.followup", "helsefellesskap.outline.changelog")
    assert sorted(n for n in names if n.startswith(unwanted)) == []


def test_the_built_in_body_kinds_import_their_rules_on_first_use() -> None:
    names = modules_after(
        "from helsefellesskap.builtin.kinds import builtin_kinds\n"
        "kinds = {k.name: k for k in builtin_kinds()}\n"
        "assert kinds['professional-committee'].abbreviation == 'FSU'\n"
    )
    assert "helsefellesskap.validate.rules" not in names
    names = modules_after(
        "from helsefellesskap.builtin.kinds import builtin_kinds\n"
        "kinds = {k.name: k for k in builtin_kinds()}\n"
        "assert kinds['professional-committee'].rules\n"
    )
    assert "helsefellesskap.validate.rules" in names


def _rule(code: str) -> Rule:
    return Rule(code=code, severity=Severity.INFO, title="t", explanation="e", check=lambda c: [])


def test_a_body_kind_takes_its_rules_or_a_function_returning_them() -> None:
    first, second = _rule("X1"), _rule("X2")
    calls: list[int] = []

    def rules() -> list[Rule]:
        calls.append(1)
        return [first, second]

    lazy = BodyKind(name="k", rules=rules)
    assert calls == []
    assert lazy.rules == (first, second)
    assert lazy.rules == (first, second)
    assert calls == [1]  # called once
    eager = BodyKind(name="k", rules=(first, second))
    assert eager.rules == (first, second)
    assert lazy == eager
    assert lazy != BodyKind(name="k")
    assert attrs.evolve(lazy, name="other").rules == (first, second)
    assert BodyKind(name="k").rules == ()


def test_a_kind_whose_rules_function_fails_is_that_plugins_failure() -> None:
    def broken() -> list[Rule]:
        raise RuntimeError("no rules today")

    class Broken:
        @hookimpl
        def hf_body_kinds(self) -> list[BodyKind]:
            return [BodyKind(name="broken-kind", rules=broken)]

    class Good:
        @hookimpl
        def hf_body_kinds(self) -> list[BodyKind]:
            return [BodyKind(name="good-kind", rules=lambda: [_rule("X9")])]

    manager = PluginManager(entry_points=False)
    manager.register(Broken(), name="broken-plugin")
    manager.register(Good(), name="good-plugin")
    rules = manager.rules()
    assert "X9" in rules  # the other plugin's kind still brings its rules
    assert "HF301" in rules  # and the built-in kinds their FSU rules
    assert "broken-kind" in manager.body_kinds()
    failures = [f for f in manager.failures if f.plugin == "broken-plugin"]
    assert [(f.hook, "no rules today" in f.message) for f in failures] == [("hf_body_kinds", True)]


def test_a_rule_module_importing_rule_and_finding_does_not_import_the_engine() -> None:
    names = modules_after("from helsefellesskap.validate import Finding, Rule")
    assert "helsefellesskap.validate.finding" in names
    unwanted = ("helsefellesskap.validate.engine", "helsefellesskap.validate.results")
    assert sorted(n for n in names if n.startswith(unwanted)) == []
    names = modules_after(
        "import helsefellesskap.validate as v\n"
        "from helsefellesskap.validate.engine import validate\n"
        "assert v.validate is validate and set(v.__all__) <= set(dir(v))\n"
        "assert all(getattr(v, name) is not None for name in v.__all__)\n"
    )
    assert "helsefellesskap.validate.engine" in names


def test_io_names_are_imported_on_first_use() -> None:
    names = modules_after("from helsefellesskap.io.text import parse_toml")
    assert "helsefellesskap.io.text" in names
    unwanted = ("cattrs", "helsefellesskap.io.converter", "helsefellesskap.io.folder")
    assert sorted(n for n in names if n.startswith(unwanted)) == []
    names = modules_after(
        "import helsefellesskap.io as hio\n"
        "from helsefellesskap.io.folder import load_bundle\n"
        "assert hio.load_bundle is load_bundle and set(hio.__all__) <= set(dir(hio))\n"
        "assert all(getattr(hio, name) is not None for name in hio.__all__)\n"
    )
    assert "helsefellesskap.io.converter" in names


def test_valid_data_is_loaded_without_cattrs_and_wrong_data_explained_with_it() -> None:
    names = modules_after(
        "from helsefellesskap import load_bundle\n"
        f"bundle = load_bundle({str(EXAMPLE)!r})\n"
        "assert bundle.document('handlingsplan-2024-2025').focus_areas\n"
    )
    assert "helsefellesskap.io.fast" in names
    assert sorted(n for n in names if n == "cattrs" or n.startswith("cattrs.")) == []
    names = modules_after(
        "from helsefellesskap import DataError, loads\n"
        "try:\n"
        '    loads(\'kind = "action-plan"\\nid = "p"\\ntitel = "x"\\n\')\n'
        "except DataError as error:\n"
        "    assert any(p.path == '$.titel' for p in error.problems), error\n"
        "else:\n"
        "    raise AssertionError('loaded')\n"
    )
    assert "cattrs" in names  # the detailed path says what is wrong


def test_validate_without_positions_gives_the_same_findings_unplaced() -> None:
    from helsefellesskap import load_bundle
    from helsefellesskap.validate import validate

    bundle = load_bundle(EXAMPLE)
    placed = validate(bundle)
    unplaced = validate(bundle, positions=False)
    assert any(f.line is not None for f in placed.findings)  # the example has some to place
    assert [attrs.evolve(f, line=None, column=None) for f in placed.findings] == list(
        unplaced.findings
    )
    assert all(f.line is None and f.column is None for f in unplaced.findings)
    assert unplaced.counts == placed.counts
    names = modules_after(
        "from helsefellesskap import load_bundle\n"
        "from helsefellesskap.validate import validate\n"
        f"assert validate(load_bundle({str(EXAMPLE)!r}), positions=False).findings\n"
    )
    assert "helsefellesskap.io.positions" not in names


def test_national_ids_are_the_frames_and_loading_a_partnership_does_not_build_it() -> None:
    from helsefellesskap.national import national_frame, national_ids

    assert national_ids() == set(national_frame().ids())
    for texts in ("", "[national_texts.en]\nnhsp-2024 = 'The national plan'\n"):
        modules_after(  # a partnership without wordings of its own, and one with
            "import pathlib, shutil, tempfile\n"
            "from helsefellesskap import load_bundle\n"
            "from helsefellesskap.national import national_frame, national_ids\n"
            "folder = pathlib.Path(tempfile.mkdtemp()) / 'p'\n"
            f"shutil.copytree({str(EXAMPLE)!r}, folder)\n"
            "with open(folder / 'partnership.toml', 'a', encoding='utf-8') as file:\n"
            f"    file.write({texts!r})\n"
            "bundle = load_bundle(folder)\n"
            "shutil.rmtree(folder.parent)\n"
            f"assert bool(bundle.partnership.national_texts) is {bool(texts)}\n"
            f"assert national_ids.cache_info().currsize == {int(bool(texts))}\n"
            "assert national_frame.cache_info().currsize == 0\n"
        )
