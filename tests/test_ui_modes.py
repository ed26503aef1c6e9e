"""The window's modes (lead, suggestion review, link) live in one object whose signals the
actions, the curation panel, the status line and the article view follow: driven by keys here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from annotator.ui.mainwindow import MainWindow
from tests.ui_helpers import add_span, make_window

TEXT = "قال الوزير إن المحادثات مثمرة. وقال السفير إن الزيارة ناجحة وأكد الرئيس ذلك."


def _window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    return make_window(qtbot, tmp_path, {"a": TEXT})


def test_lead_mode_key_switches_everything_that_shows_it(qtbot: QtBot, tmp_path: Path) -> None:
    w = _window(qtbot, tmp_path)
    qtbot.keyClick(w.view, Qt.Key.Key_S)  # reviewing suggestions first
    assert w.modes.review and w.action("suggestions").isChecked()
    heard: list[tuple[str, bool]] = []
    w.modes.reviewChanged.connect(lambda on: heard.append(("review", on)))
    w.modes.leadChanged.connect(lambda on: heard.append(("lead", on)))
    qtbot.keyClick(w.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert heard == [("review", False), ("lead", True)]
    # review off (suggestions are an annotator's), lead on, and every view of it agrees
    assert w.modes.lead and not w.modes.review and w.session.layer == "gold"
    assert w.action("lead_mode").isChecked()
    assert not w.action("suggestions").isChecked() and not w.action("suggestions").isEnabled()
    assert w.curation_dock.isVisible()
    assert "curating gold" in w.status_line.who.text()
    assert w.controller.suggestions == []  # nothing of the review drawn dashed
    with qtbot.waitSignal(w.modes.leadChanged) as blocker:
        qtbot.keyClick(w.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [False]
    assert w.session.layer == "layla" and not w.curation_dock.isVisible()
    assert w.action("suggestions").isEnabled() and "Annotator: layla" in w.status_line.who.text()


def test_review_key_shows_and_hides_the_suggestions(qtbot: QtBot, tmp_path: Path) -> None:
    w = _window(qtbot, tmp_path)
    with qtbot.waitSignal(w.modes.reviewChanged) as blocker:
        qtbot.keyClick(w.view, Qt.Key.Key_S)
    assert blocker.args == [True] and w.action("suggestions").isChecked()
    assert w.controller.suggestions  # the rules' suggestions drawn dashed
    assert w.action("accept_item").isEnabled()  # one is highlighted for Enter
    with qtbot.waitSignal(w.modes.reviewChanged) as blocker:
        w.action("suggestions").trigger()  # the toolbar button
    assert blocker.args == [False] and not w.action("suggestions").isChecked()
    assert w.controller.suggestions == [] and not w.action("accept_item").isEnabled()


def test_link_mode_signals_follow_the_keys(qtbot: QtBot, tmp_path: Path) -> None:
    w = _window(qtbot, tmp_path)
    minister, ambassador = add_span(w, "الوزير", "speaker"), add_span(w, "السفير", "speaker")
    president = add_span(w, "الرئيس", "speaker")
    claim = add_span(w, "المحادثات مثمرة", "claim")
    w.session.select(claim)
    w.view.setTextCursor(QTextCursor(w.view.document()))  # no text selected
    with qtbot.waitSignal(w.modes.linkChanged):
        qtbot.keyClick(w.view, Qt.Key.Key_A)  # attributed_to
    link = w.modes.link
    assert link is not None and sorted(link.candidates) == sorted([minister, ambassador, president])
    first = link.current
    assert w.controller.emphasis() == {claim, first}  # head and candidate drawn emphasised
    with qtbot.waitSignal(w.modes.linkChanged):
        qtbot.keyClick(w.view, Qt.Key.Key_Left)
    assert w.modes.link is not None and w.modes.link.current != first
    chosen = w.modes.link.current
    with qtbot.waitSignal(w.modes.linkChanged):
        qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert w.modes.link is None
    assert [(r.head, r.child) for r in w.session.relations] == [(claim, chosen)]
    # Escape leaves link mode without linking; opening another document leaves it too
    qtbot.keyClick(w.view, Qt.Key.Key_A)
    assert w.modes.link is not None
    with qtbot.waitSignal(w.modes.linkChanged):
        qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert w.modes.link is None and len(w.session.relations) == 1
    qtbot.keyClick(w.view, Qt.Key.Key_A)
    assert w.modes.link is not None
    with qtbot.waitSignal(w.modes.linkChanged):
        w.session.open_document(w.session.document.id)  # type: ignore[union-attr]
    assert w.modes.link is None


def test_lead_mode_ends_link_mode(qtbot: QtBot, tmp_path: Path) -> None:
    w = _window(qtbot, tmp_path)
    add_span(w, "الوزير", "speaker")
    w.session.select(add_span(w, "المحادثات مثمرة", "claim"))
    w.view.setTextCursor(QTextCursor(w.view.document()))
    qtbot.keyClick(w.view, Qt.Key.Key_A)
    assert w.modes.link is not None
    qtbot.keyClick(w.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert w.modes.lead and w.modes.link is None
    qtbot.keyClick(w.view, Qt.Key.Key_Return)  # nothing to link, nothing to accept: no relation
    assert w.session.relations == []


def test_the_curation_state_follows_clicks_and_keys(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.test_ui_review import THREE, dashed, lead_window

    w = lead_window(qtbot, tmp_path, THREE)
    qtbot.keyClick(w.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    curation, panel = w.curation, w.curation_panel
    assert len(curation.open) == 3 and curation.current == 0
    assert panel.list.count() == 3 and panel.list.currentRow() == 0
    # a click on the third row makes it current: the state changes, the view emphasises it
    third = panel.list.visualItemRect(panel.list.item(2)).center()
    with qtbot.waitSignal(curation.currentChanged) as blocker:
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=third)
    assert blocker.args == [2] and curation.current == 2
    assert w.controller.current_item() is not None
    assert w.controller.current_item().start == curation.open[2].start  # type: ignore[union-attr]
    assert -3 in w.controller.emphasis()  # the third dashed candidate is the emphasised one
    # Enter (from the article) accepts it; the list shrinks and the last row stays current
    w.view.setFocus()
    with qtbot.waitSignal(curation.candidatesChanged):
        qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert len(curation.open) == 2 and curation.current == 1
    assert panel.list.count() == 2 and panel.list.currentRow() == 1 and dashed(w) == 2
    # leaving lead mode empties the curation and the panel with it
    qtbot.keyClick(w.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert curation.open == [] and curation.current == -1 and panel.list.count() == 0
