"""Keeping a window in step with its file: another window or program wrote to the project.

SQLite's ``PRAGMA data_version`` changes when another connection commits (never for this one's own
writes); a timer reads it every ``POLL_INTERVAL_MS``, which costs no disk access when nothing
changed. Documents imported or suggestions written by the CLI, or spans edited in a second
window, then reach this window without a restart.

It also notices when the file was removed or replaced, or its write-ahead log deleted, by another
program: what this window writes would be lost, so it stops and says so.

The same timer paces the look for killed windows (they write no goodbye, so nothing changes in the
file): every ``PRESENCE_EVERY_POLLS`` polls it says it is time, so a window wakes up for one timer.

Signals:
    changed(): another connection committed since the last look.
    lost(): the file can no longer be written safely (watching stops).
    presenceDue(): time to ask again which other windows are alive (while watching).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.errors import AnnotatorError
from annotator.store import Project

POLL_INTERVAL_MS = 1000  # how soon another window's or program's changes show here
PRESENCE_EVERY_POLLS = 3  # a killed window's "also open in another window" goes after this many
PRESENCE_RECHECK_MS = POLL_INTERVAL_MS * PRESENCE_EVERY_POLLS


class FileWatch(QObject):
    """Polls a project's data version while running."""

    changed = Signal()
    lost = Signal()
    presenceDue = Signal()

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self._version = project.data_version()
        self.timer = QTimer(self)
        self.timer.setObjectName("fileWatch")
        self.timer.setInterval(POLL_INTERVAL_MS)
        self.timer.timeout.connect(self._tick)
        self._polls = 0

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    @property
    def watching(self) -> bool:
        """Started, and neither stopped nor closed nor lost since."""
        return self.timer.isActive()

    def _tick(self) -> None:
        self.check()
        self._polls = (self._polls + 1) % PRESENCE_EVERY_POLLS
        if self._polls == 0 and self.watching:
            self.presenceDue.emit()

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
