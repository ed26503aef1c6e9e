"""Find in all documents (Ctrl+Shift+F): every hit across the project, with a few words around it.

The project answers (``Project.search``: its FTS5 index, then the exact search of each candidate
document), so documents another process imported while the window is open are found too. Imports
leave indexing to the first search after them; when many documents wait, the summary line says
the search is preparing them first. The
search runs a moment after typing stops, or at once on Enter. Double-click or Enter on a hit opens
its document with the hit selected.

Signals:
    hitChosen(int, int, int): document row id, start and end (code points) of the chosen hit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.store import Project
from annotator.store.search import MIN_INDEXED, ProjectHit
from annotator.text.bidi import isolate
from annotator.ui import counts
from annotator.ui.widgets.plain import plain_label, tooltip

TYPING_PAUSE_MS = 250  # search once typing stops this long
INDEXING_NOTICE = 500  # documents waiting to be indexed before the search says it prepares them
DOCUMENT_COLUMN = 200  # pixels for the document's title at first
_HIT = Qt.ItemDataRole.UserRole


class FindAllDialog(QDialog):
    """A search box over a list of hits: document, line, the words around the hit."""

    hitChosen = Signal(int, int, int)

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("Find in all documents"))
        self.box = QLineEdit(self)
        self.box.setObjectName("findAllBox")
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(
            self.tr("Words to find in every document (diacritics and hamza forms ignored)")
        )
        self.summary = plain_label(parent=self)
        self.summary.setObjectName("findAllSummary")
        self.summary.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("findAllHits")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setHeaderLabels([self.tr("Document"), self.tr("Line"), self.tr("Found")])
        self.list.setColumnWidth(0, DOCUMENT_COLUMN)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.search)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self._enter)
        self.list.itemActivated.connect(self._activated)
        self.resize(720, 480)

    def search(self) -> None:
        """Search the project for the box's text now and list the hits."""
        self._timer.stop()
        query = self.box.text()
        pending = self.project.pending_documents() if query.strip() else 0
        if pending >= INDEXING_NOTICE:  # indexed by this search: a moment per thousand
            self.summary.setText(
                self.tr("Preparing {0} for searching…").format(counts.documents(pending))
            )
            self.summary.repaint()
        found = self.project.search(query)
        self.list.clear()
        items = []
        for hit in found.hits:
            item = QTreeWidgetItem([isolate(hit.title or hit.ext_id), str(hit.line), _context(hit)])
            item.setData(0, _HIT, (hit.doc_id, hit.start, hit.end))
            item.setToolTip(0, tooltip(hit.ext_id))  # ids come from files: shown literally
            items.append(item)
        self.list.addTopLevelItems(items)
        if found.too_short:
            text = self.tr("Type at least {0} letters to search every document.").format(
                MIN_INDEXED
            )
        elif not query.strip():
            text = ""
        elif not found.hits:
            text = self.tr("No document contains this.")
        elif found.capped:
            text = self.tr(
                "More than {0} hits; the first {0} are listed: add words to narrow the search."
            ).format(len(found.hits))
        else:
            text = self.tr("Hits: {0} · documents: {1}").format(len(found.hits), found.documents)
        self.summary.setText(text)
        if items:
            self.list.setCurrentItem(items[0])

    def _enter(self) -> None:
        """Enter in the box: search now, or open the current hit when the list is up to date."""
        if self._timer.isActive() or not self.list.topLevelItemCount():
            self.search()
        else:
            self._activated(self.list.currentItem())

    def _activated(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        doc_id, start, end = item.data(0, _HIT)
        self.hitChosen.emit(doc_id, start, end)


def _context(hit: ProjectHit) -> str:
    """The words around a hit, with the hit itself in brackets."""
    return f"{hit.before}[{hit.match}]{hit.after}"
