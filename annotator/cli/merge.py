"""``annotator merge``: bring annotators' copies back into the project."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.cli.options import (
    json_option,
    print_json,
    quiet_option,
)
from annotator.terminal import terminal


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.argument("others", nargs=-1, required=True, type=click.Path(path_type=Path))
@json_option
@quiet_option
def merge(project: Path, others: tuple[Path, ...], as_json: bool) -> None:
    """Merge annotators' copies of a project into PROJECT (documents matched by their text).

    Layers PROJECT lacks are copied, identical ones skipped (merging twice adds nothing), and
    layers that differ are listed as conflicts and left as they are in PROJECT.

    \b
    Example:
      annotator merge lead.db layla.db omar.db sara.db
    """
    from annotator.jobs.merge import merge_projects
    from annotator.store import Project

    with Project.open(project) as store:
        reports = merge_projects(store, list(others))
    if as_json:
        print_json({name: r.as_dict() for name, r in reports.items()})
        return
    for name, r in reports.items():
        terminal.say(f"{name}: {r.documents_added} new document(s), {r.layers_added} layer(s) merged, "
                   f"{r.identical} already identical, {len(r.conflicts)} conflict(s).")  # fmt: skip
        for c in r.conflicts:
            terminal.say(f"  conflict: {c['annotator']} on {c['document']}: here {c['here']['status']} with "
                       f"{c['here']['spans']} span(s), there {c['there']['status']} with "
                       f"{c['there']['spans']} span(s); kept the version here")  # fmt: skip
