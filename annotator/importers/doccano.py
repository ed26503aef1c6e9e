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
    layer_note,
    rebase_layers,
    records_from_lines,
    shown,
    span_place,
    title_of,
)
from annotator.importers.options import ImportOptions
from annotator.model.document import DocumentRecord, Layer, Relation, Span
from annotator.model.layers import VIEWS
from annotator.text.offsets import OffsetConverter

_KNOWN = {"text", "label", "labels", "entities", "relations", "id", "doc_id"}


def _whole(value: Any, what: str | Told) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadValueError(
            "{what} must be a whole number, not {value}", what=what, value=shown(value)
        )
    return value


def _entities(obj: dict[str, Any]) -> list[tuple[str, int, int, str]]:
    """(id, start, end, label) of every entity, in either doccano shape; a value of the wrong
    kind is refused naming its key (or its place in 'label') and the value."""
    if "entities" in obj:
        if not isinstance(obj["entities"], list):
            raise BadValueError("'entities' must be a list of objects")
        out = []
        for n, e in enumerate(obj["entities"], 1):
            if not isinstance(e, dict):
                raise BadValueError("entity {entity} must be an object", entity=n)
            eid = e.get("id", n)
            for key in ("start_offset", "end_offset", "label"):
                if key not in e:
                    raise BadValueError("entity {entity} has no {key!r}", entity=eid, key=key)
            where = Told("entity {entity}: {key!r}", {"entity": eid, "key": "start_offset"})
            start = _whole(e["start_offset"], where)
            where = Told("entity {entity}: {key!r}", {"entity": eid, "key": "end_offset"})
            end = _whole(e["end_offset"], where)
            if not isinstance(e["label"], str):
                raise BadValueError(
                    "entity {entity}: 'label' must be a string, not {value}",
                    entity=eid, value=shown(e["label"]),
                )  # fmt: skip
            out.append((str(eid), start, end, e["label"]))
        return out
    raw = obj.get("label", obj.get("labels", []))
    if not isinstance(raw, list):
        raise BadValueError("'label' must be a list of [start, end, label]")
    out = []
    for n, item in enumerate(raw, 1):
        if not isinstance(item, list) or len(item) != 3:
            raise BadValueError(
                "label {n} must be [start, end, label], not {value}", n=n, value=shown(item)
            )
        start = _whole(item[0], Told("label {n}: the start", {"n": n}))
        end = _whole(item[1], Told("label {n}: the end", {"n": n}))
        if not isinstance(item[2], str):
            raise BadValueError(
                "label {n}: the label must be a string, not {value}", n=n, value=shown(item[2])
            )
        out.append((f"e{n}", start, end, item[2]))
    return out


def _relations(obj: dict[str, Any], sid_of: dict[str, str]) -> list[Relation]:
    """doccano's relations between the line's entities (``from_id`` -> ``to_id``, ``type``)."""
    raw = obj.get("relations") or []
    if not isinstance(raw, list):
        raise BadValueError("'relations' must be a list of objects")
    out = []
    for n, r in enumerate(raw, 1):
        if not isinstance(r, dict):
            raise BadValueError("relation {relation} must be an object", relation=n)
        rid = r.get("id", n)
        ends = []
        for key in ("from_id", "to_id"):
            if key not in r:
                raise BadValueError("relation {relation} has no {key!r}", relation=rid, key=key)
            sid = sid_of.get(str(r[key]))
            if sid is None:
                raise BadValueError(
                    "relation {relation}: {key!r} {value} is not the id of an entity of this line",
                    relation=rid, key=key, value=shown(r[key]),
                )  # fmt: skip
            ends.append(sid)
        if not isinstance(r.get("type"), str):
            raise BadValueError(
                "relation {relation}: 'type' must be a string, not {value}",
                relation=rid, value=shown(r.get("type")),
            )  # fmt: skip
        out.append(Relation(ends[0], ends[1], r["type"], f"r{n}"))
    return out


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
        relations = _relations(obj, sid_of)
    except BadValueError as exc:
        raise InputError(source, exc.told, lineno) from None
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
    note = "" if options.annotator else layer_note(path, annotator, "doccano names no annotator")
    for rec in records_from_lines(
        path, lambda obj, lineno: parse_example(obj, options, str(path), lineno, annotator, labels)
    ):
        if note and isinstance(rec, DocumentRecord) and rec.layers:
            rec.notes.append(note)
        yield rec
