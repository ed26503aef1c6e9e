"""Crash safety, two processes on one project, hostile input, backups."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.errors import AnnotatorError
from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.model.document import DocumentRecord
from annotator.model.schema import default_schema
from annotator.store import Project
from annotator.store.backup import list_backups, restore_backup
from tests.test_cli import run

ROOT = Path(__file__).resolve().parents[1]
WORDS = " ".join(["كلمة"] * 400)


def _project(path: Path) -> Path:
    with Project.create(path, default_schema()) as p:
        p.add_documents([DocumentRecord("d", "t", WORDS)])
    return path


def _child(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.helpers_proc", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def _integrity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def test_sigkill_during_a_stream_of_edits_loses_nothing_committed(tmp_path: Path) -> None:
    db = _project(tmp_path / "p.db")
    child = _child(str(db), "layla", "100000")
    assert child.stdout is not None
    committed = [int(child.stdout.readline()) for _ in range(40)]
    os.kill(child.pid, signal.SIGKILL)
    child.communicate()  # reap it and close its pipes
    assert _integrity(db) == "ok"
    with Project.open(db) as p:
        ids = {s.id for s in p.spans(p.find_document("d").id, "layla")}
    assert set(committed) <= ids


def test_sigkill_during_an_import_leaves_all_or_nothing(tmp_path: Path) -> None:
    db = _project(tmp_path / "p.db")
    src = tmp_path / "big.jsonl"
    src.write_text(
        "\n".join(json.dumps({"id": f"n{i}", "text": f"{WORDS} {i}"}) for i in range(4000)),
        encoding="utf-8",
    )
    child = subprocess.Popen([sys.executable, "-c", "from annotator.cli import main; main()", "import", str(db), str(src)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    wal = Path(f"{db}-wal")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not wal.exists() or wal.stat().st_size < 200_000):
        time.sleep(0.01)
    os.kill(child.pid, signal.SIGKILL)
    child.communicate()
    assert _integrity(db) == "ok"
    with Project.open(db) as p:
        assert p.document_count() in (1, 4001)


def test_two_writers_never_see_locked_and_lose_nothing(tmp_path: Path) -> None:
    db = _project(tmp_path / "p.db")
    a, b = _child(str(db), "layla", "150"), _child(str(db), "omar", "150")
    _out_a, err_a = a.communicate(timeout=300)
    _out_b, err_b = b.communicate(timeout=300)
    assert a.returncode == 0 and b.returncode == 0, err_a + err_b
    assert "locked" not in err_a + err_b
    with Project.open(db) as p:
        doc = p.find_document("d").id
        assert len(p.spans(doc, "layla")) == 150 and len(p.spans(doc, "omar")) == 150
    assert _integrity(db) == "ok"


def test_export_while_an_annotator_writes(tmp_path: Path) -> None:
    db = _project(tmp_path / "p.db")
    writer = _child(str(db), "layla", "200")
    exports = [run("export", str(db), "--format", "jsonl", "--annotator", "layla", "--out", str(tmp_path / f"o{i}.jsonl"))
               for i in range(3)]  # fmt: skip
    _out, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err
    for result in exports:
        assert result.returncode == 0 or "no annotator 'layla'" in result.stderr, result.stderr
        assert "locked" not in result.stderr


# ------------------------------------------------------------------------------ hostile input
FORMATS = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".csv": "csv",
    ".json": "label-studio",
    ".dl": "doccano",
}
VALID = {
    "jsonl": '{"id": "a", "text": "قال الوزير", "annotator": "x", "spans": [{"start": 4, "end": 10, "label": "speaker"}]}\n',
    "doccano": '{"text": "قال الوزير", "label": [[4, 10, "speaker"]]}\n',
    "label-studio": '[{"id": 1, "data": {"text": "قال الوزير"}, "annotations": [{"completed_by": 1, "result": '
    '[{"id": "r", "type": "labels", "value": {"start": 4, "end": 10, "labels": ["speaker"]}}]}]}]',
    "csv": "id,text\na,قال الوزير\n",
    "txt": "عنوان\nقال الوزير",
}


def _import_or_refuse(tmp_path: Path, data: bytes, suffix: str, fmt: str) -> None:
    db = tmp_path / "f.db"
    if db.exists():
        db.unlink()
    project = Project.create(db, default_schema())
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    try:
        project.add_documents(
            read_inputs(
                [path], ImportOptions(format=fmt, annotator="x", label_ids=project.schema.label_ids)
            )
        )
    except AnnotatorError as exc:
        assert str(exc) and "\n" not in str(exc).strip()
        assert project.document_count() == 0  # nothing half-written
    finally:
        project.close()


@pytest.mark.parametrize("suffix", sorted(FORMATS))
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_random_bytes_give_clean_errors(tmp_path: Path, suffix: str, data: bytes) -> None:
    _import_or_refuse(tmp_path, data, suffix, FORMATS[suffix])


@pytest.mark.parametrize("fmt", sorted(VALID))
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cuts=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 255), st.booleans()), max_size=4)
)
def test_mutated_valid_files_give_clean_errors(
    tmp_path: Path, fmt: str, cuts: list[tuple[int, int, bool]]
) -> None:
    data = bytearray(VALID[fmt].encode("utf-8"))
    for pos, byte, insert in cuts:
        pos = min(pos, len(data))
        if insert:
            data.insert(pos, byte)
        elif pos < len(data):
            data[pos] = byte
    suffix = next(s for s, f in FORMATS.items() if f == fmt)
    _import_or_refuse(tmp_path, bytes(data), suffix, fmt)


def test_a_file_above_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.importers import limits

    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("نص " * 1000, encoding="utf-8")
    with (
        Project.create(tmp_path / "p.db", default_schema()) as p,
        pytest.raises(AnnotatorError, match="are refused"),
    ):
        p.add_documents(read_inputs([path], ImportOptions()))


# ------------------------------------------------------------------------------------ backups
def test_backup_and_restore_from_the_cli(tmp_path: Path) -> None:
    db = _project(tmp_path / "p.db")
    assert "Backed up" in run("backups", str(db), "--now").stdout
    with Project.open(db) as p:
        p.add_documents([DocumentRecord("later", "t", "نص أضيف بعد النسخة")])
    result = run("restore", str(db), "1")
    assert result.returncode == 0 and "the state before is kept" in result.stdout
    with Project.open(db) as p:
        assert p.document_count() == 1
    # the restore itself can be undone from the backup it made
    before = next(b for b in list_backups(db) if b.reason == "before-restore")
    restore_backup(db, before.path)
    with Project.open(db) as p:
        assert p.document_count() == 2
    bad = run("restore", str(db), "99")
    assert bad.returncode != 0 and "give a number from 1 to" in bad.stderr


def test_a_damaged_backup_is_refused(tmp_path: Path) -> None:
    db = _project(tmp_path / "p.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    result = run("restore", str(db), str(junk))
    assert result.returncode != 0 and "backup" in result.stderr and "Traceback" not in result.stderr


def test_jsonl_is_streamed_so_only_a_huge_line_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import annotator.importers.common as common
    from annotator.importers import limits

    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100)  # a big file is fine when streamed
    monkeypatch.setattr(common, "MAX_LINE_BYTES", 300)
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "نص قصير"}\n{"text": "' + "طويل " * 100 + '"}\n', encoding="utf-8")
    with Project.create(tmp_path / "p.db", default_schema()) as p:
        with pytest.raises(
            AnnotatorError, match=r"x\.jsonl, line 2: the line is 0 MB; lines above 0 MB"
        ):
            p.add_documents(read_inputs([path], ImportOptions()))
        report = p.add_documents(read_inputs([path], ImportOptions()), skip_bad=True)
        assert report.documents_added == 1 and len(report.skipped) == 1
