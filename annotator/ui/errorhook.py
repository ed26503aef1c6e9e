"""The window's last resort: an error nobody caught is logged with its traceback and shown as one
sentence naming the log file, instead of the program dying silently (or Qt printing to nowhere)."""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.logfile import record_unexpected


def message(log_file: str) -> str:
    """The sentence the user reads."""
    return QCoreApplication.translate(
        "errorhook",
        "Something went wrong and the last action may not have finished. Your saved work is "
        "safe. The details are in {0}; please send that file with a report.",
    ).format(log_file)


def handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook`` while the window runs: log, then tell the user in one sentence."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    path = record_unexpected(exc, "the window")
    app = QApplication.instance()
    if isinstance(app, QApplication):
        QMessageBox.critical(app.activeWindow(), "annotator", message(str(path)))
    else:
        print(message(str(path)), file=sys.stderr)


def install() -> None:
    """Route uncaught errors (in Qt slots and event handlers too) to :func:`handle`."""
    sys.excepthook = handle
