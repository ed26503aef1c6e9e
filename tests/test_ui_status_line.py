"""Status sentences are seen (tester's report): refusals, warnings and prompts said with the key
press show in the status bar whole, beside the permanent document, progress and annotator labels,
and a long warning is cut with … instead of pushing the window wider than the screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.ui import counts
from tests.test_ui_sync import TEXT, focus, second_window
from tests.ui_helpers import drag, make_window, status_sentence

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
DOCS = {"a": "قال الوزير إن الحوار مستمر.", "b": "أكدت الوزارة أن الزيارة ستتم."}


def test_alt_down_on_the_last_document_is_seen(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, DOCS)
    qtbot.keyClick(w.view, Qt.Key.Key_Down, ALT)
    assert status_sentence(w) == ""
    qtbot.keyClick(w.view, Qt.Key.Key_Down, ALT)
    assert status_sentence(w) == "This is the last document of the list."
    assert (
        w.status_line.message_line.isVisible()
        and w.status_line.doc_status.isVisible()
        and w.status_line.who.isVisible()
    )


def test_the_first_ctrl_d_with_open_checklist_items_is_seen(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, DOCS)
    text = DOCS["a"]
    w.view.select_range(text.index("الحوار"), len(text) - 1)
    qtbot.keyClick(w.view, Qt.Key.Key_2)  # a claim without its speaker
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    qtbot.keyClick(w.view, Qt.Key.Key_D, CTRL)
    assert status_sentence(w).startswith("The checklist has 1 open item.")


def test_the_link_prompt_and_accepting_hidden_suggestions_are_seen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    start = TEXT.index("وزير")
    drag(qtbot, w, start, start + len("وزير الخارجية"))
    qtbot.keyClick(w.view, Qt.Key.Key_1)  # a speaker
    claim = TEXT.index("المحادثات")
    drag(qtbot, w, claim, claim + len("المحادثات كانت مثمرة"))
    qtbot.keyClick(w.view, Qt.Key.Key_2)  # a claim, selected
    qtbot.keyClick(w.view, Qt.Key.Key_A)
    assert status_sentence(w).startswith("Link «attributed to»: arrows choose, Enter links")
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert not w.action("suggestions").isChecked()
    assert not w.action("accept_suggestions:speaker").isEnabled()  # nothing shown to accept
    qtbot.keyClick(w.view, Qt.Key.Key_S)
    n = sum(1 for s in w.controller.review.items if s.label == "speaker")
    w.action("accept_suggestions:speaker").trigger()  # Suggestions → Speaker in the menu
    assert status_sentence(w) == f"Accepted {counts.spans(n)} suggested as «Speaker»."


def test_an_undo_refused_in_a_stale_window_is_seen(qtbot: QtBot, tmp_path: Path) -> None:
    a = make_window(qtbot, tmp_path, {"a": TEXT})
    doc = a.session.document
    assert doc is not None
    start = TEXT.index("وزير")
    drag(qtbot, a, start, start + len("وزير الخارجية"))
    qtbot.keyClick(a.view, Qt.Key.Key_1)
    a.session.watch.stop()  # stale
    b = second_window(qtbot, a.session.project.path, doc.id)
    focus(qtbot, b)
    qtbot.keyClick(b.view, Qt.Key.Key_Tab)
    qtbot.keyClick(b.view, Qt.Key.Key_2)
    focus(qtbot, a)
    qtbot.keyClick(a.view, Qt.Key.Key_Z, CTRL)
    said = status_sentence(a)
    assert "Cannot undo" in said and "changed elsewhere" in said
    # the "also open in another window" warning is long: the window keeps its width, the
    # warning is cut with … (whole in its tooltip) and the annotator's name stays in the bar
    assert b.status_line.shared.isVisible()
    b.resize(700, 600)
    QApplication.processEvents()
    assert b.width() == 700 and b.statusBar().width() <= 700
    bar = b.statusBar().rect()
    assert bar.contains(b.status_line.shared.geometry()) and bar.contains(
        b.status_line.who.geometry()
    )
    assert b.status_line.shared.shown_text().endswith("…")
    assert "also has this document open" in b.status_line.shared.toolTip()
