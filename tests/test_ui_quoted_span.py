"""A span over a clause that ends in a quoted word (issue: the highlight covered a quotation mark
the span did not hold): the label key keeps both quotation marks or neither, and the highlight
covers exactly the span's characters."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from annotator.ui.docview import ArticleView
from tests.ui_helpers import drag, make_window

PRE = "أعلن المتحدث باسم وزارة الخارجية في مؤتمر صحفي عقده اليوم في العاصمة، وقال الوزير "
TEXT = PRE + 'إن العلاقات مع سوريا "استراتيجية"، وأضاف أن التعاون مستمر بين البلدين.'


def _tinted_share(view: ArticleView, image: QImage, offset: int) -> float:
    """Share of the pixels under the character at ``offset`` (below the glyph) that are tinted."""
    cursor = view.textCursor()
    cursor.setPosition(view.conv.to_utf16(offset))
    a = view.cursorRect(cursor)
    cursor.setPosition(view.conv.to_utf16(offset + 1))
    b = view.cursorRect(cursor)
    x0, x1 = sorted((a.center().x(), b.center().x()))
    y = a.center().y() + a.height() // 3  # under the quotation mark's ink, on the highlight
    xs = range(x0 + 1, x1)  # the character's inside, not the pixels it shares with neighbours
    tinted = [x for x in xs if image.pixelColor(x, y).saturation() > 60]
    return len(tinted) / max(1, len(xs))


def test_labelling_a_clause_ending_in_a_quoted_word_keeps_the_closing_mark(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    start, comma = TEXT.index("إن العلاقات"), TEXT.index("،", len(PRE))
    drag(qtbot, w, start, comma + 1)  # the tester's sweep, comma included
    qtbot.keyClick(w.view, Qt.Key.Key_2)
    [span] = w.session.spans
    assert span.text == 'إن العلاقات مع سوريا "استراتيجية"'
    assert (span.start, span.end) == (start, comma)
    w.view.viewport().repaint()
    image = w.view.viewport().grab().toImage()
    assert _tinted_share(w.view, image, comma - 1) > 0.8  # the closing mark is in, and drawn in
    assert _tinted_share(w.view, image, comma) < 0.2  # the comma is out, and drawn out
    assert _tinted_share(w.view, image, comma + 2) < 0.2
