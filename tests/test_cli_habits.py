"""Command-line habits: typos named, ``python -m annotator``, the counter wiped before messages,
``-`` for standard input and output, ``--quiet``, and install hints that name our distribution."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator import DISTRIBUTION
from annotator.cli import cli
from annotator.terminal import Terminal
from tests.test_cli import run

ROOT = Path(__file__).resolve().parents[1]
LINE = '{"id": "d%d", "text": "قال الوزير إن المحادثات رقم %d كانت مثمرة.", "annotator": "layla"}\n'


def _offscreen() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["stat", "news.db"], "No command 'stat'. Did you mean 'stats'?"),
        (["exprot", "news.db"], "No command 'exprot'. Did you mean 'export'?"),
        (["Import"], "No command 'Import'. Did you mean 'import'?"),
        (["frobnicate"], "No command 'frobnicate'. The commands are: agreement,"),
    ],
)
def test_a_mistyped_command_is_named_and_never_opens_the_window(
    tmp_path: Path, args: list[str], message: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "annotator", *args], capture_output=True, text=True,
        env=_offscreen(), cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith(f"annotator: {message}") and done.stderr.count("\n") == 1
    assert done.stdout == ""


def test_a_project_file_without_a_suffix_still_opens(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    assert run("import", str(tmp_path / "news"), str(tmp_path / "a.txt")).returncode == 0
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "news", "--annotator", "layla", "--screenshot",
         "shot.png"], capture_output=True, text=True, env=_offscreen(), cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "shot.png").read_bytes()[:4] == b"\x89PNG"


def test_a_missing_project_under_offscreen_qt_is_a_sentence_not_an_invisible_dialog(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "annotator", str(tmp_path / "missing.db")], capture_output=True,
        text=True, env=_offscreen(), timeout=60,
    )  # fmt: skip
    assert done.returncode == 3 and "missing.db does not exist" in done.stderr


def test_python_dash_m_annotator_is_the_command(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "annotator", "--version"], capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0 and "version" in done.stdout


def _on_a_terminal(args: list[str], stdin: bytes = b"") -> tuple[int, str]:
    """Run the command with stderr on a pseudo-terminal (so the counter shows); return the exit
    status and everything written to the terminal."""
    master, slave = pty.openpty()
    done = subprocess.run([sys.executable, "-m", "annotator", *args], input=stdin,
                          stdout=subprocess.DEVNULL, stderr=slave, timeout=120)  # fmt: skip
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 1 << 16)
        except OSError:  # EIO: the terminal's other end is closed and everything was read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return done.returncode, b"".join(chunks).decode("utf-8")


def test_the_counter_is_wiped_before_an_error(tmp_path: Path) -> None:
    src = tmp_path / "many.jsonl"
    src.write_text("".join(LINE % (i, i) for i in range(300)) + "{broken\n", encoding="utf-8")
    status, shown = _on_a_terminal(["import", str(tmp_path / "p.db"), str(src)])
    assert status == 2
    assert "Reading: 250" in shown  # the counter was drawn ...
    assert re.search(
        r"Reading: 250\r\x1b\[Kannotator: .*many.jsonl, line 301", shown
    )  # ... and wiped
    assert not (tmp_path / "p.db").exists()


def test_quiet_draws_no_counter_and_prints_no_summary(tmp_path: Path) -> None:
    src = tmp_path / "many.jsonl"
    src.write_text("".join(LINE % (i, i) for i in range(300)), encoding="utf-8")
    status, shown = _on_a_terminal(["import", str(tmp_path / "p.db"), str(src), "--quiet"])
    assert status == 0 and shown == ""
    out = run("suggest", str(tmp_path / "p.db"), "-q")
    assert out.returncode == 0 and out.stdout == "" and out.stderr == ""


def test_quiet_still_lists_what_was_skipped(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = run("import", str(tmp_path / "p.db"), str(tmp_path), "--skip-bad", "-q")
    assert out.returncode == 0
    assert out.stdout.startswith("Skipped: ") and "empty.txt" in out.stdout
    assert "Imported" not in out.stdout


def test_terminal_wipes_its_counter_before_any_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    term = Terminal()
    show = term.progress("Writing")
    assert show is not None
    show(250)
    term.warn("annotator: something")
    term.warn("annotator: again")  # nothing left to wipe
    assert (
        capsys.readouterr().err == "\rWriting: 250\r\x1b[Kannotator: something\nannotator: again\n"
    )


def _annotator(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "annotator", *args], input=stdin,
                          capture_output=True, timeout=120)  # fmt: skip


def test_jsonl_through_standard_input_and_output(tmp_path: Path) -> None:
    lines = "".join(LINE % (i, i) for i in range(3)).replace(
        '"annotator": "layla"',
        '"annotator": "layla", "spans": [{"start": 4, "end": 10, "label": "speaker", "text": "الوزير"}]',
    )
    into = _annotator(["import", str(tmp_path / "a.db"), "-"], lines.encode())
    assert into.returncode == 0, into.stderr
    out = _annotator(["export", str(tmp_path / "a.db"), "--format", "jsonl", "--annotator",
                      "layla", "--no-tokens", "--out", "-"])  # fmt: skip
    assert out.returncode == 0, out.stderr
    exported = [json.loads(x) for x in out.stdout.decode().splitlines()]
    assert [d["id"] for d in exported] == ["d0", "d1", "d2"]
    assert all(d["spans"][0]["text"] == "الوزير" for d in exported)
    assert b"standard output" in out.stderr and b"Wrote 3 documents" in out.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db"]  # nothing left behind
    again = _annotator(["import", str(tmp_path / "b.db"), "-"], out.stdout)
    assert again.returncode == 0 and b"Imported 3 new documents" in again.stdout


def test_standard_input_errors_name_standard_input(tmp_path: Path) -> None:
    bad = (LINE % (0, 0)).replace('"text"', '"txt"').encode()
    done = _annotator(["import", str(tmp_path / "a.db"), "-", "--format", "jsonl"], bad)
    assert done.returncode == 2
    assert done.stderr.decode().startswith("annotator: standard input, line 1: ")
    assert b"/tmp" not in done.stderr and not (tmp_path / "a.db").exists()


def test_standard_output_takes_only_one_jsonl_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    assert run("import", str(tmp_path / "a.db"), str(tmp_path / "a.txt")).returncode == 0
    done = run("export", str(tmp_path / "a.db"), "--format", "brat", "--layer", "all",
               "--out", "-")  # fmt: skip
    assert done.returncode == 2 and "--out - writes one JSONL file" in done.stderr


def test_the_distribution_is_not_the_unrelated_annotator_on_pypi() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["name"] == DISTRIBUTION != "annotator"
    assert project["scripts"] == {"annotator": "annotator.cli:main"}
    hints = []
    for path in [ROOT / "README.md", *ROOT.glob("annotator/**/*.py"), *ROOT.glob("packaging/*")]:
        if path.is_file():
            text = path.read_text("utf-8", errors="replace")
            hints += re.findall(r"pip install '?([\w.-]+)\[", text)
            hints += re.findall(r"pip install ([\w.-]+)\s*$", text, re.MULTILINE)
    assert hints and set(hints) <= {DISTRIBUTION, "."}, hints


def test_dash_on_a_terminal_is_refused_instead_of_waiting(tmp_path: Path) -> None:
    master, slave = pty.openpty()
    done = subprocess.run([sys.executable, "-m", "annotator", "import", str(tmp_path / "a.db"), "-"],
                          stdin=slave, capture_output=True, text=True, timeout=60)  # fmt: skip
    os.close(slave)
    os.close(master)
    assert done.returncode == 2 and "pipe JSONL into it" in done.stderr
    assert not (tmp_path / "a.db").exists()


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_takes_quiet(command: str) -> None:
    # parsed, not looked for in the help text (where an example or a sentence may name it)
    for flag in ("-q", "--quiet"):
        result = CliRunner().invoke(cli, [command, flag, "--help"])
        assert result.exit_code == 0, result.output


def test_quiet_may_come_before_the_command(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    done = run("-q", "import", str(tmp_path / "a.db"), str(tmp_path / "a.txt"))
    assert done.returncode == 0 and done.stdout == "" and (tmp_path / "a.db").exists()
