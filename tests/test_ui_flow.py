"""Working through documents all day: done-and-next, ends of the list, progress, reopening where
one stopped, messages that go when they stop being true, Quit, and a window that fits small
screens and big schemas. Each drives the real window with keys and the mouse."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.model.schema import parse_schema
from annotator.store import Project
from annotator.ui.dialogs.help import GuidelineDialog
from annotator.ui.mainwindow import MainWindow
from annotator.ui.session import Session
from tests.ui_helpers import make_window, status_sentence

DOCS = {
    "a": "قال الوزير إن الحوار مستمر.",
    "b": "أكدت الوزارة أن الزيارة ستتم.",
    "c": "وصل الرئيس إلى العاصمة.",
}


def _key(qtbot: QtBot, w: MainWindow, key: Qt.Key, mod: Qt.KeyboardModifier) -> None:
    qtbot.keyClick(w.view, key, mod)


def _doc(w: MainWindow) -> str:
    assert w.session.document is not None
    return w.session.document.ext_id


def test_ctrl_d_and_ctrl_k_move_on_to_the_next_document_to_do(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, DOCS)
    ctrl = Qt.KeyboardModifier.ControlModifier
    assert w.status_line.progress.text() == "0 of 3 done"
    _key(qtbot, w, Qt.Key.Key_D, ctrl)
    assert _doc(w) == "b" and w.status_line.progress.text() == "1 of 3 done"
    _key(qtbot, w, Qt.Key.Key_K, ctrl)  # skipped, on to c
    assert _doc(w) == "c"
    assert w.doclist.model.all_rows()[1].status == "skipped"
    _key(qtbot, w, Qt.Key.Key_D, ctrl)  # a and b are finished: nothing left to do
    assert _doc(w) == "c" and w.status_line.progress.text() == "2 of 3 done"
    assert status_sentence(w) == "Every document is done or skipped: 3 of 3."


def test_open_checklist_items_warn_once_before_done(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, DOCS)
    text = DOCS["a"]
    start = text.index("الحوار")
    w.view.select_range(start, len(text) - 1)
    qtbot.keyClick(w.view, Qt.Key.Key_2)  # a claim without its speaker: one open item
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert len(w.session.checklist()) == 1
    _key(qtbot, w, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert _doc(w) == "a" and w.session.status() != "done"
    assert status_sentence(w).startswith("The checklist has 1 open item.")
    _key(qtbot, w, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # anyway
    assert _doc(w) == "b"
    assert w.doclist.model.all_rows()[0].status == "done"
    assert status_sentence(w) == ""  # the warning no longer applies


def test_alt_down_on_the_last_document_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, DOCS)
    alt = Qt.KeyboardModifier.AltModifier
    _key(qtbot, w, Qt.Key.Key_Up, alt)
    assert status_sentence(w) == "This is the first document of the list."
    _key(qtbot, w, Qt.Key.Key_Down, alt)
    assert _doc(w) == "b" and status_sentence(w) == ""
    _key(qtbot, w, Qt.Key.Key_Down, alt)
    _key(qtbot, w, Qt.Key.Key_Down, alt)
    assert _doc(w) == "c"
    assert status_sentence(w) == "This is the last document of the list."


def test_the_window_reopens_where_the_annotator_stopped(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, DOCS)
    _key(qtbot, w, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _doc(w) == "b"
    path = w.session.project.path
    _key(qtbot, w, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # Quit
    assert not w.isVisible()
    again = MainWindow(Session(Project.open(path), "layla"))
    qtbot.addWidget(again)
    again.flow.open_start()
    assert _doc(again) == "b"
    other = MainWindow(Session(Project.open(path), "omar"))  # another annotator starts at the top
    qtbot.addWidget(other)
    other.flow.open_start()
    assert _doc(other) == "a"


def test_a_message_goes_when_it_stops_being_true(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, DOCS)
    qtbot.keyClick(w.view, Qt.Key.Key_1)  # nothing selected
    assert status_sentence(w) == "Select some text first, then press a label key."
    text = DOCS["a"]
    start = text.index("الوزير")
    w.view.select_range(start, start + 6)
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    assert [sp.text for sp in w.session.spans] == ["الوزير"]
    assert "Select some text first" not in status_sentence(w)


def test_the_article_never_shows_a_horizontal_scrollbar(qtbot: QtBot, tmp_path: Path) -> None:
    long_line = "قال " + "https://example.org/" + "a" * 600 + " " + "كلمة " * 3000
    w = make_window(qtbot, tmp_path, {"a": long_line})
    qtbot.wait(20)
    assert not w.view.horizontalScrollBar().isVisible()
    assert w.view.verticalScrollBar().isVisible()


def test_a_small_window_leaves_the_article_usable(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, DOCS)
    w.resize(640, 480)
    qtbot.waitUntil(lambda: w.width() == 640)
    assert w.minimumSize().width() == 640 and w.minimumSize().height() == 480
    qtbot.waitUntil(lambda: w.view.width() > 640 // 2)  # the article gets most of the width
    assert w.doclist.width() >= 120 and w.spanpanel.width() >= 120
    w.resize(300, 200)  # refused below the minimum
    qtbot.wait(10)
    assert w.width() >= 640 and w.height() >= 480


def _big_schema(n: int) -> str:
    labels = "".join(
        f'[[labels]]\nid = "l{i}"\nen = "Label {i}"\nar = "وسم {i}"\ncolor = "#{i * 7919 % 0xFFFFFF:06x}"\n\n'
        for i in range(n)
    )
    return f'[schema]\nname = "big"\nversion = 1\n\n{labels}'


def test_a_thousand_labels_wrap_instead_of_widening_the_window(
    qtbot: QtBot, tmp_path: Path
) -> None:
    schema = parse_schema(_big_schema(1000))
    project = Project.create(tmp_path / "big.db", schema)
    w = MainWindow(Session(project, "layla"))
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    assert w.minimumSizeHint().width() < 1200
    assert w.width() == 1200
    chips = list(w.label_bar.buttons.values())
    assert len({c.y() for c in chips}) > 10  # many rows
    assert w.view.height() > 400  # the palette scrolls rather than pushing the article away


def test_guideline_colours_are_the_labels_own(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, DOCS)
    qtbot.keyClick(w.view, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    dialog = next(d for d in QApplication.topLevelWidgets() if isinstance(d, GuidelineDialog))
    block = dialog.browser.document().begin()
    found = {}
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            brush = frag.charFormat().background()
            if brush.style() != Qt.BrushStyle.NoBrush:
                found[frag.text().strip()] = brush.color()
            it += 1
        block = block.next()
    for lab in w.session.schema.labels:
        colour = found[lab.key]
        assert (colour.red(), colour.green(), colour.blue()) == QColor(lab.color).getRgb()[:3]
        assert colour.alpha() == 0x55


def test_ctrl_d_in_a_read_only_project_stays_and_says_why(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, DOCS)
    path = w.session.project.path
    w.close()
    ro = MainWindow(Session(Project.open(path, readonly=True), "layla"))
    qtbot.addWidget(ro)
    ro.show()
    qtbot.waitExposed(ro)
    ro.activateWindow()
    qtbot.waitUntil(ro.isActiveWindow)
    ro.flow.open_start()
    ro.view.setFocus()
    _key(qtbot, ro, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert _doc(ro) == "a"
    assert "read-only" in status_sentence(ro)


def test_the_chooser_goes_when_another_span_is_selected(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, DOCS)
    text = DOCS["a"]
    for word, key in (("الوزير", Qt.Key.Key_1), ("الحوار", Qt.Key.Key_2)):
        start = text.index(word)
        w.view.select_range(start, start + len(word))
        qtbot.keyClick(w.view, key)
    chooser = w.controller.chooser
    assert chooser.isVisible() and chooser.choices[0] == ("form", "direct_quote")
    qtbot.keyClick(w.view, Qt.Key.Key_Tab)  # the speaker is selected now
    assert not chooser.isVisible()
    qtbot.keyClick(w.view, Qt.Key.Key_1)  # so 1 is a label key again: the claim becomes a speaker
    assert all(sp.attributes.get("form") != "direct_quote" for sp in w.session.spans)
