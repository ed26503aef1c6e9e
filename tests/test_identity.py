"""A file is a project only when its header says so; anything else is refused before any write.

Also: one way to open a path, so names with '#', '?', '%', spaces or Arabic letters are the same
file for the store, the backups and the export workers.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from annotator.errors import ProjectError
from annotator.model.document import DocumentRecord
from annotator.model.projectfiles import APPLICATION_ID
from annotator.model.schema import default_schema
from annotator.store import Project
from annotator.store.connection import Mode, open_sqlite, sqlite_uri
from annotator.store.identity import identify, schema_version
from tests.test_cli import run

ODD_NAMES = ["أخبار #1.db", "news?draft.db", "50%20off.db", "a b#c?d%e.db", "x%3Fy.db"]


def _fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's bytes and which files sit beside it: what 'nothing was written' means."""
    siblings = sorted(p.name for p in path.parent.iterdir())
    return hashlib.sha256(path.read_bytes()).hexdigest(), siblings


def _foreign(path: Path, app_id: int = 0) -> Path:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (a)")
    con.execute("INSERT INTO notes VALUES ('mine')")
    if app_id:
        con.execute(f"PRAGMA application_id = {app_id}")
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize("name", ODD_NAMES)
def test_odd_names_are_one_file_everywhere(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "my #1 ?folder% مجلد"
    folder.mkdir()
    path = folder / name
    with Project.create(path, default_schema()) as p:
        p.add_documents([DocumentRecord("d1", "t", "نص المقال")])
    # nothing else was created: a misquoted name would have made a second file
    assert sorted(x.name for x in folder.iterdir() if not x.name.endswith(("-wal", "-shm"))) == [
        name
    ]
    for readonly in (False, True):
        with Project.open(path, readonly=readonly) as again:
            assert again.document_count() == 1
    # the helper never creates a file unless asked to
    with pytest.raises(ProjectError):
        open_sqlite(folder / "missing #.db", Mode.READ)
    assert not (folder / "missing #.db").exists()
    assert "#" not in sqlite_uri(path, Mode.READ).split("?mode=")[0]


def test_a_new_project_carries_the_id_and_version(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    Project.create(path, default_schema()).close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert con.execute("PRAGMA user_version").fetchone()[0] == schema_version()
    con.close()
    assert not identify(path).legacy and not identify(path).pending


@pytest.mark.parametrize(
    "content", [b"", b"hello " * 500, b"SQLite format 3\x00" + b"\x00" * 84, b"\xff" * 4096]
)
def test_non_projects_are_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    before = _fingerprint(path)
    for readonly in (False, True):
        with pytest.raises(ProjectError, match=r"not an annotator project|is empty|damaged"):
            Project.open(path, readonly=readonly)
    assert _fingerprint(path) == before  # an empty file is not turned into a database


@pytest.mark.parametrize("app_id", [0, 0x12345678])
def test_another_applications_database_is_refused_before_any_write(
    tmp_path: Path, app_id: int
) -> None:
    path = _foreign(tmp_path / "their.sqlite", app_id)
    before = _fingerprint(path)
    with pytest.raises(ProjectError, match=r"not an annotator project|another application"):
        Project.open(path)
    assert _fingerprint(path) == before  # no WAL switch, no -wal or -shm beside it
    # commands give the sentence and exit 3, and leave it alone too
    for args in (
        ["stats", str(path)],
        ["import", str(path), str(path)],
        ["backups", str(path), "--now"],
    ):
        result = run(*args)
        assert result.returncode == 3, result.stderr
        assert "Traceback" not in result.stderr
    assert _fingerprint(path) == before


def test_a_newer_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    Project.create(path, default_schema()).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {schema_version() + 1}")
    con.commit()
    con.close()
    with pytest.raises(ProjectError, match="newer version"):
        Project.open(path)


def test_a_project_made_before_the_id_still_opens_and_gets_it(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Project.create(path, default_schema()) as p:
        p.add_documents([DocumentRecord("d1", "t", "نص المقال")])
    con = sqlite3.connect(path)  # what a project of the previous version looks like
    con.execute("PRAGMA application_id = 0")
    con.execute("PRAGMA user_version = 0")
    con.execute("DELETE FROM _sqlite_migrations WHERE name = '0003_project_identity'")
    con.commit()
    con.close()
    assert identify(path).legacy
    with pytest.raises(ProjectError, match="needs an upgrade"):
        Project.open(path, readonly=True)
    with Project.open(path) as p:
        assert p.document_count() == 1
    assert not identify(path).legacy
    assert identify(path).version == schema_version()


def test_an_sqlite_file_with_a_documents_table_but_no_migrations_is_not_a_project(
    tmp_path: Path,
) -> None:
    path = tmp_path / "lookalike.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, text TEXT)")
    con.commit()
    con.close()
    before = _fingerprint(path)
    with pytest.raises(ProjectError, match="not an annotator project"):
        Project.open(path)
    assert _fingerprint(path) == before


def test_there_is_one_way_to_open_a_path() -> None:
    """Only store/connection.py calls sqlite3.connect: a second way is how a restore once emptied a
    project (its URI was not quoted)."""
    package = Path(__file__).resolve().parents[1] / "annotator"
    callers = sorted(
        str(p.relative_to(package))
        for p in package.rglob("*.py")
        if "sqlite3.connect(" in p.read_text(encoding="utf-8")
    )
    assert callers == ["store/connection.py"]
