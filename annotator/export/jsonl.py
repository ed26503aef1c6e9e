"""Native JSONL (SPEC section 5): one document per line, single-layer or multi-layer form.

Every span carries its text and its token range (``token_end`` inclusive, as in Prodigy); every
relation refers to span ids. Importing this file into a new project and exporting again gives the
same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.errors import AnnotatorError
from annotator.export.base import Writer
from annotator.model.document import Document, Layer, Span
from annotator.text.tokens import TokenTable


def _span(span: Span, tokens: TokenTable | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": span.sid,
        "start": span.start,
        "end": span.end,
        "label": span.label,
        "text": span.text,
        "attributes": dict(sorted(span.attributes.items())),
    }
    bounds = tokens.covering(span.start, span.end) if tokens is not None else None
    if bounds is not None:
        out["token_start"], out["token_end"] = bounds
    return out


def _layer(layer: Layer, tokens: TokenTable | None) -> dict[str, Any]:
    return {
        "annotator": layer.annotator,
        "status": layer.status,
        "spans": [_span(s, tokens) for s in layer.spans],
        "relations": [
            {"id": r.rid, "head": str(r.head), "child": str(r.child), "label": r.label}
            for r in layer.relations
        ],
    }


def document_line(
    doc: Document, layers: list[Layer], *, multi: bool, with_tokens: bool = True
) -> str:
    """One JSONL line: a layer at the top level, or all under 'annotations'; tokens last.

    Without tokens, spans carry no token range and the line has no token list (smaller, faster,
    for pipelines that tokenise themselves).
    """
    tokens = TokenTable.of(doc.text) if with_tokens else None
    obj: dict[str, Any] = {"id": doc.ext_id, "title": doc.title, "text": doc.text, "meta": doc.meta}
    if multi:
        obj["annotations"] = [_layer(layer, tokens) for layer in layers]
    else:
        obj.update(_layer(layers[0], tokens))
    head = json.dumps(obj, ensure_ascii=False)
    return f'{head[:-1]}, "tokens": {tokens.to_json()}}}' if tokens is not None else head


def check_spans(doc: Document, layers: list[Layer]) -> None:
    """Refuse to write a span whose text is not the document's text at its offsets."""
    for layer in layers:
        for s in layer.spans:
            if doc.text[s.start : s.end] != s.text:
                raise AnnotatorError(
                    f"document {doc.ext_id}: span {s.sid} of {layer.annotator} does not match its text"
                )


class JsonlWriter(Writer):
    """Native JSONL, single-layer or multi-layer form."""

    multi_layer = True

    def write(self, doc: Document, layers: list[Layer]) -> None:
        check_spans(doc, layers)
        multi = self.manifest.layer == "all"
        with_tokens = bool(self.manifest.filters.get("tokens", True))
        self.fh.write(document_line(doc, layers, multi=multi, with_tokens=with_tokens))
        self.fh.write("\n")
