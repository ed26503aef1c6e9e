"""``annotator suggest``: pre-annotate with the Arabic rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from annotator.cli.group import cli
from annotator.cli.options import (
    counter,
    json_option,
    quiet_option,
)
from annotator.terminal import terminal
from annotator.text.plural import plural


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option("--doc", "doc_ref", help="Only this document (external id or number).")
@json_option
@quiet_option
def suggest(project: Path, doc_ref: str | None, as_json: bool) -> None:
    """Pre-annotate: suggest speakers, claims, stances and events with Arabic rules.

    Suggestions are stored as their own layer ('suggestions'), drawn dashed in the window and
    never exported as human work unless an annotator accepts them. Running again replaces them.
    With --json, prints one native JSONL line per document.

    \b
    Example:
      annotator suggest news.db
      annotator suggest news.db --doc 003 --json
    """
    from annotator.export.jsonl import document_line
    from annotator.jobs.suggest import suggest_project
    from annotator.store import Project

    def line(doc: Any, layer: Any) -> None:
        click.echo(document_line(doc, [layer], multi=False).decode())

    with Project.open(project) as store:
        report = suggest_project(
            store, doc_ref, counter("Suggesting"), line if as_json else None, parallel=True
        )
    terminal.clear()
    for failure in report.failed[:10]:
        terminal.warn(
            f"annotator: skipped document {failure.document}: the rules failed on it "
            f"({failure.reason}); its earlier suggestions are unchanged"
        )
    if len(report.failed) > 10:
        terminal.warn(f"annotator: skipped {plural(len(report.failed) - 10, 'more document')}")
    if as_json:
        return
    summary = (
        ", ".join(plural(n, label) for label, n in sorted(report.by_label.items())) or "nothing"
    )
    terminal.say(
        f"Suggested {summary} in {plural(report.documents, 'document')}; "
        "open the window and press S to review them."
    )
