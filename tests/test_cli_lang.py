"""``--lang`` before any command: it chooses the window's language and never breaks a command."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotator.cli import cli


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("عنوان\nقال الرئيس إن الاتفاق قريب.\n", encoding="utf-8")
    db = tmp_path / "p.db"
    assert CliRunner().invoke(cli, ["import", str(db), str(tmp_path / "a.txt")]).exit_code == 0
    return db


@pytest.mark.parametrize("ahead", [["--lang", "ar"], ["--lang=en"], ["-q", "--lang", "ar"],
                                   ["--lang", "ar", "--quiet"]])  # fmt: skip
def test_lang_before_a_terminal_command_changes_nothing_it_prints(
    project: Path, ahead: list[str]
) -> None:
    plain = CliRunner().invoke(cli, ["stats", str(project)])
    result = CliRunner().invoke(cli, [*ahead, "stats", str(project)])
    assert result.exit_code == 0, result.output
    assert result.output == plain.output  # stats prints its table even with --quiet
    assert "1 document, 0 spans" in result.output


def test_quiet_and_lang_before_import_silence_its_summary(project: Path, tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("عنوان\nنص آخر\n", encoding="utf-8")
    loud = CliRunner().invoke(
        cli, ["--lang", "ar", "import", str(project), str(tmp_path / "b.txt")]
    )
    assert loud.exit_code == 0 and "Imported 1 new document" in loud.output
    (tmp_path / "c.txt").write_text("عنوان\nنص ثالث\n", encoding="utf-8")
    quiet = CliRunner().invoke(cli, ["--lang", "ar", "-q", "import", str(project),
                                     str(tmp_path / "c.txt")])  # fmt: skip
    assert quiet.exit_code == 0 and quiet.output == ""


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--lang", "ar", "{db}"], "ar"),  # the default command
        (["--lang", "ar", "gui", "{db}"], "ar"),
        (["gui", "{db}", "--lang", "ar"], "ar"),  # after the command, as before
        (["--lang", "ar", "gui", "{db}", "--lang", "en"], "en"),  # the nearer one wins
        (["--lang=en", "--screenshot", "{db}.png"], "en"),
        (["{db}"], None),  # not given: Preferences, else the system language
    ],
)
def test_lang_reaches_the_window(
    project: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], expected: str | None
) -> None:
    import annotator.ui.launch

    seen: dict[str, Any] = {}

    def run_gui(project_path: Path | None, *rest: Any) -> int:
        seen["project"], seen["lang"] = project_path, rest[-1]
        return 0

    monkeypatch.setattr(annotator.ui.launch, "run_gui", run_gui)
    result = CliRunner().invoke(cli, [a.format(db=project) for a in args])
    assert result.exit_code == 0, result.output
    assert seen["lang"] == expected


@pytest.mark.parametrize("args", [["--lang", "fr", "stats"], ["--lang"], ["--lang", "ar", "stast"]])
def test_a_wrong_lang_or_command_is_a_usage_mistake(args: list[str]) -> None:
    from annotator.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2


def test_the_help_says_what_lang_does_on_the_terminal() -> None:
    text = " ".join(CliRunner().invoke(cli, ["--help"]).output.split())
    assert "--lang [ar|en] The window's language" in text
    assert "Commands that print on the terminal print English in either language." in text
