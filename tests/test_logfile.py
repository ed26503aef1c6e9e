"""Errors leave a trace: the traceback of every unexpected error goes to the log file, and the
sentence the user reads (CLI exit 70, or the window's dialog) names that file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator import logfile
from annotator.cli import main
from annotator.model.schema import default_schema
from annotator.store import Project


def test_tests_never_write_the_real_log(tmp_path_factory: pytest.TempPathFactory) -> None:
    assert str(logfile.log_path()).startswith(str(tmp_path_factory.getbasetemp()))


def test_an_unexpected_cli_error_names_the_log_with_its_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "p.db"
    Project.create(db, default_schema()).close()

    def broken(self: Project) -> None:
        raise RuntimeError("a bug in stats")

    monkeypatch.setattr(Project, "stats", broken)
    with pytest.raises(SystemExit) as stop:
        main(["stats", str(db)])
    assert stop.value.code == 70
    err = capsys.readouterr().err
    log = logfile.log_path()
    assert str(log) in err and "Traceback" not in err
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: a bug in stats" in text and "in broken" in text


def test_the_window_hook_shows_one_sentence_and_logs(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from annotator.ui import errorhook

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    try:
        raise ValueError("a slot failed")
    except ValueError as exc:
        errorhook.handle(ValueError, exc, exc.__traceback__)
    assert len(shown) == 1 and str(logfile.log_path()) in shown[0]
    assert "ValueError: a slot failed" in logfile.log_path().read_text(encoding="utf-8")


def test_the_log_rotates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logfile, "MAX_BYTES", 2000)
    monkeypatch.setattr(logfile, "_handler", None)
    for logger_handler in list(logfile.log.handlers):
        logfile.log.removeHandler(logger_handler)
    for i in range(30):
        try:
            raise RuntimeError(f"error {i}")
        except RuntimeError as exc:
            logfile.record_unexpected(exc, "a test")
    files = sorted(p.name for p in logfile.log_path().parent.iterdir())
    assert files[0] == logfile.LOG_NAME and len(files) == logfile.KEEP_FILES + 1
