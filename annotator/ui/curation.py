"""The curation panel (lead mode): build the gold layer from the finished annotators' layers.

Unanimous (or majority) spans, attribute values included, are accepted in one step; each
remaining disagreement is accepted (Enter, wherever the focus is), rejected (Backspace) or edited
(E: its text is selected for relabelling), and the next one is highlighted. Open candidates are
drawn dashed in the article view. Every decision is an undoable edit recording who and when.

Signals:
    candidatesChanged(list): the open candidates as spans, to draw dashed.
    editRequested(int, int): select this range in the article view.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

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
from annotator.text.bidi import article_words
from annotator.ui.session import Session
from annotator.ui.widgets.direction import display_name
from annotator.ui.widgets.plain import plain_label

GOLD = GOLD_LAYER


class CandidateList(QListWidget):
    """Keys: A accepts, Delete or R rejects, E edits (Enter and Backspace: the window's actions)."""

    def __init__(self, panel: CurationPanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def keyPressEvent(self, e: QKeyEvent) -> None:
        key = e.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_A):
            self.panel.accept_current()
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_R):
            self.panel.reject_current()
        elif key == Qt.Key.Key_E:
            self.panel.edit_current()
        else:
            super().keyPressEvent(e)


class CurationPanel(QWidget):
    """Open disagreements of the current document, for the gold layer."""

    candidatesChanged = Signal(list)
    editRequested = Signal(int, int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.layers: dict[str, Layer] = {}
        self.open: list[Candidate] = []
        self.summary = plain_label(parent=self)
        self.summary.setWordWrap(True)
        self.unanimous = QPushButton(self.tr("Accept unanimous"), self)
        self.majority = QPushButton(self.tr("Accept majority"), self)
        self.list = CandidateList(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unanimous)
        buttons.addWidget(self.majority)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        hint = QLabel(self.tr("Enter accepts · Backspace rejects · E edits"), self)
        layout.addWidget(hint)
        self.unanimous.clicked.connect(lambda: self.accept_all("all"))
        self.majority.clicked.connect(lambda: self.accept_all("majority"))
        self.list.currentRowChanged.connect(self._show_row)
        session.documentOpened.connect(lambda _id: self.refresh())
        session.layerChanged.connect(self.refresh)

    def refresh(self) -> None:
        s = self.session
        row = max(self.list.currentRow(), 0)  # after a decision, the next one is highlighted
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        if s.document is None or s.layer != GOLD:
            self.open = []
            self.candidatesChanged.emit([])
            return
        finished = s.project.export_layers(s.document.id, ALL_LAYERS, done_only=True)
        kinds = s.project.layer_kinds()
        self.layers = {la.annotator: la for la in finished
                       if kinds.get(la.annotator) == LayerKind.ANNOTATOR}  # fmt: skip
        decisions = s.project.decisions(s.document.id)
        self.open = open_disagreements(
            candidates(self.layers), len(self.layers), s.spans, decisions
        )
        n = len(self.layers)
        for c in self.open:
            lab = s.schema.label(c.label)
            text = f"{display_name(lab)}  «{article_words(c.text[:50])}»  — {', '.join(c.annotators)} ({len(c.annotators)}/{n})"  # fmt: skip
            if len(c.variants) > 1:  # marked alike, valued differently: say how
                text += "\n    " + " | ".join(
                    f"{', '.join(f'{k}={v}' for k, v in attrs)}: {', '.join(who)}"
                    for attrs, who in c.variants
                )
            self.list.addItem(QListWidgetItem(text))
        self.summary.setText(
            self.tr("{0} annotator(s) finished this document; {1} disagreement(s) open; gold has {2} span(s).")
            .format(n, len(self.open), len(s.spans))
        )  # fmt: skip
        self.candidatesChanged.emit(
            [
                Span(c.start, c.end, c.label, c.text, dict(c.attributes), id=i + 1)
                for i, c in enumerate(self.open)
            ]
        )
        if self.open:
            self.list.setCurrentRow(min(row, len(self.open) - 1))

    def _accept_edit(self, c: Candidate) -> list[Edit]:
        doc_id = self.session.document.id if self.session.document else 0
        span = Span(
            c.start, c.end, c.label, c.text, dict(c.attributes), doc_id=doc_id, annotator=GOLD
        )
        return [AddSpan(span), SetDecision(doc_id, c.start, c.end, c.label, None, "accept")]

    def accept(self, c: Candidate) -> None:
        self.session.apply(Batch(tuple(self._accept_edit(c)), "accept into gold"))

    def reject(self, c: Candidate) -> None:
        doc_id = self.session.document.id if self.session.document else 0
        self.session.apply(SetDecision(doc_id, c.start, c.end, c.label, None, "reject"))

    def _current(self) -> Candidate | None:
        row = self.list.currentRow()
        return self.open[row] if 0 <= row < len(self.open) else None

    def accept_current(self) -> None:
        c = self._current()
        if c is not None:
            self.accept(c)

    def reject_current(self) -> None:
        c = self._current()
        if c is not None:
            self.reject(c)

    def edit_current(self) -> None:
        c = self._current()
        if c is not None:
            self.editRequested.emit(c.start, c.end)

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.open):
            self.editRequested.emit(self.open[row].start, self.open[row].start)

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
            self.tr("Accepted {0} span(s) and {1} link(s) into gold.").format(len(todo), len(links))
        )
