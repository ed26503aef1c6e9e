"""The arc toggle (R): cycles which relations are drawn as arcs and says which are drawn.

Pressing R gave no sign of the mode, and a choice made in one document opened a dense one (200
relations or more) with every arc. Each press now names the mode in the status bar and in the
toolbar button's tooltip, in the interface language; a dense document opens on the selected span's
arcs at most (a choice of none is kept) and says so.

Signals:
    changed(str): the sentence naming the arcs drawn now (for the toolbar button's tooltip).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.ui import counts
from annotator.ui.docview import ArticleView
from annotator.ui.session import Session
from annotator.ui.structscene import ArcMode


class ArcToggle(QObject):
    """R for one article view."""

    changed = Signal(str)

    def __init__(self, session: Session, view: ArticleView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.structure = view.structure
        # connected after the controller: the document's relations are shown by then
        session.documentOpened.connect(self._opened)

    def cycle(self) -> None:
        """The next mode (all, the selected span's, none), said in the status bar."""
        self.structure.set_mode(self.structure.mode.next())
        text = self.sentence()
        self.session.message.emit(text)
        self.changed.emit(text)

    def sentence(self) -> str:
        """Which arcs are drawn, and what R does next."""
        mode = self.structure.mode
        if mode is ArcMode.ALL:
            return self.tr("Arcs: all relations; R shows only the selected span's.")
        if mode is ArcMode.SELECTED:
            return self.tr("Arcs: only the selected span's relations; R hides them all.")
        return self.tr("Arcs: hidden; R shows all relations.")

    def _opened(self, _doc_id: int) -> None:
        s = self.structure
        if s.dense and s.mode is ArcMode.SELECTED and s.chosen is not ArcMode.SELECTED:
            text = self.tr(
                "This document has {0}: only the selected span's arcs are drawn; R hides them all."
            ).format(counts.links(len(s.links)))
            # said once the document is open (the status bar clears its line on opening)
            QTimer.singleShot(0, self, lambda: self.session.message.emit(text))
        self.changed.emit(self.sentence())
