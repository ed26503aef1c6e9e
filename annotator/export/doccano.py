"""doccano JSONL: ``{"text", "label": [[start, end, label]]}``, or entities and relations.

Offsets are UTF-16 units, as doccano counts them (an emoji is two). One file holds one annotator's
layer, as doccano exports one file per user.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.export.base import Writer
from annotator.model.document import Document, Layer
from annotator.text.offsets import OffsetConverter


class DoccanoWriter(Writer):
    """One line per document."""

    def write(self, doc: Document, layers: list[Layer]) -> None:
        (layer,) = layers
        conv = OffsetConverter(doc.text)
        obj: dict[str, Any] = {"text": doc.text, "doc_id": doc.ext_id}
        if layer.relations:
            ids = {s.sid: i for i, s in enumerate(layer.spans, 1)}
            obj["entities"] = [
                {"id": ids[s.sid], "label": s.label,
                 "start_offset": conv.to_utf16(s.start), "end_offset": conv.to_utf16(s.end)}
                for s in layer.spans
            ]  # fmt: skip
            obj["relations"] = [
                {"id": i, "from_id": ids[str(r.head)], "to_id": ids[str(r.child)], "type": r.label}
                for i, r in enumerate(layer.relations, 1)
            ]
        else:
            obj["label"] = [
                [conv.to_utf16(s.start), conv.to_utf16(s.end), s.label] for s in layer.spans
            ]
        self.fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
