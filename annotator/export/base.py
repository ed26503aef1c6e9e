"""What every export format does: take one document with its layers at a time, then close."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from annotator.export.manifest import Manifest
from annotator.model.document import Document, Layer
from annotator.model.schema import Schema


class Writer:
    """Writes documents to ``path`` (a file, or a folder for folder formats)."""

    suffix = ".jsonl"
    folder = False
    multi_layer = False  # can hold several annotators' layers in one document

    def __init__(self, path: Path, schema: Schema, manifest: Manifest) -> None:
        self.path = path
        self.schema = schema
        self.manifest = manifest
        self._fh: IO[str] | None = None

    @property
    def fh(self) -> IO[str]:
        if self._fh is None:
            self._fh = self.path.open("w", encoding="utf-8", newline="\n")
        return self._fh

    def write(self, doc: Document, layers: list[Layer]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
        elif not self.folder:
            self.path.touch()
