"""Every hook, exercised through a real plugin installed with its entry point.

The plugin is ``hf-fixture-good`` (``tests/plugin_fixtures/good``), installed with pip
into a temporary folder on ``sys.path``; the manager finds it as it finds any installed
plugin. Each hook has a test named ``test_hook_<hook name>``: a meta-test checks that.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from helsefellesskap import PluginManager, Severity, load_bundle, load_document
from helsefellesskap.plugins import DISABLE_ENV, NO_ENTRY_POINTS_ENV, hook_names
from helsefellesskap.render import make_context
from helsefellesskap.testing import PartnershipFolder, run_cli

from .plugin_sites import sites

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "eksempel"


@pytest.fixture
def manager(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> PluginManager:
    """A manager of everything installed, the good fixture plugin included."""
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    monkeypatch.delenv(NO_ENTRY_POINTS_ENV, raising=False)
    site = sites.install(["good"], tmp_path_factory.mktemp("good") / "site")
    monkeypatch.syspath_prepend(str(site))
    manager = PluginManager()
    assert manager.plugin("fixture-good") is not None
    assert [str(f) for f in manager.failures if f.plugin == "fixture-good"] == []
    return manager


def test_every_hook_has_a_test() -> None:
    tested = {
        name.removeprefix("test_hook_")
        for name, value in globals().items()
        if name.startswith("test_hook_") and inspect.isfunction(value)
    }
    assert set(hook_names()) - tested == set(), "hooks without a test_hook_<name> test"
    assert tested - set(hook_names()) == set(), "tests of hooks that do not exist"


def test_hook_hf_partnerships(manager: PluginManager) -> None:
    source = manager.partnerships()["fixturby"]
    assert (source.name, source.path.name) == ("Fixturby", "data")
    assert manager.owner("hf_partnerships", "fixturby") == "fixture-good"
    bundle = manager.load_partnership("fixturby")
    assert bundle.partnership.name == "Fixturby"
    assert [d.id for d in bundle.documents] == ["mote-2025-01"]


def test_hook_hf_body_kinds(manager: PluginManager, partnership_folder: PartnershipFolder) -> None:
    from helsefellesskap.validate import validate

    kind = manager.body_kinds()["fixture-board"]
    assert kind.label("nb") == "styre"
    assert manager.owner("hf_body_kinds", "fixture-board") == "fixture-good"
    # the kind's rule runs: a board without seats is a warning at the board's seats
    partnership_folder.append(
        "partnership.toml", '[[bodies]]\nid = "styret"\nkind = "fixture-board"\nname = "Styret"\n'
    )
    report = validate(partnership_folder.load(manager), manager=manager)
    found = [(f.code, f.severity, f.path, f.message) for f in report.findings if f.code == "FX002"]
    assert found == [
        ("FX002", Severity.WARNING, "$.bodies[2].seats", "board 'styret' has no seats")
    ]


def test_hook_hf_partner_kinds(
    manager: PluginManager, partnership_folder: PartnershipFolder
) -> None:
    from helsefellesskap.render import render
    from helsefellesskap.validate import validate

    kind = manager.partner_kinds()["fixture-hospital"]
    assert kind.label("nn") == "privat sjukehus"
    assert manager.owner("hf_partner_kinds", "fixture-hospital") == "fixture-good"
    partnership_folder.append(
        "partnership.toml",
        '[[partners]]\nid = "fjordsykehuset"\nkind = "fixture-hospital"\nname = "Fjordsykehuset"\n'
        '\n[[partners]]\nid = "annet"\nkind = "fixture-hospitl"\nname = "Annet"\n',
    )
    bundle = partnership_folder.load(manager)
    report = validate(bundle, manager=manager)
    found = [(f.path, f.message, f.suggestion) for f in report.findings if f.code == "HF215"]
    assert len(found) == 1
    assert found[0][1:] == ('"fixture-hospitl" is not a partner kind', "fixture-hospital")
    labels = (("nb", "privat sykehus"), ("nn", "privat sjukehus"), ("en", "private hospital"))
    for lang, label in labels:
        page = render(bundle.partnership, "md", bundle=bundle, lang=lang, manager=manager)
        assert f"| Fjordsykehuset | {label} |" in page.decode("utf-8")


def test_hook_hf_extra_fields(
    manager: PluginManager, partnership_folder: PartnershipFolder
) -> None:
    from helsefellesskap.render import render
    from helsefellesskap.validate import validate

    field = manager.extra_fields()["body.budget_owner"]
    assert (field.place, field.type, field.label("en")) == ("body", "text", "Budget owner")
    assert manager.owner("hf_extra_fields", "seat.elected_by") == "fixture-good"
    partnership_folder.append(
        "partnership.toml",
        '[[partners]]\nid = "fjordsykehuset"\nkind = "health-trust"\nname = "Fjordsykehuset"\n'
        "extra = { beds = 120 }\n"
        '\n[[bodies]]\nid = "styret"\nkind = "fixture-board"\nname = "Styret"\n'
        'extra = { budget_owner = "kommunene" }\n'
        'seats = [{ holder = "fjordsykehuset", rights = ["attend"], '
        'extra = { elected_by = "styret" } }]\n'
        '\n[[bodies]]\nid = "radet"\nkind = "fixture-board"\nname = "Rådet"\n'
        'extra = { budget_owner = "staten", budget_ownr = "x" }\n'
        'seats = [{ holder = "fjordsykehuset", rights = ["attend"], '
        "extra = { elected_by = 3 } }]\n",
    )
    bundle = partnership_folder.load(manager)
    report = validate(bundle, manager=manager)
    found = {f.path: (f.message, f.suggestion) for f in report.findings if f.code == "HF216"}
    assert found == {
        "$.bodies[3].extra.budget_owner": (
            "'staten' is not allowed for budget_owner: write one of 'kommunene', 'sykehuset'",
            None,
        ),
        "$.bodies[3].extra.budget_ownr": (
            'no installed plugin declares the body field "budget_ownr"',
            "budget_owner",
        ),
        "$.bodies[3].seats[0].extra.elected_by": ('elected_by takes a text ("…"), not 3', None),
    }
    nb = render(bundle.partnership, "md", bundle=bundle, lang="nb", manager=manager).decode()
    assert "- **Budsjettansvar:** kommunene" in nb
    assert "| attend" not in nb and "møterett; Valgt av: styret |" in nb
    assert "Fjordsykehuset<br>Senger: 120 |" in nb
    en = render(bundle.partnership, "md", bundle=bundle, lang="en", manager=manager).decode()
    assert "- **Budget owner:** kommunene" in en


def test_hook_hf_rules(manager: PluginManager) -> None:
    from helsefellesskap.validate import validate

    assert manager.owner("hf_rules", "FX001") == "fixture-good"
    report = validate(manager.load_partnership("fixturby"), manager=manager)
    found = [f for f in report.findings if f.code == "FX001"]
    assert [(f.severity, f.document, f.message) for f in found] == [
        (Severity.INFO, "mote-2025-01", "minutes of 2025-01-15 with 2 items")
    ]
    assert not [f for f in report.findings if f.code == "FX002"]  # the board has seats


def test_hook_hf_render_formats(manager: PluginManager) -> None:
    from helsefellesskap.render import render

    bundle = manager.load_partnership("fixturby")
    fmt = manager.render_format("fixture-count")
    assert (fmt.extension, fmt.media_type) == (".count", "text/plain")
    # the format reads the partnership's own label and the layout another hook gives
    output = render(bundle.documents[0], "fixture-count", bundle=bundle, manager=manager)
    assert output == b"Hei, Fixturby|meeting-minutes|mote-2025-01|measure,status\n"


def test_hook_hf_label_catalogues(manager: PluginManager) -> None:
    assert manager.labels("nb")["fixture.hello"] == "Hei"
    assert manager.labels("nb", "fixturby")["fixture.hello"] == "Hei, Fixturby"
    assert manager.labels("en")["fixture.hello"] == "Hello"
    assert manager.labels("nn")["fixture.hello"] == "Hei"  # falls back to bokmål
    assert manager.labels("nb", "another")["fixture.hello"] == "Hei"


def test_hook_hf_template_sources(manager: PluginManager) -> None:
    from helsefellesskap.render import make_context

    own, general = (s.path for s in manager.template_sources("fixturby")[-2:])
    assert (
        (own / "README.txt").read_text("utf-8").startswith("fixture template folder for fixturby")
    )
    assert general.name == "general"
    assert own not in [s.path for s in manager.template_sources("another")]
    context = make_context(manager.load_partnership("fixturby"), "nb", manager)
    assert own in context.template_dirs
    assert context.template_dirs.index(own) < context.template_dirs.index(general)


def test_hook_hf_layout(manager: PluginManager, partnership_folder: PartnershipFolder) -> None:
    fixturby = manager.load_partnership("fixturby").partnership
    assert manager.layout_for(fixturby).measure_columns == ("measure", "status")
    other = partnership_folder.load(manager).partnership
    assert manager.layout_for(other) == other.layout


def test_hook_hf_document_types(manager: PluginManager, tmp_path: Path) -> None:
    cls = manager.document_types()["meeting-minutes"]
    assert cls.__name__ == "MeetingMinutes"
    assert manager.owner("hf_document_types", "meeting-minutes") == "fixture-good"
    file = tmp_path / "mote.toml"
    file.write_text(
        'kind = "meeting-minutes"\nid = "mote"\ntitle = "Møte"\ndate = 2025-02-01\n',
        encoding="utf-8",
    )
    document = load_document(file, types=manager.document_types())
    assert type(document) is cls
    assert document.id == "mote"


def test_hook_hf_outline_builders(manager: PluginManager) -> None:
    from helsefellesskap.render import render

    builder = manager.outline_builders()["meeting-minutes"]
    assert manager.owner("hf_outline_builders", "meeting-minutes") == "fixture-good"
    bundle = manager.load_partnership("fixturby")
    minutes = bundle.require("mote-2025-01")
    # Markdown has no code for meeting minutes: it writes the plugin's outline
    text = render(minutes, "md", bundle=bundle, manager=manager).decode()
    outline = builder.build(minutes, make_context(bundle, "nb", manager))
    assert text.startswith(f"# {outline.title}\n")
    assert minutes.date.isoformat() in text


def test_hook_hf_outline(manager: PluginManager) -> None:
    from helsefellesskap.outline import build_outline
    from helsefellesskap.render import render

    bundle = manager.load_partnership("fixturby")
    minutes = bundle.require("mote-2025-01")
    outline = build_outline(minutes, make_context(bundle, "nb", manager))
    assert outline.blocks[-1].role == "contact"  # type: ignore[union-attr]
    text = render(bundle.partnership, "md", bundle=bundle, manager=manager).decode()
    assert "## Kontakt\n\npost@fixturby.example" in text
    # every format writes the outline: HTML and Word show the section too
    page = render(bundle.partnership, "html", bundle=bundle, manager=manager).decode()
    assert page.index(">Kontakt</h2>") < page.index("post@fixturby.example")
    if "docx" in manager.render_formats():
        import io

        import docx

        word = docx.Document(
            io.BytesIO(render(bundle.partnership, "docx", bundle=bundle, manager=manager))
        )
        texts = [p.text for p in word.paragraphs]
        assert texts.index("post@fixturby.example") == texts.index("Kontakt") + 1
    # another partnership's documents are left alone
    other = load_bundle(EXAMPLE)
    plain = render(other.partnership, "md", bundle=other, manager=manager).decode()
    assert "Kontakt" not in plain


def test_a_plugin_outline_that_is_not_an_outline_is_its_failure(manager: PluginManager) -> None:
    from helsefellesskap.hookspecs import hookimpl
    from helsefellesskap.outline import build_outline

    class Wrong:
        @hookimpl
        def hf_outline(self, outline: object) -> str:
            return "not an outline"

    manager.register(Wrong(), name="wrong-outline")
    bundle = manager.load_partnership("fixturby")
    outline = build_outline(bundle.partnership, make_context(bundle, "nb", manager))
    assert outline.blocks[-1].role == "contact"  # type: ignore[union-attr]
    assert any(f.plugin == "wrong-outline" and f.hook == "hf_outline" for f in manager.failures)


def test_hook_hf_cli_commands(manager: PluginManager) -> None:
    assert manager.owner("hf_cli_commands", "fixture-hello") == "fixture-good"
    result = run_cli("fixture-hello", "--partnership", "fixturby")
    assert (result.code, result.stdout) == (0, "Hei, Fixturby\n")
    assert "fixture-hello" in run_cli("--help").stdout


def test_hook_hf_importers(manager: PluginManager, tmp_path: Path) -> None:
    import shutil

    from helsefellesskap.importing import import_plan

    assert manager.owner("hf_importers", "fixture-plan") == "fixture-good"
    folder = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, folder)
    source = tmp_path / "plan.fixplan"
    source.write_text("Felles kurs | SSU og kommunene | Våren 2025\n", encoding="utf-8")
    report = import_plan(source, folder, manager=manager)
    assert report.ok, report.check
    plan = load_document(folder / "plans" / "fixturplan-2025.toml")
    measure = plan.focus_areas[0].goals[0].measures[0]  # type: ignore[attr-defined]
    assert (measure.text, measure.responsible) == ("Felles kurs", ("ssu", "kommunene"))
    assert str(measure.deadline.latest) == "2025-06-30"
