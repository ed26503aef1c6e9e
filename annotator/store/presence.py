"""Which windows have which document open: so a second window on the same work can say so.

Each window registers itself (a random id, the annotator, the document, host and process) in
``open_windows`` and removes itself on close. A row left by a window that died is ignored when its
process is gone (same host) or when it is older than ``FORGET_AFTER``. These rows are not edits:
they are not in the change log and never exported.
"""

from __future__ import annotations

import os
import socket
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from annotator.errors import AnnotatorError
from annotator.store.activity import alive
from annotator.store.base import ProjectBase, now

FORGET_AFTER = timedelta(hours=24)  # a window on another machine that never said goodbye


@dataclass(frozen=True)
class OpenWindow:
    """Another window on a project."""

    annotator: str
    doc_id: int | None
    host: str
    pid: int
    since: str


def _alive(host: str, pid: int) -> bool:
    if host != socket.gethostname():
        return True  # cannot look: trust the row (until FORGET_AFTER)
    return alive(pid)


class Presence(ProjectBase):
    """Registering this window, and listing the others."""

    def announce_window(self, window_id: str, annotator: str, doc_id: int | None) -> None:
        """Say that this window shows ``doc_id`` to ``annotator`` (silently nothing if read-only)."""
        if self.readonly:
            return
        try:
            with self.transaction():
                self.db.execute(
                    "INSERT OR REPLACE INTO open_windows VALUES (?, ?, ?, ?, ?, ?)",
                    [window_id, annotator, doc_id, socket.gethostname(), os.getpid(), now()],
                )
        except (AnnotatorError, sqlite3.Error):
            pass  # busy or closed: telling others is a courtesy, never a reason to stop work

    def forget_window(self, window_id: str) -> None:
        if self.readonly:
            return
        try:
            with self.transaction():
                self.db.execute("DELETE FROM open_windows WHERE id = ?", [window_id])
        except (AnnotatorError, sqlite3.Error):
            pass  # closed already (another window on the same project object)

    def other_windows(self, window_id: str, annotator: str, doc_id: int) -> list[OpenWindow]:
        """Live windows other than this one where ``annotator`` has ``doc_id`` open."""
        cutoff = (datetime.now(UTC) - FORGET_AFTER).isoformat(timespec="milliseconds")
        rows = self.db.execute(
            "SELECT annotator, doc_id, host, pid, opened_at FROM open_windows"
            " WHERE id != ? AND annotator = ? AND doc_id = ? AND opened_at > ?",
            [window_id, annotator, doc_id, cutoff],
        ).fetchall()
        return [OpenWindow(*row) for row in rows if _alive(row[2], row[3])]
