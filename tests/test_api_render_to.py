"""render_to() streams to a binary file-like object; Word keeps its template loaded
(issue 20 §3)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from helsefellesskap import RenderError, default_manager, load_bundle
from helsefellesskap.render import render, render_to

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "eksempel"


@pytest.mark.parametrize("fmt", ["md", "html", "json", "docx"])
def test_render_to_writes_what_render_returns(fmt: str, tmp_path: Path) -> None:
    bundle = load_bundle(EXAMPLE)
    plan = bundle.require("handlingsplan-2024-2025")
    out = io.BytesIO()
    written = render_to(plan, fmt, out, bundle=bundle, manager=default_manager())
    expected = render(plan, fmt, bundle=bundle, manager=default_manager())
    if fmt == "docx":  # a Word file holds the time it was written: compare the text parts
        import zipfile

        def parts(data: bytes) -> dict[str, bytes]:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return {n: archive.read(n) for n in archive.namelist() if "core" not in n}

        assert parts(out.getvalue()) == parts(expected)
    else:
        assert out.getvalue() == expected
    assert written == len(out.getvalue())
    with (tmp_path / f"plan.{fmt}").open("wb") as stream:
        render_to(plan, fmt, stream, bundle=bundle)
    assert (tmp_path / f"plan.{fmt}").stat().st_size == written


def test_render_to_refuses_a_text_stream_and_writes_nothing_on_failure() -> None:
    bundle = load_bundle(EXAMPLE)
    plan = bundle.require("handlingsplan-2024-2025")
    with pytest.raises(TypeError, match="binary mode"):
        render_to(plan, "md", io.StringIO(), bundle=bundle)  # type: ignore[arg-type]
    out = io.BytesIO()
    with pytest.raises(RenderError):
        render_to(plan, "no-such-format", out, bundle=bundle)
    assert out.getvalue() == b""


def test_the_word_template_is_read_once_while_unchanged(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    from helsefellesskap_docx import writer

    template = tmp_path / "template.docx"
    docx.Document().save(str(template))
    writer._template_bytes.cache_clear()
    first = writer.open_template(template)
    second = writer.open_template(template)
    assert first is not second  # each call fills its own document
    assert writer._template_bytes.cache_info().hits == 1
    docx.Document().save(str(template))  # a new file: read again
    import os

    os.utime(template, ns=(1, 1))
    writer.open_template(template)
    assert writer._template_bytes.cache_info().misses == 2
