"""WebAnno TSV 3.3 (INCEpTION): spans with features and relations, one file per document and layer.

Offsets in the file are UTF-16 units; the text is rebuilt from the ``#Text`` lines placed at their
tokens' offsets (a gap between sentences becomes line breaks), every token is checked against it,
and offsets are converted to code points. The span layer is the first ``#T_SP`` whose features
include ``label`` (else its first feature gives the label); other features become attributes. The
layer is ``--annotator``, else the file name (INCEpTION names files after the user); the document
id is the file's folder (INCEpTION's ``annotation/DOCUMENT/USER.tsv``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import InputError
from annotator.importers.common import rebase_layers, title_of
from annotator.importers.names import NameMap
from annotator.importers.options import ImportOptions
from annotator.model.document import DocumentRecord, Layer, Relation, Span
from annotator.text.offsets import OffsetConverter

_ESCAPED = re.compile(r"\\(->|.)", re.S)
_TEXT = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}
_CELL = re.compile(r"^(.*?)(?:\[(\d+)(?:_(\d+))?\])?$", re.S)
_SPLIT = re.compile(r"(?<!\\)\|")


class _Bad(Exception):
    """A problem at one line."""


def _unescape_text(s: str) -> str:
    return _ESCAPED.sub(lambda m: _TEXT.get(m.group(1), "\\" + m.group(1)), s)


def _unescape_value(s: str) -> str:
    return _ESCAPED.sub(lambda m: m.group(1), s)


@dataclass
class _Token:
    line: int
    address: str
    begin: int  # UTF-16
    end: int
    text: str
    cells: list[str]


@dataclass
class _Layout:
    span_features: list[str] = field(default_factory=list)
    span_column: int = -1  # first column of the span layer's features
    relation_column: int = -1  # the relation's label column (its BT column follows)
    columns: int = 0


WEBANNO = "#FORMAT=WebAnno TSV"  # the first line; this reader reads version 3.x


def _header(lines: list[str], source: str) -> _Layout:
    if lines and lines[0].startswith(WEBANNO) and not lines[0].startswith(WEBANNO + " 3"):
        raise InputError(
            source,
            "{version} is not read; export it as WebAnno TSV 3.3 (INCEpTION: Export, format"
            " 'WebAnno TSV v3.3')",
            1,
            version=lines[0].removeprefix("#FORMAT=").strip()[:40],
        )
    if not lines or not lines[0].startswith(WEBANNO + " 3"):
        raise InputError(
            source, "not WebAnno TSV 3 (the first line is not #FORMAT=WebAnno TSV 3.x)", 1
        )
    layout = _Layout()
    column = 0
    for lineno, line in enumerate(lines[1:], 2):
        if not line.startswith("#T_"):
            if line.strip():
                break
            continue
        kind, _eq, spec = line[1:].partition("=")
        parts = spec.split("|")
        features = parts[1:]
        if kind == "T_SP" and layout.span_column < 0:
            layout.span_features, layout.span_column = features, column
        elif kind == "T_RL" and layout.relation_column < 0:
            if len(features) < 2 or not features[-1].startswith("BT_"):
                raise InputError(source, "the relation layer has no BT_ column", lineno)
            layout.relation_column = column + len(features) - 2
        column += len(features)
    if layout.span_column < 0:
        raise InputError(source, "the file defines no span layer (#T_SP=...)")
    layout.columns = column
    return layout


def _tokens(lines: list[str], layout: _Layout) -> tuple[list[tuple[int, str]], list[_Token]]:
    sentences: list[tuple[int, str]] = []  # (index of its first token, text)
    tokens: list[_Token] = []
    pending: list[str] = []
    for lineno, line in enumerate(lines, 1):
        if line.startswith("#Text="):
            pending.append(_unescape_text(line[6:]))
            continue
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        if cols and cols[-1] == "":
            cols.pop()
        if len(cols) < 3 + layout.columns:
            raise _Bad(
                f"line {lineno}: {len(cols)} columns, the header defines {3 + layout.columns}"
            )
        m = re.fullmatch(r"(\d+)-(\d+)", cols[1])
        if m is None or int(m.group(1)) > int(m.group(2)):
            raise _Bad(f"line {lineno}: {cols[1]!r} is not BEGIN-END")
        if pending:
            sentences.append((len(tokens), "\n".join(pending)))
            pending = []
        tokens.append(_Token(lineno, cols[0], int(m.group(1)), int(m.group(2)),
                             _unescape_text(cols[2]), cols[3:]))  # fmt: skip
    return sentences, tokens


def _text(sentences: list[tuple[int, str]], tokens: list[_Token]) -> str:
    """The document text: each sentence at its first token's offset, gaps as line breaks."""
    out: list[str] = []
    units = 0
    for first, sentence in sentences:
        tok = tokens[first]
        at = sentence.find(tok.text)
        if at < 0:
            raise _Bad(f"line {tok.line}: the token {tok.text!r} is not in its sentence's #Text")
        begin = tok.begin - len(sentence[:at].encode("utf-16-le")) // 2
        if begin < units:
            raise _Bad(f"line {tok.line}: the sentence overlaps the one before it")
        out.append("\n" * (begin - units) + sentence)
        units = begin + len(sentence.encode("utf-16-le")) // 2
    return "".join(out)


def _check_covered(text: str, conv: OffsetConverter, tokens: list[_Token]) -> None:
    """Every letter of the #Text lines lies in a token: a token line missing from the table would
    shorten the spans across it without a word."""
    at, last = 0, None
    for t in tokens:
        start = conv.from_utf16(t.begin)
        if text[at:start].strip():
            raise _Bad(f"line {t.line}: the text {text[at:start].strip()[:40]!r} before this token is "
                       "in no token line (is a line missing?)")  # fmt: skip
        at, last = max(at, conv.from_utf16(t.end)), t
    if text[at:].strip():
        where = f"line {last.line}: the text" if last else "the text"
        raise _Bad(f"{where} {text[at:].strip()[:40]!r} after this token is in no token line "
                   "(is a line missing?)")  # fmt: skip


def parse(
    raw: str, options: ImportOptions, source: str, annotator: str, ext_id: str
) -> DocumentRecord:
    """One WebAnno TSV file as a document with one layer."""
    lines = raw.split("\n")
    layout = _header(lines, source)
    names = NameMap(options.schema, options.renames)
    try:
        sentences, tokens = _tokens(lines, layout)
        text = _text(sentences, tokens)
        conv = OffsetConverter(text)
        encoded = text.encode("utf-16-le")
        units = len(encoded) // 2
        for t in tokens:
            if t.end > units or encoded[2 * t.begin : 2 * t.end].decode(
                "utf-16-le", errors="replace") != t.text:  # fmt: skip
                raise _Bad(f"line {t.line}: the offsets {t.begin}-{t.end} (UTF-16) do not hold "
                           f"the token {t.text!r}")  # fmt: skip
        _check_covered(text, conv, tokens)
        spans: dict[str, Span] = {}
        by_token: dict[str, list[str]] = {}  # token address -> ids of spans on it
        features = layout.span_features
        label_at = features.index("label") if "label" in features else 0
        for t in tokens:
            start, end = conv.from_utf16(t.begin), conv.from_utf16(t.end)
            cells = [
                _SPLIT.split(c)
                for c in t.cells[layout.span_column : layout.span_column + len(features)]
            ]
            if cells[label_at] == ["_"]:
                continue
            for k, label_cell in enumerate(cells[label_at]):
                m = _CELL.match(label_cell)
                assert m is not None
                key = m.group(2) or f"{t.address}#{k}"
                old = spans.get(key)
                label = names.label(_unescape_value(m.group(1)))
                attrs = dict(old.attributes) if old else {}
                for f, (name, cell) in enumerate(zip(features, cells, strict=True)):
                    if f == label_at or k >= len(cell):
                        continue
                    value = _CELL.match(cell[k])
                    if value and value.group(1) not in ("_", "*", ""):
                        attr, val = names.attribute(label, name, _unescape_value(value.group(1)))
                        attrs[attr] = val
                s0 = min(start, old.start) if old else start
                e0 = max(end, old.end) if old else end
                spans[key] = Span(s0, e0, label, text[s0:e0], attrs, key)
                by_token.setdefault(t.address, []).append(key)
        sid = {key: f"s{i}" for i, key in enumerate(spans, 1)}
        relations: list[Relation] = []
        if layout.relation_column >= 0:
            for t in tokens:
                labels = _SPLIT.split(t.cells[layout.relation_column])
                sources = _SPLIT.split(t.cells[layout.relation_column + 1])
                if labels == ["_"]:
                    continue
                for lab, src in zip(labels, sources, strict=False):
                    m = _CELL.match(src)
                    assert m is not None
                    head_key = m.group(2) if m.group(2) and m.group(2) != "0" else None
                    child_key = m.group(3) if m.group(3) and m.group(3) != "0" else None
                    head_key = head_key or next(iter(by_token.get(m.group(1), [])), None)
                    child_key = child_key or next(iter(by_token.get(t.address, [])), None)
                    if head_key not in sid or child_key not in sid:
                        raise _Bad(f"line {t.line}: the relation points to a token with no span")
                    relations.append(Relation(sid[head_key], sid[child_key],
                                              names.relation(_unescape_value(lab)), f"r{len(relations) + 1}"))  # fmt: skip
    except _Bad as exc:
        raise InputError(source, str(exc)) from None
    layer = Layer(annotator, "done", [s.with_(sid=sid[k]) for k, s in spans.items()], relations)
    text = rebase_layers(text, [layer], source, None)
    return DocumentRecord(ext_id, title_of(text), text, {}, source, [layer])


def read(path: Path, options: ImportOptions) -> Iterator[DocumentRecord | InputError]:
    """Yield the document of one WebAnno TSV file."""
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "the file is not valid UTF-8") from None
    annotator = options.annotator or path.stem
    yield parse(raw.replace("\r\n", "\n"), options, str(path), annotator, path.parent.name)
