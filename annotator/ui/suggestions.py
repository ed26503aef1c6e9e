"""Reviewing suggestions: the rules' (or a model's) spans drawn dashed, accepted or rejected by key.

Enter accepts the current suggestion into the annotator's layer (undoable, with the link to its
speaker when that is already accepted), Backspace rejects it, F3 moves on. Both decisions are stored
with the layer (a rejected suggestion does not come back after a restart) and are undoable.
"Accept all" takes every suggestion of one label in one undoable step.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.model.document import Relation, Span
from annotator.model.edits import AddRelation, AddSpan, Batch, Edit, SetDecision
from annotator.model.layers import SUGGESTIONS_LAYER
from annotator.suggest.rules import suggest
from annotator.ui.modes import Modes
from annotator.ui.session import Session

Key = tuple[int, int, str]


def _key(span: Span) -> Key:
    return (span.start, span.end, span.label)


class SuggestionReview(QObject):
    """The open suggestions of the current document and the one under review."""

    def __init__(self, session: Session, modes: Modes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.modes = modes
        self.items: list[Span] = []
        self.links: list[tuple[Key, Key, str]] = []
        self.current = 0
        self._stored: set[Key] = set()  # the open document's stored suggestions

    def note_stored(self) -> None:
        """Read the stored suggestions (from `annotator suggest`) of the document just opened."""
        s = self.session
        stored = s.project.layer(s.document.id, SUGGESTIONS_LAYER).spans if s.document else []
        self._stored = {_key(sp) for sp in stored}

    def stored_open(self) -> int:
        """How many stored suggestions of the open document are neither accepted nor rejected."""
        s = self.session
        if s.document is None or not self._stored:
            return 0
        have = {_key(sp) for sp in s.spans} | set(self._decided())
        return sum(1 for k in self._stored if k not in have)

    def _decided(self) -> dict[Key, str]:
        s = self.session
        return s.project.decisions(s.document.id, s.layer) if s.document else {}

    def refresh(self) -> list[Span]:
        """Recompute the open suggestions (stored layer if any, else the rules on the fly)."""
        s = self.session
        if not self.modes.review or s.document is None:
            self.items, self.links = [], []
            return []
        doc = s.document
        stored = s.project.layer(doc.id, SUGGESTIONS_LAYER)
        layer = stored if stored.spans else suggest(doc.text)
        by_sid = {sp.sid: _key(sp) for sp in layer.spans}
        self.links = [(by_sid[str(r.head)], by_sid[str(r.child)], r.label) for r in layer.relations
                      if str(r.head) in by_sid and str(r.child) in by_sid]  # fmt: skip
        have = {_key(sp) for sp in s.spans} | set(self._decided())
        open_ = [sp for sp in layer.spans if _key(sp) not in have]
        self.items = [sp.with_(id=i + 1, annotator="") for i, sp in enumerate(open_)]
        self.current = min(self.current, max(len(self.items) - 1, 0))
        return self.items

    def current_item(self) -> Span | None:
        return self.items[self.current] if 0 <= self.current < len(self.items) else None

    def step(self, delta: int) -> Span | None:
        if self.items:
            self.current = (self.current + delta) % len(self.items)
        return self.current_item()

    def _links_for(self, accepted: list[Span]) -> list[Edit]:
        by_key = {_key(sp): sp.id for sp in self.session.spans}
        have = {(r.head, r.child, r.label) for r in self.session.relations}
        edits: list[Edit] = []
        for head, child, label in self.links:
            if not any(_key(a) in (head, child) for a in accepted):
                continue
            h, c = by_key.get(head), by_key.get(child)
            if h and c and (h, c, label) not in have:
                edits.append(AddRelation(Relation(h, c, label)))
        return edits

    def accept(self, spans: list[Span]) -> int:
        """Make these suggestions the annotator's spans (one undo step), then their links."""
        s = self.session
        if s.document is None or not spans:
            return 0
        doc = s.document.id
        edits: list[Edit] = []
        for sp in spans:
            edits.append(AddSpan(sp.with_(id=None, sid="", doc_id=doc, annotator=s.layer)))
            edits.append(SetDecision(doc, *_key(sp), None, "accept", s.layer))
        s.apply(Batch(tuple(edits), "accept suggestions"))
        links = self._links_for(spans)
        if links:
            s.apply(Batch(tuple(links), "link accepted suggestions"))
        return len(spans)

    def accept_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.accept([item])

    def reject_current(self) -> None:
        item = self.current_item()
        s = self.session
        if item is not None and s.document is not None:
            s.apply(SetDecision(s.document.id, *_key(item), None, "reject", s.layer))

    def accept_label(self, label: str) -> int:
        return self.accept([sp for sp in self.items if sp.label == label])
