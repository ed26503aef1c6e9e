"""Prodigy JSONL: text, tokens, spans with token ranges, relations between span tokens, answer.

One line per document of one annotator's layer, ``"answer": "accept"`` and ``_annotator_id`` naming
the layer. ``token_end`` is inclusive. A relation's ``head`` and ``child`` are the last tokens of its
spans, as Prodigy's relation interface writes them; ``head_span`` and ``child_span`` say exactly which
spans, so nested spans ending on one token stay apart. Prodigy has no span attributes: the manifest
counts them as not exported.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.export.base import Writer
from annotator.model.document import Document, Layer, Span
from annotator.text.tokens import TokenTable


def _span(span: Span, tokens: TokenTable) -> dict[str, Any]:
    first, last = tokens.covering(span.start, span.end) or (0, 0)
    return {"start": span.start, "end": span.end, "text": span.text, "label": span.label,
            "token_start": first, "token_end": last}  # fmt: skip


def example(doc: Document, layer: Layer) -> dict[str, Any]:
    """One Prodigy example for one layer of a document."""
    tokens = TokenTable.of(doc.text)
    spans = {s.sid: _span(s, tokens) for s in layer.spans}
    token_list = [
        {"text": t, "start": s, "end": e, "id": i, "ws": doc.text[e : e + 1].isspace()}
        for i, (t, s, e) in enumerate(zip(tokens.texts, tokens.starts, tokens.ends, strict=True))
    ]
    relations = []
    for r in layer.relations:
        head, child = spans[str(r.head)], spans[str(r.child)]
        relations.append({"head": head["token_end"], "child": child["token_end"],
                          "head_span": head, "child_span": child, "label": r.label})  # fmt: skip
    return {
        "text": doc.text,
        "meta": {**doc.meta, "id": doc.ext_id},
        "tokens": token_list,
        "spans": list(spans.values()),
        "relations": relations,
        "answer": "accept",
        "_annotator_id": layer.annotator,
        "_view_id": "relations" if relations else "ner_manual",
    }


class ProdigyWriter(Writer):
    """One example per line."""

    def write(self, doc: Document, layers: list[Layer]) -> None:
        (layer,) = layers
        self.fh.write(json.dumps(example(doc, layer), ensure_ascii=False) + "\n")
