"""``helsefellesskap serve [TARGET]``: the site on 127.0.0.1, rebuilt as the TOML files
are saved, the open page reloaded and the data's problems shown on it."""

from __future__ import annotations

import argparse
import functools
import http.server
import tempfile
import threading
from pathlib import Path
from typing import Any

from ..command import Command, CommandContext
from ..errors import UsageError
from ..messages import message
from .site import add_site_arguments, chosen_formats
from .words import counted

__all__ = ["DEFAULT_PORT", "LIVE_FORMATS", "SERVE"]

DEFAULT_PORT = 8000
"""The port ``serve`` listens on unless told (``--port 0`` takes a free one)."""

LIVE_FORMATS = ["md", "json"]
"""The downloads ``serve`` makes unless told (``-f all``): a save shows in a second or
two, where Word and PDF of a whole partnership take many."""


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target",
        nargs="?",
        metavar="TARGET",
        help=message("help.partnership_target"),
    )
    parser.add_argument(
        "-p",
        "--port",
        type=int,
        default=DEFAULT_PORT,
        metavar="N",
        help=message("help.serve.port", default=DEFAULT_PORT),
    )
    add_site_arguments(parser)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site's folder, never cached, without a log line per request."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows builds and problems, not requests."""


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    try:
        import watchfiles
    except ImportError:
        raise UsageError(message("cli.serve.needs_watchfiles")) from None

    from ..site.live import LiveSite

    manager = context.manager
    targets = [args.target] if args.target else sorted(manager.partnerships())
    if not targets:
        raise UsageError(message("cli.site.no_partnership"))
    if not 0 <= args.port <= 65535:
        raise UsageError(message("cli.serve.bad_port", port=args.port))
    languages = list(dict.fromkeys(args.languages or ["nb", "nn", "en"]))
    formats = chosen_formats(args.formats, LIVE_FORMATS)
    out = context.stdout
    with tempfile.TemporaryDirectory(prefix="helsefellesskap-site-") as folder:
        site = LiveSite(
            targets, Path(folder), manager=manager, formats=formats, languages=languages
        )
        try:
            server = http.server.ThreadingHTTPServer(
                ("127.0.0.1", args.port), functools.partial(_Handler, directory=folder)
            )
        except OSError as error:
            reason = error.strerror or error
            raise UsageError(
                message("cli.serve.cannot_listen", port=args.port, reason=reason)
            ) from None
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        try:
            _report(site.build(), out)
            thread.start()
            host, port = server.server_address[:2]
            url = f"http://{host!s}:{port}/"
            print(message("cli.serve.serving", url=url), file=out, flush=True)
            watched = sorted({str(f) for f in site.folders.values()})
            for changes in watchfiles.watch(
                *watched,
                watch_filter=lambda _change, path: path.endswith(".toml"),
                raise_interrupt=True,
            ):
                targets_changed = site.changed_targets(Path(p) for _, p in changes)
                if targets_changed:
                    rebuilding = message("cli.serve.rebuilding", ids=", ".join(targets_changed))
                    print(rebuilding, file=out, flush=True)
                    _report(site.build(targets_changed), out)
        except KeyboardInterrupt:
            print(message("cli.serve.stopped"), file=out, flush=True)
        finally:
            if thread.is_alive():
                server.shutdown()
            server.server_close()
    return 0


def _report(problems: list[Any], out: Any) -> None:
    """The problems in the terminal too, one a line; or that the data is clean."""
    for problem in problems:
        print(f"  {problem}", file=out, flush=True)
    built = (
        counted("cli.serve.built_problems", len(problems))
        if problems
        else message("cli.serve.built_clean")
    )
    print(built, file=out, flush=True)


SERVE = Command(
    name="serve",
    help="serve the site on 127.0.0.1, rebuilt when a TOML file is saved (Ctrl-C stops)",
    add_arguments=_add_arguments,
    run=_run,
)
