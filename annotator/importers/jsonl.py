"""Native JSONL (SPEC section 5), single-layer and multi-layer forms, read line by line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.errors import InputError, Told
from annotator.importers.common import (
    OFFSET_UNITS,
    BadValueError,
    listed,
    rebase_layers,
    records_from_lines,
    shown,
    span_place,
    title_of,
)
from annotator.importers.options import ImportOptions
from annotator.model.document import STATUSES, DocumentRecord, Layer, Relation, Span
from annotator.model.layers import SUGGESTIONS_LAYER
from annotator.text.decode import prepare_text
from annotator.text.offsets import OffsetConverter

FORMAT_VERSION = 1  # the native JSONL this program reads; a file that says a higher one is refused
LAYER_KEYS = frozenset({"annotator", "status", "spans", "relations"})
DOCUMENT_KEYS = frozenset({"id", "title", "text", "meta", "tokens", "annotations",
                           "format_version"}) | LAYER_KEYS  # fmt: skip
SPAN_KEYS = frozenset({"id", "start", "end", "label", "text", "attributes", "token_start",
                       "token_end"})  # fmt: skip
RELATION_KEYS = frozenset({"id", "head", "child", "label"})


class _LineError(Exception):
    """A problem with one line (a template and its arguments, as AnnotatorError's); turned into an
    InputError with the file and line."""

    def __init__(self, template: str | Told, /, **params: object) -> None:
        self.told = template if isinstance(template, Told) else Told(template, params)
        super().__init__(str(self.told))


def _str(obj: dict[str, Any], key: str, where: Told, required: bool = True) -> str:
    """The string at ``key`` ("" when absent and not required); an id may be a whole number of 0
    or more. Any other value (null, a fraction, a negative number) is refused, never coerced."""
    if key not in obj:
        if required:
            raise _LineError("{where} has no {key!r}", where=where, key=key)
        return ""
    value = obj[key]
    if key == "id" and isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    if not isinstance(value, str):
        raise _LineError(
            "{where}: {key!r} must be a string or a whole number (0 or more), not {value}"
            if key == "id"
            else "{where}: {key!r} must be a string, not {value}",
            where=where, key=key, value=shown(value),
        )  # fmt: skip
    return value


def _int(obj: dict[str, Any], key: str, where: Told) -> int:
    value = obj.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise _LineError("{where}: {key!r} must be a whole number", where=where, key=key)
    return value


def _parse_span(raw: Any, i: int, text: str, unit: str, conv: OffsetConverter) -> Span:
    where = Told("span {span}", {"span": i + 1})
    if not isinstance(raw, dict):
        raise _LineError("{where} must be an object", where=where)
    sid = _str(raw, "id", where, required=False) or f"s{i + 1}"
    where = Told("span {span}", {"span": sid})
    start, end = _int(raw, "start", where), _int(raw, "end", where)
    attrs = raw.get("attributes", {})
    if not isinstance(attrs, dict) or not all(isinstance(v, str) for v in attrs.values()):
        raise _LineError("{where}: 'attributes' must map names to string values", where=where)
    span_text = raw.get("text")
    if span_text is not None and not isinstance(span_text, str):
        raise _LineError("{where}: 'text' must be a string", where=where)
    try:
        start, end = span_place(text, start, end, unit, span=sid, given=span_text, conv=conv)
    except BadValueError as exc:
        raise _LineError(exc.told) from None
    return Span(start, end, _str(raw, "label", where), text[start:end], dict(attrs), sid)


def _parse_layer(obj: dict[str, Any], text: str, unit: str, annotator: str) -> Layer:
    conv = OffsetConverter(text)  # lazy: costs nothing for code point offsets
    spans_raw = listed(obj, "spans")
    rels_raw = listed(obj, "relations")
    if not isinstance(spans_raw, list) or not isinstance(rels_raw, list):
        raise _LineError("'spans' and 'relations' must be lists")
    spans = [_parse_span(s, i, text, unit, conv) for i, s in enumerate(spans_raw)]
    relations: list[Relation] = []
    for i, r in enumerate(rels_raw):
        if not isinstance(r, dict):
            raise _LineError("relation {relation} must be an object", relation=i + 1)
        where = Told("relation {relation}", {"relation": r.get("id", i + 1)})
        relations.append(
            Relation(
                head=_str(r, "head", where),
                child=_str(r, "child", where),
                label=_str(r, "label", where),
                rid=_str(r, "id", where, required=False) or f"r{i + 1}",
            )
        )
    status = obj.get("status", "in_progress" if spans else "todo")
    if not isinstance(status, str) or status not in STATUSES:
        raise _LineError(
            "'status' is {value}, not one of {statuses}",
            value=shown(status), statuses=", ".join(STATUSES),
        )  # fmt: skip
    name = obj.get("annotator") or annotator
    if not isinstance(name, str):
        raise _LineError("'annotator' must be a string")
    if name == SUGGESTIONS_LAYER:
        raise _LineError(
            "{name!r} names the machine suggestions, which an import does not write"
            " (annotator suggest makes them); give the annotator's name",
            name=name,
        )
    return Layer(name, status, spans, relations)


def parse_object(obj: Any, options: ImportOptions, source: str, lineno: int) -> DocumentRecord:
    """One JSONL line's object as a DocumentRecord; raises InputError naming the file and line."""
    try:
        if isinstance(obj, list):
            raise _LineError(
                "the line is a JSON list; native JSONL has one JSON object with a 'text' per line"
                " (Label Studio's JSON export, a list of tasks, is recognised by their 'data')"
            )
        if not isinstance(obj, dict):
            raise _LineError("each line must be a JSON object with a 'text'")
        raw_text = _str(obj, "text", Told("the line"))
        if "\x00" in raw_text:  # no reader of a text export expects one (CoNLL, CSV)
            raise _LineError("the text holds a NUL character (\\u0000)")
        _check_version(obj.get("format_version", FORMAT_VERSION))
        unit = options.offsets or "codepoint"
        if unit not in OFFSET_UNITS:
            raise _LineError("unknown offset unit {unit!r}", unit=unit)
        layers: list[Layer] = []
        if "annotations" in obj:
            anns = obj["annotations"]
            if not isinstance(anns, list):
                raise _LineError("'annotations' must be a list")
            for a in anns:
                if not isinstance(a, dict):
                    raise _LineError("each entry of 'annotations' must be an object")
                layers.append(_parse_layer(a, raw_text, unit, options.annotator))
        elif "spans" in obj or "relations" in obj or "status" in obj:
            layers.append(_parse_layer(obj, raw_text, unit, options.annotator))
        meta = obj.get("meta", {})
        if not isinstance(meta, dict):
            raise _LineError("'meta' must be an object")
        ext_id = _str(obj, "id", Told("the document"), required=False)
        title = obj.get("title")
        if title is not None and not isinstance(title, str):
            raise _LineError("'title' must be a string")
    except _LineError as exc:
        raise InputError(source, exc.told, lineno) from None
    text = rebase_layers(raw_text, layers, source, lineno)
    return DocumentRecord(
        ext_id=ext_id,
        title=prepare_text(title).strip()
        if isinstance(title, str) and title.strip()
        else title_of(text),
        text=text,
        meta=meta,
        source=source,
        layers=layers,
        line=lineno,
        ignored_keys=_ignored_keys(obj),
    )


def _check_version(version: Any) -> None:
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _LineError("'format_version' must be a whole number (1 or more), not {value}",
                         value=shown(version))  # fmt: skip
    if version > FORMAT_VERSION:
        raise _LineError(
            "written by a newer annotator (format_version {version}; this one reads up to"
            " {known}): update annotator to import it",
            version=version, known=FORMAT_VERSION,
        )  # fmt: skip


def _ignored_keys(obj: dict[str, Any]) -> dict[str, dict[str, int]]:
    """The keys of a line this program does not read: key -> {"document"|"layer"|"span"|
    "relation": how many}, for the import summary (a read line has the shapes checked)."""
    found: Counter[tuple[str, str]] = Counter(
        (k, "document") for k in obj if k not in DOCUMENT_KEYS
    )
    layers = obj.get("annotations", [obj])
    for layer in layers:
        if layer is not obj:
            found.update((k, "layer") for k in layer if k not in LAYER_KEYS)
        for what, items, known in (("span", listed(layer, "spans"), SPAN_KEYS),
                                   ("relation", listed(layer, "relations"), RELATION_KEYS)):  # fmt: skip
            for item in items:
                found.update((k, what) for k in item if k not in known)
    out: dict[str, dict[str, int]] = {}
    for (key, what), n in sorted(found.items()):
        out.setdefault(key, {})[what] = n
    return out


def read(path: Path, options: ImportOptions) -> Iterator[DocumentRecord | InputError]:
    """Yield each document of a native JSONL file, or an InputError for a line that is unusable."""
    return records_from_lines(
        path, lambda obj, lineno: parse_object(obj, options, str(path), lineno)
    )
