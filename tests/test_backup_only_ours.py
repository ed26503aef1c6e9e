"""Pruning deletes only backups this program wrote for this project; nothing else in the folder.

A tester copied another project into ``news.db.backups/`` as "my precious other project.db":
``backups`` listed it, ``restore`` refused it as another project's file, and two import-and-backup
rounds later the pruning deleted it without a word. No command deletes a path it did not create.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.model.projectfiles import backups_folder
from tests.helpers_cli import run


def _new_project(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str) -> Path:
    folder = tmp_path / f"{name} articles"
    folder.mkdir()
    (folder / "a.txt").write_text(f"نص مقال {name} الأول 2024 Xi 🙂", encoding="utf-8")
    path = tmp_path / f"{name}.db"
    code, _, err = run(capsys, "init", path)
    assert code == 0, err
    code, _, err = run(capsys, "import", path, folder)
    assert code == 0, err
    return path


def _round(capsys: pytest.CaptureFixture[str], tmp_path: Path, path: Path, n: int) -> str:
    article = tmp_path / f"مقال # {n} ?.txt"
    article.write_text(f"خبر رقم {n} عن الزيارة", encoding="utf-8")
    code, _, err = run(capsys, "import", path, article)
    assert code == 0, err
    code, out, err = run(capsys, "backups", path, "--now")
    assert code == 0, err
    return out


def test_pruning_leaves_another_projects_file_and_a_renamed_copy(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = _new_project(capsys, tmp_path, "other")
    path = _new_project(capsys, tmp_path, "bk2")
    code, _, err = run(capsys, "backups", path, "--now")
    assert code == 0, err
    folder = backups_folder(path)
    ours = next(folder.glob("*.db"))
    precious = folder / "my precious other project.db"
    shutil.copyfile(other, precious)
    renamed = folder / "before the big import — كانون.db"  # the user's own copy of a backup
    shutil.copyfile(ours, renamed)
    out = ""
    for n in range(8):  # more rounds than the policy keeps within a day
        out = _round(capsys, tmp_path, path, n)
    assert precious.exists() and precious.read_bytes() == other.read_bytes()
    assert renamed.exists()
    assert len([p for p in folder.glob("2*.db")]) <= 6  # the program's own were thinned
    assert str(precious) not in out.split("Not backups")[0]  # not offered as a backup of bk2
    assert "Not backups of" in out and precious.name in out and "another project" in out


def test_restore_by_number_never_picks_another_projects_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = _new_project(capsys, tmp_path, "other")
    path = _new_project(capsys, tmp_path, "bk2")
    run(capsys, "backups", path, "--now")
    shutil.copyfile(other, backups_folder(path) / "9999 newest looking.db")
    code, out, _ = run(capsys, "backups", path)
    assert code == 0
    listed = out.split("Not backups")[0]
    assert "9999 newest looking.db" not in listed
    assert len([line for line in listed.splitlines() if " MB " in line]) == 1
    assert "9999 newest looking.db" in out.split("Not backups")[1]
