"""Undo in one of two windows after the other changed what it would undo (tester A): the refused
step leaves the history with a sentence saying so, and the next Ctrl+Z undoes the step before."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.ui.mainwindow import MainWindow
from tests.test_ui_sync import WAIT, focus, second_window
from tests.test_ui_windows_cases import stored_spans
from tests.ui_helpers import drag, make_window

TEXT = "قال وزير الخارجية إن المحادثات كانت مثمرة، وأكدت الوزارة أن الزيارة ستتم.\nسطر ثان."
SPEAKER = "وزير الخارجية"
CLAIM = "المحادثات كانت مثمرة"
STANCE = "أكدت"
UNDO = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
REDO = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def label(qtbot: QtBot, w: MainWindow, words: str, key: Qt.Key) -> int:
    """Drag over ``words`` and press ``key``; the new span's id."""
    focus(qtbot, w)
    start = TEXT.index(words)
    drag(qtbot, w, start, start + len(words))
    qtbot.keyClick(w.view, key)
    return w.session.selected


def press(qtbot: QtBot, w: MainWindow, key: tuple[Qt.Key, Qt.KeyboardModifier]) -> str:
    """Press a key in ``w``; the last sentence it said ("" when none)."""
    said: list[str] = []
    w.session.message.connect(said.append)
    focus(qtbot, w)
    qtbot.keyClick(w.view, *key)
    w.session.message.disconnect(said.append)
    return said[-1] if said else ""


def two_windows(qtbot: QtBot, tmp_path: Path) -> tuple[MainWindow, MainWindow]:
    a = make_window(qtbot, tmp_path, {"a": TEXT, "b": TEXT + " ب"})
    assert a.session.document is not None
    a.controller.pick_attributes = False  # a label press labels, without the value chooser
    b = second_window(qtbot, a.session.project.path, a.session.document.id)
    b.controller.pick_attributes = False
    return a, b


def labels(w: MainWindow) -> list[str]:
    return sorted(label for *_where, label in stored_spans(w))


def test_a_refused_undo_leaves_the_history_and_the_next_undoes_the_step_before(
    qtbot: QtBot, tmp_path: Path
) -> None:
    a, b = two_windows(qtbot, tmp_path)
    label(qtbot, a, SPEAKER, Qt.Key.Key_1)
    stance = label(qtbot, a, STANCE, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: len(b.session.spans) == 2, timeout=WAIT)
    focus(qtbot, b)
    b.session.select(stance)
    qtbot.keyClick(b.view, Qt.Key.Key_4)  # B makes A's stance an event
    assert labels(a) == ["event", "speaker"]

    said = press(qtbot, a, UNDO)
    assert said == (
        f"Cannot undo, step dropped: the Stance span «{STANCE}» was changed elsewhere (another"
        " window or program); nothing was changed"
    )
    assert labels(a) == ["event", "speaker"]  # B's event stands
    assert a.session.undo_stack.count() == 1  # only the speaker is left to undo
    press(qtbot, a, (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier))  # another document
    press(qtbot, a, UNDO)  # the speaker, not the same refusal again
    assert labels(a) == ["event"]
    assert press(qtbot, a, UNDO).startswith("Nothing to undo since this window opened")
    press(qtbot, a, REDO)  # the speaker comes back
    assert labels(a) == ["event", "speaker"]
    assert press(qtbot, a, REDO) == "Nothing to redo."  # never the dropped step
    assert labels(a) == ["event", "speaker"]


def test_a_link_and_a_claim_deleted_elsewhere_are_dropped_one_refusal_each(
    qtbot: QtBot, tmp_path: Path
) -> None:
    a, b = two_windows(qtbot, tmp_path)
    label(qtbot, a, SPEAKER, Qt.Key.Key_1)
    claim = label(qtbot, a, CLAIM, Qt.Key.Key_2)
    qtbot.keyClick(a.view, Qt.Key.Key_A)  # link the claim to its speaker
    qtbot.keyClick(a.view, Qt.Key.Key_Return)
    assert len(a.session.relations) == 1
    label(qtbot, a, STANCE, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: len(b.session.spans) == 3, timeout=WAIT)
    focus(qtbot, b)
    b.session.select(claim)
    qtbot.keyClick(b.view, Qt.Key.Key_Delete)  # B deletes the claim, and its link with it
    assert labels(a) == ["speaker", "stance"]

    assert press(qtbot, a, UNDO) == ""  # the stance: A's own, undone
    said = press(qtbot, a, UNDO)
    assert said.startswith("Cannot undo, step dropped: the attributed to link was removed")
    said = press(qtbot, a, UNDO)  # the claim: refused once, and not the link again
    assert said.startswith(f"Cannot undo, step dropped: the Claim span «{CLAIM}» was deleted")
    assert labels(a) == ["speaker"]
    said = press(qtbot, a, UNDO)  # the speaker
    assert said == "" and labels(a) == []
    assert press(qtbot, a, UNDO).startswith("Nothing to undo since this window opened")
    assert press(qtbot, a, REDO) == ""
    assert labels(a) == ["speaker"]
    assert press(qtbot, a, REDO) == ""  # the stance: the two dropped steps are gone from redo
    assert labels(a) == ["speaker", "stance"]
    assert press(qtbot, a, REDO) == "Nothing to redo."


@pytest.mark.parametrize("b_has_seen_it", [True, False], ids=["refreshed", "stale"])
def test_a_span_labelled_in_both_windows_is_not_deleted_by_one_windows_undo(
    qtbot: QtBot, tmp_path: Path, b_has_seen_it: bool
) -> None:
    """Tester A: both pressed 1 on the same words (one span); A's Ctrl+Z deleted it, with no word
    for B, who had nothing to undo. B's press is B's labelling too: A's undo is refused."""
    a, b = two_windows(qtbot, tmp_path)
    if not b_has_seen_it:
        b.session.watch.stop()  # B has not looked at the file since A labelled
    label(qtbot, a, SPEAKER, Qt.Key.Key_1)
    if b_has_seen_it:
        qtbot.waitUntil(lambda: len(b.session.spans) == 1, timeout=WAIT)
    label(qtbot, b, SPEAKER, Qt.Key.Key_1)
    assert labels(a) == ["speaker"]  # one span
    assert b.session.undo_stack.count() == 1  # B's labelling, B's to undo
    assert press(qtbot, a, UNDO) == (
        f"Cannot undo, step dropped: the Speaker span «{SPEAKER}» was labelled elsewhere too"
        " (another window or program); nothing was changed"
    )
    assert labels(a) == ["speaker"]  # B's span stays
    assert press(qtbot, b, UNDO) == ""  # B takes back her labelling: the span was there before
    assert labels(a) == ["speaker"]
    assert press(qtbot, b, REDO) == ""
    assert labels(a) == ["speaker"]


def test_once_the_other_window_takes_back_its_labelling_undo_deletes_the_span(
    qtbot: QtBot, tmp_path: Path
) -> None:
    a, b = two_windows(qtbot, tmp_path)
    label(qtbot, a, SPEAKER, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: len(b.session.spans) == 1, timeout=WAIT)
    label(qtbot, b, SPEAKER, Qt.Key.Key_1)
    press(qtbot, b, UNDO)  # B takes back her labelling: the span is A's alone again
    assert press(qtbot, a, UNDO) == ""
    assert labels(a) == []
    qtbot.waitUntil(lambda: b.session.spans == [], timeout=WAIT)
    assert press(qtbot, b, REDO) == (
        f"Cannot redo, step dropped: the Speaker span «{SPEAKER}» was deleted elsewhere (another"
        " window or program); nothing was changed"
    )


def test_labelling_ones_own_span_again_adds_no_undo_step(qtbot: QtBot, tmp_path: Path) -> None:
    a, _b = two_windows(qtbot, tmp_path)
    label(qtbot, a, SPEAKER, Qt.Key.Key_1)
    label(qtbot, a, SPEAKER, Qt.Key.Key_1)
    assert a.session.undo_stack.count() == 1
    assert press(qtbot, a, UNDO) == ""  # the one Ctrl+Z takes the span away
    assert labels(a) == []
