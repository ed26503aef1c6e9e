"""Helpers shared by importers: titles, offset units, and re-basing spans on prepared text."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from annotator.errors import InputError, Told
from annotator.importers.limits import MAX_LINE_BYTES
from annotator.model.document import DocumentRecord, Layer, Span
from annotator.text.decode import prepare_text, stored_offsets
from annotator.text.offsets import OffsetConverter

OFFSET_UNITS = ("codepoint", "utf16", "grapheme")


def title_of(text: str) -> str:
    """The first non-empty line, shortened for lists."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line if len(line) <= 200 else line[:199] + "…"
    return ""


def to_codepoints(
    text: str, start: int, end: int, unit: str, conv: OffsetConverter | None = None
) -> tuple[int, int]:
    """Convert offsets counted in ``unit`` on ``text`` into code points (ValueError or IndexError
    outside the text; BadValueError for a UTF-16 offset between the two units of one character)."""
    if unit == "codepoint":
        return start, end
    conv = conv or OffsetConverter(text)
    if unit == "utf16":
        if not (0 <= start <= end <= conv.utf16_length()):
            raise ValueError("outside the text")
        for unit_offset in (start, end):
            cp = conv.from_utf16(unit_offset)
            if conv.to_utf16(cp) != unit_offset:
                raise BadValueError(
                    "the UTF-16 offset {offset} falls inside a character ({char!r} takes two"
                    " UTF-16 units): a span cannot start or end there",
                    offset=unit_offset, char=text[cp],
                )  # fmt: skip
        return conv.from_utf16(start), conv.from_utf16(end)
    if unit == "grapheme":
        return conv.from_grapheme(start), conv.from_grapheme(end)
    raise ValueError(f"unknown offset unit {unit!r}")


def span_place(
    text: str,
    start: int,
    end: int,
    unit: str,
    *,
    span: object,
    given: str | None = None,
    conv: OffsetConverter | None = None,
    escaped_breaks: bool = False,
) -> tuple[int, int]:
    """The code point offsets on ``text`` of span ``span`` given as [start, end) in ``unit``; the
    one check every reader makes. BadValueError when they are not a span of the text or when the
    span's own text (``given``) is not the text there; when ``given`` is there counted in another
    unit, the sentence says which ``--offsets`` to give. ``escaped_breaks``: ``given`` may write a
    line break as the two characters backslash-n (Label Studio's ``value.text``)."""
    conv = conv or OffsetConverter(text)
    if end < start:
        raise BadValueError(
            "span {span} [{start}, {end}) ends before it starts", span=span, start=start, end=end
        )
    try:
        s, e = to_codepoints(text, start, end, unit, conv)
    except BadValueError as exc:
        raise BadValueError("span {span}: {why}", span=span, why=exc.told) from None
    except (ValueError, IndexError):
        s, e = -1, -1
    if not 0 <= s < e <= len(text):
        raise BadValueError(
            "span {span} [{start}, {end}) is outside the text (length {length})",
            span=span, start=start, end=end, length=len(text),
        )  # fmt: skip
    if given is None or _same(given, text[s:e], escaped_breaks):
        return s, e
    for other in OFFSET_UNITS:
        if other == unit:
            continue
        try:
            s2, e2 = to_codepoints(text, start, end, other, conv)
        except (ValueError, IndexError):
            continue
        if 0 <= s2 < e2 <= len(text) and _same(given, text[s2:e2], escaped_breaks):
            raise BadValueError(
                "span {span} text {text!r} is not the document text at [{start}, {end})"
                " ({there!r}), but it is when the offsets count {other} units: give --offsets"
                " {other}",
                span=span, text=given, start=start, end=end, there=text[s:e], other=other,
            )  # fmt: skip
    raise BadValueError(
        "span {span} text {text!r} does not match the document text {there!r} at [{start}, {end})",
        span=span, text=given, there=text[s:e], start=start, end=end,
    )  # fmt: skip


def _same(given: str, there: str, escaped_breaks: bool) -> bool:
    if given == there or (escaped_breaks and given == there.replace("\n", "\\n")):
        return True
    return prepare_text(given) == prepare_text(there)  # one in NFD, or CR LF against LF


def layer_note(where: Path, name: str, why: str) -> str:
    """The note saying which layer an import without --annotator named for the user."""
    return f"{where}: {why}, so the annotations went into layer {name!r} (give --annotator NAME to name it)"


def rebase_layers(raw_text: str, layers: list[Layer], where: str, line: int | None) -> str:
    """Prepare the text (LF, NFC) and move span offsets onto it; return the prepared text.

    Offsets in files point into the text as written; when preparing changes the text (CRLF, a
    decomposed hamza), each span boundary is mapped through the change so spans stay on their words.
    """
    text = prepare_text(raw_text)
    if text == raw_text:
        return text
    moved = stored_offsets(raw_text)
    for layer in layers:
        new_spans: list[Span] = []
        for s in layer.spans:
            if not (0 <= s.start < s.end <= len(raw_text)):
                raise InputError(
                    where, "span {span} [{start}, {end}) is outside the text", line,
                    span=s.sid, start=s.start, end=s.end,
                )  # fmt: skip
            start, end = moved(s.start), moved(s.end)
            new_spans.append(s.with_(start=start, end=end, text=prepare_text(s.text)))
        layer.spans = new_spans
    return text


WRONG_SHAPE = (TypeError, ValueError, KeyError, IndexError, AttributeError, OverflowError,
               RecursionError)  # fmt: skip
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
MAX_JSON_NUMBER = 2**53  # larger numbers are no offsets or ids anyone wrote on purpose


class BadValueError(ValueError):
    """A value of a file a reader cannot take, as a template with its arguments (``told``): the
    reader names the file and line around it."""

    def __init__(self, template: str, /, **params: object) -> None:
        self.told = Told(template, params)
        super().__init__(str(self.told))


def shown(value: Any) -> str:
    """A refused value as the file has it (JSON), cut short."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def why(exc: Exception) -> object:
    """What a caught reader error says: its template when it has one, else its words."""
    return exc.told if isinstance(exc, BadValueError) else str(exc)


class JSONProblem(ValueError):
    """A JSON text this program will not read, with the reason in words (``told``)."""

    def __init__(self, told: Told) -> None:
        super().__init__(str(told))
        self.told = told


def _no_constant(name: str) -> Any:
    raise JSONProblem(Told("not valid JSON ({name} is not a number JSON allows)", {"name": name}))


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or abs(value) > MAX_JSON_NUMBER:
        raise JSONProblem(Told("the number {number} is too large", {"number": text[:20]}))
    return value


def _int(text: str) -> int:
    if len(text.lstrip("-")) > 16:
        raise JSONProblem(Told("the number {number}... is too large", {"number": text[:20]}))
    return int(text)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused when a key repeats (json keeps the last silently)."""
    obj = dict(pairs)
    if len(obj) != len(pairs):
        twice = next(k for k, n in Counter(k for k, _v in pairs).items() if n > 1)
        raise JSONProblem(
            Told(
                "the key {key!r} is given twice in one object (only one can be read)",
                {"key": twice},
            )
        )
    return obj


def listed(obj: dict[str, Any], key: str) -> Any:
    """``obj[key]``, or an empty list when the key is absent or null. Any other value (an object,
    a string, false) is returned as it is, so the caller's list check refuses it instead of reading
    it as 'none'."""
    value = obj.get(key)
    return [] if value is None else value


def _has_surrogate(obj: Any) -> bool:
    if isinstance(obj, str):
        return any("\ud800" <= ch <= "\udfff" for ch in obj)
    if isinstance(obj, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in obj.items())
    if isinstance(obj, list):
        return any(_has_surrogate(v) for v in obj)
    return False


def parse_json(text: str) -> Any:
    """``json.loads`` for files from outside: NaN, Infinity, huge numbers, nesting deeper than
    Python's stack, lone surrogates (``\\ud800``, not a character) and a key given twice in one
    object are refused in words."""
    try:
        value = json.loads(text, parse_constant=_no_constant, parse_float=_float, parse_int=_int,
                           object_pairs_hook=_object)  # fmt: skip
    except JSONProblem:
        raise
    except json.JSONDecodeError as exc:
        raise JSONProblem(
            Told(
                "not valid JSON ({why} column {column})"  # "Unterminated string starting at"
                if exc.msg.endswith(" at")
                else "not valid JSON ({why} at column {column})",
                {"why": exc.msg, "column": exc.colno},
            )
        ) from None
    except RecursionError:
        raise JSONProblem(Told("the JSON is nested too deeply to read")) from None
    except ValueError as exc:
        raise JSONProblem(Told("not valid JSON ({why})", {"why": str(exc)})) from None
    if _SURROGATE_ESCAPE.search(text):
        try:
            found = _has_surrogate(value)
        except RecursionError:
            raise JSONProblem(Told("the JSON is nested too deeply to read")) from None
        if found:
            raise JSONProblem(
                Told("a string holds a lone surrogate escape (\\ud800-\\udfff), not a character")
            )
    return value


def json_lines(path: Path) -> Iterator[tuple[int, Any] | InputError]:
    """Each non-empty line of a JSONL file parsed, or an InputError naming the line.

    Streamed: only a single line above the size limit is refused, never the whole file.
    """
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if len(raw) > MAX_LINE_BYTES:
                size, limit = len(raw) // 2**20, MAX_LINE_BYTES // 2**20
                yield InputError(
                    path, "the line is {size} MB; lines above {limit} MB are refused", lineno,
                    size=size, limit=limit,
                )  # fmt: skip
                continue
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                yield InputError(path, "the line is not valid UTF-8", lineno)
                continue
            if not line.strip():
                continue
            try:
                yield lineno, parse_json(line)
            except JSONProblem as exc:
                yield InputError(path, exc.told, lineno)


def records_from_lines(
    path: Path, parse: Callable[[Any, int], DocumentRecord]
) -> Iterator[DocumentRecord | InputError]:
    """``parse`` each line of a JSONL file into a record; every unusable line becomes an error."""
    for item in json_lines(path):
        if isinstance(item, InputError):
            yield item
            continue
        lineno, obj = item
        try:
            yield parse(obj, lineno)
        except InputError as exc:
            yield exc
        except WRONG_SHAPE as exc:  # a value of the wrong type where a reader did not expect it
            yield InputError(
                path, "a value has the wrong type or size ({why})", lineno, why=str(exc)
            )
