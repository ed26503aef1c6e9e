"""The annotation workspace, driven as an annotator would: mouse, keys, undo, reopen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from annotator.store import Project
from annotator.ui.docview import ArticleView
from tests.ui_helpers import drag, make_window, point_in

TEXT = "قال وزير الخارجية إن المحادثات مثمرة، وأكدت الصين دعمها.\nسطر ثان عن الزيارة."


def test_mouse_drag_across_rtl_words_stores_code_point_offsets(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    start = TEXT.index("وزير")
    drag(qtbot, w, start, start + len("وزير الخارجية"))
    assert w.view.selection() == (start, start + len("وزير الخارجية"))
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    (span,) = w.session.spans
    assert (span.start, span.end, span.label, span.text) == (
        start,
        start + 13,
        "speaker",
        "وزير الخارجية",
    )


@pytest.mark.parametrize("prefix", ["😀👍🏽 ", "قالَ الرئيسُ: ", "\u200fتقرير: "])
def test_offsets_stay_right_after_emoji_diacritics_and_marks(
    qtbot: QtBot, tmp_path: Path, prefix: str
) -> None:
    text = prefix + TEXT
    w = make_window(qtbot, tmp_path, {"a": text})
    start = text.index("الصين")
    drag(qtbot, w, start, start + 5)
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    (span,) = w.session.spans
    assert text[span.start : span.end] == "الصين"
    assert span.start == start


def test_keyboard_selection_and_whole_word_snapping(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    cursor = w.view.textCursor()
    cursor.setPosition(TEXT.index("المحادثات") + 2)  # inside the word
    w.view.setTextCursor(cursor)
    for _ in range(3):
        qtbot.keyClick(w.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert w.view.selection() is not None
    qtbot.keyClick(w.view, Qt.Key.Key_2)
    (span,) = w.session.spans
    assert span.text == "المحادثات" and span.label == "claim"


def test_label_key_leaves_the_clitic_out_and_alt_keeps_it(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    s = TEXT.index("وأكدت")
    w.view.select_range(s + 2, s + 3)  # a letter inside the word
    qtbot.keyClick(w.view, Qt.Key.Key_4)  # event, by the guideline: without the و
    assert [sp.text for sp in w.session.spans] == ["أكدت"]
    w.view.select_range(s, s + 5)
    qtbot.keyClick(w.view, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # the letters as selected
    assert sorted(sp.text for sp in w.session.spans) == ["أكدت", "وأكدت"]


def test_overlapping_spans_relabel_delete_undo_redo(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    s = w.session
    claim = TEXT.index("المحادثات")
    w.view.select_range(claim, claim + len("المحادثات مثمرة"))
    w.action("label:claim").trigger()
    w.view.select_range(claim, claim + 3)
    w.action("label:speaker").trigger()
    assert sorted(sp.label for sp in s.spans) == ["claim", "speaker"]
    speaker = next(sp for sp in s.spans if sp.label == "speaker")
    s.select(speaker.id or 0)
    w.view.setTextCursor(QTextCursor(w.view.document()))  # no selection: the key relabels
    w.action("label:event").trigger()
    assert sorted(sp.label for sp in s.spans) == ["claim", "event"]
    w.action("delete_span").trigger()
    assert [sp.label for sp in s.spans] == ["claim"]
    w.action("undo").trigger()
    assert sorted(sp.label for sp in s.spans) == ["claim", "event"]
    w.action("undo").trigger()
    assert sorted(sp.label for sp in s.spans) == ["claim", "speaker"]
    w.action("redo").trigger()
    w.action("redo").trigger()
    assert [sp.label for sp in s.spans] == ["claim"]
    # the store agrees with the window at every step
    assert [sp.label for sp in s.project.spans(s.document.id, "layla")] == ["claim"]  # type: ignore[union-attr]


def test_close_and_reopen_finds_every_span(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT, "b": "نص آخر عن الاجتماع"})
    for word, key in (("وزير", "1"), ("المحادثات", "2"), ("الزيارة", "4")):
        i = TEXT.index(word)
        w.view.select_range(i, i + len(word))
        w.action(f"label:{ {'1': 'speaker', '2': 'claim', '4': 'event'}[key] }").trigger()
    w.action("mark_done").trigger()  # the claim has no speaker yet: a warning first
    w.action("mark_done").trigger()  # done anyway
    w.close()
    with Project.open(tmp_path / "p.db") as p:
        doc = p.find_document("a")
        assert [sp.text for sp in p.spans(doc.id, "layla")] == ["وزير", "المحادثات", "الزيارة"]
        assert p.status(doc.id, "layla") == "done"


def test_filter_finds_alasad_ignoring_hamza(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": "الأسد يزور الصين\nنص", "b": "عنوان آخر\nنص"})
    # QTest cannot type non-Latin keys (it aborts); the typed result is what the filter sees
    w.doclist.filter.setText("الاسد")
    model = w.doclist.model
    assert model.rowCount() == 1 and model.doc_at(0).title == "الأسد يزور الصين"  # type: ignore[union-attr]


def test_a_row_changed_while_filtered_stays_changed_after_the_filter(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": "الأسد يزور الصين\nنص", "b": "عنوان آخر\nنص"})
    w.doclist.filter.setText("اخر")
    model = w.doclist.model
    assert model.rowCount() == 1 and model.doc_at(0).title == "عنوان آخر"  # type: ignore[union-attr]
    w.doclist.table.clicked.emit(model.index(0, 0))
    w.action("mark_done").trigger()
    assert model.doc_at(0).status == "done"  # type: ignore[union-attr]
    w.doclist.filter.setText("")
    assert [(d.title, d.status) for d in map(model.doc_at, range(2))] == [  # type: ignore[union-attr]
        ("الأسد يزور الصين", "todo"), ("عنوان آخر", "done")]  # fmt: skip
    # done moved on to the one document still to do, outside the filter since none was in it
    assert w.session.document.ext_id == "a"  # type: ignore[union-attr]
    assert model.row_of(w.session.document.id) == 0  # type: ignore[union-attr]


def test_next_previous_document_and_status(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": "الأول\nنص", "b": "الثاني\nنص"})
    w.action("next_doc").trigger()
    assert w.session.document.title == "الثاني"  # type: ignore[union-attr]
    w.action("mark_skipped").trigger()
    assert w.doclist.model.doc_at(1).status == "skipped"  # type: ignore[union-attr]
    w.action("prev_doc").trigger()
    assert w.session.document.title == "الأول"  # type: ignore[union-attr]


def test_click_selects_the_span_under_the_mouse(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    i = TEXT.index("الصين")
    w.view.select_range(i, i + 5)
    w.action("label:speaker").trigger()
    w.session.select(0)
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=w.view.point_of(i + 2))
    assert w.session.selected == w.session.spans[0].id


def test_markup_in_articles_shows_literally(qtbot: QtBot, tmp_path: Path) -> None:
    text = "عنوان <b>عريض</b> <img src=x>\nنص"
    w = make_window(qtbot, tmp_path, {"a": text})
    assert w.view.toPlainText() == text


def test_twenty_thousand_highlight_updates_do_not_crash(qtbot: QtBot, tmp_path: Path) -> None:
    words = " ".join(f"كلمة{i}" for i in range(400))
    w = make_window(qtbot, tmp_path, {"a": words})
    from annotator.model.document import Span

    spans = [
        Span(m, m + 4, "speaker", words[m : m + 4], id=k + 1)
        for k, m in enumerate(range(0, 4000, 10))
    ]
    for n in range(50):  # 50 x 400 spans = 20,000 highlighted ranges, each block repainted
        w.view.set_spans(spans[n % 2 :: 2] if n % 3 else spans, [], {n})
        w.view.refresh_highlights()
    assert w.view.extraSelections()  # the visible spans are painted


def test_a_read_only_project_says_so_and_refuses_edits(qtbot: QtBot, tmp_path: Path) -> None:
    from annotator.ui.mainwindow import MainWindow
    from annotator.ui.session import Session

    w = make_window(qtbot, tmp_path, {"a": TEXT})
    w.close()
    (tmp_path / "p.db").chmod(0o444)
    try:
        ro = MainWindow(Session(Project.open(tmp_path / "p.db"), "layla"))
        qtbot.addWidget(ro)
        assert "READ-ONLY" in ro.status_line.who.text()
        ro.session.open_document(ro.session.project.find_document("a").id)
        with qtbot.waitSignal(ro.session.message) as blocker:
            ro.session.add_span(4, 8, "speaker")
        assert "read-only" in blocker.args[0]  # type: ignore[index]
        assert ro.session.spans == []
    finally:
        (tmp_path / "p.db").chmod(0o644)


def test_the_window_backs_up_when_something_changed(qtbot: QtBot, tmp_path: Path) -> None:
    from annotator.store.backup import list_backups

    w = make_window(qtbot, tmp_path, {"a": TEXT})
    assert w.backups.backup_if_changed() is None  # nothing changed since the window opened
    w.session.add_span(4, 8, "speaker")
    path = w.backups.backup_if_changed()
    assert path is not None and path in [b.path for b in list_backups(tmp_path / "p.db")]
    w.session.add_span(9, 18, "speaker")
    w.backups.restore(path.name)
    assert [s.text for s in w.session.spans] == [TEXT[4:8]]


MIXED = "قال الرئيس Xi Jinping إن الزيارة الأولى منذ عام 2004 كانت مهمة."


def _run_extent(view: ArticleView, start: int, end: int, y: int) -> tuple[int, int]:
    """Leftmost and rightmost x on the line whose cursor position is strictly inside [start, end):
    the visual extent of a run, read from the screen as a user sees it."""
    xs = [x for x in range(view.viewport().width())
          if start < view.cursorForPosition(QPoint(x, y)).position() < end]  # fmt: skip
    return min(xs), max(xs)


def _mouse_drag(qtbot: QtBot, view: ArticleView, a: QPoint, b: QPoint) -> None:
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), pos=b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)


@pytest.mark.parametrize("direction", ["leftwards", "rightwards"])
def test_drags_across_latin_names_and_digits_select_whole_tokens(
    qtbot: QtBot, tmp_path: Path, direction: str
) -> None:
    w = make_window(qtbot, tmp_path, {"a": MIXED})
    view = w.view
    y = point_in(view, 0, 0.5).y()
    name = MIXED.index("Xi Jinping")
    left, right = _run_extent(view, name, name + 10, y)
    # from inside "ng" to just past the X, the edge where Qt's position jumps to the other end
    a, b = QPoint(right - 4, y), QPoint(left - 12, y)
    _mouse_drag(qtbot, view, *((a, b) if direction == "leftwards" else (b, a)))
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert [sp.text for sp in w.session.spans] == ["Xi Jinping"]
    view.clear_selection()
    view.show_span(0)
    # from inside "عام" to the far edge of "2004": the number is in
    year = MIXED.index("2004")
    left, right = _run_extent(view, year, year + 4, y)
    am = MIXED.index("عام")
    am_left, am_right = _run_extent(view, am, am + 3, y)
    a, b = QPoint((am_left + am_right) // 2, y), QPoint(left - 2, y)
    _mouse_drag(qtbot, view, *((a, b) if direction == "leftwards" else (b, a)))
    qtbot.keyClick(view, Qt.Key.Key_4)
    assert sorted(sp.text for sp in w.session.spans) == ["Xi Jinping", "عام 2004"]


def test_labelling_below_mid_screen_does_not_move_the_text(qtbot: QtBot, tmp_path: Path) -> None:
    lines = [f"السطر رقم {i} وفيه كلمات عن الزيارة والمحادثات." for i in range(200)]
    text = "\n".join(lines)
    w = make_window(qtbot, tmp_path, {"a": text})
    bar = w.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    qtbot.wait(10)
    shown = w.view.visible_blocks()  # lines are taller than the font: room for label tags
    line = shown[len(shown) * 3 // 4]  # three quarters down the screen
    start = text.index(lines[line]) + lines[line].index("الزيارة")
    before = bar.value()
    drag(qtbot, w, start, start + len("الزيارة"))
    qtbot.keyClick(w.view, Qt.Key.Key_4)
    assert [sp.text for sp in w.session.spans] == ["الزيارة"]
    assert bar.value() == before
    qtbot.keyClick(w.view, Qt.Key.Key_2)  # the chooser's second value, no scrolling either
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == before
