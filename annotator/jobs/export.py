"""Export a project's annotations: choose the layer, stream documents, split, write, report.

Everything is written under hidden names and renamed at the end, so a failed, cancelled or
killed export never leaves a half-written dataset, and nothing of the user's is replaced
(export_target.py). A manifest named after the output says what is in it and every span that had
to be widened or dropped.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError, Told, UsageError
from annotator.export.base import Writer
from annotator.export.formats import ExportFormat, export_format
from annotator.export.manifest import Manifest
from annotator.export.options import ExportOptions
from annotator.export.spacy_docbin import NOT_IN_ENTS
from annotator.export.split import SPLIT_NAMES, parse_split
from annotator.jobs.export_parallel import workers_for, write_in_parallel
from annotator.jobs.export_stream import Plan, write_documents
from annotator.jobs.export_target import Lease, check_existing, plan_target, write_failure
from annotator.model.document import Status
from annotator.model.layers import ALL_LAYERS, LayerKind
from annotator.store import Project
from annotator.text.plural import form, plural

__all__ = ["choose_layer", "export_dataset", "export_summary"]


def choose_layer(store: Project, annotator: str | None, layer: str | None) -> str:
    """The layer to export from --annotator / --layer, or a sentence saying what to give."""
    if annotator and layer:
        raise UsageError("give either --annotator or --layer, not both")
    if layer:
        return layer
    names = store.annotators(kinds=[LayerKind.ANNOTATOR])
    if annotator:
        if annotator not in store.annotators():
            raise UsageError(
                "{path} has no annotator {name!r} (annotators: {known})"
                if names
                else "{path} has no annotator {name!r} (annotators: none yet)",
                path=str(store.path), name=annotator, known=", ".join(names),
            )  # fmt: skip
        if store.layer_kinds().get(annotator) == LayerKind.SUGGESTIONS:
            raise UsageError(
                "{name!r} holds the machine suggestions, which are never exported unless"
                " accepted: accept them in the window (Enter on one, or the Suggestions menu for"
                " a whole label) and export the annotator's layer that took them",
                name=annotator,
            )
        return annotator
    if len(names) == 1:
        return names[0]
    if not names:
        raise UsageError(
            "{path} has no annotations yet: annotate in the window (annotator gui {path}) before"
            " exporting",
            path=str(store.path),
        )
    raise UsageError(
        Told(
            "{path} has %n annotators; choose one with --annotator NAME or use --layer gold,"
            " majority or all",
            {"path": str(store.path)},
            count=len(names),
        )
    )


def _target(out: Path, part: str | None, fmt: ExportFormat) -> Path:
    if fmt.folder and fmt.suffix:  # a folder of one file per split part
        return out / f"{part or 'data'}{fmt.suffix}"
    if part is None:
        return out
    if fmt.folder:
        return out / part
    suffix = out.suffix
    stem = out.name[: -len(suffix)] if suffix else out.name
    return out.with_name(f"{stem}.{part}{suffix or fmt.suffix}")


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
    options: ExportOptions | None = None,
    parallel: bool = False,
    force: bool = False,
) -> dict[str, Any]:
    """Write the dataset at ``out`` (files, or a folder for brat); return the manifest.

    ``options`` are the writer's (each format reads the ones its registry row lists). With ``parallel``,
    large exports to line formats are shared with worker processes (see export_parallel.py) and
    the output is the same; the calling program's main module must then be import-safe (guarded
    by ``if __name__ == "__main__"``), as for any spawned process.
    """
    form = export_format(fmt)
    options = replace(options or ExportOptions(), labels=tuple(labels or ()))
    form.check_options(options)
    form.check_available()
    out = Path(os.path.abspath(out))  # "." and ".." named as the folders they are
    chosen = choose_layer(store, annotator, layer)
    if chosen == ALL_LAYERS and not form.multi_layer:
        raise UsageError(
            "the {format} format holds one layer; choose --annotator NAME, --layer gold or --layer"
            " majority",
            format=fmt,
        )
    unknown = [lab for lab in labels or [] if not store.schema.has_label(lab)]
    if unknown:
        raise UsageError(
            "unknown label {label!r} (the schema has {labels})",
            label=unknown[0], labels=", ".join(store.schema.label_ids),
        )  # fmt: skip
    parts = parse_split(split) if split else None
    filters: dict[str, Any] = {"status": status, "labels": labels or "all"}
    filters.update({name: getattr(options, name) for name in form.options})
    manifest = Manifest(fmt, store.schema.name, chosen, filters)
    manifest.extra["offsets"] = form.offsets
    if parts:
        manifest.split = {"percentages": dict(zip(SPLIT_NAMES, parts, strict=False)), "seed": seed,
                          "rule": "sha256(seed, document id)", "documents": {}}  # fmt: skip
    plan = Plan(fmt, chosen, status == Status.DONE, frozenset(labels) if labels else None, parts, seed,
                filters, options)  # fmt: skip
    names: list[str | None] = list(SPLIT_NAMES[: len(parts)]) if parts else [None]
    finals = {name: _target(out, name, form) for name in names}
    target = plan_target(out, form.folder, finals, store.path, fmt)
    try:
        with Lease(target) as lease:
            replaced = check_existing(target, force)
            temps = lease.temps(finals)
            _write(store, plan, form, manifest, temps, progress, parallel)
            for part in _empty_parts(manifest, names):  # nothing to load: no file
                lease.drop(part)
                del finals[part]
            if form.agreement:
                manifest.extra["agreement"] = agreement_figures(store)
            if form.folder:
                finals = form.writer_class().finish(lease.temp("folder"), finals, options, manifest)
            data = manifest.as_dict()
            data["files"] = [str(t) for t in finals.values()]
            base = out if form.folder else target.manifest.parent
            data["written"] = _written(form, finals, base, lease)
            lease.manifest_temp().write_text(
                json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8"
            )
            lease.commit(replaced)
    except OSError as exc:  # a folder that cannot be written, a full disk
        raise AnnotatorError(
            "cannot write the export at {out}: {why}", out=str(out), why=write_failure(exc, out)
        ) from None
    data["manifest"] = str(target.manifest)
    return data


def agreement_figures(store: Project) -> dict[str, Any] | None:
    """The headline agreement of the annotators who finished documents, for a dataset card;
    None when fewer than two did."""
    from annotator.jobs.agreement import project_agreement

    if len(store.annotators(finished=True, kinds=[LayerKind.ANNOTATOR])) < 2:
        return None
    report = project_agreement(store)
    # a pair with no document both finished has no F1 (None): the mean is over those that have one
    f1s = [p.strict.f1 for p in report.span.pairs if p.strict.f1 is not None]
    return {
        "annotators": list(report.annotators),
        "documents": report.token.documents,  # finished by two or more: what the figures rest on
        "documents_finished_by_all": report.unitizing.documents,  # alpha_u's
        "token_krippendorff_alpha": report.token.krippendorff_alpha.value,
        "unitizing_alpha_u": report.unitizing.alpha_u.value,
        "span_exact_f1_mean": sum(f1s) / len(f1s) if f1s else None,
    }


def _empty_parts(manifest: Manifest, names: list[str | None]) -> list[str]:
    """The split parts no document went to; the manifest lists them under split.empty."""
    if not manifest.split:
        return []
    counts = manifest.split["documents"]
    empty = [name for name in names if name is not None and not counts.get(name)]
    manifest.split["empty"] = empty
    return empty


LEFT_OUT_NAMED = 5  # documents the summary names; the manifest lists every one


def export_summary(manifest: dict[str, Any]) -> str:
    """The summary the command prints: what was written and, in the manifest's numbers, every
    span widened or left out and everything the format had no place for."""
    lost = manifest["not_exported"]
    lines = [
        f"Wrote {plural(manifest['documents'], 'document')}, {plural(manifest['spans'], 'span')} and "
        f"{plural(manifest['relations'], 'relation')}: {', '.join(manifest['files'])}."
    ]
    outside = manifest["relations_outside_labels"]
    if lost["attributes"] or lost["relations"] > outside or lost["statuses"]:
        statuses = manifest["not_exported_by_label"]["statuses"]
        lines.append(
            f"Not exported (the {manifest['format']} format has no place for them): "
            f"{plural(lost['attributes'], 'attribute value')}, {plural(lost['relations'] - outside, 'relation')}"
            + (
                f", {plural(lost['statuses'], 'layer status', 'layer statuses')} other than done ("
                + ", ".join(f"{s} {n}" for s, n in statuses.items())
                + "; imported back they read done)"
                if lost["statuses"]
                else ""
            )
            + "."
        )
    if outside:
        lines.append(f"Not exported: {plural(outside, 'relation')} with an end outside --labels.")
    if lost["meta"]:
        lines.append(
            f"Not exported: the meta (source, date, ...) of {plural(lost['meta'], 'document')}; "
            f"the {manifest['format']} format has no place for it."
        )
    if lost["span_ids"] or lost["relation_ids"]:
        lines.append(
            f"Renamed: {plural(lost['span_ids'], 'span id')} and "
            f"{plural(lost['relation_ids'], 'relation id')}; the {manifest['format']} format "
            "numbers its own (offsets and labels are as in the project)."
        )
    left_out = manifest["documents_left_out"]
    if left_out:
        named = ", ".join(d["document"] for d in left_out[:LEFT_OUT_NAMED])
        more = (
            f" and {len(left_out) - LEFT_OUT_NAMED} more" if len(left_out) > LEFT_OUT_NAMED else ""
        )
        lines.append(
            f"Left out: {plural(len(left_out), 'annotated document')} without a majority "
            f"({named}{more}): a majority needs two finished annotators and a span more than "
            "half of them marked; the manifest gives each one's reason."
        )
    if manifest["widened"] or manifest["dropped"] or manifest["cut"]:
        lines.append(
            f"{plural(len(manifest['widened']), 'span')} widened to whole tokens, "
            f"{len(manifest['cut'])} cut in pieces or trimmed, {len(manifest['dropped'])} left out."
        )
    if manifest.get("not_in_ents"):
        lines.append(
            f"{plural(manifest['not_in_ents'], 'overlapping span')} kept in doc.spans but not in doc.ents."
        )
    if manifest.get("spacy", {}).get("dev_is_train"):
        lines.append(
            "config.cfg evaluates on the training data (no --split): give --split 80,10,10 "
            "to hold documents out for spacy train."
        )
    if "labels_not_in_ner" in manifest:  # the ner pipeline learns from doc.ents alone
        lines.append(_ner_sentence(manifest))
    for part in manifest["split"].get("empty", []):
        lines.append(f"The {part} split has no document: no file was written for it.")
    lines.append(f"Details per label: {manifest['manifest']}.")
    return "\n".join(lines)


def _ner_sentence(manifest: dict[str, Any]) -> str:
    """What NER will not learn from: spans left out of doc.ents, by label, and labels it never sees."""
    left = Counter(d["label"] for d in manifest["dropped"] if d["reason"] == NOT_IN_ENTS)
    by_label = ", ".join(f"{label} {n}" for label, n in sorted(left.items()))
    sentence = (
        f"NER trains on doc.ents, which cannot overlap: {plural(sum(left.values()), 'span')} left out of "
        f"them{f' ({by_label})' if by_label else ''}"
    )
    missing = manifest["labels_not_in_ner"]
    if missing:
        sentence += f"; NER never sees the {form(len(missing), 'label')} {', '.join(missing)}"
    return sentence + "."


def _written(
    fmt: ExportFormat, finals: dict[str | None, Path], base: Path, lease: Lease
) -> list[str]:
    """What the export wrote, relative to its manifest's folder: what --force may replace later."""
    if fmt.folder:
        root = lease.temp("folder")
        return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    return [f.relative_to(base).as_posix() for f in finals.values()]


def _write(
    store: Project,
    plan: Plan,
    fmt: ExportFormat,
    manifest: Manifest,
    temps: dict[str | None, Path],
    progress: Callable[[int], None] | None,
    parallel: bool,
) -> None:
    """Write every part under its hidden name (the lease removes them if anything fails)."""
    writers: dict[str | None, Writer] = {}
    cls = fmt.writer_class()
    try:
        for name in temps:
            writers[name] = cls(temps[name], store.schema, manifest, plan.options, plan.chosen)
        workers = workers_for(store) if parallel and fmt.joinable else 0
        if workers:
            write_in_parallel(store, plan, writers, manifest, temps, progress, workers)
        else:
            write_documents(store, plan, writers, manifest, progress=progress)
        for w in writers.values():
            w.close()
    except BaseException:
        for w in writers.values():
            w.abandon()
        raise
