"""Export a project's annotations: choose the layer, stream documents, split, write, report.

Everything is written under temporary names and renamed at the end, so a failed or cancelled
export never leaves a half-written dataset. A manifest.json beside the output says what is in it
and every span that had to be widened or dropped.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError
from annotator.export.base import Writer
from annotator.export.majority import majority_layer
from annotator.export.manifest import Manifest
from annotator.export.split import SPLIT_NAMES, parse_split, split_of
from annotator.model.document import Document, Layer
from annotator.store import Project

FORMATS = ("jsonl", "doccano", "hf-bio", "conll", "brat", "spacy")
RESERVED = ("gold", "suggestions")


def writer_class(fmt: str) -> type[Writer]:
    """The writer of a format (imported lazily: spaCy is optional)."""
    if fmt == "jsonl":
        from annotator.export.jsonl import JsonlWriter

        return JsonlWriter
    if fmt == "doccano":
        from annotator.export.doccano import DoccanoWriter

        return DoccanoWriter
    if fmt == "hf-bio":
        from annotator.export.tokenformats import HfBioWriter

        return HfBioWriter
    if fmt == "conll":
        from annotator.export.tokenformats import ConllWriter

        return ConllWriter
    if fmt == "brat":
        from annotator.export.brat import BratWriter

        return BratWriter
    if fmt == "spacy":
        from annotator.export.spacy_docbin import SpacyWriter

        return SpacyWriter
    raise AnnotatorError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")


def choose_layer(store: Project, annotator: str | None, layer: str | None) -> str:
    """The layer to export from --annotator / --layer, or a sentence saying what to give."""
    if annotator and layer:
        raise AnnotatorError("give either --annotator or --layer, not both")
    if layer:
        return layer
    names = [n for n in store.annotators() if n not in RESERVED]
    if annotator:
        if annotator not in store.annotators():
            known = ", ".join(names) or "none yet"
            raise AnnotatorError(
                f"{store.path} has no annotator {annotator!r} (annotators: {known})"
            )
        return annotator
    if len(names) == 1:
        return names[0]
    raise AnnotatorError(
        f"{store.path} has {len(names)} annotators; choose one with --annotator NAME "
        "or use --layer gold, majority or all"
    )


def _stream(store: Project, chosen: str, done_only: bool) -> Iterator[tuple[Document, list[Layer]]]:
    """Each document with the layers to export, read in a few streaming queries."""
    if chosen in ("majority", "all"):
        for doc, layers in store.stream_layers(None, done_only=done_only or chosen == "majority"):
            mine = [
                la
                for name, la in layers.items()
                if name not in RESERVED or (name == "gold" and chosen == "all")
            ]
            if chosen == "majority":
                maj = majority_layer(mine)
                yield doc, [maj] if maj is not None and maj.spans else []
            else:
                yield doc, [la for la in mine if la.spans or la.status != "todo"]
        return
    for doc, layers in store.stream_layers([chosen], done_only=done_only):
        layer = layers.get(chosen)
        yield doc, [layer] if layer is not None and (layer.spans or layer.status != "todo") else []


def _keep_labels(layer: Layer, labels: set[str]) -> Layer:
    spans = [s for s in layer.spans if s.label in labels]
    kept = {s.sid for s in spans}
    rels = [r for r in layer.relations if str(r.head) in kept and str(r.child) in kept]
    return Layer(layer.annotator, layer.status, spans, rels)


def _target(out: Path, part: str | None, writer: type[Writer]) -> Path:
    if part is None:
        return out
    if writer.folder:
        return out / part
    suffix = out.suffix
    stem = out.name[: -len(suffix)] if suffix else out.name
    return out.with_name(f"{stem}.{part}{suffix or writer.suffix}")


def export_dataset(
    store: Project,
    fmt: str,
    out: Path,
    annotator: str | None = None,
    layer: str | None = None,
    status: str = "any",
    progress: Callable[[int], None] | None = None,
    *,
    split: str | None = None,
    seed: int = 0,
    labels: list[str] | None = None,
    tokens: bool = True,
) -> dict[str, Any]:
    """Write the dataset at ``out`` (files, or a folder for brat); return the manifest.

    ``tokens`` (jsonl only): include the token list and each span's token range.
    """
    cls = writer_class(fmt)
    chosen = choose_layer(store, annotator, layer)
    if chosen == "all" and not cls.multi_layer:
        raise AnnotatorError(
            f"the {fmt} format holds one layer; choose --annotator NAME, --layer gold or --layer majority"
        )
    unknown = [lab for lab in labels or [] if not store.schema.has_label(lab)]
    if unknown:
        raise AnnotatorError(
            f"unknown label {unknown[0]!r} (the schema has {', '.join(store.schema.label_ids)})"
        )
    parts = parse_split(split) if split else None
    filters: dict[str, Any] = {"status": status, "labels": labels or "all"}
    if fmt == "jsonl":
        filters["tokens"] = tokens
    manifest = Manifest(fmt, store.schema.name, chosen, filters)
    if parts:
        manifest.split = {"percentages": dict(zip(SPLIT_NAMES, parts, strict=False)), "seed": seed,
                          "rule": "sha256(seed, document id)", "documents": {}}  # fmt: skip
    names = list(SPLIT_NAMES[: len(parts)]) if parts else [None]
    targets = {name: _target(out, name, cls) for name in names}
    temps = {name: t.with_name(f".{t.name}.partial") for name, t in targets.items()}
    for path in [*targets.values(), *temps.values()]:
        path.parent.mkdir(parents=True, exist_ok=True)
    writers: dict[str | None, Writer] = {}
    try:
        for name in names:
            if temps[name].exists():
                _remove(temps[name])
            writers[name] = cls(temps[name], store.schema, manifest)
        for n, (doc, layers) in enumerate(_stream(store, chosen, status == "done"), 1):
            if progress is not None:
                progress(n)
            if labels:
                layers = [_keep_labels(la, set(labels)) for la in layers]
            if not layers:
                continue
            part = split_of(doc.ext_id, seed, parts) if parts else None
            writers[part].write(doc, layers)
            manifest.documents += 1
            if parts:
                counts = manifest.split["documents"]
                counts[part] = counts.get(part, 0) + 1
            for la in layers:
                manifest.spans += len(la.spans)
                manifest.relations += len(la.relations)
                manifest.by_label.update(s.label for s in la.spans)
        for w in writers.values():
            w.close()
        for name in names:
            if targets[name].exists():
                _remove(targets[name])
            os.replace(temps[name], targets[name])
    except BaseException:
        for path in temps.values():
            _remove(path)
        raise
    data = manifest.as_dict()
    data["files"] = [str(t) for t in targets.values()]
    where = out if cls.folder else out.parent
    (where / "manifest.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    return data


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
