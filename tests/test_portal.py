"""examples/portal.py served by its own command on 127.0.0.1 and driven over real HTTP
(issue 20 §7): every page answers, a bad upload of each kind of the integrity corpus gets
a 4xx with the library's message (file, line, column, path), never a 500, and 8 threads
get the bytes one thread gets."""

from __future__ import annotations

import importlib.util
import io
import json
import re
import socket
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import tomli_w

pytest.importorskip("flask")

REPO = Path(__file__).resolve().parent.parent
PORTAL = REPO / "examples" / "portal.py"


def _corpus_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "integrity_corpus", Path(__file__).parent / "test_integrity_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CORPUS_MODULE = _corpus_module()


def _sample() -> list[Any]:
    """One mutation of each kind (numbers dropped: truncated-233 is of kind truncated), of
    the seeds that hold a partnership folder, the first in the corpus's fixed order."""
    chosen: dict[str, Any] = {}
    for mutation in CORPUS_MODULE.CORPUS:
        kind = re.sub(r"-\d+$", "", mutation.kind)
        if mutation.action == "fifo" or kind in chosen:  # a zip cannot hold a pipe
            continue
        chosen[kind] = mutation
    return list(chosen.values())


SAMPLE = _sample()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, str(PORTAL), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(200):
            try:
                urllib.request.urlopen(base + "/", timeout=2).read()
                break
            except OSError:
                if process.poll() is not None:
                    assert process.stderr is not None
                    pytest.fail(f"the portal stopped: {process.stderr.read().decode()}")
                time.sleep(0.05)
        else:
            pytest.fail("the portal did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _post(url: str, name: str, data: bytes, fields: dict[str, str]) -> tuple[int, bytes]:
    boundary = uuid.uuid4().hex
    body = io.BytesIO()
    for key, value in fields.items():
        body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'.encode())
        body.write(value.encode() + b"\r\n")
    body.write(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n".encode()
    )
    body.write(data + f"\r\n--{boundary}--\r\n".encode())
    request = urllib.request.Request(
        url,
        data=body.getvalue(),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _zip_of(mutation: Any) -> tuple[bytes, str]:
    """The mutated partnership folder as a zip, and the mutated file's name in it."""
    source = REPO / mutation.seed
    root = next(r for r in CORPUS_MODULE.ROOTS if source.is_relative_to(r))
    name = source.relative_to(root).as_posix()
    files = {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.toml"))}
    links: list[str] = []
    if mutation.data is not None:
        files[name] = tomli_w.dumps(mutation.data).encode()
    elif mutation.raw is not None:
        files[name] = mutation.raw
    elif mutation.action == "dir":
        del files[name]
        files[f"{name}/inside.toml"] = b'kind = "declaration"\n'
    elif mutation.action == "loop":
        del files[name]
        links.append(name)
    elif mutation.action == "sparse":
        files[name] = bytes(21 * 1024 * 1024)
    elif mutation.action == "plans-file":
        files = {n: d for n, d in files.items() if not n.startswith("plans/")}
        files["plans"] = b"not a folder"
        name = "plans"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in files.items():
            archive.writestr("partnership/" + member, data)
        for member in links:
            info = zipfile.ZipInfo("partnership/" + member)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, Path(member).name)
    return out.getvalue(), name


def test_the_sample_has_every_kind_of_the_corpus() -> None:
    kinds = {re.sub(r"-\d+$", "", m.kind) for m in CORPUS_MODULE.CORPUS}
    assert {re.sub(r"-\d+$", "", m.kind) for m in SAMPLE} == kinds - {"fifo-for-file"}
    assert len(SAMPLE) >= 30


def test_the_pages_answer(server: str) -> None:
    status, page = _get(server + "/")
    assert status == 200 and b'href="/p/helgeland/"' in page and b"troms-ofoten" in page
    status, page = _get(server + "/p/helgeland/")
    assert status == 200 and b"handlingsplan-2023-2025.docx" in page
    status, page = _get(server + "/p/helgeland/handlingsplan-2023-2025.html")
    assert status == 200 and b"<html" in page[:300].lower() and b"Helgeland" in page
    status, word = _get(server + "/p/helgeland/handlingsplan-2023-2025.docx")
    assert status == 200 and word[:2] == b"PK"
    with zipfile.ZipFile(io.BytesIO(word)) as archive:
        assert "word/document.xml" in archive.namelist()
    for what in ("validation", "coverage", "status"):
        status, data = _get(server + f"/p/troms-ofoten/{what}.json")
        assert status == 200 and json.loads(data)
    status, data = _get(server + "/p/nope/")
    assert status == 404 and "no partnership 'nope'" in json.loads(data)["message"]


def test_a_good_upload_shows_its_findings(server: str) -> None:
    example = REPO / "examples" / "eksempel"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for path in sorted(example.rglob("*.toml")):
            archive.writestr(path.relative_to(example).as_posix(), path.read_bytes())
    status, data = _post(server + "/upload", "eksempel.zip", out.getvalue(), {})
    assert status == 200
    report = json.loads(data)["validation"]
    assert report["format"] == "helsefellesskap-validation" and report["findings"]
    assert all(f["line"] for f in report["findings"] if f["path"] != "$")


def test_a_bad_plan_uploaded_alone_names_file_line_column_and_path(server: str) -> None:
    plan = REPO / "plugins/helgeland/src/helsefellesskap_helgeland/data/plans"
    text = (plan / "handlingsplan-2023-2025.toml").read_bytes()
    bad = text.replace(b"\ntitle = ", b"\ntitel = ", 1)
    line = text[: text.index(b"\ntitle = ")].count(b"\n") + 2
    status, data = _post(
        server + "/upload", "handlingsplan-2023-2025.toml", bad, {"partnership": "helgeland"}
    )
    assert status == 422
    answer = json.loads(data)
    assert f"plans/handlingsplan-2023-2025.toml:{line}:1: $.titel:" in answer["message"]
    (problem,) = answer["problems"]
    assert (problem["line"], problem["column"], problem["path"]) == (line, 1, "$.titel")


@pytest.mark.parametrize("mutation", SAMPLE, ids=lambda m: m.id)
def test_every_kind_of_bad_upload_gets_a_4xx_with_the_librarys_message(
    server: str, mutation: Any
) -> None:
    data, name = _zip_of(mutation)
    status, body = _post(server + "/upload", "upload.zip", data, {})
    assert status != 500 and status < 500, body[:500]
    if not mutation.must_fail and status == 200:
        return
    assert 400 <= status < 500, (status, body[:500])
    answer = json.loads(body)
    message = answer["message"]
    assert "Traceback" not in message
    assert name in message, message[:600]
    if mutation.path is not None:
        assert mutation.path in message, message[:600]
        named = [p for p in answer["problems"] if p["path"] == mutation.path]
        assert named, answer["problems"]
        top_level_missing = mutation.path.count(".") == 1 and "missing" in named[0]["message"]
        if not top_level_missing:
            assert named[0]["line"] and named[0]["column"], named[0]
            assert f":{named[0]['line']}:{named[0]['column']}: {mutation.path}" in message


def test_eight_threads_get_the_bytes_one_thread_gets(server: str) -> None:
    urls = [
        server + "/p/helgeland/handlingsplan-2023-2025.html",
        server + "/p/troms-ofoten/handlingsplan-2023.html",
        server + "/p/troms-ofoten/validation.json",
        server + "/p/helgeland/validation.json",
        server + "/p/troms-ofoten/coverage.json",
    ]
    sequential = [_get(url) for url in urls]
    assert all(status == 200 for status, _ in sequential)
    with ThreadPoolExecutor(8) as pool:
        concurrent = list(pool.map(_get, urls * 16))
    assert concurrent == sequential * 16
