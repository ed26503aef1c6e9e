"""Backups a user can trust: made whole or not at all, validated, ordered by the time inside them,
thinned by age, and a restore that checks its source, waits for (or names) a running import and can
itself be undone. Each test tries to break one promise the way an ordinary user would."""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from annotator.errors import ProjectError
from annotator.model.document import DocumentRecord
from annotator.model.projectfiles import backups_folder
from annotator.model.schema import default_schema
from annotator.store import Project
from annotator.store.backup import (
    BUDGET_BYTES,
    KEEP_DAILY_DAYS,
    KEEP_LAST,
    KEEP_WEEKLY_WEEKS,
    Backup,
    list_backups,
    make_backup,
    restore_backup,
    to_keep,
)
from annotator.store.identity import schema_version
from tests.test_cli import run

ROOT = Path(__file__).resolve().parents[1]


def _project(path: Path, *ext_ids: str) -> Path:
    with Project.create(path, default_schema()) as p:
        p.add_documents([DocumentRecord(e, "t", f"نص المقال {e}") for e in ext_ids or ("d1",)])
    return path


def _add(path: Path, ext_id: str) -> None:
    with Project.open(path) as p:
        p.add_documents([DocumentRecord(ext_id, "t", f"نص المقال {ext_id}")])


def _ids(path: Path) -> list[str]:
    with Project.open(path, readonly=True) as p:
        return [d.ext_id for d in p.documents()]


def _siblings(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


@pytest.mark.parametrize(
    ("folder", "name"),
    [("my #1 folder", "news?v2.db"), ("أخبار ?x", "مشروع #3.db"), ("50%20", "a%3Fb #.db")],
)
def test_restore_with_odd_characters_in_folder_and_file_names(
    tmp_path: Path, folder: str, name: str
) -> None:
    (tmp_path / folder).mkdir()
    db = _project(tmp_path / folder / name, "d1")
    assert "Backed up" in run("backups", str(db), "--now").stdout
    _add(db, "d2")
    result = run("restore", str(db), "1")
    assert result.returncode == 0, result.stderr
    assert _ids(db) == ["d1"]  # the backup's content, not an empty file opened by mistake
    # the restore is undone from the backup it made, with the command it printed
    hint = result.stdout.split("to undo the restore: ")[1].rstrip(").\n")
    assert shlex.split(hint)[:2] == ["annotator", "restore"]
    undo = run(*shlex.split(hint)[1:])
    assert undo.returncode == 0, undo.stderr
    assert _ids(db) == ["d1", "d2"]


@pytest.mark.parametrize("kind", ["empty", "text", "foreign", "newer", "truncated", "itself"])
def test_bad_backups_are_neither_listed_nor_restored(tmp_path: Path, kind: str) -> None:
    db = _project(tmp_path / "p.db", "d1", "d2")
    good = make_backup(db)
    folder = backups_folder(db)
    bad = folder / f"zzzz-{kind}.db"
    if kind == "empty":
        bad.write_bytes(b"")
    elif kind == "text":
        bad.write_text("not a database " * 100)
    elif kind == "foreign":
        con = sqlite3.connect(bad)
        con.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY)")
        con.commit()
        con.close()
    elif kind == "newer":
        shutil.copy(good.path, bad)
        con = sqlite3.connect(bad)
        con.execute(f"PRAGMA user_version = {schema_version() + 1}")
        con.commit()
        con.close()
    elif kind == "truncated":
        data = good.path.read_bytes()
        bad.write_bytes(data[: len(data) // 2])
    else:
        bad = db
    assert [b.path for b in list_backups(db)] == [good.path]
    before = db.read_bytes()
    result = run("restore", str(db), str(bad))
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and str(bad.name) in result.stderr
    assert _ids(db) == ["d1", "d2"]
    assert db.read_bytes() == before or _ids(db) == ["d1", "d2"]
    assert len(list_backups(db)) == 1  # a refused restore made no before-restore backup


def test_backups_are_ordered_by_the_time_inside_not_the_name(tmp_path: Path) -> None:
    db = _project(tmp_path / "zeta.db", "d1")
    first = make_backup(db)
    _add(db, "d2")
    second = make_backup(db)
    # a user renames the older backup so that its name sorts last
    renamed = first.path.with_name("zzzz-newest-looking.db")
    first.path.rename(renamed)
    assert [b.path for b in list_backups(db)] == [second.path, renamed]
    # renaming the project (and its folder) keeps the order and the rotation
    moved = tmp_path / "aaa.db"
    db.rename(moved)
    backups_folder(db).rename(backups_folder(moved))
    _add(moved, "d3")
    third = make_backup(moved)
    assert list_backups(moved)[0].path == third.path
    assert run("restore", str(moved), "1").returncode == 0  # before-restore: unchanged, so 'third'
    assert _ids(moved) == ["d1", "d2", "d3"]
    assert run("restore", str(moved), "2").returncode == 0
    assert _ids(moved) == ["d1", "d2"]


def test_no_new_backup_when_nothing_changed(tmp_path: Path) -> None:
    db = _project(tmp_path / "p.db")
    made = make_backup(db)
    assert made.new
    again = make_backup(db)
    assert not again.new and again.path == made.path
    assert "Nothing changed" in run("backups", str(db), "--now").stdout
    assert len(list_backups(db)) == 1
    with Project.open(db) as p:
        p.ensure_annotator("layla")
        p.set_status(p.find_document("d1").id, "layla", "done")
    assert make_backup(db).new


def _fake(day: float, size: int = 1000, reason: str = "") -> Backup:
    when = datetime(2026, 6, 30, 12, tzinfo=UTC) - timedelta(days=day)
    return Backup(Path(f"{day}.db"), when, reason, str(day), size)


def test_the_keeping_policy_thins_by_age_within_the_budget() -> None:
    now = datetime(2026, 6, 30, 12, 30, tzinfo=UTC)
    hourly = [_fake(h / 24) for h in range(24 * 60)]  # one an hour for sixty days
    kept = to_keep(hourly, now)
    assert kept[:KEEP_LAST] == hourly[:KEEP_LAST]
    days = {b.taken_at.date() for b in kept if now - b.taken_at < timedelta(days=KEEP_DAILY_DAYS)}
    assert len(days) >= KEEP_DAILY_DAYS
    assert max(now - b.taken_at for b in kept) < timedelta(weeks=KEEP_WEEKLY_WEEKS)
    assert len(kept) <= KEEP_LAST + KEEP_DAILY_DAYS + KEEP_WEEKLY_WEEKS + 1
    # within the budget, but the newest is kept whatever its size
    big = [_fake(d, BUDGET_BYTES // 3) for d in range(5)]
    assert len(to_keep(big, now)) == 3
    assert to_keep([_fake(0, BUDGET_BYTES * 2)], now) == [_fake(0, BUDGET_BYTES * 2)]
    # the newest before-restore backup of the day survives a burst of later backups
    burst = [_fake(i / 1000) for i in range(20)]
    burst[10] = replace(burst[10], reason="before-restore")
    assert burst[10] in to_keep(burst, now)


def test_rotation_only_removes_validated_backups(tmp_path: Path) -> None:
    db = _project(tmp_path / "p.db")
    folder = backups_folder(db)
    folder.mkdir()
    mine = folder / "my notes.db"
    mine.write_text("the user's own file, not a backup")
    for i in range(KEEP_LAST + 3):
        _add(db, f"n{i}")
        make_backup(db)
    assert mine.read_text() == "the user's own file, not a backup"
    assert len(list_backups(db)) == KEEP_LAST  # all on one day: the last few and the day's newest


def test_a_failed_backup_leaves_nothing_listed(tmp_path: Path) -> None:
    db = _project(tmp_path / "p.db")
    backups_folder(db).write_text("a file where the backups folder should be")
    with pytest.raises(ProjectError, match="could not be written"):
        make_backup(db)
    result = run("backups", str(db), "--now")
    assert result.returncode == 3 and "could not be written" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_full_disk_leaves_no_partial_backup(tmp_path: Path) -> None:
    """The child may write at most 40 kB per file (RLIMIT_FSIZE): like a disk that fills up."""
    db = _project(tmp_path / "p.db", *(f"d{i}" for i in range(400)))
    assert db.stat().st_size > 80_000
    backups_folder(db).mkdir()
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))\n"
        "from annotator.cli import main\n"
        "main(['backups', sys.argv[1], '--now'])\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(db)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 3, result.stderr
    assert "could not be written" in result.stderr
    assert _siblings(backups_folder(db)) == []
    assert list_backups(db) == []
    assert _ids(db)[:2] == ["d0", "d1"]


def test_restore_refuses_while_an_import_runs_in_another_process(tmp_path: Path) -> None:
    db = _project(tmp_path / "p.db", "d1")
    make_backup(db)
    child = subprocess.Popen([sys.executable, "-m", "tests.helpers_proc", "held-import", str(db), "50"],
                             cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "importing"
        result = run("restore", str(db), "1")
        assert result.returncode == 3, result.stdout + result.stderr
        assert "an import" in result.stderr and f"process {child.pid}" in result.stderr
        assert "nothing was restored" in result.stderr
    finally:
        out, err = child.communicate("go\n", timeout=120)
    assert child.returncode == 0, err
    assert out.strip() == "50"
    assert len(_ids(db)) == 51  # the import's committed documents are all there
    assert len(list_backups(db)) == 1  # the refused restore made no backup


def test_restore_takes_the_lock_and_a_reader_sees_old_or_new(tmp_path: Path) -> None:
    db = _project(tmp_path / "p.db", "d1")
    backup = make_backup(db)
    _add(db, "d2")
    with Project.open(db) as window:  # another window on the project keeps working afterwards
        before = restore_backup(db, backup.path)
        assert before.reason == "before-restore" and before.new
        assert [d.ext_id for d in window.documents()] == ["d1"]
    with Project.open(db) as p:
        assert p.changelog(1)[0]["action"] == "restore"
        assert not any(
            k.startswith("backup_") for k in dict(p.db.execute("SELECT * FROM meta").fetchall())
        )


def test_an_older_backup_is_brought_forward_when_restored(tmp_path: Path) -> None:
    db = _project(tmp_path / "p.db", "d1")
    backup = make_backup(db)
    con = sqlite3.connect(backup.path)  # as a backup made by the previous version
    con.execute("PRAGMA application_id = 0")
    con.execute("PRAGMA user_version = 0")
    con.execute("DELETE FROM _sqlite_migrations WHERE name = '0003_project_identity'")
    con.commit()
    con.close()
    _add(db, "d2")
    assert list_backups(db)[0].path == backup.path
    restore_backup(db, backup.path)
    assert _ids(db) == ["d1"]
    assert run("stats", str(db)).returncode == 0
    assert os.path.exists(backup.path)  # the source is never changed or removed


def test_restore_brings_back_every_layer_and_never_reuses_an_id(tmp_path: Path) -> None:
    from annotator.model.document import Span
    from annotator.model.edits import AddSpan

    db = _project(tmp_path / "p.db", "d1")
    with Project.open(db) as p:
        doc = p.find_document("d1")
        first = p.apply(AddSpan(Span(0, 2, "event", doc.text[0:2], doc_id=doc.id)), "layla")
        backup = make_backup(db)
        later = p.apply(AddSpan(Span(3, 8, "event", doc.text[3:8], doc_id=doc.id)), "omar")
    restore_backup(db, backup.path)
    with Project.open(db) as p:
        assert p.annotators() == ["layla"]
        assert [s.id for s in p.spans(doc.id, "layla")] == [first.span.id]  # type: ignore[union-attr]
        again = p.apply(AddSpan(Span(3, 8, "event", doc.text[3:8], doc_id=doc.id)), "sara")
        assert again.span.id != later.span.id  # type: ignore[union-attr]


def test_partial_copies_of_a_killed_backup_are_cleaned_not_listed(tmp_path: Path) -> None:
    db = _project(tmp_path / "p.db", "d1")
    folder = backups_folder(db)
    folder.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    leftovers = [folder / f".20260101-000000-000000-{dead.pid}.partial",
                 folder / f".restore-{dead.pid}.partial-wal"]  # fmt: skip
    live = folder / f".20260101-000000-000000-{os.getpid() + 0}.partial"
    for path in [*leftovers, live]:
        path.write_bytes(b"half a copy")
    assert list_backups(db) == []
    make_backup(db)
    assert not any(p.exists() for p in leftovers)
    assert live.exists()  # ours (a live process): left alone
    assert len(list_backups(db)) == 1


def test_a_restore_killed_while_it_waits_changes_nothing(tmp_path: Path) -> None:
    import signal
    import time

    db = _project(tmp_path / "p.db", "d1")
    make_backup(db)
    holder = subprocess.Popen([sys.executable, "-m", "tests.helpers_proc", "held-import", str(db), "5"],
                              cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "importing"
        restorer = subprocess.Popen([sys.executable, "-c", "from annotator.cli import main; main()",
                                     "restore", str(db), "1"], cwd=ROOT,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
        partial = backups_folder(db) / f".restore-{restorer.pid}.partial"
        deadline = time.monotonic() + 60
        while not partial.exists() and restorer.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(restorer.pid, signal.SIGKILL)
        restorer.communicate()
    finally:
        _out, err = holder.communicate("go\n", timeout=120)
    assert holder.returncode == 0, err
    assert len(_ids(db)) == 6  # the import is whole, the restore did nothing
    make_backup(db)
    assert not [p for p in backups_folder(db).iterdir() if ".partial" in p.name]


def test_backups_made_by_several_processes_at_once_are_all_whole(tmp_path: Path) -> None:
    db = _project(tmp_path / "p.db", *(f"d{i}" for i in range(50)))
    procs = [subprocess.Popen([sys.executable, "-c", "from annotator.cli import main; main()",
                               "backups", str(db), "--now"], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(3)]  # fmt: skip
    results = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), results
    found = list_backups(db)
    assert 1 <= len(found) <= 3
    assert not [p for p in backups_folder(db).iterdir() if ".partial" in p.name]
    for b in found:
        restore_backup(db, b.path)
        assert len(_ids(db)) == 50


def test_open_windows_are_not_work_a_backup_keeps_or_a_restore_replaces(tmp_path: Path) -> None:
    db = _project(tmp_path / "p.db", "d1")
    backup = make_backup(db)

    def window(p: Project, wid: str) -> None:
        p.db.execute("INSERT INTO open_windows VALUES (?, 'layla', NULL, 'host', 1, 'now')", [wid])
        p.db.conn.commit()

    with Project.open(db) as p:
        window(p, "opened after the backup")
    assert not make_backup(db).new  # a window opening is not a change of the work
    restore_backup(db, backup.path)
    with Project.open(db) as p:
        rows = p.db.execute("SELECT id FROM open_windows").fetchall()
    assert rows == [("opened after the backup",)]  # still open: the restore leaves it listed
