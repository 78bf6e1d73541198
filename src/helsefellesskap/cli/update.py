"""``helsefellesskap update TARGET ID --status STATUS [--note …] [--date …] [--by ACTOR]
[--link URL]``: record a dated status update of a measure (or a decision).

TARGET is an action plan file (or a decision log file). The update is appended to the
measure's ``updates`` and the file is edited in place: only the lines of the update are
added, comments and layout stay. A status may be given in English or Norwegian
(``påbegynt``, ``fullført``, ``utsatt``, ``avlyst`` …). Exit status 0, or 2 for bad data
or usage (an unknown measure, status or actor, with a did-you-mean; a date after today).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..command import Command, CommandContext
from ..errors import UsageError
from ..followup.recording import check_actor, parse_status, record_update
from ..messages import message
from ..targets import resolve_target
from .words import not_a_date, status_word

__all__ = ["UPDATE"]


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(not_a_date(text)) from None


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="TARGET", help=message("help.update.target"))
    parser.add_argument("item", metavar="MEASURE-ID", help=message("help.update.item"))
    parser.add_argument(
        "--status",
        required=True,
        help=message("help.update.status"),
    )
    parser.add_argument("--note", help=message("help.update.note"))
    parser.add_argument("--date", type=_day, metavar="DATE", help=message("help.update.date"))
    parser.add_argument("--by", metavar="ACTOR", help=message("help.update.by"))
    parser.add_argument("--link", metavar="URL", help=message("help.update.link"))


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    path = Path(args.target)
    if not path.is_file() or path.suffix != ".toml":
        raise UsageError(message("cli.update.not_a_plan_file", target=args.target))
    status = parse_status(args.status)
    target = resolve_target(args.target, context.manager)
    partnership = target.bundle.partnership
    if args.by is not None:
        check_actor(args.by, partnership)
    document = record_update(
        path,
        args.item,
        status,
        note=args.note,
        date=args.date,
        reported_by=args.by,
        link=args.link,
        partnership=partnership,
        types=context.manager.document_types(),
    )
    when = (args.date or dt.date.today()).isoformat()
    done = message(
        "cli.update.done",
        kind=document.KIND,
        id=document.id,
        item=args.item,
        status=status_word(status),
        day=when,
        path=path,
    )
    print(done, file=context.stdout)
    return 0


UPDATE = Command(
    name="update",
    help="record a dated status update of a measure, keeping the plan file as written",
    add_arguments=_add_arguments,
    run=_run,
)
