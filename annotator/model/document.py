"""Documents, spans, relations and annotation layers as plain dataclasses.

Offsets are code point indices into the stored text, end exclusive. A span's ``sid`` and a relation's
``rid`` are the ids users see in files ("s1", "r1"); ``id`` is the store's row id (None before saving).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """Where an annotator stands on a document."""

    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"


STATUSES = tuple(s.value for s in Status)


@dataclass(frozen=True)
class Document:
    """An imported article; ``text`` never changes after import."""

    id: int
    ext_id: str
    title: str
    text: str
    sha256: str
    meta: dict[str, Any] = field(default_factory=dict)
    source: str = ""
    imported_at: str = ""


@dataclass(frozen=True)
class Span:
    """A labelled stretch of a document's text, in one annotator's layer."""

    start: int
    end: int
    label: str
    text: str
    attributes: dict[str, str] = field(default_factory=dict)
    sid: str = ""
    id: int | None = None
    doc_id: int | None = None
    annotator: str = ""
    # when the stored span last changed (the store's updated_at; "" when not read from a
    # project): an edit or undo made from an older reading is refused. Not part of equality.
    stamp: str = field(default="", compare=False, repr=False)

    def with_(self, **changes: Any) -> Span:
        """A copy with some fields changed."""
        return replace(self, **changes)

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Relation:
    """A typed link from a head span to a child span (e.g. claim attributed_to speaker)."""

    head: int | str  # span row id in the store, span sid in files
    child: int | str
    label: str
    rid: str = ""
    id: int | None = None
    doc_id: int | None = None
    annotator: str = ""


@dataclass
class Layer:
    """One annotator's work on one document, as it travels through files."""

    annotator: str
    status: str = Status.TODO.value
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def fingerprint(self) -> tuple[Any, ...]:
        """What the layer says, without ids or times: two layers are identical when these are equal."""
        spans = {s.sid: (s.start, s.end, s.label) for s in self.spans}
        return (
            self.status,
            sorted((s.start, s.end, s.label, sorted(s.attributes.items())) for s in self.spans),
            sorted(
                (spans.get(str(r.head)), spans.get(str(r.child)), r.label) for r in self.relations
            ),
        )

    def untouched(self) -> bool:
        """Nobody has worked on it: no spans and status todo (counts as no layer at all)."""
        return not self.spans and self.status == Status.TODO.value


@dataclass
class DocumentRecord:
    """A document as read from a file, before it has a row id, with any annotation layers."""

    ext_id: str
    title: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    source: str = ""
    layers: list[Layer] = field(default_factory=list)
    original: str | None = None  # the text before cleaning, kept for provenance
    removed: list[dict[str, Any]] = field(default_factory=list)  # what cleaning cut
    line: int | None = None  # where in its file the record starts, for messages
    not_imported: dict[str, int] = field(
        default_factory=dict
    )  # what the format had and we cannot hold
    notes: list[str] = field(default_factory=list)  # what the reader guessed (an encoding)
