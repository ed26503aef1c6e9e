"""``annotator package``: write one annotator's copy of the project."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.cli.options import (
    quiet_option,
)
from annotator.terminal import terminal
from annotator.text.plural import plural


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option("--annotator", "annotator_name", required=True, help="Whose package.")
@click.option("--out", required=True, type=click.Path(path_type=Path), help="The new project file.")
@quiet_option
def package(project: Path, annotator_name: str, out: Path) -> None:
    """Write an annotator's copy: her assigned documents and her own layer, nothing else.

    She annotates it in the window; 'annotator merge' brings her work back.

    \b
    Example:
      annotator package news.db --annotator layla --out layla.db
      annotator merge news.db layla.db
    """
    from annotator.jobs.package import package_for
    from annotator.store import Project

    with Project.open(project) as store:
        made = package_for(store, annotator_name, out)
    terminal.say(f"Wrote {out}: {plural(made.documents, 'document')} for {made.annotator}"
               + (f", her earlier work on {made.with_work}" if made.with_work else "") + ".")  # fmt: skip
