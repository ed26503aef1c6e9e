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
from annotator.text.plural import plural


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.argument("others", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--on-conflict", type=click.Choice(["fail", "replace", "keep"]), default="fail",
              show_default=True,
              help="A layer both the project and the package changed: merge nothing (fail), take "
                   "the package's (replace; the old one stays in the change log) or keep the project's.")  # fmt: skip
@json_option
@quiet_option
def merge(project: Path, others: tuple[Path, ...], on_conflict: str, as_json: bool) -> None:
    """Merge annotators' packages (or copies) into PROJECT (documents matched by their text).

    Layers PROJECT lacks are taken and identical ones skipped (merging twice adds nothing). The
    project remembers the version of each layer last exchanged with each package: when she
    changed it since and the project's copy is still that version, hers replaces it; nothing
    newer in the package (an older copy of it) is left out and counted; when both changed it,
    it is a conflict, which --on-conflict decides (by default nothing is merged and the
    conflicts are named).

    \b
    Example:
      annotator merge news.db layla.db omar.db sara.db
      annotator merge news.db layla.db --on-conflict keep
    """
    from annotator.jobs.merge import merge_projects
    from annotator.store import Project
    from annotator.store.base import OnConflict

    with Project.open(project) as store:
        reports = merge_projects(store, list(others), OnConflict(on_conflict))
    if as_json:
        print_json({name: r.as_dict() for name, r in reports.items()})
        return
    for name, r in reports.items():
        terminal.say(f"{name}: {plural(r.documents_added, 'new document')}, "
                     f"{plural(r.layers_added, 'new layer')}, {r.layers_replaced} replaced by a "
                     f"newer version, {r.identical} already identical, {r.older} older or already "
                     f"merged, {plural(len(r.conflicts), 'conflict')}.")  # fmt: skip
        for c in r.conflicts:
            kept = "kept the project's" if c.outcome == "kept" else "took the package's"
            terminal.tell(f"  conflict: {c.annotator} on {c.document}: here {c.here.status} with "
                          f"{plural(c.here.spans, 'span')}, there {c.there.status} with "
                          f"{plural(c.there.spans, 'span')}; {kept}")  # fmt: skip
        for note in r.notes:
            terminal.tell(f"  {note}")
