"""The files a project keeps beside its own: SQLite's journals and the backups folder.

A folder import that walks the folder holding the project skips them (they are the project, not
articles), and an export never writes over them.
"""

from __future__ import annotations

from pathlib import Path

JOURNAL_SUFFIXES = ("-wal", "-shm", "-journal")
APPLICATION_ID = 0x414E4E4F  # "ANNO": the program's mark in every project file's header
SQLITE_MAGIC = b"SQLite format 3\x00"
_APPLICATION_ID_AT = 68  # where SQLite's header keeps PRAGMA application_id (4 bytes, big-endian)
BACKUPS_SUFFIX = ".backups"


def says_project(head: bytes) -> bool:
    """True when a file's first bytes are an SQLite header with this program's application id."""
    mark = head[_APPLICATION_ID_AT : _APPLICATION_ID_AT + 4]
    return head.startswith(SQLITE_MAGIC) and int.from_bytes(mark, "big") == APPLICATION_ID


def backups_folder(project: Path) -> Path:
    """``news.db.backups`` beside ``news.db``: backups and the notes of running imports and merges."""
    return project.with_name(project.name + BACKUPS_SUFFIX)


def is_own_file(project: Path, path: Path) -> bool:
    """True when ``path`` is the project file, one of its journals, or inside its backups folder."""
    proj = project.resolve()
    real = path.resolve()
    if real == proj or real in {Path(f"{proj}{s}") for s in JOURNAL_SUFFIXES}:
        return True
    return real.is_relative_to(backups_folder(proj))
