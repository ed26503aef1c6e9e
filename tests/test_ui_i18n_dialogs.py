"""The import and export dialogs, in the Arabic interface, say why they refused in Arabic: no
Latin word but the file's own name (and its line, for an importer)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui_helpers import cancelled_import, make_window

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
TEXT = "قال الوزير إن المحادثات كانت مثمرة."


def lri(path: object) -> str:
    """A path as the Arabic window shows it in a sentence: isolated left to right."""
    return f"\u2066{path}\u2069"


def _refusal(qtbot: QtBot, dialog: object) -> None:
    """Press the dialog's OK button with the mouse and wait for its job to fail."""
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    job = dialog.job  # type: ignore[attr-defined]
    assert job is not None
    with qtbot.waitSignal(job.failed, timeout=60000):
        pass


BROKEN = {  # file name, bytes, what the Arabic sentence says after the name
    "مقالات #1.csv": ('text,id\n"نص,1\nسطر\n'.encode(), "، السطر 2: يبدأ في هذا السطر حقل"),
    "فارغ 50%.txt": (b"", ": الملف فارغ"),
    "bin?.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40, ": يبدو هذا ملفاً ثنائياً لا نصاً"),
    "غريب.jsonl": (  # a label of another schema: the schema's own are data, quoted as ids
        '{"text": "قال الوزير", "spans": [{"start": 4, "end": 10, "label": "per"}]}\n'.encode(),
        "، السطر 1: وسم غير معروف 'per' (في المخطط: ",
    ),
    # a field name stays as the file writes it ('text')
    "lines.jsonl": (
        '{"text": "نص"}\n{"text": 5}\n'.encode(),
        "، السطر 2: السطر: يجب أن يكون 'text' نصاً، لا 5",
    ),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_the_import_dialog_refuses_a_broken_file_in_arabic(
    qtbot: QtBot, tmp_path: Path, arabic: object, name: str
) -> None:
    content, said = BROKEN[name]
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    broken = tmp_path / name
    broken.write_bytes(content)
    dialog = w.dialogs.show_import()
    qtbot.addWidget(dialog)
    dialog.add_paths([broken])
    _refusal(qtbot, dialog)
    shown = dialog.summary.text()
    assert shown.startswith("لم يُستورد شيء: ") and str(broken) in shown, shown
    assert f"{lri(broken)}{said}" in shown, shown
    rest = re.sub(r"'[a-z]+'|\(في المخطط: [a-z, ]+\)", "", shown.replace(str(broken), ""))
    assert LATIN_WORD.findall(rest) == [], shown
    assert w.session.project.document_count() == 1


def test_the_export_dialog_refuses_a_target_in_arabic(
    qtbot: QtBot, tmp_path: Path, arabic: object
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    w.session.add_span(4, 10, "speaker")
    dialog = w.dialogs.show_export()
    qtbot.addWidget(dialog)
    mine = tmp_path / "ملفي #1.jsonl"
    mine.write_text("my own file\n", "utf-8")
    project = w.session.project.path
    shown = []
    for out, force in ((mine, False), (mine, True), (project, False), (tmp_path, False)):
        dialog.out.setText(str(out))
        dialog.force.setChecked(force)
        _refusal(qtbot, dialog)
        shown.append(dialog.message.text())
    assert shown[0].startswith(f"{lri(mine)} موجود أصلاً؛ اختر مكاناً جديداً في «حفظ باسم»"), shown
    assert shown[1].startswith(f"لم يكتب {lri(mine)} تصديرٌ من annotator"), shown
    assert shown[2] == f"{lri(project)} هو ملف المشروع {lri(project)}؛ اختر مكاناً آخر في «حفظ باسم»"
    assert shown[3].startswith(f"{lri(tmp_path)} هو المجلد الذي فيه المشروع {lri(project)}"), shown
    for sentence, out in zip(shown, (mine, mine, project, tmp_path), strict=True):
        rest = sentence.replace(str(project), "").replace(str(out), "").replace("annotator", "")
        assert LATIN_WORD.findall(rest) == [], sentence
    assert mine.read_text("utf-8") == "my own file\n"


def test_qts_own_file_dialog_reads_in_arabic(qtbot: QtBot, tmp_path: Path, arabic: object) -> None:
    """Qt's Arabic catalogue leaves "Look in:" and the "Folder" type in English; ours fills them."""
    from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QLabel

    (tmp_path / "مجلد").mkdir()
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert len(labels) >= 3 and not any(LATIN_WORD.search(t) for t in labels), labels
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    folder = model.index(str(tmp_path / "مجلد"))
    assert model.type(folder) == "مجلّد"


def test_a_refused_merge_and_agreement_say_why_in_arabic(
    qtbot: QtBot, tmp_path: Path, arabic: object
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    project = w.session.project.path
    gone = tmp_path / "نسخة ليلى.db"
    expected = {
        gone: f"{lri(gone)} غير موجود؛ لم يُدمج شيء",
        project: f"{lri(project)} هو المشروع نفسه؛ اختر نسخ المُعلِّمين لدمجها",
    }
    for path, sentence in expected.items():
        job = w.jobs.merge([path])
        assert job is not None
        with qtbot.waitSignal(job.failed, timeout=60000):
            pass
        assert w.status_line.message_line.text() == sentence
    job = w.jobs.agreement()  # nobody has finished a document
    with qtbot.waitSignal(job.failed, timeout=60000):
        pass
    said = w.status_line.message_line.text()
    assert said.startswith(f"لم يُنهِ أي مُعلِّم مستنداً في {lri(project)} بعد"), said
    assert LATIN_WORD.findall(said.replace(str(project), "").replace("Ctrl", "")) == [], said


def test_a_cancelled_import_says_so_in_arabic(qtbot: QtBot, tmp_path: Path, arabic: object) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    dialog, _failure = cancelled_import(qtbot, w, TEXT)
    assert dialog.summary.text() == "لم يُستورد شيء: أُلغي؛ لم يتغير شيء."
