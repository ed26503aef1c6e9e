"""Undo covers the edits of the window's own session, and says so when it has nothing left.

Why not keep the history across sessions: what an annotator saved yesterday may since have been
marked done, exported, merged or curated into gold by the lead; a Ctrl+Z that silently reached
back into it would undo work others rely on, out of sight. Every edit is on disk at once and its
provenance is recorded, so nothing is lost by starting afresh; a press of Ctrl+Z with nothing
left says so in the status bar instead of doing nothing without a word.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.store import Project
from annotator.ui.session import Session
from tests.ui_helpers import drag, make_window, show_window, status_sentence

TEXT = "قال الوزير إن المحادثات كانت مثمرة."
CTRL = Qt.KeyboardModifier.ControlModifier
NOTHING = "Nothing to undo since this window opened"


def test_undo_with_nothing_left_says_why(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    start = TEXT.index("الوزير")
    drag(qtbot, w, start, start + len("الوزير"))
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)  # the attribute strip
    assert [sp.text for sp in w.session.spans] == ["الوزير"]
    qtbot.keyClick(w.view, Qt.Key.Key_Z, CTRL)
    assert w.session.spans == []
    qtbot.keyClick(w.view, Qt.Key.Key_Z, CTRL)
    assert status_sentence(w).startswith(NOTHING)
    qtbot.keyClick(w.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert [sp.text for sp in w.session.spans] == ["الوزير"]
    qtbot.keyClick(w.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert status_sentence(w) == "Nothing to redo."


def test_a_new_session_keeps_the_work_and_says_undo_starts_afresh(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    start = TEXT.index("الوزير")
    drag(qtbot, w, start, start + len("الوزير"))
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    doc = w.session.document
    assert doc is not None
    w.close()
    again = show_window(qtbot, Session(Project.open(tmp_path / "p.db"), "layla"))
    again.flow.open_start()  # where layla stopped
    assert [sp.text for sp in again.session.spans] == ["الوزير"]
    again.view.setFocus()
    qtbot.keyClick(again.view, Qt.Key.Key_Z, CTRL)
    assert [sp.text for sp in again.session.spans] == ["الوزير"]  # yesterday's work stays
    assert status_sentence(again).startswith(NOTHING)
    assert "this window opened" in again.action("undo").toolTip()
