"""Opening a project file: pragmas, write transactions that wait for other writers, clear errors."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from annotator.errors import ProjectError

BUSY_TIMEOUT_S = 10.0
_RETRIES = 5


def connect(path: Path, *, readonly: bool) -> Database:
    """Open ``path`` as an sqlite-utils Database with the project's pragmas."""
    if readonly:
        uri = f"file:{quote(str(path.absolute()))}?mode=ro"  # '#', '?', '%' in names stay literal
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    db = Database(conn, execute_plugins=False)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise describe_error(path, exc) from exc
    return db


def describe_error(path: Path, exc: sqlite3.Error) -> ProjectError:
    """Turn an SQLite error into a sentence an annotator can act on."""
    msg = str(exc).lower()
    if "not a database" in msg or "malformed" in msg or "file is encrypted" in msg:
        return ProjectError(f"{path} is not an annotator project (it is not an SQLite database)")
    if "locked" in msg or "busy" in msg:
        return ProjectError(
            f"{path} is busy: another program is writing to it; try again in a moment"
        )
    if "readonly" in msg or "read-only" in msg:
        return ProjectError(f"{path} is read-only here: changes cannot be saved")
    if "unable to open" in msg:
        return ProjectError(
            f"{path} cannot be opened (check that the folder exists and is writable)"
        )
    return ProjectError(f"{path}: the project file could not be used ({exc})")


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
    for attempt in range(_RETRIES):
        try:
            db.conn.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise describe_error(path, exc) from exc
            if attempt == _RETRIES - 1:
                raise describe_error(path, exc) from exc
            time.sleep(0.2 * (attempt + 1))
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
