"""``helsefellesskap serve``: answers on 127.0.0.1, rebuilds when a TOML file of the
partnership is saved, shows a load error on the page with its file and path, and stops
on Ctrl-C without a traceback. Runs the real command in a subprocess on a copy of the
example partnership; the page is opened in headless Chromium where one is installed."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from helsefellesskap.cli import main
from helsefellesskap.site import content_security_policy

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "eksempel"
PLAN = Path("plans") / "handlingsplan-2024-2025.toml"
PAGE = "nb/eksempel/handlingsplan-2024-2025.html"
TITLE = 'title = "Handlingsplan 2024–2025"'
WAIT = 30.0
SERVE = (sys.executable, "-m", "helsefellesskap", "serve")


@attrs.define
class Served:
    """A running ``serve``: its process, address and the copied partnership folder."""

    process: subprocess.Popen[str]
    url: str
    folder: Path
    lines: list[str]

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            assert response.status == 200
            return str(response.read().decode("utf-8"))

    def status(self) -> dict[str, Any]:
        return dict(json.loads(self.get("_live/status.json")))

    def wait_for(self, what: str, check: Callable[[], bool]) -> None:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if check():
                return
            time.sleep(0.2)
        raise AssertionError(f"serve did not {what} within {WAIT:.0f} s")

    def edit(self, old: str, new: str) -> None:
        path = self.folder / PLAN
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def stop(self) -> tuple[int, str, str]:
        """Ctrl-C (SIGINT); the exit status and what it wrote."""
        self.process.send_signal(signal.SIGINT)
        out, err = self.process.communicate(timeout=WAIT)
        return self.process.returncode, "".join(self.lines) + out, err


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    folder = tmp_path / "eksempel"
    shutil.copytree(EXAMPLE, folder)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [*SERVE, str(folder), "--port", "0", "-l", "nb", "-f", "md"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    lines: list[str] = []
    assert process.stdout is not None
    deadline = time.monotonic() + WAIT
    url = None
    while url is None and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        match = re.match(r"viser (http://127\.0\.0\.1:\d+/)", line)  # -l nb: "serving"
        url = match.group(1) if match else None
    if url is None:
        process.kill()
        err = process.stderr.read() if process.stderr else ""
        pytest.fail(f"serve did not start: {''.join(lines)}{err}")
    served = Served(process=process, url=url, folder=folder, lines=lines)
    try:
        yield served
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def test_serve_answers_rebuilds_and_stops_on_ctrl_c(served: Served) -> None:
    page = served.get(PAGE)
    assert "Handlingsplan 2024–2025" in page
    assert 'src="../../assets/live.js"' in page
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    assert html.unescape(policy.group(1)) == content_security_policy(live=True)
    assert "connect-src 'self'" in content_security_policy(live=True)
    assert served.status() == {"version": 1, "title": "Dataene har feil", "problems": []}

    served.edit(TITLE, 'title = "Handlingsplan 2024–2025 (revidert)"')
    served.wait_for("rebuild after the save", lambda: served.status()["version"] == 2)
    assert "Handlingsplan 2024–2025 (revidert)" in served.get(PAGE)

    served.edit('title = "Handlingsplan 2024–2025 (revidert)"', f'{TITLE}\ntitel = "skrivefeil"')
    served.wait_for("rebuild after the second save", lambda: served.status()["version"] == 3)
    problems = served.status()["problems"]
    assert problems == [
        {
            "file": str(served.folder / PLAN),
            "path": "$.titel",
            "message": 'ukjent nøkkel "titel" (mente du "title"?)',  # -l nb: messages too
            "severity": "error",
        }
    ]
    assert "Handlingsplan 2024–2025 (revidert)" in served.get(PAGE), "the last good pages stay"

    status, out, err = served.stop()
    assert status == 0
    assert "Traceback" not in err and err == ""
    assert f"{served.folder / PLAN}: $.titel: feil: ukjent nøkkel" in out
    assert out.rstrip().endswith("stoppet")  # -l nb: "stopped"


def _free_port_in_use() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def test_serve_names_a_port_in_use(capsys: pytest.CaptureFixture[str]) -> None:
    for port in _free_port_in_use():
        assert main(["serve", str(EXAMPLE), "--port", str(port)]) != 0
        err = capsys.readouterr().err
        assert f"cannot listen on 127.0.0.1:{port}" in err
        assert "choose another port with --port N (0 takes a free one)" in err


def test_serve_refuses_a_port_out_of_range(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", str(EXAMPLE), "--port", "70000"]) != 0
    assert "--port 70000: a port is a number from 0 to 65535" in capsys.readouterr().err


def _chromium() -> str:
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    if os.environ.get("CI") == "true":
        pytest.fail("Debian's chromium is not installed (run `make browser`)")
    pytest.skip("Debian's chromium is not installed (run `make browser`)")


@pytest.mark.browser
def test_serve_shows_a_load_error_on_the_open_page(served: Served) -> None:
    """A broken key saved while the page is open: the page reloads and shows the file,
    the path and the message at its top; fixing it takes the notice away."""
    executable = _chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(served.url + PAGE)
            assert page.locator("#live-problems").count() == 0
            served.edit(TITLE, f'{TITLE}\ntitel = "skrivefeil"')
            notice = page.wait_for_selector("#live-problems", timeout=WAIT * 1000)
            assert notice is not None
            text = notice.inner_text()
            assert "Dataene har feil" in text
            assert f"{served.folder / PLAN}: $.titel" in text
            assert 'ukjent nøkkel "titel" (mente du "title"?)' in text
            served.edit(f'{TITLE}\ntitel = "skrivefeil"', TITLE)
            page.wait_for_selector("#live-problems", state="detached", timeout=WAIT * 1000)
            assert errors == []
        finally:
            browser.close()
    status, _, err = served.stop()
    assert status == 0 and "Traceback" not in err
