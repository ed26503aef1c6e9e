"""Emoji in an article are drawn as colour pictures (not empty boxes), and a span's highlight
sits on the very characters it covers, emoji of two UTF-16 units and longer sequences included."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QTextCursor
from pytestqt.qtbot import QtBot

from annotator.ui.fonts import EMOJI_FAMILIES
from annotator.ui.mainwindow import MainWindow
from tests.ui_helpers import make_window

# a face, a thumb with a skin tone (two code points), a flag (two regional indicators), Latin,
# and a heart of the BMP that a text font (DejaVu) would otherwise draw in black
TEXT = "قال الوزير 😀 إن المحادثات كانت مثمرة 👍🏽 وأكد أن العلم 🇸🇾 مرفوع، وقال Xi 🙂 ذلك ❤."
EMOJI = ("😀", "👍🏽", "🇸🇾", "🙂", "❤")


def _extent(w: MainWindow, start: int, end: int) -> QRect:
    """Where text[start:end] is on screen (one line), from the cursor positions at its ends."""
    view = w.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.conv.to_utf16(start))
    a = view.cursorRect(cursor)
    cursor.setPosition(view.conv.to_utf16(end))
    return a.united(view.cursorRect(cursor))


def _columns(image: QImage, rect: QRect, hue: float, saturation: float) -> list[int]:
    """The x of every column in ``rect`` with a pixel of about this hue and at least this
    saturation."""
    found = []
    for x in range(max(rect.left(), 0), min(rect.right() + 1, image.width())):
        for y in range(max(rect.top(), 0), min(rect.bottom() + 1, image.height())):
            colour = image.pixelColor(x, y)
            distance = abs(colour.hueF() - hue) % 1.0  # hue is a circle: red is near 0 and 1
            if colour.saturationF() >= saturation and min(distance, 1 - distance) < 0.06:
                found.append(x)
                break
    return found


def test_emoji_are_drawn_by_a_colour_emoji_font(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    layout = w.view.document().firstBlock().layout()
    for emoji in EMOJI:
        start = w.view.conv.to_utf16(TEXT.index(emoji))
        runs = layout.glyphRuns(start, len(emoji.encode("utf-16-le")) // 2)
        assert runs and {r.rawFont().familyName() for r in runs} <= set(EMOJI_FAMILIES), emoji
        # one picture each: the skin tone and the flag's two letters are joined, not side by side
        assert sum(len(r.glyphIndexes()) for r in runs) == 1, emoji
    # and on screen the face is yellow, where an empty box would be grey lines
    image = w.view.viewport().grab().toImage()
    face = TEXT.index("🙂")
    yellow = QColor("#ffcc33").hueF()
    assert len(_columns(image, _extent(w, face, face + 1), yellow, 0.5)) > 10


def test_a_highlight_on_an_emoji_sits_on_it(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    face = TEXT.index("😀")
    thumb = TEXT.index("👍🏽")
    claim = TEXT.index("المحادثات")
    w.session.add_span(face, face + 1, "event")
    w.session.add_span(claim, thumb + len("👍🏽"), "claim")
    w.controller.chooser.hide()
    w.session.select(0)  # drawn as every span is, not emphasised
    qtbot.waitUntil(lambda: not w.view._repaint.isActive())
    image = w.view.viewport().grab().toImage()
    for start, end, label in ((face, face + 1, "event"), (thumb, thumb + 2, "claim")):
        where = _extent(w, start, end)
        around = where.adjusted(-30, 0, 30, 0)
        hue = QColor(w.session.schema.label(label).color).hueF()
        painted = _columns(image, around, hue, 0.08)
        assert painted, label
        # the highlight reaches the emoji's edges, and on the emoji's side stops there
        assert abs(min(painted) - where.left()) <= 2 or abs(max(painted) - where.right()) <= 2
        if label == "event":  # a span of the emoji alone: both edges are the emoji's
            assert abs(min(painted) - where.left()) <= 2 and abs(max(painted) - where.right()) <= 2
