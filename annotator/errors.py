"""One exception hierarchy whose messages are written for the person at the keyboard."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


class LabelRef(str):
    """A label id inside a message: the window shows the label's name in its language."""


class RelationRef(str):
    """A relation id inside a message: the window shows the relation's name in its language."""


@dataclass(frozen=True)
class Told:
    """A sentence for the user as an English template with named arguments
    (``Told("span {span} no longer exists", {"span": 74})``). The terminal reads ``str()``; the
    window translates the template (Qt context "errors", listed for translators in
    annotator/ui/errorcatalog.py) and shows label and relation arguments by name."""

    template: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        if not self.params:
            return self.template
        # a tuple argument (several labels) reads "claim/event"
        shown = {
            k: "/".join(map(str, v)) if isinstance(v, tuple) else v for k, v in self.params.items()
        }
        return self.template.format(**shown)


class AnnotatorError(Exception):
    """Base of every error the program reports to a user as one sentence. Its exit status is 2 (bad
    input or usage), as the documented table has no other for a told error; the project's own
    troubles are ProjectError (3).

    ``AnnotatorError("span {span} no longer exists", span=74)`` keeps the template and its
    arguments (``told``) so the window can say it in the interface's language; a message built
    with an f-string can only be shown as written."""

    exit_code = 2

    def __init__(self, message: str | Told, /, **params: object) -> None:
        told = message if isinstance(message, Told) else Told(message, params)
        super().__init__(str(told))
        self.message = str(told)
        self.told = told

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
