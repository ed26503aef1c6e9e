"""The import's report in sentences: what was added, kept, cleaned, skipped or had no place."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotator.text.plural import counted, form, number, plural

if TYPE_CHECKING:
    from annotator.store.base import ImportReport


def import_summary(
    report: ImportReport, project: Path, adopted: str = ""
) -> tuple[list[str], list[str]]:
    """The import's counts in sentences that say what each number is about: the summary, and the
    lines --quiet does not silence (layers kept out, inputs skipped, guesses, what had no place)."""

    def names(items: list[str]) -> str:
        return ", ".join(items[:10]) + (", ..." if len(items) > 10 else "")

    present = report.documents_present
    lines = [
        f"Imported {plural(report.documents_added, 'new document')} into {project}"
        + (
            f"; {len(present)} {form(len(present), 'was', 'were')} already there (same text): {names(present)}"
            if present
            else ""
        )
        + "."
    ]
    layers = (report.layers_added, report.layers_identical, report.layers_replaced,
              report.layers_kept)  # fmt: skip
    if any(layers):
        lines.append(
            f"Annotation layers: {report.layers_added} added, {report.layers_identical} identical to"
            f" the project's (nothing to do), {report.layers_replaced} replaced,"
            f" {report.layers_kept} differing and kept as the project had them;"
            f" {plural(report.spans, 'span')} and {plural(report.relations, 'relation')} written."
        )
    # layers replaced are what was asked for (summary lines); layers kept were not imported (told)
    told: list[str] = []
    for outcome, out in (("replaced", lines), ("kept", told)):
        listed = [c for c in report.conflicts if c.outcome == outcome]
        out += [f"  {c.annotator} on {c.document}: {outcome}" for c in listed[:10]]
        if len(listed) > 10:
            out.append(f"  ... and {len(listed) - 10} more {outcome} (--json lists them all)")
    if report.cleaned:
        # "cookie notice: 2", not "2 cookie notice": rule names are phrases, not countable nouns
        rules = ", ".join(
            f"{rule}: {number(n)}" for rule, n in sorted(report.removed_by_rule.items())
        )
        cut = sum(report.removed_by_rule.values())
        lines.append(f"Cut {plural(cut, 'line')} of site debris from {plural(report.cleaned, 'document')}: {rules} "
                     "(--dry-run lists them; the original text is kept; --no-clean imports as is).")  # fmt: skip
    if report.restored:
        lines.append(f"Restored the full text of {plural(len(report.restored), 'document')}: "
                     + ", ".join(report.restored[:10]) + (" ..." if len(report.restored) > 10 else ""))  # fmt: skip
    if adopted:
        lines.append(adopted)
    if report.renamed:
        told.append(
            f"Renamed {plural(len(report.renamed), 'new document')} whose id another document"
            f" already had: {names(report.renamed)}."
        )
    if report.documents_not_taken:
        kept = [
            f"{n.given_id or n.document} ({', '.join(n.fields)}; the project's {n.document})"
            for n in report.documents_not_taken
        ]
        told.append(
            f"Not taken: {plural(len(kept), 'document')} the project already had (same text)"
            f" came with another id, title or meta; the project kept its own: {names(kept)}."
        )
    if report.ignored_keys:
        told.append(
            "Ignored keys (this program does not read them): "
            + ", ".join(
                f"{key} ({', '.join(plural(n, what) for what, n in where.items())})"
                for key, where in sorted(report.ignored_keys.items())
            )
            + "."
        )
    told += [f"Skipped: {line}" for line in report.skipped]
    told += [f"Note: {note}" for note in report.notes]
    if report.not_imported:
        told.append("Not imported (this project has no place for them): "
                     + ", ".join(counted(n, what) for what, n in report.not_imported.items()) + ".")  # fmt: skip
    return lines, told
