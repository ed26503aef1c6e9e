"""Agreement over a project: read the finished layers in one stream and compute the report."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from annotator.agreement.report import DocInput, agreement_report, worst_documents
from annotator.errors import AnnotatorError
from annotator.model.document import Status
from annotator.store import Project

NOT_ANNOTATORS = ("gold", "suggestions")
WORST = 10  # documents whose disagreeing spans the report lists


def project_agreement(
    store: Project,
    annotators: list[str] | None = None,
    labels: list[str] | None = None,
    progress: Callable[[int], None] | None = None,
    *,
    bootstrap: int = 0,
    seed: int = 0,
) -> dict[str, Any]:
    """The agreement report of ``annotators`` (default: everyone who finished a document)."""
    known = [a for a in store.annotators(finished=True) if a not in NOT_ANNOTATORS]
    chosen = annotators or known
    if not chosen:
        raise AnnotatorError(
            f"no annotator has finished a document in {store.path} yet; "
            "agreement counts documents marked done (Ctrl+D in the window)"
        )
    missing = [a for a in chosen if a not in store.annotators()]
    if missing:
        raise AnnotatorError(
            f"{store.path} has no annotator {missing[0]!r} (annotators: {', '.join(known) or 'none yet'})"
        )
    for label in labels or []:
        if not store.schema.has_label(label):
            raise AnnotatorError(
                f"unknown label {label!r} (the schema has {', '.join(store.schema.label_ids)})"
            )

    def docs() -> Iterator[DocInput]:
        for n, (doc, layers) in enumerate(store.stream_layers(chosen, done_only=True), 1):
            if progress is not None:
                progress(n)
            if layers:
                yield DocInput(doc.ext_id, doc.text, layers)

    report = agreement_report(docs(), chosen, labels, bootstrap=bootstrap, seed=seed)
    report["project"] = str(store.path)
    worst = [d["id"] for d in report["per_document"] if d["disagreements"]][:WORST]
    report["disagreement"]["worst_documents"] = worst_documents(
        (_finished(store, ext_id, chosen) for ext_id in worst), chosen, labels
    )
    return report


def _finished(store: Project, ext_id: str, annotators: list[str]) -> DocInput:
    """A document with the layers of ``annotators`` marked done."""
    doc = store.find_document(ext_id)
    layers = {a: store.layer(doc.id, a) for a in annotators}
    return DocInput(
        ext_id, doc.text, {a: la for a, la in layers.items() if la.status == Status.DONE}
    )
