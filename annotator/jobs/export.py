"""Export a project's annotations: choose the layer, stream documents, write data and manifest.

Writes to a temporary file beside the target and renames it at the end, so a failed or cancelled
export never leaves a half-written dataset.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError
from annotator.export.jsonl import check_spans, document_record
from annotator.export.manifest import Manifest
from annotator.store import Project

FORMATS = ("jsonl", "doccano", "hf-bio", "conll", "brat", "spacy")


def choose_layer(store: Project, annotator: str | None, layer: str | None) -> str:
    """The layer to export from --annotator / --layer, or a sentence saying what to give."""
    if annotator and layer:
        raise AnnotatorError("give either --annotator or --layer, not both")
    if layer == "majority":
        raise AnnotatorError(
            "the majority layer is not available yet; use --annotator or --layer all"
        )
    if layer:
        return layer
    names = [n for n in store.annotators() if n != "suggestions"]
    if annotator:
        if annotator not in names:
            known = ", ".join(names) or "none yet"
            raise AnnotatorError(
                f"{store.path} has no annotator {annotator!r} (annotators: {known})"
            )
        return annotator
    if len(names) == 1:
        return names[0]
    raise AnnotatorError(
        f"{store.path} has {len(names)} annotators; choose one with --annotator NAME or use --layer all"
    )


def export_dataset(
    store: Project,
    fmt: str,
    out: Path,
    annotator: str | None,
    layer: str | None,
    status: str,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Write ``out`` (and manifest.json beside it); return the manifest."""
    if fmt != "jsonl":
        raise AnnotatorError(f"the {fmt} export is not available yet; use --format jsonl")
    chosen = choose_layer(store, annotator, layer)
    multi = chosen == "all"
    manifest = Manifest(fmt, store.schema.name, chosen, {"status": status})
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.partial")
    try:
        with tmp.open("w", encoding="utf-8", newline="\n") as fh:
            for n, doc in enumerate(store.documents(), 1):
                if progress is not None:
                    progress(n)
                layers = store.export_layers(doc.id, chosen, done_only=status == "done")
                if not layers:
                    continue
                check_spans(doc, layers)
                fh.write(json.dumps(document_record(doc, layers, multi=multi), ensure_ascii=False))
                fh.write("\n")
                manifest.documents += 1
                for la in layers:
                    manifest.spans += len(la.spans)
                    manifest.relations += len(la.relations)
                    manifest.by_label.update(s.label for s in la.spans)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    data = manifest.as_dict()
    (out.parent / "manifest.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return data
