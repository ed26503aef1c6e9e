"""A window that restored a backup goes on saving into the project's own files.

Closing any descriptor of a file drops every POSIX lock the process holds on it. Reading a
project's header with a plain open() while the window had it open (``identify``, on every
``Project.open``: a restore from the window, a second window) so dropped the window's SQLite
locks; the next program to close the project (``annotator stats``) then believed itself the last,
deleted the -wal and -shm, and the window went on writing into the deleted files: its edits showed
in the window and were gone after Ctrl+Q. And a window must never go on "saving" into a lost file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.store import Project
from annotator.store.backup import list_backups
from tests.ui_helpers import make_window

TEXT = "قال الرئيس إن الزيارة مهمة جدا للبلدين."


def _other_process(path: Path, code: str) -> str:
    """Run ``code`` with ``project`` open in another process (as ``annotator stats`` has it)."""
    script = (
        "import sys\n"
        "from annotator.store import Project\n"
        "project = Project.open(sys.argv[1])\n"
        f"{code}\n"
        "project.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _spans_elsewhere(path: Path) -> str:
    return _other_process(
        path, "print(project.db.execute('SELECT count(*) FROM spans').fetchone()[0])"
    )


def _deleted_files_open_here() -> list[str]:
    folder = Path("/proc/self/fd")
    if not folder.is_dir():
        return []
    found = []
    for fd in folder.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.endswith("(deleted)"):
            found.append(target)
    return found


def test_a_second_open_keeps_the_first_connections_locks(tmp_path: Path) -> None:
    from annotator.model.schema import default_schema

    path = tmp_path / "p.db"
    Project.create(path, default_schema()).close()
    first = Project.open(path)
    try:
        Project.open(path).close()  # what a restore or a second window does in the same process
        _other_process(path, "project.schema")  # another program opens, reads, closes
        assert Path(f"{path}-wal").exists() and Path(f"{path}-shm").exists()
        assert not first.file_lost()
    finally:
        first.close()


def test_edits_after_a_restore_in_the_window_reach_the_file(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    path = tmp_path / "p.db"
    w.session.add_span(4, 10, "speaker")
    backup = w.backups.backup_if_changed()
    assert backup is not None
    w.session.add_span(11, 13, "claim")
    w.backups.restore(backup.name)  # through the window's own restore
    assert [s.text for s in w.session.spans] == [TEXT[4:10]]
    assert _spans_elsewhere(path) == "1"  # another program reads it, then closes (stats does)
    assert Path(f"{path}-wal").exists() and Path(f"{path}-shm").exists()
    assert not [f for f in _deleted_files_open_here() if str(path) in f]
    w.session.add_span(14, 21, "claim")
    assert _spans_elsewhere(path) == "2"  # the edit after the restore is in the file
    w.close()
    assert len(Project.open(path).spans(1, "layla")) == 2
    assert len(list_backups(path)) >= 2


def test_a_window_whose_log_was_deleted_says_so_and_refuses_edits(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    path = tmp_path / "p.db"
    w.session.add_span(4, 10, "speaker")
    for suffix in ("-wal", "-shm"):  # what a program that believed itself the last one did
        Path(f"{path}{suffix}").unlink()
    w.session.watch.check()
    assert w.session.lost
    assert w.status_line.lost.isVisible()
    assert "can no longer be saved" in w.status_line.lost.text()
    with qtbot.waitSignal(w.session.message) as said:
        w.session.add_span(11, 13, "claim")
    assert "can no longer be saved" in said.args[0]  # type: ignore[index]
    assert [s.text for s in w.session.spans] == [TEXT[4:10]]
    with qtbot.waitSignal(w.session.message):
        w.session.undo()
    assert [s.text for s in w.session.spans] == [TEXT[4:10]]


def test_a_window_whose_file_was_replaced_refuses_edits_at_once(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    path = tmp_path / "p.db"
    copy = tmp_path / "copy.db"
    copy.write_bytes(path.read_bytes())
    os.replace(copy, path)  # another program put a file in its place
    with qtbot.waitSignal(w.session.message) as said:  # no need to wait for the watch's timer
        w.session.add_span(4, 10, "speaker")
    assert "can no longer be saved" in said.args[0]  # type: ignore[index]
    assert w.session.spans == []
    assert w.status_line.lost.isVisible()
