"""What a lead reads about the work: per annotator assigned, done, skipped, active time and spans
per hour; per document who is assigned and where each stands (``annotator progress``, the window's
progress view). Typed records; ``to_json`` is the ``--json`` shape of SPEC.md."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

RATE_MIN_S = 60.0  # spans per hour is given from a minute of active time on (less says nothing)


@dataclass(frozen=True)
class AnnotatorProgress:
    """One annotator. Done, skipped and in progress count documents assigned to them (so they add
    up within ``assigned``); documents they finished beyond those are ``done_unassigned``."""

    assigned: int = 0
    done: int = 0
    skipped: int = 0
    in_progress: int = 0
    done_unassigned: int = 0
    seconds: float = 0.0  # active time recorded by the window
    spans: int = 0

    @property
    def spans_per_hour(self) -> float | None:
        """Spans per hour of active time, from a minute of it on."""
        if self.seconds < RATE_MIN_S:
            return None
        return round(self.spans * 3600 / self.seconds, 1)

    def to_json(self) -> dict[str, Any]:
        return {
            "assigned": self.assigned,
            "done": self.done,
            "skipped": self.skipped,
            "in_progress": self.in_progress,
            "done_unassigned": self.done_unassigned,
            "seconds": self.seconds,
            "spans": self.spans,
            "spans_per_hour": self.spans_per_hour,
        }


@dataclass(frozen=True)
class DocumentProgress:
    """One assigned document: its external id and each assigned annotator's status."""

    id: str
    annotators: dict[str, str]  # annotator -> todo | in_progress | done | skipped

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "annotators": dict(self.annotators)}


@dataclass(frozen=True)
class ProgressReport:
    """The whole report; ``documents`` lists the first few (``assigned_documents`` counts all)."""

    project: str
    annotators: dict[str, AnnotatorProgress]
    documents: tuple[DocumentProgress, ...]
    assigned_documents: int

    def to_json(self) -> dict[str, Any]:
        return {
            "project": self.project,
            "annotators": {name: p.to_json() for name, p in self.annotators.items()},
            "documents": [d.to_json() for d in self.documents],
            "assigned_documents": self.assigned_documents,
        }
