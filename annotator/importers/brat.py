"""brat standoff folders: ``ID.txt`` with ``ID.ann`` (T, A and R lines); code point offsets.

A discontinuous T line (``0 5;6 10``) becomes one span from its first start to its last end, which
is how annotator's own brat export splits spans at line breaks.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.errors import InputError
from annotator.importers.common import rebase_layers, title_of
from annotator.importers.options import ImportOptions
from annotator.model.document import DocumentRecord, Layer, Relation, Span
from annotator.text.decode import decode_bytes


def read(path: Path, options: ImportOptions) -> Iterator[DocumentRecord | InputError]:
    """Yield the document of one brat .txt and its .ann (given either; no .ann: no annotations)."""
    labels = options.label_map()
    txt, ann = path.with_suffix(".txt"), path.with_suffix(".ann")
    if not txt.exists():
        raise InputError(ann, f"the text file {txt.name} is missing beside it")
    path = ann
    raw = txt.read_bytes()
    text = raw.decode("utf-8-sig") if raw.startswith(b"\xef\xbb\xbf") else decode_bytes(raw, txt)
    spans: dict[str, Span] = {}
    relations: list[Relation] = []
    attrs: list[tuple[str, str, str]] = []
    ann_lines = path.read_text("utf-8").splitlines() if path.exists() else []
    for lineno, line in enumerate(ann_lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            ident, body, *_rest = [*line.split("\t"), ""]
            if ident.startswith("T"):
                kind, _, where = body.partition(" ")
                label = labels.get(kind.lower())
                if label is None:
                    raise ValueError(f"label {kind!r} is not in the schema")
                pieces = [tuple(int(x) for x in part.split()) for part in where.split(";")]
                start, end = pieces[0][0], pieces[-1][1]
                if not 0 <= start < end <= len(text):
                    raise ValueError(f"{ident} [{start}, {end}) is outside the text")
                spans[ident] = Span(start, end, label, text[start:end], {}, f"s{len(spans) + 1}")
            elif ident.startswith("A") or ident.startswith("M"):
                name, target, *values = body.split()
                attrs.append((target, name, values[0] if values else "true"))
            elif ident.startswith("R"):
                kind, arg1, arg2 = body.split()
                head, child = spans[arg1.split(":", 1)[1]], spans[arg2.split(":", 1)[1]]
                relations.append(Relation(head.sid, child.sid, kind, f"r{len(relations) + 1}"))
        except (ValueError, KeyError, IndexError) as exc:
            what = (
                f"refers to {exc} which is not defined above"
                if isinstance(exc, KeyError)
                else str(exc)
            )
            yield InputError(path, f"not a brat line ({what})", lineno)
            return
    for target, name, value in attrs:
        if target not in spans:
            yield InputError(path, f"attribute of {target}, which is not a text-bound annotation")
            return
        spans[target] = spans[target].with_(attributes={**spans[target].attributes, name: value})
    layers = [Layer(options.annotator or "brat", "done", list(spans.values()), relations)]
    if not spans:
        layers = []
    stored = rebase_layers(text, layers, str(path), None)
    yield DocumentRecord(path.stem, title_of(stored), stored, {}, str(path), layers)
