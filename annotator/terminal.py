"""What the command line prints besides results: the progress counter and --quiet.

The counter is drawn on stderr only when stderr is a terminal, and is wiped before anything else is
printed (a summary, a warning, an error), so no message ever starts glued to "Reading: 12,000".
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

EVERY = 250  # redraw the counter every this many items


class Terminal:
    """The state of one command's terminal output: quiet or not, and whether a counter shows."""

    def __init__(self) -> None:
        self.quiet = False
        self.counter_shown = False
        self.aliases: dict[str, str] = {}  # a temporary path -> what the user gave ("-")

    def named(self, message: str) -> str:
        """``message`` with temporary paths named as the user knows them."""
        for path, name in self.aliases.items():
            message = message.replace(path, name)
        return message

    def progress(self, label: str) -> Callable[[int], None] | None:
        """A counter for long work, or None when quiet or when stderr is not a terminal."""
        if self.quiet or not sys.stderr.isatty():
            return None

        def show(n: int) -> None:
            if n % EVERY == 0:
                click.echo(f"\r{label}: {n:,}", err=True, nl=False)
                self.counter_shown = True

        return show

    def clear(self) -> None:
        """Wipe the counter's line, if one is drawn, so the next message starts on a clean line."""
        if self.counter_shown:
            click.echo("\r\x1b[K", err=True, nl=False)
            self.counter_shown = False

    def say(self, message: str) -> None:
        """A summary line on stdout (not with --quiet)."""
        if not self.quiet:
            self.tell(message)

    def tell(self, message: str) -> None:
        """A line on stdout that --quiet does not silence (what was skipped or lost)."""
        self.clear()
        click.echo(self.named(message))

    def warn(self, message: str) -> None:
        """A warning on stderr, printed even with --quiet."""
        self.clear()
        click.echo(self.named(message), err=True)


terminal = Terminal()  # one command runs per process
