"""Curation (lead mode): build the gold layer from the finished annotators' layers.

Unanimous (or majority) spans, attribute values included, are accepted in one step; each
remaining disagreement is accepted, rejected or edited (its text selected for relabelling), and
the next one becomes current. Every decision is an undoable edit recording who and when. This
object holds the open candidates and which one is current; the panel (widgets/curationpanel.py)
and the article view follow its signals.

Signals:
    candidatesChanged(list): the open candidates as spans, to draw dashed and list.
    currentChanged(int): the index of the current candidate (-1: none).
    editRequested(int, int): select this range in the article view (a candidate's start alone
        to show it, its whole range to edit it).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from annotator.agreement.curation import (
    Candidate,
    acceptable,
    agreed_relations,
    candidates,
    open_disagreements,
)
from annotator.model.document import Layer, Relation, Span
from annotator.model.edits import AddRelation, AddSpan, Batch, Edit, SetDecision
from annotator.model.layers import ALL_LAYERS, GOLD_LAYER, LayerKind
from annotator.ui import counts
from annotator.ui.session import Session


class Curation(QObject):
    """Open disagreements of the current document, for the gold layer."""

    candidatesChanged = Signal(list)
    currentChanged = Signal(int)
    editRequested = Signal(int, int)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.layers: dict[str, Layer] = {}
        self.open: list[Candidate] = []
        self.current = -1
        session.documentOpened.connect(lambda _id: self.refresh())
        session.layerChanged.connect(self.refresh)

    def refresh(self) -> None:
        """Read the candidates again; the current one stays at its place in the list (so after a
        decision the next one is current)."""
        s = self.session
        row = max(self.current, 0)
        if s.document is None or s.layer != GOLD_LAYER:
            self.open = []
        else:
            finished = s.project.export_layers(s.document.id, ALL_LAYERS, done_only=True)
            kinds = s.project.layer_kinds()
            self.layers = {
                la.annotator: la
                for la in finished
                if kinds.get(la.annotator) == LayerKind.ANNOTATOR
            }
            decisions = s.project.decisions(s.document.id)
            self.open = open_disagreements(
                candidates(self.layers), len(self.layers), s.spans, decisions
            )
        self.candidatesChanged.emit(
            [
                Span(c.start, c.end, c.label, c.text, dict(c.attributes), id=i + 1)
                for i, c in enumerate(self.open)
            ]
        )
        self.set_current(min(row, len(self.open) - 1))

    def set_current(self, row: int) -> None:
        """Make the candidate at ``row`` current and show it (-1 or out of range: none)."""
        self.current = row if 0 <= row < len(self.open) else -1
        self.currentChanged.emit(self.current)
        c = self.current_candidate()
        if c is not None:
            self.editRequested.emit(c.start, c.start)

    def current_candidate(self) -> Candidate | None:
        return self.open[self.current] if 0 <= self.current < len(self.open) else None

    def _accept_edit(self, c: Candidate) -> list[Edit]:
        doc_id = self.session.document.id if self.session.document else 0
        span = Span(
            c.start, c.end, c.label, c.text, dict(c.attributes), doc_id=doc_id, annotator=GOLD_LAYER
        )
        return [AddSpan(span), SetDecision(doc_id, c.start, c.end, c.label, None, "accept")]

    def accept(self, c: Candidate) -> None:
        self.session.apply(Batch(tuple(self._accept_edit(c)), "accept into gold"))

    def reject(self, c: Candidate) -> None:
        doc_id = self.session.document.id if self.session.document else 0
        self.session.apply(SetDecision(doc_id, c.start, c.end, c.label, None, "reject"))

    def accept_current(self) -> None:
        c = self.current_candidate()
        if c is not None:
            self.accept(c)

    def reject_current(self) -> None:
        c = self.current_candidate()
        if c is not None:
            self.reject(c)

    def edit_current(self) -> None:
        c = self.current_candidate()
        if c is not None:
            self.editRequested.emit(c.start, c.end)

    def accept_all(self, rule: str) -> None:
        """Accept every candidate the rule allows, then the links the same annotators agree on."""
        s = self.session
        if s.document is None or not self.layers:
            s.message.emit(self.tr("No annotator has finished this document yet."))
            return
        decisions = s.project.decisions(s.document.id)
        todo = acceptable(candidates(self.layers), len(self.layers), rule, s.spans, decisions)
        edits = [e for c in todo for e in self._accept_edit(c)]
        if edits:
            s.apply(Batch(tuple(edits), f"accept {rule} into gold"))
        by_key = {(sp.start, sp.end, sp.label): sp.id for sp in s.spans}
        have = {(r.head, r.child, r.label) for r in s.relations}
        links: list[Edit] = []
        for head, child, label in agreed_relations(self.layers, rule):
            h, c = by_key.get(head), by_key.get(child)
            if h and c and (h, c, label) not in have:
                links.append(AddRelation(Relation(h, c, label)))
        if links:
            s.apply(Batch(tuple(links), "accept links into gold"))
        s.message.emit(
            self.tr("Accepted {0} and {1} into gold.").format(
                counts.spans(len(todo)), counts.links(len(links))
            )
        )
