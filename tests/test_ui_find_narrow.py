"""The find bar in a narrow window, and F3 with nothing to step through: the search field keeps a
usable width while a long message is cut with … (whole in its tooltip), where a tester saw the
message squeeze the field to 50 px (800 px wide, Arabic at 700 px); F3 with the find bar closed
and no suggestion under review says what it steps through instead of doing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.ui.i18n import install
from annotator.ui.widgets.findbar import FIND_BOX_MIN_CHARS
from tests.test_ui_find import find, type_text
from tests.ui_helpers import make_window, status_sentence

TEXT = "قال الرئيس Xi Jinping لوكالة Reuters إن الاقتصاد نما بنسبة 5.2% 😀 وأكد المتحدث دعمه."
DIACRITIC = "\u064b"  # a search of diacritics only: the longest message the bar gives


@pytest.mark.parametrize(("lang", "width"), [("en", 800), ("ar", 700)])
def test_a_long_find_message_leaves_the_search_field_usable(
    qtbot: QtBot, tmp_path: Path, qapp: QApplication, lang: str, width: int
) -> None:
    install(qapp, lang)
    try:
        w = make_window(qtbot, tmp_path, {"a": TEXT})
        w.resize(width, 800)
        qtbot.waitUntil(lambda: w.width() == width)
        find(qtbot, w, DIACRITIC)
        bar = w.find_bar
        QApplication.processEvents()  # the bar lays itself out again for the message
        message = bar.count.text()
        assert message
        assert bar.box.width() >= bar.box.fontMetrics().averageCharWidth() * FIND_BOX_MIN_CHARS
        assert bar.rect().contains(bar.count.geometry())
        shown = bar.count.shown_text()
        assert shown == message or (shown.endswith("…") and message in bar.count.toolTip())
        type_text(bar.box, "ال")  # letters: the hits are found and counted as before
        assert bar.count.text() != message and w.finder.hits
    finally:
        install(qapp, "en")


def test_f3_with_nothing_to_step_through_says_what_it_steps_through(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    assert not w.finder.is_open and not w.modes.review
    qtbot.keyClick(w.view, Qt.Key.Key_F3)
    said = status_sentence(w)
    assert "F3" in said and "Ctrl+F" in said and "(S)" in said
    qtbot.keyClick(w.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert status_sentence(w) == said


def test_f3_with_nothing_to_step_through_says_so_in_arabic(
    qtbot: QtBot, tmp_path: Path, arabic: QApplication
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    qtbot.keyClick(w.view, Qt.Key.Key_F3)
    said = status_sentence(w)
    assert said.startswith("لا شيء") and "F3" in said and "Ctrl+F" in said
