"""One exception hierarchy whose messages are written for the person at the keyboard."""

from __future__ import annotations

from pathlib import Path


class AnnotatorError(Exception):
    """Base of every error the program reports to a user as one sentence. Its exit status is 2 (bad
    input or usage), as the documented table has no other for a told error; the project's own
    troubles are ProjectError (3)."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(AnnotatorError):
    """A file given to the program is unusable: names the file, the line (if any) and the problem."""

    exit_code = 2

    def __init__(self, path: str | Path | None, problem: str, line: int | None = None) -> None:
        where = str(path) if path is not None else "input"
        if line is not None:
            where = f"{where}, line {line}"
        super().__init__(f"{where}: {problem}")
        self.path = str(path) if path is not None else None
        self.line = line
        self.problem = problem


class SchemaError(InputError):
    """A label schema file is invalid; the message names the field."""


class ProjectError(AnnotatorError):
    """The project file cannot be opened or used (locked, read-only, not a project, too new)."""

    exit_code = 3


class EditError(AnnotatorError):
    """An annotation edit breaks a rule of the schema or of the stored text."""


class ChangedElsewhereError(EditError):
    """The annotation an edit (or an undo) targets was changed or deleted by another window or
    program since this one read it; nothing was written."""


class UsageError(AnnotatorError):
    """Options that do not fit together or do not apply (exit status 2, as click's own)."""

    exit_code = 2


class TargetError(UsageError):
    """An output path that must not be written: it exists, or it is the project or its folder."""
