"""The window's backup policy and restore flow.

A rolling backup every ten minutes while something changed (the one at open is made in launch);
restoring asks which backup, replaces the project with it (the state before is backed up first,
see annotator.store.backup) and reopens the document that was open.

Signals:
    restored(): the project was replaced; lists and counters must be read again.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from annotator.errors import AnnotatorError
from annotator.store.backup import (
    BEFORE_RESTORE,
    ON_OPEN,
    WHILE_WORKING,
    Backup,
    list_backups,
    restore_backup,
)
from annotator.text.bidi import isolate
from annotator.ui import counts
from annotator.ui.errortext import explain
from annotator.ui.session import Session
from annotator.ui.widgets.plain import inform, warn

BACKUP_EVERY_MS = 10 * 60 * 1000


class Backups(QObject):
    """Backs the session's project up while it changes, and restores a chosen backup."""

    restored = Signal()

    def __init__(self, session: Session, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.window = window  # the parent of the questions and warnings
        self._backed_up = session.project.last_change()
        self.timer = QTimer(self)
        self.timer.setInterval(BACKUP_EVERY_MS)
        self.timer.timeout.connect(self.backup_if_changed)
        if not session.readonly:
            self.timer.start()

    def backup_if_changed(self) -> Path | None:
        """A backup when something changed since the last one; its path (None: none made)."""
        project = self.session.project
        if project.readonly or project.last_change() == self._backed_up:
            return None
        try:
            path = project.backup(WHILE_WORKING).path
        except (OSError, AnnotatorError) as exc:
            self.session.message.emit(self.tr("Backup failed: {0}").format(exc))
            return None
        self._backed_up = project.last_change()
        return path

    def describe(self, backup: Backup) -> str:
        """A backup as the restore list shows it: when it was taken (local time), and why."""
        when = isolate(backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), "ltr")
        why = {
            ON_OPEN: self.tr("when the project was opened"),
            BEFORE_RESTORE: self.tr("before a restore (the state it replaced)"),
            WHILE_WORKING: self.tr("while working (every {0})").format(
                counts.minutes(BACKUP_EVERY_MS // 60_000)
            ),
        }.get(backup.reason, "")
        return self.tr("{0} — {1}").format(when, why) if why else when

    def restore(self, choice: str | None = None) -> None:
        """Replace the project with one of its backups (``choice``: its file name; None asks)."""
        s = self.session
        project = s.project
        found = list_backups(project.path)
        if not found:
            inform(self.window, self.tr("This project has no backups yet."))
            return
        if choice is None:
            entries = [self.describe(b) for b in found]  # newest first
            picked, ok = QInputDialog.getItem(
                self.window, self.tr("Restore a backup"), self.tr("Backup:"), entries, 0, False
            )
            if not ok or picked not in entries:
                return
            choice = found[entries.index(picked)].path.name
        try:
            before = restore_backup(
                project.path, project.path.with_name(project.path.name + ".backups") / choice
            )
        except AnnotatorError as exc:
            warn(self.window, explain(exc))
            return
        s.replaced_by_backup()  # the edits on the stack belong to the replaced state
        project._last_doc = None
        first = s.document.id if s.document else None
        self.restored.emit()
        if first is not None:
            with contextlib.suppress(AnnotatorError):  # the document may not exist in the backup
                s.open_document(first)
        s.message.emit(
            self.tr("Restored; the state before is kept as {0}.").format(before.path.name)
        )
