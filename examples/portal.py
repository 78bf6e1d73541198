"""A small web portal on the public API of helsefellesskap (Flask).

Start it with one command (``pip install 'helsefellesskap[portal]'`` first)::

    python examples/portal.py            # http://127.0.0.1:8000/
    python examples/portal.py --port 8123

It lists the installed partnerships, shows a plan as HTML, downloads it as Word, shows a
partnership's validation findings, coverage and status, and checks an uploaded plan (a
TOML file, checked inside its partnership) or an uploaded partnership (a zip of its
folder). A bad upload gets a 422 answer with the library's own problems (file, line,
column, path, message, hint); nothing the user sends gives a 500.

It keeps to the library's thread-safety contract (``docs/api.md``): loaded bundles are
frozen and shared by all threads, the default plugin manager is built once, and each
request renders and validates without global state.
"""

from __future__ import annotations

import argparse
import html
import io
import threading
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, request

from helsefellesskap import (
    Bundle,
    DataError,
    DocumentNotFoundError,
    HelsefellesskapError,
    default_manager,
    load_bundle,
    load_bundle_from_files,
    load_bundle_from_zip,
)
from helsefellesskap.followup import bundle_coverage, bundle_status
from helsefellesskap.render import render, render_to
from helsefellesskap.shapes import problem_json
from helsefellesskap.validate import validate

__all__ = ["create_app", "main"]

MAX_UPLOAD = 30 * 1024 * 1024
"""The largest upload accepted (bytes); the library's own limits apply inside it."""

_bundles: dict[str, Bundle] = {}
_bundles_lock = threading.Lock()


def installed_bundle(partnership: str) -> Bundle:
    """The installed partnership, loaded once and shared (bundles are immutable)."""
    with _bundles_lock:
        if partnership not in _bundles:
            manager = default_manager()
            source = manager.partnership_source(partnership)
            _bundles[partnership] = load_bundle(source.path, types=manager.document_types())
        return _bundles[partnership]


def _page(title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>'
        f"{html.escape(title)}</title></head><body><h1>{html.escape(title)}</h1>"
        f"{body}</body></html>"
    )


def _problems_answer(error: DataError, status: int = 422) -> tuple[Response, int]:
    return (
        jsonify(
            {
                "ok": False,
                "message": str(error),
                "problems": [problem_json(p) for p in error.problems],
            }
        ),
        status,
    )


def _upload_files(partnership: str, name: str, data: bytes) -> dict[str, bytes]:
    """The installed partnership's files with the uploaded one put in its place."""
    source = default_manager().partnership_source(partnership).path
    files = {
        p.relative_to(source).as_posix(): p.read_bytes()
        for p in sorted(source.rglob("*.toml"))
        if not any(part.startswith(".") for part in p.relative_to(source).parts)
    }
    if name == "partnership.toml":
        files[name] = data
        return files
    for existing in list(files):  # a new version of a document replaces the old file
        if Path(existing).name == name:
            del files[existing]
    files[f"plans/{name}"] = data
    return files


def create_app() -> Flask:
    """The portal as a Flask application."""
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_UPLOAD

    @app.errorhandler(DataError)
    def bad_data(error: DataError) -> tuple[Response, int]:
        return _problems_answer(error)

    @app.errorhandler(HelsefellesskapError)
    def bad_request(error: HelsefellesskapError) -> tuple[Response, int]:
        status = 404 if isinstance(error, DocumentNotFoundError) else 400
        return jsonify({"ok": False, "message": str(error), "problems": []}), status

    @app.get("/")
    def index() -> str:
        items = "".join(
            f'<li><a href="/p/{html.escape(pid)}/">{html.escape(pid)}</a></li>'
            for pid in sorted(default_manager().partnerships())
        )
        form = (
            '<form method="post" action="/upload" enctype="multipart/form-data">'
            '<input type="file" name="file" accept=".toml,.zip"> '
            '<input name="partnership" placeholder="partnership (for a plan)"> '
            "<button>Check</button></form>"
        )
        return _page("Helsefellesskap", f"<ul>{items}</ul><h2>Upload</h2>{form}")

    @app.get("/p/<partnership>/")
    def partnership_page(partnership: str) -> str:
        bundle = installed_bundle(partnership)
        rows = "".join(
            f"<li>{html.escape(d.KIND)}: {html.escape(d.title)} "
            f'(<a href="{d.id}.html">HTML</a>, <a href="{d.id}.docx">Word</a>)</li>'
            for d in bundle.documents
        )
        links = '<a href="validation.json">findings</a> · <a href="coverage.json">coverage</a>'
        links += ' · <a href="status.json">status</a>'
        return _page(bundle.partnership.name, f"<ul>{rows}</ul><p>{links}</p>")

    @app.get("/p/<partnership>/<document>.html")
    def document_html(partnership: str, document: str) -> Response:
        bundle = installed_bundle(partnership)
        data = render(bundle.require(document), "html", bundle=bundle)
        return Response(data, mimetype="text/html")

    @app.get("/p/<partnership>/<document>.docx")
    def document_docx(partnership: str, document: str) -> Response:
        bundle = installed_bundle(partnership)
        out = io.BytesIO()
        render_to(bundle.require(document), "docx", out, bundle=bundle)
        return Response(
            out.getvalue(),
            mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            headers={"Content-Disposition": f'attachment; filename="{document}.docx"'},
        )

    @app.get("/p/<partnership>/validation.json")
    def validation(partnership: str) -> Response:
        report = validate(installed_bundle(partnership))
        return Response(report.dumps(), mimetype="application/json")

    @app.get("/p/<partnership>/coverage.json")
    def coverage(partnership: str) -> Response:
        results = bundle_coverage(installed_bundle(partnership))
        return jsonify({"partnership": partnership, "plans": [r.to_json() for r in results]})

    @app.get("/p/<partnership>/status.json")
    def status(partnership: str) -> Response:
        results = bundle_status(installed_bundle(partnership))
        return jsonify({"partnership": partnership, "plans": [r.to_json() for r in results]})

    @app.post("/upload")
    def upload() -> tuple[Response, int]:
        sent = request.files.get("file")
        if sent is None or not sent.filename:
            return jsonify({"ok": False, "message": "send a file in the field 'file'"}), 400
        name = Path(sent.filename).name
        data = sent.read()
        if name.lower().endswith(".zip"):
            bundle = load_bundle_from_zip(data, name=name)
        elif name.endswith(".toml"):
            partnership = request.form.get("partnership", "")
            if not partnership:
                return (
                    jsonify(
                        {
                            "ok": False,
                            "message": "name the partnership the file belongs to "
                            "(the field 'partnership'), or upload a zip of its folder",
                        }
                    ),
                    400,
                )
            bundle = load_bundle_from_files(_upload_files(partnership, name, data))
        else:
            return (
                jsonify({"ok": False, "message": f"{name}: upload a .toml file or a .zip"}),
                415,
            )
        report = validate(bundle)
        answer: dict[str, Any] = {"ok": True, "validation": report.to_json()}
        return jsonify(answer), 200

    return app


def main(argv: list[str] | None = None) -> None:
    """Serve the portal on 127.0.0.1 (threaded) until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    default_manager()  # build it before the first request
    create_app().run(host="127.0.0.1", port=args.port, threaded=True)


if __name__ == "__main__":
    main()
