"""A restore takes only the project's own backups: another project's file is refused in one
sentence unless --another-project says so, and the project keeps its id either way."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from annotator.store import Project
from annotator.store.backup import list_backups
from tests.test_backup import _add, _ids, _project
from tests.test_cli import run


def _id(path: Path) -> str:
    with Project.open(path, readonly=True) as p:
        got = p.meta_value("project_id")
    assert got
    return got


def test_another_projects_file_is_refused_unless_said(tmp_path: Path) -> None:
    db = _project(tmp_path / "b.db", "d1", "d2", "d3")
    (tmp_path / "rev").mkdir()
    other = _project(tmp_path / "rev" / "q.db", "x1")
    mine = _id(db)
    refused = run("restore", str(db), str(other))
    assert refused.returncode == 3 and "Traceback" not in refused.stderr
    assert "is not a backup of" in refused.stderr and "--another-project" in refused.stderr
    assert _ids(db) == ["d1", "d2", "d3"] and list_backups(db) == []  # nothing written
    taken = run("restore", str(db), str(other), "--another-project")
    assert taken.returncode == 0, taken.stderr
    assert _ids(db) == ["x1"] and _id(db) == mine  # still this project: undo works
    undo = run("restore", str(db), "1")
    assert undo.returncode == 0 and _ids(db) == ["d1", "d2", "d3"]


def test_a_copy_of_the_project_and_its_old_backups_still_restore(tmp_path: Path) -> None:
    db = _project(tmp_path / "b.db", "d1")
    copy = tmp_path / "copy of b.db"
    shutil.copy(db, copy)  # the same project, saved by hand
    _add(db, "d2")
    assert run("restore", str(db), str(copy)).returncode == 0 and _ids(db) == ["d1"]
    assert "Backed up" in run("backups", str(db), "--now").stdout
    old = list_backups(db)[0].path  # the newest: the one just taken
    con = sqlite3.connect(old)  # as a backup from before projects recorded their id
    with con:
        con.execute("DELETE FROM meta WHERE key = 'project_id'")
    con.close()
    _add(db, "d3")
    got = run("restore", str(db), str(old))
    assert got.returncode == 0, got.stderr
    assert _ids(db) == ["d1"]
    stray = tmp_path / "stray.db"  # the same, outside the backups: it cannot say whose it is
    shutil.copy(old, stray)
    refused = run("restore", str(db), str(stray))
    assert refused.returncode == 3 and "does not say which project it is of" in refused.stderr
