"""Two windows on one project, driven with the mouse and keys (issue 15 item 2): the same words
labelled in both never make two spans, and progress follows the other window's Ctrl+D."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.errors import ChangedElsewhereError
from annotator.model.document import DocumentRecord, Span
from annotator.model.edits import AddSpan
from annotator.store import Project
from annotator.ui.mainwindow import MainWindow
from tests.test_ui_sync import WAIT, focus, second_window
from tests.ui_helpers import drag, make_window

TEXT = "قال وزير الخارجية إن المحادثات كانت مثمرة، وأكدت الوزارة أن الزيارة ستتم.\nسطر ثان."
WORDS = "وزير الخارجية"
CTRL = Qt.KeyboardModifier.ControlModifier


def stored_spans(w: MainWindow) -> list[tuple[int, int, str]]:
    """The spans in the project file (a fresh connection), not a window's copy."""
    doc = w.session.document
    assert doc is not None
    with Project.open(w.session.project.path) as p:
        return sorted((s.start, s.end, s.label) for s in p.spans(doc.id, w.session.layer))


def label_words(qtbot: QtBot, w: MainWindow, key: Qt.Key) -> None:
    focus(qtbot, w)
    start = TEXT.index(WORDS)
    drag(qtbot, w, start, start + len(WORDS))
    qtbot.keyClick(w.view, key)
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)


@pytest.mark.parametrize("b_has_seen_it", [False, True], ids=["stale", "refreshed"])
@pytest.mark.parametrize("key", [Qt.Key.Key_1, Qt.Key.Key_2], ids=["same-label", "other-label"])
def test_the_same_words_labelled_in_two_windows_make_one_span_or_a_sentence(
    qtbot: QtBot, tmp_path: Path, b_has_seen_it: bool, key: Qt.Key
) -> None:
    a = make_window(qtbot, tmp_path, {"a": TEXT})
    doc = a.session.document
    assert doc is not None
    b = second_window(qtbot, a.session.project.path, doc.id)
    if not b_has_seen_it:
        b.session.watch.stop()  # B has not looked at the file since A labelled
    label_words(qtbot, a, Qt.Key.Key_1)
    start = TEXT.index(WORDS)
    assert stored_spans(a) == [(start, start + len(WORDS), "speaker")]
    if b_has_seen_it:
        qtbot.waitUntil(lambda: len(b.session.spans) == 1, timeout=WAIT)
    messages: list[str] = []
    b.session.message.connect(messages.append)
    label_words(qtbot, b, key)
    spans = stored_spans(a)
    same = [s for s in spans if s[:2] == (start, start + len(WORDS)) and s[2] == "speaker"]
    assert len(same) == 1, spans  # never a duplicate of A's span
    if key == Qt.Key.Key_1:
        assert len(spans) == 1
        # B shows A's span (re-read when the file refused the twin): labelling it again selects
        # it, and is B's labelling too (tests/test_ui_undo_elsewhere.py)
        assert messages[-1] == "That span is already labelled Speaker."
        assert b.session.undo_stack.count() == 1
    # B's own view ends as the file is, without a restart
    b.session.watch.start()
    qtbot.waitUntil(
        lambda: sorted((s.start, s.end, s.label) for s in b.session.spans) == stored_spans(a),
        timeout=WAIT,
    )


def test_progress_in_one_window_follows_ctrl_d_in_the_other(qtbot: QtBot, tmp_path: Path) -> None:
    a = make_window(qtbot, tmp_path, {"a": TEXT, "b": TEXT + " ب", "c": TEXT + " ج"})
    doc = a.session.document
    assert doc is not None
    b = second_window(qtbot, a.session.project.path, doc.id)
    assert a.status_line.progress.text() == b.status_line.progress.text() == "0 of 3 done"
    focus(qtbot, a)
    qtbot.keyClick(a.view, Qt.Key.Key_D, CTRL)
    assert a.status_line.progress.text() == "1 of 3 done"
    assert a.session.document is not None and a.session.document.id != doc.id  # moved on
    qtbot.waitUntil(lambda: b.status_line.progress.text() == "1 of 3 done", timeout=WAIT)
    row = b.doclist.model.doc_at(b.doclist.model.row_of(doc.id))
    assert row is not None and row.status == "done"
    assert "done" in b.status_line.doc_status.text()  # B still has that document open
    focus(qtbot, a)
    qtbot.keyClick(a.view, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: b.status_line.progress.text() == "2 of 3 done", timeout=WAIT)
    # and back: B's Ctrl+K on its open document shows in A
    focus(qtbot, b)
    qtbot.keyClick(b.view, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: a.status_line.progress.text() == "1 of 3 done", timeout=WAIT)


def test_the_store_refuses_a_twin_of_a_span_in_the_same_layer(project: Project) -> None:
    project.add_documents([DocumentRecord("a", "a", TEXT)])
    doc_id = project.find_document("a").id
    start = TEXT.index(WORDS)
    span = Span(start, start + len(WORDS), "speaker", WORDS, doc_id=doc_id)
    first = project.apply(AddSpan(span), "layla")
    with pytest.raises(ChangedElsewhereError, match="labelled elsewhere already"):
        project.apply(AddSpan(span), "layla")
    project.apply(AddSpan(span), "omar")  # another annotator's layer is another layer
    project.apply(AddSpan(span.with_(label="claim")), "layla")  # another label on the same words
    assert len(project.spans(doc_id, "layla")) == 2
    # an undo of a deletion brings the span back under its id, unless its twin came meanwhile
    project.apply(first.inverse(), "layla")
    project.apply(AddSpan(span), "layla")
    with pytest.raises(ChangedElsewhereError):
        project.apply(first, "layla")
    assert len(project.spans(doc_id, "layla")) == 2


def test_relabelling_onto_the_same_words_label_is_refused_not_doubled(
    qtbot: QtBot, tmp_path: Path
) -> None:
    a = make_window(qtbot, tmp_path, {"a": TEXT})
    label_words(qtbot, a, Qt.Key.Key_1)  # speaker
    label_words(qtbot, a, Qt.Key.Key_2)  # claim on the same words (a legitimate pair)
    speaker, claim = sorted(a.session.spans, key=lambda s: s.label != "speaker")
    assert a.session.selected == claim.id  # the span just labelled
    messages: list[str] = []
    a.session.message.connect(messages.append)
    qtbot.keyClick(a.view, Qt.Key.Key_1)  # relabel the claim a speaker: a twin of the other
    assert messages[-1] == "That span is already labelled Speaker."
    assert a.session.selected == speaker.id
    assert sorted(s.label for s in a.session.spans) == ["claim", "speaker"]
    assert len(stored_spans(a)) == 2
    # a second window that had not seen the speaker relabels its claim: the file refuses it
    doc = a.session.document
    assert doc is not None
    qtbot.keyClick(a.view, Qt.Key.Key_Delete)  # the speaker goes
    b = second_window(qtbot, a.session.project.path, doc.id)
    b.session.watch.stop()
    focus(qtbot, a)
    label_words(qtbot, a, Qt.Key.Key_1)  # and comes back in A
    b_messages: list[str] = []
    b.session.message.connect(b_messages.append)
    focus(qtbot, b)
    b.session.select(claim.id or 0)
    qtbot.keyClick(b.view, Qt.Key.Key_1)
    assert "labelled elsewhere already" in b_messages[-1]
    assert sorted(label for *_r, label in stored_spans(a)) == ["claim", "speaker"]
    b.session.watch.start()
