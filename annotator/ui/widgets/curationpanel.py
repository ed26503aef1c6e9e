"""The curation panel (lead mode): the open disagreements listed, the current one highlighted.

It shows the curation object's state (annotator.ui.curation) and passes clicks and keys back to
it: Accept unanimous / Accept majority, and in the list A accepts, Delete or R rejects, E edits
(Enter and Backspace are the window's actions, working wherever the focus is).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
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

from annotator.model.layers import GOLD_LAYER
from annotator.text.bidi import article_words
from annotator.ui import counts
from annotator.ui.curation import Curation
from annotator.ui.names import attributes_text
from annotator.ui.names import name as display_name
from annotator.ui.widgets.plain import plain_label

SHOWN_CHARS = 50  # of a candidate's text in its row


class CandidateList(QListWidget):
    """Keys: A accepts, Delete or R rejects, E edits (Enter and Backspace: the window's actions)."""

    def __init__(self, curation: Curation, parent: QWidget) -> None:
        super().__init__(parent)
        self.curation = curation

    def keyPressEvent(self, e: QKeyEvent) -> None:
        key = e.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_A):
            self.curation.accept_current()
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_R):
            self.curation.reject_current()
        elif key == Qt.Key.Key_E:
            self.curation.edit_current()
        else:
            super().keyPressEvent(e)


class CurationPanel(QWidget):
    """Lists the curation's open candidates and follows its current one."""

    def __init__(self, curation: Curation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.curation = curation
        self.summary = plain_label(parent=self)
        self.summary.setWordWrap(True)
        self.unanimous = QPushButton(self.tr("Accept unanimous"), self)
        self.majority = QPushButton(self.tr("Accept majority"), self)
        self.list = CandidateList(curation, self)
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
        self.unanimous.clicked.connect(lambda: curation.accept_all("all"))
        self.majority.clicked.connect(lambda: curation.accept_all("majority"))
        self.list.currentRowChanged.connect(curation.set_current)
        curation.candidatesChanged.connect(lambda _spans: self._show_candidates())
        curation.currentChanged.connect(self._show_current)

    def _show_candidates(self) -> None:
        c = self.curation
        s = c.session
        self.list.blockSignals(True)  # the rows are the curation's: only follow its current one
        self.list.clear()
        n = len(c.layers)
        for cand in c.open:
            lab = s.schema.label(cand.label)
            text = f"{display_name(lab)}  «{article_words(cand.text[:SHOWN_CHARS])}»  — {', '.join(cand.annotators)} ({len(cand.annotators)}/{n})"  # fmt: skip
            if len(cand.variants) > 1:  # marked alike, valued differently: say how
                text += "\n    " + " | ".join(
                    f"{attributes_text(lab, dict(attrs))} ({', '.join(who)})"
                    for attrs, who in cand.variants
                )
            self.list.addItem(QListWidgetItem(text))
        self.list.blockSignals(False)
        if s.document is not None and s.layer == GOLD_LAYER:  # otherwise the panel is hidden
            self.summary.setText(
                self.tr("Finished this document: {0}. Open: {1}. Gold has {2}.")
                .format(counts.annotators(n), counts.disagreements(len(c.open)), counts.spans(len(s.spans)))
            )  # fmt: skip

    def _show_current(self, row: int) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
