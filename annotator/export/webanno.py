"""WebAnno TSV 3.3, INCEpTION's exchange format: a folder with ``DOC/ANNOTATOR.tsv`` per layer.

Sentences are the text's lines (blank lines and the text's end ride along in the sentence before
them, so the text comes back exactly), tokens the project's tokens cut again at every span boundary, so
each span covers whole tokens exactly (nothing widened). Offsets are UTF-16 units, as INCEpTION
(Java) counts them. Spans are ``webanno.custom.Span`` with a ``label`` feature and one feature per
attribute name; relations ``webanno.custom.Relation`` with a ``label``, written on the child span's
first token and pointing to the head's (``[head_child]`` names the two spans).
"""

from __future__ import annotations

import bisect
import itertools
from pathlib import Path

from annotator.export.base import Writer
from annotator.export.brat import safe_name
from annotator.export.manifest import Manifest
from annotator.export.options import ExportOptions
from annotator.model.document import Document, Layer, Relation, Span
from annotator.model.schema import Schema
from annotator.text.offsets import OffsetConverter
from annotator.text.tokens import TokenTable

FORMAT_LINE = "#FORMAT=WebAnno TSV 3.3"
SPAN_TYPE = "webanno.custom.Span"
RELATION_TYPE = "webanno.custom.Relation"
_VALUE_ESCAPES = ("\\", "[", "]", "|", "_", "->", ";", "*", "\t", "\n", "\r")
_TEXT_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape_value(value: str) -> str:
    """A feature value with WebAnno's special characters escaped by a backslash."""
    for ch in _VALUE_ESCAPES:
        value = value.replace(ch, "\\" + ch)
    return value


def escape_text(text: str) -> str:
    """Token or sentence text with backslash, tab and line breaks escaped."""
    return "".join(_TEXT_ESCAPES.get(c, c) for c in text)


def feature_names(schema: Schema) -> list[str]:
    """The span layer's features: label, then every attribute name in schema order."""
    names = ["label"]
    for lab in schema.labels:
        names += [a.name for a in lab.attributes if a.name not in names]
    return names


def pieces(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """The tokens, cut again at every span start and end inside them (code points)."""
    table = TokenTable.of(text)
    cuts = sorted({s.start for s in spans} | {s.end for s in spans})
    out: list[tuple[int, int]] = []
    for start, end in zip(table.starts, table.ends, strict=True):
        inner = [c for c in cuts if start < c < end]
        bounds = [start, *inner, end]
        out += list(itertools.pairwise(bounds))
    return out


def sentences(
    text: str, newlines: list[int], groups: dict[int, list[tuple[int, int]]]
) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Each sentence's text range and tokens. A sentence is a line with tokens, holding the blank
    lines after it (escaped line breaks); the first also holds those before it and the last the
    text's end, so every character is in a ``#Text`` and the text comes back exactly."""
    if not groups:  # no token at all (only direction marks): the text rides in one sentence
        return [(0, len(text), [])]
    line_begins = [newlines[line - 1] + 1 if line else 0 for line in groups]
    ends = [b - 1 for b in line_begins[1:]] + [len(text)]
    return [(0 if k == 0 else begin, end, group)
            for k, (begin, end, group) in enumerate(zip(line_begins, ends, groups.values(), strict=True))]  # fmt: skip


def document_tsv(doc: Document, layer: Layer, schema: Schema, manifest: Manifest) -> str:
    """One layer of one document as WebAnno TSV 3.3 text."""
    text, conv = doc.text, OffsetConverter(doc.text)
    features = feature_names(schema)
    tokens = pieces(text, layer.spans)
    starts = {s for s, _e in tokens}
    ends = {e for _s, e in tokens}
    spans: list[Span] = []
    for s in layer.spans:
        if s.start in starts and s.end in ends:
            spans.append(s)
        else:  # a span beginning or ending in white space: no token to hold that end
            manifest.dropped.append({"document": doc.ext_id, "span": s.sid, "label": s.label,
                                     "start": s.start, "end": s.end, "text": s.text,
                                     "reason": "an end in white space has no token"})  # fmt: skip
    ids = {s.sid: i for i, s in enumerate(spans, 1)}
    by_sid = {s.sid: s for s in spans}
    here: dict[int, list[Relation]] = {}  # child's first token start -> relations written there
    for r in layer.relations:
        if str(r.head) in ids and str(r.child) in ids:
            here.setdefault(by_sid[str(r.child)].start, []).append(r)
    newlines = [i for i, c in enumerate(text) if c == "\n"]
    groups: dict[int, list[tuple[int, int]]] = {}
    for start, end in tokens:  # a sentence is a line
        groups.setdefault(bisect.bisect_left(newlines, start), []).append((start, end))
    address = {start: f"{n}-{k}" for n, group in enumerate(groups.values(), 1)
               for k, (start, _end) in enumerate(group, 1)}  # fmt: skip
    lines = [FORMAT_LINE, f"#T_SP={SPAN_TYPE}|" + "|".join(features),
             f"#T_RL={RELATION_TYPE}|label|BT_{SPAN_TYPE}", ""]  # fmt: skip
    for begin, end, group in sentences(text, newlines, groups):
        lines += ["", "#Text=" + escape_text(text[begin:end])]
        for start, end in group:
            covering = [s for s in spans if s.start <= start and end <= s.end]
            cells = []
            for name in features:
                vals = [(s.label if name == "label" else s.attributes.get(name)) for s in covering]
                cells.append("|".join(f"{escape_value(v) if v else '*'}[{ids[s.sid]}]"
                                      for v, s in zip(vals, covering, strict=True)) or "_")  # fmt: skip
            rels = here.get(start, [])
            cells.append("|".join(escape_value(r.label) for r in rels) or "_")
            cells.append("|".join(f"{address[by_sid[str(r.head)].start]}"
                                  f"[{ids[str(r.head)]}_{ids[str(r.child)]}]" for r in rels) or "_")  # fmt: skip
            row = [address[start], f"{conv.to_utf16(start)}-{conv.to_utf16(end)}",
                   escape_text(text[start:end]), *cells]  # fmt: skip
            lines.append("\t".join(row))
    lost = [r for r in layer.relations if str(r.head) not in ids or str(r.child) not in ids]
    manifest.lost_relations.update(r.label for r in lost)
    # WebAnno numbers the spans of each file ([1], [2]): the project's ids are not kept
    manifest.renamed_ids.update(spans=len(spans), relations=len(layer.relations) - len(lost))
    return "\n".join(lines) + "\n"


class WebAnnoWriter(Writer):
    """Writes ``DOC/ANNOTATOR.tsv`` into the folder ``path``, one file per document and layer."""

    def __init__(
        self, path: Path, schema: Schema, manifest: Manifest, options: ExportOptions, layer: str
    ) -> None:
        super().__init__(path, schema, manifest, options, layer)
        path.mkdir(parents=True, exist_ok=True)
        self._used: set[str] = set()

    def write(self, doc: Document, layers: list[Layer]) -> None:
        name, k = safe_name(doc.ext_id), 1
        while name in self._used:
            k += 1
            name = f"{safe_name(doc.ext_id)}-{k}"
        self._used.add(name)
        folder = self.path / name
        folder.mkdir()
        for layer in layers:
            tsv = document_tsv(doc, layer, self.schema, self.manifest)
            (folder / f"{safe_name(layer.annotator)}.tsv").write_text(tsv, "utf-8", newline="\n")

    def close(self) -> None:
        """Nothing to close: every file is written whole."""
