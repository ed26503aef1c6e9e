"""``annotator agreement``: inter-annotator agreement tables and reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from annotator.cli.group import cli
from annotator.cli.options import (
    counter,
    json_option,
    quiet_option,
)
from annotator.terminal import terminal
from annotator.text.plural import plural

if TYPE_CHECKING:
    from annotator.agreement.records import AgreementReport


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option("--annotators", help="Compare these annotators, comma-separated (default: all).")
@click.option("--labels", help="Count only these labels, comma-separated (others become O).")
@click.option("--bootstrap", type=click.IntRange(min=0), default=0, show_default=True,
              help="Add 95% intervals from this many resamples of the documents (e.g. 1000).")  # fmt: skip
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the resampling.")
@click.option("--report", "report_path", type=click.Path(path_type=Path),
              help="Also write a report: .html (tables and charts), .md or .tex (tables and methods).")  # fmt: skip
@click.option("--force", is_flag=True, help="Replace a report an earlier run wrote at --report.")
@json_option
@quiet_option
def agreement(
    project: Path,
    annotators: str | None,
    labels: str | None,
    bootstrap: int,
    seed: int,
    report_path: Path | None,
    force: bool,
    as_json: bool,
) -> None:
    """Inter-annotator agreement: unitizing alpha, token alpha and kappas, span, attribute and
    relation agreement, per pair and per label, with the documents and units behind each figure.

    Only documents an annotator marked done count for that annotator.

    \b
    Example:
      annotator agreement news.db
      annotator agreement news.db --annotators layla,omar --labels speaker,claim --json
      annotator agreement news.db --bootstrap 1000 --seed 7 --report agreement.html

    An existing --report path is refused unless --force, which replaces only a report this
    program wrote there (its .manifest.json says so).
    """
    from annotator.agreement.table import render
    from annotator.jobs.agreement import project_agreement, report_target, write_report
    from annotator.store import Project

    def split(value: str | None) -> list[str] | None:
        return [x.strip() for x in value.split(",") if x.strip()] if value else None

    with Project.open(project) as store:
        if report_path is not None:
            report_target(store, report_path, force)  # refuse before computing
        report = project_agreement(
            store, split(annotators), split(labels), counter("Reading"),
            bootstrap=bootstrap, seed=seed,
        )  # fmt: skip
        terminal.clear()
        if report_path is not None:
            write_report(store, report, report_path, force=force)
    click.echo(
        json.dumps(report.to_json(), ensure_ascii=False, indent=2) if as_json else render(report)
    )
    pair = _pair_hint(report)
    if pair and not as_json:
        a, b, n = pair
        click.echo(f"\nFleiss' kappa and unitizing alpha need documents every selected annotator "
                   f"finished, and these annotators share documents only in pairs (as 'assign "
                   f"--per-overlap 2' gives them): for one pair, annotator agreement {project} "
                   f"--annotators {a},{b} ({plural(n, 'document')}).")  # fmt: skip
    if report_path is not None and not as_json:
        click.echo(f"\nWrote the report to {report_path} ({plural(report.documents, 'document')}).")


def _pair_hint(report: AgreementReport) -> tuple[str, str, int] | None:
    """The pair sharing the most documents, when no document is shared by every annotator."""
    if report.unitizing.documents or len(report.annotators) < 3:
        return None
    pairs = [(p.documents, p.a, p.b) for p in report.span.pairs if p.documents]
    if not pairs:
        return None
    n, a, b = max(pairs, key=lambda p: p[0])
    return a, b, n
