"""Small windows and the span table: the article gets most of the width at 640x480 (a tester
measured 250 px of it, the side panels taking the rest), and the span table's columns stay inside
the panel in both interface directions (its fourth column was cut at the window's edge)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.ui.mainwindow import MainWindow
from tests.ui_helpers import drag, make_window

TEXT = "قال الرئيس Xi Jinping لوكالة Reuters إن الاقتصاد نما بنسبة 5.2% وأكد المتحدث دعمه."


def _resize(qtbot: QtBot, w: MainWindow, width: int, height: int) -> None:
    w.resize(width, height)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == (width, height))
    QApplication.processEvents()


def _columns_inside(w: MainWindow) -> bool:
    table = w.spanpanel.table
    header = table.horizontalHeader()
    inside = table.viewport().rect()
    print(
        [(header.sectionViewportPosition(c), header.sectionSize(c)) for c in range(header.count())],
        inside,
        table.horizontalScrollBar().isVisible(),
    )
    return not table.horizontalScrollBar().isVisible() and all(
        header.sectionViewportPosition(c) >= 0
        and header.sectionViewportPosition(c) + header.sectionSize(c) <= inside.width()
        for c in range(header.count())
        if not header.isSectionHidden(c)
    )


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_the_article_gets_most_of_a_small_window_and_the_span_table_fits(
    qtbot: QtBot, tmp_path: Path, direction: Qt.LayoutDirection
) -> None:
    QApplication.setLayoutDirection(direction)  # RightToLeft: as in the Arabic interface
    try:
        w = make_window(qtbot, tmp_path, {"a": TEXT})
        for words, key in (("Xi Jinping", Qt.Key.Key_1), ("الاقتصاد نما", Qt.Key.Key_2)):
            start = TEXT.index(words)
            drag(qtbot, w, start, start + len(words))
            qtbot.keyClick(w.view, key)
            qtbot.keyClick(w.view, Qt.Key.Key_Escape)
        assert len(w.session.spans) == 2
        assert _columns_inside(w)
        _resize(qtbot, w, 640, 480)
        qtbot.waitUntil(lambda: w.view.width() > w.width() // 2)
        assert w.doclist.width() >= 120 and w.spanpanel.width() >= 120
        assert _columns_inside(w)
        _resize(qtbot, w, 1200, 800)
        assert _columns_inside(w)
    finally:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
