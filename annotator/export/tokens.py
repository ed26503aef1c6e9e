"""Fitting spans to tokens for token-based formats: widen to the enclosing tokens and say so.

A span inside a word (a clitic left out, "الصين" in "والصين") cannot be a token span. It is widened
to the tokens it touches, keeps its original offsets in the report, and is counted per label in the
manifest: nothing is dropped silently (notes/EXPORT.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.export.manifest import Manifest
from annotator.model.document import Document, Span
from annotator.text.tokens import Token, token_bounds, tokenize

NO_TOKEN = "no token in the span (only white space or direction marks)"


@dataclass(frozen=True)
class Fitted:
    """A span on tokens: first and last token (inclusive), and whether it had to be widened."""

    span: Span
    first: int
    last: int
    widened: bool


def fit_spans(
    doc: Document, spans: list[Span], tokens: list[Token], manifest: Manifest
) -> list[Fitted]:
    """Fit every span to ``tokens``; the manifest lists those widened, and those left out for
    holding no token (only white space or direction marks, which an import can bring)."""
    fitted: list[Fitted] = []
    for span in spans:
        bounds = token_bounds(tokens, span.start, span.end)
        if bounds is None:
            manifest.dropped.append(span_entry(doc, span, NO_TOKEN))
            continue
        first, last = bounds
        widened = tokens[first].start != span.start or tokens[last].end != span.end
        if widened:
            manifest.widened.append(
                _entry(doc, span, tokens[first].start, tokens[last].end, "widened")
            )
        fitted.append(Fitted(span, first, last, widened))
    return fitted


def span_entry(doc: Document, span: Span, reason: str) -> dict[str, Any]:
    """A manifest entry for a span a format had to cut, trim or leave out, with the reason."""
    return _entry(doc, span, None, None, reason)


def _entry(
    doc: Document, span: Span, start: int | None, end: int | None, reason: str
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "document": doc.ext_id,
        "span": span.sid,
        "label": span.label,
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "reason": reason,
    }
    if start is not None and end is not None:
        out["token_text"] = doc.text[start:end]
    return out


def document_tokens(doc: Document) -> list[Token]:
    return tokenize(doc.text)
