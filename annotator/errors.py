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
    annotator/ui/errorcatalog.py) and shows label and relation arguments by name.

    A sentence that counts something is one plural message: ``template`` is its English plural
    with ``%n`` where the number goes, ``one`` its English singular, ``count`` the number
    (``Told("%n rows refer to missing rows", count=n, one="%n row refers to missing rows")``),
    so that the window can choose among Arabic's six forms."""

    template: str
    params: Mapping[str, object] = field(default_factory=dict)
    count: int | None = None
    one: str = ""

    def __str__(self) -> str:
        text = self.template
        if self.count is not None:  # written as annotator.text.plural.number writes counts
            chosen = self.one if self.count == 1 and self.one else self.template
            text = chosen.replace("%n", f"{self.count:,}")
        if not self.params:
            return text
        # a tuple argument (several labels) reads "claim/event"
        shown = {
            k: "/".join(map(str, v)) if isinstance(v, tuple) else v for k, v in self.params.items()
        }
        return text.format(**shown)


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

    def __reduce__(self) -> str | tuple[object, ...]:
        """The base class crosses a process pipe with its template (a worker's refusal is said in
        the window's language); a subclass as Exception pickles it."""
        if type(self) is AnnotatorError:
            return (AnnotatorError, (self.told,))
        return super().__reduce__()


class InputError(AnnotatorError):
    """A file given to the program is unusable: names the file, the line (if any) and the problem.

    ``problem`` is a template like AnnotatorError's, with its arguments as keywords:
    ``InputError(path, "unknown label {label!r}", 3, label="x")``; or a Told already made."""

    exit_code = 2

    def __init__(
        self,
        path: str | Path | None,
        problem: str | Told,
        line: int | None = None,
        /,
        **params: object,
    ) -> None:
        told = problem if isinstance(problem, Told) else Told(problem, params)
        if path is None:
            where = Told("input: {problem}", {"problem": told})
        elif line is None:
            where = Told("{path}: {problem}", {"path": str(path), "problem": told})
        else:
            where = Told(
                "{path}, line {line}: {problem}", {"path": str(path), "line": line, "problem": told}
            )
        super().__init__(where)
        self.path = str(path) if path is not None else None
        self.line = line
        self.problem = str(told)
        self.problem_told = told


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
