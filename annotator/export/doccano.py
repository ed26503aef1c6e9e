"""doccano JSONL in the shape of one doccano project type (``--doccano-shape``).

``relation`` (default): ``{"text", "entities", "relations"}`` on every line, as doccano's relation
extraction project imports it; ``sequence``: ``{"text", "label": [[start, end, label]]}``, as its
sequence labelling project imports it (relations are then counted as not exported).

Offsets are UTF-16 units, as doccano counts them (an emoji is two). One file holds one annotator's
layer, as doccano exports one file per user.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.export.base import Writer
from annotator.model.document import Document, Layer
from annotator.text.offsets import OffsetConverter

SEQUENCE = "sequence"  # doccano's sequence labelling project: "label" lists only
# keys a line of either shape uses: a meta field of one of these names cannot ride along
RESERVED = frozenset({"text", "doc_id", "id", "label", "labels", "entities", "relations"})


class DoccanoWriter(Writer):
    """One line per document, every line in the one shape the doccano project type reads."""

    def write(self, doc: Document, layers: list[Layer]) -> None:
        (layer,) = layers
        conv = OffsetConverter(doc.text)
        obj: dict[str, Any] = {"text": doc.text, "doc_id": doc.ext_id}
        # doccano keeps the keys it does not know as the document's meta (so does our import)
        clash = RESERVED.intersection(doc.meta)
        obj.update((k, v) for k, v in doc.meta.items() if k not in clash)
        if clash:
            self.manifest.lost_meta += 1
        if self.options.doccano_shape == SEQUENCE:
            obj["label"] = [
                [conv.to_utf16(s.start), conv.to_utf16(s.end), s.label] for s in layer.spans
            ]
            self.manifest.lost_relations.update(r.label for r in layer.relations)
            self.manifest.renamed_ids.update(spans=len(layer.spans))  # spans without ids
        else:
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
            # doccano numbers entities and relations of each line (1, 2, ...)
            self.manifest.renamed_ids.update(spans=len(layer.spans), relations=len(layer.relations))
        self.fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
