"""Backups a user can trust, and restoring one.

Backups live beside the project in ``<project>.backups/`` (they travel with it). Each is made with
SQLite's online backup API into a temporary name, checked (``integrity_check``, the documents
table), stamped inside with the time it was taken and a mark of the project's state, and only then
renamed to a ``.db`` name: a backup that fails (disk full, unwritable folder) leaves nothing listed.

Listing opens each file read-only and keeps only projects of a version this program reads; they are
ordered by the time recorded inside, never by file name. Another project's file in the folder is
not offered as a backup of this one (it is listed apart). A backup is skipped when nothing changed
since the newest one. Old ones are thinned by age within a size budget (see the constants), and
only backups this program wrote for this project are ever removed: its file name, the marks it
writes inside and the project's id all say so. Anything else in the folder is the user's.

Restoring validates the source, takes the project's write lock (refusing, with what is running, if
another program holds it), backs up the current state first, and then replaces the project's rows
with the backup's in one transaction: readers see the old state or the new one, ids are never
reused, and the restore can itself be undone from the before-restore backup.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from annotator.errors import ProjectError, Told, UsageError
from annotator.model.projectfiles import backups_folder
from annotator.store.activity import alive, running
from annotator.store.base import RESTORED_AT, now
from annotator.store.connection import Mode, describe_error, open_sqlite, sqlite_uri
from annotator.store.exchanges import PROJECT_ID
from annotator.store.identity import BACKUP, DOCUMENTS_TABLE, identify
from annotator.store.search import is_index_table, rebuild_index

log = logging.getLogger(__name__)

# Which backups are kept (newest first): the last KEEP_LAST; then the newest of each day for
# KEEP_DAILY_DAYS; then the newest of each week for KEEP_WEEKLY_WEEKS; the newest before-restore
# backup of the last day; all of it within BUDGET_BYTES (the newest backup is kept whatever its size).
KEEP_LAST = 5
KEEP_DAILY_DAYS = 7
KEEP_WEEKLY_WEEKS = 5
BUDGET_BYTES = 2 * 1024**3
RESTORE_WAIT_S = 5.0  # how long a restore waits for another writer before refusing
BEFORE_RESTORE = "before-restore"
ON_OPEN = "open"  # the reasons a backup is made, recorded inside it and in its file name
WHILE_WORKING = "timer"
PARTIAL_SUFFIX = ".partial"
# the names make_backup gives: 20261201-031500-123456[-reason][-1...].db
BACKUP_NAME = re.compile(r"\d{8}-\d{6}-\d{6}(-[a-z-]+?)?(-1)*\.db")
_META_KEYS = ("backup_at", "backup_reason", "backup_mark")
# Tables that describe running programs, not work: not part of a backup's state mark, and left as
# they are by a restore (the windows open now are still open).
RUNNING_STATE_TABLES = frozenset({"open_windows"})


@dataclass(frozen=True)
class Backup:
    """One validated backup: where it is, when it was taken (as recorded inside it), and why."""

    path: Path
    taken_at: datetime
    reason: str
    mark: str
    size: int
    new: bool = False  # made by this call (False: an existing backup already held this state)
    project_id: str | None = None  # the id of the project it is a copy of (None: not recorded)
    made_here: bool = False  # its name and the marks inside are those make_backup writes


@dataclass(frozen=True)
class BackupFolder:
    """What a project's backups folder holds: its backups (newest first), and other projects'
    files that are not backups of it (left alone, never offered for a restore by number)."""

    backups: list[Backup]
    others: list[Path]


def _work_tables(conn: sqlite3.Connection) -> list[str]:
    """The main database's tables that hold work (not SQLite's own, not running state), by name."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
        if r[0] not in RUNNING_STATE_TABLES and not is_index_table(r[0])
    ]


def state_mark(conn: sqlite3.Connection) -> str:
    """A cheap summary of the project's state: rows and highest row id of every table, the newest
    change-log entry. Any edit, import or restore changes it; equal marks mean nothing changed."""
    tables = _work_tables(conn)
    parts: dict[str, object] = {}
    for table in tables:
        if table == "meta":
            rows = conn.execute("SELECT key, value FROM meta ORDER BY key").fetchall()
            kept = json.dumps([r for r in rows if r[0] not in _META_KEYS], ensure_ascii=False)
            parts[table] = hashlib.sha256(kept.encode("utf-8")).hexdigest()
            continue
        try:
            parts[table] = list(
                conn.execute(f'SELECT count(*), max(rowid) FROM "{table}"').fetchone()
            )
        except sqlite3.OperationalError:  # a WITHOUT ROWID table
            parts[table] = list(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone())
    if "changelog" in tables:
        parts["changelog_at"] = conn.execute("SELECT max(at) FROM changelog").fetchone()[0]
    return json.dumps(parts, sort_keys=True, ensure_ascii=False)


def _read_backup(path: Path) -> Backup:
    """Validate a backup cheaply (identity, version, documents table) and read its record."""
    identify(path, role=BACKUP)
    conn = open_sqlite(path, Mode.READ)
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        taken = meta.get("backup_at")
        if taken is None:  # made by an earlier version: its newest change is the best time known
            row = conn.execute("SELECT max(at) FROM changelog").fetchone()
            taken = row[0] if row and row[0] else meta.get("created_at")
        if taken is None:
            raise ProjectError("{path} does not say when it was taken", path=str(path))
        when = datetime.fromisoformat(taken)
        return Backup(
            path,
            when if when.tzinfo else when.replace(tzinfo=UTC),
            meta.get("backup_reason", ""),
            meta.get("backup_mark", ""),
            path.stat().st_size,
            project_id=meta.get(PROJECT_ID),
            made_here=bool(BACKUP_NAME.fullmatch(path.name))
            and all(key in meta for key in _META_KEYS),
        )
    except (sqlite3.Error, ValueError) as exc:
        raise ProjectError(
            "{path} is not a usable backup ({why})", path=str(path), why=str(exc)
        ) from exc
    finally:
        conn.close()


def list_backups(project: Path) -> list[Backup]:
    """The project's usable backups, newest first (by the time recorded inside each)."""
    return scan_backups(project).backups


def scan_backups(project: Path) -> BackupFolder:
    """The project's usable backups, newest first, and the other projects' files beside them.

    A file recording another project's id is not a backup of this one, nor one recording none
    that this program did not write (by its name and marks: backups taken before projects
    recorded their id). Neither is ever removed by a prune.
    """
    folder = backups_folder(project)
    if not folder.is_dir():
        return BackupFolder([], [])
    ours = _project_id_of(project) if project.is_file() else None
    found, others = [], []
    for path in folder.iterdir():
        if path.suffix != ".db" or not path.is_file():
            continue
        try:
            backup = _read_backup(path)
        except (ProjectError, OSError) as exc:  # not a backup, or removed meanwhile by a prune
            log.info("not listed as a backup: %s", exc)
            continue
        if backup.project_id == ours or (backup.project_id is None and backup.made_here):
            found.append(backup)
        else:
            others.append(path)
    return BackupFolder(sorted(found, key=lambda b: b.taken_at, reverse=True), sorted(others))


def make_backup(project: Path, *, reason: str = "") -> Backup:
    """Back up the committed state of ``project``; skipped when nothing changed since the newest
    backup (which is then returned). Prunes old backups afterwards.

    The copy is read through its own read-only connection: it sees what is committed, never
    waits for a writer (WAL), and works while the caller holds the write lock.
    Raises ProjectError (nothing listed, nothing left behind) when the backup cannot be written.
    """
    conn = open_sqlite(project, Mode.READ)
    try:
        return _make_backup(conn, project, reason)
    finally:
        conn.close()


def _make_backup(conn: sqlite3.Connection, project: Path, reason: str) -> Backup:
    conn.execute("BEGIN")  # one snapshot for the mark and the copy
    mark = state_mark(conn)
    existing = list_backups(project)
    if existing and existing[0].mark == mark:
        return existing[0]
    folder = backups_folder(project)
    _remove_leftovers(folder)
    taken = datetime.now(UTC)
    stamp = taken.strftime("%Y%m%d-%H%M%S-%f")
    temp = folder / f".{stamp}-{os.getpid()}{PARTIAL_SUFFIX}"
    try:
        folder.mkdir(exist_ok=True)
        _copy_checked(conn, temp, taken, reason, mark)
        target = folder / f"{stamp}{'-' + reason if reason else ''}.db"
        while target.exists():  # never replace a file, even one of ours
            target = target.with_name(target.stem + "-1.db")
        os.replace(temp, target)
        _fsync_dir(folder)
    except (OSError, sqlite3.Error, ProjectError) as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        detail: object = exc.told if isinstance(exc, ProjectError) else str(exc)
        if isinstance(exc, OSError) and exc.strerror:
            detail = exc.strerror
        raise ProjectError(
            "the backup of {project} could not be written ({why}); the project is unchanged",
            project=str(project), why=detail,
        ) from exc  # fmt: skip
    made = Backup(target, taken, reason, mark, target.stat().st_size, new=True)
    prune(project)
    return made


def _remove_leftovers(folder: Path) -> None:
    """Remove partial copies this program left when a process making them was killed (a partial
    name carries its maker's process id; a live maker's copy is left alone)."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        name = path.name
        for journal in ("-wal", "-shm", "-journal"):
            name = name.removesuffix(journal)
        if not (name.startswith(".") and name.endswith(PARTIAL_SUFFIX)):
            continue
        try:
            pid = int(name[: -len(PARTIAL_SUFFIX)].rsplit("-", 1)[1])
        except (IndexError, ValueError):
            continue
        if pid != os.getpid() and not alive(pid):
            with contextlib.suppress(OSError):
                path.unlink()
                log.info("removed %s, left by a process that was stopped", path)


def _copy_checked(
    conn: sqlite3.Connection, temp: Path, taken: datetime, reason: str, mark: str
) -> None:
    dest = open_sqlite(temp, Mode.CREATE)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        dest.executemany(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [("backup_at", taken.isoformat()), ("backup_reason", reason), ("backup_mark", mark)],
        )
        dest.commit()
        _check_integrity(dest, temp)
    finally:
        dest.close()
    with temp.open("rb+") as fh:
        os.fsync(fh.fileno())


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if DOCUMENTS_TABLE not in tables:
        raise ProjectError(
            "{path} has no documents table; it is not a project backup", path=str(path)
        )
    ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
    if ok != "ok":
        raise ProjectError(
            "{path} is damaged ({why}); choose another backup", path=str(path), why=ok
        )


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def to_keep(backups: list[Backup], when: datetime) -> list[Backup]:
    """The backups the policy keeps (``backups`` newest first), newest first."""
    keep: list[Backup] = []
    buckets: set[tuple[str, object]] = set()
    before_restore_kept = False
    for i, b in enumerate(backups):
        age = when - b.taken_at
        wanted = i < KEEP_LAST
        if b.reason == BEFORE_RESTORE and not before_restore_kept and age < timedelta(days=1):
            wanted = before_restore_kept = True
        if age < timedelta(days=KEEP_DAILY_DAYS):
            bucket: tuple[str, object] = ("day", b.taken_at.date())
        elif age < timedelta(weeks=KEEP_WEEKLY_WEEKS):
            bucket = ("week", b.taken_at.isocalendar()[:2])
        else:
            bucket = ("old", None)
        if bucket[0] != "old" and bucket not in buckets:
            buckets.add(bucket)
            wanted = True
        if wanted:
            keep.append(b)
    total, within = 0, []
    for i, b in enumerate(keep):
        total += b.size
        if i == 0 or total <= BUDGET_BYTES:
            within.append(b)
    return within


def prune(project: Path) -> list[Path]:
    """Remove the backups the policy no longer keeps: only ones this program wrote for this
    project (its name, its marks inside, the project's id), never another file in the folder."""
    ours = _project_id_of(project)
    found = [b for b in list_backups(project) if b.made_here and ours and b.project_id == ours]
    kept = {b.path for b in to_keep(found, datetime.now(UTC))}
    removed = []
    for b in found:
        if b.path not in kept:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    return removed


def check_backup(path: Path) -> None:
    """Refuse a file that is not an intact backup of a project this program reads."""
    _read_backup(path)
    conn = open_sqlite(path, Mode.READ)
    try:
        _check_integrity(conn, path)
    except sqlite3.Error as exc:
        raise describe_error(path, exc) from exc
    finally:
        conn.close()


def _project_id_of(path: Path) -> str | None:
    """The id a project file records (None: made before projects recorded one)."""
    conn = open_sqlite(path, Mode.READ)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [PROJECT_ID]).fetchone()
    except sqlite3.Error as exc:
        raise describe_error(path, exc) from exc
    finally:
        conn.close()
    return None if row is None else str(row[0])


def _check_same_project(project: Path, ours: str, source: Path) -> None:
    """Refuse a file of another project (or one that cannot say, outside the project's backups)."""
    theirs = _project_id_of(source)
    if theirs == ours:
        return
    if theirs is None and source.resolve().parent == backups_folder(project).resolve():
        return  # one of its own backups, taken before projects recorded their id
    if theirs is None:
        raise ProjectError(
            "{source} is not a backup of {project} (it does not say which project it is of);"
            " nothing was restored (to replace {name} with it all the same, add --another-project)",
            source=source, project=project, name=project.name,
        )  # fmt: skip
    raise ProjectError(
        "{source} is not a backup of {project} (it is another project's file); nothing was"
        " restored (to replace {name} with it all the same, add --another-project)",
        source=source, project=project, name=project.name,
    )  # fmt: skip


def restore_backup(
    project: Path, source: Path, *, wait: float = RESTORE_WAIT_S, another_project: bool = False
) -> Backup:
    """Replace the project's content with ``source``; returns the backup of the state before.

    ``source`` must be of the same project (its recorded id) unless ``another_project``; the
    project keeps its own id either way."""
    from annotator.store.project import Project

    if not source.is_file():  # a mistyped name: bad usage (exit 2), the project is fine
        raise UsageError(
            "{source} does not exist (list them with: annotator backups {project})",
            source=str(source), project=str(project),
        )  # fmt: skip
    check_backup(source)
    if source.resolve() == project.resolve():
        raise ProjectError(
            "{source} is the project itself; choose one of its backups", source=str(source)
        )
    folder = backups_folder(project)
    temp = folder / f".restore-{os.getpid()}{PARTIAL_SUFFIX}"  # (same pattern: cleaned if killed)
    with Project.open(project) as target:
        if target.readonly:
            raise ProjectError(
                "{project} is read-only here: it cannot be restored", project=str(project)
            )
        ours = target.project_id()
        if not another_project:
            _check_same_project(project, ours, source)
        try:
            folder.mkdir(exist_ok=True)
            src = open_sqlite(source, Mode.READ)
            dest = open_sqlite(temp, Mode.CREATE)
            try:
                src.backup(dest)
            finally:
                src.close()
                dest.close()
            Project.open(temp).close()  # brings an older backup to this program's schema
            return _replace_rows(target.db.conn, project, source, temp, wait, ours)
        except OSError as exc:
            raise ProjectError(
                "{project} could not be restored ({why})", project=str(project), why=exc.strerror
            ) from exc
        finally:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{temp}{suffix}").unlink(missing_ok=True)


def _replace_rows(
    conn: sqlite3.Connection, project: Path, source: Path, temp: Path, wait: float, ours: str
) -> Backup:
    conn.execute("ATTACH DATABASE ? AS src", [sqlite_uri(temp, Mode.READ)])
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _busy(project) from exc
        try:
            before = make_backup(project, reason=BEFORE_RESTORE)
            conn.execute("PRAGMA defer_foreign_keys = ON")
            tables = _work_tables(conn)
            for table in tables:
                conn.execute(f'DELETE FROM main."{table}"')
            for table in tables:
                theirs = {r[1] for r in conn.execute(f'PRAGMA src.table_info("{table}")')}
                cols = ", ".join(
                    f'"{r[1]}"'
                    for r in conn.execute(f'PRAGMA main.table_info("{table}")')
                    if r[1] in theirs
                )
                if cols:
                    conn.execute(
                        # OR REPLACE: a row a trigger made while an earlier table was copied
                        # (a layer's kind) gives way to the backup's own
                        f'INSERT OR REPLACE INTO main."{table}" ({cols})'
                        f' SELECT {cols} FROM src."{table}"'
                    )
            rebuild_index(conn)
            conn.execute(
                f"DELETE FROM main.meta WHERE key IN ({', '.join('?' for _ in _META_KEYS)})",
                _META_KEYS,
            )
            conn.executemany(  # open windows see it and drop their undo history (edits of before)
                "INSERT OR REPLACE INTO main.meta (key, value) VALUES (?, ?)",
                [(RESTORED_AT, f"{now()} {os.getpid()}"), (PROJECT_ID, ours)],  # still this project
            )
            conn.execute(
                "INSERT INTO main.changelog (at, annotator, action, doc_id, detail)"
                " VALUES (?, '', 'restore', NULL, ?)",
                [now(), json.dumps({"from": source.name, "before": before.path.name})],
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return before
    except sqlite3.Error as exc:
        raise describe_error(project, exc) from exc
    finally:
        conn.execute("DETACH DATABASE src")


def _busy(project: Path) -> ProjectError:
    writers: Told | None = None
    for a in running(project):
        writer = Told(
            "{what} (process {pid}, since {since} UTC)",
            {"what": Told(a.what), "pid": a.pid, "since": a.since[11:19]},
        )
        writers = (
            writer
            if writers is None
            else Told("{one} and {other}", {"one": writers, "other": writer})
        )
    return ProjectError(
        "{project} is being written by {what}; nothing was restored: try again when it has finished",
        project=str(project), what=writers or Told("a window or another command"),
    )  # fmt: skip
