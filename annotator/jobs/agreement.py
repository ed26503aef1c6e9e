"""Agreement over a project: read the finished layers in one stream and compute the report."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from annotator import __version__
from annotator.agreement.paper import FORMATS
from annotator.agreement.parts import DocInput
from annotator.agreement.records import AgreementReport
from annotator.agreement.report import agreement_report, worst_documents
from annotator.errors import AnnotatorError, TargetError, UsageError
from annotator.jobs.export_target import Lease, Target, check_existing, plan_target, write_failure
from annotator.model.document import Status
from annotator.model.layers import LayerKind
from annotator.store import Project

WORST = 10  # documents whose disagreeing spans the report lists


def project_agreement(
    store: Project,
    annotators: list[str] | None = None,
    labels: list[str] | None = None,
    progress: Callable[[int], None] | None = None,
    *,
    bootstrap: int = 0,
    seed: int = 0,
) -> AgreementReport:
    """The agreement report of ``annotators`` (default: everyone who finished a document)."""
    known = store.annotators(finished=True, kinds=[LayerKind.ANNOTATOR])
    chosen = annotators or known
    if not chosen:
        raise AnnotatorError(
            "no annotator has finished a document in {path} yet; agreement counts documents"
            " marked done (Ctrl+D in the window)",
            path=str(store.path),
        )
    repeated = sorted({a for a in chosen if chosen.count(a) > 1})
    if repeated:
        raise UsageError("--annotators names {name!r} twice", name=repeated[0])
    missing = [a for a in chosen if a not in store.annotators()]
    if missing:
        raise UsageError(
            "{path} has no annotator {name!r} (annotators: {known})"
            if known
            else "{path} has no annotator {name!r} (annotators: none yet)",
            path=str(store.path), name=missing[0], known=", ".join(known),
        )  # fmt: skip
    for label in labels or []:
        if not store.schema.has_label(label):
            raise UsageError(
                "unknown label {label!r} (the schema has {labels})",
                label=label, labels=", ".join(store.schema.label_ids),
            )  # fmt: skip

    def docs() -> Iterator[DocInput]:
        for n, (doc, layers) in enumerate(store.stream_layers(chosen, done_only=True), 1):
            if progress is not None:
                progress(n)
            if layers:
                yield DocInput(doc.ext_id, doc.text, layers)

    report = agreement_report(docs(), chosen, labels, bootstrap=bootstrap, seed=seed)
    worst = [d.id for d in report.per_document if d.disagreements][:WORST]
    found = worst_documents((_finished(store, ext_id, chosen) for ext_id in worst), chosen, labels)
    return replace(report, project=str(store.path),
                   disagreement=replace(report.disagreement, worst_documents=found))  # fmt: skip


def _finished(store: Project, ext_id: str, annotators: list[str]) -> DocInput:
    """A document with the layers of ``annotators`` marked done."""
    doc = store.find_document(ext_id)
    layers = {a: store.layer(doc.id, a) for a in annotators}
    return DocInput(
        ext_id, doc.text, {a: la for a, la in layers.items() if la.status == Status.DONE}
    )


def report_target(store: Project, out: Path, force: bool) -> Target:
    """Where a report goes (its manifest is ``OUT.manifest.json``, so report.html and report.md
    can sit side by side); refuse what may not be written, before any figure is computed."""
    if out.suffix.lower() not in FORMATS:
        raise UsageError(
            "{out}: a report is .html, .md or .tex (the name's ending chooses the format)",
            out=str(out),
        )
    try:
        target = replace(
            plan_target(out, False, {None: out}, store.path, "report"),
            manifest=out.with_name(f"{out.name}.manifest.json"),
        )
        if target.manifest.resolve() == store.path.resolve():
            raise TargetError(
                "{path} is the project file; choose another --report", path=str(target.manifest)
            )
        check_existing(target, force)
    except TargetError as exc:
        raise TargetError(_as_report(exc.message)) from None
    return target


def write_report(
    store: Project, report: AgreementReport, out: Path, *, force: bool = False
) -> Path:
    """Write the report for a paper or the team at ``out`` (.html, .md or .tex) with a manifest
    beside it; an existing path is refused unless ``force`` and an earlier report of ours wrote it.
    Returns the manifest's path."""
    target = report_target(store, out, force)  # refuses other endings
    render = FORMATS[out.suffix.lower()]
    try:
        with Lease(target) as lease:
            replaced = check_existing(target, force)
            lease.temp("data").write_text(render(report), "utf-8")
            manifest = {
                "program": f"annotator {__version__}",
                "format": f"agreement report ({out.suffix.lower().lstrip('.')})",
                "project": str(store.path),
                "annotators": list(report.annotators),
                "documents": report.documents,
                "bootstrap": report.to_json().get("bootstrap"),
                "written": [out.name],
            }
            lease.manifest_temp().write_text(
                json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", "utf-8"
            )
            lease.commit(replaced)
    except TargetError as exc:
        raise TargetError(_as_report(exc.message)) from None
    except OSError as exc:  # a folder that cannot be written, a full disk
        raise AnnotatorError(
            "cannot write the report at {out}: {why}", out=str(out), why=write_failure(exc, out)
        ) from None
    return target.manifest


def _as_report(message: str) -> str:
    """An output path's refusal, in the words of a report (the checks are the exports')."""
    return message.replace("--out", "--report").replace("an earlier export", "an earlier report")
