"""Merge annotators' copies of a project into one: documents by text hash, layers by annotator.

Each annotator works in their own copy; the lead merges them. A layer the project lacks (or holds
untouched) is copied; an identical one is skipped, so merging the same file twice adds nothing; a
layer that differs is a conflict: reported with both versions, never overwritten. Projects with
different schemas are refused with the difference named. All of one merge is one transaction.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from annotator.errors import ProjectError, UsageError
from annotator.model.document import DocumentRecord, Layer
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.store.activity import announce


@dataclass
class MergeReport:
    """What a merge did, per other project."""

    documents_added: int = 0
    layers_added: int = 0
    identical: int = 0
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def schema_difference(mine: Schema, theirs: Schema) -> str | None:
    """The first difference between two schemas that would make their annotations disagree."""
    ours = {lab.id: lab for lab in mine.labels}
    other = {lab.id: lab for lab in theirs.labels}
    for lid in sorted(set(ours) ^ set(other)):
        where = "here" if lid in ours else "there"
        return f"label {lid!r} exists only {where}"
    for lid, lab in ours.items():
        a = {x.name: x.values for x in lab.attributes}
        b = {x.name: x.values for x in other[lid].attributes}
        if a != b:
            return f"label {lid!r} has attributes {a} here but {b} there"
    rels = {r.id: (r.head, r.child) for r in mine.relations}
    rels_other = {r.id: (r.head, r.child) for r in theirs.relations}
    if rels != rels_other:
        changed = sorted(set(rels) ^ set(rels_other)) or sorted(
            k for k in rels if rels[k] != rels_other[k]
        )
        return f"relation {changed[0]!r} differs"
    return None


def merge_projects(project: Project, others: list[Path]) -> dict[str, MergeReport]:
    """Merge every other project into ``project``; returns a report per other project.

    Every copy is checked first (a project of a version we read, not the project itself, the same
    schema); only then is anything written, and all of it in one transaction: a merge that fails
    on its third copy leaves the project as it was.
    """
    for path in others:
        if not path.exists():
            raise ProjectError(f"{path} does not exist; nothing was merged")
        if path.resolve() == project.path.resolve():
            raise UsageError(f"{path} is the project itself; name the annotators' copies to merge")
        with Project.open(path, readonly=True) as other:
            difference = schema_difference(project.schema, other.schema)
        if difference:
            raise ProjectError(
                f"{path} has a different label schema: {difference}; nothing was merged"
            )
    reports: dict[str, MergeReport] = {}
    with announce(project.path, "a merge"), project.transaction():
        for path in others:
            with Project.open(path, readonly=True) as other:
                reports[str(path)] = _merge_one(project, other, path)
    return reports


def _merge_one(project: Project, other: Project, path: Path) -> MergeReport:
    report = MergeReport()
    records: list[DocumentRecord] = []
    for doc, layers in other.stream_layers():
        existing = project.find_by_hash(doc.sha256)
        take: list[Layer] = []
        for name, theirs in layers.items():
            if theirs.untouched():
                continue
            if existing is not None:
                mine = project.layer(existing.id, name)
                if mine.fingerprint() == theirs.fingerprint():
                    report.identical += 1
                    continue
                if not mine.untouched():
                    report.conflicts.append({
                        "document": existing.ext_id, "annotator": name,
                        "here": {"status": mine.status, "spans": len(mine.spans), "relations": len(mine.relations)},
                        "there": {"status": theirs.status, "spans": len(theirs.spans), "relations": len(theirs.relations)},
                    })  # fmt: skip
                    continue
            take.append(theirs)
        if existing is None:
            report.documents_added += 1
        elif not take:
            continue
        report.layers_added += len(take)
        records.append(DocumentRecord(doc.ext_id, doc.title, doc.text, doc.meta,
                                      f"{path.name}:{doc.ext_id}", take))  # fmt: skip
    project.add_documents(records)
    return report
