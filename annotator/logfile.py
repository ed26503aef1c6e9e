"""The log file: where the traceback of every unexpected error goes, from the CLI and the window.

It lives in the user's log folder (platformdirs), or in ``$ANNOTATOR_LOG_DIR`` when set (the tests
set it, so they never write to the real one), and rotates at :data:`MAX_BYTES`. Nothing is written
until something is logged.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "annotator.log"
MAX_BYTES = 1_000_000
KEEP_FILES = 3
ENV_DIR = "ANNOTATOR_LOG_DIR"
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

_handler: RotatingFileHandler | None = None
log = logging.getLogger("annotator")


def log_path() -> Path:
    """Where the log file is (it may not exist yet)."""
    folder = os.environ.get(ENV_DIR)
    if folder:
        return Path(folder) / LOG_NAME
    from platformdirs import user_log_path

    return user_log_path("annotator", appauthor=False) / LOG_NAME


def setup() -> Path:
    """Send the program's warnings and errors to the log file; returns its path. Idempotent."""
    global _handler
    path = log_path()
    if _handler is not None and Path(_handler.baseFilename) == path.absolute():
        return path
    if _handler is not None:
        log.removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=KEEP_FILES, encoding="utf-8", delay=True
        )
    except OSError:
        return path  # a log that cannot be written must not stop the work
    _handler.setFormatter(logging.Formatter(_FORMAT))
    _handler.setLevel(logging.INFO)
    log.addHandler(_handler)
    if log.level == logging.NOTSET or log.level > logging.INFO:
        log.setLevel(logging.INFO)
    return path


def record_unexpected(exc: BaseException, where: str) -> Path:
    """Write ``exc`` with its traceback to the log file; returns the file's path."""
    path = setup()
    log.error("unexpected error in %s", where, exc_info=(type(exc), exc, exc.__traceback__))
    if _handler is not None:
        _handler.flush()
    return path
