"""Counts for ``annotator stats``: documents by status (overall and per annotator), what nobody
has started, spans and relations by label, and the relation checklist.

When the project has assignments, an annotator's ``todo`` is her assigned documents she has not
started (not every document of the project); the documents nobody is assigned are counted apart.

Only layers of kind annotator that hold work or assignments count as annotators (a lead who
opened the window under her own name is not one); gold counts as human work for spans and
relations; suggestions and models' layers are counted apart.

The counts are a ``ProjectStats`` record; its ``to_json`` is ``stats --json`` (SPEC section 5),
whose keys, their order and their values stay as scripts read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from annotator.model.document import Status
from annotator.model.layers import HUMAN, LayerKind
from annotator.store.base import PEOPLE_SQL

LISTED = 1000  # documents listed by id at most (the counts are always whole)
# A document's overall status is the furthest any annotator got with it.
RANK = {Status.TODO: 0, Status.SKIPPED: 1, Status.IN_PROGRESS: 2, Status.DONE: 3}
_HUMAN = f"SELECT name FROM layer_kinds WHERE kind IN ({', '.join(repr(k.value) for k in HUMAN)})"

Json = dict[str, Any]


@dataclass(frozen=True)
class DocumentChecklist:
    """One document's open checklist counts (only those above zero), by checklist key."""

    id: str  # the document's external id
    counts: Mapping[str, int]


@dataclass(frozen=True)
class Title:
    """A document's external id and title."""

    id: str
    title: str


@dataclass(frozen=True)
class NotStarted:
    """The documents no annotator has started: how many, and the first ``LISTED`` ids."""

    documents: int
    ids: tuple[str, ...]


@dataclass(frozen=True)
class Assigned:
    """A project's assignments: documents assigned to each annotator, and to nobody."""

    per_annotator: Mapping[str, int]
    unassigned: int


@dataclass(frozen=True)
class ProjectStats:
    """Every count of ``annotator stats``.

    ``by_status`` and each of ``by_annotator`` map every status to a count; ``assigned`` is None when
    the project has no assignments. The lists by document hold the
    first ``LISTED`` documents (the counts are always whole)."""

    project: str  # the path as it was given
    schema: str
    documents: int
    spans: int  # of human layers (annotators' and gold)
    relations: int
    suggestions: int  # spans of suggestion layers
    annotators: tuple[str, ...]
    layers: Mapping[str, str]  # layer name -> its kind
    by_label: Mapping[str, int]
    by_status: Mapping[str, int]  # the furthest any annotator got with each document
    by_annotator: Mapping[str, Mapping[str, int]]
    not_started: NotStarted
    assigned: Assigned | None
    checklist: Mapping[str, int]  # by checklist_key
    checklist_by_document: tuple[DocumentChecklist, ...]
    titles: tuple[Title, ...]

    def to_json(self) -> Json:
        """``stats --json``: the keys in this order (SPEC section 5)."""
        a = self.assigned
        return {
            "checklist": dict(self.checklist),
            "checklist_by_document": [
                {"id": d.id, **d.counts} for d in self.checklist_by_document
            ],
            "project": self.project,
            "schema": self.schema,
            "documents": self.documents,
            "spans": self.spans,
            "relations": self.relations,
            "suggestions": self.suggestions,
            "annotators": list(self.annotators),
            "layers": dict(self.layers),
            "by_label": dict(self.by_label),
            "by_status": dict(self.by_status),
            "by_annotator": {name: dict(counts) for name, counts in self.by_annotator.items()},
            "not_started": {"documents": self.not_started.documents,
                            "ids": list(self.not_started.ids)},
            "assigned": None if a is None else dict(a.per_annotator),
            "unassigned": None if a is None else a.unassigned,
            "titles": [{"id": t.id, "title": t.title} for t in self.titles],
        }  # fmt: skip


def assignments(db: Any) -> dict[str, int] | None:
    """Documents assigned to each annotator, or None when the project has no assignments."""
    rows = db.execute(
        "SELECT annotator, count(*) FROM assignments GROUP BY 1 ORDER BY 1"
    ).fetchall()
    return {name: int(n) for name, n in rows} if rows else None


def document_status(db: Any, documents: int) -> tuple[dict[str, int], dict[str, dict[str, int]], list[str]]:  # fmt: skip
    """Documents by overall status, by status per annotator, and the ids nobody has started."""
    names = [r[0] for r in db.execute(f"{PEOPLE_SQL} ORDER BY name")]
    per: dict[str, dict[str, int]] = {n: {s.value: 0 for s in Status} for n in names}
    for name, status, n in db.execute(
        f"SELECT annotator, status, count(*) FROM doc_status WHERE annotator IN ({PEOPLE_SQL})"
        " GROUP BY 1, 2"
    ):
        per[name][status] = n
    assigned = assignments(db)
    for name, counts in per.items():
        if assigned is None:  # no assignments: every document is everyone's to do
            counts[Status.TODO.value] = documents - sum(
                v for k, v in counts.items() if k != Status.TODO.value
            )
        else:  # her assigned documents she has not started
            counts[Status.TODO.value] = int(db.execute(
                "SELECT count(*) FROM assignments a WHERE a.annotator = ? AND NOT EXISTS"
                " (SELECT 1 FROM doc_status st WHERE st.doc_id = a.doc_id AND st.annotator = ?"
                " AND st.status != 'todo')", [name, name]).fetchone()[0])  # fmt: skip
    rank_sql = " ".join(f"WHEN '{s.value}' THEN {r}" for s, r in RANK.items())
    overall = {s.value: 0 for s in Status}
    by_rank = {r: s.value for s, r in RANK.items()}
    not_started: list[str] = []
    for ext_id, rank, touched in db.execute(
        f"SELECT d.ext_id, coalesce((SELECT max(CASE st.status {rank_sql} ELSE 0 END)"
        f" FROM doc_status st WHERE st.doc_id = d.id AND st.annotator IN ({PEOPLE_SQL})), 0),"
        f" EXISTS (SELECT 1 FROM spans s WHERE s.doc_id = d.id AND s.annotator IN ({PEOPLE_SQL}))"
        " FROM documents d ORDER BY d.id"
    ):
        if rank == 0 and touched:
            rank = RANK[Status.IN_PROGRESS]  # spans without a status: someone is on it
        overall[by_rank[rank]] += 1
        if rank == 0:
            not_started.append(ext_id)
    return overall, per, not_started


def checklist_key(head: str, relation: str) -> str:
    """The checklist count's key in ``stats --json``: ``"claim without attributed_to"``."""
    return f"{head} without {relation}"


def project_stats(project: Any) -> ProjectStats:
    """Every count of ``annotator stats``."""
    db = project.db

    def one(sql: str) -> int:
        return int(db.execute(sql).fetchone()[0])

    by_label = dict.fromkeys(project.schema.label_ids, 0)
    human = f"annotator IN ({_HUMAN})"
    for label, n in db.execute(f"SELECT label, count(*) FROM spans WHERE {human} GROUP BY label"):
        by_label[label] = n
    documents = one("SELECT count(*) FROM documents")
    overall, per_annotator, not_started = document_status(db, documents)
    titles = tuple(
        Title(ext_id, title)
        for ext_id, title in db.execute(
            f"SELECT ext_id, title FROM documents ORDER BY id LIMIT {LISTED}"
        )
    )
    checklist: dict[str, int] = {}
    per_doc: dict[str, dict[str, int]] = {}
    for rel in project.schema.relations:
        for head in sorted(rel.head):
            key = checklist_key(head, rel.id)
            rows = db.execute(
                "SELECT d.ext_id, count(*) FROM spans s JOIN documents d ON d.id = s.doc_id"
                f" WHERE s.label = ? AND s.{human} AND NOT EXISTS"
                " (SELECT 1 FROM relations r WHERE r.head = s.id AND r.label = ?)"
                " GROUP BY d.id ORDER BY d.id",
                [head, rel.id],
            ).fetchall()
            checklist[key] = sum(n for _ext, n in rows)
            for ext, n in rows:
                per_doc.setdefault(ext, {})[key] = n
    kinds = {n: k for n, k in db.execute("SELECT name, kind FROM layer_kinds ORDER BY name")}
    assigned = assignments(db)
    return ProjectStats(
        project=str(project.path),
        schema=project.schema.name,
        documents=documents,
        spans=one(f"SELECT count(*) FROM spans WHERE {human}"),
        relations=one(f"SELECT count(*) FROM relations WHERE {human}"),
        suggestions=one(
            "SELECT count(*) FROM spans WHERE annotator IN"
            f" (SELECT name FROM layer_kinds WHERE kind = '{LayerKind.SUGGESTIONS.value}')"
        ),
        annotators=tuple(per_annotator),
        layers=kinds,
        by_label=by_label,
        by_status=overall,
        by_annotator=per_annotator,
        not_started=NotStarted(len(not_started), tuple(not_started[:LISTED])),
        # with assignments, an annotator's todo counts only her assigned documents
        assigned=None
        if assigned is None
        else Assigned(
            assigned,
            one(
                "SELECT count(*) FROM documents d WHERE NOT EXISTS"
                " (SELECT 1 FROM assignments a WHERE a.doc_id = d.id)"
            ),
        ),
        checklist=checklist,
        checklist_by_document=tuple(
            DocumentChecklist(ext, counts) for ext, counts in list(per_doc.items())[:LISTED]
        ),
        titles=titles,
    )
