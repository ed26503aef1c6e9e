"""Helpers for GUI tests: a window on a fresh project, spans and links made through the session,
mouse drags in code point offsets, what the article view paints, and answering a popup menu."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.model.document import Relation, Span
from annotator.model.edits import AddRelation, AddSpan, Batch
from annotator.model.schema import Schema, default_schema
from annotator.store import Project
from annotator.ui.dialogs.importdialog import ImportDialog
from annotator.ui.docview import ArticleView
from annotator.ui.mainwindow import MainWindow
from annotator.ui.session import Session
from annotator.ui.structure import Arc, Box, Fragment, Tag

WIDTH, HEIGHT = 1200, 800  # the size test windows are laid out at
BIG_IMPORT = 5000  # documents: an import that is still running when its first progress comes
JOB_WAIT_MS = 60_000  # how long a test waits for a background job to end at most
MENU_LOOK_MS = 20  # how often answer_menu looks for the popup it answers
T = TypeVar("T")


def show_window(qtbot: QtBot, session: Session) -> MainWindow:
    """A main window on ``session``, shown at WIDTH x HEIGHT and active (keys go to it)."""
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def make_window(
    qtbot: QtBot,
    tmp_path: Path,
    texts: dict[str, str],
    annotator: str = "layla",
    schema: Schema | None = None,
) -> MainWindow:
    """A shown main window on a new project holding ``texts`` (file stem -> text), first one open
    (the default schema unless another is given)."""
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    project = Project.create(tmp_path / "p.db", schema or default_schema())
    project.add_documents(read_inputs([folder], ImportOptions()))
    session = Session(project, annotator)
    window = show_window(qtbot, session)
    window.view.setFocus()
    session.open_document(project.find_document(next(iter(texts))).id)
    return window


def point_in(view: ArticleView, offset: int, frac: float) -> QPoint:
    """A point ``frac`` of the way across the character at ``offset`` (from its logical start)."""
    cursor = view.textCursor()
    cursor.setPosition(view.conv.to_utf16(offset))
    a = view.cursorRect(cursor).center()
    cursor.setPosition(view.conv.to_utf16(offset + 1))
    b = view.cursorRect(cursor).center()
    return QPoint(round(a.x() + (b.x() - a.x()) * frac), a.y())


def drag(qtbot: QtBot, window: MainWindow, start: int, end: int) -> None:
    """Drag from just inside the character at ``start`` to just inside the end of ``end - 1``."""
    view = window.view
    a = point_in(view, start, 0.2)
    b = point_in(view, end - 1, 0.8)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), pos=b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)


def status_sentence(window: MainWindow) -> str:
    """The sentence the annotator reads in the status bar ("" when none), checked to be on screen
    whole: the line is visible, inside the bar, and wide enough for the sentence."""
    QApplication.processEvents()  # the bar lays itself out on the next turn of the loop
    line = window.status_line.message_line
    if not line.text():
        return ""
    bar = window.statusBar()
    assert line.isVisible() and bar.isVisible()
    assert bar.rect().contains(line.geometry())
    assert line.shown_text() == line.text(), "the sentence is cut"
    return line.text()


def lead_window(qtbot: QtBot, tmp_path: Path, text: str, anns: list[dict[str, Any]]) -> MainWindow:
    """A shown main window, as the lead, on one document "d1" of ``text`` imported from JSONL with
    the annotators' layers ``anns`` (the JSONL "annotations" list)."""
    return jsonl_window(qtbot, tmp_path, [{"id": "d1", "text": text, "annotations": anns}], "lead")


def jsonl_window(
    qtbot: QtBot, tmp_path: Path, lines: list[dict[str, Any]], annotator: str
) -> MainWindow:
    """A shown main window for ``annotator`` on a project imported from the JSONL ``lines``
    (documents with "id", "text" and "annotations"), the first one open."""
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    project = Project.create(tmp_path / "p.db", default_schema())
    project.add_documents(read_inputs([src], ImportOptions()))
    w = show_window(qtbot, Session(project, annotator))
    w.session.open_document(project.find_document(lines[0]["id"]).id)
    w.view.setFocus()
    return w


def add_span(w: MainWindow, words: str, label: str, after: int = 0) -> int:
    """Label the first ``words`` at or after code point ``after`` of the open document through the
    session (as an edit, undoable); the new span's id."""
    assert w.session.document is not None
    start = w.session.document.text.index(words, after)
    span = w.session.add_span(start, start + len(words), label)
    assert span is not None and span.id is not None
    return span.id


def many_relations(w: MainWindow, n: int) -> None:
    """A claim attributed to ``n`` speakers of the open document, the first ``n`` four-letter words
    (one edit for the speakers, one for the links)."""
    s = w.session
    doc = s.document
    assert doc is not None
    s.apply(Batch(tuple(AddSpan(Span(5 * i, 5 * i + 4, "speaker", doc.text[5 * i : 5 * i + 4],
                                     doc_id=doc.id, annotator=s.layer))
                        for i in range(n)), "speakers"))  # fmt: skip
    claim = s.add_span(5 * n, 5 * n + 4, "claim")
    assert claim is not None and claim.id is not None
    speakers = [sp.id for sp in s.spans if sp.label == "speaker"]
    s.apply(Batch(tuple(AddRelation(Relation(claim.id, sid, "attributed_to"))
                        for sid in speakers if sid), "links"))  # fmt: skip
    assert len(s.relations) == n


def segments_clear(arc: Arc, boxes: list[Box]) -> None:
    """No horizontal or vertical piece of the arc passes through the inside of any of ``boxes``."""
    for (ax, ay), (bx, by) in zip(arc.points, arc.points[1:], strict=False):
        for box in boxes:
            if ay == by:
                assert not (box.y0 < ay < box.y1 and min(ax, bx) < box.x1 and box.x0 < max(ax, bx))
            else:
                assert not (box.x0 < ax < box.x1 and min(ay, by) < box.y1 and box.y0 < max(ay, by))


class Painted(NamedTuple):
    """What the article view drew on its last paint: tags by span id, word fragments, arcs."""

    tags: dict[int, Tag]
    fragments: list[Fragment]
    arcs: list[Arc]


def painted(view: ArticleView) -> Painted:
    """Paint the view now and say what it drew."""
    view.viewport().repaint()
    blocks = view.structure.blocks
    return Painted(
        {t.span_id: t for geo in blocks for t in geo.tags},
        [f for geo in blocks for f in geo.fragments],
        list(view.structure.arcs),
    )


def answer_menu(
    qtbot: QtBot, keys: tuple[Qt.Key, ...], read: Callable[[QAction], T]
) -> list[list[T]]:
    """Answer the next popup menu with ``keys`` once it shows; the list it returns gets what
    ``read`` gives of each of the menu's entries, read before the keys."""
    seen: list[list[T]] = []

    def answer() -> None:
        menus = [
            m for m in QApplication.topLevelWidgets() if isinstance(m, QMenu) and m.isVisible()
        ]
        if not menus:
            QTimer.singleShot(MENU_LOOK_MS, answer)
            return
        seen.append([read(a) for a in menus[0].actions()])
        for key in keys:
            qtbot.keyClick(menus[0], key)

    QTimer.singleShot(MENU_LOOK_MS, answer)
    return seen


def cancelled_import(qtbot: QtBot, w: MainWindow, text: str) -> tuple[ImportDialog, str]:
    """Import BIG_IMPORT documents of ``text`` from the window's import dialog and cancel at the
    first progress: the dialog, and the sentence its job failed with."""
    src = Path(w.session.project.path).with_name("big.jsonl")
    lines = (json.dumps({"id": f"n{i}", "text": f"{text} {i}"}) for i in range(BIG_IMPORT))
    src.write_text("\n".join(lines), encoding="utf-8")
    dialog = w.dialogs.show_import()
    qtbot.addWidget(dialog)
    dialog.add_paths([src])
    job = dialog.run_import()
    assert job is not None
    job.progress.connect(lambda _n: job.cancel())
    with qtbot.waitSignal(job.failed, timeout=JOB_WAIT_MS) as blocker:
        pass
    assert blocker.args is not None
    return dialog, str(blocker.args[0])
