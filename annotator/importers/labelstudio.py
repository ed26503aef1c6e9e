"""Label Studio exports: JSON, JSON_MIN and snapshots; every annotator a layer, predictions suggestions.

Label Studio 1.23 counts code points; its ``value.text`` has line breaks rewritten as the two
characters backslash-n, so start and end are trusted and the text is taken from the document.
Result types this project can hold: ``labels`` (spans), per-region ``choices`` (attributes named by
``from_name``), ``relation`` (relations; ``direction: left`` swapped) and ``textarea`` (notes kept in
the document's meta under ``notes``). Every other result, cancelled annotation, draft and prediction
the file lists by id only is counted in the import summary. Names are resolved through ``--map`` and
the project's schema; every name that matches nothing is listed in one refusal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

from annotator.errors import InputError
from annotator.importers.common import (
    BadValueError,
    JSONProblem,
    listed,
    parse_json,
    rebase_layers,
    span_place,
    title_of,
)
from annotator.importers.lsconfig import UNLABELLED_RELATION, LabelConfig, read_label_config
from annotator.importers.names import NameMap
from annotator.importers.options import ImportOptions
from annotator.model.document import STATUSES, DocumentRecord, Layer, Relation, Span
from annotator.model.layers import STATUS_FIELD, SUGGESTIONS_LAYER
from annotator.text.offsets import OffsetConverter

SUGGESTIONS = SUGGESTIONS_LAYER
DOC_ID = "doc_id"  # our export's document id in data, kept when Label Studio renumbers tasks
_MIN_KEYS = {"id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time",
             "agreement", "drafts", "predictions"}  # fmt: skip


class _Bad(Exception):
    """A problem at a position inside the file (task, annotation, result)."""


@dataclass
class _Doc:
    """What one task's results add up to while it is read."""

    text: str
    unit: str
    names: NameMap
    conv: OffsetConverter = field(init=False)
    notes: list[dict[str, Any]] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.conv = OffsetConverter(self.text)


def _is_int(v: Any) -> TypeGuard[int]:
    return isinstance(v, int) and not isinstance(v, bool)


def _strings(value: Any, what: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if value is None:
        raise _Bad(f"{what} is missing")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(f"{what} must be a list of strings")
    return list(value)


def _who(who: Any) -> str:
    if isinstance(who, dict):
        name = who.get("email") or who.get("username") or f"user{who.get('id', '')}"
        return str(name)
    if isinstance(who, str) and who.strip():
        return who.strip()
    return f"user{who}" if _is_int(who) else "label-studio"


def _span(doc: _Doc, value: dict[str, Any], label: str, region: str) -> Span:
    start, end = value.get("start"), value.get("end")
    if not _is_int(start) or not _is_int(end):
        raise _Bad("'start' and 'end' must be whole numbers")
    given = value.get("text")
    try:
        s, e = span_place(doc.text, start, end, doc.unit, span=region, conv=doc.conv,
                          given=given if isinstance(given, str) else None, escaped_breaks=True)  # fmt: skip
    except BadValueError as exc:
        raise _Bad(str(exc)) from None
    return Span(s, e, doc.names.label(label), doc.text[s:e])


def _layer(doc: _Doc, results: Any, name: str, status: str, pos: str) -> Layer:
    """One annotation's (or prediction's) results as a layer of spans and relations."""
    if not isinstance(results, list):
        raise _Bad(f"{pos}: 'result' must be a list")
    regions: dict[str, list[Span]] = {}
    later: list[tuple[str, dict[str, Any]]] = []
    for k, r in enumerate(results, 1):
        where = f"{pos}, result {k}"
        if not isinstance(r, dict):
            raise _Bad(f"{where} must be an object")
        kind, value, rid = r.get("type"), r.get("value"), r.get("id")
        if not isinstance(kind, str):
            raise _Bad(f"{where}: 'type' must be a string")
        if rid is not None and not isinstance(rid, str | int):
            raise _Bad(f"{where}: 'id' must be a string or a number")
        if kind == "relation":
            later.append((where, r))
            continue
        if not isinstance(value, dict):
            raise _Bad(f"{where}: 'value' must be an object")
        try:
            if kind == "labels":
                labels = _strings(value.get("labels"), "'value.labels'")
                if not labels:
                    raise _Bad("'value.labels' is empty")
                key = str(rid) if rid is not None else f"#{k}"
                regions[key] = [_span(doc, value, lab, key) for lab in labels]
            elif kind in ("choices", "textarea"):
                later.append((where, r))
            else:
                doc.skipped[f"{kind} result(s)"] += 1
        except _Bad as exc:
            raise _Bad(f"{where}: {exc}") from None
    relations: list[tuple[str, str, str]] = []
    for where, r in later:
        try:
            _attach(doc, r, regions, relations, name)
        except _Bad as exc:
            raise _Bad(f"{where}: {exc}") from None
    spans: list[Span] = []
    sid_of: dict[str, str] = {}
    for key, region in regions.items():
        for s in region:
            spans.append(s.with_(sid=f"s{len(spans) + 1}"))
            sid_of.setdefault(key, spans[-1].sid)
        for note in doc.notes:
            if note.get("region") == key and note.get("annotator") == name:
                note["span"] = sid_of[key]
    for note in doc.notes:
        note.pop("region", None)
    rels = [
        Relation(sid_of[h], sid_of[c], lab, f"r{i}") for i, (h, c, lab) in enumerate(relations, 1)
    ]
    return Layer(name, status, spans, rels)


def _attach(doc: _Doc, r: dict[str, Any], regions: dict[str, list[Span]],
            relations: list[tuple[str, str, str]], who: str) -> None:  # fmt: skip
    """A choices, textarea or relation result onto the regions read before it."""
    kind, value = r["type"], r.get("value")
    if kind == "relation":
        ends = [r.get("from_id"), r.get("to_id")]
        if not all(isinstance(x, str | int) for x in ends):
            raise _Bad("'from_id' and 'to_id' must name regions")
        head, child = (str(x) for x in ends)
        if head not in regions or child not in regions:
            missing = head if head not in regions else child
            raise _Bad(f"the relation points to region {missing!r}, which is not labelled")
        names = _strings(r.get("labels") or [UNLABELLED_RELATION], "'labels'")
        if r.get("direction") == "left":
            head, child = child, head
        elif r.get("direction") == "bi":
            doc.skipped["two-way relation(s) imported as from_id -> to_id"] += 1
        for lab in names:
            relations.append((head, child, doc.names.relation(lab)))
        return
    assert isinstance(value, dict)
    region = regions.get(str(r.get("id")))
    from_name = r.get("from_name")
    if not isinstance(from_name, str):
        raise _Bad("'from_name' must be a string")
    if kind == "textarea":
        texts = _strings(value.get("text", []), "'value.text'")
        note = {"annotator": who, "name": from_name, "text": "\n".join(texts)}
        if region is not None:
            note["region"] = str(r.get("id"))
        doc.notes.append(note)
        return
    choices = _strings(value.get("choices", []), "'value.choices'")
    if region is None:
        doc.skipped[f"document-level choices ({from_name})"] += 1
        return
    if len(choices) > 1:
        doc.skipped[f"extra choices beyond the first ({from_name})"] += len(choices) - 1
    if choices:
        for i, s in enumerate(region):
            attr, val = doc.names.attribute(s.label, from_name, choices[0])
            region[i] = s.with_(attributes={**s.attributes, attr: val})


def _predictions(task: dict[str, Any], by_id: dict[str, Any], doc: _Doc, pos: str) -> Layer | None:
    """Every prediction of the task in one suggestions layer (ids renumbered)."""
    preds = listed(task, "predictions")
    if not isinstance(preds, list):
        raise _Bad(f"{pos}: 'predictions' must be a list")
    spans: list[Span] = []
    rels: list[Relation] = []
    for j, pred in enumerate(preds, 1):
        if isinstance(pred, str | int) and not isinstance(pred, bool):
            pred = by_id.get(str(pred))
            if pred is None:
                doc.skipped["prediction(s) the file lists by id only (export a snapshot)"] += 1
                continue
        if not isinstance(pred, dict):
            raise _Bad(f"{pos}, prediction {j} must be an object or an id")
        layer = _layer(doc, listed(pred, "result"), SUGGESTIONS, "todo", f"{pos}, prediction {j}")
        new = {s.sid: f"s{len(spans) + i}" for i, s in enumerate(layer.spans, 1)}
        spans += [s.with_(sid=new[s.sid]) for s in layer.spans]
        rels += [Relation(new[str(r.head)], new[str(r.child)], r.label, f"r{len(rels) + i}")
                 for i, r in enumerate(layer.relations, 1)]  # fmt: skip
    return Layer(SUGGESTIONS, "todo", spans, rels) if spans else None


def _text(data: dict[str, Any], config: LabelConfig | None, pos: str) -> tuple[str, str]:
    key = config.text_field if config is not None else "text"
    if isinstance(data.get(key), str):
        return key, data[key]
    for k, v in data.items():
        if isinstance(v, str):
            return k, v
    raise _Bad(f"{pos}: the task has no text (no string under {key!r})")


def _record(
    doc: _Doc, layers: list[Layer], meta: dict[str, Any], ext: Any, source: str
) -> DocumentRecord:
    text = rebase_layers(doc.text, layers, source, None)
    if doc.notes:
        meta["notes"] = doc.notes
    ext_id = str(ext) if isinstance(ext, str | int) and not isinstance(ext, bool) else ""
    return DocumentRecord(ext_id, title_of(text), text, meta, source, layers,
                          not_imported=dict(doc.skipped))  # fmt: skip


def _task(task: Any, options: ImportOptions, names: NameMap, config: LabelConfig | None,
          source: str, pos: str) -> DocumentRecord:  # fmt: skip
    """A task of the JSON export or a snapshot: ``data`` with ``annotations`` and ``predictions``."""
    data = task["data"]
    if not isinstance(data, dict):
        raise _Bad(f'{pos}: \'data\' must be an object with the text ({{"text": "..."}})')
    key, raw = _text(data, config, pos)
    doc = _Doc(raw, options.offsets or "codepoint", names)
    anns = listed(task, "annotations")
    if not isinstance(anns, list):
        raise _Bad(f"{pos}: 'annotations' must be a list")
    layers: dict[str, Layer] = {}
    by_id: dict[str, Any] = {}
    for j, ann in enumerate(anns, 1):
        if not isinstance(ann, dict):
            raise _Bad(f"{pos}, annotation {j} must be an object")
        made_from = ann.get("prediction")
        if isinstance(made_from, dict) and made_from.get("id") is not None:
            by_id[str(made_from["id"])] = made_from
        if ann.get("was_cancelled"):
            doc.skipped["cancelled annotation(s)"] += 1
            continue
        name = _who(ann.get("completed_by"))
        if name in layers:
            raise _Bad(_twice(pos, name))
        status = ann.get(STATUS_FIELD)  # ours: Label Studio has no status of its own
        status = status if status in STATUSES else "done"
        layers[name] = _layer(doc, listed(ann, "result"), name, status, f"{pos}, annotation {j}")
    drafts = task.get("drafts")
    if isinstance(drafts, list) and drafts:
        doc.skipped["draft(s)"] += len(drafts)
    predicted = _predictions(task, by_id, doc, pos)
    meta = {k: v for k, v in data.items()
            if k not in (key, DOC_ID) and isinstance(v, str | int | float)}  # fmt: skip
    if isinstance(task.get("meta"), dict):
        meta.update(task["meta"])
    ext = data.get(DOC_ID) if isinstance(data.get(DOC_ID), str) else task.get("id")
    return _record(doc, [*layers.values(), *([predicted] if predicted else [])], meta, ext, source)


def _twice(pos: str, name: str) -> str:
    """The refusal of a second annotation by one annotator on one task (one layer each)."""
    return (
        f"{pos}: {name!r} has two annotations of this task; annotator keeps one layer per"
        " annotator and document (delete one in Label Studio, or export it again)"
    )


def _min_items(items: list[tuple[str, dict[str, Any]]], options: ImportOptions, names: NameMap,
               config: LabelConfig | None, source: str) -> DocumentRecord:  # fmt: skip
    """JSON_MIN items of one task (one per annotation): regions under their from_name."""
    first = items[0][1]
    key, raw = _text(first, config, items[0][0])
    doc = _Doc(raw, options.offsets or "codepoint", names)
    layers: list[Layer] = []
    meta: dict[str, Any] = {}
    for pos, item in items:
        results: list[dict[str, Any]] = []
        for from_name, value in item.items():
            if from_name in _MIN_KEYS or from_name == key:
                continue
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                for n, region in enumerate(value, 1):
                    rid = f"{from_name}#{n}"
                    labels = next((region[k] for k in region if str(k).endswith("labels")), None)
                    results.append({"id": rid, "type": "labels", "from_name": from_name,
                                    "value": {**region, "labels": labels}})  # fmt: skip
                    for attr, v in region.items():
                        if attr in ("start", "end", "text") or str(attr).endswith("labels"):
                            continue
                        kind = "textarea" if attr == "textarea" else "choices"
                        results.append({"id": rid, "type": kind, "from_name": attr,
                                        "value": {"text" if kind == "textarea" else "choices": v}})  # fmt: skip
            elif isinstance(value, str | int | float) and not isinstance(value, bool):
                meta.setdefault(from_name, value)
            else:
                doc.skipped[f"JSON_MIN field(s) of another kind ({from_name})"] += 1
        if item.get("annotator") is None and not results:
            continue  # a task nobody annotated
        name = _who(item.get("annotator"))
        if any(la.annotator == name for la in layers):
            raise _Bad(_twice(pos, name))
        layers.append(_layer(doc, results, name, "done", pos))
    return _record(doc, layers, meta, first.get("id"), source)


def _load(path: Path) -> list[Any]:
    try:
        tasks = parse_json(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(path, "the file is not valid UTF-8") from None
    except JSONProblem as exc:
        raise InputError(path, exc.told) from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise InputError(path, "a Label Studio export is a JSON list of tasks")
    return tasks


def read(path: Path, options: ImportOptions) -> Iterator[DocumentRecord | InputError]:
    """Yield each task of a Label Studio JSON, JSON_MIN or snapshot export.

    Every name is resolved first; when some match nothing, one InputError lists them all and no
    task of the file is given.
    """
    tasks = _load(path)
    config = read_label_config(options.label_config) if options.label_config else None
    names = NameMap(options.schema, options.renames)
    records: list[DocumentRecord] = []
    groups: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for i, task in enumerate(tasks, 1):
        tid = task.get("id") if isinstance(task, dict) else None
        pos = f"task {i}" + (f" (id {tid})" if isinstance(tid, str | int) else "")
        try:
            if not isinstance(task, dict):
                raise _Bad(f"{pos} must be an object")
            if "data" in task:
                records.append(_task(task, options, names, config, str(path), pos))
            else:  # JSON_MIN: one flat item per annotation
                key = f"id:{tid}" if isinstance(tid, str | int) else f"#{i}"
                groups.setdefault(key, []).append((pos, task))
        except _Bad as exc:
            yield InputError(path, str(exc))
        except InputError as exc:
            yield InputError(path, "{where}: {what}", where=pos, what=exc.problem_told)
    for items in groups.values():
        try:
            records.append(_min_items(items, options, names, config, str(path)))
        except _Bad as exc:
            yield InputError(path, str(exc))
        except InputError as exc:
            yield InputError(path, "{where}: {what}", where=items[0][0], what=exc.problem_told)
    refusal = names.refusal(str(path))
    if refusal is not None:
        yield refusal
        return
    yield from records
