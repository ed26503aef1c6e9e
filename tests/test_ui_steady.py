"""The text stays where the annotator sees it while labelling and linking (issues 15 and 18).

A second row of stacked tags or an arc over a line needs more room above the line than a plain
line keeps; on screen the line keeps its room through the edit (what does not fit is drawn
smaller) and takes its own room once scrolled away, so no word on screen moves.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.ui.docview import ArticleView
from annotator.ui.mainwindow import MainWindow
from annotator.ui.structure import Box
from tests.ui_helpers import drag, make_window

LINE = "قال الوفد إن الوزارة ترى الزيارة مثمرة"
PARAS = [f"{LINE} ({i})" for i in range(30)]
TEXT = "\n".join(PARAS)


def _y(view: ArticleView, offset: int) -> int:
    """Where the character at ``offset`` is drawn (viewport y of its cursor rectangle)."""
    cursor = view.textCursor()
    cursor.setPosition(view.conv.to_utf16(offset))
    return view.cursorRect(cursor).top()


def _settle(view: ArticleView) -> None:
    view.viewport().repaint()
    QApplication.processEvents()  # a pass that would give lines their own room runs here
    view.viewport().repaint()


def _label(qtbot: QtBot, w: MainWindow, start: int, end: int, key: Qt.Key) -> int:
    drag(qtbot, w, start, end)
    qtbot.keyClick(w.view, key)
    span = next(s for s in w.session.spans if (s.start, s.end) == (start, end))
    assert span.id is not None
    return span.id


def _text_lines(view: ArticleView) -> list[Box]:
    width = view.viewport().width()
    return [Box(0, r.top, width, r.top + r.height) for g in view.structure.blocks for r in g.lines]


def _drawn_clear_of_the_text(view: ArticleView) -> None:
    """Every tag and arc run drawn sits in the room between lines, none over another tag."""
    _settle(view)
    lines = _text_lines(view)
    tags = [t.box for g in view.structure.blocks for t in g.tags]
    for box in tags:
        assert not any(box.intersects(line) for line in lines)
        assert sum(box.intersects(other) for other in tags) == 1  # itself only
    for arc in view.structure.arcs:
        for x, y in arc.points:
            assert not any(line.contains(x, y) and line.y0 < y < line.y1 for line in lines)


def test_labelling_and_linking_move_no_word_on_screen(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    view = w.view
    base = TEXT.index(PARAS[12])  # a paragraph in the middle of the screen
    bar = view.verticalScrollBar()
    while view.firstVisibleBlock().blockNumber() < 10 and bar.value() < bar.maximum():
        bar.setValue(bar.value() + 1)  # paragraph 10 at the top
    _settle(view)
    watched = {
        "above": TEXT.index("الوفد", TEXT.index(PARAS[10])),
        "word": base + PARAS[12].index("الوزارة"),
        "later": TEXT.index("الزيارة", TEXT.index(PARAS[14])),
        "next line": TEXT.index("قال", TEXT.index(PARAS[13])),
    }
    height = view.viewport().height()
    seen = {k: _y(view, v) for k, v in watched.items()}
    assert all(0 < y < height - 40 for y in seen.values()), seen  # all on screen

    def still() -> None:
        _settle(view)
        assert {k: _y(view, v) for k, v in watched.items()} == seen

    word = watched["word"]
    speaker = _label(qtbot, w, word, word + len("الوزارة"), Qt.Key.Key_1)
    still()
    claim_end = base + len(PARAS[12]) - len(" (12)")
    claim = _label(qtbot, w, word, claim_end, Qt.Key.Key_2)  # around the speaker: a second row
    still()
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # the attribute strip
    w.session.select(claim)
    qtbot.keyClick(view, Qt.Key.Key_A)  # attributed to: the only speaker is offered
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert [(r.head, r.child) for r in w.session.relations] == [(claim, speaker)]
    still()
    # a speaker two paragraphs down, linked from the claim: an arc in the margin
    later = watched["later"]
    other = _label(qtbot, w, later, later + len("الزيارة"), Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    w.session.select(claim)
    qtbot.keyClick(view, Qt.Key.Key_A)
    while w.modes.link is not None and w.modes.link.current != other:
        qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert len(w.session.relations) == 2
    still()
    _drawn_clear_of_the_text(view)
    assert len(view.structure.arcs) == 2
    for _ in range(4):  # undo every step: nothing moves either
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        still()


def test_a_line_squeezed_by_an_edit_takes_its_own_room_once_off_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    view = w.view
    s = w.session
    _settle(view)  # on screen before the edits
    start = TEXT.index("الوزارة")
    ids = [s.add_span(start, start + len(words), label) for words, label in
           (("الوزارة", "speaker"), ("الوزارة ترى", "stance"), ("الوزارة ترى الزيارة", "claim"))]  # fmt: skip
    assert all(sp is not None and sp.id is not None for sp in ids)
    _settle(view)
    first = view.structure.blocks[0]
    assert first.lines[0].scale < 1.0  # three rows in the room of a plain line: drawn smaller
    _drawn_clear_of_the_text(view)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    _settle(view)
    bar.setValue(0)
    _settle(view)
    first = view.structure.blocks[0]
    assert first.lines[0].scale == 1.0 and first.lines[0].rows == 3
    _drawn_clear_of_the_text(view)


def test_in_a_one_paragraph_article_a_line_takes_its_room_once_scrolled_off(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A long article with no line break is one block, always partly on screen: its lines keep
    their room only while they are on screen themselves."""
    text = " ".join(PARAS)
    w = make_window(qtbot, tmp_path, {"a": text})
    view = w.view
    _settle(view)
    start = text.index("الوزارة")
    for words, label in (("الوزارة", "speaker"), ("الوزارة ترى", "stance"),
                         ("الوزارة ترى الزيارة", "claim")):  # fmt: skip
        assert w.session.add_span(start, start + len(words), label) is not None
    _settle(view)
    (geo,) = view.structure.blocks
    assert geo.lines[0].scale < 1.0 and geo.kept == (0,)
    line_of_next = _y(view, text.index("الوزارة", start + 100))
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # the first line off screen, the block still on it
    _settle(view)
    assert view.structure.layout.unsettled == {}
    bar.setValue(0)
    _settle(view)
    (geo,) = view.structure.blocks
    assert geo.lines[0].scale == 1.0 and geo.lines[0].rows == 3 and geo.kept == ()
    _drawn_clear_of_the_text(view)
    assert _y(view, text.index("الوزارة", start + 100)) > line_of_next  # room was made above


MIXED = "قال الرئيس Xi Jinping إن الزيارة الأولى منذ عام 2004 كانت مهمة 😀 وأكدت الوزارة دعمها مع 𝕏"
WORDS = ("الوزارة", "Xi Jinping", "عام 2004", "دعمها", "الزيارة الأولى")


def test_random_edits_on_screen_move_no_word_on_screen(qtbot: QtBot, tmp_path: Path) -> None:
    """Labels, links and undos at random on the lines on screen (Latin, digits, emoji and a
    character outside the BMP inside Arabic, one long paragraph among short ones), between
    scrolls and resizes: a word on screen stays where it was through every edit."""
    text = "\n".join([MIXED] * 5 + [" ".join([MIXED] * 12)] + [MIXED] * 5)
    w = make_window(qtbot, tmp_path, {"a": text})
    view, s = w.view, w.session
    rng = random.Random(3)
    bar = view.verticalScrollBar()
    words = [(m.start(), m.end()) for t in WORDS for m in re.finditer(re.escape(t), text)]
    labels = ("speaker", "claim", "stance", "event")
    checked = 0

    def on_screen(pos: int) -> bool:
        return 0 < _y(view, pos) < view.viewport().height() - 60

    for _ in range(120):
        _settle(view)
        port = view.viewport()
        probe = view.offset_at(
            QPoint(rng.randrange(50, port.width() - 50), rng.randrange(10, port.height() - 80))
        )
        before = _y(view, probe)
        near = [wd for wd in words if on_screen(wd[0])] or words
        op = rng.random()
        if op < 0.5:
            a, b = rng.choice(near)
            s.add_span(a, min(len(text), b + rng.choice((0, 0, 8, 20))), rng.choice(labels))
        elif op < 0.7:
            shown = [sp for sp in s.spans if on_screen(sp.start)]
            if len(shown) < 2:
                continue
            head, child = rng.sample(shown, 2)
            fits = [r.id for r in s.schema.relations if r.allows(head.label, child.label)]
            if fits and head.id is not None and child.id is not None:
                s.add_relation(fits[0], head.id, child.id)
        elif op < 0.8:
            s.undo()
        elif op < 0.9:
            bar.setValue(rng.randrange(0, bar.maximum() + 1))
            continue
        else:
            w.resize(rng.choice((640, 900, 1200)), 800)
            continue
        _settle(view)
        assert _y(view, probe) == before
        checked += 1
    assert checked > 50 and len(s.spans) > 20 and s.relations
