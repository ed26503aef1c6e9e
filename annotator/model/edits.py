"""Edits of one annotator's layer. Each knows its inverse, so undo is applying the inverse.

Edits are plain data: the store applies them in one transaction, the GUI's undo stack holds them.
A deleted span carries its relations so that undoing the deletion brings them back with their ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.model.document import Relation, Span
from annotator.model.layers import GOLD_LAYER


@dataclass(frozen=True)
class AddSpan:
    """Create a span (and restore relations that belonged to it, when undoing a deletion)."""

    span: Span
    relations: tuple[Relation, ...] = ()

    def inverse(self) -> Edit:
        return DeleteSpan(self.span, self.relations)

    def describe(self) -> str:
        return f"label {self.span.label}"


@dataclass(frozen=True)
class DeleteSpan:
    """Delete a span together with every relation that touches it."""

    span: Span
    relations: tuple[Relation, ...] = ()

    def inverse(self) -> Edit:
        return AddSpan(self.span, self.relations)

    def describe(self) -> str:
        return f"delete {self.span.label}"


@dataclass(frozen=True)
class UpdateSpan:
    """Change a span's label, attributes or boundaries."""

    before: Span
    after: Span

    def inverse(self) -> Edit:
        return UpdateSpan(self.after, self.before)

    def describe(self) -> str:
        if self.before.label != self.after.label:
            return f"relabel as {self.after.label}"
        if self.before.attributes != self.after.attributes:
            return "change attributes"
        if (self.before.start, self.before.end) == (self.after.start, self.after.end):
            return f"label {self.after.label}"  # the same span labelled again (another window's)
        return "resize span"


@dataclass(frozen=True)
class AddRelation:
    """Create a relation between two existing spans."""

    relation: Relation

    def inverse(self) -> Edit:
        return DeleteRelation(self.relation)

    def describe(self) -> str:
        return f"link {self.relation.label}"


@dataclass(frozen=True)
class DeleteRelation:
    """Delete one relation."""

    relation: Relation

    def inverse(self) -> Edit:
        return AddRelation(self.relation)

    def describe(self) -> str:
        return f"unlink {self.relation.label}"


@dataclass(frozen=True)
class SetStatus:
    """Change an annotator's status on a document."""

    doc_id: int
    annotator: str
    before: str
    after: str

    def inverse(self) -> Edit:
        return SetStatus(self.doc_id, self.annotator, self.after, self.before)

    def describe(self) -> str:
        return f"mark {self.after}"


@dataclass(frozen=True)
class SetDecision:
    """Record (or clear, with None) a decision on a proposed span: accept or reject.

    ``layer`` is the layer the span was proposed to: gold (a lead curating the annotators'
    candidates) or an annotator's own layer (reviewing suggestions), so a rejection stays rejected.
    """

    doc_id: int
    start: int
    end: int
    label: str
    before: str | None
    after: str | None
    layer: str = GOLD_LAYER

    def inverse(self) -> Edit:
        return SetDecision(
            self.doc_id, self.start, self.end, self.label, self.after, self.before, self.layer
        )

    def describe(self) -> str:
        return f"{self.after or 'undecide'} {self.label}"


@dataclass(frozen=True)
class Batch:
    """Several edits applied as one step (accept all suggestions, label all mentions)."""

    edits: tuple[Edit, ...] = field(default_factory=tuple)
    text: str = "edit"

    def inverse(self) -> Edit:
        return Batch(tuple(e.inverse() for e in reversed(self.edits)), self.text)

    def describe(self) -> str:
        return self.text


Edit = (
    AddSpan
    | DeleteSpan
    | UpdateSpan
    | AddRelation
    | DeleteRelation
    | SetStatus
    | SetDecision
    | Batch
)


def document_of(edit: Edit) -> int | None:
    """The row id of the document an edit belongs to (None before it is saved)."""
    if isinstance(edit, AddSpan | DeleteSpan):
        return edit.span.doc_id
    if isinstance(edit, UpdateSpan):
        return edit.after.doc_id or edit.before.doc_id
    if isinstance(edit, AddRelation | DeleteRelation):
        return edit.relation.doc_id
    if isinstance(edit, SetStatus | SetDecision):
        return edit.doc_id
    return document_of(edit.edits[0]) if edit.edits else None
