"""A project in a folder nobody may write (a read-only mount, ``chattr +i``): reading commands and
``annotator.open`` work, writing ones say it is read-only (exit 3), nothing appears in the folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import annotator
from annotator.model.document import DocumentRecord, Span
from annotator.model.edits import AddSpan
from annotator.model.schema import default_schema
from annotator.store import Project
from tests.conftest import ARTICLE

NAME = "أخبار #1 50%.db"  # a name whose characters mean something in a URI


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from annotator.cli import main; main()", *args],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def _freeze(folder: Path) -> bool:
    """Make ``folder`` unwritable, for root too when chattr works here; False when impossible."""
    if shutil.which("chattr"):
        subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
    if os.access(folder, os.W_OK):
        folder.chmod(0o555)  # stops anyone but root
    return not os.access(folder, os.W_OK)


def _thaw(folder: Path) -> None:
    if shutil.which("chattr"):
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True, check=False)
    folder.chmod(0o755)


@pytest.fixture
def frozen(tmp_path: Path) -> Iterator[Path]:
    """A project with two annotators' finished work, in a folder nobody may write."""
    folder = tmp_path / "shelf"
    folder.mkdir()
    db = folder / NAME
    with Project.create(db, default_schema()) as p:
        p.add_documents([DocumentRecord("a1", "t", ARTICLE)])
        doc = p.find_document("a1").id
        for who, word, label in (("layla", "وزير", "speaker"), ("omar", "المحادثات", "event")):
            s = ARTICLE.index(word)
            p.apply(AddSpan(Span(s, s + len(word), label, word, doc_id=doc, annotator=who)), who)
            p.set_status(doc, who, "done")
    try:
        if not _freeze(folder):
            pytest.skip("cannot make a folder unwritable here (root without chattr)")
        yield db
    finally:
        _thaw(folder)


def test_reading_commands_work_in_a_read_only_folder(frozen: Path, tmp_path: Path) -> None:
    before = sorted(os.listdir(frozen.parent))
    stats = run("stats", str(frozen), "--json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["spans"] == 2
    out = tmp_path / "out.jsonl"
    export = run("export", str(frozen), "--format", "jsonl", "--layer", "all", "--out", str(out))
    assert export.returncode == 0, export.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    agreement = run("agreement", str(frozen), "--json")
    assert agreement.returncode == 0, agreement.stderr
    assert json.loads(agreement.stdout)["documents"] == 1
    assert sorted(os.listdir(frozen.parent)) == before  # no -wal, -shm or lock left there


def test_a_writing_command_says_read_only(frozen: Path, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("نص جديد", encoding="utf-8")
    done = run("import", str(frozen), str(src))
    assert done.returncode == 3 and "Traceback" not in done.stderr
    assert "read-only" in done.stderr and done.stderr.strip().count("\n") == 0


def test_the_python_api_reads_a_project_in_a_read_only_folder(frozen: Path) -> None:
    with annotator.open(frozen) as project:
        assert [d.ext_id for d in project.documents()] == ["a1"]
