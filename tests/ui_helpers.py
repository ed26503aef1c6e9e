"""Helpers for GUI tests: a window on a fresh project, and mouse drags in code point offsets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.model.schema import Schema, default_schema
from annotator.store import Project
from annotator.ui.docview import ArticleView
from annotator.ui.mainwindow import MainWindow
from annotator.ui.session import Session


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
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
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
    w = MainWindow(Session(project, annotator))
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.session.open_document(project.find_document(lines[0]["id"]).id)
    w.view.setFocus()
    return w
