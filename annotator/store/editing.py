"""Editing one layer of the project file: each edit in one transaction, returned with its ids.

The returned edit's inverse undoes exactly what was written; deleting a span takes its relations
with it (foreign keys) and the returned edit carries them, so undo brings them back.

An edit says what it expects to find (the span before a change, the span or relation to delete, a
free id to bring one back under); when another window or program changed that meanwhile, the
edit is refused with ``ChangedElsewhereError`` and nothing is written, so a stale window can
neither revert someone's work nor delete it.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from typing import Any

from annotator.errors import ChangedElsewhereError, EditError, LabelRef, RelationRef
from annotator.model.document import Document, Relation, Span, Status
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
from annotator.model.layers import GOLD_LAYER
from annotator.model.validate import span_problem
from annotator.store.base import ProjectBase, now


class Editing(ProjectBase):
    """Edits with inverses, written at once."""

    def apply(self, edit: Edit, annotator: str) -> Edit:
        """Apply an edit to ``annotator``'s layer in one transaction; return it with ids filled in.

        The returned edit's inverse undoes exactly what was written.
        """
        try:
            with self.transaction():
                done = self._apply(edit, annotator)
                self._log(annotator, type(edit).__name__, document_of(done), _detail(done))
        except sqlite3.Error as exc:  # a constraint or the file: a sentence, never a traceback
            raise EditError(
                "the project file refused the change ({why}); nothing was saved", why=str(exc)
            ) from exc
        return done

    def _apply(self, edit: Edit, annotator: str) -> Edit:
        if isinstance(edit, Batch):
            return Batch(tuple(self._apply(e, annotator) for e in edit.edits), edit.text)
        if isinstance(edit, AddSpan):
            return self._add_span(edit, annotator)
        if isinstance(edit, DeleteSpan):
            span = self._expect(edit.span)
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
            if not self._exists("relations", rel_id):
                raise ChangedElsewhereError(
                    "the {relation} link was removed elsewhere (another window or program);"
                    " nothing was changed",
                    relation=RelationRef(edit.relation.label),
                )
            self.db.execute("DELETE FROM relations WHERE id = ?", [rel_id])
            return edit
        if isinstance(edit, SetDecision):
            return self._set_decision(edit, annotator)
        if isinstance(edit, SetStatus):
            before = self.status(edit.doc_id, edit.annotator)
            self.db.execute(
                "INSERT OR REPLACE INTO doc_status VALUES (?, ?, ?, ?)",
                [edit.doc_id, edit.annotator, edit.after, now()],
            )
            return SetStatus(edit.doc_id, edit.annotator, before, edit.after)
        raise EditError("unknown edit {edit}", edit=repr(edit))

    def _set_decision(self, edit: SetDecision, annotator: str) -> SetDecision:
        key = (edit.start, edit.end, edit.label)
        before = self.decisions(edit.doc_id, edit.layer).get(key)
        gold = edit.layer == GOLD_LAYER
        table, layer = ("gold_decisions", []) if gold else ("suggestion_decisions", [edit.layer])
        where = "doc_id = ?" + ("" if gold else " AND annotator = ?")
        self.db.execute(
            f'DELETE FROM {table} WHERE {where} AND start = ? AND "end" = ? AND label = ?',
            [edit.doc_id, *layer, *key],
        )
        if edit.after is not None:
            self.db.execute(
                f"INSERT INTO {table} VALUES ({', '.join('?' * (7 + len(layer)))})",
                [edit.doc_id, *layer, *key, edit.after, annotator, now()],
            )
        return SetDecision(edit.doc_id, *key, before, edit.after, edit.layer)

    def _exists(self, table: str, row_id: int) -> bool:
        return (
            self.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone() is not None
        )

    def _expect(self, span: Span) -> Span:
        """The stored span, refusing when it is gone or no longer what ``span`` says it was."""
        span_id = _need_id(span.id)
        if not self._exists("spans", span_id):
            raise ChangedElsewhereError(
                "the {label} span «{text}» was deleted elsewhere (another window or program);"
                " nothing was changed",
                label=LabelRef(span.label),
                text=span.text,
            )
        current = self.span(span_id)
        if (current.start, current.end, current.label, current.attributes) != (
            span.start, span.end, span.label, span.attributes
        ):  # fmt: skip
            raise ChangedElsewhereError(
                "the {label} span «{text}» was changed elsewhere (another window or program);"
                " nothing was changed",
                label=LabelRef(span.label),
                text=span.text,
            )
        if span.stamp and span.stamp != current.stamp:  # the same span, labelled again since
            raise ChangedElsewhereError(
                "the {label} span «{text}» was labelled elsewhere too (another window or"
                " program); nothing was changed",
                label=LabelRef(span.label),
                text=span.text,
            )
        return current

    def _check_span(self, span: Span) -> Document:
        doc = self.document(_need_id(span.doc_id))
        problem = span_problem(span, doc.text, self.schema)
        if problem and doc.id in self._replaced_texts:
            raise ChangedElsewhereError(
                "the text of document {doc} was replaced elsewhere (imported again) and no longer"
                " reads «{text}» there; nothing was changed: open the document again",
                doc=doc.ext_id,
                text=span.text,
            )
        if problem:
            raise EditError(problem)
        return doc

    def _add_span(self, edit: AddSpan, annotator: str) -> AddSpan:
        span = edit.span
        owner = span.annotator or annotator
        self._check_span(span)
        if span.id is not None and self._exists("spans", span.id):
            raise ChangedElsewhereError(
                "the {label} span «{text}» cannot come back: its place was taken elsewhere"
                " (another window or program); nothing was changed",
                label=LabelRef(span.label),
                text=span.text,
            )
        doc_id = _need_id(span.doc_id)
        self._refuse_twin(doc_id, owner, span)
        self.db.execute("INSERT OR IGNORE INTO annotators VALUES (?, ?)", [owner, now()])
        sid = span.sid
        if not sid or self._taken("spans", "sid", doc_id, owner, sid):
            sid = self._next_id("spans", "sid", doc_id, owner, "s")
        stamp = now()
        changed = span.stamp or stamp  # a span brought back (undo) keeps the time it had
        cur = self.db.execute(
            'INSERT INTO spans (id, doc_id, annotator, sid, start, "end", label, text, attributes,'
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [span.id, doc_id, owner, sid, span.start, span.end, span.label, span.text,
             json.dumps(span.attributes, ensure_ascii=False, sort_keys=True), stamp, changed],
        )  # fmt: skip
        saved = span.with_(id=int(cur.lastrowid or 0), sid=sid, annotator=owner, stamp=changed)
        rels = tuple(self._add_relation(r, owner) for r in edit.relations)
        self._touch(doc_id, owner)
        return AddSpan(saved, rels)

    def _refuse_twin(self, doc_id: int, owner: str, span: Span) -> None:
        """Refuse a span (new, or one changed) whose twin, the same words with the same label,
        is already in the layer: a window that had not seen the other's span never doubles it."""
        twin = self.db.execute(
            'SELECT 1 FROM spans WHERE doc_id = ? AND annotator = ? AND start = ? AND "end" = ?'
            " AND label = ? AND id IS NOT ?",
            [doc_id, owner, span.start, span.end, span.label, span.id],
        ).fetchone()
        if twin is not None:
            raise ChangedElsewhereError(
                "the {label} span «{text}» was labelled elsewhere already (another window or"
                " program); nothing was changed",
                label=LabelRef(span.label),
                text=span.text,
            )

    def _update_span(self, edit: UpdateSpan) -> UpdateSpan:
        current = self._expect(edit.before)
        after = edit.after.with_(id=current.id, doc_id=current.doc_id, annotator=current.annotator,
                                 sid=current.sid)  # fmt: skip
        self._check_span(after)
        if (after.start, after.end, after.label) != (current.start, current.end, current.label):
            self._refuse_twin(_need_id(current.doc_id), current.annotator, after)
        if after.label != current.label:
            by_id = {s.id: s for s in self.spans(_need_id(current.doc_id), current.annotator)}
            for rel in self.relations(_need_id(current.doc_id), current.annotator):
                if current.id in (rel.head, rel.child):
                    head = after if rel.head == current.id else by_id[int(rel.head)]
                    child = after if rel.child == current.id else by_id[int(rel.child)]
                    problem = self.schema.check_relation(rel.label, head.label, child.label)
                    if problem:
                        raise EditError(
                            "cannot relabel: the span is linked ({problem})", problem=problem
                        )
        # an undo or redo gives the span back the time of the state it restores (so the steps
        # before it still find what they left); any other change is a new time
        restored = after.stamp not in ("", current.stamp)
        after = after.with_(stamp=after.stamp if restored else _after(current.stamp))
        self.db.execute(
            'UPDATE spans SET start = ?, "end" = ?, label = ?, text = ?, attributes = ?,'
            " updated_at = ? WHERE id = ?",
            [after.start, after.end, after.label, after.text,
             json.dumps(after.attributes, ensure_ascii=False, sort_keys=True), after.stamp,
             current.id],
        )  # fmt: skip
        self._touch(_need_id(current.doc_id), current.annotator)
        return UpdateSpan(current, after)

    def _add_relation(self, rel: Relation, annotator: str) -> Relation:
        if not (self._exists("spans", int(rel.head)) and self._exists("spans", int(rel.child))):
            raise ChangedElsewhereError(
                "a span of this {relation} link was deleted elsewhere (another window or"
                " program); nothing was changed",
                relation=RelationRef(rel.label),
            )
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
            raise EditError(
                "these spans are already linked by {relation}", relation=RelationRef(rel.label)
            )
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
        """The next free "s17"/"r4" style id in a layer (one past the highest number used).

        Read from the index of id numbers (migration ``0015_layer_id_numbers``): one lookup,
        where reading every id of a 10,000-span layer took a few milliseconds per edit.
        """
        row = self.db.execute(
            f"SELECT max(CAST(substr({column}, 2) AS INTEGER)) FROM {table}"
            f" INDEXED BY {table}_{column}_number"
            f" WHERE doc_id = ? AND annotator = ? AND {column} GLOB '{prefix}[0-9]*'",
            [doc_id, owner],
        ).fetchone()
        n = (row[0] or 0) + 1
        # SQLite reads a number too long for 64 bits as the largest one: past it, count on
        while self._taken(table, column, doc_id, owner, f"{prefix}{n}"):
            n += 1
        return f"{prefix}{n}"

    def _touch(self, doc_id: int, annotator: str) -> None:
        """A document an annotator edits is at least in progress."""
        self.db.execute(
            "INSERT OR IGNORE INTO doc_status VALUES (?, ?, 'in_progress', ?)",
            [doc_id, annotator, now()],
        )

    def set_status(self, doc_id: int, annotator: str, status: str) -> Edit:
        """Set an annotator's status on a document; returns the applied edit."""
        return self.apply(SetStatus(doc_id, annotator, "", Status(status).value), annotator)


def _after(stamp: str) -> str:
    """Now, or a millisecond after ``stamp`` when the clock has not passed it (two changes of
    one span within a millisecond still differ)."""
    fresh = now()
    if stamp and fresh <= stamp:
        try:
            later = datetime.fromisoformat(stamp) + timedelta(milliseconds=1)
        except ValueError:  # not a time this program wrote: any other text differs from it
            return fresh if fresh != stamp else fresh + " "
        fresh = later.isoformat(timespec="milliseconds")
    return fresh


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
        return {"span": [edit.start, edit.end, edit.label], "from": edit.before, "to": edit.after,
                "layer": edit.layer}  # fmt: skip
    return {"edits": len(edit.edits), "text": edit.text}
