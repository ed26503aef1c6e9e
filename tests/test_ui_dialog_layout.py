"""The import and export dialogs as one works in them: the export dialog keeps its fields' sizes
when a refusal's sentence appears (it squeezed them), and a file added to the import list by
mistake can be taken off it (Delete, or the button)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from annotator.ui.i18n import install
from tests.ui_helpers import make_window

TEXT = "قال الوزير إن المحادثات كانت مثمرة."


@pytest.fixture(params=["en", "ar"])
def lang(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    install(qapp, request.param)
    yield str(request.param)
    install(qapp, "en")


def _heights(widgets: list[QWidget]) -> list[int]:
    return [w.height() for w in widgets]


def test_a_refusal_leaves_the_export_fields_their_size(
    qtbot: QtBot, tmp_path: Path, lang: str
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    w.session.add_span(4, 10, "speaker")
    dialog = w.dialogs.show_export()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    fields = [dialog.format, dialog.layer, dialog.status, dialog.out, dialog.force, dialog.ok]
    before = _heights(fields)
    assert all(h >= f.minimumSizeHint().height() for h, f in zip(before, fields, strict=True))
    dialog.out.setText(str(w.session.project.path))  # the project itself: refused, in words
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.job is not None
    with qtbot.waitSignal(dialog.job.failed, timeout=60000):
        pass
    QApplication.processEvents()
    said = dialog.message
    assert said.text() and said.isVisible()
    assert _heights(fields) == before
    assert said.height() >= said.heightForWidth(said.width())  # every wrapped line shows
    assert dialog.rect().contains(said.geometry())


def test_a_file_is_taken_off_the_import_list_with_delete_or_the_button(
    qtbot: QtBot, tmp_path: Path, lang: str
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    names = ["أول #1.txt", "ثان 50%.txt", "third ?.txt"]
    paths = []
    for i, name in enumerate(names):
        paths.append(tmp_path / name)
        paths[-1].write_text(f"{TEXT} {i}", "utf-8")
    dialog = w.dialogs.show_import()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.add_paths(paths)
    if lang == "ar":
        assert dialog.remove.text() == "أزل من القائمة"
    listed = dialog.files
    listed.setFocus()
    qtbot.keyClick(listed, Qt.Key.Key_Down)  # the second
    qtbot.keyClick(listed, Qt.Key.Key_Delete)
    assert [listed.item(i).text() for i in range(listed.count())] == [names[0], names[2]]
    assert dialog.paths == [paths[0], paths[2]]
    assert listed.currentRow() == 1 and f"{TEXT} 2" in dialog.preview.toPlainText()
    qtbot.mouseClick(dialog.remove, Qt.MouseButton.LeftButton)
    assert dialog.paths == [paths[0]] and listed.count() == 1
    left = listed.visualItemRect(listed.item(0)).center()
    qtbot.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, pos=left)  # back to the list
    qtbot.keyClick(listed, Qt.Key.Key_Delete)
    assert dialog.paths == [] and listed.count() == 0
    assert not dialog.remove.isEnabled() and dialog.preview.toPlainText() == ""
    qtbot.keyClick(listed, Qt.Key.Key_Delete)  # nothing left: nothing happens
    dialog.add_paths([paths[1]])
    assert dialog.remove.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.job is not None
    with qtbot.waitSignal(dialog.job.done, timeout=60000):
        pass
    assert all(p.is_file() for p in paths)  # taking a file off the list leaves the file
    assert w.session.project.document_count() == 2
    assert w.session.project.find_document("ثان 50%") is not None


def test_the_suggested_export_name_follows_the_format_until_one_is_typed(
    qtbot: QtBot, tmp_path: Path, lang: str
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    dialog = w.dialogs.show_export()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    project = w.session.project.path
    assert dialog.out.text() == str(project.with_suffix(".jsonl"))

    def choose(name: str) -> str:
        """Pick the format with the keyboard (up or down the list to it)."""
        combo = dialog.format
        key = Qt.Key.Key_Down if combo.findData(name) > combo.currentIndex() else Qt.Key.Key_Up
        for _ in range(combo.count()):
            if combo.currentData() == name:
                break
            qtbot.keyClick(combo, key)
        assert combo.currentData() == name
        return dialog.out.text()

    assert choose("doccano") == str(tmp_path / "p-doccano.jsonl")
    assert choose("brat") == str(tmp_path / "p-brat")  # a folder
    dialog.out.selectAll()
    qtbot.keyClicks(dialog.out, str(tmp_path / "news #1 %"))  # QTest types Latin only
    assert choose("spacy") == str(tmp_path / "news #1 %")  # typed: kept
