"""``annotator gui``: open the annotation window (the default command)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.group import LANG_HELP, cli
from annotator.cli.options import (
    quiet_option,
)
from annotator.config import INTERFACE_LANGUAGES


@cli.command()
@click.argument("project", required=False, type=click.Path(path_type=Path))
@click.option("--annotator", "annotator_name", help="Your name for this session.")
@click.option("--doc", "doc_ref", help="Open this document (external id or number).")
@click.option(
    "--screenshot", type=click.Path(path_type=Path), help="Save a PNG of the window, exit."
)
@click.option("--lang", type=click.Choice(INTERFACE_LANGUAGES), help=LANG_HELP)
@quiet_option
@click.pass_context
def gui(
    ctx: click.Context,
    project: Path | None,
    annotator_name: str | None,
    doc_ref: str | None,
    screenshot: Path | None,
    lang: str | None,
) -> None:
    """Open the annotation window.

    Without PROJECT, opens the most recent project, or a demo project the first time.

    \b
    Example:
      annotator gui news.db --annotator layla
      annotator --lang ar news.db            # the window in Arabic
      QT_QPA_PLATFORM=offscreen annotator gui news.db --doc 3 --screenshot shot.png
    """
    from annotator.ui.launch import run_gui

    lang = lang or ctx.find_root().params.get("lang")  # annotator --lang ar gui ...
    sys.exit(run_gui(project, annotator_name, doc_ref, screenshot, lang))
