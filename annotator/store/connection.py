"""Opening a project file: one way to turn a path into an SQLite connection, pragmas, write
transactions that wait for other writers, clear errors.

Every SQLite file the program touches (the project, its backups, export workers' read-only views)
is opened by :func:`open_sqlite`, so a name with ``#``, ``?``, ``%``, spaces or Arabic letters is
the same file everywhere. A second way of opening a path is how a restore once emptied a project.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import sqlite3
import time
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from annotator.errors import ProjectError

BUSY_TIMEOUT_S = 10.0
_RETRIES = 5


class Mode(Enum):
    """How a file is opened: read-only, read-write (it must exist), or created when missing."""

    READ = "ro"
    WRITE = "rw"
    CREATE = "rwc"


def sqlite_uri(path: Path, mode: Mode, *, immutable: bool = False) -> str:
    """The ``file:`` URI of ``path``: every character that means something in a URI is quoted."""
    text = path.absolute().as_posix()
    if not text.startswith("/"):  # a Windows drive: file:///C:/...
        text = "/" + text
    return f"file:{quote(text, safe='/:')}?mode={mode.value}" + (
        "&immutable=1" if immutable else ""
    )


def folder_writable(path: Path) -> bool:
    """Whether files can be made beside ``path`` (SQLite's -wal and -shm): not on a read-only
    mount or in a folder marked immutable, which stop root too."""
    return os.access(path.absolute().parent, os.W_OK)


def open_sqlite(path: Path, mode: Mode, *, timeout: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """Open ``path`` with SQLite; the only place in the program that calls ``sqlite3.connect``.

    ``Mode.READ`` and ``Mode.WRITE`` never create a file; a missing one is refused by SQLite.
    ``Mode.READ`` of a file in a folder nobody may write (a read-only mount, ``chattr +i``), where
    SQLite cannot make the shared-memory file a WAL reader needs, reads the file as immutable
    when no write-ahead log lies beside it: no program can be writing to it then.
    """
    conn = _connect(path, mode, timeout, immutable=False)
    if mode is Mode.READ and not _readable(conn) and not folder_writable(path):
        if Path(f"{path}-wal").exists():
            conn.close()
            raise ProjectError(
                "{path} is in a read-only folder beside a write-ahead log ({name}-wal) that cannot"
                " be read there; open it where it can be written once",
                path=str(path),
                name=path.name,
            )
        conn.close()
        conn = _connect(path, mode, timeout, immutable=True)
    return conn


JOURNALS = ("-wal", "-shm")  # the files SQLite makes beside a database in WAL mode
SHM_DMS_BYTE = 128  # SQLite unix VFS: UNIX_SHM_BASE (120) + SQLITE_SHM_NLOCK (8)
_open_here: dict[str, int] = {}  # connections this process has open, per real path


class _Connection(sqlite3.Connection):
    """A connection that, when closed, removes the -wal and -shm files a read-only opening made.

    SQLite makes them for any reader of a WAL database, and a reader may not delete them: without
    this, reading a project (``annotator.open``) or refusing a damaged one leaves two files
    beside the user's that were not there before. They are removed only when nobody else (no
    other connection of this process, no other process) has the database open and the log is empty.
    """

    key = ""
    made: tuple[Path, ...] = ()

    def close(self) -> None:
        super().close()
        if not self.key:
            return
        key, self.key = self.key, ""
        _open_here[key] -= 1
        if _open_here[key] == 0:
            del _open_here[key]
            if self.made:
                _remove_unused(Path(key), self.made)


_FD_FOLDERS = ("/proc/self/fd", "/dev/fd")  # this process's open descriptors (Linux, macOS)


def read_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of ``path``, without dropping this process's SQLite locks on it.

    Closing any descriptor of a file releases every POSIX lock the process holds on it, SQLite's
    included: a window whose locks were dropped looks closed to other programs, and the last of
    them to close the project deletes its write-ahead log while the window goes on writing into
    the deleted file (a restore from the window, then ``annotator stats``, lost every later edit).
    So a file this process already has open (SQLite's descriptor, same inode) is read through
    that descriptor, which is never closed here.
    """
    fd = _held_here(path)
    if fd is not None:
        return os.pread(fd, size, 0)
    with path.open("rb") as fh:
        return fh.read(size)


def _held_here(path: Path) -> int | None:
    """A descriptor this process has open on the file at ``path`` (same inode), if any."""
    st = path.stat()
    for folder in _FD_FOLDERS:
        if not os.path.isdir(folder):
            continue
        for name in os.listdir(folder):
            with contextlib.suppress(OSError, ValueError):
                fd = int(name)
                there = os.fstat(fd)
                if (there.st_dev, there.st_ino) == (st.st_dev, st.st_ino):
                    return fd
        break
    return None


def file_id(path: Path) -> tuple[int, int] | None:
    """The device and inode of ``path`` (None when it is gone): a file replaced gets another."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _remove_unused(path: Path, made: tuple[Path, ...]) -> None:
    wal = Path(f"{path}-wal")
    shm = Path(f"{path}-shm")
    with contextlib.suppress(OSError):
        if shm.exists() and _held_here(shm) is not None:
            return  # open here by another way (closing a test descriptor would drop its locks)
        if (wal in made and wal.stat().st_size) or opened_elsewhere(path):
            return
    for leftover in made:
        with contextlib.suppress(OSError):
            leftover.unlink()


def opened_elsewhere(path: Path) -> bool:
    """True when another process holds the database open (or when that cannot be told).

    Only call it when this process has no connection open to ``path``: the test lock is
    released by closing the file, which drops every lock this process holds on it.
    """
    try:
        import fcntl
    except ImportError:  # Windows: no way to tell, so assume it may be
        return True
    shm = Path(f"{path}-shm")
    if not shm.exists():
        return False
    try:
        fd = os.open(shm, os.O_RDWR)
    except OSError:
        return True
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DMS_BYTE, os.SEEK_SET)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def _connect(path: Path, mode: Mode, timeout: float, *, immutable: bool) -> sqlite3.Connection:
    key = str(path.resolve())
    before = {s: Path(f"{path}{s}").exists() for s in JOURNALS}
    try:
        conn = sqlite3.connect(
            sqlite_uri(path, mode, immutable=immutable),
            uri=True, timeout=timeout, check_same_thread=False, factory=_Connection,
        )  # fmt: skip
    except sqlite3.Error as exc:
        raise describe_error(path, exc) from exc
    assert isinstance(conn, _Connection)
    conn.key = key
    _open_here[key] = _open_here.get(key, 0) + 1
    if mode is Mode.READ and not immutable and _open_here[key] == 1:
        conn.made = tuple(Path(f"{path}{s}") for s, there in before.items() if not there)
    return conn


def _readable(conn: sqlite3.Connection) -> bool:
    """False only when SQLite cannot open what reading needs (other errors show at the caller)."""
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError as exc:
        return "unable to open" not in str(exc).lower()
    except sqlite3.Error:
        return True
    return True


def connect(path: Path, *, readonly: bool) -> Database:
    """Open ``path`` (an existing file) as an sqlite-utils Database with the project's pragmas.

    Edits are committed with ``synchronous = FULL``: what the window shows as done is on disk,
    power loss included (benchmarks/durability.py measures the cost per edit).
    """
    conn = open_sqlite(path, Mode.READ if readonly else Mode.WRITE)
    db = Database(conn, execute_plugins=False)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise describe_error(path, exc) from exc
    return db


def describe_error(path: Path, exc: sqlite3.Error) -> ProjectError:
    """Turn an SQLite error into a sentence an annotator can act on."""
    msg = str(exc).lower()
    if "malformed" in msg:
        return ProjectError(
            "{path} is damaged (cut short or corrupted) and cannot be read; restore a backup of"
            " it ({command} lists them)",
            path=str(path),
            command=f"annotator backups {shlex.quote(str(path))}",
        )
    if "not a database" in msg or "file is encrypted" in msg:
        return ProjectError(
            "{path} is not an annotator project (it is not an SQLite database)", path=str(path)
        )
    if "locked" in msg or "busy" in msg:
        return ProjectError(
            "{path} is busy: another program is writing to it; try again in a moment",
            path=str(path),
        )
    if "readonly" in msg or "read-only" in msg:
        return ProjectError("{path} is read-only here: changes cannot be saved", path=str(path))
    if "disk is full" in msg or "database or disk is full" in msg:
        return ProjectError(
            "{path}: the disk is full; free some space and try again", path=str(path)
        )
    if "unable to open" in msg:
        return ProjectError(
            "{path} cannot be opened (check that the folder exists and is writable)", path=str(path)
        )
    return ProjectError(
        "{path}: the project file could not be used ({why})", path=str(path), why=str(exc)
    )


def begin_immediate(db: Database, path: Path, *, retries: int = _RETRIES) -> None:
    """Take the write lock (``BEGIN IMMEDIATE``), waiting for other writers; refuse when busy."""
    for attempt in range(retries):
        try:
            db.conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise describe_error(path, exc) from exc
            if attempt == retries - 1:
                raise describe_error(path, exc) from exc
            time.sleep(0.2 * (attempt + 1))


@contextlib.contextmanager
def write_transaction(db: Database, path: Path) -> Iterator[Database]:
    """One write transaction; waits for other writers instead of failing with 'database is locked'.

    ``BEGIN IMMEDIATE`` takes the write lock up front so SQLite's busy timeout applies (a deferred
    transaction that upgrades later can fail at once). Nested use becomes a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    begin_immediate(db, path)
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    try:
        db.conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise describe_error(path, exc) from exc
