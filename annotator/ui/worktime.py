"""Records the annotator's active time on the open document (model/activity.py decides what
counts): edits, moving between spans, opening a document and the window coming to the front
are ticks; leaving the window pauses. Time reaches the project at least every ``FLUSH_S``
seconds of work, when another document opens, and when the window closes."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication

from annotator.model.activity import ActiveTime
from annotator.ui.session import Session

log = logging.getLogger(__name__)
FLUSH_S = 15.0  # seconds of work kept in memory at most before they are written


class WorkTimer(QObject):
    """Active time per annotator and document, written to the project."""

    def __init__(
        self,
        session: Session,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        self.active = ActiveTime()
        self.pending = 0.0
        self.doc = session.document.id if session.document is not None else None
        session.layerChanged.connect(self.tick)
        session.selectionChanged.connect(lambda _i: self.tick())
        session.documentOpened.connect(self._opened)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state)

    def tick(self) -> None:
        """Something happened: the time since the last tick is work (unless idle too long)."""
        self.pending += self.active.tick(self.clock())
        if self.pending >= FLUSH_S:
            self.flush()

    def pause(self) -> None:
        """The annotator left: count up to now, then write."""
        self.pending += self.active.pause(self.clock())
        self.flush()

    def flush(self) -> None:
        """Write the pending seconds to the open document's time."""
        seconds, self.pending = self.pending, 0.0
        if self.doc is None or seconds <= 0 or self.session.readonly:
            return
        try:
            self.session.project.add_work_time(self.doc, self.session.annotator, seconds)
        except Exception as exc:  # the file was closed by another window sharing it: a few seconds
            log.warning(
                "%.1f s of work time on document %s not recorded: %s", seconds, self.doc, exc
            )

    def _opened(self, doc_id: int) -> None:
        self.pending += self.active.tick(self.clock())  # up to now, on the document left
        self.flush()
        self.doc = doc_id

    def _state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.tick()
        else:
            self.pause()
