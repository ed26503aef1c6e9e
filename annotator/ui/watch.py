"""Keeping a window in step with its file: another window or program wrote to the project.

SQLite's ``PRAGMA data_version`` changes when another connection commits (never for this one's own
writes); a timer reads it every ``POLL_INTERVAL_MS``, which costs no disk access when nothing
changed. Documents imported or suggestions written by the CLI, or spans edited in a second
window, then reach this window without a restart.

It also notices when the file was removed or replaced, or its write-ahead log deleted, by another
program: what this window writes would be lost, so it stops and says so.

Signals:
    changed(): another connection committed since the last look.
    lost(): the file can no longer be written safely (watching stops).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.errors import AnnotatorError
from annotator.store import Project

POLL_INTERVAL_MS = 1000  # how soon another window's or program's changes show here


class FileWatch(QObject):
    """Polls a project's data version while running."""

    changed = Signal()
    lost = Signal()

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self._version = project.data_version()
        self.timer = QTimer(self)
        self.timer.setObjectName("fileWatch")
        self.timer.setInterval(POLL_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> bool:
        """Look now; True (and ``changed`` emitted) when another connection wrote meanwhile."""
        try:
            version = self.project.data_version()
            lost = version is not None and self.project.file_lost()
        except AnnotatorError:  # overwritten in place: no longer a project SQLite can read
            version, lost = None, True
        if lost:
            self.stop()
            self.lost.emit()
            return False
        if version is None:  # the project was closed: nothing more to watch
            self.stop()
            return False
        if version == self._version:
            return False
        self._version = version
        self.changed.emit()
        return True
