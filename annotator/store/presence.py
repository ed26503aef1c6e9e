"""Which windows have which document open: so a second window on the same work can say so.

Each window registers itself (a random id, the annotator, the document, host and process) in
``open_windows`` and removes itself on close. A window killed (``kill -9``, a crash, a power cut)
cannot remove its row, so each window also holds a lock that dies with its process: an ``flock`` on
``window-<id>.lock`` in the project's backups folder, taken before its row is written. A row whose
lock can be taken belongs to a dead window: it is dropped with its lock file. Process ids cannot
tell (a killed process not yet reaped still answers; a sandboxed window in its own process
namespace has the pid another one had), so they are only the fallback for rows without a lock file
(a read-only folder, a system without ``flock``). A row of another host is trusted (a lock on a
network share may be taken locally without the other machine knowing) until it is older than
``FORGET_AFTER``. These rows are not edits: they are not in the change log and never
exported.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import sqlite3
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.model.projectfiles import backups_folder
from annotator.store.activity import alive
from annotator.store.base import ProjectBase, now

if sys.platform != "win32":
    import fcntl

log = logging.getLogger(__name__)

FORGET_AFTER = timedelta(hours=24)  # a window on another machine that never said goodbye
LOCK_PREFIX = "window-"
LOCK_SUFFIX = ".lock"


@dataclass(frozen=True)
class _Held:
    """The lock this process holds for one of its windows."""

    fd: int
    path: Path
    made_folder: bool  # the backups folder was made for it: removed with it while empty


_held: dict[str, _Held] = {}  # window id -> its lock, for the windows of this process


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


def lock_path(project: Path, window_id: str) -> Path:
    """Where the window ``window_id`` keeps the lock that says it is alive."""
    return backups_folder(project) / f"{LOCK_PREFIX}{window_id}{LOCK_SUFFIX}"


def _hold(project: Path, window_id: str) -> None:
    """Take this window's lock (nothing when the folder cannot have it: the pid then tells)."""
    if sys.platform == "win32" or window_id in _held:
        return
    path = lock_path(project, window_id)
    made = not path.parent.exists()
    fd = -1
    try:
        path.parent.mkdir(exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        log.info("no window lock in %s: %s", path.parent, exc)
        if fd >= 0:
            os.close(fd)
        return
    _held[window_id] = _Held(fd, path, made)


def _release(window_id: str) -> None:
    held = _held.pop(window_id, None)
    if held is None:
        return
    with contextlib.suppress(OSError):
        held.path.unlink()
    os.close(held.fd)
    if held.made_folder:
        with contextlib.suppress(OSError):  # only while still empty: nothing else is lost
            held.path.parent.rmdir()


def _lock_says(project: Path, window_id: str) -> bool | None:
    """True when the window's lock is held (it is alive), False when its lock file is there but
    free (it died: the file is removed), None when there is no lock to ask."""
    if window_id in _held:
        return True
    if sys.platform == "win32":
        return None
    path = lock_path(project, window_id)
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return None
    else:
        with contextlib.suppress(OSError):
            path.unlink()
        return False
    finally:
        os.close(fd)


class Presence(ProjectBase):
    """Registering this window, and listing the others."""

    def announce_window(self, window_id: str, annotator: str, doc_id: int | None) -> None:
        """Say that this window shows ``doc_id`` to ``annotator`` (silently nothing if read-only)."""
        if self.readonly:
            return
        _hold(self.path, window_id)  # before the row: a row never looks dead to a live window
        try:
            with self.transaction():
                self.db.execute(
                    "INSERT OR REPLACE INTO open_windows VALUES (?, ?, ?, ?, ?, ?)",
                    [window_id, annotator, doc_id, socket.gethostname(), os.getpid(), now()],
                )
        except (AnnotatorError, sqlite3.Error):
            pass  # busy or closed: telling others is a courtesy, never a reason to stop work

    def forget_window(self, window_id: str) -> None:
        """Remove this window's row, then its lock."""
        if self.readonly:
            return
        try:
            with self.transaction():
                self.db.execute("DELETE FROM open_windows WHERE id = ?", [window_id])
        except (AnnotatorError, sqlite3.Error):
            pass  # closed already (another window on the same project object)
        _release(window_id)

    def other_windows(self, window_id: str, annotator: str, doc_id: int) -> list[OpenWindow]:
        """Live windows other than this one where ``annotator`` has ``doc_id`` open."""
        cutoff = (datetime.now(UTC) - FORGET_AFTER).isoformat(timespec="milliseconds")
        rows = self.db.execute(
            "SELECT id, annotator, doc_id, host, pid, opened_at FROM open_windows"
            " WHERE id != ? AND annotator = ? AND doc_id = ? AND opened_at > ?",
            [window_id, annotator, doc_id, cutoff],
        ).fetchall()
        live: list[OpenWindow] = []
        dead: list[str] = []
        here = socket.gethostname()
        for wid, *rest in rows:
            other = OpenWindow(*rest)
            # another host's lock is only trusted to say "alive": a network share may take locks
            # locally without telling the other machine, and a live window would be dropped
            said = _lock_says(self.path, wid) if other.host == here else None
            if _alive(other.host, other.pid) if said is None else said:
                live.append(other)
            else:
                dead.append(wid)
        if dead and not self.readonly:
            try:
                with self.transaction():
                    for wid in dead:
                        self.db.execute("DELETE FROM open_windows WHERE id = ?", [wid])
            except (AnnotatorError, sqlite3.Error):
                pass  # busy: the next look drops them
        return live
