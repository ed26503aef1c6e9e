"""What every part of the project store shares: the open connection, transactions, the schema,
and reading one document's layers. Returns dataclasses from annotator.model."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from annotator.errors import EditError, ProjectError
from annotator.model.document import Document, Layer, Relation, Span, Status
from annotator.model.layers import GOLD_LAYER, LayerKind
from annotator.model.schema import Schema, parse_schema
from annotator.store.connection import file_id, write_transaction

# The meta key a restore sets, so that open windows know their undo history is of another state.
RESTORED_AT = "restored_at"


# The people whose work is counted (stats, progress): layers of kind annotator that hold something
# (a status, a span) or were assigned documents. A lead who opens the window under her own name,
# or only curates gold, gets an empty layer of that kind: she is not listed as an annotator.
PEOPLE_SQL = (
    f"SELECT k.name FROM layer_kinds k WHERE k.kind = '{LayerKind.ANNOTATOR.value}' AND ("
    " EXISTS (SELECT 1 FROM assignments a WHERE a.annotator = k.name)"
    " OR EXISTS (SELECT 1 FROM doc_status st WHERE st.annotator = k.name)"
    " OR EXISTS (SELECT 1 FROM spans s WHERE s.annotator = k.name))"
)


def now() -> str:
    """The current UTC time as ISO 8601 text."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def text_hash(text: str) -> str:
    """The SHA-256 of stored text, used to recognise the same article across files and projects."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class DocSummary:
    """A row of the document list: id, external id, title, this annotator's status, span count."""

    id: int
    ext_id: str
    title: str
    status: str
    spans: int


class OnConflict(StrEnum):
    """What an import does with a layer the project already holds with other content."""

    FAIL = "fail"  # import nothing and name the layers
    REPLACE = "replace"  # the imported layer replaces the project's (the old one goes to the log)
    KEEP = "keep"  # the project's layer stays; the imported one is counted as kept out


@dataclass(frozen=True)
class LayerConflict:
    """An imported layer that differs from the one the project holds for that annotator."""

    document: str
    annotator: str
    source: str = ""
    line: int | None = None
    outcome: str = ""  # "replaced" or "kept" (a refused import names them in its error)


@dataclass
class ImportReport:
    """What one import call did. Documents are matched by their text; layers by annotator."""

    documents_added: int = 0
    documents_present: list[str] = field(default_factory=list)  # same text already there
    layers_added: int = 0
    layers_identical: int = 0  # same content already there: nothing written
    layers_replaced: int = 0
    layers_kept: int = 0  # differing, left as the project had them (--on-conflict keep)
    spans: int = 0  # spans written (in added and replaced layers)
    relations: int = 0
    conflicts: list[LayerConflict] = field(default_factory=list)  # the replaced or kept ones
    skipped: list[str] = field(default_factory=list)
    cleaned: int = 0
    removed_by_rule: dict[str, int] = field(default_factory=dict)  # lines cut, per rule
    restored: list[str] = field(default_factory=list)  # documents whose text was re-read
    not_imported: dict[str, int] = field(
        default_factory=dict
    )  # what the inputs had and we cannot hold
    notes: list[str] = field(default_factory=list)  # guesses the user should know (encodings)
    renamed: list[str] = field(default_factory=list)  # "q1 -> q1-2": ids taken by another document

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _span_from_row(row: dict[str, Any]) -> Span:
    return Span(
        start=row["start"],
        end=row["end"],
        label=row["label"],
        text=row["text"],
        attributes=json.loads(row["attributes"]),
        sid=row["sid"],
        id=row["id"],
        doc_id=row["doc_id"],
        annotator=row["annotator"],
        stamp=row["updated_at"],
    )


def _relation_from_row(row: dict[str, Any]) -> Relation:
    return Relation(
        head=row["head"],
        child=row["child"],
        label=row["label"],
        rid=row["rid"],
        id=row["id"],
        doc_id=row["doc_id"],
        annotator=row["annotator"],
    )


class ProjectBase:
    """An open project file: the connection and the reads every writer needs."""

    _DOC_COLUMNS = "id, ext_id, title, text, sha256, meta, source, imported_at"

    def __init__(self, db: Database, path: Path, *, readonly: bool) -> None:
        self.db = db
        self.path = path
        self.readonly = readonly
        self._schema: Schema | None = None
        self._last_doc: Document | None = None
        self._replaced_texts: set[int] = set()  # documents whose text changed while cached here
        self._next_span = self._next_rel = 0
        # the files this connection writes: a window must not go on "saving" into a file that
        # was removed or replaced, or into a write-ahead log another program deleted
        self._files = self._open_files()

    def _open_files(self) -> tuple[tuple[int, int] | None, ...]:
        if self.readonly:
            return (file_id(self.path),)
        return (file_id(self.path), file_id(Path(f"{self.path}-wal")))

    def file_lost(self) -> bool:
        """True when the project file was removed or replaced since it was opened here, or (open
        for writing) its write-ahead log was deleted: what is written here would be lost."""
        return self._open_files() != self._files

    def transaction(self) -> Any:
        """A write transaction that waits for other writers (nested use is a savepoint)."""
        if self.readonly:
            raise ProjectError(
                "{path} is open read-only: changes cannot be saved", path=str(self.path)
            )
        if self.file_lost():
            raise ProjectError(
                "{path} was removed or replaced, or its write-ahead log ({name}-wal) was deleted,"
                " by another program while it was open here: changes can no longer be saved to"
                " it; close and open the project again",
                path=str(self.path),
                name=self.path.name,
            )
        return write_transaction(self.db, self.path)

    @property
    def schema(self) -> Schema:
        """The project's label schema."""
        if self._schema is None:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None:
                raise ProjectError("{path} has no label schema; it is damaged", path=str(self.path))
            self._schema = parse_schema(row[0], f"{self.path} (stored schema)")
        return self._schema

    def _doc(self, row: Any) -> Document:
        return Document(
            id=row[0],
            ext_id=row[1],
            title=row[2],
            text=row[3],
            sha256=row[4],
            meta=json.loads(row[5]),
            source=row[6],
            imported_at=row[7],
        )

    def document(self, doc_id: int) -> Document:
        """The document with row id ``doc_id``.

        The last one is cached, but checked against its stored hash first: a re-import with
        ``--no-clean`` may give a document its uncleaned text back while a window has it open.
        """
        if self._last_doc is not None and self._last_doc.id == doc_id:
            found = self.db.execute(
                "SELECT sha256 FROM documents WHERE id = ?", [doc_id]
            ).fetchone()
            if found is not None and found[0] == self._last_doc.sha256:
                return self._last_doc
            self._replaced_texts.add(doc_id)
        row = self.db.execute(
            f"SELECT {self._DOC_COLUMNS} FROM documents WHERE id = ?", [doc_id]
        ).fetchone()
        if row is None:
            raise ProjectError("{path} has no document {doc}", path=str(self.path), doc=doc_id)
        self._last_doc = self._doc(row)
        return self._last_doc

    def spans(self, doc_id: int, annotator: str) -> list[Span]:
        """One annotator's spans on a document, in text order."""
        rows = self.db.execute_returning_dicts(
            'SELECT * FROM spans WHERE doc_id = ? AND annotator = ? ORDER BY start, "end", id',
            [doc_id, annotator],
        )
        return [_span_from_row(r) for r in rows]

    def span(self, span_id: int) -> Span:
        """The span with this row id."""
        rows = self.db.execute_returning_dicts("SELECT * FROM spans WHERE id = ?", [span_id])
        if not rows:
            raise EditError("span {span} no longer exists", span=span_id)
        return _span_from_row(rows[0])

    def relations(self, doc_id: int, annotator: str) -> list[Relation]:
        """One annotator's relations on a document (head and child are span row ids)."""
        rows = self.db.execute_returning_dicts(
            "SELECT * FROM relations WHERE doc_id = ? AND annotator = ? ORDER BY id",
            [doc_id, annotator],
        )
        return [_relation_from_row(r) for r in rows]

    def layer(self, doc_id: int, annotator: str) -> Layer:
        """One annotator's layer on a document, as files carry it (relations refer to span sids)."""
        spans = self.spans(doc_id, annotator)
        sid_of: dict[int | str, str] = {s.id or 0: s.sid for s in spans}
        rels = [
            Relation(sid_of[r.head], sid_of[r.child], r.label, r.rid, r.id, doc_id, annotator)
            for r in self.relations(doc_id, annotator)
        ]
        return Layer(annotator, self.status(doc_id, annotator), spans, rels)

    def status(self, doc_id: int, annotator: str) -> str:
        """The annotator's status on the document ('todo' when never touched)."""
        row = self.db.execute(
            "SELECT status FROM doc_status WHERE doc_id = ? AND annotator = ?", [doc_id, annotator]
        ).fetchone()
        return row[0] if row else Status.TODO.value

    def decisions(self, doc_id: int, layer: str = GOLD_LAYER) -> dict[tuple[int, int, str], str]:
        """Decisions on spans proposed to a layer: (start, end, label) -> accept or reject.

        For gold, the lead's curation decisions; for an annotator's layer, the suggestions they
        accepted or rejected.
        """
        if layer == GOLD_LAYER:
            rows = self.db.execute(
                'SELECT start, "end", label, decision FROM gold_decisions WHERE doc_id = ?',
                [doc_id],
            )
        else:
            rows = self.db.execute(
                'SELECT start, "end", label, decision FROM suggestion_decisions'
                " WHERE doc_id = ? AND annotator = ?",
                [doc_id, layer],
            )
        return {(s, e, lab): d for s, e, lab, d in rows}

    def _log(self, annotator: str, action: str, doc_id: int | None, detail: Any) -> None:
        self.db.execute(
            "INSERT INTO changelog (at, annotator, action, doc_id, detail) VALUES (?, ?, ?, ?, ?)",
            [now(), annotator, action, doc_id, json.dumps(detail, ensure_ascii=False)],
        )
