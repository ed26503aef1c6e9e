"""Room follows the arcs drawn: a dense document (200 relations or more) opens on the selected
span's arcs, and its lines kept room for every arc that was not drawn (a tester saw one line per
screen, ~470 px of blank above each); selecting a span gives room to its arcs alone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.model.document import Relation, Span
from annotator.model.edits import AddRelation, AddSpan, Batch
from annotator.ui.mainwindow import MainWindow
from annotator.ui.structscene import ARCS_ALL_LIMIT, ArcMode
from tests.ui_helpers import make_window

# twenty one-line paragraphs
LINES = [f"قال المتحدث رقم {i} إن الحوار مستمر" for i in range(ARCS_ALL_LIMIT // 10)]
TEXT = "\n".join(LINES)


def _dense(w: MainWindow) -> None:
    """A speaker and a claim on every line; ARCS_ALL_LIMIT relations from claims to speakers."""
    s = w.session
    doc = s.document
    assert doc is not None
    spans = []
    for line in LINES:
        base = TEXT.index(line)
        for words, label in (("المتحدث", "speaker"), ("الحوار مستمر", "claim")):
            a = base + line.index(words)
            spans.append(Span(a, a + len(words), label, words, doc_id=doc.id, annotator=s.layer))
    s.apply(Batch(tuple(AddSpan(sp) for sp in spans), "spans"))
    speakers = [sp.id or 0 for sp in s.spans if sp.label == "speaker"]
    claims = [sp.id or 0 for sp in s.spans if sp.label == "claim"]
    pairs = [(c, sp) for c in claims for sp in speakers][:ARCS_ALL_LIMIT]
    s.apply(Batch(tuple(AddRelation(Relation(c, sp, "attributed_to")) for c, sp in pairs), "links"))
    assert len(s.relations) == ARCS_ALL_LIMIT


def _pitch(w: MainWindow) -> int:
    """Pixels from the first line of text to the second (room above the second included)."""
    view = w.view
    QApplication.processEvents()
    tops = []
    for n in (0, 1):
        cursor = view.textCursor()
        cursor.setPosition(view.document().findBlockByNumber(n).position())
        tops.append(view.cursorRect(cursor).top())
    return tops[1] - tops[0]


def test_a_dense_document_keeps_no_room_for_arcs_it_does_not_draw(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT, "b": "خبر قصير."})
    _dense(w)
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(w.view, Qt.Key.Key_Down, alt)
    qtbot.keyClick(w.view, Qt.Key.Key_Up, alt)  # opened afresh: the selected span's arcs only
    assert w.view.structure.mode is ArcMode.SELECTED
    dense = _pitch(w)
    qtbot.keyClick(w.view, Qt.Key.Key_R)
    qtbot.keyClick(w.view, Qt.Key.Key_R)  # all arcs: their room
    assert w.view.structure.mode is ArcMode.ALL
    assert _pitch(w) > dense
    qtbot.keyClick(w.view, Qt.Key.Key_R)  # the selected span's again (none selected)
    assert w.view.structure.mode is ArcMode.SELECTED and _pitch(w) == dense
    # a click on a claim: its arcs are drawn (the lines on screen keep their place)
    claim = next(sp for sp in w.session.spans if sp.label == "claim")
    qtbot.mouseClick(
        w.view.viewport(), Qt.MouseButton.LeftButton, pos=w.view.point_of(claim.start + 2)
    )
    assert w.session.selected == claim.id
    w.view.viewport().repaint()
    assert w.view.structure.arcs and _pitch(w) == dense
    # the room of a line without arcs: the same text with no relation at all
    (tmp_path / "plain").mkdir()
    plain = make_window(qtbot, tmp_path / "plain", {"a": TEXT})
    spans_only = [(sp.start, sp.end, sp.label) for sp in w.session.spans]
    for a, b, label in spans_only:
        plain.session.add_span(a, b, label)
    assert _pitch(plain) == dense
