"""R, the arc toggle: a choice made in one document does not open a dense one (200 relations or
more) with every arc, and each press says which arcs are drawn (a tester saw neither)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.ui.mainwindow import MainWindow
from annotator.ui.structscene import ARCS_ALL_LIMIT, ArcMode
from tests.ui_helpers import make_window, many_relations, status_sentence

SMALL = "قال الوزير إن المحادثات مثمرة."
DENSE = "كلمة " * (ARCS_ALL_LIMIT + 10)


def _key(qtbot: QtBot, w: MainWindow, key: Qt.Key, mod: Qt.KeyboardModifier | None = None) -> None:
    qtbot.keyClick(w.view, key, mod or Qt.KeyboardModifier.NoModifier)


def test_r_says_which_arcs_are_drawn(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": SMALL})
    button = w.actions_by_id["arcs"]
    said = []
    for mode in (ArcMode.SELECTED, ArcMode.NONE, ArcMode.ALL):
        _key(qtbot, w, Qt.Key.Key_R)
        assert w.view.structure.mode is mode
        said.append(status_sentence(w))
        assert button.toolTip() == said[-1]  # the toolbar button says it too
    assert said == [
        "Arcs: only the selected span's relations; R hides them all.",
        "Arcs: hidden; R shows all relations.",
        "Arcs: all relations; R shows only the selected span's.",
    ]


def test_a_dense_document_opens_on_the_selected_spans_arcs_after_r(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": DENSE, "b": SMALL})
    many_relations(w, ARCS_ALL_LIMIT)  # a claim attributed to ARCS_ALL_LIMIT speakers
    _key(qtbot, w, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # to b
    for _ in range(3):  # all -> the selected span's -> none -> all: chosen by the annotator
        _key(qtbot, w, Qt.Key.Key_R)
    assert w.view.structure.mode is ArcMode.ALL
    _key(qtbot, w, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # back to the dense one
    assert w.view.structure.mode is ArcMode.SELECTED
    said = (
        f"This document has {ARCS_ALL_LIMIT} links: only the selected span's arcs are drawn;"
        " R hides them all."
    )
    qtbot.waitUntil(lambda: status_sentence(w) == said)
    assert w.actions_by_id["arcs"].toolTip().startswith("Arcs: only the selected span's")
    _key(qtbot, w, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # the small one: all again
    assert w.view.structure.mode is ArcMode.ALL


def test_arcs_hidden_by_r_stay_hidden_in_a_dense_document(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": DENSE, "b": SMALL})
    many_relations(w, ARCS_ALL_LIMIT)  # a claim attributed to ARCS_ALL_LIMIT speakers
    _key(qtbot, w, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    _key(qtbot, w, Qt.Key.Key_R)
    _key(qtbot, w, Qt.Key.Key_R)
    assert w.view.structure.mode is ArcMode.NONE
    _key(qtbot, w, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert w.view.structure.mode is ArcMode.NONE
