"""Options shared by every importer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.model.schema import Schema


@dataclass(frozen=True)
class ImportOptions:
    """How to read inputs: format, offset unit of incoming spans, default annotator, cleaning."""

    format: str = "auto"
    offsets: str = ""  # "" means the format's own unit
    annotator: str = ""
    clean: bool | None = None  # None means the format's default (on for .txt and .csv)
    label_ids: tuple[
        str, ...
    ] = ()  # the project's labels; peer formats' names match them ignoring case
    schema: Schema | None = None  # the project's schema, for formats that map names (Label Studio)
    renames: tuple[
        tuple[str, str], ...
    ] = ()  # --map OLD=NEW: labels, relations, attributes, values
    label_config: Path | None = None  # a Label Studio labelling config (XML)
    encoding: str = ""  # --encoding: force the text encoding of .txt, .csv and brat files
    project: Path | None = None  # the project imported into: its own files are never read

    def label_map(self) -> dict[str, str]:
        """Lowercased incoming label name -> label id (any name when the labels are not known)."""
        return _AnyLabel() if not self.label_ids else {lab.lower(): lab for lab in self.label_ids}


class _AnyLabel(dict[str, str]):
    """A label map that accepts every name (the store checks it against the schema)."""

    def get(self, key: str, default: str | None = None) -> str:  # type: ignore[override]
        return key

    def values(self) -> list[str]:  # type: ignore[override]
        return []
