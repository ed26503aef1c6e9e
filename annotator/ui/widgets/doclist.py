"""The document list: title, this annotator's status and span count, filtered ignoring diacritics.

A table model over plain rows, so 100,000 documents list without a widget per row. The filter
matches Arabic ignoring diacritics, tatweel and hamza/alef forms (the text layer's normalisation).
The open document is the list's current row whenever the list shows it, also when another process
imported it after the list was read; a hit of find in all documents is revealed: the filter that
hid its document is cleared.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.store import DocSummary
from annotator.text.normalize import normalize_query
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.names import status_text
from annotator.ui.session import Session
from annotator.ui.widgets.direction import natural_direction
from annotator.ui.widgets.plain import tooltip
from annotator.ui.widgets.rows import Index, RowsModel

STATUS_MARK = {"todo": "○", "in_progress": "◐", "done": "●", "skipped": "⊘"}


class DocListModel(RowsModel):
    """Rows of DocSummary, with a diacritic-insensitive filter."""

    HEADERS = (
        QT_TRANSLATE_NOOP("headers", "Title"),
        QT_TRANSLATE_NOOP("headers", "Status"),
        QT_TRANSLATE_NOOP("headers", "Spans"),
    )

    def __init__(self) -> None:
        super().__init__()
        self._all: list[DocSummary] = []
        self._keys: list[str] | None = None  # normalised titles, made on the first filter
        self._filter = ""
        self._only: set[int] | None = None  # the annotator's assigned documents, when filtered
        self._rows: dict[int, int] = {}  # document id -> row shown
        self._where: dict[int, int] = {}  # document id -> position in _all

    def set_rows(self, rows: list[DocSummary]) -> None:
        self.beginResetModel()
        self._all = rows
        self._where = {r.id: i for i, r in enumerate(rows)}
        self._keys = None
        self._apply()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = normalize_query(text.strip())
        self._apply()
        self.endResetModel()

    def set_only(self, ids: set[int] | None) -> None:
        """Show only these documents (an annotator's assigned ones), or all with None."""
        self.beginResetModel()
        self._only = ids
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        if not self._filter:
            self._items = list(self._all)
        else:
            if self._keys is None:  # 100,000 titles take a second: only when someone filters
                self._keys = [normalize_query(f"{r.title} {r.ext_id}") for r in self._all]
            self._items = [
                r for r, k in zip(self._all, self._keys, strict=True) if self._filter in k
            ]
        if self._only is not None:
            only = self._only
            self._items = [r for r in self._items if r.id in only]
        self._rows = {r.id: i for i, r in enumerate(self._items)}

    def update(self, summary: DocSummary) -> None:
        """Replace one document's row (status or span count changed)."""
        where = self._where.get(summary.id)
        if where is not None:
            self._all[where] = summary
        row = self.row_of(summary.id)
        if row >= 0:
            self._items[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, 2))

    def all_rows(self) -> list[DocSummary]:
        """Every document, filtered or not, in list order."""
        return list(self._all)

    def shown_rows(self) -> list[DocSummary]:
        """The documents the filter lets through, in list order."""
        return list(self._items)

    def doc_at(self, row: int) -> DocSummary | None:
        doc: DocSummary | None = self._items[row] if 0 <= row < len(self._items) else None
        return doc

    def row_of(self, doc_id: int) -> int:
        return self._rows.get(doc_id, -1)

    def knows(self, doc_id: int) -> bool:
        """True when ``doc_id`` was in the project when the rows were last read."""
        return doc_id in self._where

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.doc_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            status = status_text(row.status)
            return (row.title, f"{STATUS_MARK.get(row.status, '')} {status}", row.spans)[
                index.column()
            ]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(f"{row.ext_id}: {row.title}")
        return None


class DocList(QWidget):
    """Filter box above the list. Signals: docActivated(int) with the document's row id."""

    docActivated = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Find a document (ignores diacritics)"))
        self.filter.setClearButtonEnabled(True)
        self.mine = QCheckBox(self.tr("Only my assigned documents"), self)
        self.mine.setChecked(True)
        self.model = DocListModel()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        natural_direction(self.table, 0)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, header.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.mine)
        layout.addWidget(self.table)
        self.filter.textChanged.connect(self._filter_changed)
        self.mine.toggled.connect(lambda _on: self._apply_assigned())
        self.table.clicked.connect(lambda i: self._activate(i.row()))
        self.table.activated.connect(lambda i: self._activate(i.row()))
        session.layerChanged.connect(self._layer_changed)
        session.documentOpened.connect(self._show_current)
        session.changedElsewhere.connect(self._changed_elsewhere)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.session.document_list())
        self._apply_assigned()

    def _apply_assigned(self) -> None:
        """An annotator with assigned documents sees only those unless she unticks the box."""
        assigned = self.session.assigned_documents()
        self.mine.setVisible(assigned is not None)
        self.model.set_only(assigned if assigned is not None and self.mine.isChecked() else None)
        if self.session.document is not None:
            self._show_current(self.session.document.id)

    def _changed_elsewhere(self, content: bool) -> None:
        """Documents imported or annotations edited by another window or program."""
        if content:
            self.refresh()

    def _layer_changed(self) -> None:
        """Only the open document's row changes when its layer does."""
        s = self.session
        if s.document is not None:
            self.model.update(DocSummary(s.document.id, s.document.ext_id, s.document.title,
                                         s.status(), len(s.spans)))  # fmt: skip

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        if self.session.document is not None:
            self._show_current(self.session.document.id)

    def _show_current(self, doc_id: int) -> None:
        """Make the open document the current row and scroll to it (no row when the filter
        hides it: the row of the document open before is not left looking current)."""
        if not self.model.knows(doc_id):  # imported elsewhere since the list was read
            self.model.set_rows(self.session.document_list())
        row = self.model.row_of(doc_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.table.clearSelection()

    def reveal(self, doc_id: int) -> None:
        """Show ``doc_id`` as the current row even when the filter or "only my assigned
        documents" hid it (a hit of find in all documents was opened in it)."""
        if self.model.row_of(doc_id) < 0 and self.filter.text():
            self.filter.clear()
        if self.model.row_of(doc_id) < 0 and self.mine.isChecked() and self.mine.isVisible():
            self.mine.setChecked(False)
        self._show_current(doc_id)

    def _activate(self, row: int) -> None:
        doc = self.model.doc_at(row)
        if doc is not None and (
            self.session.document is None or doc.id != self.session.document.id
        ):
            self.docActivated.emit(doc.id)

    def step(self, delta: int) -> bool:
        """Open the next (delta=1) or previous (delta=-1) document of the filtered list; False
        when there is none that way."""
        current = self.model.row_of(self.session.document.id) if self.session.document else -1
        row = current + delta
        if 0 <= row < self.model.rowCount():
            self._activate(row)
            return True
        return False
