"""A command whose ``add_arguments`` raises."""

import argparse

from helsefellesskap import Command, CommandContext, hookimpl


def _add(parser: argparse.ArgumentParser) -> None:
    raise RuntimeError("cannot add my arguments")


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    print("never", file=context.stdout)
    return 0


@hookimpl
def hf_cli_commands() -> list[Command]:
    return [
        Command(
            name="broken-arguments", help="fails to add its arguments", add_arguments=_add, run=_run
        )
    ]
