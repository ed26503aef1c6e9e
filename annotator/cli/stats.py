"""``annotator stats``: counts by label, status and annotator."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import click

from annotator.cli.group import cli
from annotator.cli.options import (
    json_option,
    print_json,
    quiet_option,
)
from annotator.model.layers import LayerKind
from annotator.text.plural import form, number, plural

if TYPE_CHECKING:
    from annotator.model.schema import Schema


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
        schema = store.schema
    if as_json:
        print_json(data.to_json())
        return
    click.echo(f"{data.project}: {plural(data.documents, 'document')}, "
               f"{plural(data.spans, 'span')}, {plural(data.relations, 'relation')}, "
               f"schema {data.schema}")  # fmt: skip
    click.echo("Annotators: " + (", ".join(data.annotators) or "none yet"))
    others = {n: k for n, k in data.layers.items() if k != LayerKind.ANNOTATOR}
    if others:
        click.echo("Other layers: " + ", ".join(f"{n} ({k})" for n, k in others.items()))
    click.echo("By label:   " + ", ".join(f"{k} {number(v)}" for k, v in data.by_label.items()))
    click.echo("Documents by status (the furthest any annotator got): "
               + ", ".join(f"{k} {number(v)}" for k, v in data.by_status.items()))  # fmt: skip
    assigned = data.assigned
    if assigned is not None:
        nobody = assigned.unassigned
        click.echo(f"Assignments: todo counts each annotator's assigned documents; "
                   f"{plural(nobody, 'document')} {form(nobody, 'is', 'are')}"
                   " assigned to nobody.")  # fmt: skip
    for name, counts in data.by_annotator.items():
        mine = (
            "" if assigned is None else f" ({number(assigned.per_annotator.get(name, 0))} assigned)"
        )
        click.echo(f"  {name}{mine}: " + ", ".join(f"{k} {number(v)}" for k, v in counts.items()))
    not_started = data.not_started
    if not_started.documents:
        shown = ", ".join(not_started.ids[:10]) + (" ..." if not_started.documents > 10 else "")
        click.echo(f"Nobody has started {plural(not_started.documents, 'document')}: {shown}")
    else:
        click.echo("Every document has been started by someone.")
    click.echo(checklist_sentence(schema, data.checklist))


def checklist_sentence(schema: Schema, counts: Mapping[str, int]) -> str:
    """The checklist in words, with the schema's names: "Checklist: 62 spans labelled Claim have
    no “attributed to” link; 1 span labelled Stance has no “holder” link." """
    from annotator.store.stats import checklist_key

    parts = []
    for rel in schema.relations:
        for head in sorted(rel.head):
            n = counts.get(checklist_key(head, rel.id), 0)
            if n:
                label = schema.label(head)
                parts.append(
                    f"{plural(n, 'span')} labelled {label.en or label.id} {form(n, 'has', 'have')}"
                    f" no “{rel.en or rel.id}” link"
                )
    return "Checklist: " + ("; ".join(parts) if parts else "nothing open") + "."
