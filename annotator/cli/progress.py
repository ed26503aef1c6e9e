"""``annotator progress``: assigned, done, skipped and active time per annotator."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.cli.options import (
    json_option,
    print_json,
    quiet_option,
)


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option(
    "--documents", "show_documents", is_flag=True, help="Also list who is on each document."
)
@json_option
@quiet_option
def progress(project: Path, show_documents: bool, as_json: bool) -> None:
    """Progress per annotator: assigned, done, skipped, active time, spans per hour.

    Done and skipped count the documents assigned to the annotator; documents they finished
    beyond those are counted apart. Active time is recorded by the window (pauses over two
    minutes are not counted); spans per hour is given from a minute of it on.

    \b
    Example:
      annotator progress news.db
      annotator progress news.db --documents
      annotator progress news.db --json
    """
    from annotator.store import Project

    with Project.open(project) as store:
        data = store.progress()
    if as_json:
        print_json(data.to_json())
        return
    rows = [["annotator", "assigned", "done", "skipped", "done, not assigned", "time", "spans/h"]]
    for name, p in data.annotators.items():
        rate = "—" if p.spans_per_hour is None else f"{p.spans_per_hour:,.0f}"
        counts = (p.assigned, p.done, p.skipped, p.done_unassigned)
        rows.append([name, *(f"{n:,}" for n in counts), _duration(p.seconds), rate])
    for line in _table(rows):
        click.echo(line)
    if not data.assigned_documents:
        click.echo(f"Nothing is assigned yet (annotator assign {project} --annotators ...).")
    if show_documents:
        for doc in data.documents:
            who = ", ".join(f"{n} ({st.replace('_', ' ')})" for n, st in doc.annotators.items())
            click.echo(f"  {doc.id}: {who}")


def _table(rows: list[list[str]]) -> list[str]:
    """Rows as aligned columns two spaces apart (the first left-aligned, the others right), with a
    rule under the header: every column as wide as its widest cell."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    lines.insert(1, "-" * len(lines[0]))
    return lines


def _duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    return f"{minutes // 60}h{minutes % 60:02d}" if minutes >= 60 else f"{minutes} min"
