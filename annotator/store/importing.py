"""Importing into the project file: documents and their layers, all or nothing, fast.

Ids are reserved inside the write transaction (the lock is held), rows are buffered and written
with executemany in batches; documents already there (same text) are recognised by hash, and their
incoming layers compared with the project's: added, identical, replaced or kept (SPEC section 4).
"""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from typing import Any

from annotator.errors import EditError, InputError, Told
from annotator.model.document import Document, DocumentRecord, Layer, Status
from annotator.model.layers import VIEWS, name_problem
from annotator.model.schema import Schema
from annotator.model.validate import layer_problem
from annotator.store.activity import IMPORT, announce
from annotator.store.base import (
    ImportReport,
    LayerConflict,
    NotTaken,
    OnConflict,
    now,
    text_hash,
)
from annotator.store.recleaning import Recleaning

BATCH = 500  # documents per executemany round
CONFLICTS_NAMED = 5  # documents named per annotator when an import refuses differing layers


def _attributes_json(attributes: dict[str, Any]) -> str:
    """A span's attributes as stored (sorted keys); layers repeat a few, so each is encoded once."""
    if not attributes:
        return "{}"
    try:
        return _encoded(tuple(sorted(attributes.items())))
    except TypeError:  # a value that cannot be a cache key
        return json.dumps(attributes, ensure_ascii=False, sort_keys=True)


@functools.lru_cache(maxsize=1024)
def _encoded(items: tuple[tuple[str, Any], ...]) -> str:
    return json.dumps(dict(items), ensure_ascii=False, sort_keys=True)


@dataclass
class _Rows:
    """Rows waiting to be written, in foreign-key order."""

    documents: list[tuple[Any, ...]] = field(default_factory=list)
    spans: list[tuple[Any, ...]] = field(default_factory=list)
    relations: list[tuple[Any, ...]] = field(default_factory=list)
    statuses: list[tuple[Any, ...]] = field(default_factory=list)


class Importing(Recleaning):
    """Bulk writes: imports and machine layers."""

    def _reserve_ids(self) -> None:
        # past the highest id ever given (sqlite_sequence remembers deleted ones): never reused
        one = (
            "SELECT max(coalesce((SELECT max(id) FROM {0}), 0),"
            " coalesce((SELECT seq FROM sqlite_sequence WHERE name = '{0}'), 0)) + 1"
        )
        self._next_doc = int(self.db.execute(one.format("documents")).fetchone()[0])
        self._next_span = int(self.db.execute(one.format("spans")).fetchone()[0])
        self._next_rel = int(self.db.execute(one.format("relations")).fetchone()[0])
        self._rows = _Rows()

    def _flush(self) -> None:
        rows, conn = self._rows, self.db.conn
        if rows.documents:
            conn.executemany(
                "INSERT INTO documents (id, ext_id, title, text, sha256, meta, source, imported_at,"
                " original, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows.documents,
            )
        if rows.spans:
            conn.executemany(
                'INSERT INTO spans (id, doc_id, annotator, sid, start, "end", label, text, attributes,'
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows.spans,
            )
        if rows.relations:
            conn.executemany(
                "INSERT INTO relations (id, doc_id, annotator, rid, head, child, label, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows.relations,
            )
        if rows.statuses:
            conn.executemany("INSERT INTO doc_status VALUES (?, ?, ?, ?)", rows.statuses)
        self._rows = _Rows()

    def add_documents(
        self,
        records: Iterable[DocumentRecord | InputError],
        *,
        default_annotator: str = "",
        skip_bad: bool = False,
        on_conflict: OnConflict = OnConflict.FAIL,
        progress: Callable[[int], None] | None = None,
    ) -> ImportReport:
        """Import documents (and their layers) in one transaction: all or nothing.

        ``records`` may yield InputError for unreadable inputs; they abort the import, or with
        ``skip_bad`` are listed in the report. A document whose text is already there is not added
        again; its layers are compared with the project's: identical ones are counted, differing
        ones follow ``on_conflict`` (FAIL: nothing is imported and the error names them).
        """
        report = ImportReport()
        schema = self.schema
        self._forget_originals()
        with announce(self.path, IMPORT), self.transaction():
            seen_ext = {r[0] for r in self.db.execute("SELECT ext_id FROM documents")}
            by_hash = {
                h: (i, e) for i, e, h in self.db.execute("SELECT id, ext_id, sha256 FROM documents")
            }
            known_annotators = {r[0] for r in self.db.execute("SELECT name FROM annotators")}
            stamp = now()
            self._reserve_ids()
            present: set[str] = set()  # names already in report.documents_present
            added: dict[int, tuple[str, int | None]] = {}  # documents this import added: where
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
                for note in rec.notes:
                    if note not in report.notes:
                        report.notes.append(note)
                for what, n in rec.not_imported.items():
                    report.not_imported[what] = report.not_imported.get(what, 0) + n
                for key, where in rec.ignored_keys.items():
                    counts = report.ignored_keys.setdefault(key, {})
                    for what, n in where.items():
                        counts[what] = counts.get(what, 0) + n
                digest = text_hash(rec.text)
                known = by_hash.get(digest)
                copy = None if known is not None or rec.layers else self._cleaned_copy(rec)
                if copy is not None:  # the same article again, cleaned otherwise
                    self._flush()
                    try:
                        self._replace_text(copy, rec, digest)
                    except InputError as exc:
                        if not skip_bad:
                            raise
                        report.skipped.append(str(exc))
                        continue
                    by_hash.pop(copy[2], None)
                    by_hash[digest] = (copy[0], copy[1])
                    report.restored.append(copy[1])
                    continue
                if known is not None:
                    name = rec.ext_id or known[1]
                    again = known[0] in added and name == known[1]  # another layer file of it
                    if name not in present and not again:  # each named once
                        present.add(name)
                        report.documents_present.append(name)
                        if known[0] in added:
                            self._flush()  # its row may be one this import queued
                        not_taken = self._not_taken(rec, *known)
                        if not_taken is not None:
                            report.documents_not_taken.append(not_taken)
                    if not rec.layers:
                        continue
                    self._flush()  # the layer check below reads what is already written
                    doc_id, ext_id = known
                else:
                    doc_id, ext_id = self._add_document(rec, digest, seen_ext, stamp)
                    if rec.ext_id and ext_id != rec.ext_id:
                        report.renamed.append(f"{rec.ext_id} -> {ext_id}")
                    by_hash[digest] = (doc_id, ext_id)
                    added[doc_id] = (rec.source, rec.line)
                    report.documents_added += 1
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
                    if known is None:
                        self._queue_layer(doc_id, name, layer, stamp, report)
                        report.layers_added += 1
                    else:
                        earlier = added.get(doc_id, ("", None))
                        conflict = LayerConflict(ext_id, name, rec.source, rec.line, "", *earlier)
                        self._meet_layer(doc_id, name, layer, stamp, on_conflict, conflict, report)
                if len(self._rows.documents) >= BATCH:
                    self._flush()
            if on_conflict == OnConflict.FAIL and report.conflicts:
                raise _conflict_error(report.conflicts)
            self._flush()
            self._log("", "import", None, report.as_dict())
        return report

    def _not_taken(self, rec: DocumentRecord, doc_id: int, ext_id: str) -> NotTaken | None:
        """What of ``rec`` the project's document of the same text does not take: an id, title or
        meta of its own (None when they agree, or the file gives none)."""
        title, meta = self.db.execute(
            "SELECT title, meta FROM documents WHERE id = ?", [doc_id]
        ).fetchone()
        fields = tuple(
            name
            for name, differs in (
                ("id", bool(rec.ext_id) and rec.ext_id != ext_id),
                ("title", bool(rec.title) and rec.title != title),
                ("meta", bool(rec.meta) and rec.meta != json.loads(meta or "{}")),
            )
            if differs
        )
        if not fields:
            return None
        return NotTaken(ext_id, rec.ext_id, fields, rec.source, rec.line)

    def _meet_layer(
        self,
        doc_id: int,
        name: str,
        layer: Layer,
        stamp: str,
        on_conflict: OnConflict,
        conflict: LayerConflict,
        report: ImportReport,
    ) -> None:
        """An imported layer for a document the project already has: add, skip, replace or keep."""
        mine = self.layer(doc_id, name)
        theirs = Layer(name, layer.status, layer.spans, layer.relations)
        if mine.untouched():
            self._delete_layer(doc_id, name)
            report.layers_added += 1
        elif mine.fingerprint() == theirs.fingerprint():
            report.layers_identical += 1
            return
        else:
            if on_conflict != OnConflict.REPLACE:
                kept = on_conflict == OnConflict.KEEP
                report.conflicts.append(replace(conflict, outcome="kept" if kept else ""))
                report.layers_kept += kept
                return
            report.conflicts.append(replace(conflict, outcome="replaced"))
            # the replaced layer stays readable in the change log: nothing is destroyed
            self._log(name, "import replaced layer", doc_id, {
                "status": mine.status,
                "spans": [[s.sid, s.start, s.end, s.label, s.attributes] for s in mine.spans],
                "relations": [[r.rid, r.head, r.child, r.label] for r in mine.relations],
            })  # fmt: skip
            self._delete_layer(doc_id, name)
            report.layers_replaced += 1
        self._queue_layer(doc_id, name, layer, stamp, report)
        self._flush()

    def _delete_layer(self, doc_id: int, name: str) -> None:
        for table in ("relations", "spans", "doc_status"):
            self.db.execute(
                f"DELETE FROM {table} WHERE doc_id = ? AND annotator = ?", [doc_id, name]
            )

    def _add_document(
        self, rec: DocumentRecord, digest: str, seen_ext: set[str], stamp: str
    ) -> tuple[int, str]:
        """Queue a new document; returns its row id and its id (unique; a text hash if none)."""
        ext_id = rec.ext_id or digest[:12]
        base, k = ext_id, 1
        while ext_id in seen_ext:
            k += 1
            ext_id = f"{base}-{k}"
        seen_ext.add(ext_id)
        doc_id = self._next_doc
        self._next_doc += 1
        self._rows.documents.append((
            doc_id, ext_id, rec.title, rec.text, digest, json.dumps(rec.meta, ensure_ascii=False),
            rec.source, stamp, rec.original, json.dumps(rec.removed, ensure_ascii=False),
        ))  # fmt: skip
        return doc_id, ext_id

    def _record_problem(
        self, rec: DocumentRecord, schema: Schema, default_annotator: str
    ) -> InputError | None:
        where = rec.source or rec.ext_id
        if not rec.text.strip():
            return InputError(where, "the document has no text", rec.line)
        names: set[str] = set()
        for layer in rec.layers:
            name = layer.annotator or default_annotator
            if not name:
                return InputError(
                    where, "annotations have no annotator; give one with --annotator", rec.line
                )
            if name in VIEWS:
                return InputError(where, "{name!r} is a reserved layer name", rec.line, name=name)
            problem = name_problem(name)
            if problem:
                return InputError(where, problem, rec.line)
            if name in names:
                return InputError(
                    where,
                    "the document has two layers of the annotator {name!r}; a document has one"
                    " layer per annotator (merge them into one, or rename one)",
                    rec.line,
                    name=name,
                )
            names.add(name)
            problem = layer_problem(layer, rec.text, schema)
            if problem:
                return InputError(where, problem, rec.line)
        return None

    def _queue_layer(
        self, doc_id: int, annotator: str, layer: Layer, stamp: str, report: ImportReport | None
    ) -> int:
        """Queue the rows of a layer the document does not have (yet); returns its span count."""
        rows = self._rows
        ids: dict[str, int] = {}
        for i, span in enumerate(layer.spans, 1):
            sid = span.sid or f"s{i}"
            ids[sid] = self._next_span
            attrs = _attributes_json(span.attributes)
            rows.spans.append((self._next_span, doc_id, annotator, sid, span.start, span.end, span.label,
                               span.text, attrs, stamp, stamp))  # fmt: skip
            self._next_span += 1
        for i, rel in enumerate(layer.relations, 1):
            rows.relations.append((self._next_rel, doc_id, annotator, rel.rid or f"r{i}", ids[str(rel.head)],
                                   ids[str(rel.child)], rel.label, stamp))  # fmt: skip
            self._next_rel += 1
        if layer.status != Status.TODO.value or layer.spans:
            rows.statuses.append((doc_id, annotator, layer.status, stamp))
        if report is not None:
            report.spans += len(layer.spans)
            report.relations += len(layer.relations)
        return len(layer.spans)

    def replace_layers(
        self,
        layers: Iterable[tuple[Document, Layer]],
        on_problem: Callable[[Document, Told], None] | None = None,
        turn: AbstractContextManager[object] | None = None,
    ) -> int:
        """Replace whole layers (machine suggestions) of documents in one transaction; returns
        spans. A layer that does not fit its document raises EditError, or with ``on_problem``
        is reported there and the document's earlier layer is left as it was. ``turn`` is held
        around the transaction only (processes writing one project take turns)."""
        total = 0
        fitting: list[tuple[Document, Layer]] = []
        for doc, layer in layers:
            problem = layer_problem(layer, doc.text, self.schema)
            if problem is None:
                fitting.append((doc, layer))
            elif on_problem is None:
                raise EditError(problem)
            else:
                on_problem(doc, problem)
        if not fitting:
            return 0
        with turn or contextlib.nullcontext(), self.transaction():
            stamp = now()
            self._reserve_ids()
            names = {layer.annotator for _doc, layer in fitting}
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO annotators VALUES (?, ?)", [(n, stamp) for n in names]
            )
            keys = [(doc.id, layer.annotator) for doc, layer in fitting]
            for table in ("relations", "spans", "doc_status"):
                self.db.conn.executemany(
                    f"DELETE FROM {table} WHERE doc_id = ? AND annotator = ?", keys
                )
            for doc, layer in fitting:
                total += self._queue_layer(doc.id, layer.annotator, layer, stamp, None)
            self._flush()
            self._log("", "replace layers", None, {"documents": len(fitting), "spans": total})
        return total


def _conflict_error(conflicts: list[LayerConflict]) -> InputError:
    """One sentence naming the annotators and the first documents whose layers differ."""
    by_annotator: dict[str, list[str]] = {}
    for c in conflicts:
        by_annotator.setdefault(c.annotator, []).append(c.document)
    which: Told | None = None
    for name, docs in list(by_annotator.items())[:3]:
        shown = ", ".join(docs[:CONFLICTS_NAMED]) + (", ..." if len(docs) > CONFLICTS_NAMED else "")
        part = Told("{name!r} in %n documents ({shown})", {"name": name, "shown": shown},
                    count=len(docs), one="{name!r} in %n document ({shown})")  # fmt: skip
        which = part if which is None else Told("{one}; {other}", {"one": which, "other": part})
    if len(by_annotator) > 3:
        which = Told("{named} and %n more annotators", {"named": which},
                     count=len(by_annotator) - 3, one="{named} and %n more annotator")  # fmt: skip
    first = conflicts[0]
    twice_here = first.earlier_source == first.source and None not in (
        first.line,
        first.earlier_line,
    )
    if first.earlier_source and twice_here:
        return InputError(
            first.source,
            "document {doc} is in this file twice, lines {earlier} and {line}, with different"
            " layers for {name!r}; nothing was imported (keep one of the two)",
            doc=first.document, earlier=first.earlier_line, line=first.line, name=first.annotator,
        )  # fmt: skip
    if first.earlier_source:
        return InputError(
            first.source or None,
            "document {doc} is read twice (also from {earlier}), with different layers for"
            " {name!r}; nothing was imported (keep one of the two)",
            first.line,
            doc=first.document, earlier=first.earlier_source, name=first.annotator,
        )  # fmt: skip
    return InputError(
        first.source or None,
        "the project already has different layers for {which}; nothing was imported (use"
        " --on-conflict replace to take the imported layers, or --on-conflict keep to keep the"
        " project's)",
        first.line,
        which=which,
    )
