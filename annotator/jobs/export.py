"""Export a project's annotations: choose the layer, stream documents, split, write, report.

Everything is written under temporary names and renamed at the end, so a failed or cancelled
export never leaves a half-written dataset. A manifest.json beside the output says what is in it
and every span that had to be widened or dropped.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError
from annotator.export.base import Writer
from annotator.export.manifest import Manifest
from annotator.export.split import SPLIT_NAMES, parse_split
from annotator.jobs.export_parallel import workers_for, write_in_parallel
from annotator.jobs.export_stream import FORMATS, RESERVED, Plan, write_documents, writer_class
from annotator.store import Project

__all__ = ["FORMATS", "choose_layer", "export_dataset", "writer_class"]


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
    if not names:
        raise AnnotatorError(
            f"{store.path} has no annotations yet: annotate in the window "
            f"(annotator gui {store.path}) before exporting"
        )
    raise AnnotatorError(
        f"{store.path} has {len(names)} annotators; choose one with --annotator NAME "
        "or use --layer gold, majority or all"
    )


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
    parallel: bool = False,
) -> dict[str, Any]:
    """Write the dataset at ``out`` (files, or a folder for brat); return the manifest.

    ``tokens`` (jsonl only): include the token list and each span's token range. With ``parallel``,
    large exports to line formats are shared with worker processes (see export_parallel.py) and
    the output is the same; the calling program's main module must then be import-safe (guarded
    by ``if __name__ == "__main__"``), as for any spawned process.
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
    plan = Plan(fmt, chosen, status == "done", frozenset(labels) if labels else None, parts, seed,
                filters)  # fmt: skip
    names = list(SPLIT_NAMES[: len(parts)]) if parts else [None]
    targets = {name: _target(out, name, cls) for name in names}
    temps = {name: t.with_name(f".{t.name}.partial") for name, t in targets.items()}
    try:
        _write(store, plan, cls, manifest, targets, temps, progress, parallel)
    except OSError as exc:  # a folder that cannot be written, a full disk
        blocker = next((p for p in out.parents if p.exists() and not p.is_dir()), None)
        reason = f"{blocker} is a file, not a folder" if blocker else exc.strerror or str(exc)
        raise AnnotatorError(f"cannot write the export at {out}: {reason}") from None
    data = manifest.as_dict()
    data["files"] = [str(t) for t in targets.values()]
    where = out if cls.folder else out.parent
    (where / "manifest.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    return data


def _write(
    store: Project,
    plan: Plan,
    cls: type[Writer],
    manifest: Manifest,
    targets: dict[str | None, Path],
    temps: dict[str | None, Path],
    progress: Callable[[int], None] | None,
    parallel: bool,
) -> None:
    """Write every part under its temporary name, then rename them all; on any failure remove
    every temporary file and leave earlier exports as they were."""
    for path in [*targets.values(), *temps.values()]:
        path.parent.mkdir(parents=True, exist_ok=True)
    writers: dict[str | None, Writer] = {}
    try:
        for name in temps:
            if temps[name].exists():
                _remove(temps[name])
            writers[name] = cls(temps[name], store.schema, manifest)
        workers = workers_for(store) if parallel and cls.joinable else 0
        if workers:
            write_in_parallel(store, plan, writers, manifest, temps, progress, workers)
        else:
            write_documents(store, plan, writers, manifest, progress=progress)
        for w in writers.values():
            w.close()
        for name in temps:
            if targets[name].exists():
                _remove(targets[name])
            os.replace(temps[name], targets[name])
    except BaseException:
        for w in writers.values():
            w.abandon()
        for path in temps.values():
            _remove(path)
        raise


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
