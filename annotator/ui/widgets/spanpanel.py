"""The span panel: this layer's spans in text order with attributes and links, and the checklist.

Signals:
    spanActivated(int): a span row was clicked (its row id).
    attributeRequested(int): a span's attributes were double-clicked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.session import Session

_SPAN, _REL = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


class SpanTree(QTreeWidget):
    """Spans with their relations as children; Delete on a relation row removes it."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Label"), self.tr("Text"), self.tr("Attributes")])
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        item = self.currentItem()
        if e.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and item is not None:
            rel_id = item.data(0, _REL)
            if rel_id:
                self.session.delete_relation(int(rel_id))
                return
            span_id = item.data(0, _SPAN)
            if span_id:
                self.session.delete_span(int(span_id))
                return
        super().keyPressEvent(e)


class SpanPanel(QWidget):
    """The spans of the open document and the lead's checklist."""

    spanActivated = Signal(int)
    attributeRequested = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tree = SpanTree(session, self)
        self.check_title = QLabel(self)
        self.checklist = QListWidget(self)
        self.checklist.setMaximumHeight(140)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 3)
        layout.addWidget(self.check_title)
        layout.addWidget(self.checklist, 1)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.checklist.itemClicked.connect(lambda it: self.spanActivated.emit(int(it.data(_SPAN))))
        session.layerChanged.connect(self.refresh)
        session.documentOpened.connect(lambda _id: self.refresh())
        session.selectionChanged.connect(self._show_selected)

    def refresh(self) -> None:
        s = self.session
        schema = s.schema
        by_id = {sp.id: sp for sp in s.spans}
        self.tree.clear()
        for span in s.spans:
            lab = schema.label(span.label)
            attrs = ", ".join(f"{k}={v}" for k, v in sorted(span.attributes.items()))
            item = QTreeWidgetItem([f"{lab.ar} · {lab.en}", _short(span.text), attrs])
            item.setData(0, _SPAN, span.id)
            item.setForeground(0, QBrush(QColor(lab.color)))
            for rel, other_id in s.partners(span.id or 0):
                other = by_id.get(other_id)
                arrow = "→" if rel.head == span.id else "←"
                text = f"{arrow} {rel.label}: {_short(other.text, 40) if other else '?'}"
                child = QTreeWidgetItem(["", text, ""])
                child.setData(0, _SPAN, other_id)
                child.setData(0, _REL, rel.id)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        missing = s.checklist()
        self.check_title.setText(self.tr("Checklist: {0} open").format(len(missing)))
        self.checklist.clear()
        for m in missing:
            it = QListWidgetItem(m.describe())
            it.setData(_SPAN, m.span.id)
            self.checklist.addItem(it)
        self._show_selected(s.selected)

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        span_id = item.data(0, _SPAN)
        if span_id:
            self.spanActivated.emit(int(span_id))

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        span_id = item.data(0, _SPAN)
        if span_id and not item.data(0, _REL):
            self.attributeRequested.emit(int(span_id))

    def _show_selected(self, span_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, _SPAN) == span_id:
                self.tree.setCurrentItem(item)
                return
