"""``helsefellesskap render TARGET``: a document to stdout or a file, a partnership to a folder."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..errors import RenderError, UsageError
from ..model import Bundle
from .command import Command, CommandContext

__all__ = ["RENDER"]


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target",
        metavar="TARGET",
        help="a partnership folder, a document file, or an installed partnership id "
        "with an optional document id (troms-ofoten/handlingsplan-2023)",
    )
    parser.add_argument(
        "-f",
        "--format",
        action="append",
        dest="formats",
        metavar="FORMAT",
        help="md (default), html, json, docx, a plugin's format, or all; repeatable",
    )
    parser.add_argument(
        "-l",
        "--lang",
        action="append",
        dest="languages",
        metavar="LANG",
        help="nb (default), nn or en; repeatable when rendering a whole partnership",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE|DIR",
        help="where to write: a file for one document in one format (default stdout; "
        "a name ending in / is a folder), a folder for several formats or a whole partnership",
    )


def _formats(args: argparse.Namespace, context: CommandContext) -> list[str]:
    names = args.formats or ["md"]
    chosen: list[str] = []
    for name in names:
        for part in name.split(","):
            part = part.strip()
            if part == "all":
                chosen.extend(sorted(context.manager.render_formats()))
            elif part:
                chosen.append(part)
    return list(dict.fromkeys(chosen))


def _guard(bundle: Bundle, path: Path) -> None:
    """Refuse to write over a source file or into the partnership's source folder."""
    resolved = path.resolve()
    if resolved in {p.resolve() for p in bundle.files.values()}:
        raise UsageError(f"{path} is a source file of the partnership: it is never overwritten")
    if bundle.root is not None:
        root = bundle.root.resolve()
        if resolved == root or root in resolved.parents:
            raise UsageError(
                f"{path} lies in the partnership's source folder {bundle.root}: "
                f"write the rendered files elsewhere (e.g. -o build/{bundle.partnership.id})"
            )


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    from ..io import write_atomic
    from ..render.api import find_format, output_name, render, render_bundle
    from ..targets import resolve_target

    manager = context.manager
    formats = _formats(args, context)
    languages = list(dict.fromkeys(args.languages or ["nb"]))
    target = resolve_target(args.target, manager)
    bundle = target.bundle
    output = Path(args.output) if args.output else None
    if target.document is None:
        if output is None:
            raise UsageError(
                "rendering a whole partnership writes one file per document and format: "
                "name a folder with -o DIR"
            )
        if output.exists() and not output.is_dir():
            raise UsageError(f"{output} is a file: a whole partnership renders into a folder")
        _guard(bundle, output)
        written = render_bundle(
            bundle, output, formats=formats, languages=languages, manager=manager
        )
        print(f"wrote {len(written)} files to {output}", file=context.stdout)
        return 0
    document = target.document
    if len(languages) > 1:
        raise UsageError("one document renders in one language: give --lang once")
    lang = languages[0]
    if len(formats) > 1:
        if output is None or (output.exists() and not output.is_dir()):
            raise UsageError("several formats write several files: name a folder with -o DIR")
        _guard(bundle, output)
        for name in formats:
            fmt = find_format(name, manager)
            path = output / output_name(document, fmt)
            _guard(bundle, path)
            write_atomic(path, render(document, name, bundle=bundle, lang=lang, manager=manager))
            print(f"wrote {path}", file=context.stdout)
        return 0
    fmt = find_format(formats[0], manager)
    data = render(document, fmt.name, bundle=bundle, lang=lang, manager=manager)
    if output is None:
        if fmt.binary:
            raise RenderError(f"the format {fmt.name!r} is binary: write it to a file with -o FILE")
        context.stdout.write(data.decode("utf-8"))
        return 0
    if output.is_dir() or args.output.endswith(("/", os.sep)):
        output = output / output_name(document, fmt)
    _guard(bundle, output)
    write_atomic(output, data)
    print(f"wrote {output}", file=context.stdout)
    return 0


RENDER = Command(
    name="render",
    help="render a document, or a whole partnership, to Markdown, HTML, JSON or Word",
    add_arguments=_add_arguments,
    run=_run,
)
