"""Rolling backups of a project file with SQLite's backup API, and restoring one.

Backups live beside the project in ``<project>.backups/`` (they travel with it) and are named by
time; the newest ``keep`` are kept. A backup is a consistent copy even while the project is open
and being written. Restoring first backs up the current state, so a restore can be undone.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from annotator.errors import ProjectError

KEEP = 10


def backup_dir(project: Path) -> Path:
    return project.with_name(project.name + ".backups")


def list_backups(project: Path) -> list[Path]:
    """Backups of ``project``, newest first."""
    folder = backup_dir(project)
    return sorted(folder.glob("*.db"), reverse=True) if folder.is_dir() else []


def make_backup(
    conn: sqlite3.Connection, project: Path, *, keep: int = KEEP, reason: str = ""
) -> Path:
    """Copy the open database ``conn`` of ``project`` into a new backup; prune old ones."""
    folder = backup_dir(project)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{project.stem}-{stamp}{'-' + reason if reason else ''}.db"
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    for old in list_backups(project)[keep:]:
        old.unlink(missing_ok=True)
    return target


def check_file(path: Path) -> None:
    """Refuse a file that is not an intact SQLite database."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = con.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path} is not a usable backup ({exc})") from exc
    if ok != "ok":
        raise ProjectError(f"{path} is damaged ({ok}); choose another backup")


def restore_backup(project: Path, backup: Path) -> Path:
    """Replace the project's content with ``backup``; returns the backup made of the state before."""
    if not backup.is_file():
        raise ProjectError(f"{backup} does not exist (list them with: annotator backups {project})")
    check_file(backup)
    conn = sqlite3.connect(project, timeout=10)
    try:
        before = make_backup(conn, project, reason="before-restore")
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            source.backup(conn)
        finally:
            source.close()
    finally:
        conn.close()
    return before
