"""Ctrl+Z after the project was restored from a backup says so (a tester read "nothing to undo
since this window opened" after `annotator restore`, though edits were made in that window)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.store.backup import list_backups, make_backup, restore_backup
from tests.ui_helpers import drag, make_window, status_sentence

TEXT = "قال الوزير إن المحادثات مثمرة وأكدت الوزارة دعمها."
RESTORED = "Nothing to undo since the restore from a backup: earlier edits are in the backup made before it."


@pytest.mark.parametrize("noticed", [True, False])
def test_ctrl_z_after_a_restore_elsewhere_names_the_restore(
    qtbot: QtBot, tmp_path: Path, noticed: bool
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    path = w.session.project.path
    make_backup(path)  # before any span
    start = TEXT.index("الوزير")
    drag(qtbot, w, start, start + len("الوزير"))
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert len(w.session.spans) == 1
    oldest = min(list_backups(path), key=lambda b: b.path.name)
    restore_backup(path, oldest.path)  # `annotator restore` in a terminal, window open
    if noticed:  # the window saw the file change before the key
        qtbot.waitUntil(lambda: w.session.spans == [])
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status_sentence(w) == RESTORED
    assert w.session.spans == []  # the window shows the restored project


def test_ctrl_z_after_a_restore_in_the_window_names_the_restore(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    path = w.session.project.path
    first = make_backup(path)
    start = TEXT.index("الوزير")
    drag(qtbot, w, start, start + len("الوزير"))
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    w.backups.restore(first.path.name)
    assert w.session.spans == []
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status_sentence(w) == RESTORED
    # a later edit is undone as usual, and then the sentence is the restore's again
    drag(qtbot, w, start, start + len("الوزير"))
    qtbot.keyClick(w.view, Qt.Key.Key_2)
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.session.spans == []
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status_sentence(w) == RESTORED
