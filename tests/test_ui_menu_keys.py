"""Menu shortcuts read left to right in the right-to-left (Arabic) interface: a tester saw
"=+Ctrl", "-+Ctrl" and ",+Ctrl" in the menus (the F1 sheet had been fixed, not the menus)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from annotator.ui.mainwindow import MainWindow
from tests.ui_helpers import make_window

INK = 60  # lightness difference from the background that counts as drawn


def _glyph_heights(img: QImage, x0: int, x1: int, y0: int, y1: int) -> list[int]:
    """The ink height of each run of inked columns, left to right (one per glyph or so)."""
    bg = Counter(
        img.pixelColor(x, y).lightness() for x in range(x0, x1) for y in range(y0, y1)
    ).most_common(1)[0][0]
    heights, low, high = [], 10**6, -1
    for x in range(x0, x1 + 1):
        ys = [
            y for y in range(y0, y1) if x < x1 and abs(img.pixelColor(x, y).lightness() - bg) > INK
        ]
        if ys:
            low, high = min(low, *ys), max(high, *ys)
        elif high >= 0:
            heights.append(high - low + 1)
            low, high = 10**6, -1
    return heights


def _keys_drawn(w: MainWindow, action_id: str) -> list[int]:
    """The glyph heights of the half of the action's menu item where its keys are drawn."""
    action = w.actions_by_id[action_id]
    menu = next(
        m
        for a in w.menuBar().actions()
        if isinstance(m := a.menu(), QMenu) and action in m.actions()
    )
    menu.setLayoutDirection(QApplication.layoutDirection())
    menu.adjustSize()
    image = menu.grab().toImage()
    item = menu.actionGeometry(action)
    half = item.width() // 2
    rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    x0 = item.left() + 2 if rtl else item.left() + half  # the keys: where lines end
    return _glyph_heights(image, x0, x0 + half - 2, item.top() + 1, item.bottom())


@pytest.mark.parametrize("action_id", ["zoom_in", "zoom_out"])
def test_menu_keys_read_left_to_right_in_the_arabic_interface(
    qtbot: QtBot, tmp_path: Path, action_id: str
) -> None:
    w = make_window(qtbot, tmp_path, {"a": "قال الوزير"})
    english = _keys_drawn(w, action_id)
    assert english[0] > english[-1] + 3  # "Ctrl+=": a tall C first, a short = or - last
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # as the Arabic interface
    try:
        arabic = _keys_drawn(w, action_id)
    finally:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    # in the same order: the tall C first, the short sign last ("Ctrl+=", not "=+Ctrl")
    assert (arabic[0], arabic[-1]) == (english[0], english[-1])
