"""manifest.json: what an export contains and everything it had to change, beside the data."""

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
    split: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def add(self, other: Manifest) -> None:
        """Count in what another writer of the same export wrote (documents after these)."""
        self.documents += other.documents
        self.spans += other.spans
        self.relations += other.relations
        self.by_label.update(other.by_label)
        self.widened += other.widened
        self.dropped += other.dropped
        if self.split:
            counts = self.split["documents"]
            for part, n in other.split.get("documents", {}).items():
                counts[part] = counts.get(part, 0) + n

    def as_dict(self) -> dict[str, Any]:
        widened_by_label = Counter(w["label"] for w in self.widened)
        return {
            "format": self.format,
            "program": f"annotator {__version__}",
            "schema": self.schema,
            "layer": self.layer,
            "filters": self.filters,
            "split": self.split,
            "documents": self.documents,
            "spans": self.spans,
            "relations": self.relations,
            "by_label": dict(sorted(self.by_label.items())),
            "widened_by_label": dict(sorted(widened_by_label.items())),
            "widened": self.widened,
            "dropped": self.dropped,
            **self.extra,
        }
