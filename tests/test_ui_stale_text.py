"""A window whose document is changed under it by another program: a text imported again with
--no-clean, or a restore from a backup. Found by a tester: the window labelled the old text and
stored offsets that pointed at other words; after a restore, redo wrote spans of the old state."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.cli import cli
from annotator.errors import ChangedElsewhereError
from annotator.model.document import Span
from annotator.model.edits import AddSpan
from annotator.store import Project
from annotator.store.backup import make_backup
from annotator.ui.watch import POLL_INTERVAL_MS
from tests.ui_helpers import drag, make_window

WAIT = POLL_INTERVAL_MS * 5
PROSE = (
    "أعلنت الحكومة اليوم خطة جديدة لتطوير النقل العام، وقال وزير النقل إن الخطة ستنفذ خلال عامين."
)
SCRAPED = f"الحكومة تعلن خطة جديدة للنقل\nتاريخ النشر: 3 مارس 2025\n1٬204 مشاهدة\n\n{PROSE}\n"


def test_an_edit_on_text_imported_again_elsewhere_is_refused_by_the_store(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SCRAPED, encoding="utf-8")
    db = tmp_path / "p.db"
    assert CliRunner().invoke(cli, ["import", str(db), str(article)]).exit_code == 0
    window = Project.open(db)  # a window's connection, with the cleaned text cached
    doc = next(window.documents())
    cleaned = window.document(doc.id).text
    result = CliRunner().invoke(cli, ["import", str(db), str(article), "--no-clean"])
    assert result.exit_code == 0 and "Restored the full text" in result.output
    start = cleaned.index("وزير النقل")
    stale = Span(start, start + len("وزير النقل"), "speaker", "وزير النقل", doc_id=doc.id)
    try:
        window.apply(AddSpan(stale), "layla")
    except ChangedElsewhereError as exc:
        assert "imported again" in str(exc)
    else:
        raise AssertionError("a span on the old text was stored")
    assert window.spans(doc.id, "layla") == []
    assert "تاريخ النشر" in window.document(doc.id).text  # the text as stored now
    window.close()


def test_the_window_shows_the_text_imported_again_and_labels_it_exactly(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": SCRAPED})
    doc = w.session.document
    assert doc is not None and "تاريخ النشر" not in doc.text
    result = CliRunner().invoke(
        cli, ["import", str(w.session.project.path), str(tmp_path / "in" / "a.txt"), "--no-clean"]
    )
    assert result.exit_code == 0, result.output
    qtbot.waitUntil(
        lambda: w.session.document is not None and "تاريخ النشر" in w.session.document.text,
        timeout=WAIT,
    )
    text = w.session.document.text
    start = text.index("وزير النقل")
    w.view.setFocus()
    drag(qtbot, w, start, start + len("وزير النقل"))
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    (span,) = w.session.spans
    assert text[span.start : span.end] == span.text == "وزير النقل"
    with Project.open(w.session.project.path) as other:
        (stored,) = other.spans(span.doc_id or 0, "layla")
        assert other.document(span.doc_id or 0).text[stored.start : stored.end] == stored.text


def test_after_a_restore_elsewhere_redo_cannot_bring_back_the_old_state(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": PROSE})
    path = w.session.project.path
    make_backup(path, reason="test")  # before any span
    w.view.setFocus()
    start = PROSE.index("وزير النقل")
    drag(qtbot, w, start, start + len("وزير النقل"))
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    assert len(w.session.spans) == 1
    w.session.undo_stack.undo()
    assert w.session.spans == [] and w.session.undo_stack.canRedo()
    result = CliRunner().invoke(cli, ["restore", str(path), "1"])
    assert result.exit_code == 0, result.output
    qtbot.waitUntil(lambda: not w.session.undo_stack.canRedo(), timeout=WAIT)
    qtbot.keyClick(
        w.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert w.session.spans == []
    with Project.open(path) as other:
        assert other.spans(w.session.document.id, "layla") == []  # type: ignore[union-attr]
