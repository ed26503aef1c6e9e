"""Options and output helpers every command shares: --json, --quiet, the progress counter, "-"."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from annotator.terminal import terminal

F = TypeVar("F", bound=Callable[..., Any])


def json_option(f: F) -> F:
    """``--json``: print one JSON object on stdout and nothing else."""
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")(f)


def print_json(obj: Any) -> None:
    click.echo(terminal.named(json.dumps(obj, ensure_ascii=False, indent=2)))


def counter(label: str) -> Callable[[int], None] | None:
    """A counter on stderr for long work (not with --quiet, only on a terminal)."""
    return terminal.progress(label)


def _set_quiet(_ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    terminal.quiet = value
    return value


def quiet_option(f: F) -> F:
    """``--quiet`` / ``-q``: no progress counter and no summary line; what a command exists to print
    (stats, agreement, --json), warnings and errors still show."""
    return click.option(
        "--quiet", "-q", is_flag=True, expose_value=False, callback=_set_quiet,
        help="Print nothing but warnings and errors.",
    )(f)  # fmt: skip


STDIO = Path("-")  # a path of "-" is standard input (import) or standard output (export)
STDIN_NAME = "standard input"


class PathArgument(click.Path):
    """A path argument that refuses an empty one (click reads "" as ".", the current folder, which
    a script with an unset variable would then import or walk)."""

    def __init__(self) -> None:
        super().__init__(path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value:
            self.fail(
                "an empty path was given; name a file or folder (. for this folder)", param, ctx
            )
        return super().convert(value, param, ctx)
