"""The annotation session: owns the project, the annotator, the open document and the undo stack.

Widgets talk to the session, never to the store. Every edit is written to SQLite first (one
transaction) and only then pushed on the undo stack, so what the window shows is always on disk.

Signals:
    documentOpened(int): a document was opened (its row id).
    spansChanged(list, list): spans added and removed by an edit of the open document.
    layerChanged(): spans, relations or status of the open document changed.
    selectionChanged(int): the selected span's row id (0 for none).
    message(str): a sentence for the status bar (refusals, confirmations).
    changedElsewhere(bool): another window or program wrote to the file; the open document's
        layer has been re-read. True when documents or annotations changed (the document list
        should be re-read too), False for a window saying hello or recording work time.
"""

from __future__ import annotations

import bisect
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.errors import AnnotatorError, ChangedElsewhereError
from annotator.model.checks import Missing, count_missing, layer_checklist
from annotator.model.document import Document, Relation, Span, Status
from annotator.model.edits import (
    AddRelation,
    AddSpan,
    Batch,
    DeleteRelation,
    DeleteSpan,
    Edit,
    SetStatus,
    UpdateSpan,
    document_of,
)
from annotator.model.schema import Schema
from annotator.store import DocSummary, Project
from annotator.store.presence import OpenWindow
from annotator.text.clitics import corpus_counts
from annotator.ui.errortext import explain
from annotator.ui.names import name as display_name
from annotator.ui.watch import FileWatch

# how much of the project's text the snapping reads for its word counts (names, clitics)
CORPUS_CHARS = 1_000_000


def layer_of(edit: Edit) -> str | None:
    """The layer an edit changes (None when it changes no layer's spans)."""
    if isinstance(edit, AddSpan | DeleteSpan):
        return edit.span.annotator or None
    if isinstance(edit, UpdateSpan):
        return edit.after.annotator or edit.before.annotator or None
    if isinstance(edit, AddRelation | DeleteRelation):
        return edit.relation.annotator or None
    if isinstance(edit, SetStatus):
        return edit.annotator
    if isinstance(edit, Batch):
        return next((la for e in edit.edits if (la := layer_of(e))), None)
    return None


def _order(span: Span) -> tuple[int, int, int]:
    """Text order, as the store returns spans."""
    return (span.start, span.end, span.id or 0)


class EditCommand(QUndoCommand):
    """An applied edit on the undo stack; undo applies its inverse, redo applies it again.

    The session writes first (``write_undo``/``write_redo``) and moves the stack only when the
    write succeeded; ``undo``/``redo`` then only acknowledge the move. A step refused because its
    target changed elsewhere is made obsolete, and the stack deletes it rather than move over it.
    """

    def __init__(self, session: Session, applied: Edit) -> None:
        super().__init__(applied.describe())
        self._session = session
        self._edit = applied
        self._written = True  # already applied before it was pushed

    def write_undo(self) -> None:
        self._edit = self._session._write(self._edit.inverse()).inverse()
        self._written = True

    def write_redo(self) -> None:
        self._edit = self._session._write(self._edit)
        self._written = True

    def redo(self) -> None:
        if not self._written:
            self.write_redo()
        self._written = False

    def undo(self) -> None:
        if not self._written:
            self.write_undo()
        self._written = False


class Session(QObject):
    """One annotator working on one project."""

    documentOpened = Signal(int)
    spansChanged = Signal(list, list)
    layerChanged = Signal()
    selectionChanged = Signal(int)
    message = Signal(str)
    changedElsewhere = Signal(bool)
    fileLost = Signal()

    def __init__(self, project: Project, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.annotator = annotator  # who is working: recorded with every edit
        self.layer = annotator  # whose layer is shown and edited ("gold" while curating)
        self.undo_stack = QUndoStack(self)
        self.document: Document | None = None
        self.spans: list[Span] = []
        self._relations: list[Relation] = []
        self._partners: dict[int, list[tuple[Relation, int]]] | None = None  # by span, built on use
        self.selected: int = 0
        self._corpus: Counter[str] | None = None
        self._own: set[tuple[int, str]] = set()  # (span id, stamp) written here, see _note_own
        project.ensure_annotator(annotator)
        self.window_id = uuid.uuid4().hex  # this window, for the others (open_windows)
        self._announced: int | None = None
        self._mark = project.content_mark()
        self._restored = project.last_restore()
        self._history_from_restore = False  # the undo history starts at a restore
        self.watch = FileWatch(project, self)
        self.watch.changed.connect(self.sync)
        self.watch.lost.connect(self._file_lost)
        self.watch.start()
        self.lost = False  # the file was removed or replaced elsewhere: edits are refused

    def lost_text(self) -> str:
        """What the window says once its file was removed or replaced elsewhere."""
        return self.tr(
            "{0} was removed or replaced by another program while this window had it open:"
            " changes made here can no longer be saved. Close this window and open the project"
            " again."
        ).format(self.project.path.name)

    def file_ok(self) -> bool:
        """False (said once, then every edit is refused) when the file was lost elsewhere."""
        if not self.lost and self.project.file_lost():
            self._file_lost()
        if self.lost:
            self.message.emit(self.lost_text())
        return not self.lost

    def _file_lost(self) -> None:
        if self.lost:
            return
        self.lost = True
        self.watch.stop()
        self.fileLost.emit()

    def close(self) -> None:
        """Stop watching and release the file (every edit is already committed)."""
        self.watch.stop()
        self.project.forget_window(self.window_id)
        self.project.close()

    def other_windows(self) -> list[OpenWindow]:
        """Other live windows where this annotator has the open document open too."""
        if self.document is None:
            return []
        return self.project.other_windows(self.window_id, self.annotator, self.document.id)

    def sync(self) -> None:
        """Re-read the open document's layer after another window or program changed the file.

        Only what differs is announced (``spansChanged``), so the view keeps its place; the undo
        stack stays: an undo whose target changed meanwhile is refused when it is tried, and that
        step is then taken off the stack (the next undo goes to the one before it).
        """
        mark = self.project.content_mark()
        changed, self._mark = mark != self._mark, mark
        if self.project.last_restore() != self._restored:
            self.replaced_by_backup()
            self.message.emit(
                self.tr("The project was restored from a backup elsewhere; undo starts afresh.")
            )
        if self.document is not None and self.project.text_hash(self.document.id) not in (
            None,
            self.document.sha256,
        ):  # imported again with --no-clean: show the text as it is stored now
            self.undo_stack.clear()
            self.open_document(self.document.id)
            self.message.emit(
                self.tr("This document's text was imported again elsewhere; it is shown anew.")
            )
            self.changedElsewhere.emit(True)
            return
        if changed and self.document is not None:
            old = {s.id: s for s in self.spans}
            self.spans = self.project.spans(self.document.id, self.layer)
            self.relations = self.project.relations(self.document.id, self.layer)
            new = {s.id: s for s in self.spans}
            added = [s for k, s in new.items() if old.get(k) != s]
            removed = [s for k, s in old.items() if new.get(k) != s]
            if added or removed:
                self.spansChanged.emit(added, removed)
            if self.selected and self.selected not in new:
                self.select(0)
            self.layerChanged.emit()  # counts and status may have changed too
        self.changedElsewhere.emit(changed)

    @property
    def relations(self) -> list[Relation]:
        """The open layer's relations: only this class changes them, by appending (links added)
        or by giving a new list."""
        return self._relations

    @relations.setter
    def relations(self, relations: list[Relation]) -> None:
        self._relations = relations
        self._partners = None

    @property
    def schema(self) -> Schema:
        return self.project.schema

    @property
    def readonly(self) -> bool:
        return self.project.readonly

    # ------------------------------------------------------------- documents
    def document_list(self) -> list[DocSummary]:
        return self.project.document_list(self.layer)

    def assigned_documents(self) -> set[int] | None:
        """The documents assigned to this annotator, or None when nothing is assigned to her
        (or the lead is curating gold): then every document is hers to open."""
        if self.layer != self.annotator:
            return None
        return set(self.project.assigned(self.annotator)) or None

    def open_document(self, doc_id: int) -> None:
        """Show another document; the undo history stays (edits know their document)."""
        self.document = self.project.document(doc_id)
        self.selected = 0
        self._reload()
        if self.document.id != self._announced:  # tell other windows (not on a mere re-read)
            self._announced = self.document.id
            self.project.announce_window(self.window_id, self.annotator, doc_id)
        self.documentOpened.emit(doc_id)
        self.selectionChanged.emit(0)

    def _reload(self) -> None:
        if self.document is None:
            self.spans, self.relations = [], []
            return
        self.spans = self.project.spans(self.document.id, self.layer)
        self.relations = self.project.relations(self.document.id, self.layer)

    def corpus_words(self) -> Counter[str]:
        """Word counts over the project's documents (their first ``CORPUS_CHARS`` characters),
        read once: they tell the snapping a name ("لبشار") from a clitic and a word."""
        if self._corpus is None:

            def texts() -> Iterator[str]:
                left = CORPUS_CHARS
                for doc in self.project.documents():
                    if left <= 0:
                        return
                    left -= len(doc.text)
                    yield doc.text

            self._corpus = corpus_counts(texts())
        return self._corpus

    def status(self) -> str:
        if self.document is None:
            return Status.TODO.value
        return self.project.status(self.document.id, self.layer)

    # --------------------------------------------------------------- editing
    def _write(self, edit: Edit) -> Edit:
        """Write an edit to the store, then mirror it in memory (no re-query of the layer).

        An undo or redo that concerns another document opens that document first, so the
        annotator sees what changed.
        """
        doc_id = document_of(edit)
        other_layer = layer_of(edit) not in (None, self.layer)
        if other_layer or (
            doc_id is not None and (self.document is None or doc_id != self.document.id)
        ):
            applied = self.project.apply(edit, self.annotator)
            if doc_id is not None:
                self.open_document(doc_id)
            self.layerChanged.emit()
            return applied
        applied = self.project.apply(edit, self.annotator)
        added: list[Span] = []
        removed: list[Span] = []
        self._mirror(applied, added, removed)
        before = self.selected
        if len(added) == 1 and not removed:
            self.selected = added[0].id or 0  # a new span is selected, painted in the same pass
        elif self.selected and self.span(self.selected) is None:
            self.selected = 0
        self.spansChanged.emit(added, removed)
        if self.selected != before:
            self.selectionChanged.emit(self.selected)
        self.layerChanged.emit()
        return applied

    def _mirror(self, edit: Edit, added: list[Span], removed: list[Span]) -> None:
        """Apply an edit (as the store applied it) to the in-memory spans and relations."""
        if isinstance(edit, Batch):
            for e in edit.edits:
                self._mirror(e, added, removed)
        elif isinstance(edit, AddSpan):
            bisect.insort(self.spans, edit.span, key=_order)
            self.relations.extend(edit.relations)  # in place: the span table counts what came
            self._index(edit.relations)
            added.append(edit.span)
        elif isinstance(edit, DeleteSpan):
            gone = edit.span.id
            removed.extend(sp for sp in self.spans if sp.id == gone)
            self.spans = [sp for sp in self.spans if sp.id != gone]
            self.relations = [r for r in self.relations if gone not in (r.head, r.child)]
        elif isinstance(edit, UpdateSpan):
            removed.extend(sp for sp in self.spans if sp.id == edit.after.id)
            self.spans = [sp for sp in self.spans if sp.id != edit.after.id]
            bisect.insort(self.spans, edit.after, key=_order)
            added.append(edit.after)
        elif isinstance(edit, AddRelation):
            self.relations.append(edit.relation)
            self._index([edit.relation])
        elif isinstance(edit, DeleteRelation):
            self.relations = [r for r in self.relations if r.id != edit.relation.id]

    def _do(self, edit: Edit) -> Edit | None:
        """Apply an edit and push it on the undo stack; refusals become a status message."""
        if self.readonly:
            self.message.emit(self.tr("This project is read-only: changes cannot be saved."))
            return None
        if not self.file_ok():
            return None
        try:
            applied = self._write(edit)
        except AnnotatorError as exc:
            self.message.emit(explain(exc, self.schema))
            return None
        self._note_own(applied)
        self.undo_stack.push(EditCommand(self, applied))
        return applied

    def _note_own(self, edit: Edit) -> None:
        """Remember the span states this window's edits wrote: labelling one again is no news
        (an undo or redo only brings back a state, its own or another window's)."""
        if isinstance(edit, Batch):
            for e in edit.edits:
                self._note_own(e)
        elif isinstance(edit, AddSpan | UpdateSpan):
            span = edit.span if isinstance(edit, AddSpan) else edit.after
            self._own.add((span.id or 0, span.stamp))

    def add_span(self, start: int, end: int, label: str) -> Span | None:
        """Label text[start:end]; returns the saved span (selected) or None when refused."""
        if self.document is None:
            return None
        twin = self._twin(start, end, label)
        if twin is None:
            attrs = self.schema.label(label).default_attributes()
            span = Span(start, end, label, self.document.text[start:end], attrs,
                        doc_id=self.document.id, annotator=self.layer)  # fmt: skip
            applied = self._do(AddSpan(span))
            if isinstance(applied, AddSpan):
                self.select(applied.span.id or 0)
                return applied.span
            if self.readonly or self.lost:
                return None
            self.sync()  # refused: another window may have labelled these words meanwhile
            twin = self._twin(start, end, label)
            if twin is None:
                return None
        if (twin.id or 0, twin.stamp) not in self._own:
            # another window's span, labelled here too: an undo step of this window's (taking
            # back this labelling only), and the other window's undo no longer deletes the span
            self._do(UpdateSpan(twin, twin))
        return self.span(twin.id or 0)

    def _twin(self, start: int, end: int, label: str) -> Span | None:
        """The span already labelled ``label`` on these words, selected and said, if any."""
        at = bisect.bisect_left(self.spans, (start, end, -1), key=_order)  # spans in text order
        while at < len(self.spans) and (self.spans[at].start, self.spans[at].end) == (start, end):
            s = self.spans[at]
            at += 1
            if s.label == label:
                self.select(s.id or 0)
                self.message.emit(
                    self.tr("That span is already labelled {0}.").format(
                        display_name(self.schema.label(label))
                    )
                )
                return s
        return None

    def span(self, span_id: int) -> Span | None:
        return next((s for s in self.spans if s.id == span_id), None)

    def relabel(self, span_id: int, label: str) -> None:
        span = self.span(span_id)
        if span is None or span.label == label or self._twin(span.start, span.end, label):
            return
        attrs = self.schema.label(label).default_attributes()
        self._do(UpdateSpan(span, span.with_(label=label, attributes=attrs)))

    def set_attribute(self, span_id: int, name: str, value: str) -> None:
        span = self.span(span_id)
        if span is None or span.attributes.get(name) == value:
            return
        self._do(UpdateSpan(span, span.with_(attributes={**span.attributes, name: value})))

    def delete_span(self, span_id: int) -> None:
        span = self.span(span_id)
        if span is not None:
            self._do(DeleteSpan(span))

    def add_relation(self, label: str, head: int, child: int) -> Relation | None:
        applied = self._do(AddRelation(Relation(head, child, label)))
        return applied.relation if isinstance(applied, AddRelation) else None

    def delete_relation(self, relation_id: int) -> None:
        rel = next((r for r in self.relations if r.id == relation_id), None)
        if rel is not None:
            self._do(DeleteRelation(rel))

    def set_status(self, status: str) -> None:
        if self.document is not None and status != self.status():
            self._do(SetStatus(self.document.id, self.layer, "", status))

    # ------------------------------------------------------------- selection
    def set_layer(self, layer: str) -> None:
        """Show and edit another layer (the gold layer while curating)."""
        if layer != self.layer:
            self.layer = layer
            if self.document is not None:
                self.open_document(self.document.id)
            self.layerChanged.emit()

    def apply(self, edit: Edit) -> Edit | None:
        """Apply any edit (curation batches, decisions) on the undo stack."""
        return self._do(edit)

    def replaced_by_backup(self) -> None:
        """The project was restored from a backup (here or elsewhere): the edits on the stack
        belong to the replaced state, and Ctrl+Z says so rather than "since this window opened"."""
        self._restored = self.project.last_restore()
        self.undo_stack.clear()
        self._history_from_restore = True

    def undo(self) -> None:
        """Undo the last edit, unless what it changed was changed elsewhere since (then say so)."""
        self._step(self.undo_stack.index() - 1, undo=True)

    def redo(self) -> None:
        """Redo the next edit, unless what it needs was changed elsewhere since (then say so)."""
        self._step(self.undo_stack.index(), undo=False)

    def _step(self, index: int, undo: bool) -> None:
        stack = self.undo_stack
        if self.project.last_restore() != self._restored:  # before the watch noticed it
            self.sync()
        command = stack.command(index) if 0 <= index < stack.count() else None
        if not isinstance(command, EditCommand):
            # the history is this window's: say so, or Ctrl+Z after a restart seems broken
            if not undo:
                self.message.emit(self.tr("Nothing to redo."))
            elif self._history_from_restore:
                self.message.emit(
                    self.tr(
                        "Nothing to undo since the restore from a backup: earlier edits are in the"
                        " backup made before it."
                    )
                )
            else:
                self.message.emit(
                    self.tr(
                        "Nothing to undo since this window opened: undo covers this session only;"
                        " earlier edits are saved and stay."
                    )
                )
            return
        if self.readonly:
            self.message.emit(self.tr("This project is read-only: changes cannot be saved."))
            return
        if not self.file_ok():
            return
        try:
            if undo:
                command.write_undo()
            else:
                command.write_redo()
        except AnnotatorError as exc:
            # refused for good (its target changed elsewhere): the stack deletes the step rather
            # than move over it, so the next undo goes to the step before it
            dropped = isinstance(exc, ChangedElsewhereError)
            command.setObsolete(dropped)
            what = (
                (self.tr("Cannot undo, step dropped") if dropped else self.tr("Cannot undo"))
                if undo
                else (self.tr("Cannot redo, step dropped") if dropped else self.tr("Cannot redo"))
            )
            self.message.emit(self.tr("{0}: {1}").format(what, explain(exc, self.schema)))
            if not dropped:
                return
        if undo:
            stack.undo()
        else:
            stack.redo()

    def select(self, span_id: int) -> None:
        if span_id != self.selected:
            self.selected = span_id
            self.selectionChanged.emit(span_id)

    def partners(self, span_id: int) -> list[tuple[Relation, int]]:
        """Relations touching a span, each with the span at the other end."""
        if self._partners is None:
            self._partners = {}
            self._index(self.relations)
        return list(self._partners.get(span_id, ()))

    def _index(self, relations: Iterable[Relation]) -> None:
        """Add relations to the partners index, when there is one (links added: the index grows;
        anything else gives a new list and a new index when next asked)."""
        if self._partners is None:
            return
        for r in relations:
            self._partners.setdefault(int(r.head), []).append((r, int(r.child)))
            if r.child != r.head:
                self._partners.setdefault(int(r.child), []).append((r, int(r.head)))

    def link_candidates(self, head_id: int, rel_label: str) -> list[Span]:
        """Spans the selected span may point to with ``rel_label``, nearest first."""
        head = self.span(head_id)
        if head is None:
            return []
        rel = self.schema.relation_type(rel_label)
        if head.label not in rel.head:
            return []
        linked = {
            int(r.child) for r in self.relations if r.head == head_id and r.label == rel_label
        }
        found = [
            s for s in self.spans if s.label in rel.child and s.id != head_id and s.id not in linked
        ]
        return sorted(found, key=lambda s: abs(s.start - head.start))

    def checklist(self, limit: int | None = None) -> list[Missing]:
        """What a lead should look at in this layer: claims without a speaker, and so on (the
        first ``limit`` items when a limit is given)."""
        return layer_checklist(self.spans, self.relations, self.schema, limit)

    def open_items(self) -> int:
        """How many items the checklist has in all."""
        return count_missing(self.spans, self.relations, self.schema)
