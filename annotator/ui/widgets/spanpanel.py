"""The span panel: this layer's spans in text order, the selected span's links, and the checklist.

The table's model (spanmodel.py) owns its rows and follows the session's signals, so one edit
changes one row even with 10,000 spans; relations of the selected span are listed below, where Delete
removes one. The panel catches up with edits and selections once control is back in the event
loop, after the article has shown them: the text comes first, and a burst of edits is one update.

Signals:
    spanActivated(int): a span row or checklist item was clicked (the span's row id).
    attributeRequested(int): a span row was double-clicked.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.model.checks import Missing
from annotator.model.document import Relation
from annotator.text.bidi import article_words
from annotator.ui import counts
from annotator.ui.names import name as display_name
from annotator.ui.session import Session
from annotator.ui.widgets.direction import natural_direction
from annotator.ui.widgets.spanmodel import SpanTableModel

_ID = Qt.ItemDataRole.UserRole
CHECKLIST_SHOWN = 200


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


TEXT_COLUMNS = (1, 3, 4)  # text, context, attributes: they share what the short columns leave
TEXT_MIN = 60  # pixels a text column needs to say something
OPTIONAL_COLUMNS = (5, 4, 3, 2)  # links, attributes, context, line: left out in this order


class LinkList(QListWidget):
    """The selected span's relations; Delete removes the current one."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def keyPressEvent(self, e: QKeyEvent) -> None:
        item = self.currentItem()
        if e.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and item is not None:
            self.session.delete_relation(int(item.data(_ID)))
            return
        super().keyPressEvent(e)


FIT_ROWS = 0  # Qt: 0 = the rows in view


class SpanPanel(QWidget):
    """Spans of the open document, links of the selected span, and the lead's checklist."""

    spanActivated = Signal(int)
    attributeRequested = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = SpanTableModel(session)
        self.model.reset()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setStretchLastSection(False)  # the texts stretch (below)
        self.links_title = QLabel(self)
        self.links = LinkList(session, self)
        self.links.setMaximumHeight(110)
        self.check_title = QLabel(self)
        self.checklist = QListWidget(self)
        self.checklist.setMaximumHeight(140)
        # every column inside the panel (one cut at the window's edge read as broken): the short
        # ones as wide as their contents, the texts share the rest (elided); a narrow panel
        # leaves out the columns it has no room for (see _fit_columns)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.viewport().installEventFilter(self)
        header = self.table.horizontalHeader()
        # the short columns fit the rows on screen, not all 10,000 (Qt's default reads 1,000
        # rows per column on every change: 16,000 cells read per link added on a long article)
        header.setResizeContentsPrecision(FIT_ROWS)
        for column in range(self.model.columnCount()):
            fit = (
                header.ResizeMode.Stretch
                if column in TEXT_COLUMNS
                else header.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, fit)
        natural_direction(self.table, 1, 3, 4)  # text, context, attributes
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.links_title)
        layout.addWidget(self.links)
        layout.addWidget(self.check_title)
        layout.addWidget(self.checklist, 1)
        self.table.clicked.connect(self._clicked)
        self.table.doubleClicked.connect(self._double_clicked)
        self.links.itemClicked.connect(lambda it: self.spanActivated.emit(int(it.data(_ID + 1))))
        self.checklist.itemClicked.connect(lambda it: self.spanActivated.emit(int(it.data(_ID))))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh_now)
        self._checklist_due = False
        self._listed: list[Missing] | None = None  # the checklist items shown
        self._more: QListWidgetItem | None = None  # its "… and 12 more" line
        session.layerChanged.connect(self.refresh)
        session.documentOpened.connect(lambda _id: self.refresh())
        session.selectionChanged.connect(lambda _id: self._timer.start())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return False

    def _fit_columns(self) -> None:
        """Leave out the least needed columns while the rest cannot fit the panel's width."""
        table, header = self.table, self.table.horizontalHeader()
        for column in OPTIONAL_COLUMNS:
            header.setSectionHidden(column, False)

        def need(column: int) -> int:
            if column in TEXT_COLUMNS:
                return TEXT_MIN
            return max(table.sizeHintForColumn(column), header.sectionSizeHint(column))

        shown = list(range(self.model.columnCount()))
        for column in OPTIONAL_COLUMNS:
            if sum(need(c) for c in shown) <= table.viewport().width():
                break
            header.setSectionHidden(column, True)
            shown.remove(column)

    def refresh(self) -> None:
        """Update once the edit is on screen, once per burst of edits (the text comes first)."""
        self._checklist_due = True
        self._timer.start()

    def refresh_now(self) -> None:
        """Show the edits and the selection made since the last update."""
        self._timer.stop()
        self.model.catch_up()
        self._show_selected(self.session.selected)
        if self._checklist_due:
            self._checklist_due = False
            self.refresh_checklist()

    def refresh_checklist(self) -> None:
        """The first items and the count of the rest; the items are made again only when they
        changed (most edits on a long article change the count alone)."""
        missing = self.session.checklist(CHECKLIST_SHOWN)
        total = self.session.open_items()
        self.check_title.setText(self.tr("Checklist: {0}").format(counts.open_items(total)))
        if missing == self._listed:
            self._show_more(total - len(missing))
            return
        self._listed = missing
        self.checklist.clear()
        self._more = None
        for m in missing:
            lab = self.session.schema.label(m.span.label)
            rel = self.session.schema.relation_type(m.relation)
            item = QListWidgetItem(
                self._missing(m.relation).format(
                    display_name(lab), article_words(_short(m.span.text, 40)), display_name(rel)
                )
            )
            item.setData(_ID, m.span.id)
            self.checklist.addItem(item)
        self._show_more(total - len(missing))

    def _show_more(self, more: int) -> None:
        """The last line, "… and 12 more", while there are items beyond those listed."""
        if more <= 0:
            if self._more is not None:
                self.checklist.takeItem(self.checklist.row(self._more))
                self._more = None
            return
        if self._more is None:
            self._more = QListWidgetItem()
            self.checklist.addItem(self._more)
        self._more.setText(self.tr("… and {0}").format(counts.more_items(more)))

    def _missing(self, relation: str) -> str:
        """The checklist sentence for a span lacking ``relation``: {0} its label, {1} its text,
        {2} the relation's name (for relation types of other schemas)."""
        phrases = {
            "attributed_to": self.tr("{0} «{1}» has no speaker"),
            "holder": self.tr("{0} «{1}» has no holder"),
            "target": self.tr("{0} «{1}» has no target"),
            "participant": self.tr("{0} «{1}» has no participant"),
        }
        return phrases.get(relation) or self.tr("{0} «{1}» has no {2} link")

    def _clicked(self, index: QModelIndex) -> None:
        span = self.model.span_at(index.row())
        if span is not None:
            self.spanActivated.emit(span.id or 0)

    def _double_clicked(self, index: QModelIndex) -> None:
        span = self.model.span_at(index.row())
        if span is not None:
            self.attributeRequested.emit(span.id or 0)

    def _describe(self, rel: Relation, other: int) -> str:
        span = self.session.span(other)
        arrow = "→" if rel.child == other else "←"
        name = display_name(self.session.schema.relation_type(rel.label))
        return f"{arrow} {name}: {article_words(_short(span.text, 40)) if span else '?'}"

    def _show_selected(self, span_id: int) -> None:
        self.links.clear()
        partners = self.session.partners(span_id) if span_id else []
        self.links_title.setText(self.tr("Links of the selected span: {0}").format(len(partners)))
        for rel, other in partners:
            item = QListWidgetItem(self._describe(rel, other))
            item.setData(_ID, rel.id)
            item.setData(_ID + 1, other)
            self.links.addItem(item)
        row = self.model.row_of(span_id) if span_id else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.table.clearSelection()
