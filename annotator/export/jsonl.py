"""Native JSONL (SPEC section 5): one document per line, single-layer or multi-layer form.

Every span carries its text and its token range (``token_end`` inclusive, as in Prodigy); every
relation refers to span ids. Importing this file into a new project and exporting again gives the
same bytes.

Lines are encoded with msgspec: a document's token list is several hundred small objects, and
msgspec writes them from typed structs about seven times faster than the json module builds them.
Output is compact JSON (no spaces after separators), UTF-8, one line per document.
"""

from __future__ import annotations

from typing import Any

import msgspec

from annotator.errors import AnnotatorError
from annotator.export.base import Writer
from annotator.model.document import Document, Layer, Span
from annotator.model.layers import ALL_LAYERS
from annotator.text.tokens import TokenTable


class _Token(msgspec.Struct, gc=False):  # only ints and strings: no cycles to track
    id: int
    text: str
    start: int
    end: int


_encode = msgspec.json.Encoder().encode


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
) -> bytes:
    """One JSONL line (UTF-8, no newline): a layer at the top level, or all under 'annotations';
    the token list last.

    Without tokens, spans carry no token range and the line has no token list (smaller, faster,
    for pipelines that tokenise themselves).
    """
    tokens = TokenTable.of(doc.text) if with_tokens else None
    obj: dict[str, Any] = {"id": doc.ext_id, "title": doc.title, "text": doc.text, "meta": doc.meta}
    if multi:
        obj["annotations"] = [_layer(layer, tokens) for layer in layers]
    else:
        obj.update(_layer(layers[0], tokens))
    if tokens is not None:
        obj["tokens"] = list(
            map(_Token, range(len(tokens.texts)), tokens.texts, tokens.starts, tokens.ends)
        )
    return _encode(obj)


def check_spans(doc: Document, layers: list[Layer]) -> None:
    """Refuse to write a span whose text is not the document's text at its offsets."""
    for layer in layers:
        for s in layer.spans:
            if doc.text[s.start : s.end] != s.text:
                raise AnnotatorError(
                    "document {doc}: span {span} of {annotator} does not match its text",
                    doc=doc.ext_id, span=s.sid, annotator=layer.annotator,
                )  # fmt: skip


class JsonlWriter(Writer):
    """Native JSONL, single-layer or multi-layer form."""

    def write(self, doc: Document, layers: list[Layer]) -> None:
        check_spans(doc, layers)
        multi = self.layer == ALL_LAYERS
        self.bfh.write(document_line(doc, layers, multi=multi, with_tokens=self.options.tokens))
        self.bfh.write(b"\n")
