"""Is this file a project of ours, of a version we read? Answered read-only, before any write.

A project says what it is in its SQLite header: ``PRAGMA application_id`` holds
:data:`APPLICATION_ID` and ``PRAGMA user_version`` the number of migrations applied. Projects made
before the id existed are recognised by their tables and migration record (the migration
``0003_project_identity`` then writes the id). Anything else (an empty file, a text file, another
application's database) is refused without being opened for writing: no WAL switch, no new file.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from annotator import __version__
from annotator.errors import ProjectError
from annotator.model.projectfiles import APPLICATION_ID, SQLITE_MAGIC
from annotator.store.connection import Mode, describe_error, open_sqlite, read_head
from annotator.store.migrations import MIGRATION_SET, known_names

DOCUMENTS_TABLE = "documents"


def schema_version() -> int:
    """The schema version this program writes (``user_version``): how many migrations it knows."""
    return len(known_names())


# what identify() calls the file it refuses
PROJECT = "project"
BACKUP = "backup"


@dataclass(frozen=True)
class Identity:
    """What the header and tables of a project file say about it."""

    version: int
    pending: tuple[str, ...]  # migrations this program would apply on opening it for writing
    legacy: bool  # made before the application id was written


def identify(path: Path, *, role: str = PROJECT) -> Identity:
    """Check read-only that ``path`` is a project this program can read; refuse it otherwise.

    ``role`` names the file in the sentences (PROJECT or BACKUP).
    """
    if not path.exists():
        raise ProjectError("{path} does not exist", path=str(path))
    if path.is_dir():
        raise ProjectError(
            "{path} is a folder, not a backup file"
            if role == BACKUP
            else "{path} is a folder, not a project file",
            path=str(path),
        )
    try:
        head = read_head(path, len(SQLITE_MAGIC))
    except OSError as exc:
        raise ProjectError(
            "{path} cannot be read ({why})", path=str(path), why=exc.strerror
        ) from exc
    if not head:
        raise ProjectError(
            "{path} is empty: it is not an annotator backup"
            if role == BACKUP
            else "{path} is empty: it is not an annotator project",
            path=str(path),
        )
    if head != SQLITE_MAGIC:
        raise ProjectError(
            "{path} is not an annotator backup (it is not an SQLite database)"
            if role == BACKUP
            else "{path} is not an annotator project (it is not an SQLite database)",
            path=str(path),
        )
    conn = open_sqlite(path, Mode.READ)
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        applied: list[str] = []
        if "_sqlite_migrations" in tables:
            applied = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                    [MIGRATION_SET],
                )
            ]
    except sqlite3.Error as exc:
        raise describe_error(path, exc) from exc
    finally:
        conn.close()
    if app_id not in (0, APPLICATION_ID):
        raise ProjectError(
            "{path} belongs to another application; it is not an annotator backup"
            if role == BACKUP
            else "{path} belongs to another application; it is not an annotator project",
            path=str(path),
        )
    if app_id == 0 and (DOCUMENTS_TABLE not in tables or not applied):
        raise ProjectError(
            "{path} is an SQLite file but not an annotator backup"
            if role == BACKUP
            else "{path} is an SQLite file but not an annotator project",
            path=str(path),
        )
    if DOCUMENTS_TABLE not in tables:
        raise ProjectError("{path} is damaged: it has no documents table", path=str(path))
    known = known_names()
    unknown = [n for n in applied if n not in known]
    if unknown or version > len(known):
        newest = unknown[-1] if unknown else f"schema version {version}"
        raise ProjectError(
            "{path} was written by a newer version of annotator (it has {newest}); update"
            " annotator {version} to open it",
            path=str(path),
            newest=newest,
            version=__version__,
        )
    pending = tuple(n for n in known if n not in applied)
    return Identity(version, pending, legacy=app_id == 0)
