"""brat standoff: a folder with ``ID.txt`` and ``ID.ann`` per document, and annotation.conf.

T lines carry spans (split into fragments where a span crosses a line break, as brat requires),
A lines attributes, R lines relations; annotation.conf allows every overlap.
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.export.base import Writer
from annotator.export.manifest import Manifest
from annotator.export.options import ExportOptions
from annotator.export.tokens import span_entry
from annotator.model.document import Document, Layer, Span
from annotator.model.schema import Schema

_UNSAFE = re.compile(r"[^\w.\-]+")
# a fragment never holds a line break (brat draws one fragment per line): a span's line breaks at
# either end are left out (the span is listed under "cut"), and a span of only line breaks is dropped
EDGE_LINE_BREAK = "begins or ends with a line break, which a brat fragment cannot hold"
ONLY_LINE_BREAKS = "only line breaks, which a brat fragment cannot hold"


def safe_name(ext_id: str) -> str:
    """A file name for a document id (letters, digits, . _ - kept)."""
    return _UNSAFE.sub("_", ext_id).strip("._") or "document"


def fragments(text: str, span: Span) -> list[tuple[int, int]]:
    """The pieces of a span between line breaks, without empty pieces."""
    out: list[tuple[int, int]] = []
    start = span.start
    for i in range(span.start, span.end):
        if text[i] == "\n":
            if i > start:
                out.append((start, i))
            start = i + 1
    if span.end > start:
        out.append((start, span.end))
    return out


def annotation_conf(schema: Schema) -> str:
    lines = ["[entities]", *schema.label_ids, "", "[relations]"]
    for rel in schema.relations:
        lines.append(
            f"{rel.id}\tArg1:{'|'.join(sorted(rel.head))}, Arg2:{'|'.join(sorted(rel.child))}"
        )
    lines.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>")
    lines += ["", "[events]", "", "[attributes]"]
    for lab in schema.labels:
        for attr in lab.attributes:
            lines.append(f"{attr.name}\tArg:{lab.id}, Value:{'|'.join(attr.values)}")
    return "\n".join(lines) + "\n"


def visual_conf(schema: Schema) -> str:
    lines = [
        "[labels]",
        *(f"{lab.id} | {lab.en} | {lab.ar}" for lab in schema.labels),
        "",
        "[drawing]",
    ]
    lines += [f"{lab.id}\tbgColor:{lab.color}" for lab in schema.labels]
    return "\n".join(lines) + "\n"


class BratWriter(Writer):
    """Writes into the folder ``path``."""

    def __init__(
        self, path: Path, schema: Schema, manifest: Manifest, options: ExportOptions, layer: str
    ) -> None:
        super().__init__(path, schema, manifest, options, layer)
        path.mkdir(parents=True, exist_ok=True)
        (path / "annotation.conf").write_text(annotation_conf(schema), encoding="utf-8")
        (path / "visual.conf").write_text(visual_conf(schema), encoding="utf-8")
        self._used: set[str] = set()

    def write(self, doc: Document, layers: list[Layer]) -> None:
        (layer,) = layers
        name, k = safe_name(doc.ext_id), 1
        while name in self._used:
            k += 1
            name = f"{safe_name(doc.ext_id)}-{k}"
        self._used.add(name)
        (self.path / f"{name}.txt").write_text(doc.text, encoding="utf-8", newline="\n")
        lines: list[str] = []
        t_of: dict[str, str] = {}
        a = 0
        for span in layer.spans:
            parts = fragments(doc.text, span)
            if not parts:
                self.manifest.dropped.append(span_entry(doc, span, ONLY_LINE_BREAKS))
                continue
            if (parts[0][0], parts[-1][1]) != (span.start, span.end):
                self.manifest.cut.append(span_entry(doc, span, EDGE_LINE_BREAK))
            i = len(t_of) + 1
            t_of[span.sid] = f"T{i}"
            where = ";".join(f"{s} {e}" for s, e in parts)
            shown = " ".join(doc.text[s:e] for s, e in parts)
            lines.append(f"T{i}\t{span.label} {where}\t{shown}")
            for attr, value in sorted(span.attributes.items()):
                a += 1
                lines.append(f"A{a}\t{attr} T{i} {value}")
        kept = [r for r in layer.relations if str(r.head) in t_of and str(r.child) in t_of]
        # a relation with a dropped end has no T to name
        self.manifest.lost_relations.update(r.label for r in layer.relations if r not in kept)
        for i, rel in enumerate(kept, 1):
            lines.append(
                f"R{i}\t{rel.label} Arg1:{t_of[str(rel.head)]} Arg2:{t_of[str(rel.child)]}"
            )
        # brat's ids are its own (T1, A1, R1): the project's span and relation ids are not kept
        self.manifest.renamed_ids.update(spans=len(t_of), relations=len(kept))
        (self.path / f"{name}.ann").write_text("\n".join(lines) + ("\n" if lines else ""),
                                               encoding="utf-8", newline="\n")  # fmt: skip
