"""What every export format does: take one document with its layers at a time, then close."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from annotator.export.manifest import Manifest
from annotator.export.options import ExportOptions
from annotator.model.document import Document, Layer
from annotator.model.schema import Schema


class Writer:
    """Writes documents to ``path`` (a file, or a folder for folder formats: see formats.py).

    ``layer`` is the exported layer (an annotator, "gold", "majority" or "all"); ``manifest``
    is where the writer reports what it had to widen or drop.
    """

    def __init__(
        self, path: Path, schema: Schema, manifest: Manifest, options: ExportOptions, layer: str
    ) -> None:
        self.path = path
        self.schema = schema
        self.manifest = manifest
        self.options = options
        self.layer = layer
        self._fh: IO[Any] | None = None

    @property
    def fh(self) -> IO[str]:
        """The output file as UTF-8 text with LF line ends."""
        if self._fh is None:
            self._fh = self.path.open("w", encoding="utf-8", newline="\n")
        return self._fh

    @property
    def bfh(self) -> IO[bytes]:
        """The output file as bytes, for writers that encode themselves."""
        if self._fh is None:
            self._fh = self.path.open("wb")
        return self._fh

    def write(self, doc: Document, layers: list[Layer]) -> None:
        raise NotImplementedError

    def abandon(self) -> None:
        """Close the output without finishing it: the export failed or was cancelled."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    @classmethod
    def finish(
        cls, root: Path, finals: dict[str | None, Path], options: ExportOptions, manifest: Manifest
    ) -> dict[str | None, Path]:
        """After every part is closed: what a folder format adds at its root (finals are the
        parts' final paths); returns the final paths as they are now. Nothing by default."""
        return finals

    def close(self) -> None:
        """Finish the output: an export with no document still leaves its (empty) file."""
        if self._fh is None and not self.path.exists():
            self.path.touch()
        self.abandon()
