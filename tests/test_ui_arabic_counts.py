"""Counted nouns in the Arabic window take Arabic's six forms wherever a number stands beside a
noun (a tester saw "0 مستند" in the agreement dialog, where Arabic says "لا مستندات")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.ui_helpers import jsonl_window, status_sentence

NUMBERS = (0, 1, 2, 3, 11, 26, 100)
# the forms a reader expects, written out (not asked of the catalogue under test)
DOCUMENTS = {0: "لا مستندات", 1: "مستند واحد", 2: "مستندان", 3: "3 مستندات", 11: "11 مستندًا",
             26: "26 مستندًا", 100: "100 مستند"}  # fmt: skip
OPEN_ITEMS = {0: "لا بنود مفتوحة", 1: "بند واحد مفتوح", 2: "بندان مفتوحان", 3: "3 بنود مفتوحة",
              11: "11 بندًا مفتوحًا", 26: "26 بندًا مفتوحًا", 100: "100 بند مفتوح"}  # fmt: skip
WORD = "المحادثات"


def _claims(n: int) -> tuple[str, list[dict[str, Any]]]:
    """A text of ``n`` sentences and a claim nobody said in each (one open checklist item each)."""
    sentence = f"قال الوزير إن {WORD} مثمرة. "
    text = sentence * max(n, 1)
    at = [i * len(sentence) + sentence.index(WORD) for i in range(n)]
    return text, [{"start": a, "end": a + len(WORD), "label": "claim"} for a in at]


@pytest.mark.parametrize("n", NUMBERS)
def test_the_checklist_counts_its_open_items_in_arabic(
    qtbot: QtBot, tmp_path: Path, arabic: QApplication, n: int
) -> None:
    text, spans = _claims(n)
    layla = {"annotator": "layla", "status": "in_progress", "spans": spans, "relations": []}
    w = jsonl_window(qtbot, tmp_path, [{"id": "d1", "text": text, "annotations": [layla]}], "layla")
    w.spanpanel.refresh_now()
    assert w.spanpanel.check_title.text() == f"قائمة المراجعة: {OPEN_ITEMS[n]}"
    qtbot.keyClick(w.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    if n:  # marking it done is held once, with the count
        said = status_sentence(w)
        assert said.startswith(f"في قائمة المراجعة {OPEN_ITEMS[n]}. "), said
        assert w.session.status() != "done"
    else:
        assert w.session.status() == "done"


def test_the_checklist_counts_what_it_does_not_list_in_arabic(
    qtbot: QtBot, tmp_path: Path, arabic: QApplication
) -> None:
    from annotator.ui.widgets.spanpanel import CHECKLIST_SHOWN

    text, spans = _claims(CHECKLIST_SHOWN + 26)
    layla = {"annotator": "layla", "status": "in_progress", "spans": spans, "relations": []}
    w = jsonl_window(qtbot, tmp_path, [{"id": "d1", "text": text, "annotations": [layla]}], "layla")
    w.spanpanel.refresh_now()
    checklist = w.spanpanel.checklist
    assert checklist.item(checklist.count() - 1).text() == "… و26 بندًا آخر"


def _finished(name: str) -> dict[str, Any]:
    return {"annotator": name, "status": "done", "spans": [], "relations": []}


@pytest.mark.parametrize("n", NUMBERS)
def test_the_agreement_dialog_counts_its_documents_in_arabic(
    qtbot: QtBot, tmp_path: Path, arabic: QApplication, n: int
) -> None:
    text = f"قال الوزير إن {WORD} مثمرة."
    both = [_finished("layla"), _finished("omar")]
    lines = [{"id": f"d{i}", "text": f"{text} {i}", "annotations": both} for i in range(n)]
    if not n:  # each finished a document of their own: none finished by two
        lines = [{"id": "d0", "text": text, "annotations": [_finished("layla")]},
                 {"id": "d1", "text": text + "!", "annotations": [_finished("omar")]}]  # fmt: skip
    w = jsonl_window(qtbot, tmp_path, lines, "lead")
    with qtbot.waitSignal(w.jobs.agreementReady, timeout=60000):
        qtbot.keyClick(
            w.view, Qt.Key.Key_G,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )  # fmt: skip
    dialog = w.dialogs.agreement_dialog
    assert dialog is not None
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(t.startswith(f"{DOCUMENTS[n]} · ألفا كريبندورف") for t in texts), texts
    progress = w.jobs.running[-1].dialog.labelText()  # every document read, counted in words
    assert progress == f"أُنجز {DOCUMENTS[n or 2]}…"
