"""doccano JSONL exports: one file per user; offsets in UTF-16 units (or grapheme clusters).

Both shapes are read: ``{"text", "label": [[start, end, label]]}`` and
``{"text", "entities": [...], "relations": [...]}``. The layer is named by --annotator, else by the
file name (doccano names its files after the user). Examples with labels come in as done; empty
ones as untouched (doccano does not record which examples were reviewed).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.errors import InputError, Told
from annotator.importers.common import (
    BadValueError,
    rebase_layers,
    records_from_lines,
    span_place,
    title_of,
    why,
)
from annotator.importers.options import ImportOptions
from annotator.model.document import DocumentRecord, Layer, Relation, Span
from annotator.model.layers import VIEWS
from annotator.text.offsets import OffsetConverter

_KNOWN = {"text", "label", "labels", "entities", "relations", "id", "doc_id"}


def _entities(obj: dict[str, Any]) -> list[tuple[str, int, int, str]]:
    """(id, start, end, label) of every entity, in either doccano shape."""
    if isinstance(obj.get("entities"), list):
        out = []
        for e in obj["entities"]:
            out.append(
                (str(e["id"]), int(e["start_offset"]), int(e["end_offset"]), str(e["label"]))
            )
        return out
    raw = obj.get("label", obj.get("labels", []))
    if not isinstance(raw, list):
        raise BadValueError("'label' must be a list of [start, end, label]")
    return [(f"e{i}", int(s), int(e), str(lab)) for i, (s, e, lab) in enumerate(raw, 1)]


def parse_example(obj: Any, options: ImportOptions, source: str, lineno: int, annotator: str,
               labels: dict[str, str]) -> DocumentRecord:  # fmt: skip
    """One doccano example as a DocumentRecord."""
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise InputError(source, "each line must be a JSON object with a 'text'", lineno)
    raw_text: str = obj["text"]
    unit = options.offsets or "utf16"
    conv = OffsetConverter(raw_text)
    try:
        entities = _entities(obj)
        relations_raw = obj.get("relations") or []
        spans: list[Span] = []
        for eid, start, end, label in entities:
            lab = labels.get(label.lower())
            if lab is None:
                raise BadValueError(
                    "label {label!r} is not in the schema ({labels})",
                    label=label, labels=", ".join(labels.values()),
                )  # fmt: skip
            s, e = span_place(raw_text, start, end, unit, span=eid, conv=conv)
            spans.append(Span(s, e, lab, raw_text[s:e], {}, f"s{len(spans) + 1}"))
        sid_of = {eid: sp.sid for (eid, *_rest), sp in zip(entities, spans, strict=True)}
        relations = [
            Relation(sid_of[str(r["from_id"])], sid_of[str(r["to_id"])], str(r["type"]), f"r{i}")
            for i, r in enumerate(relations_raw, 1)
        ]
    except BadValueError as exc:
        raise InputError(source, exc.told, lineno) from None
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        what = why(exc)
        if isinstance(exc, KeyError):
            what = Told("missing {key}", {"key": str(exc)})
        raise InputError(source, "not a doccano example ({why})", lineno, why=what) from None
    layers = [Layer(annotator, "done", spans, relations)] if spans else []
    text = rebase_layers(raw_text, layers, source, lineno)
    ext = obj.get("doc_id", obj.get("id"))
    meta = {k: v for k, v in obj.items() if k not in _KNOWN}
    return DocumentRecord(str(ext) if ext is not None else "", title_of(text), text, meta,
                          source, layers, line=lineno)  # fmt: skip


def read(path: Path, options: ImportOptions) -> Iterator[DocumentRecord | InputError]:
    """Yield each example of a doccano JSONL file."""
    labels = options.label_map()
    annotator = options.annotator or path.stem
    if annotator in VIEWS:
        raise InputError(
            path,
            "doccano names its files after the user, but {name!r} is a reserved layer name;"
            " give the annotator with --annotator",
            name=annotator,
        )
    return records_from_lines(
        path, lambda obj, lineno: parse_example(obj, options, str(path), lineno, annotator, labels)
    )
