"""The find bar under the label palette: a search box, how many hits, previous / next, close.

It only shows and reports; ``annotator.ui.finder`` decides what the hits are.

Signals:
    searched(str): the search text changed.
    stepped(int): +1 / -1: go to the next / previous hit.
    taken(): Enter: select the current hit in the article for labelling.
    closed(): Escape or the close button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from annotator.ui.widgets.sentence import SentenceLabel

FIND_BOX_MIN_CHARS = 16  # the search field never gets narrower than this many average characters
COUNT_MIN_CHARS = 8  # what stays readable of the count or message when the bar is narrow
# keys the search box keeps for itself even when the window binds them (Enter accepts a
# suggestion elsewhere; here it takes the hit)
_OWN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)


class SearchBox(QLineEdit):
    """A line edit that handles Enter and Escape itself (the bar reads them)."""

    def event(self, e: QEvent) -> bool:
        if (
            e.type() == QEvent.Type.ShortcutOverride
            and isinstance(e, QKeyEvent)
            and e.key() in _OWN_KEYS
        ):
            e.accept()
            return True
        return super().event(e)


class FindBar(QWidget):
    """Search box, hit count, previous / next and close buttons."""

    searched = Signal(str)
    stepped = Signal(int)
    taken = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.box = SearchBox(self)
        self.box.setObjectName("findBox")
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(
            self.tr("Find in this document (diacritics and hamza forms ignored)")
        )
        self.box.setMinimumWidth(self.box.fontMetrics().averageCharWidth() * FIND_BOX_MIN_CHARS)
        # a long message is cut with … (whole in its tooltip) rather than squeezing the field
        self.count = SentenceLabel(self, COUNT_MIN_CHARS)
        self.count.setObjectName("findCount")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.count)
        for text, tip, delta in (("▲", self.tr("Previous hit (Shift+F3)"), -1),
                                 ("▼", self.tr("Next hit (F3)"), 1)):  # fmt: skip
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _c=False, d=delta: self.stepped.emit(d))
            layout.addWidget(button)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Close the find bar (Esc)"))
        close.clicked.connect(self.closed.emit)
        layout.addWidget(close)
        self.box.textChanged.connect(self.searched.emit)
        self.box.installEventFilter(self)

    def eventFilter(self, watched: object, e: QEvent) -> bool:
        if watched is self.box and e.type() == QEvent.Type.KeyPress and isinstance(e, QKeyEvent):
            if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.taken.emit()
                return True
            if e.key() == Qt.Key.Key_Escape:
                self.closed.emit()
                return True
        return False
