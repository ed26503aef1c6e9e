"""After the window's own Import or Merge dialog, the window goes on saving into its project.

POSIX locks belong to the process, and closing any descriptor of a file drops all of them. Qt's
file chooser guesses the type of every file it lists by reading its first bytes: listing the
project's folder (the Import dialog's "Add files…", the merge chooser) opened and closed the project
and its -shm in the window's process, which dropped the window's SQLite locks. The next program to
close the project (``annotator stats``) then believed itself the last, deleted the -wal and -shm,
and the window said the file "was removed or replaced" and refused every edit, though it was the
same file.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QPushButton
from pytestqt.qtbot import QtBot

from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.model.schema import default_schema
from annotator.store import Project
from annotator.ui.dialogs.importdialog import ImportDialog
from annotator.ui.mainwindow import MainWindow
from tests.ui_helpers import drag, make_window

TEXT = "قال الرئيس إن الزيارة مهمة جدا للبلدين."
OTHER = "أكد وزير الخارجية أن المحادثات مستمرة."
WAIT = 60_000


def _choose(qtbot: QtBot, chosen: Path, open_chooser: Callable[[], None]) -> None:
    """Open a file chooser; once it has looked at every file beside ``chosen`` (the project and
    its -shm among them: the type column is filled), choose ``chosen``."""
    answered: list[bool] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, answer)
            return
        try:
            model = dialog.findChild(QFileSystemModel)
            assert model is not None
            model.setNameFilterDisables(True)  # files the filter leaves out are listed too
            dialog.setDirectory(str(chosen.parent))
            beside = [p for p in chosen.parent.iterdir() if p.is_file()]
            qtbot.waitUntil(
                lambda: all(model.type(model.index(str(p))) for p in beside), timeout=WAIT
            )
            dialog.selectFile(str(chosen))
            answered.append(True)
        finally:
            dialog.accept() if answered else dialog.reject()

    QTimer.singleShot(0, answer)
    open_chooser()
    assert answered


def _stats(path: Path) -> None:
    """The real command in another process: it opens the project, reads and closes it."""
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "stats", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def _spans_in_file(path: Path) -> int:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from annotator.store import Project\n"
            "with Project.open(sys.argv[1], readonly=True) as p:\n"
            "    print(p.db.execute('SELECT count(*) FROM spans').fetchone()[0])",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


def _label_a_speaker_then_check(qtbot: QtBot, w: MainWindow, path: Path) -> None:
    _stats(path)
    w.activateWindow()  # back from the dialog
    qtbot.waitUntil(w.isActiveWindow)
    w.view.setFocus()
    drag(qtbot, w, TEXT.index("الرئيس"), TEXT.index("الرئيس") + len("الرئيس"))
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    assert not w.session.lost
    assert not w.status_line.lost.isVisible()
    assert [s.text for s in w.session.spans] == ["الرئيس"]
    assert _spans_in_file(path) == 1


def _import_through_the_dialog(qtbot: QtBot, w: MainWindow, source: Path) -> ImportDialog:
    qtbot.keyClick(w.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    dialog = w.findChild(ImportDialog)
    assert dialog is not None
    add = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Add files…")
    _choose(qtbot, source, lambda: qtbot.mouseClick(add, Qt.MouseButton.LeftButton))
    assert dialog.paths == [source]
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.job is not None
    qtbot.waitUntil(lambda: dialog.job is not None and dialog.job.finished, timeout=WAIT)
    return dialog


def test_a_label_key_still_saves_after_an_import_and_stats(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the annotator started the window in the project's folder
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    path = tmp_path / "p.db"
    source = tmp_path / "new # one ? 100% مقال.txt"
    source.write_text(OTHER, encoding="utf-8")
    _import_through_the_dialog(qtbot, w, source)
    assert w.session.project.document_count() == 2
    _label_a_speaker_then_check(qtbot, w, path)


def test_a_label_key_still_saves_after_a_failed_import(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    path = tmp_path / "p.db"
    source = tmp_path / "broken.jsonl"
    source.write_text('{"id": "x", "text": "نص"}\n{"id": broken\n', encoding="utf-8")
    dialog = _import_through_the_dialog(qtbot, w, source)
    assert "Nothing was imported" in dialog.summary.text()
    dialog.close()
    _label_a_speaker_then_check(qtbot, w, path)


def test_a_label_key_still_saves_after_a_merge_and_stats(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    path = tmp_path / "p.db"
    copy = tmp_path / "rana's copy # 1.db"  # beside the project, as copies are handed back
    with Project.create(copy, default_schema()) as theirs:
        src = tmp_path / "theirs.jsonl"
        src.write_text(json.dumps({"id": "a", "text": OTHER}, ensure_ascii=False), "utf-8")
        theirs.add_documents(read_inputs([src], ImportOptions()))
    with qtbot.waitSignal(w.jobs.merged, timeout=WAIT):
        _choose(qtbot, copy, w.action("merge").trigger)  # Lead → Merge…
    _label_a_speaker_then_check(qtbot, w, path)
