"""Starting points: a new partnership folder, a new action plan, a new plugin package.

Each function asks for nothing that has a sensible default (ids come from the folder's
name, years from today), writes files that load and validate as they are, names the JSON
Schema of each TOML file on its first line, and never replaces a file: if any file it
would write exists, it writes nothing and raises
:class:`~helsefellesskap.errors.OutputExistsError`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from pathlib import Path

from ._version import __version__
from .errors import OutputExistsError, UsageError
from .io import (
    PARTNERSHIP_FILE,
    load_bundle,
    parse_toml,
    structure,
    structure_document,
    write_atomic,
)
from .messages import message
from .model import ActionPlan, Declaration, Partnership, slugify
from .national import national_frame
from .schema import dumps, schema_directive, schema_file_name, schemas

__all__ = ["SCHEMA_FOLDER", "new_partnership", "new_plan", "new_plugin"]

SCHEMA_FOLDER = "schemas"
"""The folder, beside ``partnership.toml``, that holds the JSON Schemas its files name."""


def _quoted(text: str) -> str:
    """``text`` as a TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


def _verify(files: Mapping[Path, str]) -> None:
    """Load every TOML text as the loader will, so that nothing is written that fails."""
    for path, text in files.items():
        if path.suffix != ".toml" or path.name == "pyproject.toml":
            continue
        data = parse_toml(text, file=path)
        if path.name == PARTNERSHIP_FILE:
            structure(data, Partnership, file=path)
        else:
            structure_document(data, file=path)


def _write_all(files: Mapping[Path, str]) -> list[Path]:
    """Write every file, or none if one of them exists already or would not load."""
    _verify(files)
    existing = [path for path in files if path.exists()]
    if existing:
        listing = ", ".join(str(p) for p in existing)
        key = "scaffold.exist.one" if len(existing) == 1 else "scaffold.exist.other"
        raise OutputExistsError(message(key, files=listing))
    for path, text in files.items():
        write_atomic(path, text.encode("utf-8"), overwrite=False)
    return list(files)


def _schema_files(folder: Path) -> dict[Path, str]:
    return {folder / schema_file_name(name): dumps(s) for name, s in schemas().items()}


def _with_schema(file: Path, name: str, schema_folder: Path | None, text: str) -> str:
    if schema_folder is None:
        return text
    return schema_directive(file, name, schema_folder) + "\n" + text


def _title(words: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in re.split(r"[-_\s]+", words) if w)


def _partnership_toml(partnership_id: str, name: str) -> str:
    return f"""# The partnership: its partners, its bodies and their seats. Replace the examples
# with your own; every key is described in the data-format reference.
id = {_quoted(partnership_id)}
name = {_quoted(name)}
established = {dt.date.today().year}

[[partners]]
id = "helseforetaket"
kind = "health-trust"
name = "Helseforetaket HF"

[[partners]]
id = "kommune-a"
kind = "municipality"
name = "Kommune A"

[[partners]]
id = "kommune-b"
kind = "municipality"
name = "Kommune B"

[[partners]]
id = "fastleger"
kind = "gp-representatives"
name = "Fastlegerepresentanter"

[[partners]]
id = "brukere"
kind = "user-representatives"
name = "Brukerrepresentanter"

[[groups]]
id = "kommunene"
name = "kommunene"
kinds = ["municipality"]

[[bodies]]
id = "pm"
kind = "partnership-meeting"
name = "Partnerskapsmøtet"
abbreviation = "PM"
decision_rule = "consensus"
seats = [
    {{ holder = "helseforetaket", count = 2, rights = ["attend", "speak", "vote"] }},
    {{ holder = "kommunene", count = 2, rights = ["attend", "speak", "vote"] }},
    {{ holder = "fastleger", count = 1, rights = ["attend", "speak", "vote"] }},
    {{ holder = "brukere", count = 1, rights = ["attend", "speak", "vote"] }},
]

[[bodies]]
id = "ssu"
kind = "strategic-committee"
name = "Strategisk samarbeidsutvalg"
abbreviation = "SSU"
steering_body = "pm"
decision_rule = "consensus"
seats = [
    {{ holder = "helseforetaket", count = 2, rights = ["attend", "speak", "vote"] }},
    {{ holder = "kommunene", count = 2, rights = ["attend", "speak", "vote"] }},
    {{ holder = "fastleger", count = 1, rights = ["attend", "speak", "vote"] }},
    {{ holder = "brukere", count = 1, rights = ["attend", "speak", "vote"] }},
]
"""


def _declaration_toml(partnership_id: str, declaration_id: str, start: int) -> str:
    return f'''kind = "declaration"
id = "{declaration_id}"
title = "Partnerskapserklæring {start}–{start + 3}"
partnership = {_quoted(partnership_id)}
period = {{ start = {start}, end = {start + 3} }}
overarching_goal = "Sammenhengende tjenester for pasientene, der de bor"
parties = ["helseforetaket", "kommune-a", "kommune-b", "fastleger", "brukere"]
adopted_by = "pm"

[[commitments]]
id = "barn-og-unge"
title = "BARN OG UNGE"
main_goals = [{{ id = "barn-og-unge-1", text = "Trygge overganger for barn og unge" }}]
'''


def _plan_toml(
    partnership_id: str,
    plan_id: str,
    year: int,
    *,
    declaration: str | None,
    commitment: str | None,
    main_goal: str | None,
    responsible: str,
    adopted_by: str | None,
) -> str:
    national = national_frame().plan_for_year(year)
    basis = "".join(
        f'{key} = "{value}"\n'
        for key, value in (
            ("declaration", declaration),
            ("national_plan", national and national.id),
        )
        if value
    )
    basis = f"\n[basis]\n{basis}" if basis else ""
    traced = f'commitment = "{commitment}"\n' if commitment else ""
    goal_trace = f'main_goal = "{main_goal}"\n' if main_goal else ""
    adopted = f'adopted_by = "{adopted_by}"\n' if adopted_by else ""
    return f'''kind = "action-plan"
id = {_quoted(plan_id)}
title = "Handlingsplan {year}"
partnership = {_quoted(partnership_id)}
period = {{ start = {year}, end = {year} }}
{adopted}{basis}
# One focus area (innsatsområde) with a goal (mål) and a measure (tiltak): copy and
# change them. A measure's responsible names bodies, partners, roles or groups by id.
[[focus_areas]]
id = "omrade-1"
title = "Barn og unge"
{traced}
[[focus_areas.goals]]
id = "mal-1"
text = "Trygge overganger fra barne- til voksentjenester"
{goal_trace}
[[focus_areas.goals.measures]]
id = "tiltak-1"
label = "a)"
text = "Lage en felles plan for overgangen"
responsible = ["{responsible}"]
deadline = {year}
'''


def _partnership_files(
    folder: Path, partnership_id: str, name: str, schema_folder: Path
) -> dict[Path, str]:
    year = dt.date.today().year
    declaration_id = f"erklaering-{year}-{year + 3}"
    plan_id = f"handlingsplan-{year}"
    partnership_file = folder / PARTNERSHIP_FILE
    declaration_file = folder / Declaration.FOLDER / f"{declaration_id}.toml"
    plan_file = folder / ActionPlan.FOLDER / f"{plan_id}.toml"
    plan = _plan_toml(
        partnership_id,
        plan_id,
        year,
        declaration=declaration_id,
        commitment="barn-og-unge",
        main_goal="barn-og-unge-1",
        responsible="ssu",
        adopted_by="pm",
    )
    return {
        partnership_file: _with_schema(
            partnership_file, "partnership", schema_folder, _partnership_toml(partnership_id, name)
        ),
        declaration_file: _with_schema(
            declaration_file,
            Declaration.KIND,
            schema_folder,
            _declaration_toml(partnership_id, declaration_id, year),
        ),
        plan_file: _with_schema(plan_file, ActionPlan.KIND, schema_folder, plan),
        **_schema_files(schema_folder),
    }


def new_partnership(
    folder: Path | str, *, partnership_id: str | None = None, name: str | None = None
) -> list[Path]:
    """Write a new partnership folder: ``partnership.toml``, a declaration and a plan.

    The id defaults to the folder's name as an id (``Mitt Fellesskap`` →
    ``mitt-fellesskap``), the name to "Helsefellesskap" and the folder's name. The
    JSON Schemas are written to ``schemas/`` beside them, for editors. Return the files
    written.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(message("scaffold.is_a_file", folder=folder))
    partnership_id = partnership_id or slugify(folder.resolve().name)
    name = name or f"Helsefellesskap {_title(folder.resolve().name)}"
    return _write_all(_partnership_files(folder, partnership_id, name, folder / SCHEMA_FOLDER))


def new_plan(folder: Path | str, *, year: int | None = None, plan_id: str | None = None) -> Path:
    """Write a new action plan into the partnership folder ``folder``; return its file.

    The year defaults to this year (the next free one if that plan exists), the id to
    ``handlingsplan-<year>``. The plan builds on the partnership's latest declaration and
    traces to its first commitment, and its measure names a body of the partnership as
    responsible, so that it loads and validates as written.
    """
    folder = Path(folder)
    bundle = load_bundle(folder)
    taken = {d.id for d in bundle.documents}
    chosen_year = year or dt.date.today().year
    if year is None and plan_id is None:
        while f"handlingsplan-{chosen_year}" in taken:
            chosen_year += 1
    plan_id = plan_id or f"handlingsplan-{chosen_year}"
    if plan_id in taken:
        raise UsageError(
            message("scaffold.plan_taken", partnership=bundle.partnership.name, id=repr(plan_id))
        )
    declarations = sorted(bundle.documents_of(Declaration), key=lambda d: d.period.start)
    declaration = declarations[-1] if declarations else None
    commitment = declaration.commitments[0] if declaration and declaration.commitments else None
    bodies = bundle.partnership.bodies
    steering = next((b for b in bodies if b.kind == "strategic-committee"), None)
    meeting = next((b for b in bodies if b.kind == "partnership-meeting"), None)
    responsible = steering or (bodies[0] if bodies else None)
    responsible_id = (
        responsible.id
        if responsible
        else (bundle.partnership.partners[0].id if bundle.partnership.partners else None)
    )
    if responsible_id is None:
        raise UsageError(
            message(
                "scaffold.no_actors", partnership=bundle.partnership.name, file=PARTNERSHIP_FILE
            )
        )
    plan_file = folder / ActionPlan.FOLDER / f"{plan_id}.toml"
    schema_folder = folder / SCHEMA_FOLDER
    text = _plan_toml(
        bundle.partnership.id,
        plan_id,
        chosen_year,
        declaration=declaration.id if declaration else None,
        commitment=commitment.id if commitment else None,
        main_goal=commitment.main_goals[0].id if commitment and commitment.main_goals else None,
        responsible=responsible_id,
        adopted_by=meeting.id if meeting else None,
    )
    has_schemas = (schema_folder / schema_file_name(ActionPlan.KIND)).is_file()
    text = _with_schema(plan_file, ActionPlan.KIND, schema_folder if has_schemas else None, text)
    return _write_all({plan_file: text})[0]


def _plugin_files(name: str, project: Path) -> dict[Path, str]:
    package = "helsefellesskap_" + name.replace("-", "_")
    distribution = f"helsefellesskap-{name}"
    major, minor = (int(p) for p in __version__.split(".")[:2])
    core = f"helsefellesskap>={major}.{minor},<{major}.{minor + 1}"
    if major >= 1:
        core = f"helsefellesskap>={major}.{minor},<{major + 1}"
    title = _title(name)
    source = project / "src" / package
    return {
        project / "pyproject.toml": f'''[build-system]
requires = ["setuptools>=77"]
build-backend = "setuptools.build_meta"

[project]
name = "{distribution}"
version = "0.1.0"
description = "Helsefellesskap {title} for helsefellesskap: its partnership and documents as data"
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["{core}"]

[project.optional-dependencies]
test = ["pytest>=8"]

# The line that makes it a plugin: the plugin's name = the module with its hooks.
[project.entry-points.helsefellesskap]
{name} = "{package}.plugin"

[tool.setuptools.packages.find]
where = ["src"]

[tool.setuptools.package-data]
{package} = ["py.typed", "data/*.toml", "data/**/*.toml"]

[tool.pytest.ini_options]
addopts = "--import-mode=importlib"
''',
        project / "README.md": f"""# {distribution}

A plugin for [helsefellesskap](https://pypi.org/project/helsefellesskap/) that ships
Helsefellesskap {title}: its partnership, declaration and action plan as TOML under
`src/{package}/data/`.

```sh
pip install -e .                  # the plugin, found through its entry point "{name}"
helsefellesskap list {name}
helsefellesskap render {name} -f all -o build/
pip install -e '.[test]' && pytest
```

Add rules, body kinds, render formats or commands through the hooks: see the plugin
guide of helsefellesskap (`docs/plugins.md`). The TOML files name their JSON Schema on
their first line (`schemas/`), so an editor with Taplo completes and checks their keys.
""",
        source / "__init__.py": f'''"""Helsefellesskap {title} as a helsefellesskap plugin."""

PARTNERSHIP_ID = "{name}"
"""The id of the partnership this plugin ships."""

__all__ = ["PARTNERSHIP_ID"]
''',
        source / "py.typed": "",
        source / "plugin.py": f'''"""The hooks of the plugin: the module its entry point names."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from helsefellesskap import PartnershipSource, hookimpl

from . import PARTNERSHIP_ID

__all__ = ["hf_partnerships"]


@hookimpl
def hf_partnerships() -> list[PartnershipSource]:
    """The partnership this plugin ships, as package data."""
    data = Path(str(resources.files(__package__ or "{package}") / "data"))
    return [
        PartnershipSource(id=PARTNERSHIP_ID, name="Helsefellesskap {title}", path=data)
    ]
''',
        project / "tests" / "test_plugin.py": f'''"""Tests of the plugin."""

from __future__ import annotations

import {package}.plugin as plugin

from helsefellesskap import Severity
from helsefellesskap.testing import assert_no_failures, load_validate_render, make_manager

from {package} import PARTNERSHIP_ID


def test_plugin_registers_without_failures() -> None:
    manager = make_manager(plugin)
    assert_no_failures(manager)
    assert manager.contributions(plugin.__name__) == {{"partnerships": [PARTNERSHIP_ID]}}


def test_partnership_loads_validates_and_renders() -> None:
    outcome = load_validate_render(PARTNERSHIP_ID, "md", manager=make_manager(plugin))
    assert [f for f in outcome.findings if f.severity is Severity.ERROR] == []
    assert outcome.text("handlingsplan-{dt.date.today().year}").startswith("# Handlingsplan")
''',
    }


def new_plugin(name: str, folder: Path | str = ".") -> list[Path]:
    """Write a plugin project ``helsefellesskap-<name>`` in ``folder``; return its files.

    ``name`` is the plugin's and its partnership's id (``malby``); the package is
    ``helsefellesskap_<name>``. The project ships a new partnership (as
    :func:`new_partnership` writes it) under ``src/…/data``, installs with
    ``pip install -e``, and its tests pass as written.
    """
    if not re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", name):
        raise UsageError(message("scaffold.not_a_plugin_name", name=repr(name), slug=slugify(name)))
    project = Path(folder) / f"helsefellesskap-{name}"
    if project.exists():
        raise OutputExistsError(message("scaffold.project_exists", project=project))
    files = _plugin_files(name, project)
    data = project / "src" / ("helsefellesskap_" + name.replace("-", "_")) / "data"
    # The schemas are for the editor, not for the package: they stay at the project root.
    files.update(
        _partnership_files(data, name, f"Helsefellesskap {_title(name)}", project / SCHEMA_FOLDER)
    )
    return _write_all(files)
