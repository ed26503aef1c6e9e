"""The window's restore list, and the "open in another window too" warning following reality."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from annotator.store import Project
from annotator.store.backup import ON_OPEN, list_backups
from annotator.ui.watch import PRESENCE_EVERY_POLLS, PRESENCE_RECHECK_MS
from tests.ui_helpers import make_window

TEXT = "قال الرئيس إن الزيارة مهمة جدا للبلدين."
STAMP = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")


def test_the_restore_list_says_when_and_why_newest_first(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    w = make_window(qtbot, tmp_path, {"a": TEXT})
    w.session.project.backup(ON_OPEN)  # as the launcher makes it
    w.session.add_span(4, 10, "speaker")
    assert w.backups.backup_if_changed() is not None  # the timer's
    w.session.add_span(11, 13, "claim")  # (kept by the before-restore backup)
    shown: list[str] = []

    def pick(*args: Any) -> tuple[str, bool]:
        shown[:] = list(args[3])
        return shown[1], True  # the older one: the project as it was opened

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))
    w.backups.restore()
    assert len(shown) == 2 and all(STAMP.search(item) for item in shown)
    assert "while working" in shown[0] and "when the project was opened" in shown[1]
    assert not any(".db" in item for item in shown)
    assert w.session.spans == []  # the one chosen by its description was restored
    w.backups.restore()
    assert "before a restore" in shown[0]  # newest first
    stamps = [STAMP.search(item).group(0) for item in shown]  # type: ignore[union-attr]
    assert stamps == sorted(stamps, reverse=True)


def test_the_restore_list_reads_in_arabic(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from annotator.ui.i18n import install

    w = make_window(qtbot, tmp_path, {"a": TEXT})
    w.session.project.backup(ON_OPEN)
    (backup,) = list_backups(tmp_path / "p.db")
    app = QApplication.instance()
    install(app, "ar")  # type: ignore[arg-type]
    try:
        text = w.backups.describe(backup)
    finally:
        install(app, "en")  # type: ignore[arg-type]
    assert STAMP.search(text) and "عند فتح المشروع" in text


def _hold_open(path: Path) -> subprocess.Popen[str]:
    """Another process announcing a window on document 1 for layla, then waiting to be killed."""
    script = (
        "import sys\n"
        "from annotator.store import Project\n"
        "p = Project.open(sys.argv[1])\n"
        "p.announce_window('elsewhere', 'layla', 1)\n"
        "print('open', flush=True)\n"
        "sys.stdin.read()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
    return proc


def test_the_other_window_warning_goes_when_that_window_is_killed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    proc = _hold_open(tmp_path / "p.db")
    try:
        w.session.watch.check()
        assert not w.status_line.shared.isHidden()
        assert "another window" in w.status_line.shared.text()
    finally:
        proc.kill()  # no goodbye written: nothing changes in the file
        proc.communicate()
    qtbot.waitUntil(w.status_line.shared.isHidden, timeout=PRESENCE_RECHECK_MS + 3000)


def test_one_timer_looks_at_the_file_and_for_killed_windows(qtbot: QtBot, tmp_path: Path) -> None:
    """The window wakes up for one poll: the file watch's ticks also ask, every
    PRESENCE_EVERY_POLLS of them, whether the other windows still live."""
    from PySide6.QtCore import QTimer

    w = make_window(qtbot, tmp_path, {"a": TEXT})
    timers = w.findChildren(QTimer) + w.session.findChildren(QTimer)
    polling = [t for t in timers if t.isActive() and not t.isSingleShot()]
    assert [t.objectName() for t in polling if t.interval() < 60_000] == ["fileWatch"]
    proc = _hold_open(tmp_path / "p.db")
    try:
        w.session.watch.check()
        assert not w.status_line.shared.isHidden()
    finally:
        proc.kill()  # no goodbye written: nothing changes in the file
        proc.communicate()
    for _ in range(PRESENCE_EVERY_POLLS - 1):
        w.session.watch.timer.timeout.emit()
    assert not w.status_line.shared.isHidden()  # not asked yet
    w.session.watch.timer.timeout.emit()
    assert w.status_line.shared.isHidden()


def test_both_windows_warn_and_the_warning_goes_with_the_closed_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from annotator.ui.mainwindow import MainWindow
    from annotator.ui.session import Session

    first = make_window(qtbot, tmp_path, {"a": TEXT})
    second = MainWindow(Session(Project.open(tmp_path / "p.db"), "layla"))
    qtbot.addWidget(second)
    second.show()
    second.session.open_document(1)
    assert not second.status_line.shared.isHidden()  # it says so at once
    first.session.watch.check()  # and the first, within a second (its file watch)
    assert not first.status_line.shared.isHidden()
    first.close()  # Ctrl+Q in the first
    second.session.watch.check()
    assert second.status_line.shared.isHidden()
