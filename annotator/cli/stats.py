"""``annotator stats``: counts by label, status and annotator."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.cli.options import (
    json_option,
    print_json,
    quiet_option,
)
from annotator.text.plural import form, number, plural


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@json_option
@quiet_option
def stats(project: Path, as_json: bool) -> None:
    """Count documents, spans and relations by label and status, documents by status per
    annotator, and the documents nobody has started.

    \b
    Example:
      annotator stats news.db --json
    """
    from annotator.store import Project

    with Project.open(project) as store:
        data = store.stats()
    if as_json:
        print_json(data)
        return
    click.echo(f"{data['project']}: {plural(data['documents'], 'document')}, "
               f"{plural(data['spans'], 'span')}, {plural(data['relations'], 'relation')}, "
               f"schema {data['schema']}")  # fmt: skip
    click.echo("Annotators: " + (", ".join(data["annotators"]) or "none yet"))
    others = {n: k for n, k in data["layers"].items() if k != "annotator"}
    if others:
        click.echo("Other layers: " + ", ".join(f"{n} ({k})" for n, k in others.items()))
    click.echo("By label:   " + ", ".join(f"{k} {number(v)}" for k, v in data["by_label"].items()))
    click.echo("Documents by status (the furthest any annotator got): "
               + ", ".join(f"{k} {number(v)}" for k, v in data["by_status"].items()))  # fmt: skip
    assigned = data["assigned"]
    if assigned is not None:
        click.echo(f"Assignments: todo counts each annotator's assigned documents; "
                   f"{plural(data['unassigned'], 'document')} {form(data['unassigned'], 'is', 'are')}"
                   " assigned to nobody.")  # fmt: skip
    for name, counts in data["by_annotator"].items():
        mine = "" if assigned is None else f" ({number(assigned.get(name, 0))} assigned)"
        click.echo(f"  {name}{mine}: " + ", ".join(f"{k} {number(v)}" for k, v in counts.items()))
    nobody = data["not_started"]
    if nobody["documents"]:
        shown = ", ".join(nobody["ids"][:10]) + (" ..." if nobody["documents"] > 10 else "")
        click.echo(f"Nobody has started {plural(nobody['documents'], 'document')}: {shown}")
    else:
        click.echo("Every document has been started by someone.")
    open_items = {k: v for k, v in data["checklist"].items() if v}
    click.echo(
        "Checklist:  "
        + (", ".join(f"{number(v)} {k}" for k, v in open_items.items()) or "nothing open")
    )
