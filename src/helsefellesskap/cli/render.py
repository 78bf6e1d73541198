"""``helsefellesskap render TARGET``: a document to stdout or a file, a partnership to a folder."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..command import Command, CommandContext
from ..errors import RenderError, UsageError
from ..messages import message
from ..model import Bundle, Document
from .words import counted

__all__ = ["RENDER"]


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target",
        metavar="TARGET",
        help=message("help.render.target"),
    )
    parser.add_argument(
        "-f",
        "--format",
        action="append",
        dest="formats",
        metavar="FORMAT",
        help=message("help.render.format"),
    )
    parser.add_argument(
        "-l",
        "--lang",
        action="append",
        dest="languages",
        metavar="LANG",
        help=message("help.render.lang"),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE|DIR",
        help=message("help.render.output"),
    )
    parser.add_argument(
        "--no-check",
        action="store_true",
        help=message("help.render.no_check"),
    )


def _formats(args: argparse.Namespace, context: CommandContext, partnership: str) -> list[str]:
    """The formats asked for; ``all`` is every format for ``partnership``."""
    names = args.formats or ["md"]
    chosen: list[str] = []
    for name in names:
        for part in name.split(","):
            part = part.strip()
            if part == "all":
                formats = context.manager.render_formats()
                chosen.extend(n for n in sorted(formats) if formats[n].serves(partnership))
            elif part:
                chosen.append(part)
    return list(dict.fromkeys(chosen))


def _folder_output(output: Path, raw: str) -> Path:
    """Check that ``output`` can be the folder several files are written into."""
    if output.exists():
        if not output.is_dir():
            raise UsageError(message("cli.render.several_into_file", output=output))
        return output
    if output.suffix and not raw.endswith(("/", os.sep)):
        raise UsageError(
            message(
                "cli.render.looks_like_file",
                output=output,
                folder=output.parent / output.stem,
                name=output.name,
            )
        )
    _check_parents(output)
    return output


def _check_parents(path: Path) -> None:
    """Refuse a path below an existing file (``y.md/x.md`` where ``y.md`` is a file)."""
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise UsageError(message("cli.render.below_file", path=path, parent=parent))
            return


def _warn_invalid(
    args: argparse.Namespace, context: CommandContext, bundle: Bundle, only: list[str] | None
) -> None:
    """After rendering, one line on stderr if the data has validation errors."""
    if args.no_check:
        return
    from ..model import Severity
    from ..validate import validate

    # only counted: the findings need no line and column (no file is scanned for them)
    report = validate(bundle, manager=context.manager, documents=only, positions=False)
    errors = report.counts[Severity.ERROR]
    if errors:
        print(counted("cli.render.invalid_data", errors, target=args.target), file=context.stderr)


def _guard(bundle: Bundle, path: Path) -> None:
    """Refuse to write over a source file or into the partnership's source folder."""
    resolved = path.resolve()
    if resolved in {p.resolve() for p in bundle.files.values()}:
        raise UsageError(message("cli.render.source_file", path=path))
    if bundle.root is not None:
        root = bundle.root.resolve()
        if resolved == root or root in resolved.parents:
            raise UsageError(
                message(
                    "cli.render.source_folder",
                    path=path,
                    root=bundle.root,
                    id=bundle.partnership.id,
                )
            )


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    from ..render.api import PartialRenderError, render_bundle
    from ..targets import resolve_target

    manager = context.manager
    target = resolve_target(args.target, manager)
    bundle = target.bundle
    formats = _formats(args, context, bundle.partnership.id)
    if not formats:
        raise UsageError(message("cli.render.no_format", id=repr(bundle.partnership.id)))
    languages = list(dict.fromkeys(args.languages)) if args.languages else None
    stdout_asked = args.output == "-"
    output = Path(args.output) if args.output and not stdout_asked else None
    if target.document is None:
        if output is None:
            raise UsageError(message("cli.render.whole_needs_folder"))
        if output.exists() and not output.is_dir():
            raise UsageError(message("cli.render.whole_into_file", output=output))
        _check_parents(output)
        _guard(bundle, output)
        status = 0
        try:
            written = render_bundle(
                bundle, output, formats=formats, languages=languages, manager=manager
            )
        except PartialRenderError as error:
            written = list(error.written)
            for failure in error.failures:
                print(message("cli.error", text=failure), file=context.stderr)
            status = 2
        print(counted("cli.render.wrote_files", len(written), output=output), file=context.stdout)
        _warn_invalid(args, context, bundle, None)
        return status
    document = target.document
    if languages and len(languages) > 1:
        raise UsageError(message("cli.render.one_language"))
    lang = languages[0] if languages else None
    status = _render_document(args, context, bundle, document, formats, lang, output)
    _warn_invalid(args, context, bundle, [document.id])
    return status


def _render_document(
    args: argparse.Namespace,
    context: CommandContext,
    bundle: Bundle,
    document: Document,
    formats: list[str],
    lang: str | None,
    output: Path | None,
) -> int:
    """Render one document in one or more formats; return the exit status."""
    from ..io import write_atomic
    from ..render.api import find_format, output_name, render

    manager = context.manager
    if len(formats) > 1:
        if output is None:
            raise UsageError(message("cli.render.several_formats"))
        output = _folder_output(output, args.output)
        _guard(bundle, output)
        status = 0
        for name in formats:
            fmt = find_format(name, manager, bundle.partnership.id)
            path = output / output_name(document, fmt)
            _guard(bundle, path)
            try:
                data = render(document, name, bundle=bundle, lang=lang, manager=manager)
            except RenderError as error:
                print(message("cli.error", text=error), file=context.stderr)
                status = 2
                continue
            write_atomic(path, data)
            print(message("cli.wrote", path=path), file=context.stdout)
        return status
    fmt = find_format(formats[0], manager, bundle.partnership.id)
    if output is None and fmt.binary:
        raise RenderError(message("cli.binary_format", name=repr(fmt.name)))
    data = render(document, fmt.name, bundle=bundle, lang=lang, manager=manager)
    if output is None:
        context.stdout.write(data.decode("utf-8"))
        return 0
    if output.is_dir() or args.output.endswith(("/", os.sep)):
        output = output / output_name(document, fmt)
    _check_parents(output)
    _guard(bundle, output)
    write_atomic(output, data)
    print(message("cli.wrote", path=output), file=context.stdout)
    return 0


RENDER = Command(
    name="render",
    help="render a document, or a whole partnership, to Markdown, HTML, JSON or Word",
    add_arguments=_add_arguments,
    run=_run,
)
