"""The manifest: what an export contains and everything it had to change or could not carry.

Written beside the data (``data.manifest.json``) or inside a folder (``manifest.json``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from annotator import __version__


@dataclass
class Manifest:
    """Counts and settings of one export."""

    format: str
    schema: str
    layer: str
    filters: dict[str, Any]
    documents: int = 0
    spans: int = 0
    relations: int = 0
    by_label: Counter[str] = field(default_factory=Counter)
    widened: list[dict[str, Any]] = field(default_factory=list)
    dropped: list[dict[str, Any]] = field(default_factory=list)
    cut: list[dict[str, Any]] = field(default_factory=list)  # kept in pieces (paragraph rows)
    # annotated documents the layer has nothing for (no majority), with the reason
    left_out_documents: list[dict[str, Any]] = field(default_factory=list)
    split: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    # what the format has no place for: attribute values by span label, relations by label
    lost_attributes: Counter[str] = field(default_factory=Counter)
    lost_relations: Counter[str] = field(default_factory=Counter)
    # layers whose status (not done) the format has no place for, by status: they read back done
    lost_statuses: Counter[str] = field(default_factory=Counter)
    # of lost_relations: those with one end outside --labels (the format could hold them)
    relations_outside_labels: int = 0
    # documents whose meta (source, date, ...) the format has no place for
    lost_meta: int = 0
    # spans and relations written under ids of the format's own (brat's T1, R1): their project ids
    # are not in the output
    renamed_ids: Counter[str] = field(default_factory=Counter)

    def add(self, other: Manifest) -> None:
        """Count in what another writer of the same export wrote (documents after these)."""
        self.documents += other.documents
        self.spans += other.spans
        self.relations += other.relations
        self.by_label.update(other.by_label)
        self.widened += other.widened
        self.dropped += other.dropped
        self.cut += other.cut
        self.left_out_documents += other.left_out_documents
        self.lost_attributes.update(other.lost_attributes)
        self.lost_relations.update(other.lost_relations)
        self.lost_statuses.update(other.lost_statuses)
        self.relations_outside_labels += other.relations_outside_labels
        self.lost_meta += other.lost_meta
        self.renamed_ids.update(other.renamed_ids)
        if self.split:
            counts = self.split["documents"]
            for part, n in other.split.get("documents", {}).items():
                counts[part] = counts.get(part, 0) + n

    def not_exported(self) -> dict[str, int]:
        """How many attribute values, relations and layer statuses (other than done) of the
        exported layers the format could not hold; of how many documents it could not hold the
        meta; and how many span and relation ids it replaced by its own."""
        return {
            "attributes": sum(self.lost_attributes.values()),
            "relations": sum(self.lost_relations.values()),
            "statuses": sum(self.lost_statuses.values()),
            "meta": self.lost_meta,
            "span_ids": self.renamed_ids["spans"],
            "relation_ids": self.renamed_ids["relations"],
        }

    def written(self) -> tuple[int, int, Counter[str]]:
        """Spans, relations and spans per label the output holds: what the export read, less
        the spans dropped and the relations not exported (counted in their own fields)."""
        dropped = Counter(d["label"] for d in self.dropped)
        return (
            self.spans - len(self.dropped),
            self.relations - sum(self.lost_relations.values()),
            self.by_label - dropped,
        )

    def as_dict(self) -> dict[str, Any]:
        widened_by_label = Counter(w["label"] for w in self.widened)
        dropped_by_label = Counter(d["label"] for d in self.dropped)
        spans, relations, by_label = self.written()
        return {
            "format": self.format,
            "program": f"annotator {__version__}",
            "schema": self.schema,
            "layer": self.layer,
            "filters": self.filters,
            "split": self.split,
            "documents": self.documents,
            "documents_left_out": self.left_out_documents,
            "spans": spans,
            "relations": relations,
            "by_label": dict(sorted(by_label.items())),
            "not_exported": self.not_exported(),
            "relations_outside_labels": self.relations_outside_labels,
            "not_exported_by_label": {
                "attributes": dict(sorted(self.lost_attributes.items())),
                "relations": dict(sorted(self.lost_relations.items())),
                "statuses": dict(sorted(self.lost_statuses.items())),  # by status
            },
            "widened_by_label": dict(sorted(widened_by_label.items())),
            "dropped_by_label": dict(sorted(dropped_by_label.items())),
            "widened": self.widened,
            "dropped": self.dropped,
            "cut_by_label": dict(sorted(Counter(c["label"] for c in self.cut).items())),
            "cut": self.cut,
            **self.extra,
        }
