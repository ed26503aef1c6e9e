"""Tags and arc labels follow the zoom and never cover the text (issue 18, item 1).

Zoomed far out a tag's name would be wider than its words and taller than the room between
lines: below a readable size tags become coloured bars as wide as their words and arcs lose their
labels. At the smallest and the largest zoom, on right-to-left, left-to-right and mixed lines, no
tag or arc label touches a glyph of the text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.ui.docview import ArticleView
from annotator.ui.mainwindow import MainWindow
from annotator.ui.structlayout import line_glyphs
from annotator.ui.structpaint import BAR_HEIGHT
from annotator.ui.structure import Box
from tests.ui_helpers import make_window

ARABIC = "قال وزير الخارجية إن المحادثات كانت مثمرة وأكدت الوزارة أن الزيارة ستتم قريبا"
MIXED = "قال الرئيس Xi Jinping إن الزيارة الأولى منذ عام 2004 كانت مهمة جدا"
LATIN = "The minister said on Tuesday that the talks were fruitful, Reuters reported"
TEXT = "\n".join([ARABIC, MIXED, LATIN])
SPANS = [("وزير الخارجية", "speaker"), ("الخارجية", "event"), ("المحادثات كانت مثمرة", "claim"),
         ("Xi Jinping", "speaker"), ("الرئيس Xi", "claim"), ("عام 2004", "event"),
         ("The minister", "speaker"), ("the talks were fruitful", "claim"), ("Reuters", "speaker")]  # fmt: skip
LINKS = [("المحادثات كانت مثمرة", "attributed_to", "وزير الخارجية"),
         ("the talks were fruitful", "attributed_to", "The minister"),
         ("الرئيس Xi", "attributed_to", "Reuters")]  # fmt: skip


def _glyphs(view: ArticleView) -> list[Box]:
    """Every glyph on screen as a box: its x extent, the full height of its line."""
    out = []
    block = view.firstVisibleBlock()
    offset = view.contentOffset()
    while block.isValid():
        top = view.blockBoundingGeometry(block).translated(offset).top()
        if top > view.viewport().height():
            break
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            y = top + line.y()
            for _index, x0, x1 in line_glyphs(layout, line, block.text()):
                if x1 > x0:
                    out.append(Box(x0 + offset.x(), y, x1 + offset.x(), y + line.height()))
        block = block.next()
    return out


def _annotated(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    ids = {}
    for words, label in SPANS:
        i = TEXT.index(words)
        span = w.session.add_span(i, i + len(words), label)
        assert span is not None
        ids[words] = span.id or 0
    for head, rel, child in LINKS:
        assert w.session.add_relation(rel, ids[head], ids[child]) is not None
    return w


@pytest.mark.parametrize(("key", "presses"), [(Qt.Key.Key_Minus, 30), (Qt.Key.Key_Equal, 10)])
def test_no_tag_or_arc_label_covers_a_glyph_at_either_end_of_the_zoom(
    qtbot: QtBot, tmp_path: Path, key: Qt.Key, presses: int
) -> None:
    w = _annotated(qtbot, tmp_path)
    view = w.view
    sizes = [view.font().pointSizeF()]
    for _ in range(presses):  # Ctrl+- until the size stops changing; Ctrl+= to 38 points
        qtbot.keyClick(view, key, Qt.KeyboardModifier.ControlModifier)
        sizes.append(view.font().pointSizeF())
    assert sizes[-1] != sizes[0]
    if key == Qt.Key.Key_Minus:
        assert sizes[-1] == sizes[-2]  # the smallest size Qt goes to
    view.verticalScrollBar().setValue(0)
    view.viewport().repaint()
    glyphs = _glyphs(view)
    tags = [t.box for geo in view.structure.blocks for t in geo.tags]
    labels = [a.label_box for a in view.structure.arcs if a.label_box is not None]
    assert len(glyphs) > 30 and tags
    for box in tags + labels:
        assert not any(box.intersects(g) for g in glyphs), box
    for i, a in enumerate(tags):
        assert not any(a.intersects(b) for b in tags[i + 1 :])
    painter = view.structure.painter
    if key == Qt.Key.Key_Minus:  # too small for names: bars over the words, arcs unlabelled
        assert len(tags) == len(SPANS) and len(view.structure.arcs) == len(LINKS)
        assert painter.bars and labels == []
        for geo in view.structure.blocks:
            for t in geo.tags:
                assert t.box.x0 >= t.fragment.x0 - 0.5 and t.box.x1 <= t.fragment.x1 + 0.5
                assert t.box.height <= BAR_HEIGHT + 1
    else:  # names follow the zoom up
        assert not painter.bars and labels
        assert painter.font.pixelSize() > 20
