"""Options shared by every importer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImportOptions:
    """How to read inputs: format, offset unit of incoming spans, default annotator, cleaning."""

    format: str = "auto"
    offsets: str = ""  # "" means the format's own unit
    annotator: str = ""
    clean: bool | None = None  # None means the format's default (on for .txt and .csv)
