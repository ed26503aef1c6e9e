"""The lead's checklist for a layer: every span that a relation type expects to link, unlinked.

With the default schema: claims without a speaker (attributed_to), stances without a holder or a
target, events without participants.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from annotator.model.document import Relation, Span
from annotator.model.schema import Schema


@dataclass(frozen=True)
class Missing:
    """A span that lacks a relation its label expects."""

    span: Span
    relation: str


def layer_checklist(
    spans: Sequence[Span],
    relations: Sequence[Relation],
    schema: Schema,
    limit: int | None = None,
) -> list[Missing]:
    """Every (span, relation type) pair where a head span has no relation of that type, in span
    order; the first ``limit`` of them when a limit is given."""
    missing: list[Missing] = []
    for span, rid in _missing(spans, relations, schema):
        if limit is not None and len(missing) >= limit:
            break
        missing.append(Missing(span, rid))
    return missing


def count_missing(spans: Sequence[Span], relations: Sequence[Relation], schema: Schema) -> int:
    """How many items ``layer_checklist`` has in all (without making them: a long article has
    thousands, and the panel recounts after every edit): the links the spans' labels expect,
    less those made."""
    expected = _expected(schema)
    label_of = {(s.id if s.id is not None else s.sid): s.label for s in spans}
    wanted = sum(len(expected.get(label, ())) for label in label_of.values())
    made = {
        (r.head, r.label)
        for r in relations
        if r.label in expected.get(label_of.get(r.head, ""), ())
    }
    return wanted - len(made)


def _expected(schema: Schema) -> dict[str, list[str]]:
    """Label -> the relation types a span of that label is the head of."""
    expected: dict[str, list[str]] = {}
    for rel in schema.relations:
        for label in rel.head:
            expected.setdefault(label, []).append(rel.id)
    return expected


def _missing(
    spans: Sequence[Span], relations: Sequence[Relation], schema: Schema
) -> Iterator[tuple[Span, str]]:
    have = {(r.head, r.label) for r in relations}
    expected = _expected(schema)
    for span in spans:
        wanted = expected.get(span.label)
        if wanted:
            key = span.id if span.id is not None else span.sid
            for rid in wanted:
                if (key, rid) not in have:
                    yield span, rid
