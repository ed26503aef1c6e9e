"""A backup that cannot be written never keeps the window from opening: it says so instead."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from annotator.model.document import DocumentRecord
from annotator.model.projectfiles import backups_folder
from annotator.model.schema import default_schema
from annotator.store import Project
from annotator.store.backup import list_backups
from annotator.ui.mainwindow import MainWindow
from tests.ui_helpers import status_sentence


def test_the_window_opens_and_warns_when_the_startup_backup_fails(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.ui import errorhook, launch

    db = tmp_path / "p.db"
    with Project.create(db, default_schema()) as p:
        p.add_documents([DocumentRecord("a", "t", "نص المقال")])
    backups_folder(db).write_text("a file where the backups folder should be")
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs the window's hook
    assert launch.run_gui(db, "layla", None, None, "en") == 0
    (window,) = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMainWindow)
        and w.isVisible()
        and getattr(w, "session", None)
        and w.session.project.path == db  # type: ignore[attr-defined]
    ]
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow) and window.isVisible()
    assert "Backup failed" in status_sentence(window)
    assert "could not be written" in status_sentence(window)
    assert list_backups(db) == []
    assert sys.excepthook is errorhook.handle
    window.close()
