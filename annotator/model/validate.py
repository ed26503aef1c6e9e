"""Checks that a span or relation respects the stored text and the schema, with reasons to show."""

from __future__ import annotations

from annotator.model.document import Layer, Span
from annotator.model.schema import Schema


def span_problem(span: Span, text: str, schema: Schema) -> str | None:
    """Why ``span`` cannot be stored on ``text`` under ``schema``, or None when it can."""
    return _place_problem(span, text) or _label_problem(span.label, span.attributes, schema)


def _place_problem(span: Span, text: str) -> str | None:
    """Why ``span`` does not sit on ``text`` (outside it, or another text there)."""
    if not (0 <= span.start < span.end <= len(text)):
        return (
            f"span {span.sid or ''} [{span.start}, {span.end}) is outside the text "
            f"(length {len(text)})".replace("span  ", "span ")
        )
    if text[span.start : span.end] != span.text:
        return (
            f"span {span.sid} text {span.text!r} does not match the document text "
            f"{text[span.start : span.end]!r} at [{span.start}, {span.end})"
        )
    return None


def _label_problem(label: str, attributes: dict[str, str], schema: Schema) -> str | None:
    """Why the label or its attribute values are not in ``schema``."""
    if not schema.has_label(label):
        return f"unknown label {label!r} (the schema has {', '.join(schema.label_ids)})"
    return schema.check_attributes(label, attributes)


def layer_problem(layer: Layer, text: str, schema: Schema) -> str | None:
    """Why a whole layer (spans and relations) cannot be stored, or None when it can."""
    by_sid: dict[str, Span] = {}
    checked: dict[tuple[str, tuple[tuple[str, str], ...]], str | None] = {}
    for span in layer.spans:
        problem = _place_problem(span, text)
        if problem:
            return problem
        # a layer repeats a few labels and values: check each combination once
        key = (span.label, tuple(span.attributes.items()))
        try:
            problem = checked[key]
        except KeyError:
            problem = checked[key] = _label_problem(span.label, span.attributes, schema)
        except TypeError:  # an unhashable value (a list from a hostile file): check it alone
            problem = _label_problem(span.label, span.attributes, schema)
        if problem:
            return problem
        if span.sid in by_sid:
            return f"span id {span.sid!r} is used twice"
        by_sid[span.sid] = span
    seen: set[str] = set()
    for rel in layer.relations:
        head = by_sid.get(str(rel.head))
        child = by_sid.get(str(rel.child))
        if head is None or child is None:
            missing = rel.head if head is None else rel.child
            return f"relation {rel.rid or rel.label} points to span {missing!r}, which is not there"
        refused = schema.check_relation(rel.label, head.label, child.label)
        if refused:
            return f"relation {rel.rid}: {refused}"
        if rel.rid in seen:
            return f"relation id {rel.rid!r} is used twice"
        seen.add(rel.rid)
    return None
