"""Which long write is running on a project, so a refusal can name it ("an import is running").

A process doing long work on a project (an import, a merge) leaves a small note in the project's
backups folder for as long as it runs; a restore that finds the write lock taken reads the notes to
say what it is waiting for. Notes of processes that died are ignored (and removed by nobody but
their writer: a note is only ever deleted by the process that wrote it).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import Told
from annotator.model.projectfiles import backups_folder
from annotator.store.base import now

log = logging.getLogger(__name__)

NOTE_PREFIX = "running-"
NOTE_SUFFIX = ".json"
_active: set[Path] = set()

# What a note says runs (the window says it in its language; a note may say other words).
IMPORT = Told("an import")
MERGE = Told("a merge")


@dataclass(frozen=True)
class Activity:
    """A long write some process announced."""

    what: str
    pid: int
    since: str


@contextlib.contextmanager
def announce(project: Path, what: Told) -> Iterator[None]:
    """Note that this process is doing ``what`` on ``project`` until the block ends.

    Nested announcements in one process keep the outer one (a merge that imports is a merge).
    A note that cannot be written only costs the refusal its detail, so it never stops the work.
    """
    key = project.absolute()
    if key in _active:
        yield
        return
    note: Path | None = backups_folder(project) / f"{NOTE_PREFIX}{os.getpid()}{NOTE_SUFFIX}"
    assert note is not None
    made_folder = not note.parent.exists()
    try:
        note.parent.mkdir(exist_ok=True)
        note.write_text(
            json.dumps({"what": str(what), "pid": os.getpid(), "since": now()}), encoding="utf-8"
        )
    except OSError as exc:
        log.warning("could not note %s on %s: %s", what, project, exc)
        note = None
    _active.add(key)
    try:
        yield
    finally:
        _active.discard(key)
        if note is not None:
            note.unlink(missing_ok=True)
            if made_folder:
                with contextlib.suppress(OSError):  # only while still empty: nothing else is lost
                    note.parent.rmdir()


def running(project: Path) -> list[Activity]:
    """The long writes other live processes announced on ``project``."""
    folder = backups_folder(project)
    if not folder.is_dir():
        return []
    found = []
    for note in folder.iterdir():
        if not (note.name.startswith(NOTE_PREFIX) and note.name.endswith(NOTE_SUFFIX)):
            continue
        try:
            data = json.loads(note.read_text(encoding="utf-8"))
            activity = Activity(str(data["what"]), int(data["pid"]), str(data["since"]))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if activity.pid != os.getpid() and alive(activity.pid):
            found.append(activity)
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
