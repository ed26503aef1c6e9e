"""Find in the open document (Ctrl+F) and in all documents (Ctrl+Shift+F), driven with keys.

The search ignores diacritics, tatweel and hamza forms; every hit on screen is painted by the
view's coalesced repaint; F3 follows the find bar while it is open and the suggestions otherwise;
Enter selects the hit so a label key labels it (snapped as any selection); Esc closes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from annotator.model.document import DocumentRecord
from annotator.store import Project
from annotator.text.normalize import MAX_HITS
from annotator.text.snap import snap_selection
from annotator.ui.docview import CURRENT_HIT_COLOUR, HIT_COLOUR
from annotator.ui.i18n import install
from annotator.ui.mainwindow import MainWindow
from tests.test_ui_review import TEXT as REVIEW_TEXT
from tests.test_ui_scroll import settle
from tests.ui_helpers import make_window

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ARTICLE = (
    "قالَ الرَّئِيسُ الأَسَـــد في دمشق إن الأسد لن يتنازل.\n"
    "وأكد الرئيس أن Reuters نقلت الخبر 😀 يوم 12 مارس، ثم غادر الأســد."
)


def hits_painted(w: MainWindow) -> list[tuple[int, int, str]]:
    """Painted hit tints: (start, end) in code points and the colour's name."""
    settle_paint(w)
    view = w.view
    out = []
    for sel in view.extraSelections():
        colour = sel.format.background().color().name()
        if colour in (HIT_COLOUR, CURRENT_HIT_COLOUR):
            c = sel.cursor
            out.append(
                (view.conv.from_utf16(c.selectionStart()), view.conv.from_utf16(c.selectionEnd()),
                 colour)
            )  # fmt: skip
    return out


def settle_paint(w: MainWindow) -> None:
    QApplication.processEvents()
    while w.view._repaint.isActive():
        QApplication.processEvents()


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying ``text`` one character at a time, as an Arabic keyboard sends them
    (QTest.keyClicks aborts on characters outside Latin-1)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)


def find(qtbot: QtBot, w: MainWindow, text: str) -> None:
    qtbot.keyClick(w.view, Qt.Key.Key_F, CTRL)
    assert w.find_bar.isVisible() and w.find_bar.box.hasFocus()
    type_text(w.find_bar.box, text)


def test_a_plain_search_finds_vowelled_and_stretched_words_and_labels_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": ARTICLE})
    find(qtbot, w, "الاسد")
    words = [ARTICLE[a:b] for a, b in w.finder.hits]
    assert words == ["الأَسَـــد", "الأسد", "الأســد"]
    assert w.find_bar.count.text() == "1 of 3"
    painted = hits_painted(w)
    assert [(a, b) for a, b, _c in painted] == w.finder.hits
    assert [c for _a, _b, c in painted] == [CURRENT_HIT_COLOUR, HIT_COLOUR, HIT_COLOUR]

    qtbot.keyClick(w.find_bar.box, Qt.Key.Key_F3)
    assert w.view.selection() == w.finder.hits[1] and w.find_bar.count.text() == "2 of 3"
    qtbot.keyClick(w.find_bar.box, Qt.Key.Key_F3)
    qtbot.keyClick(w.find_bar.box, Qt.Key.Key_F3)  # round the end
    assert w.view.selection() == w.finder.hits[0]
    qtbot.keyClick(w.find_bar.box, Qt.Key.Key_F3, SHIFT)
    assert w.view.selection() == w.finder.hits[2]
    assert [c for *_r, c in hits_painted(w)] == [HIT_COLOUR, HIT_COLOUR, CURRENT_HIT_COLOUR]

    qtbot.keyClick(w.find_bar.box, Qt.Key.Key_Return)  # select it, the article takes the keys
    assert w.view.hasFocus() and w.view.selection() == w.finder.hits[2]
    qtbot.keyClick(w.view, Qt.Key.Key_1)  # speaker
    settle(qtbot, w)
    assert [(s.text, s.label) for s in w.session.spans] == [("الأســد", "speaker")]
    assert w.find_bar.isVisible()  # still open: F3 goes on to the next hit

    qtbot.keyClick(w.view, Qt.Key.Key_F3)
    assert w.view.selection() == w.finder.hits[0]
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert not w.find_bar.isVisible() and hits_painted(w) == []


def test_a_vowelled_search_finds_plain_words_and_a_label_snaps_as_any_selection(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": ARTICLE})
    find(qtbot, w, "الرَّئِيسُ")
    assert [ARTICLE[a:b] for a, b in w.finder.hits] == ["الرَّئِيسُ", "الرئيس"]
    w.finder.close()
    find(qtbot, w, "ئيس")  # the middle of a word: the label takes the whole word
    hit = w.finder.hits[1]
    qtbot.keyClick(w.find_bar.box, Qt.Key.Key_F3)
    qtbot.keyClick(w.find_bar.box, Qt.Key.Key_Enter)
    qtbot.keyClick(w.view, Qt.Key.Key_4)  # event
    settle(qtbot, w)
    expected = snap_selection(ARTICLE, *hit, whole_words=True, corpus=w.session.corpus_words())
    assert expected is not None and expected != hit
    assert [(s.start, s.end) for s in w.session.spans] == [expected]


def test_f3_follows_the_find_bar_while_it_is_open_and_the_suggestions_otherwise(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": REVIEW_TEXT})
    review = w.controller.review
    qtbot.keyClick(w.view, Qt.Key.Key_S)  # review the suggestions
    assert len(review.items) > 2 and review.current == 0
    find(qtbot, w, "الحكومة")
    assert w.finder.hits
    qtbot.keyClick(w.find_bar.box, Qt.Key.Key_Return)  # takes the hit, accepts no suggestion
    assert w.session.spans == [] and w.view.selection() == w.finder.hits[0]
    qtbot.keyClick(w.view, Qt.Key.Key_F3)
    assert review.current == 0
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)  # closes the bar
    assert not w.finder.is_open
    qtbot.keyClick(w.view, Qt.Key.Key_F3)
    assert review.current == 1
    qtbot.keyClick(w.view, Qt.Key.Key_F3, SHIFT)
    assert review.current == 0


def test_hostile_searches(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": ARTICLE})
    qtbot.keyClick(w.view, Qt.Key.Key_F, CTRL)
    box = w.find_bar.box
    ignored = "The search ignores diacritics and tatweel: type letters."
    for text, count in (("   ", ""), ("َُّ", ignored), ("ـــ", ignored), ("\u200fـ", ignored),
                        ("zzzz", "No match"), ('"*(NEAR', "No match")):  # fmt: skip
        box.setText(text)
        assert w.finder.hits == [] and w.find_bar.count.text() == count
        assert hits_painted(w) == []
        qtbot.keyClick(box, Qt.Key.Key_F3)  # nothing to move to: nothing happens
        qtbot.keyClick(box, Qt.Key.Key_Return)
        box.setFocus()
    for text, found in (("reuters", "Reuters"), ("12", "12"), ("😀", "😀"),
                        ("قال", "قالَ"), ("الأســد.", "الأســد.")):  # fmt: skip
        box.setText(text)
        assert [ARTICLE[a:b] for a, b in w.finder.hits][-1:] == [found], text
        a, b = w.finder.hits[-1]
        assert (a, b, HIT_COLOUR) in hits_painted(w) or (a, b, CURRENT_HIT_COLOUR) in hits_painted(
            w
        )
    assert w.finder.hits[-1][1] == len(ARTICLE)  # the very end of the document
    box.setText("قال")
    assert w.finder.hits[0][0] == 0  # the very start


def test_overlapping_hits_and_a_capped_flood_in_a_long_document(
    qtbot: QtBot, tmp_path: Path
) -> None:
    flood = "اا " * 400_000  # 1.2 MB, 400,000 hits of "اا"
    w = make_window(qtbot, tmp_path, {"a": "ااااا\n", "b": flood})
    find(qtbot, w, "ااا")
    assert w.finder.hits == [(0, 3), (1, 4), (2, 5)]
    w.session.open_document(w.session.project.find_document("b").id)  # the bar stays open
    w.find_bar.box.setText("اا")
    assert len(w.finder.hits) == MAX_HITS and w.finder.capped
    assert w.find_bar.count.text() == f"1 of the first {MAX_HITS} (more not shown)"
    assert 0 < len(hits_painted(w)) < 2_000  # only what is on screen
    qtbot.keyClick(w.find_bar.box, Qt.Key.Key_F3, SHIFT)  # round to the last one kept
    assert w.view.selection() == w.finder.hits[-1]
    settle_paint(w)
    assert (w.finder.hits[-1][0], w.finder.hits[-1][1], CURRENT_HIT_COLOUR) in hits_painted(w)


def test_find_in_all_documents_opens_the_hit_even_from_a_document_imported_elsewhere(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": ARTICLE, "b": "خبر آخر عن دمشق.\n"})
    with Project.open(w.session.project.path) as other:  # another process, window open
        other.add_documents([DocumentRecord("late", "وصل متأخرا", "سطر\nوفي دمشقَ اليوم مؤتمر")])
    qtbot.keyClick(w.view, Qt.Key.Key_F, CTRL | SHIFT)
    dialog = w.finder.find_all_dialog
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.box, "دمشق")
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    rows = [
        [dialog.list.topLevelItem(i).text(c) for c in range(3)]
        for i in range(dialog.list.topLevelItemCount())
    ]
    assert len(rows) == 3 and dialog.summary.text() == "3 hits · 3 documents"
    assert rows[2][1:] == ["2", "وفي [دمشقَ] اليوم مؤتمر"]
    dialog.list.setCurrentItem(dialog.list.topLevelItem(2))
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    late = w.session.project.find_document("late")
    assert w.session.document is not None and w.session.document.id == late.id
    start = late.text.index("دمشقَ")
    assert w.view.selection() == (start, start + 5)
    qtbot.keyClick(dialog.box, Qt.Key.Key_A, CTRL)
    type_text(dialog.box, "في")  # two letters: no trigram to look up, found all the same
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert dialog.summary.text() == "2 hits · 2 documents"
    dialog.box.setText('"NEAR(دمشق*" - AND')
    dialog.search()
    assert dialog.summary.text() == "No document contains this."


def open_hit_of(qtbot: QtBot, w: MainWindow, query: str, doc_ext_id: str) -> None:
    """Ctrl+Shift+F, type ``query``, Enter, then Enter on the hit in ``doc_ext_id``."""
    qtbot.keyClick(w.view, Qt.Key.Key_F, CTRL | SHIFT)
    dialog = w.finder.find_all_dialog
    assert dialog is not None
    qtbot.keyClick(dialog.box, Qt.Key.Key_A, CTRL)
    type_text(dialog.box, query)
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    doc_id = w.session.project.find_document(doc_ext_id).id
    items = [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())]
    dialog.list.setCurrentItem(next(it for it in items if it.data(0, Qt.ItemDataRole.UserRole)[0]
                                    == doc_id))  # fmt: skip
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert w.session.document is not None and w.session.document.id == doc_id
    dialog.close()


def current_row_shown(w: MainWindow) -> str:
    """The ext id of the document list's current (selected) row, checked to be on screen."""
    table = w.doclist.table
    rows = table.selectionModel().selectedRows()
    assert len(rows) == 1 and table.currentIndex().row() == rows[0].row()
    assert table.viewport().rect().contains(table.visualRect(rows[0]))
    doc = w.doclist.model.doc_at(rows[0].row())
    assert doc is not None
    return doc.ext_id


def test_a_document_opened_from_find_in_all_documents_is_the_current_row_of_the_list(
    qtbot: QtBot, tmp_path: Path
) -> None:
    texts = {
        f"d{i:02}": f"خبر رقم {i} عن {'دمشق' if i % 10 == 7 else 'بيروت'}\n" for i in range(60)
    }
    w = make_window(qtbot, tmp_path, texts)
    assert current_row_shown(w) == "d00"
    open_hit_of(qtbot, w, "دمشق", "d57")  # far down the list: scrolled to
    assert current_row_shown(w) == "d57"
    with Project.open(w.session.project.path) as other:  # imported by another process just now
        other.add_documents([DocumentRecord("late", "وصل متأخرا", "سطر\nوفي دمشقَ اليوم مؤتمر")])
    open_hit_of(qtbot, w, "دمشق", "late")
    assert current_row_shown(w) == "late"
    qtbot.keyClick(w.view, Qt.Key.Key_G, CTRL)  # a filter that hides the document opened next
    type_text(w.doclist.filter, "بيروت")
    assert not w.doclist.table.selectionModel().hasSelection()  # hidden: no row looks open
    open_hit_of(qtbot, w, "دمشق", "d17")
    assert w.doclist.filter.text() == ""  # the hit's document is shown: the filter is cleared
    assert current_row_shown(w) == "d17"
    qtbot.keyClick(w.view, Qt.Key.Key_D, CTRL)  # done: the next one to do is the current row
    assert w.session.document is not None and w.session.document.ext_id == current_row_shown(w)


def find_everywhere(qtbot: QtBot, w: MainWindow, query: str) -> tuple[list[str], str]:
    """Ctrl+Shift+F, replace the search with ``query``, Enter: the hits' words and the summary."""
    qtbot.keyClick(w.view, Qt.Key.Key_F, CTRL | SHIFT)
    dialog = w.finder.find_all_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClick(dialog.box, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(dialog.box, Qt.Key.Key_Delete)
    type_text(dialog.box, query)
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    found = [dialog.list.topLevelItem(i).text(2) for i in range(dialog.list.topLevelItemCount())]
    summary = dialog.summary.text()
    qtbot.keyClick(dialog.box, Qt.Key.Key_Escape)
    return found, summary


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("2 hits · 2 documents", "1 hit · 1 document", "No document contains this.",
                "The search ignores diacritics and tatweel: type letters.")),
        ("ar", ("نتيجتان · مستندان", "نتيجة واحدة · مستند واحد", "لا يوجد مستند يحتوي على هذا.",
                "البحث يتجاهل التشكيل والتطويل: اكتب حروفًا.")),
    ],
)  # fmt: skip
def test_short_and_emoji_searches_in_all_documents_are_answered_in_the_interface_language(
    qtbot: QtBot, tmp_path: Path, lang: str, words: tuple[str, str, str, str]
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        install(app, lang)
        w = make_window(qtbot, tmp_path, {"a": ARTICLE, "b": "خبر عن 😀 في دمشق", "c": "لا شيء"})
        two, one, none, ignored = words
        hits, summary = find_everywhere(qtbot, w, "😀")
        assert summary == two and all("[😀]" in h for h in hits)
        assert find_everywhere(qtbot, w, "12")[1] == one  # two digits
        assert find_everywhere(qtbot, w, "ح")[1] == none  # one letter found nowhere
        hits, summary = find_everywhere(qtbot, w, "في")
        assert summary == two and all("[في]" in h for h in hits)
        assert find_everywhere(qtbot, w, "ـــ") == ([], ignored)  # tatweel alone
        assert find_everywhere(qtbot, w, "ًٌ") == ([], ignored)
        qtbot.keyClick(w.view, Qt.Key.Key_F, CTRL | SHIFT)
        dialog = w.finder.find_all_dialog
        assert dialog is not None
        dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
        qtbot.keyClick(dialog.box, Qt.Key.Key_A, CTRL)
        type_text(dialog.box, "😀")
        qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # opens the emoji, selected
        assert w.view.selection() is not None
        a, b = w.view.selection() or (0, 0)
        assert w.view.text[a:b] == "😀"
    finally:
        install(app, "en")


def test_alt_on_a_hit_inside_a_flag_or_an_emoji_sequence_labels_the_whole_character(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A search for one letter of a flag finds half of it; Alt+label there labels the flag (a
    reader sees one character), as a letter keeps its marks."""
    text = "قال الرئيس إن بلاده ستدعم سوريا في عام 2004 🇨🇳 وأكد الفريق 👨\u200d👩\u200d👧 ذلك."
    w = make_window(qtbot, tmp_path, {"a": text})
    find(qtbot, w, "🇨")
    flag = text.index("🇨🇳")
    assert w.finder.hits == [(flag, flag + 1)]
    qtbot.keyClick(w.find_bar.box, Qt.Key.Key_Return)
    qtbot.keyClick(w.view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    settle(qtbot, w)
    assert [(s.start, s.end, s.text) for s in w.session.spans] == [(flag, flag + 2, "🇨🇳")]
    w.find_bar.box.clear()
    type_text(w.find_bar.box, "👩")
    qtbot.keyClick(w.find_bar.box, Qt.Key.Key_Return)
    qtbot.keyClick(w.view, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    settle(qtbot, w)
    family = "👨\u200d👩\u200d👧"
    assert w.session.spans[-1].text == family
    assert w.session.spans[-1].start == text.index(family)
