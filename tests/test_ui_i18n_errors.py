"""Library refusals the window shows (backups, restore, files that are not projects) read in
Arabic, with counted sentences in their plural forms; the terminal keeps its English."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from annotator.errors import ProjectError, Told
from annotator.model.document import DocumentRecord
from annotator.model.projectfiles import backups_folder
from annotator.model.schema import default_schema
from annotator.store import Project
from annotator.store.backup import make_backup, restore_backup
from annotator.ui.errortext import explain
from annotator.ui.i18n import install

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def lri(path: object) -> str:
    """A path as the Arabic window shows it in a sentence: isolated left to right."""
    return f"\u2066{path}\u2069"


def latin_words(sentence: str, *allowed: str) -> list[str]:
    """Latin words of ``sentence`` once the paths and ``allowed`` words are taken out."""
    for word in allowed:
        sentence = sentence.replace(word, "")
    return LATIN_WORD.findall(sentence)


def _project(path: Path) -> Path:
    with Project.create(path, default_schema()) as p:
        p.add_documents([DocumentRecord("d1", "t", "نص")])
    return path


def test_files_that_are_not_projects_are_refused_in_arabic(tmp_path: Path, arabic: object) -> None:
    empty = tmp_path / "فارغ.db"
    empty.write_bytes(b"")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    folder = tmp_path / "folder.db"
    folder.mkdir()
    told = {}
    for path in (empty, other, folder):
        with pytest.raises(ProjectError) as caught:
            Project.open(path)
        told[path] = caught.value
    assert explain(told[empty]) == f"{lri(empty)} فارغ: ليس مشروع annotator"
    assert explain(told[other]) == f"{lri(other)} ملف SQLite لكنه ليس مشروع annotator"
    assert explain(told[folder]) == f"{lri(folder)} مجلد، لا ملف مشروع"
    install(QApplication.instance(), "en")  # type: ignore[arg-type]
    assert str(told[empty]) == f"{empty} is empty: it is not an annotator project"
    assert explain(told[folder]) == str(told[folder]) == f"{folder} is a folder, not a project file"


def test_restore_refusals_read_in_arabic(tmp_path: Path, arabic: object) -> None:
    db = _project(tmp_path / "مشروع #1.db")
    backup = make_backup(db)
    refused = []
    for source in (tmp_path / "gone.db", db):
        with pytest.raises(ProjectError) as caught:
            restore_backup(db, source)
        refused.append(caught.value)
    # a backup that is not one: a folder, and an empty file inside the backups folder
    empty = backups_folder(db) / "empty.db"
    empty.write_bytes(b"")
    with pytest.raises(ProjectError) as caught:
        restore_backup(db, empty)
    refused.append(caught.value)
    other = _project(tmp_path / "آخر.db")  # another project's file (passed as a Path)
    with pytest.raises(ProjectError) as caught:
        restore_backup(db, other)
    assert explain(caught.value).startswith(f"{lri(other)} ليس نسخة احتياطية من {lri(db)}")
    shown = [explain(e) for e in refused]
    assert shown[0] == (
        f"{lri(tmp_path / 'gone.db')} غير موجود (اسرد النسخ الاحتياطية بالأمر: annotator backups {lri(db)})"
    )
    assert shown[1] == f"{lri(db)} هو المشروع نفسه؛ اختر إحدى نسخه الاحتياطية"
    assert shown[2] == f"{lri(empty)} فارغ: ليس نسخة احتياطية من annotator"
    # another process holds the write lock and says what it does
    note = backups_folder(db) / "running-1.json"
    note.write_text(json.dumps({"what": "an import", "pid": os.getppid(),
                                "since": "2026-11-30T21:04:05+00:00"}), "utf-8")  # fmt: skip
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(ProjectError) as busy:
            restore_backup(db, backup.path, wait=0.05)
    finally:
        holder.close()
        note.unlink()
    said = explain(busy.value)
    assert said == (
        f"استيراد (العملية {os.getppid()}، منذ 21:04:05 بالتوقيت العالمي) يكتب في {lri(db)}؛"
        " لم يُسترجع شيء: أعد المحاولة بعد انتهائه"
    )
    for sentence in (*shown, said):
        paths = (str(tmp_path / "gone.db"), str(empty), str(db))
        assert latin_words(sentence, *paths, "annotator backups", "annotator") == []
    assert str(busy.value) == (  # the terminal's English, as before
        f"{db} is being written by an import (process {os.getppid()}, since 21:04:05 UTC);"
        " nothing was restored: try again when it has finished"
    )


DAMAGED = Told(
    "{path} is damaged: %n rows refer to missing rows",
    {"path": "p.db"},
    one="{path} is damaged: %n row refers to missing rows",
)
ARABIC_ROWS = {1: "صف واحد يشير", 2: "صفّان يشيران", 3: "3 صفوف تشير", 11: "11 صفاً تشير",
               100: "100 صف تشير"}  # fmt: skip


@pytest.mark.parametrize(("n", "arabic_rows"), list(ARABIC_ROWS.items()))
def test_a_counted_refusal_takes_its_plural_form(
    qapp: QApplication, n: int, arabic_rows: str
) -> None:
    told = Told(DAMAGED.template, DAMAGED.params, count=n, one=DAMAGED.one)
    english = "row refers" if n == 1 else "rows refer"
    assert str(told) == f"p.db is damaged: {n:,} {english} to missing rows"
    try:
        install(qapp, "ar")
        assert explain(told) == f"p.db تالف: {arabic_rows} إلى صفوف مفقودة"
        install(qapp, "en")
        assert explain(told) == f"p.db is damaged: {n} {english} to missing rows"
    finally:
        install(qapp, "en")
    assert str(Told(DAMAGED.template, DAMAGED.params, count=1500)) == (
        "p.db is damaged: 1,500 rows refer to missing rows"
    )
