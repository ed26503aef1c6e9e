"""brat standoff folders: ``ID.txt`` with ``ID.ann`` (T, A and R lines); code point offsets.

Offsets count the characters of the .txt file as written (a CR LF is two, a decomposed letter two),
so spans are placed on that text, checked against the text column of their line, and then mapped
onto the stored text (LF, NFC). A discontinuous T line whose gaps are only line breaks and spaces
(how annotator's own brat export splits spans at line breaks) becomes one span from its first start
to its last end; one whose gaps hold text is counted as not imported (never widened over the gap),
with the attributes and relations that need it. Event, normalisation and note lines are counted too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

from annotator.errors import InputError, Told
from annotator.importers.common import BadValueError, layer_note, rebase_layers, title_of, why
from annotator.importers.options import ImportOptions
from annotator.model.document import DocumentRecord, Layer, Relation, Span
from annotator.text.decode import decode, prepare_text

BRAT_LAYER = "brat"  # the layer of a brat folder imported without --annotator


def read(path: Path, options: ImportOptions) -> Iterator[DocumentRecord | InputError]:
    """Yield the document of one brat .txt and its .ann (given either; no .ann: no annotations)."""
    labels = options.label_map()
    txt, ann = path.with_suffix(".txt"), path.with_suffix(".ann")
    if not txt.exists():
        raise InputError(ann, "the text file {name} is missing beside it", name=txt.name)
    decoded = decode(txt.read_bytes(), txt, options.encoding)
    raw = decoded.raw  # .ann offsets count the characters of the file as written
    spans: dict[str, Span] = {}
    relations: list[Relation] = []
    attrs: list[tuple[str, str, str]] = []
    skipped: dict[str, int] = {}
    dropped: set[str] = set()  # T lines not imported (attributes and relations follow them)
    for lineno, line in enumerate(_ann_lines(ann), 1):
        if not line.strip():
            continue
        try:
            ident, body, *rest = [*line.split("\t"), ""]
            if ident.startswith("T"):
                span = _text_bound(ident, body, rest[0], raw, labels, len(spans) + 1)
                if span is None:
                    _count(skipped, "brat discontinuous span(s) with text between their pieces")
                    dropped.add(ident)
                else:
                    spans[ident] = span
            elif ident.startswith("A") or ident.startswith("M"):
                name, target, *values = body.split()
                if target in dropped:
                    _count(skipped, "brat attribute(s) of those discontinuous spans")
                    continue
                attrs.append((target, name, values[0] if values else "true"))
            elif ident.startswith("R"):
                kind, arg1, arg2 = body.split()
                ends = arg1.split(":", 1)[1], arg2.split(":", 1)[1]
                if dropped.intersection(ends):
                    _count(skipped, "brat relation(s) to those discontinuous spans")
                    continue
                head, child = spans[ends[0]], spans[ends[1]]
                relations.append(Relation(head.sid, child.sid, kind, f"r{len(relations) + 1}"))
            else:  # events, normalisations, notes: counted, not silently dropped
                _count(skipped, f"brat {_KINDS.get(ident[:1], 'other')} line(s)")
        except (ValueError, KeyError, IndexError) as exc:
            what = why(exc)
            if isinstance(exc, KeyError):
                what = Told("refers to {name} which is not defined above", {"name": str(exc)})
            yield InputError(ann, "not a usable brat line ({why})", lineno, why=what)
            return
    for target, name, value in attrs:
        if target not in spans:
            yield InputError(
                ann, "attribute of {target}, which is not a text-bound annotation", target=target
            )
            return
        spans[target] = spans[target].with_(attributes={**spans[target].attributes, name: value})
    layers = [Layer(options.annotator or BRAT_LAYER, "done", list(spans.values()), relations)]
    if not spans:
        layers = []
    stored = rebase_layers(raw, layers, str(ann), None)
    notes = [f"{txt}: {decoded.note}"] if decoded.note else []
    if layers and not options.annotator:
        notes.append(layer_note(txt.parent, BRAT_LAYER, "brat files name no annotator"))
    yield DocumentRecord(txt.stem, title_of(stored), stored, {}, str(ann), layers,
                         not_imported=skipped, notes=notes)  # fmt: skip


_KINDS = {"E": "event", "N": "normalization", "#": "note"}


def _count(skipped: dict[str, int], what: str) -> None:
    skipped[what] = skipped.get(what, 0) + 1


def _ann_lines(ann: Path) -> list[str]:
    """The lines of an .ann file (none when it is absent); UTF-8 or one sentence naming the line."""
    if not ann.exists():
        return []
    data = ann.read_bytes()
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(ann, "is not UTF-8 text (brat writes .ann files in UTF-8)", line) from None
    return re.split(r"\r\n|\r|\n", content)


def _text_bound(ident: str, body: str, shown: str, raw: str, labels: dict[str, str],
                n: int) -> Span | None:  # fmt: skip
    """A T line as a span on the raw text, its text column checked against the .txt; None for
    pieces with text between them, which one span cannot hold."""
    kind, _, where = body.partition(" ")
    label = labels.get(kind.lower())
    if label is None:
        raise BadValueError("label {kind!r} is not in the schema", kind=kind)
    pieces: list[tuple[int, int]] = []
    for part in where.split(";"):
        numbers = part.split()
        if len(numbers) != 2 or not all(x.isascii() and x.isdigit() for x in numbers):
            raise BadValueError(
                "{ident} has offsets {where!r}; expected 'START END[;START END]'",
                ident=ident, where=where,
            )  # fmt: skip
        s, e = int(numbers[0]), int(numbers[1])
        if not 0 <= s < e <= len(raw) or (pieces and s < pieces[-1][1]):
            raise BadValueError(
                "{ident} [{start}, {end}) is outside the text (length {length})",
                ident=ident, start=s, end=e, length=len(raw),
            )  # fmt: skip
        pieces.append((s, e))
    expected = " ".join(raw[s:e] for s, e in pieces)
    if shown and _loose(shown) != _loose(expected):
        raise BadValueError(
            "{ident}'s text {shown!r} is not the text at those offsets ({expected!r}); offsets"
            " must count the characters of the .txt file as written",
            ident=ident, shown=shown, expected=expected,
        )  # fmt: skip
    if any(raw[e:s].strip() for (_s, e), (s, _e) in pairwise(pieces)):
        return None
    start, end = pieces[0][0], pieces[-1][1]
    return Span(start, end, label, raw[start:end], {}, f"s{n}")


def _loose(text: str) -> str:
    """Text compared as stored, with runs of white space as one space (line breaks in a column)."""
    return " ".join(prepare_text(text).split())
