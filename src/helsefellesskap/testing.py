"""Fixtures and helpers for testing helsefellesskap plugins.

pytest loads this module by itself wherever helsefellesskap is installed (it is declared
under the ``pytest11`` entry point), so a plugin's tests can use the fixtures without a
``conftest.py``:

* :func:`partnership_folder` — a fixture: a temporary folder with a minimal valid
  partnership and one action plan (:class:`PartnershipFolder`), to extend or break;
* :func:`make_manager` — a plugin manager with only the plugins under test (and the
  built-ins), untouched by what else is installed or by the environment;
* :func:`load_validate_render` — load a partnership, validate it and render its
  documents in one call, returning an :class:`Outcome`;
* :func:`run_cli` — run the ``helsefellesskap`` command in-process and capture its output;
* :func:`assert_no_failures` — fail with every plugin failure listed;
* :func:`check_message_catalogues` — every message of a package in nb, nn and en, with
  the same ``{fields}``.

Everything heavier than the standard library is imported inside the functions, so
loading the module costs pytest nothing beyond importing helsefellesskap itself.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

if TYPE_CHECKING:
    from .model import Bundle, Document
    from .plugins import PluginManager
    from .validate.finding import Finding

__all__ = [
    "CliResult",
    "Outcome",
    "PartnershipFolder",
    "assert_no_failures",
    "check_message_catalogues",
    "load_validate_render",
    "make_manager",
    "minimal_partnership_toml",
    "minimal_plan_toml",
    "partnership_folder",
    "run_cli",
]


def make_manager(
    *plugins: object,
    builtins: bool = True,
    entry_points: bool = False,
    disabled: Iterable[str] = (),
) -> PluginManager:
    """A plugin manager with the built-ins (unless ``builtins`` is false) and ``plugins``.

    :param plugins: the plugins under test: modules, module names or objects with
        ``@hookimpl`` functions, registered in this order after the built-ins.
    :param entry_points: whether to load the installed plugins too (off by default, so
        the test does not depend on what else is installed).
    :param disabled: plugin names not to register.

    The environment variables (``HELSEFELLESSKAP_DISABLE_PLUGINS``, …) do not apply. A
    plugin that fails is in ``manager.failures``: check with :func:`assert_no_failures`.
    """
    from .plugins import DEFAULT_PLUGINS, PluginManager

    chosen: list[object] = [*DEFAULT_PLUGINS] if builtins else []
    chosen.extend(plugins)
    return PluginManager(
        plugins=chosen, entry_points=entry_points, disabled=disabled, use_env=False
    )


def assert_no_failures(manager: PluginManager) -> None:
    """Fail the test, listing every plugin failure, if ``manager`` recorded any."""
    manager.collect()
    if manager.failures:
        listing = "\n".join(f"  {failure}" for failure in manager.failures)
        raise AssertionError(f"{len(manager.failures)} plugin failure(s):\n{listing}")


def minimal_partnership_toml(partnership_id: str = "test", name: str = "Testfellesskap") -> str:
    """The text of a minimal valid ``partnership.toml``.

    It has a health trust, two municipalities (also as the group ``kommunene``), GP and
    user representatives, a partnership meeting ``pm`` and a strategic committee ``ssu``
    where every partner has a seat.
    """
    return f'''\
id = "{partnership_id}"
name = "{name}"
example = true

[[partners]]
id = "sykehuset"
kind = "health-trust"
name = "Testby sykehus HF"

[[partners]]
id = "testby"
kind = "municipality"
name = "Testby kommune"

[[partners]]
id = "provik"
kind = "municipality"
name = "Prøvik kommune"

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
seats = [
    {{ holder = "sykehuset", rights = ["attend", "speak", "vote"] }},
    {{ holder = "kommunene", rights = ["attend", "speak", "vote"] }},
    {{ holder = "fastleger", rights = ["attend", "speak", "vote"] }},
    {{ holder = "brukere", rights = ["attend", "speak", "vote"] }},
]

[[bodies]]
id = "ssu"
kind = "strategic-committee"
name = "Strategisk samarbeidsutvalg"
abbreviation = "SSU"
steering_body = "pm"
seats = [
    {{ holder = "sykehuset", rights = ["attend", "speak", "vote"] }},
    {{ holder = "kommunene", rights = ["attend", "speak", "vote"] }},
    {{ holder = "fastleger", rights = ["attend", "speak", "vote"] }},
    {{ holder = "brukere", rights = ["attend", "speak", "vote"] }},
]
'''


def minimal_plan_toml(partnership_id: str = "test", plan_id: str = "handlingsplan") -> str:
    """The text of a minimal valid action plan: one focus area, goal and measure."""
    return f'''\
kind = "action-plan"
id = "{plan_id}"
title = "Handlingsplan 2025"
partnership = "{partnership_id}"
period = {{ start = 2025, end = 2025 }}

[[focus_areas]]
id = "forlop"
title = "Gode pasientforløp"

[[focus_areas.goals]]
id = "samhandling"
text = "Bedre samhandling om utskrivning"

[[focus_areas.goals.measures]]
id = "rutine"
text = "Lage felles rutine for utskrivning"
responsible = ["ssu"]
deadline = 2025
'''


@attrs.define
class PartnershipFolder:
    """A partnership folder in a temporary directory, to extend or to break.

    ``path`` holds ``partnership.toml`` and ``plans/<plan id>.toml``. :meth:`write` adds
    or replaces a file; :meth:`load` loads the folder with a manager's document types.
    """

    path: Path
    partnership_id: str = "test"
    plan_id: str = "handlingsplan"

    @property
    def partnership_file(self) -> Path:
        """The folder's ``partnership.toml``."""
        return self.path / "partnership.toml"

    @property
    def plan_file(self) -> Path:
        """The action plan written by :meth:`create`."""
        return self.path / "plans" / f"{self.plan_id}.toml"

    @classmethod
    def create(
        cls,
        path: Path,
        partnership_id: str = "test",
        *,
        name: str = "Testfellesskap",
        plan: bool = True,
    ) -> PartnershipFolder:
        """Write a minimal valid partnership (and, if ``plan``, an action plan) in ``path``."""
        folder = cls(path=path, partnership_id=partnership_id)
        folder.write("partnership.toml", minimal_partnership_toml(partnership_id, name))
        if plan:
            folder.write(f"plans/{folder.plan_id}.toml", minimal_plan_toml(partnership_id))
        return folder

    def write(self, relative: str, text: str) -> Path:
        """Write ``text`` to ``relative`` inside the folder (creating folders); return it."""
        target = self.path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return target

    def append(self, relative: str, text: str) -> Path:
        """Add ``text`` at the end of a file of the folder (TOML tables, for instance)."""
        target = self.path / relative
        with target.open("a", encoding="utf-8") as handle:
            handle.write("\n" + text)
        return target

    def load(self, manager: PluginManager | None = None) -> Bundle:
        """Load the folder, with the document types of ``manager`` (the core's if none)."""
        from .io import load_bundle

        types = manager.document_types() if manager is not None else None
        return load_bundle(self.path, types=types)


@pytest.fixture
def partnership_folder(tmp_path: Path) -> PartnershipFolder:
    """A temporary folder with a minimal valid partnership ``test`` and one action plan."""
    return PartnershipFolder.create(tmp_path / "partnership")


@attrs.frozen(kw_only=True)
class Outcome:
    """What :func:`load_validate_render` produced.

    ``report`` is the validation report (its ``findings``); ``rendered`` maps each
    rendered document id to its bytes; ``skipped`` lists the documents the format
    does not render.
    """

    bundle: Bundle
    report: Any
    rendered: Mapping[str, bytes]
    skipped: tuple[str, ...] = ()

    @property
    def findings(self) -> list[Finding]:
        """Every finding of the validation."""
        return list(self.report.findings)

    def codes(self) -> list[str]:
        """The codes of the findings, in order."""
        return [finding.code for finding in self.findings]

    def text(self, document_id: str) -> str:
        """The rendered document as text (UTF-8)."""
        return self.rendered[document_id].decode("utf-8")


def load_validate_render(
    source: Path | str | Bundle,
    format: str | None = "md",
    *,
    manager: PluginManager | None = None,
    documents: Iterable[str] | None = None,
    lang: str | None = None,
) -> Outcome:
    """Load a partnership, validate it and render its documents, in one call.

    :param source: a partnership folder, the id of a partnership a plugin ships, or a
        bundle already loaded.
    :param format: the render format's name; ``None`` to validate only.
    :param manager: the plugin manager to use (for example from :func:`make_manager`);
        by default one with every installed plugin.
    :param documents: the ids of the documents to render; by default every document the
        format can render.
    :param lang: the language to render in; by default the partnership's.
    :raises DataError: the data does not load (with the file and path of each problem).
    :raises RenderError: a document asked for by id cannot be rendered in ``format``.
    """
    from .errors import DocumentNotFoundError, RenderError
    from .model import Bundle
    from .plugins import default_manager
    from .render import render
    from .validate import validate

    manager = manager if manager is not None else default_manager()
    if isinstance(source, Bundle):
        bundle = source
    elif isinstance(source, Path) or Path(source).is_dir():
        from .io import load_bundle

        bundle = load_bundle(Path(source), types=manager.document_types())
    else:
        bundle = manager.load_partnership(source)
    report = validate(bundle, manager=manager)
    rendered: dict[str, bytes] = {}
    skipped: list[str] = []
    if format is not None:
        chosen: list[Document]
        if documents is None:
            chosen = list(bundle.documents)
        else:
            chosen = []
            for document_id in documents:
                found = bundle.document(document_id)
                if found is None:
                    known = ", ".join(d.id for d in bundle.documents) or "none"
                    raise DocumentNotFoundError(
                        f"no document {document_id!r} in {bundle.partnership.id!r} "
                        f"(it has: {known})"
                    )
                chosen.append(found)
        render_format = manager.render_format(format)
        for document in chosen:
            if not render_format.can_render(document):
                if documents is not None:
                    raise RenderError(
                        f"the format {format!r} cannot render {document.KIND} {document.id!r}"
                    )
                skipped.append(document.id)
                continue
            rendered[document.id] = render(
                document, format, bundle=bundle, lang=lang, manager=manager
            )
    return Outcome(bundle=bundle, report=report, rendered=rendered, skipped=tuple(skipped))


@attrs.frozen(kw_only=True)
class CliResult:
    """The exit status and output of :func:`run_cli`."""

    code: int
    stdout: str
    stderr: str


def run_cli(*args: str) -> CliResult:
    """Run ``helsefellesskap ARGS…`` in this process; return its status and output.

    The command builds its own plugin manager from the installed plugins and the
    environment, as it does for a user (use ``monkeypatch.setenv`` to change that).
    """
    from .cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return CliResult(code=code, stdout=out.getvalue(), stderr=err.getvalue())


def check_message_catalogues(package: str = "helsefellesskap.messages") -> list[str]:
    """What is wrong with the message catalogues of ``package`` (a plugin's package, or
    the core's by default; see :class:`helsefellesskap.messages.Messages`): a key missing
    from a language, an empty text, or a text whose ``{fields}`` differ from English's.
    An empty list means every message is in nb, nn and en."""
    import re

    from .messages import LANGUAGES, Messages

    fields = re.compile(r"\{(\w+)\}")
    messages = Messages(package)
    english = messages.catalogue("en")
    problems: list[str] = []
    if not english:
        problems.append(f"{package} has no English messages (messages/en/*.toml)")
    for language in LANGUAGES:
        texts = messages.catalogue(language)
        for key in sorted(set(english) - set(texts)):
            problems.append(f"{language}: {key} is missing")
        for key in sorted(set(texts) - set(english)):
            problems.append(f"{language}: {key} is not in English")
        for key, text in texts.items():
            if not text.strip():
                problems.append(f"{language}: {key} is empty")
            elif key in english and sorted(fields.findall(text)) != sorted(
                fields.findall(english[key])
            ):
                problems.append(f"{language}: {key} has other fields than English")
    return problems
