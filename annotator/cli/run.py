"""The entry point: run the group and turn every error into one sentence and an exit status."""

from __future__ import annotations

import contextlib
import os
import sys

import click

from annotator.cli.group import PipeClosed, cli
from annotator.errors import AnnotatorError
from annotator.logfile import record_unexpected
from annotator.logfile import setup as setup_log
from annotator.terminal import terminal


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning every error into one sentence and an exit status."""
    setup_log()
    try:
        cli.main(args=argv, prog_name="annotator", standalone_mode=False)
        sys.stdout.flush()  # output still buffered meets a closed pipe here, not at exit
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except BaseException as exc:
        terminal.clear()  # an error never starts on the counter's line
        sys.exit(_told(exc))


def _told(exc: BaseException) -> int:
    """Say ``exc`` in one sentence on stderr; return the exit status (re-raise bugs when
    ANNOTATOR_DEBUG is set)."""
    if isinstance(exc, click.ClickException):
        exc.show()
        return exc.exit_code
    if isinstance(exc, click.exceptions.Abort):
        click.echo("Aborted.", err=True)
        return 130
    if isinstance(exc, AnnotatorError):
        click.echo(f"annotator: {exc.message}", err=True)
        return exc.exit_code
    if isinstance(exc, BrokenPipeError | PipeClosed):  # the reader of our output stopped (| head)
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    if isinstance(exc, KeyboardInterrupt):
        click.echo("Interrupted; nothing was half-written.", err=True)
        return 130
    if os.environ.get("ANNOTATOR_DEBUG") or not isinstance(exc, Exception):
        raise exc
    log_file = record_unexpected(exc, "the command line")
    click.echo(
        f"annotator: unexpected error ({type(exc).__name__}: {exc}); this is a bug: the "
        f"details are in {log_file}, please report them with that file",
        err=True,
    )
    return 70
