"""A failed import removes the project file it created only while that file is still nobody else's."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.model.schema import default_schema
from annotator.store import Project

ROOT = Path(__file__).resolve().parents[1]
IMPORT = "from annotator.cli import main; main()"
OTHER_WRITER = """
import sys
from pathlib import Path
from annotator.model.document import DocumentRecord
from annotator.store import Project
with Project.open(Path(sys.argv[1])) as p:
    print("open", flush=True)
    p.add_documents([DocumentRecord("theirs", "t", "نص كتبه برنامج آخر في أثناء الاستيراد")])
print("written", flush=True)
"""


def _popen(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", *args], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip


def _wait_for_project(db: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if db.exists() and db.stat().st_size > 0 and Path(f"{db}-wal").exists():
            return
        time.sleep(0.05)
    raise AssertionError(f"{db} was never created")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_another_writer_during_a_failed_import_keeps_the_new_file(tmp_path: Path) -> None:
    db, fifo = tmp_path / "new.db", tmp_path / "slow.txt"
    os.mkfifo(fifo)  # the import blocks reading it until this test writes
    importer = _popen(IMPORT, "import", str(db), str(fifo), "--format", "txt")
    _wait_for_project(db)
    other = _popen(OTHER_WRITER, str(db))
    assert other.stdout is not None and other.stdout.readline().strip() == "open"
    with fifo.open("wb") as fh:  # now the import reads a binary file and fails
        fh.write(b"\x00\x01\x02" * 100)
    _out, err = importer.communicate(timeout=120)
    assert importer.returncode == 2 and "binary file" in err and "Traceback" not in err
    _out, err = other.communicate(timeout=120)
    assert other.returncode == 0, err
    assert db.exists()
    with Project.open(db) as p:
        assert [d.ext_id for d in p.documents()] == ["theirs"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_a_failed_import_alone_removes_the_file_it_created(tmp_path: Path) -> None:
    db, fifo = tmp_path / "new.db", tmp_path / "slow.txt"
    os.mkfifo(fifo)
    importer = _popen(IMPORT, "import", str(db), str(fifo), "--format", "txt")
    _wait_for_project(db)
    with fifo.open("wb") as fh:
        fh.write(b"\x00\x01\x02" * 100)
    _out, err = importer.communicate(timeout=120)
    assert importer.returncode == 2 and "binary file" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slow.txt"]


def test_a_failed_import_into_an_existing_project_leaves_it(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    Project.create(db, default_schema()).close()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": \n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", IMPORT, "import", str(db), str(bad)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)  # fmt: skip
    assert result.returncode == 2 and db.exists()
