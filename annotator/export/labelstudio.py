"""Label Studio tasks: a folder with data.json (a JSON list of tasks) and label_config.xml.

Each task has ``data.text`` (the stored text) and ``data.doc_id``, the document's meta under
``meta``, one annotation per exported layer (``completed_by`` naming it, ``ground_truth`` for gold)
and the suggestions layer as a prediction. Regions are code point offsets with their text, as
Label Studio counts; attributes are per-region choices (``perRegion`` in the config, shown for their
label), relations are ``relation`` results. Create a project with label_config.xml and import
data.json; ``annotator import`` reads the same file back exactly.
"""

from __future__ import annotations

import json
from typing import Any
from xml.sax.saxutils import quoteattr

from annotator.export.base import Writer
from annotator.model.document import Document, Layer
from annotator.model.layers import GOLD_LAYER, STATUS_FIELD, SUGGESTIONS_LAYER
from annotator.model.schema import Schema

LABELS = "label"  # from_name of the labels control
TEXT = "text"  # to_name: the Text object
MODEL_VERSION = "annotator-suggestions"


def choice_names(schema: Schema) -> dict[tuple[str, str], str]:
    """The config name of each (label, attribute): the attribute's own name unless two labels
    share it, then ``label.attribute`` (Label Studio needs unique control names)."""
    seen: dict[str, int] = {}
    for lab in schema.labels:
        for a in lab.attributes:
            seen[a.name] = seen.get(a.name, 0) + 1
    return {(lab.id, a.name): a.name if seen[a.name] == 1 and a.name not in (LABELS, TEXT)
            else f"{lab.id}.{a.name}" for lab in schema.labels for a in lab.attributes}  # fmt: skip


def label_config(schema: Schema) -> str:
    """The labelling config that shows these tasks: labels, per-region choices, relations."""
    q = quoteattr
    out = ["<View>", f'  <Labels name="{LABELS}" toName="{TEXT}">']
    out += [f"    <Label value={q(lab.id)} background={q(lab.color)} hint={q(lab.en)}/>"
            for lab in schema.labels]  # fmt: skip
    out += ["  </Labels>", f'  <Text name="{TEXT}" value="$text"/>']
    names = choice_names(schema)
    for lab in schema.labels:
        for a in lab.attributes:
            out.append(f"  <Choices name={q(names[(lab.id, a.name)])} toName=\"{TEXT}\" "
                       f'perRegion="true" visibleWhen="region-selected" whenLabelValue={q(lab.id)}>')  # fmt: skip
            out += [f"    <Choice value={q(v)}/>" for v in a.values]
            out.append("  </Choices>")
    if schema.relations:
        out.append("  <Relations>")
        out += [f"    <Relation value={q(r.id)}/>" for r in schema.relations]
        out.append("  </Relations>")
    out.append("</View>")
    return "\n".join(out) + "\n"


def results(layer: Layer, names: dict[tuple[str, str], str]) -> list[dict[str, Any]]:
    """A layer as Label Studio results: regions, their choices, relations."""
    out: list[dict[str, Any]] = []
    for s in layer.spans:
        where = {"start": s.start, "end": s.end, "text": s.text}
        out.append({"id": s.sid, "from_name": LABELS, "to_name": TEXT, "type": "labels",
                    "value": {**where, "labels": [s.label]}})  # fmt: skip
        for attr, value in s.attributes.items():
            out.append({"id": s.sid, "from_name": names.get((s.label, attr), attr),
                        "to_name": TEXT, "type": "choices", "value": {**where, "choices": [value]}})  # fmt: skip
    out += [{"from_id": str(r.head), "to_id": str(r.child), "type": "relation",
             "direction": "right", "labels": [r.label]} for r in layer.relations]  # fmt: skip
    return out


class LabelStudioWriter(Writer):
    """Streams a JSON list of tasks; writes label_config.xml beside it."""

    _count = 0

    def write(self, doc: Document, layers: list[Layer]) -> None:
        names = choice_names(self.schema)
        annotations = [
            {"completed_by": {"email": la.annotator}, "ground_truth": la.annotator == GOLD_LAYER,
             "was_cancelled": False, STATUS_FIELD: la.status, "result": results(la, names)}
            for la in layers if la.annotator != SUGGESTIONS_LAYER
        ]  # fmt: skip
        predictions = [
            {"model_version": MODEL_VERSION, "result": results(la, names)}
            for la in layers if la.annotator == SUGGESTIONS_LAYER
        ]  # fmt: skip
        task = {"data": {"text": doc.text, "doc_id": doc.ext_id}, "meta": doc.meta,
                "annotations": annotations, "predictions": predictions}  # fmt: skip
        self.fh.write(("[\n" if self._count == 0 else ",\n") + json.dumps(task, ensure_ascii=False))
        self._count += 1

    def close(self) -> None:
        if self._fh is not None or not self.path.exists():
            self.fh.write("[" if self._count == 0 else "")
            self.fh.write("]\n" if self._count == 0 else "\n]\n")
        config = self.path.parent / "label_config.xml"
        if not config.exists():
            config.write_text(label_config(self.schema), encoding="utf-8")
        super().close()
