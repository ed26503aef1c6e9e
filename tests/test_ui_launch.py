"""Starting the GUI as a user would: screenshots, --doc, no display, a file that is not a project."""

from __future__ import annotations

import os
from pathlib import Path

from tests.test_cli import run


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(extra)
    return env


def test_screenshot_of_a_chosen_document(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("الأول\nنص", encoding="utf-8")
    (folder / "b.txt").write_text("الثاني\nنص <b>عريض</b>", encoding="utf-8")
    db = tmp_path / "p.db"
    assert run("import", str(db), str(folder)).returncode == 0
    shot = tmp_path / "shot.png"
    result = run(
        "gui",
        str(db),
        "--annotator",
        "t",
        "--doc",
        "b",
        "--screenshot",
        str(shot),
        env=_env(QT_QPA_PLATFORM="offscreen"),
    )
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_demo_project_on_first_run(tmp_path: Path) -> None:
    shot = tmp_path / "demo.png"
    env = _env(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))  # fmt: skip
    result = run("--screenshot", str(shot), env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "annotator" / "demo.db").exists() and shot.exists()


def test_no_display_gives_advice_not_an_abort(tmp_path: Path) -> None:
    result = run("gui", str(tmp_path / "x.db"), env=_env())
    assert result.returncode == 4
    assert "no display" in result.stderr and "QT_QPA_PLATFORM=offscreen" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_that_is_not_a_project(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database " * 100)
    result = run(
        "gui",
        str(bogus),
        "--screenshot",
        str(tmp_path / "s.png"),
        env=_env(QT_QPA_PLATFORM="offscreen"),
    )
    assert result.returncode != 0 and "is not an annotator project" in result.stderr
