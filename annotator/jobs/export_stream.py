"""Reading the documents an export plan selects and handing them to the format's writers.

Shared by the export job and its worker processes: the same code writes every document, whichever
process it runs in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from annotator.export.base import Writer
from annotator.export.formats import export_format
from annotator.export.majority import majority_layer
from annotator.export.manifest import Manifest
from annotator.export.options import ExportOptions
from annotator.export.split import split_of
from annotator.model.document import Document, Layer, Status
from annotator.model.layers import (
    ALL_LAYERS,
    HUMAN,
    MAJORITY_LAYER,
    SUGGESTIONS_LAYER,
    VIEWS,
    LayerKind,
)
from annotator.store import Project


@dataclass(frozen=True)
class Plan:
    """What to export, as plain values a worker process can receive."""

    fmt: str
    chosen: str
    done_only: bool
    labels: frozenset[str] | None
    parts: tuple[int, ...] | None
    seed: int
    filters: dict[str, Any]  # as the manifest records them
    options: ExportOptions  # what the writers read


def write_documents(
    store: Project,
    plan: Plan,
    writers: dict[str | None, Writer],
    manifest: Manifest,
    ids: tuple[int, int] | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the planned documents (those with row ids in ``ids``, or all) and count them in the
    manifest; ``progress`` is told each document read. Returns how many documents were read."""
    fmt = export_format(plan.fmt)
    n = 0
    stream = _stream(store, plan.chosen, plan.done_only, ids, manifest)
    if fmt.suggestions:
        stream = _with_suggestions(store, stream)
    for n, (doc, layers) in enumerate(stream, 1):
        if progress is not None:
            progress(n)
        if plan.labels:
            layers = [_keep_labels(la, plan.labels, manifest) for la in layers]
        if not layers:
            continue
        part = split_of(doc.ext_id, plan.seed, plan.parts) if plan.parts else None
        writers[part].write(doc, layers)
        manifest.documents += 1
        if not fmt.meta and doc.meta:
            manifest.lost_meta += 1
        if plan.parts:
            counts = manifest.split["documents"]
            counts[part] = counts.get(part, 0) + 1
        for la in layers:
            if fmt.suggestions and la.annotator == SUGGESTIONS_LAYER:
                manifest.extra["predicted_spans"] = manifest.extra.get("predicted_spans", 0) + len(
                    la.spans
                )
                continue
            manifest.spans += len(la.spans)
            manifest.relations += len(la.relations)
            manifest.by_label.update(s.label for s in la.spans)
            if not fmt.attributes:
                manifest.lost_attributes.update(s.label for s in la.spans for _ in s.attributes)
            if not fmt.relations:
                manifest.lost_relations.update(r.label for r in la.relations)
            if not fmt.status and la.status != Status.DONE:
                manifest.lost_statuses[la.status] += 1
    return n


def _stream(
    store: Project, chosen: str, done_only: bool, ids: tuple[int, int] | None, manifest: Manifest
) -> Iterator[tuple[Document, list[Layer]]]:
    """Each document with the layers to export, read in a few streaming queries; a document
    annotated but without a majority is listed in the manifest with the reason."""
    if chosen in VIEWS:
        # the majority reads every layer: those not finished count for the reason only
        all_done = done_only and chosen == ALL_LAYERS
        kinds = store.layer_kinds()
        wanted = HUMAN if chosen == ALL_LAYERS else (LayerKind.ANNOTATOR,)
        for doc, layers in store.stream_layers(None, done_only=all_done, ids=ids):
            mine = [la for name, la in layers.items() if kinds.get(name) in wanted]
            if chosen == MAJORITY_LAYER:
                maj = majority_layer(mine)
                if maj.layer is None and mine:
                    manifest.left_out_documents.append({"document": doc.ext_id,
                                                        "reason": maj.reason})  # fmt: skip
                yield doc, [maj.layer] if maj.layer is not None else []
            else:
                yield doc, [la for la in mine if la.spans or la.status != Status.TODO]
        return
    for doc, layers in store.stream_layers([chosen], done_only=done_only, ids=ids):
        layer = layers.get(chosen)
        yield (
            doc,
            [layer] if layer is not None and (layer.spans or layer.status != Status.TODO) else [],
        )


def _with_suggestions(
    store: Project, stream: Iterator[tuple[Document, list[Layer]]]
) -> Iterator[tuple[Document, list[Layer]]]:
    """The same documents, each with its suggestions layer (when it has spans) added last."""
    for doc, layers in stream:
        if layers:
            machine = store.layer(doc.id, SUGGESTIONS_LAYER)
            if machine.spans and all(la.annotator != SUGGESTIONS_LAYER for la in layers):
                layers = [*layers, machine]
        yield doc, layers


def _keep_labels(layer: Layer, labels: frozenset[str], manifest: Manifest) -> Layer:
    """The layer's spans of ``labels``; a relation between a kept span and one of another label
    is counted as not exported (its spans are outside the export, so it is not)."""
    spans = [s for s in layer.spans if s.label in labels]
    kept = {s.sid for s in spans}
    rels = [r for r in layer.relations if str(r.head) in kept and str(r.child) in kept]
    halves = [
        r
        for r in layer.relations
        if r not in rels and (str(r.head) in kept or str(r.child) in kept)
    ]
    if halves and layer.annotator != SUGGESTIONS_LAYER:
        manifest.relations += len(halves)
        manifest.lost_relations.update(r.label for r in halves)
        manifest.relations_outside_labels += len(halves)
    return Layer(layer.annotator, layer.status, spans, rels)
