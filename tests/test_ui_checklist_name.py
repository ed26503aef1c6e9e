"""One name for the checklist in the Arabic interface: its panel said "قائمة المراجعة" and the
Ctrl+D warning "قائمة التحقق" (a tester's break)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui_helpers import drag, make_window, status_sentence

NAME = "قائمة المراجعة"


def test_the_checklist_has_one_arabic_name(qtbot: QtBot, tmp_path: Path, arabic: object) -> None:
    text = "قال وزير الخارجية إن المحادثات كانت مثمرة."
    w = make_window(qtbot, tmp_path, {"a": text, "b": text})
    start = text.index("المحادثات")
    drag(qtbot, w, start, start + len("المحادثات"))
    qtbot.keyClick(w.view, Qt.Key.Key_2)  # a claim nobody said: one open checklist item
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: w.spanpanel.check_title.text().startswith(NAME))
    qtbot.keyClick(w.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    warning = status_sentence(w)
    assert NAME in warning and "قائمة التحقق" not in warning
