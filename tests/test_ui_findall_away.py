"""After Enter opens a hit of find in all documents, the list of hits no longer stands over the
article (a tester saw it cover the hit), the article has the keyboard, and Ctrl+Shift+F brings the
list back as it was, for the next hit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.test_ui_find import CTRL, SHIFT, type_text
from tests.ui_helpers import make_window

DOCS = {"a": "قال الوزير في دمشق إن الحوار مستمر.", "b": "وصل الرئيس إلى دمشق اليوم."}


def test_enter_on_a_hit_puts_the_list_away_and_the_keyboard_in_the_article(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, DOCS)
    qtbot.keyClick(w.view, Qt.Key.Key_F, CTRL | SHIFT)
    dialog = w.finder.find_all_dialog
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.box, "دمشق")
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)  # search
    assert dialog.list.topLevelItemCount() == 2
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)  # open the first hit
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.view)
    start = DOCS["a"].index("دمشق")
    assert w.view.selection() == (start, start + 4)
    qtbot.keyClick(w.view, Qt.Key.Key_1)  # the label key labels the hit
    assert [(s.start, s.label) for s in w.session.spans] == [(start, "speaker")]
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    # back to the list as it was, on the hit just opened: Down and Enter open the next one
    qtbot.keyClick(w.view, Qt.Key.Key_F, CTRL | SHIFT)
    assert dialog.isVisible() and dialog.box.text() == "دمشق"
    assert dialog.list.currentItem() is dialog.list.topLevelItem(0)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert w.session.document is not None and w.session.document.ext_id == "b"
    assert w.view.selection() == (DOCS["b"].index("دمشق"), DOCS["b"].index("دمشق") + 4)
