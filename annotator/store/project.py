"""The project file's typed API: documents, layers, edits, statuses, statistics.

Every public method that writes runs in one write transaction and records who did what in the
change log, so a crash loses nothing that was shown as done and a failed import leaves no trace.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator import __version__
from annotator.errors import EditError, ProjectError, Told, UsageError
from annotator.model.document import (
    Document,
    Layer,
    Relation,
    Span,
    Status,
)
from annotator.model.layers import ALL_LAYERS, HUMAN, LayerKind
from annotator.model.schema import Schema
from annotator.store.assigning import Assigning
from annotator.store.base import RESTORED_AT, DocSummary, now
from annotator.store.connection import Mode, connect, describe_error, folder_writable, open_sqlite
from annotator.store.editing import Editing
from annotator.store.exchanges import Exchanges
from annotator.store.identity import identify, schema_version
from annotator.store.importing import Importing
from annotator.store.migrations import migrations
from annotator.store.presence import Presence
from annotator.store.progress import Progress
from annotator.store.search import Searching

if TYPE_CHECKING:
    from annotator.store.backup import Backup
    from annotator.store.stats import ProjectStats


class Project(Importing, Editing, Assigning, Progress, Presence, Exchanges, Searching):
    """An open project file."""

    # ----------------------------------------------------------------- opening
    @classmethod
    def create(cls, path: str | Path, schema: Schema) -> Project:
        """Create a new project file at ``path`` with ``schema``; refuse an existing path."""
        p = Path(path)
        try:
            os.close(os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:  # bad usage (exit 2): the name is taken, nothing is wrong with it
            raise UsageError(
                "{path} already exists; choose another name or open it instead", path=str(p)
            ) from None
        except OSError as exc:
            raise ProjectError(
                "{path} cannot be created ({why})", path=str(p), why=exc.strerror
            ) from exc
        try:
            db = connect(p, readonly=False)
        except BaseException:
            p.unlink(missing_ok=True)
            raise
        project = cls(db, p, readonly=False)
        try:
            project._migrate()
            with project.transaction():
                project._write_schema(schema)
                db.execute(
                    "INSERT INTO meta (key, value) VALUES ('created_by', ?), ('created_at', ?)",
                    [f"annotator {__version__}", now()],
                )
        except BaseException:
            db.close()
            for suffix in ("", "-wal", "-shm"):  # only files this call created
                Path(f"{p}{suffix}").unlink(missing_ok=True)
            raise
        return project

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> Project:
        """Open an existing project, migrating it forward; refuse files that are not projects.

        The file is identified read-only first: a file that is not a project of a version this
        program reads is refused before anything is written to it.
        """
        p = Path(path)
        if not p.exists():
            raise ProjectError(
                "{path} does not exist (create it with: annotator init {path})", path=str(p)
            )
        identity = identify(p)
        # a file nobody may write is opened read-only, even for root (who could write it anyway),
        # and so is one in a folder where SQLite cannot make its -wal and -shm files
        if not readonly and (
            not os.access(p, os.W_OK) or not p.stat().st_mode & 0o222 or not folder_writable(p)
        ):
            readonly = True
        if readonly and identity.pending:
            raise ProjectError(
                "{path} needs an upgrade but is read-only; make it writable", path=str(p)
            )
        db = connect(p, readonly=readonly)
        try:
            project = cls(db, p, readonly=readonly)
            if not readonly:
                project._migrate()
            project.schema  # noqa: B018  (fails early on a damaged schema)
        except sqlite3.Error as exc:
            db.close()
            raise describe_error(p, exc) from exc
        except BaseException:
            db.close()
            raise
        return project

    @classmethod
    @contextmanager
    def reading(cls, path: str | Path) -> Iterator[Project]:
        """Open another project only to read it (a package or copy being merged), even one an
        older version wrote: that one is upgraded in a temporary copy, never in place, so the
        annotator's file is not written to."""
        p = Path(path)
        if not p.exists():
            raise ProjectError("{path} does not exist", path=str(p))
        if not identify(p).pending:
            with cls.open(p, readonly=True) as project:
                yield project
            return
        with tempfile.TemporaryDirectory(prefix="annotator-read-") as tmp:
            copy = Path(tmp) / "upgraded.db"
            source = open_sqlite(p, Mode.READ)
            try:
                target = open_sqlite(copy, Mode.CREATE)
                try:
                    source.backup(target)
                finally:
                    target.close()
            except sqlite3.Error as exc:
                raise describe_error(p, exc) from exc
            finally:
                source.close()
            with cls.open(copy) as project:
                yield project

    def _migrate(self) -> None:
        """Apply pending migrations, then record the schema version in the header.

        Foreign keys are off while migrating: rebuilding a table (to add AUTOINCREMENT) must not
        cascade deletes into the tables that refer to it. They are checked before switching back.
        """
        db = self.db
        if migrations.pending(db):
            db.execute("PRAGMA foreign_keys = OFF")
            try:
                migrations.apply(db)
                broken = db.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise ProjectError(
                        Told(
                            "{path} is damaged: %n rows refer to missing rows",
                            {"path": str(self.path)},
                            count=len(broken),
                            one="{path} is damaged: %n row refers to missing rows",
                        )
                    )
            finally:
                db.execute("PRAGMA foreign_keys = ON")
        if int(db.execute("PRAGMA user_version").fetchone()[0]) != schema_version():
            db.execute(f"PRAGMA user_version = {schema_version()}")

    @classmethod
    def open_or_create(cls, path: str | Path, schema: Schema) -> Project:
        """Open ``path``, or create it with ``schema`` when it does not exist yet."""
        return cls.open(path) if Path(path).exists() else cls.create(path, schema)

    def backup(self, reason: str = "") -> Backup:
        """Back up the project beside it (skipped when nothing changed since the newest backup).

        The project gets its id first (when it can be written): a backup records it, and only
        backups recording it are ever pruned. Raises ProjectError, leaving nothing listed, when
        the backup cannot be written.
        """
        from annotator.store.backup import make_backup

        if not self.readonly:
            self.project_id()
        return make_backup(self.path, reason=reason)

    def last_change(self) -> int:
        """The id of the newest change-log entry (to tell whether a new backup is worth making)."""
        return int(self.db.execute("SELECT coalesce(max(id), 0) FROM changelog").fetchone()[0])

    def content_mark(self) -> tuple[int, ...]:
        """Changes when documents or annotations change (not when a window only says hello or
        records work time): the newest change-log entry, and the documents and spans counted."""
        row = self.db.execute(
            "SELECT (SELECT coalesce(max(id), 0) FROM changelog),"
            " (SELECT count(*) FROM documents), (SELECT count(*) FROM spans),"
            " (SELECT coalesce(max(id), 0) FROM spans)"
        ).fetchone()
        return tuple(int(v) for v in row)

    def last_restore(self) -> str:
        """When the project was last restored from a backup ("" when never)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [RESTORED_AT]).fetchone()
        return "" if row is None else str(row[0])

    def text_hash(self, doc_id: int) -> str | None:
        """The stored hash of a document's text (None when the document is gone)."""
        row = self.db.execute("SELECT sha256 FROM documents WHERE id = ?", [doc_id]).fetchone()
        return None if row is None else str(row[0])

    def data_version(self) -> int | None:
        """A number that changes whenever another connection (window, program) commits.

        None once this project has been closed; ProjectError when the file can no longer be read.
        """
        try:
            return int(self.db.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.ProgrammingError:  # closed
            return None
        except sqlite3.DatabaseError as exc:  # overwritten in place, its log deleted...
            raise describe_error(self.path, exc) from exc

    def close(self) -> None:
        """Close the file (checkpointing the WAL)."""
        self.db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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

    # --------------------------------------------------------------- documents

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
            raise ProjectError("{path} has no document {ref!r}", path=str(self.path), ref=ref)
        return self._doc(row)

    def documents(self, ids: Iterable[int] | None = None) -> Iterator[Document]:
        """Every document in import order (or those with the given ids), streamed."""
        if ids is None:
            for row in self.db.execute(f"SELECT {self._DOC_COLUMNS} FROM documents ORDER BY id"):
                yield self._doc(row)
        else:
            for doc_id in ids:
                yield self.document(doc_id)

    def documents_between(self, first: int, end: int) -> list[Document]:
        """The documents with row ids from ``first`` to ``end`` (exclusive), read whole, so no
        read stays open while the caller writes (ranges come from ``document_ranges``)."""
        rows = self.db.execute(
            f"SELECT {self._DOC_COLUMNS} FROM documents WHERE id >= ? AND id < ? ORDER BY id",
            [first, end],
        ).fetchall()
        return [self._doc(row) for row in rows]

    def find_by_hash(self, sha256: str) -> Document | None:
        """The document whose stored text has this SHA-256, if the project holds it."""
        row = self.db.execute(
            f"SELECT {self._DOC_COLUMNS} FROM documents WHERE sha256 = ?", [sha256]
        ).fetchone()
        return self._doc(row) if row else None

    def document_count(self) -> int:
        """How many documents the project holds."""
        return int(self.db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def document_ranges(self, size: int) -> list[tuple[int, int]]:
        """Row id ranges (first, end exclusive) of ``size`` documents each, in order."""
        ids = [row[0] for row in self.db.execute("SELECT id FROM documents ORDER BY id")]
        ends = [*ids[size::size], ids[-1] + 1] if ids else []
        return list(zip(ids[::size], ends, strict=True))

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
    def annotators(
        self, *, finished: bool = False, kinds: Sequence[LayerKind] | None = None
    ) -> list[str]:
        """Every layer name in the project, sorted; or those who finished a document; or only
        the layers of the given kinds."""
        where, args = "", []
        if kinds is not None:
            where = f" AND k.kind IN ({', '.join('?' for _ in kinds)})"
            args = [k.value for k in kinds]
        if finished:
            sql = ("SELECT DISTINCT st.annotator FROM doc_status st JOIN layer_kinds k"
                   f" ON k.name = st.annotator WHERE st.status = 'done'{where} ORDER BY 1")  # fmt: skip
        else:
            sql = f"SELECT name FROM layer_kinds k WHERE 1{where} ORDER BY name"
        return [r[0] for r in self.db.execute(sql, args)]

    def layer_kinds(self) -> dict[str, LayerKind]:
        """Every layer's kind."""
        return {n: LayerKind(k) for n, k in self.db.execute("SELECT name, kind FROM layer_kinds")}

    def set_layer_kind(self, name: str, kind: LayerKind) -> None:
        """Register ``name`` (if new) as a layer of ``kind`` (a model's layer, say)."""
        self.ensure_annotator(name)
        with self.transaction():
            self.db.execute("UPDATE layer_kinds SET kind = ? WHERE name = ?", [kind.value, name])

    def ensure_annotator(self, name: str) -> None:
        """Register an annotator name (idempotent)."""
        if not name.strip():
            raise EditError("the annotator name is empty")
        if self.readonly:
            return
        with self.transaction():
            self.db.execute("INSERT OR IGNORE INTO annotators VALUES (?, ?)", [name, now()])

    def export_layers(self, doc_id: int, layer: str, *, done_only: bool) -> list[Layer]:
        """The layers of a document to export: one annotator's (or 'gold'), or 'all' of them.

        With ``done_only``, only layers whose status is done are returned.
        """
        names = self.layer_names(doc_id) if layer == ALL_LAYERS else [layer]
        if layer == ALL_LAYERS:
            kinds = self.layer_kinds()
            names = [n for n in names if kinds.get(n, LayerKind.ANNOTATOR) in HUMAN]
        layers = [self.layer(doc_id, n) for n in names]
        return [la for la in layers if la.status == Status.DONE.value or not done_only]

    def stream_layers(
        self,
        annotators: Sequence[str] | None = None,
        *,
        done_only: bool = False,
        ids: tuple[int, int] | None = None,
    ) -> Iterator[tuple[Document, dict[str, Layer]]]:
        """Every document with the layers of ``annotators`` (all when None), in four queries.

        Streams: memory stays flat however large the project. Layers without a status row or span
        are left out; with ``done_only`` only layers marked done are given. ``ids`` (first, end
        exclusive) limits the stream to documents whose row id is in that range.
        """

        def where(prefix: str) -> tuple[str, list[Any]]:
            conditions: list[str] = []
            args: list[Any] = []
            if annotators is not None:
                conditions.append(f"{prefix}annotator IN ({', '.join('?' for _ in annotators)})")
                args += list(annotators)
            if ids is not None:
                conditions.append(f"{prefix}doc_id >= ? AND {prefix}doc_id < ?")
                args += list(ids)
            return (" WHERE " + " AND ".join(conditions) if conditions else ""), args

        layer_where, args = where("")
        statuses = self.db.execute(
            f"SELECT doc_id, annotator, status FROM doc_status{layer_where} ORDER BY doc_id", args
        )
        spans = self.db.execute(
            'SELECT doc_id, annotator, id, sid, start, "end", label, text, attributes FROM spans'
            f'{layer_where} ORDER BY doc_id, annotator, start, "end", id',
            args,
        )
        rel_where, rel_args = where("r.")
        relations = self.db.execute(
            "SELECT r.doc_id, r.annotator, r.rid, h.sid, c.sid, r.label, r.id FROM relations r"
            " JOIN spans h ON h.id = r.head JOIN spans c ON c.id = r.child"
            f"{rel_where} ORDER BY r.doc_id, r.id",
            rel_args,
        )
        doc_where = " WHERE id >= ? AND id < ?" if ids is not None else ""
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

        for row in self.db.execute(
            f"SELECT {self._DOC_COLUMNS} FROM documents{doc_where} ORDER BY id", list(ids or ())
        ):
            doc = self._doc(row)
            layers: dict[str, Layer] = {}
            status_of = {a: st for _d, a, st in take("status", statuses, doc.id)}
            for d, a, sid_row, sid, start, end, label, text, attrs in take("span", spans, doc.id):
                layer = layers.get(a)
                if layer is None:  # not setdefault: that would build a Layer for every span
                    layer = layers[a] = Layer(a, status_of.get(a, Status.TODO.value))
                attributes = json.loads(attrs) if attrs != "{}" else {}
                layer.spans.append(Span(start, end, label, text, attributes, sid, sid_row, d, a))
            for _d, a, rid, head, child, label, rel_id in take("rel", relations, doc.id):
                if a in layers:
                    layers[a].relations.append(Relation(head, child, label, rid, rel_id, doc.id, a))
            for a, st in status_of.items():
                layers.setdefault(a, Layer(a, st))
            if done_only:
                layers = {a: la for a, la in layers.items() if la.status == Status.DONE.value}
            yield doc, dict(sorted(layers.items()))

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

    # -------------------------------------------------------------- provenance

    def changelog(self, limit: int = 100) -> list[dict[str, Any]]:
        """The most recent entries of the change log, newest first."""
        return self.db.execute_returning_dicts(
            "SELECT * FROM changelog ORDER BY id DESC LIMIT ?", [limit]
        )

    # ------------------------------------------------------------------- stats
    def stats(self) -> ProjectStats:
        """Counts for ``annotator stats`` (see store/stats.py)."""
        from annotator.store.stats import project_stats

        return project_stats(self)
