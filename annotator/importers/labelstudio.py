"""Label Studio JSON exports: every annotator's results as a layer, predictions as suggestions.

Label Studio 1.23 counts code points; its ``value.text`` has line breaks rewritten as the two
characters backslash-n, so start and end are trusted and the text is taken from the document.
Per-region choices (same region id as a labelled span) become attributes named by ``from_name``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.importers.common import rebase_layers, title_of, to_codepoints
from annotator.importers.options import ImportOptions
from annotator.model.document import DocumentRecord, Layer, Relation, Span
from annotator.text.offsets import OffsetConverter


def _who(annotation: dict[str, Any]) -> str:
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        return str(who.get("email") or who.get("username") or f"user{who.get('id', '')}")
    return f"user{who}" if who is not None else "label-studio"


def _layer(results: list[Any], text: str, unit: str, name: str, status: str,
           labels: dict[str, str], conv: OffsetConverter) -> tuple[Layer, int]:  # fmt: skip
    """One annotation's results as a layer; returns it with the number of results not used."""
    spans: dict[str, Span] = {}
    choices: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    unused = 0
    for r in results:
        kind = r.get("type")
        if kind == "labels":
            value = r["value"]
            label = labels.get(str(value["labels"][0]).lower())
            if label is None:
                raise ValueError(f"label {value['labels'][0]!r} is not in the schema")
            s, e = to_codepoints(text, int(value["start"]), int(value["end"]), unit, conv)
            if not 0 <= s < e <= len(text):
                raise ValueError(f"region {r.get('id')} [{s}, {e}) is outside the text")
            rid = str(r.get("id") or f"region{len(spans) + 1}")
            spans[rid] = Span(s, e, label, text[s:e], {}, f"s{len(spans) + 1}")
        elif kind == "choices":
            choices.append(r)
        elif kind == "relation":
            relations.append(r)
        else:
            unused += 1
    for c in choices:
        target = spans.get(str(c.get("id")))
        values = c.get("value", {}).get("choices") or []
        if target is None or not values:
            unused += 1
            continue
        spans[str(c["id"])] = target.with_(
            attributes={**target.attributes, str(c["from_name"]): str(values[0])}
        )
    rels: list[Relation] = []
    for i, r in enumerate(relations, 1):
        head, child = spans.get(str(r.get("from_id"))), spans.get(str(r.get("to_id")))
        if head is None or child is None or not r.get("labels"):
            raise ValueError(f"relation {i} has no label or points to a region that is not there")
        if r.get("direction") == "left":
            head, child = child, head
        rels.append(Relation(head.sid, child.sid, str(r["labels"][0]), f"r{i}"))
    return Layer(name, status, list(spans.values()), rels), unused


def _task(
    task: Any, index: int, options: ImportOptions, source: str, labels: dict[str, str]
) -> DocumentRecord:
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise ValueError("each task must be an object with 'data'")
    data = task["data"]
    text = data.get("text")
    if not isinstance(text, str):
        text = next((v for v in data.values() if isinstance(v, str)), None)
    if text is None:
        raise ValueError("the task's data has no text")
    unit = options.offsets or "codepoint"
    conv = OffsetConverter(text)
    layers: list[Layer] = []
    unused = 0
    for ann in task.get("annotations") or []:
        if ann.get("was_cancelled"):
            continue
        layer, n = _layer(ann.get("result") or [], text, unit, _who(ann), "done", labels, conv)
        layers = [la for la in layers if la.annotator != layer.annotator] + [layer]
        unused += n
    predicted: list[Span] = []
    for pred in task.get("predictions") or []:
        layer, n = _layer(pred.get("result") or [], text, unit, "suggestions", "todo", labels, conv)
        predicted += layer.spans
        unused += n
    if predicted:
        layers.append(
            Layer("suggestions", "todo", [s.with_(sid=f"s{i}") for i, s in enumerate(predicted, 1)])
        )
    text_prepared = rebase_layers(text, layers, source, None)
    meta = {k: v for k, v in data.items() if isinstance(v, str | int | float) and v is not text}
    if unused:
        meta["label_studio_results_not_imported"] = unused
    ext = task.get("id")
    return DocumentRecord(str(ext) if ext is not None else "", title_of(text_prepared), text_prepared,
                          meta, source, layers)  # fmt: skip


def read(path: Path, options: ImportOptions) -> Iterator[DocumentRecord | InputError]:
    """Yield each task of a Label Studio JSON export (a JSON list of tasks)."""
    labels = options.label_map()
    try:
        tasks = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(path, "the file is not valid UTF-8") from None
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON ({exc.msg})", exc.lineno) from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise InputError(path, "a Label Studio export is a JSON list of tasks")
    for i, task in enumerate(tasks, 1):
        try:
            yield _task(task, i, options, str(path), labels)
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            what = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
            yield InputError(path, f"task {i}: {what}")
        except InputError as exc:
            yield exc
