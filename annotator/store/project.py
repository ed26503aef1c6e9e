"""The project file's typed API: documents, layers, edits, statuses, statistics.

Every public method that writes runs in one write transaction and records who did what in the
change log, so a crash loses nothing that was shown as done and a failed import leaves no trace.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from annotator import __version__
from annotator.errors import EditError, InputError, ProjectError
from annotator.model.document import (
    Document,
    DocumentRecord,
    Layer,
    Relation,
    Span,
    Status,
)
from annotator.model.edits import (
    AddRelation,
    AddSpan,
    Batch,
    DeleteRelation,
    DeleteSpan,
    Edit,
    SetDecision,
    SetStatus,
    UpdateSpan,
    document_of,
)
from annotator.model.schema import RESERVED_LAYERS, Schema, parse_schema
from annotator.model.validate import layer_problem, span_problem
from annotator.store.connection import connect, describe_error, write_transaction
from annotator.store.migrations import applied_names, known_names, migrations


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


@dataclass
class ImportReport:
    """What one import call did."""

    added: int = 0
    spans: int = 0
    relations: int = 0
    duplicates: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    cleaned: int = 0
    removed_by_rule: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "spans": self.spans,
            "relations": self.relations,
            "duplicates": self.duplicates,
            "skipped": self.skipped,
            "cleaned": self.cleaned,
            "removed_by_rule": self.removed_by_rule,
        }


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


class Project:
    """An open project file."""

    def __init__(self, db: Database, path: Path, *, readonly: bool) -> None:
        self.db = db
        self.path = path
        self.readonly = readonly
        self._schema: Schema | None = None
        self._last_doc: Document | None = None
        self._next_span = self._next_rel = 0

    # ----------------------------------------------------------------- opening
    @classmethod
    def create(cls, path: str | Path, schema: Schema) -> Project:
        """Create a new project file at ``path`` with ``schema``; refuse an existing file."""
        p = Path(path)
        if p.exists():
            raise ProjectError(f"{p} already exists; choose another name or open it instead")
        db = connect(p, readonly=False)
        project = cls(db, p, readonly=False)
        try:
            migrations.apply(db)
            with project.transaction():
                project._write_schema(schema)
                db.execute(
                    "INSERT INTO meta (key, value) VALUES ('created_by', ?), ('created_at', ?)",
                    [f"annotator {__version__}", now()],
                )
        except BaseException:
            db.close()
            p.unlink(missing_ok=True)
            raise
        return project

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> Project:
        """Open an existing project, migrating it forward; refuse files that are not projects."""
        p = Path(path)
        if not p.exists():
            raise ProjectError(f"{p} does not exist (create it with: annotator init {p})")
        if p.is_dir():
            raise ProjectError(f"{p} is a folder, not a project file")
        # a file nobody may write is opened read-only, even for root (who could write it anyway)
        if not readonly and (not os.access(p, os.W_OK) or not p.stat().st_mode & 0o222):
            readonly = True
        db = connect(p, readonly=readonly)
        try:
            project = cls(db, p, readonly=readonly)
            project._check_version()
            if not readonly and migrations.pending(db):
                migrations.apply(db)
            project.schema  # noqa: B018  (fails early on a damaged schema)
        except sqlite3.Error as exc:
            db.close()
            raise describe_error(p, exc) from exc
        except BaseException:
            db.close()
            raise
        return project

    def _check_version(self) -> None:
        tables = set(self.db.table_names())
        if "documents" not in tables or "_sqlite_migrations" not in tables:
            raise ProjectError(f"{self.path} is an SQLite file but not an annotator project")
        unknown = [n for n in applied_names(self.db) if n not in known_names()]
        if unknown:
            raise ProjectError(
                f"{self.path} was written by a newer version of annotator "
                f"(it has {unknown[-1]}); update annotator {__version__} to open it"
            )
        if self.readonly and [n for n in known_names() if n not in applied_names(self.db)]:
            raise ProjectError(f"{self.path} needs an upgrade but is read-only; make it writable")

    @classmethod
    def open_or_create(cls, path: str | Path, schema: Schema) -> Project:
        """Open ``path``, or create it with ``schema`` when it does not exist yet."""
        return cls.open(path) if Path(path).exists() else cls.create(path, schema)

    def backup(self, reason: str = "") -> Path:
        """Write a rolling backup of the project beside it (SQLite backup API); returns its path."""
        from annotator.store.backup import make_backup

        return make_backup(self.db.conn, self.path, reason=reason)

    def last_change(self) -> int:
        """The id of the newest change-log entry (to tell whether a new backup is worth making)."""
        return int(self.db.execute("SELECT coalesce(max(id), 0) FROM changelog").fetchone()[0])

    def close(self) -> None:
        """Close the file (checkpointing the WAL)."""
        self.db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> Any:
        """A write transaction that waits for other writers (nested use is a savepoint)."""
        if self.readonly:
            raise ProjectError(f"{self.path} is open read-only: changes cannot be saved")
        return write_transaction(self.db, self.path)

    # ------------------------------------------------------------------ schema
    def _write_schema(self, schema: Schema) -> None:
        self.db.execute("DELETE FROM labels")
        self.db.execute("DELETE FROM relation_types")
        for i, lab in enumerate(schema.labels):
            attrs = [
                {"name": a.name, "values": list(a.values), "default": a.default}
                for a in lab.attributes
            ]
            self.db.execute(
                "INSERT INTO labels VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [lab.id, lab.en, lab.ar, lab.color, lab.key, lab.description, json.dumps(attrs), i],
            )
        for rel in schema.relations:
            self.db.execute(
                "INSERT INTO relation_types VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    rel.id,
                    rel.en,
                    rel.ar,
                    json.dumps(sorted(rel.head)),
                    json.dumps(sorted(rel.child)),
                    rel.key,
                    rel.description,
                ],
            )
        self.db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)", [schema.source]
        )
        self._schema = schema

    @property
    def schema(self) -> Schema:
        """The project's label schema."""
        if self._schema is None:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None:
                raise ProjectError(f"{self.path} has no label schema; it is damaged")
            self._schema = parse_schema(row[0], f"{self.path} (stored schema)")
        return self._schema

    # --------------------------------------------------------------- documents
    def add_documents(
        self,
        records: Iterable[DocumentRecord | InputError],
        *,
        default_annotator: str = "",
        skip_bad: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> ImportReport:
        """Import documents (and their layers) in one transaction: all or nothing.

        ``records`` may yield InputError for unreadable inputs; they abort the import, or with
        ``skip_bad`` are listed in the report. Exact duplicates (same text) are skipped and reported.
        """
        report = ImportReport()
        schema = self.schema
        with self.transaction():
            seen_ext = {r[0] for r in self.db.execute("SELECT ext_id FROM documents")}
            by_hash = {
                h: (i, e) for i, e, h in self.db.execute("SELECT id, ext_id, sha256 FROM documents")
            }
            known_annotators = {r[0] for r in self.db.execute("SELECT name FROM annotators")}
            stamp = now()
            # Ids are given out here (the write lock is held), so rows go in with executemany.
            self._next_span = (
                int(self.db.execute("SELECT coalesce(max(id), 0) FROM spans").fetchone()[0]) + 1
            )
            self._next_rel = (
                int(self.db.execute("SELECT coalesce(max(id), 0) FROM relations").fetchone()[0]) + 1
            )
            for n, rec in enumerate(records, 1):
                if progress is not None:
                    progress(n)
                if isinstance(rec, InputError):
                    if not skip_bad:
                        raise rec
                    report.skipped.append(str(rec))
                    continue
                problem = self._record_problem(rec, schema, default_annotator)
                if problem:
                    if not skip_bad:
                        raise problem
                    report.skipped.append(str(problem))
                    continue
                digest = text_hash(rec.text)
                row = by_hash.get(digest)
                fresh = row is None
                if row is not None:
                    doc_id = row[0]
                    report.duplicates.append(rec.ext_id or row[1])
                    if not rec.layers:
                        continue
                else:
                    ext_id = rec.ext_id or digest[:12]
                    base, k = ext_id, 1
                    while ext_id in seen_ext:
                        k += 1
                        ext_id = f"{base}-{k}"
                    seen_ext.add(ext_id)
                    cur = self.db.execute(
                        "INSERT INTO documents (ext_id, title, text, sha256, meta, source,"
                        " imported_at, original, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [
                            ext_id,
                            rec.title,
                            rec.text,
                            digest,
                            json.dumps(rec.meta, ensure_ascii=False),
                            rec.source,
                            stamp,
                            rec.original,
                            json.dumps(rec.removed, ensure_ascii=False),
                        ],
                    )
                    doc_id = int(cur.lastrowid or 0)
                    by_hash[digest] = (doc_id, ext_id)
                    report.added += 1
                    if rec.removed:
                        report.cleaned += 1
                        for cut in rec.removed:
                            rule = str(cut.get("rule", "?"))
                            report.removed_by_rule[rule] = report.removed_by_rule.get(rule, 0) + 1
                for layer in rec.layers:
                    name = layer.annotator or default_annotator
                    if name not in known_annotators:
                        self.db.execute(
                            "INSERT OR IGNORE INTO annotators VALUES (?, ?)", [name, stamp]
                        )
                        known_annotators.add(name)
                    s, r = self._import_layer(doc_id, name, layer, stamp, fresh=fresh)
                    report.spans += s
                    report.relations += r
            self._log("", "import", None, report.as_dict())
        return report

    def _record_problem(
        self, rec: DocumentRecord, schema: Schema, default_annotator: str
    ) -> InputError | None:
        where = rec.source or rec.ext_id
        if not rec.text.strip():
            return InputError(where, "the document has no text", rec.line)
        for layer in rec.layers:
            name = layer.annotator or default_annotator
            if not name:
                return InputError(
                    where, "annotations have no annotator; give one with --annotator", rec.line
                )
            if name in RESERVED_LAYERS - {"gold", "suggestions"}:
                return InputError(where, f"{name!r} is a reserved layer name", rec.line)
            problem = layer_problem(layer, rec.text, schema)
            if problem:
                return InputError(where, problem, rec.line)
        return None

    def _reserve_ids(self) -> None:
        """Ids are given out here, inside a write transaction (the lock is held), so imported rows
        go in with executemany."""
        one = "SELECT coalesce(max(id), 0) + 1 FROM {}"
        self._next_span = int(self.db.execute(one.format("spans")).fetchone()[0])
        self._next_rel = int(self.db.execute(one.format("relations")).fetchone()[0])

    def _import_layer(
        self, doc_id: int, annotator: str, layer: Layer, stamp: str, *, fresh: bool = False
    ) -> tuple[int, int]:
        """Write an imported layer. A layer already present for this annotator is kept as is
        (an untouched one, status todo and no spans, counts as absent). ``fresh``: the document
        was just added, so it has no layer yet."""
        if not fresh:
            exists = self.db.execute(
                "SELECT 1 FROM doc_status WHERE doc_id = ? AND annotator = ? AND status != 'todo'"
                " UNION ALL SELECT 1 FROM spans WHERE doc_id = ? AND annotator = ? LIMIT 1",
                [doc_id, annotator, doc_id, annotator],
            ).fetchone()
            if exists:
                return 0, 0
            self.db.execute(
                "DELETE FROM doc_status WHERE doc_id = ? AND annotator = ?", [doc_id, annotator]
            )
        if not hasattr(self, "_next_span"):
            self._next_span = (
                int(self.db.execute("SELECT coalesce(max(id), 0) FROM spans").fetchone()[0]) + 1
            )
            self._next_rel = (
                int(self.db.execute("SELECT coalesce(max(id), 0) FROM relations").fetchone()[0]) + 1
            )
        ids: dict[str, int] = {}
        rows = []
        for i, span in enumerate(layer.spans, 1):
            sid = span.sid or f"s{i}"
            ids[sid] = self._next_span
            attrs = (
                json.dumps(span.attributes, ensure_ascii=False, sort_keys=True)
                if span.attributes
                else "{}"
            )
            rows.append((self._next_span, doc_id, annotator, sid, span.start, span.end, span.label,
                         span.text, attrs, stamp, stamp))  # fmt: skip
            self._next_span += 1
        if rows:
            self.db.conn.executemany(
                'INSERT INTO spans (id, doc_id, annotator, sid, start, "end", label, text, attributes,'
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        rel_rows = []
        for i, rel in enumerate(layer.relations, 1):
            rel_rows.append((self._next_rel, doc_id, annotator, rel.rid or f"r{i}", ids[str(rel.head)],
                             ids[str(rel.child)], rel.label, stamp))  # fmt: skip
            self._next_rel += 1
        if rel_rows:
            self.db.conn.executemany(
                "INSERT INTO relations (id, doc_id, annotator, rid, head, child, label, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rel_rows,
            )
        if layer.status != Status.TODO.value or layer.spans:
            self.db.execute(
                "INSERT INTO doc_status VALUES (?, ?, ?, ?)",
                [doc_id, annotator, layer.status, stamp],
            )
        return len(layer.spans), len(layer.relations)

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

    _DOC_COLUMNS = "id, ext_id, title, text, sha256, meta, source, imported_at"

    def document(self, doc_id: int) -> Document:
        """The document with row id ``doc_id`` (the last one is cached: stored text never changes)."""
        if self._last_doc is not None and self._last_doc.id == doc_id:
            return self._last_doc
        row = self.db.execute(
            f"SELECT {self._DOC_COLUMNS} FROM documents WHERE id = ?", [doc_id]
        ).fetchone()
        if row is None:
            raise ProjectError(f"{self.path} has no document {doc_id}")
        self._last_doc = self._doc(row)
        return self._last_doc

    def find_document(self, ref: str) -> Document:
        """A document by external id, or by row id when ``ref`` is a number."""
        row = self.db.execute(
            f"SELECT {self._DOC_COLUMNS} FROM documents WHERE ext_id = ?", [ref]
        ).fetchone()
        if row is None and ref.isdigit():
            row = self.db.execute(
                f"SELECT {self._DOC_COLUMNS} FROM documents WHERE id = ?", [int(ref)]
            ).fetchone()
        if row is None:
            raise ProjectError(f"{self.path} has no document {ref!r}")
        return self._doc(row)

    def documents(self, ids: Iterable[int] | None = None) -> Iterator[Document]:
        """Every document in import order (or those with the given ids), streamed."""
        if ids is None:
            for row in self.db.execute(f"SELECT {self._DOC_COLUMNS} FROM documents ORDER BY id"):
                yield self._doc(row)
        else:
            for doc_id in ids:
                yield self.document(doc_id)

    def find_by_hash(self, sha256: str) -> Document | None:
        """The document whose stored text has this SHA-256, if the project holds it."""
        row = self.db.execute(
            f"SELECT {self._DOC_COLUMNS} FROM documents WHERE sha256 = ?", [sha256]
        ).fetchone()
        return self._doc(row) if row else None

    def document_count(self) -> int:
        """How many documents the project holds."""
        return int(self.db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def document_list(self, annotator: str) -> list[DocSummary]:
        """The document list as ``annotator`` sees it: status and span count of their layer."""
        rows = self.db.execute(
            "SELECT d.id, d.ext_id, d.title, coalesce(st.status, 'todo'),"
            " (SELECT count(*) FROM spans s WHERE s.doc_id = d.id AND s.annotator = ?)"
            " FROM documents d LEFT JOIN doc_status st"
            " ON st.doc_id = d.id AND st.annotator = ? ORDER BY d.id",
            [annotator, annotator],
        ).fetchall()
        return [DocSummary(*row) for row in rows]

    def removed_parts(self, doc_id: int) -> list[dict[str, Any]]:
        """What cleaning cut from a document at import (kind, text)."""
        row = self.db.execute("SELECT removed FROM documents WHERE id = ?", [doc_id]).fetchone()
        return json.loads(row[0]) if row else []

    # ------------------------------------------------------------------ layers
    def annotators(self, *, finished: bool = False) -> list[str]:
        """Every annotator (layer) name in the project, sorted; or those who finished a document."""
        if finished:
            sql = "SELECT DISTINCT annotator FROM doc_status WHERE status = 'done' ORDER BY 1"
            return [r[0] for r in self.db.execute(sql)]
        return [r[0] for r in self.db.execute("SELECT name FROM annotators ORDER BY name")]

    def ensure_annotator(self, name: str) -> None:
        """Register an annotator name (idempotent)."""
        if not name.strip():
            raise EditError("the annotator name is empty")
        if self.readonly:
            return
        with self.transaction():
            self.db.execute("INSERT OR IGNORE INTO annotators VALUES (?, ?)", [name, now()])

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
            raise EditError(f"span {span_id} no longer exists")
        return _span_from_row(rows[0])

    def relations(self, doc_id: int, annotator: str) -> list[Relation]:
        """One annotator's relations on a document (head and child are span row ids)."""
        rows = self.db.execute_returning_dicts(
            "SELECT * FROM relations WHERE doc_id = ? AND annotator = ? ORDER BY id",
            [doc_id, annotator],
        )
        return [_relation_from_row(r) for r in rows]

    def status(self, doc_id: int, annotator: str) -> str:
        """The annotator's status on the document ('todo' when never touched)."""
        row = self.db.execute(
            "SELECT status FROM doc_status WHERE doc_id = ? AND annotator = ?", [doc_id, annotator]
        ).fetchone()
        return row[0] if row else Status.TODO.value

    def layer(self, doc_id: int, annotator: str) -> Layer:
        """One annotator's layer on a document, as files carry it (relations refer to span sids)."""
        spans = self.spans(doc_id, annotator)
        sid_of: dict[int | str, str] = {s.id or 0: s.sid for s in spans}
        rels = [
            Relation(sid_of[r.head], sid_of[r.child], r.label, r.rid, r.id, doc_id, annotator)
            for r in self.relations(doc_id, annotator)
        ]
        return Layer(annotator, self.status(doc_id, annotator), spans, rels)

    def export_layers(self, doc_id: int, layer: str, *, done_only: bool) -> list[Layer]:
        """The layers of a document to export: one annotator's (or 'gold'), or 'all' of them.

        With ``done_only``, only layers whose status is done are returned.
        """
        names = self.layer_names(doc_id) if layer == "all" else [layer]
        names = [n for n in names if n != "suggestions"] if layer == "all" else names
        layers = [self.layer(doc_id, n) for n in names]
        return [la for la in layers if la.status == Status.DONE.value or not done_only]

    def stream_layers(
        self, annotators: Sequence[str] | None = None, *, done_only: bool = False
    ) -> Iterator[tuple[Document, dict[str, Layer]]]:
        """Every document with the layers of ``annotators`` (all when None), in four queries.

        Streams: memory stays flat however large the project. Layers without a status row or span
        are left out; with ``done_only`` only layers marked done are given.
        """
        where, args = "", []
        if annotators is not None:
            where = f" WHERE annotator IN ({', '.join('?' for _ in annotators)})"
            args = list(annotators)
        statuses = self.db.execute(
            f"SELECT doc_id, annotator, status FROM doc_status{where} ORDER BY doc_id", args
        )
        spans = self.db.execute(
            f'SELECT doc_id, annotator, id, sid, start, "end", label, text, attributes FROM spans'
            f' {where} ORDER BY doc_id, annotator, start, "end", id',
            args,
        )
        rel_where = where.replace("annotator", "r.annotator")
        relations = self.db.execute(
            "SELECT r.doc_id, r.annotator, r.rid, h.sid, c.sid, r.label, r.id FROM relations r"
            " JOIN spans h ON h.id = r.head JOIN spans c ON c.id = r.child"
            f"{rel_where} ORDER BY r.doc_id, r.id",
            args,
        )
        pending: dict[str, Any] = {
            "status": next(statuses, None),
            "span": next(spans, None),
            "rel": next(relations, None),
        }

        def take(name: str, cursor: Iterator[Any], doc_id: int) -> list[Any]:
            rows = []
            while pending[name] is not None and pending[name][0] < doc_id:
                pending[name] = next(cursor, None)
            while pending[name] is not None and pending[name][0] == doc_id:
                rows.append(pending[name])
                pending[name] = next(cursor, None)
            return rows

        for row in self.db.execute(f"SELECT {self._DOC_COLUMNS} FROM documents ORDER BY id"):
            doc = self._doc(row)
            layers: dict[str, Layer] = {}
            status_of = {a: st for _d, a, st in take("status", statuses, doc.id)}
            for d, a, sid_row, sid, start, end, label, text, attrs in take("span", spans, doc.id):
                layers.setdefault(a, Layer(a, status_of.get(a, Status.TODO.value))).spans.append(
                    Span(
                        start,
                        end,
                        label,
                        text,
                        json.loads(attrs) if attrs != "{}" else {},
                        sid,
                        sid_row,
                        d,
                        a,
                    )
                )
            for _d, a, rid, head, child, label, rel_id in take("rel", relations, doc.id):
                if a in layers:
                    layers[a].relations.append(Relation(head, child, label, rid, rel_id, doc.id, a))
            for a, st in status_of.items():
                layers.setdefault(a, Layer(a, st))
            if done_only:
                layers = {a: la for a, la in layers.items() if la.status == Status.DONE.value}
            yield doc, dict(sorted(layers.items()))

    def replace_layers(self, layers: Iterable[tuple[int, Layer]]) -> int:
        """Replace whole layers (machine suggestions) of documents in one transaction; returns spans."""
        total = 0
        with self.transaction():
            stamp = now()
            self._reserve_ids()
            for doc_id, layer in layers:
                self.db.execute(
                    "INSERT OR IGNORE INTO annotators VALUES (?, ?)", [layer.annotator, stamp]
                )
                for table in ("relations", "spans", "doc_status"):
                    self.db.execute(
                        f"DELETE FROM {table} WHERE doc_id = ? AND annotator = ?",
                        [doc_id, layer.annotator],
                    )
                problem = layer_problem(layer, self.document(doc_id).text, self.schema)
                if problem:
                    raise EditError(problem)
                total += self._import_layer(doc_id, layer.annotator, layer, stamp)[0]
            self._log("", "replace layers", None, {"spans": total})
        return total

    def decisions(self, doc_id: int) -> dict[tuple[int, int, str], str]:
        """The lead's curation decisions on a document: (start, end, label) -> accept or reject."""
        rows = self.db.execute(
            'SELECT start, "end", label, decision FROM gold_decisions WHERE doc_id = ?', [doc_id]
        )
        return {(s, e, lab): d for s, e, lab, d in rows}

    def decision_log(self, doc_id: int) -> list[dict[str, Any]]:
        """Who decided what for gold on a document, and when."""
        return self.db.execute_returning_dicts(
            'SELECT * FROM gold_decisions WHERE doc_id = ? ORDER BY start, "end"', [doc_id]
        )

    def layer_names(self, doc_id: int) -> list[str]:
        """Annotators who have a status or a span on the document."""
        rows = self.db.execute(
            "SELECT annotator FROM doc_status WHERE doc_id = ? UNION "
            "SELECT annotator FROM spans WHERE doc_id = ? ORDER BY 1",
            [doc_id, doc_id],
        )
        return [r[0] for r in rows]

    # ------------------------------------------------------------------- edits
    def apply(self, edit: Edit, annotator: str) -> Edit:
        """Apply an edit to ``annotator``'s layer in one transaction; return it with ids filled in.

        The returned edit's inverse undoes exactly what was written.
        """
        with self.transaction():
            done = self._apply(edit, annotator)
            self._log(annotator, type(edit).__name__, document_of(done), _detail(done))
        return done

    def _apply(self, edit: Edit, annotator: str) -> Edit:
        if isinstance(edit, Batch):
            return Batch(tuple(self._apply(e, annotator) for e in edit.edits), edit.text)
        if isinstance(edit, AddSpan):
            return self._add_span(edit, annotator)
        if isinstance(edit, DeleteSpan):
            span = self.span(_need_id(edit.span.id))
            rels = tuple(
                r
                for r in self.relations(_need_id(span.doc_id), span.annotator)
                if span.id in (r.head, r.child)
            )
            self.db.execute("DELETE FROM spans WHERE id = ?", [span.id])
            self._touch(_need_id(span.doc_id), span.annotator)
            return DeleteSpan(span, rels)
        if isinstance(edit, UpdateSpan):
            return self._update_span(edit)
        if isinstance(edit, AddRelation):
            return AddRelation(self._add_relation(edit.relation, annotator))
        if isinstance(edit, DeleteRelation):
            rel_id = _need_id(edit.relation.id)
            self.db.execute("DELETE FROM relations WHERE id = ?", [rel_id])
            return edit
        if isinstance(edit, SetDecision):
            before = self.decisions(edit.doc_id).get((edit.start, edit.end, edit.label))
            self.db.execute(
                'DELETE FROM gold_decisions WHERE doc_id = ? AND start = ? AND "end" = ? AND label = ?',
                [edit.doc_id, edit.start, edit.end, edit.label],
            )
            if edit.after is not None:
                self.db.execute(
                    "INSERT INTO gold_decisions VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [edit.doc_id, edit.start, edit.end, edit.label, edit.after, annotator, now()],
                )
            return SetDecision(edit.doc_id, edit.start, edit.end, edit.label, before, edit.after)
        if isinstance(edit, SetStatus):
            before = self.status(edit.doc_id, edit.annotator)
            self.db.execute(
                "INSERT OR REPLACE INTO doc_status VALUES (?, ?, ?, ?)",
                [edit.doc_id, edit.annotator, edit.after, now()],
            )
            return SetStatus(edit.doc_id, edit.annotator, before, edit.after)
        raise EditError(f"unknown edit {edit!r}")

    def _check_span(self, span: Span) -> Document:
        doc = self.document(_need_id(span.doc_id))
        problem = span_problem(span, doc.text, self.schema)
        if problem:
            raise EditError(problem)
        return doc

    def _add_span(self, edit: AddSpan, annotator: str) -> AddSpan:
        span = edit.span
        owner = span.annotator or annotator
        self._check_span(span)
        self.db.execute("INSERT OR IGNORE INTO annotators VALUES (?, ?)", [owner, now()])
        doc_id = _need_id(span.doc_id)
        sid = span.sid
        if not sid or self._taken("spans", "sid", doc_id, owner, sid):
            sid = self._next_id("spans", "sid", doc_id, owner, "s")
        stamp = now()
        cur = self.db.execute(
            'INSERT INTO spans (id, doc_id, annotator, sid, start, "end", label, text, attributes,'
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [span.id, doc_id, owner, sid, span.start, span.end, span.label, span.text,
             json.dumps(span.attributes, ensure_ascii=False, sort_keys=True), stamp, stamp],
        )  # fmt: skip
        saved = span.with_(id=int(cur.lastrowid or 0), sid=sid, annotator=owner)
        rels = tuple(self._add_relation(r, owner) for r in edit.relations)
        self._touch(doc_id, owner)
        return AddSpan(saved, rels)

    def _update_span(self, edit: UpdateSpan) -> UpdateSpan:
        current = self.span(_need_id(edit.before.id))
        after = edit.after.with_(id=current.id, doc_id=current.doc_id, annotator=current.annotator,
                                 sid=current.sid)  # fmt: skip
        self._check_span(after)
        if after.label != current.label:
            by_id = {s.id: s for s in self.spans(_need_id(current.doc_id), current.annotator)}
            for rel in self.relations(_need_id(current.doc_id), current.annotator):
                if current.id in (rel.head, rel.child):
                    head = after if rel.head == current.id else by_id[int(rel.head)]
                    child = after if rel.child == current.id else by_id[int(rel.child)]
                    problem = self.schema.check_relation(rel.label, head.label, child.label)
                    if problem:
                        raise EditError(f"cannot relabel: the span is linked ({problem})")
        self.db.execute(
            'UPDATE spans SET start = ?, "end" = ?, label = ?, text = ?, attributes = ?,'
            " updated_at = ? WHERE id = ?",
            [after.start, after.end, after.label, after.text,
             json.dumps(after.attributes, ensure_ascii=False, sort_keys=True), now(), current.id],
        )  # fmt: skip
        self._touch(_need_id(current.doc_id), current.annotator)
        return UpdateSpan(current, after)

    def _add_relation(self, rel: Relation, annotator: str) -> Relation:
        head = self.span(int(rel.head))
        child = self.span(int(rel.child))
        if head.id == child.id:
            raise EditError("a span cannot be linked to itself")
        if head.annotator != child.annotator or head.doc_id != child.doc_id:
            raise EditError("both ends of a relation must be in the same layer of one document")
        problem = self.schema.check_relation(rel.label, head.label, child.label)
        if problem:
            raise EditError(problem)
        doc_id = _need_id(head.doc_id)
        owner = head.annotator
        dup = self.db.execute(
            "SELECT id FROM relations WHERE head = ? AND child = ? AND label = ?",
            [head.id, child.id, rel.label],
        ).fetchone()
        if dup is not None and dup[0] != rel.id:
            raise EditError(f"these spans are already linked by {rel.label}")
        rid = rel.rid
        if not rid or self._taken("relations", "rid", doc_id, owner, rid):
            rid = self._next_id("relations", "rid", doc_id, owner, "r")
        cur = self.db.execute(
            "INSERT INTO relations (id, doc_id, annotator, rid, head, child, label, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [rel.id, doc_id, owner, rid, head.id, child.id, rel.label, now()],
        )
        return Relation(head.id or 0, child.id or 0, rel.label, rid, int(cur.lastrowid or 0),
                        doc_id, owner)  # fmt: skip

    def _taken(self, table: str, column: str, doc_id: int, owner: str, value: str) -> bool:
        return (
            self.db.execute(
                f"SELECT 1 FROM {table} WHERE doc_id = ? AND annotator = ? AND {column} = ?",
                [doc_id, owner, value],
            ).fetchone()
            is not None
        )

    def _next_id(self, table: str, column: str, doc_id: int, owner: str, prefix: str) -> str:
        """The next free "s17"/"r4" style id in a layer (one past the highest number used)."""
        row = self.db.execute(
            f"SELECT max(CAST(substr({column}, 2) AS INTEGER)) FROM {table}"
            f" WHERE doc_id = ? AND annotator = ? AND {column} GLOB '{prefix}[0-9]*'",
            [doc_id, owner],
        ).fetchone()
        return f"{prefix}{(row[0] or 0) + 1}"

    def _touch(self, doc_id: int, annotator: str) -> None:
        """A document an annotator edits is at least in progress."""
        self.db.execute(
            "INSERT OR IGNORE INTO doc_status VALUES (?, ?, 'in_progress', ?)",
            [doc_id, annotator, now()],
        )

    def set_status(self, doc_id: int, annotator: str, status: str) -> Edit:
        """Set an annotator's status on a document; returns the applied edit."""
        return self.apply(SetStatus(doc_id, annotator, "", Status(status).value), annotator)

    # -------------------------------------------------------------- provenance
    def _log(self, annotator: str, action: str, doc_id: int | None, detail: Any) -> None:
        self.db.execute(
            "INSERT INTO changelog (at, annotator, action, doc_id, detail) VALUES (?, ?, ?, ?, ?)",
            [now(), annotator, action, doc_id, json.dumps(detail, ensure_ascii=False)],
        )

    def changelog(self, limit: int = 100) -> list[dict[str, Any]]:
        """The most recent entries of the change log, newest first."""
        return self.db.execute_returning_dicts(
            "SELECT * FROM changelog ORDER BY id DESC LIMIT ?", [limit]
        )

    # ------------------------------------------------------------------- stats
    def stats(self) -> dict[str, Any]:
        """Counts for ``annotator stats``."""

        def one(sql: str) -> int:
            return int(self.db.execute(sql).fetchone()[0])

        by_label = dict.fromkeys(self.schema.label_ids, 0)
        human = "annotator != 'suggestions'"
        for label, n in self.db.execute(
            f"SELECT label, count(*) FROM spans WHERE {human} GROUP BY label"
        ):
            by_label[label] = n
        by_status = {s.value: 0 for s in Status}
        for status, n in self.db.execute("SELECT status, count(*) FROM doc_status GROUP BY 1"):
            by_status[status] = n
        titles = [
            {"id": r[0], "title": r[1]}
            for r in self.db.execute("SELECT ext_id, title FROM documents ORDER BY id LIMIT 1000")
        ]
        checklist: dict[str, int] = {}
        per_doc: dict[str, dict[str, int]] = {}
        for rel in self.schema.relations:
            for head in sorted(rel.head):
                key = f"{head} without {rel.id}"
                rows = self.db.execute(
                    "SELECT d.ext_id, count(*) FROM spans s JOIN documents d ON d.id = s.doc_id"
                    " WHERE s.label = ? AND s.annotator != 'suggestions' AND NOT EXISTS"
                    " (SELECT 1 FROM relations r WHERE r.head = s.id AND r.label = ?)"
                    " GROUP BY d.id ORDER BY d.id",
                    [head, rel.id],
                ).fetchall()
                checklist[key] = sum(n for _ext, n in rows)
                for ext, n in rows:
                    per_doc.setdefault(ext, {})[key] = n
        return {
            "checklist": checklist,
            "checklist_by_document": [{"id": k, **v} for k, v in list(per_doc.items())[:1000]],
            "project": str(self.path),
            "schema": self.schema.name,
            "documents": one("SELECT count(*) FROM documents"),
            "spans": one(f"SELECT count(*) FROM spans WHERE {human}"),
            "relations": one(f"SELECT count(*) FROM relations WHERE {human}"),
            "suggestions": one("SELECT count(*) FROM spans WHERE annotator = 'suggestions'"),
            "annotators": self.annotators(),
            "by_label": by_label,
            "by_status": by_status,
            "titles": titles,
        }


def _need_id(value: int | None) -> int:
    if value is None:
        raise EditError("this annotation has not been saved yet")
    return value


def _detail(edit: Edit) -> dict[str, Any]:
    if isinstance(edit, AddSpan | DeleteSpan):
        s = edit.span
        return {"span": s.id, "label": s.label, "start": s.start, "end": s.end}
    if isinstance(edit, UpdateSpan):
        return {"span": edit.after.id, "label": edit.after.label, "from": edit.before.label}
    if isinstance(edit, AddRelation | DeleteRelation):
        r = edit.relation
        return {"relation": r.id, "label": r.label, "head": r.head, "child": r.child}
    if isinstance(edit, SetStatus):
        return {"from": edit.before, "to": edit.after}
    if isinstance(edit, SetDecision):
        return {"span": [edit.start, edit.end, edit.label], "from": edit.before, "to": edit.after}
    return {"edits": len(edit.edits), "text": edit.text}
