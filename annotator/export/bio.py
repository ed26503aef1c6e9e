"""BIO tags, one column per group of labels, so overlapping spans of different groups survive.

The default schema's columns are speaker+event, claim and stance (a speaker inside a claim keeps
both). A schema may set its own with ``[export] bio_columns = [["speaker", "event"], ...]``. Two
spans that overlap inside one column cannot both be tagged: the longer stays, the other is listed
in the manifest as dropped, with the reason.
"""

from __future__ import annotations

import tomllib
from typing import Any

from annotator.export.tokens import Fitted
from annotator.model.document import Document
from annotator.model.schema import Schema


def bio_columns(schema: Schema) -> list[list[str]]:
    """Groups of labels, one BIO column each."""
    configured = tomllib.loads(schema.source).get("export", {}).get("bio_columns")
    if configured:
        return [list(group) for group in configured]
    labels = list(schema.label_ids)
    merged = {"speaker", "event"} <= set(labels)
    columns = [["speaker", "event"]] if merged else []
    columns += [[lab] for lab in labels if not (merged and lab in ("speaker", "event"))]
    return columns


def column_name(group: list[str]) -> str:
    return "_".join(group) + "_tags"


def class_names(group: list[str]) -> list[str]:
    """ClassLabel names of a column: O, then B-/I- of each label."""
    return ["O"] + [f"{p}-{lab}" for lab in group for p in ("B", "I")]


def tag_columns(
    doc: Document, n_tokens: int, fitted: list[Fitted], columns: list[list[str]],
    dropped: list[dict[str, Any]],
) -> dict[str, list[str]]:  # fmt: skip
    """The tags of every column for one document."""
    out: dict[str, list[str]] = {}
    for group in columns:
        tags = ["O"] * n_tokens
        mine = sorted((f for f in fitted if f.span.label in group),
                      key=lambda f: (-(f.last - f.first), f.first))  # fmt: skip
        for f in mine:
            if any(t != "O" for t in tags[f.first : f.last + 1]):
                dropped.append({
                    "document": doc.ext_id, "span": f.span.sid, "label": f.span.label,
                    "start": f.span.start, "end": f.span.end, "text": f.span.text,
                    "reason": f"overlaps a longer span in the {column_name(group)} column",
                })  # fmt: skip
                continue
            tags[f.first] = f"B-{f.span.label}"
            for i in range(f.first + 1, f.last + 1):
                tags[i] = f"I-{f.span.label}"
        out[column_name(group)] = tags
    return out
