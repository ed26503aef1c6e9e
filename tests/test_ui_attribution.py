"""Attributes and relations in the window: keyboard and mouse linking, refusals, undo, checklist."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QTextCursor, QTextLayout, QTextLine, QTextOption
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from annotator.ui.i18n import install
from annotator.ui.mainwindow import MainWindow
from tests.ui_helpers import drag, make_window

TEXT = "قال الوزير إن المحادثات مثمرة. وتدعم الحكومة الاتفاق بعد الزيارة."
WORDS = {"speaker": "الوزير", "claim": "المحادثات مثمرة", "stance": "وتدعم", "event": "الزيارة",
         "speaker2": "الحكومة"}  # fmt: skip
RELATION_KEYS = {"attributed_to": Qt.Key.Key_A, "holder": Qt.Key.Key_H, "target": Qt.Key.Key_T,
                 "participant": Qt.Key.Key_P}  # fmt: skip


def _label_all(w: MainWindow) -> dict[str, int]:
    ids = {}
    for name, word in WORDS.items():
        i = TEXT.index(word)
        span = w.session.add_span(i, i + len(word), name.rstrip("2"))
        assert span is not None
        ids[name] = span.id or 0
    return ids


def _no_selection(w: MainWindow) -> None:
    w.view.setTextCursor(QTextCursor(w.view.document()))


@pytest.mark.parametrize(
    ("relation", "head", "child"),
    [("attributed_to", "claim", "speaker"), ("holder", "stance", "speaker2"),
     ("target", "stance", "event"), ("participant", "event", "speaker")],
)  # fmt: skip
def test_each_relation_by_keyboard(
    qtbot: QtBot, tmp_path: Path, relation: str, head: str, child: str
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    ids = _label_all(w)
    w.session.select(ids[head])
    _no_selection(w)
    qtbot.keyClick(w.view, RELATION_KEYS[relation])
    assert w.modes.link is not None
    while w.modes.link.current != ids[child]:
        qtbot.keyClick(w.view, Qt.Key.Key_Left)
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    (rel,) = w.session.relations
    assert (rel.label, rel.head, rel.child) == (relation, ids[head], ids[child])
    # only labels the schema allows were offered
    allowed = w.session.schema.relation_type(relation).child
    assert all(w.session.span(c).label in allowed for c in [rel.child])  # type: ignore[union-attr]


def test_a_keyboard_link_is_cancelled_made_and_undone(qtbot: QtBot, tmp_path: Path) -> None:
    """Claim selected: A offers only the speakers, arrows move, Esc cancels and keeps the claim
    selected; A again, Enter links (stored at once); Ctrl+Z takes the link back, Ctrl+Shift+Z
    brings it again."""
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    ids = _label_all(w)
    w.session.select(ids["claim"])
    _no_selection(w)
    qtbot.keyClick(w.view, Qt.Key.Key_A)
    link = w.modes.link
    assert link is not None and sorted(link.candidates) == sorted([ids["speaker"], ids["speaker2"]])
    first = link.current
    qtbot.keyClick(w.view, Qt.Key.Key_Left)
    assert w.modes.link is not None and w.modes.link.current != first
    qtbot.keyClick(w.view, Qt.Key.Key_Right)  # back: right is "previous" in right-to-left text
    assert w.modes.link is not None and w.modes.link.current == first
    with qtbot.waitSignal(w.session.message) as blocker:
        qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert blocker.args == ["Linking cancelled."]
    assert w.modes.link is None and w.session.relations == []
    assert w.session.selected == ids["claim"]  # Esc left link mode only
    qtbot.keyClick(w.view, Qt.Key.Key_A)
    qtbot.keyClick(w.view, Qt.Key.Key_Right)  # wraps to the last speaker
    assert w.modes.link is not None
    chosen = w.modes.link.current
    assert chosen != first
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert w.modes.link is None
    stored = w.session.project.layer(w.session.document.id, "layla")  # type: ignore[union-attr]
    assert [r.label for r in stored.relations] == ["attributed_to"]
    assert [(r.label, r.head, r.child) for r in w.session.relations] == [
        ("attributed_to", ids["claim"], chosen)
    ]
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.session.relations == []
    assert w.session.project.layer(w.session.document.id, "layla").relations == []  # type: ignore[union-attr]
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(w.view, Qt.Key.Key_Z, redo)
    assert [(r.label, r.head, r.child) for r in w.session.relations] == [
        ("attributed_to", ids["claim"], chosen)
    ]


def test_relation_by_mouse(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    ids = _label_all(w)
    claim = TEXT.index(WORDS["claim"])
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=w.view.point_of(claim + 2))
    assert w.session.selected == ids["claim"]
    w.action("relation:attributed_to").trigger()  # the toolbar button
    speaker = TEXT.index(WORDS["speaker"])
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=w.view.point_of(speaker + 2))
    assert [(r.label, r.head, r.child) for r in w.session.relations] == [
        ("attributed_to", ids["claim"], ids["speaker"])
    ]


def test_forbidden_pair_is_refused_with_a_message(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    ids = _label_all(w)
    w.session.select(ids["speaker"])
    with qtbot.waitSignal(w.session.message) as blocker:
        w.action("relation:attributed_to").trigger()
    assert "start at a «Claim» span" in blocker.args[0]  # type: ignore[index]
    assert w.modes.link is None and w.session.relations == []
    # the store refuses it too, whoever asks
    assert w.session.add_relation("attributed_to", ids["speaker"], ids["claim"]) is None


def test_undo_of_span_deletion_brings_its_relations_back(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    ids = _label_all(w)
    w.session.add_relation("attributed_to", ids["claim"], ids["speaker"])
    w.session.add_relation("participant", ids["event"], ids["speaker"])
    w.session.select(ids["speaker"])
    w.action("delete_span").trigger()
    assert w.session.relations == [] and w.session.span(ids["speaker"]) is None
    w.action("undo").trigger()
    assert sorted(r.label for r in w.session.relations) == ["attributed_to", "participant"]
    assert w.session.span(ids["speaker"]) is not None
    w.action("redo").trigger()
    assert w.session.relations == []


def test_attribute_picker_after_labelling_and_undo(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    i = TEXT.index(WORDS["claim"])
    w.view.select_range(i, i + len(WORDS["claim"]))
    w.action("label:claim").trigger()
    (span,) = w.session.spans
    assert span.attributes == {"form": "indirect"}  # the schema default
    chooser = w.controller.chooser
    assert chooser.isVisible() and not chooser.hasFocus() and w.view.hasFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_1)  # the first value, not the speaker label
    assert w.session.spans[0].attributes == {"form": "direct_quote"}
    assert w.session.spans[0].label == "claim" and not chooser.isVisible()
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.session.spans[0].attributes == {"form": "indirect"}
    # a click on a value works too
    w.controller.open_attribute_picker(w.session.spans[0].id or 0)
    button = chooser.buttons[chooser.choices.index(("form", "paraphrase"))]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert w.session.spans[0].attributes == {"form": "paraphrase"}


def test_the_chooser_does_not_swallow_the_next_key(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    i = TEXT.index(WORDS["claim"])
    w.view.select_range(i, i + len(WORDS["claim"]))
    qtbot.keyClick(w.view, Qt.Key.Key_2)
    assert len(w.session.spans) == 1 and w.controller.chooser.isVisible()
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # right away
    assert w.session.spans == [] and not w.controller.chooser.isVisible()


def test_checklist_lists_what_is_unlinked(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    ids = _label_all(w)

    def items() -> list[str]:
        return [w.spanpanel.checklist.item(i).text() for i in range(w.spanpanel.checklist.count())]

    qtbot.waitUntil(lambda: any(t.startswith("Claim") and "has no speaker" in t for t in items()))
    # one language per line (the interface's), so the sentence reads in one direction
    event = next(t for t in items() if t.startswith("Event «"))
    assert event.endswith("\u2069» has no participant") and "الحدث" not in event
    assert event.startswith("Event «\u2067")  # the quoted words keep their own order
    w.session.add_relation("attributed_to", ids["claim"], ids["speaker"])
    qtbot.waitUntil(lambda: not any("has no speaker" in t for t in items()))
    assert any("participant" in t for t in items())
    w.session.select(ids["claim"])
    speaker = w.session.span(ids["speaker"])
    assert speaker is not None
    qtbot.waitUntil(lambda: w.spanpanel.links.count() == 1)  # the panel follows the text
    assert [w.spanpanel.links.item(i).text() for i in range(w.spanpanel.links.count())] == [
        f"→ attributed to: \u2067{speaker.text}\u2069"  # isolated: keeps its own order
    ]


def test_who_said_what_without_the_mouse(qtbot: QtBot, tmp_path: Path) -> None:
    """Keyboard only: select with Shift+arrows, label, Tab to the claim, link, mark done."""
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    w.controller.pick_attributes = False
    view = w.view

    def select_word(word: str) -> None:
        cursor = view.textCursor()
        cursor.setPosition(TEXT.index(word))
        view.setTextCursor(cursor)
        for _ in range(len(word)):
            qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)

    select_word("الوزير")
    qtbot.keyClick(view, Qt.Key.Key_1)
    select_word("المحادثات")
    qtbot.keyClick(view, Qt.Key.Key_2)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # the first span in text order: the speaker
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # the claim
    assert w.session.span(w.session.selected).label == "claim"  # type: ignore[union-attr]
    qtbot.keyClick(view, Qt.Key.Key_A)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    layer = w.session.project.layer(w.session.document.id, "layla")  # type: ignore[union-attr]
    assert [(s.label, s.text) for s in layer.spans] == [
        ("speaker", "الوزير"),
        ("claim", "المحادثات"),
    ]
    assert [(r.label, r.head, r.child) for r in layer.relations] == [("attributed_to", "s2", "s1")]
    assert layer.status == "done"


def test_span_list_shows_line_and_context_and_follows_edits(qtbot: QtBot, tmp_path: Path) -> None:
    """Identical span texts are told apart by line and context; the model announces each edit
    (once the article shows it: the panel follows when the event loop runs)."""
    text = "قال الرئيس إن الزيارة مهمة.\nوأكد الرئيس أن الحوار مستمر."
    w = make_window(qtbot, tmp_path, {"a": text})
    model = w.spanpanel.model
    inserted: list[int] = []
    removed: list[int] = []
    resets: list[bool] = []
    model.rowsInserted.connect(lambda _p, first, _l: inserted.append(first))
    model.rowsRemoved.connect(lambda _p, first, _l: removed.append(first))
    model.modelReset.connect(lambda: resets.append(True))
    second = text.index("الرئيس", 10)
    w.view.select_range(second, second + 6)
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    first = text.index("الرئيس")
    w.view.select_range(first, first + 6)
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: len(inserted) == 2)
    assert inserted == [0, 0] and resets == []  # the earlier span goes above, one row at a time
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(2)]
    assert [r[1] for r in rows] == ["الرئيس", "الرئيس"]
    assert [r[2] for r in rows] == [1, 2]  # lines
    assert rows[0][3] == "قال «الرئيس» إن الزيارة مهمة."
    assert rows[1][3] == "وأكد «الرئيس» أن الحوار مستمر."
    assert model.rowCount() == len(w.session.spans)
    assert model._items is not w.session.spans  # its own rows
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: removed == [0])
    assert model.rowCount() == 1
    assert model.index(0, 2).data() == 2


DATED = "قال الوزير إن عام 2004 كان صعبا. وتدعم الحكومة الاتفاق بعد الزيارة."
DATED_KEYS = {"2004": Qt.Key.Key_2, "وتدعم": Qt.Key.Key_3, "الزيارة": Qt.Key.Key_4}


def _checklist_by_keys(qtbot: QtBot, tmp_path: Path) -> list[str]:
    """Label a claim, a stance and an event with their keys; the checklist lines shown."""
    w = make_window(qtbot, tmp_path, {"a": DATED})
    for word, key in DATED_KEYS.items():
        i = DATED.index(word)
        w.view.select_range(i, i + len(word))
        qtbot.keyClick(w.view, key)
        qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: w.spanpanel.checklist.count() == 4)
    return [w.spanpanel.checklist.item(i).text() for i in range(4)]


def test_each_missing_link_reads_as_a_sentence(qtbot: QtBot, tmp_path: Path) -> None:
    assert sorted(_checklist_by_keys(qtbot, tmp_path)) == [
        "Claim «\u20672004\u2069» has no speaker",
        "Event «\u2067الزيارة\u2069» has no participant",
        "Stance «\u2067تدعم\u2069» has no holder",
        "Stance «\u2067تدعم\u2069» has no target",
    ]


def test_each_missing_link_reads_as_a_sentence_in_arabic(qtbot: QtBot, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        install(app, "ar")
        lines = _checklist_by_keys(qtbot, tmp_path)
    finally:
        install(app, "en")
    assert sorted(lines) == sorted(
        [
            "الادعاء «\u20672004\u2069» بلا متحدث",
            "الحدث «\u2067الزيارة\u2069» بلا مشاركين",
            "الموقف «\u2067تدعم\u2069» بلا صاحب موقف",
            "الموقف «\u2067تدعم\u2069» بلا موضوع",
        ]
    )


MIXED = "قال Xi Jinping الرئيس الصيني إن المحادثات مثمرة."


def _centre(text: str, index: int, font: QFont) -> float:
    """Where the character at ``index`` lands on a left-to-right line of ``text`` (its centre)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    edges = [
        line.cursorToX(index, edge) for edge in (QTextLine.Edge.Leading, QTextLine.Edge.Trailing)
    ]
    xs = [e[0] if isinstance(e, tuple) else e for e in edges]
    return sum(xs) / 2


def test_a_mixed_speaker_reads_in_the_links_as_in_the_article(qtbot: QtBot, tmp_path: Path) -> None:
    """Tester: "→ attributed to: Xi Jinping الرئيس الصيني" put the Latin name first."""
    w = make_window(qtbot, tmp_path, {"a": MIXED})
    w.controller.pick_attributes = False
    who = "Xi Jinping الرئيس الصيني"
    for words, key in ((who, Qt.Key.Key_1), ("المحادثات مثمرة", Qt.Key.Key_2)):
        i = MIXED.index(words)
        w.view.select_range(i, i + len(words))
        qtbot.keyClick(w.view, key)
    assert [s.text for s in w.session.spans] == [who, "المحادثات مثمرة"]
    qtbot.keyClick(w.view, Qt.Key.Key_A)  # link the selected claim to its speaker
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert len(w.session.relations) == 1
    links = w.spanpanel.links
    qtbot.waitUntil(lambda: links.count() == 1)
    line = links.item(0).text()
    assert line.startswith("→ attributed to: ")
    # as in the article (right to left), the Latin name stands right of the Arabic title
    font = links.font()
    assert _centre(line, line.index("X"), font) > _centre(
        line, line.index("ا", line.index("X")), font
    )


def _lines_on_screen(w: MainWindow) -> list[QRect]:
    """Every visual line of text the viewport shows (clipped to it, in the view's coordinates)."""
    view, port = w.view, w.view.viewport()
    rects = []
    block = view.firstVisibleBlock()
    while block.isValid():
        top = view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
        if top > port.height():
            break
        layout = block.layout()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n).rect().translated(0, top).toRect()
            if line.bottom() >= 0 and line.top() < port.height():
                # what is drawn of it: the viewport clips a line it cuts
                rects.append(line.translated(port.geometry().topLeft()) & port.geometry())
        block = block.next()
    return rects


@pytest.mark.parametrize("where", ["top", "last line on screen"])
def test_the_attribute_strip_covers_no_text(qtbot: QtBot, tmp_path: Path, where: str) -> None:
    lines = [f"السطر {i}: قال الوزير إن المحادثات كانت مثمرة وإن الزيارة ناجحة." for i in range(80)]
    text = "\n".join(lines)
    w = make_window(qtbot, tmp_path, {"a": text})
    view = w.view
    shown = _lines_on_screen(w)
    row = (
        0
        if where == "top"
        else len([r for r in shown if r.bottom() < view.viewport().height()]) - 1
    )
    start = text.index(lines[row]) + lines[row].index("الزيارة")
    drag(qtbot, w, start, start + len("الزيارة"))
    qtbot.keyClick(view, Qt.Key.Key_4)  # event: its type is asked for at once
    chooser = w.controller.chooser
    assert chooser.isVisible() and chooser.choices[0] == ("type", "call")
    strip = chooser.geometry()
    covered = [r for r in _lines_on_screen(w) if r.intersects(strip)]
    assert covered == [], "the strip hides a line of text"
    # the labelled word stays on screen, above the strip
    assert view.viewport().rect().contains(view.point_of(start))
    assert "الزيارة" in chooser.findChildren(QLabel)[0].text()  # it says which span it is for
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not chooser.isVisible() and view.viewport().geometry().bottom() > strip.top()


def test_the_attribute_strip_wraps_in_a_small_window_and_follows_a_resize(
    qtbot: QtBot, tmp_path: Path
) -> None:
    lines = [f"السطر {i}: قال الوزير إن المحادثات كانت مثمرة وإن الزيارة ناجحة." for i in range(40)]
    text = "\n".join(lines)
    w = make_window(qtbot, tmp_path, {"a": text})
    w.resize(640, 480)
    qtbot.waitUntil(lambda: w.width() == 640)
    start = text.index("الزيارة")
    drag(qtbot, w, start, start + len("الزيارة"))
    qtbot.keyClick(w.view, Qt.Key.Key_4)
    chooser = w.controller.chooser
    for size in ((640, 480), (1100, 700), (700, 520)):
        w.resize(*size)
        qtbot.waitUntil(lambda size=size: (w.width(), w.height()) == size)  # type: ignore[misc]
        strip = chooser.geometry()
        assert chooser.isVisible() and [r for r in _lines_on_screen(w) if r.intersects(strip)] == []
        assert strip.top() == w.view.viewport().geometry().bottom() + 1  # right under the text
        assert strip.width() == w.view.viewport().width()
        for button in chooser.buttons:  # every value whole and inside the strip, none squeezed
            assert button.width() >= button.sizeHint().width(), button.text()
            assert chooser.rect().contains(button.geometry()), button.text()
    qtbot.keyClick(w.view, Qt.Key.Key_2)  # still works by key after the resizes
    assert w.session.spans[0].attributes == {"type": "visit"}
    assert not chooser.isVisible() and w.view.viewportMargins().bottom() == 0


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_attribute_strip_reads_in_the_interface_direction_over_an_arabic_article(
    qtbot: QtBot, tmp_path: Path, lang: str
) -> None:
    """English interface: left to right, the span first, then "type:", then 1, 2, 3 ...; Arabic:
    the same order from the right. (It used to take the article's direction in both.)"""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    text = "قال الوزير إن المحادثات كانت مثمرة وإن الزيارة ناجحة.\n"
    try:
        install(app, lang)
        w = make_window(qtbot, tmp_path, {"a": text})
        start = text.index("الزيارة")
        drag(qtbot, w, start, start + len("الزيارة"))
        qtbot.keyClick(w.view, Qt.Key.Key_4)  # event: the strip asks for its type
        chooser = w.controller.chooser
        assert chooser.isVisible()
        shown = [c for c in chooser.children() if isinstance(c, (QLabel, QPushButton))
                 and c.isVisible()]  # fmt: skip
        texts = [c.text() for c in shown]
        assert "الزيارة" in texts[0] and texts[2].startswith("1  ") and texts[3].startswith("2  ")
        expected = (
            Qt.LayoutDirection.LeftToRight if lang == "en" else Qt.LayoutDirection.RightToLeft
        )
        assert {c.layoutDirection() for c in [chooser, *shown]} == {expected}
        xs = [c.geometry().center().x() for c in shown]
        assert xs == (sorted(xs) if lang == "en" else sorted(xs, reverse=True))
        assert texts[1] == ("type:" if lang == "en" else "النوع:")
        qtbot.keyClick(w.view, Qt.Key.Key_2)  # the digit picks the value numbered 2 either way
        assert w.session.spans[0].attributes == {"type": "visit"}
    finally:
        install(app, "en")
