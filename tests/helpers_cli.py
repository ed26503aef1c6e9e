"""The command line run in the test's own process (fast, and capsys sees what it prints)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """The real entry point in this process: (exit status, stdout, stderr)."""
    try:
        main([str(a) for a in args])
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err
