"""Arabic cells read right to left in an English interface, Latin ones left to right in an Arabic
one: punctuation at the end of a title stays at its end."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from annotator.text.bidi import article_direction, reading_direction
from tests.ui_helpers import drag, make_window, point_in

RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بشار الأسد يصل إلى الصين؟", "rtl"),
        ("2004.. بشار الأسد", "rtl"),  # digits and dots are weak: the first letter decides
        ("«الوزير»", "rtl"),
        ("AFP: قال الوزير", "ltr"),
        ("doc-7", "ltr"),
        ("\u200fdoc-7", "rtl"),  # a right-to-left mark is a strong letter too
        ("12 ◐", None),
        ("", None),
    ],
)
def test_reading_direction_is_that_of_the_first_strong_letter(
    text: str, expected: str | None
) -> None:
    assert reading_direction(text) == expected


def _direction(table: QTableView, row: int, column: int) -> Qt.LayoutDirection:
    """The direction the view's delegate lays the cell out in."""
    option = QStyleOptionViewItem()
    option.direction = table.layoutDirection()
    index = table.model().index(row, column)
    delegate = table.itemDelegateForIndex(index)
    assert isinstance(delegate, QStyledItemDelegate)
    delegate.initStyleOption(option, index)
    return option.direction


def test_document_list_lays_each_title_out_in_its_own_direction(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": "هل وصل الأسد؟\nنص", "b": "Reuters wire\nنص"})
    table = w.doclist.table
    assert table.layoutDirection() == LTR  # an English interface
    rows = {w.doclist.model.doc_at(r).title: r for r in range(2)}  # type: ignore[union-attr]
    assert _direction(table, rows["هل وصل الأسد؟"], 0) == RTL
    assert _direction(table, rows["Reuters wire"], 0) == LTR
    assert _direction(table, 0, 2) == LTR  # a span count keeps the interface's direction
    table.setLayoutDirection(RTL)
    assert _direction(table, rows["Reuters wire"], 0) == LTR
    assert _direction(table, 0, 2) == RTL


def test_span_texts_and_attributes_read_in_their_own_direction(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": "قال الوزير إن الحوار مستمر"})
    w.view.select_range(4, 10)
    w.action("label:speaker").trigger()
    table = w.spanpanel.table
    assert [sp.text for sp in w.session.spans] == ["الوزير"]
    w.spanpanel.refresh_now()  # the panel catches up after a pause in typing
    assert _direction(table, 0, 1) == RTL  # the article's words
    assert w.spanpanel.model.index(0, 4).data() == "kind: person"
    table.setLayoutDirection(RTL)  # as in the Arabic interface
    assert _direction(table, 0, 4) == LTR  # "kind=person" keeps its underscores and = in place
    assert _direction(table, 0, 1) == RTL


ENGLISH = "The minister said on Tuesday that the visit will take place next month."
ARABIC_OPENING_LATIN = "AFP: قال الوزير يوم الثلاثاء إن الزيارة ستتم الشهر المقبل."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ENGLISH, "ltr"),
        (ARABIC_OPENING_LATIN, "rtl"),  # counted, not the first letter
        ("John Miller قال إن الأرباح ارتفعت بنسبة 12.5% في 2025.", "rtl"),
        ("2025 - 12.5%", "rtl"),  # no letters: the project's language
        ("", "rtl"),
    ],
)
def test_an_article_reads_the_way_most_of_its_letters_do(text: str, expected: str) -> None:
    assert article_direction(text) == expected


def test_an_english_article_reads_left_to_right_and_an_arabic_one_right_to_left(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The English sentence's full stop ends it on the right, and a drag still selects the words
    the mouse passed over; the Arabic article opening with a Latin agency name stays right to left."""
    w = make_window(qtbot, tmp_path, {"en": ENGLISH, "ar": ARABIC_OPENING_LATIN})
    view = w.view
    first, last = point_in(view, 0, 0.5), point_in(view, len(ENGLISH) - 1, 0.5)
    assert first.x() < last.x()  # "T" on the left, "." on the right
    assert first.x() < view.viewport().width() // 4  # aligned left
    start = ENGLISH.index("minister")
    drag(qtbot, w, start, start + len("minister"))
    assert view.selection() == (start, start + len("minister"))

    w.session.open_document(w.session.project.find_document("ar").id)
    qtbot.waitUntil(lambda: view.text == ARABIC_OPENING_LATIN)
    first = point_in(view, 0, 0.5)
    last = point_in(view, len(ARABIC_OPENING_LATIN) - 1, 0.5)
    assert first.x() > last.x()  # "AFP" at the right edge where the line starts
    assert first.x() > view.viewport().width() * 3 // 4


def test_key_names_read_left_to_right_in_the_arabic_shortcut_sheet(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The window tester saw "Ctrl+=" drawn as "+=Ctrl" in the Arabic F1 sheet."""
    w = make_window(qtbot, tmp_path, {"a": "قال الوزير"})
    sheet = w.dialogs.show_shortcuts(list(w.actions_by_id.values()))
    qtbot.addWidget(sheet)
    sheet.table.setLayoutDirection(RTL)  # as in the Arabic interface
    rows = {sheet.table.item(r, 0).text(): r for r in range(sheet.table.rowCount())}
    zoom_in = next(k for k in rows if k.startswith("Ctrl+=") or k.startswith("Ctrl++"))
    assert _direction(sheet.table, rows[zoom_in], 0) == LTR


def _drawn_left_to_right(text: str, first: int, last: int) -> bool:
    """Whether the characters ``first``..``last`` of ``text``, laid out as a right-to-left
    paragraph, are drawn left to right (the caret inside the first left of the one inside the last)."""
    from PySide6.QtGui import QGuiApplication, QTextLayout, QTextOption

    layout = QTextLayout(text, QGuiApplication.font())
    option = QTextOption()
    option.setTextDirection(RTL)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return line.cursorToX(first + 1)[0] < line.cursorToX(last)[0]


def test_key_names_read_left_to_right_in_the_arabic_preferences(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The key editors draw "Ctrl+=" left to right by themselves (a line edit lays its text out by
    its own letters); the sentence refusing a clash put "+=" on the left of "Ctrl"."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication, QLineEdit

    from annotator.ui.i18n import install

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        install(app, "ar")
        w = make_window(qtbot, tmp_path, {"a": "قال الوزير"})
        w.action("preferences").trigger()
        dialog = next(d for d in app.topLevelWidgets() if type(d).__name__ == "PreferencesDialog")
        qtbot.addWidget(dialog)
        assert dialog.layoutDirection() == RTL
        editor = dialog.editors["zoom_in"]
        line = editor.findChild(QLineEdit)
        assert line is not None and line.text() == "Ctrl+="
        line.setCursorPosition(1)
        start = line.cursorRect().x()
        line.setCursorPosition(len(line.text()) - 1)
        assert start < line.cursorRect().x()  # "C" left of "="
        # a key typed into it: Qt names the arrow in Arabic, the rest stays as Qt writes it
        editor.setKeySequence(QKeySequence("Alt+Down"))
        assert line.text() == "Alt+الأسفل"
        # a clash names the keys left to right inside the Arabic sentence
        dialog.editors["zoom_out"].setKeySequence(QKeySequence("Ctrl+="))
        editor.setKeySequence(QKeySequence("Ctrl+="))
        assert not dialog.save()
        said = dialog.problem.text()
        assert said == "\u2066Ctrl+=\u2069 مستخدم لكلٍّ من «تكبير» و«تصغير».", said
        first = said.index("C")
        assert _drawn_left_to_right(said, first, said.index("=", first)), said
        assert not _drawn_left_to_right("Ctrl+= " + said[said.index("\u2069") + 2 :], 0, 5)
        dialog.close()
    finally:
        install(app, "en")


def test_the_arabic_guideline_lists_relations_right_to_left(qtbot: QtBot) -> None:
    """A relation line opens with its Latin key ("A"): it was laid out left to right, its final
    full stop on the left of the Arabic sentence."""
    from PySide6.QtWidgets import QApplication

    from annotator.model.schema import default_schema
    from annotator.ui.dialogs.help import GuidelineDialog
    from annotator.ui.i18n import install

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        install(app, "ar")
        dialog = GuidelineDialog(default_schema())
        qtbot.addWidget(dialog)
        doc = dialog.browser.document()
        blocks = [doc.findBlockByNumber(i) for i in range(doc.blockCount())]
        lines = [b for b in blocks if b.text().lstrip("\u200f")[:2] in ("A ", "H ", "T ", "P ")]
        assert len(lines) == 4
        assert all(b.textDirection() == RTL for b in lines)
        assert blocks[0].textDirection() == RTL  # the schema's name, a Latin id, on the right
    finally:
        install(app, "en")
