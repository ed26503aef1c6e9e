"""The files a project keeps beside its own: SQLite's journals and the backups folder.

A folder import that walks the folder holding the project skips them (they are the project, not
articles), and an export never writes over them.
"""

from __future__ import annotations

from pathlib import Path

JOURNAL_SUFFIXES = ("-wal", "-shm", "-journal")
BACKUPS_SUFFIX = ".backups"


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
