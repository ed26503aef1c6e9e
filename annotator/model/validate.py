"""Checks that a span or relation respects the stored text and the schema, with reasons to show."""

from __future__ import annotations

from annotator.errors import Told
from annotator.model.document import Layer, Span
from annotator.model.schema import Schema


def span_problem(span: Span, text: str, schema: Schema) -> Told | None:
    """Why ``span`` cannot be stored on ``text`` under ``schema``, or None when it can."""
    return _place_problem(span, text) or _label_problem(span.label, span.attributes, schema)


def _place_problem(span: Span, text: str) -> Told | None:
    """Why ``span`` does not sit on ``text`` (outside it, or another text there)."""
    if not (0 <= span.start < span.end <= len(text)):
        return Told(
            "span {span} [{start}, {end}) is outside the text (length {length})"
            if span.sid
            else "span [{start}, {end}) is outside the text (length {length})",
            {"span": span.sid, "start": span.start, "end": span.end, "length": len(text)},
        )
    if text[span.start : span.end] != span.text:
        return Told(
            "span {span} text {text!r} does not match the document text {there!r} at"
            " [{start}, {end})",
            {"span": span.sid, "text": span.text, "there": text[span.start : span.end],
             "start": span.start, "end": span.end},
        )  # fmt: skip
    return None


def _label_problem(label: str, attributes: dict[str, str], schema: Schema) -> Told | None:
    """Why the label or its attribute values are not in ``schema``."""
    if not schema.has_label(label):
        return Told(
            "unknown label {label!r} (the schema has {labels})",
            {"label": label, "labels": ", ".join(schema.label_ids)},
        )
    return schema.check_attributes(label, attributes)


def layer_problem(layer: Layer, text: str, schema: Schema) -> Told | None:
    """Why a whole layer (spans and relations) cannot be stored, or None when it can."""
    by_sid: dict[str, Span] = {}
    checked: dict[tuple[str, tuple[tuple[str, str], ...]], Told | None] = {}
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
            return Told("span id {span!r} is used twice", {"span": span.sid})
        by_sid[span.sid] = span
    seen: set[str] = set()
    for rel in layer.relations:
        head = by_sid.get(str(rel.head))
        child = by_sid.get(str(rel.child))
        if head is None or child is None:
            missing = rel.head if head is None else rel.child
            return Told(
                "relation {relation} points to span {span!r}, which is not there",
                {"relation": rel.rid or rel.label, "span": missing},
            )
        refused = schema.check_relation(rel.label, head.label, child.label)
        if refused:
            return Told("relation {relation}: {why}", {"relation": rel.rid, "why": refused})
        if rel.rid in seen:
            return Told("relation id {relation!r} is used twice", {"relation": rel.rid})
        seen.add(rel.rid)
    return None
