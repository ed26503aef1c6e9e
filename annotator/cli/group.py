"""The ``annotator`` click group: with no command it opens the window; a word that is neither a
command nor a file gets the nearest command name."""

from __future__ import annotations

import difflib
import os
from typing import Any

import click

from annotator import __version__
from annotator.config import INTERFACE_LANGUAGES


class NoCommand(click.UsageError):
    """A word in the command's place that is no command: most likely a typo."""

    def show(self, file: Any = None) -> None:
        click.echo(f"annotator: {self.message}", err=True)


class PipeClosed(Exception):
    """The program reading our output stopped early (``| head``): exit 141, as a shell says."""


class DefaultGroup(click.Group):
    """A group that runs ``gui`` when the first argument is not a command (``annotator news.db``),
    and takes a bare word that is neither a command nor a file for a mistyped command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ahead, args = _leading_options(args)  # --lang and --quiet, before the command
        if args and args[0] not in self.commands and _mistyped_command(args[0]):
            raise NoCommand(self._no_command(args[0]), ctx)
        if not args or (
            args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")
        ):
            args = ["gui", *args]
        quiet = [a for a in ahead if a in QUIET_FLAGS][:1]  # the command's own --quiet
        lang = [a for a in ahead if a not in QUIET_FLAGS]
        command = self.commands.get(args[0]) if args else None
        if command is not None and not any("--lang" in p.opts for p in command.params):
            after, rest = _lang_after(args[1:])  # --lang after a command that has none of its own
            lang, args = [*lang, *after], [*args[:1], *rest]
        return super().parse_args(ctx, [*lang, *args[:1], *quiet, *args[1:]])

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:  # click would exit 1 without a word: main says 141
            raise PipeClosed from exc

    def _no_command(self, word: str) -> str:
        close = difflib.get_close_matches(word.lower(), sorted(self.commands), n=1, cutoff=0.6)
        if close:
            return f"No command '{word}'. Did you mean '{close[0]}'?"
        return f"No command '{word}'. The commands are: {', '.join(sorted(self.commands))}."


QUIET_FLAGS = ("--quiet", "-q")


def _leading_options(args: list[str]) -> tuple[list[str], list[str]]:
    """The options given before the command (``--lang ar``, ``--lang=ar``, ``--quiet``), and the
    rest. A ``--lang`` without its value stays in the rest, for click to name the mistake."""
    ahead: list[str] = []
    i = 0
    while i < len(args):
        if args[i] in QUIET_FLAGS or args[i].startswith("--lang="):
            ahead.append(args[i])
            i += 1
        elif args[i] == "--lang" and i + 1 < len(args):
            ahead += args[i : i + 2]
            i += 2
        else:
            break
    return ahead, args[i:]


def _lang_after(args: list[str]) -> tuple[list[str], list[str]]:
    """``--lang ar`` / ``--lang=ar`` among a command's arguments (up to ``--``), and the rest."""
    lang: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        if args[i] == "--":
            rest += args[i:]
            break
        if args[i].startswith("--lang="):
            lang.append(args[i])
        elif args[i] == "--lang" and i + 1 < len(args):
            lang += args[i : i + 2]
            i += 1
        else:
            rest.append(args[i])
        i += 1
    return lang, rest


def _mistyped_command(word: str) -> bool:
    """A bare word (no option, no folder, no extension) that names no existing file: the GUI
    would only fail to open it, so it was meant as a command."""
    return (
        not word.startswith("-")
        and not any(sep in word for sep in ("/", os.sep, "."))
        and not os.path.lexists(word)
    )


LANG_HELP = (
    "The window's language (default: Preferences, else the system's). Commands that print on "
    "the terminal print English in either language."
)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotator")
@click.option("--lang", type=click.Choice(INTERFACE_LANGUAGES), help=LANG_HELP)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but warnings and errors.")
def cli(lang: str | None, quiet: bool) -> None:
    """Annotate Arabic news articles: speakers, claims, stances, events and who said what.

    With no command, opens the annotation window (on a demo project the first time).

    \b
    Example:
      annotator import news.db articles/     # create a project from a folder of .txt files
      annotator news.db                      # annotate it
    """
