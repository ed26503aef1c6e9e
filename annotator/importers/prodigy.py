"""Prodigy JSONL: spans by character offsets (or token ranges), relations by token index, answers.

Only accepted examples (``"answer": "accept"``, or no answer) become annotations; rejected and
ignored ones bring their text only, and are counted in the summary. A relation names its spans by
``head_span``/``child_span`` when present, else by ``head``/``child``: the index of the span's last
token (Prodigy's relation interface), or any token of it. The layer is ``--annotator``, else the
example's ``_annotator_id`` or ``_session_id``, else the file name. Offsets are code points
(Prodigy is Python) unless ``--offsets`` says otherwise; a span's ``text`` must be the text there.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.importers.common import (
    BadValueError,
    listed,
    rebase_layers,
    records_from_lines,
    span_place,
    title_of,
    to_codepoints,
)
from annotator.importers.names import NameMap
from annotator.importers.options import ImportOptions
from annotator.model.document import DocumentRecord, Layer, Relation, Span
from annotator.text.offsets import OffsetConverter
from annotator.text.plural import form, plural

ANSWERS = ("accept", "reject", "ignore")


class _Bad(Exception):
    """A problem with one line."""


def _int(obj: dict[str, Any], key: str, where: str) -> int:
    value = obj.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Bad(f"{where}: {key!r} must be a whole number")
    return value


def _tokens(
    obj: dict[str, Any], text: str, unit: str, conv: OffsetConverter
) -> list[tuple[int, int]]:
    raw = listed(obj, "tokens")
    if not isinstance(raw, list):
        raise _Bad("'tokens' must be a list")
    out = []
    for i, t in enumerate(raw, 1):
        if not isinstance(t, dict):
            raise _Bad(f"token {i} must be an object")
        start, end = _int(t, "start", f"token {i}"), _int(t, "end", f"token {i}")
        try:
            out.append(to_codepoints(text, start, end, unit, conv))
        except (ValueError, IndexError):
            raise _Bad(f"token {i} [{start}, {end}) is outside the text") from None
    return out


def _spans(
    obj: dict[str, Any],
    text: str,
    tokens: list[tuple[int, int]],
    names: NameMap,
    unit: str,
    conv: OffsetConverter,
) -> list[tuple[Span, int, int]]:
    """(span, first token, last token) of each span; token indices -1 when unknown."""
    raw = listed(obj, "spans")
    if not isinstance(raw, list):
        raise _Bad("'spans' must be a list")
    out = []
    for i, s in enumerate(raw, 1):
        where = f"span {i}"
        if not isinstance(s, dict):
            raise _Bad(f"{where} must be an object")
        label = s.get("label")
        if not isinstance(label, str):
            raise _Bad(f"{where}: 'label' must be a string")
        first = _int(s, "token_start", where) if "token_start" in s else -1
        last = _int(s, "token_end", where) if "token_end" in s else -1
        given = s.get("text") if isinstance(s.get("text"), str) else None
        if "start" in s or "end" in s or not tokens:
            start, end, counted = _int(s, "start", where), _int(s, "end", where), unit
        elif 0 <= first <= last < len(tokens):  # token offsets are code points by now
            start, end, counted = tokens[first][0], tokens[last][1], "codepoint"
        else:
            raise _Bad(f"{where}: tokens {first}..{last} are not in the token list")
        try:
            start, end = span_place(text, start, end, counted, span=i, given=given, conv=conv)
        except BadValueError as exc:
            raise _Bad(str(exc)) from None
        if first < 0 and tokens:
            touching = [k for k, (a, b) in enumerate(tokens) if a < end and start < b]
            first, last = (touching[0], touching[-1]) if touching else (-1, -1)
        span = Span(start, end, names.label(label), text[start:end], {}, f"s{i}")
        out.append((span, first, last))
    return out


def _end_of(
    rel: dict[str, Any], end: str, spans: list[tuple[Span, int, int]], where: str
) -> str | None:
    """The sid of the span at one end of a relation (None: the token is in no span)."""
    given = rel.get(f"{end}_span")
    if isinstance(given, dict):
        for span, _first, _last in spans:
            if (span.start, span.end, span.label) == (
                given.get("start"),
                given.get("end"),
                given.get("label"),
            ):
                return span.sid
    token = _int(rel, end, where)
    for span, _first, last in spans:
        if last == token:
            return span.sid
    for span, first, last in spans:
        if first <= token <= last:
            return span.sid
    return None


def parse_example(obj: Any, options: ImportOptions, source: str, lineno: int,
                  fallback: str) -> DocumentRecord:  # fmt: skip
    """One Prodigy example as a record (its layer only when accepted)."""
    try:
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise _Bad("each line must be a JSON object with a 'text'")
        raw_text: str = obj["text"]
        answer = obj.get("answer", "accept")
        if answer not in ANSWERS:
            raise _Bad(f"'answer' must be one of {', '.join(ANSWERS)}, not {answer!r}")
        meta = obj.get("meta") or {}
        if not isinstance(meta, dict):
            raise _Bad("'meta' must be an object")
        who = options.annotator or obj.get("_annotator_id") or obj.get("_session_id") or fallback
        if not isinstance(who, str):
            raise _Bad("'_annotator_id' must be a string")
        unit, conv = options.offsets or "codepoint", OffsetConverter(raw_text)
        tokens = _tokens(obj, raw_text, unit, conv)
        names = NameMap(options.schema, options.renames)  # unknown labels: the store names them
        spans = _spans(obj, raw_text, tokens, names, unit, conv)
        rels_raw = listed(obj, "relations")
        if not isinstance(rels_raw, list):
            raise _Bad("'relations' must be a list")
        relations: list[Relation] = []
        skipped: dict[str, int] = {}
        for i, r in enumerate(rels_raw, 1):
            where = f"relation {i}"
            if not isinstance(r, dict) or not isinstance(r.get("label"), str):
                raise _Bad(f"{where} must be an object with a 'label'")
            head, child = _end_of(r, "head", spans, where), _end_of(r, "child", spans, where)
            if head is None or child is None:
                key = "relation(s) between tokens outside any span"
                skipped[key] = skipped.get(key, 0) + 1
                continue
            label = names.relation(r["label"])
            relations.append(Relation(head, child, label, f"r{len(relations) + 1}"))
    except _Bad as exc:
        raise InputError(source, str(exc), lineno) from None
    layers = (
        [Layer(who, "done", [s for s, _f, _l in spans], relations)] if answer == "accept" else []
    )
    if answer != "accept":
        done = "rejected" if answer == "reject" else "ignored"
        skipped = {f"{done} example(s) (text imported, annotations not)": 1}
    text = rebase_layers(raw_text, layers, source, lineno)
    meta = dict(meta)
    ext = meta.pop("id", None)
    ext_id = str(ext) if isinstance(ext, str | int) and not isinstance(ext, bool) else ""
    return DocumentRecord(ext_id, title_of(text), text, meta, source, layers, line=lineno,
                          not_imported=skipped)  # fmt: skip


def read(path: Path, options: ImportOptions) -> Iterator[DocumentRecord | InputError]:
    """Yield each example of a Prodigy JSONL file.

    Accepted examples with the same text and annotator (binary recipes make one per suggestion)
    are combined into one layer, said in a note; they are given after the rest of the file.
    """
    accepted: dict[tuple[str, str], DocumentRecord] = {}
    repeats = 0
    for rec in records_from_lines(
        path, lambda obj, lineno: parse_example(obj, options, str(path), lineno, path.stem)
    ):
        if isinstance(rec, InputError) or not rec.layers:
            yield rec
            continue
        key = (rec.text, rec.layers[0].annotator)
        first = accepted.setdefault(key, rec)
        if first is not rec:
            first.layers[0] = _combined(first.layers[0], rec.layers[0])
            for what, n in rec.not_imported.items():
                first.not_imported[what] = first.not_imported.get(what, 0) + n
            repeats += 1
    note = (
        f"{path}: {plural(repeats, 'accepted example')} {form(repeats, 'repeats', 'repeat')} an earlier example's text; their spans and"
        " relations were combined into that example's layer"
    )
    for rec in accepted.values():
        if repeats:
            rec.notes.append(note)
        yield rec


def _combined(mine: Layer, theirs: Layer) -> Layer:
    """One layer with the spans and relations of both (each span and relation once)."""
    spans = list(mine.spans)
    at = {(s.start, s.end, s.label): s.sid for s in spans}
    sid: dict[str, str] = {}
    for s in theirs.spans:
        key = (s.start, s.end, s.label)
        if key not in at:
            at[key] = f"s{len(spans) + 1}"
            spans.append(s.with_(sid=at[key]))
        sid[s.sid] = at[key]
    relations = list(mine.relations)
    known = {(str(r.head), str(r.child), r.label) for r in relations}
    for r in theirs.relations:
        link = (sid[str(r.head)], sid[str(r.child)], r.label)
        if link not in known:
            known.add(link)
            relations.append(Relation(link[0], link[1], r.label, f"r{len(relations) + 1}"))
    return Layer(mine.annotator, mine.status, spans, relations)
