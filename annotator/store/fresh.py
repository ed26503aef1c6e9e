"""A project file that a failed command created is removed only while it is still nobody else's.

``annotator import`` creates the project when it does not exist; when the import then fails, the
empty file would be clutter. But another program may have opened it meanwhile (a window, a second
import waiting for the lock): then it is theirs too and stays. The check runs while this connection
still holds the write lock, so no other writer can slip in between the check and the removal:
- the file is the one created (same inode),
- no other connection has committed to it since (``PRAGMA data_version`` is unchanged),
- it has no documents,
- no other process has it open (they hold a read lock on the WAL index's "dead man switch" byte;
  a process only sees other processes' POSIX locks, so our own connection does not count).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from annotator.store.connection import opened_elsewhere


@dataclass(frozen=True)
class NewFile:
    """A project file just created by this process, as it was at birth."""

    path: Path
    inode: tuple[int, int]
    data_version: int


def note_new(db: Database, path: Path) -> NewFile:
    """Remember a newly created project file (call right after creating it)."""
    st = path.stat()
    version = int(db.execute("PRAGMA data_version").fetchone()[0])
    return NewFile(path, (st.st_dev, st.st_ino), version)


def remove_if_untouched(db: Database, new: NewFile) -> bool:
    """Inside the write transaction of a failed import: delete the file if it is still only ours.

    Returns True when the file was removed. The caller rolls back and closes the connection next.
    """
    path = new.path
    try:
        st = path.stat()
    except OSError:
        return False
    if (st.st_dev, st.st_ino) != new.inode:
        return False
    if int(db.execute("PRAGMA data_version").fetchone()[0]) != new.data_version:
        return False
    if db.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is not None:
        return False
    if opened_elsewhere(path):
        return False
    path.unlink()
    return True


def remove_leftovers(path: Path) -> None:
    """The WAL and index files of a removed project (SQLite usually deletes them on close)."""
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()
