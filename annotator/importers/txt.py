"""Plain text files: one document per file, the first non-empty line is the title."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.errors import InputError
from annotator.importers.common import title_of
from annotator.importers.options import ImportOptions
from annotator.model.document import DocumentRecord
from annotator.text.decode import decode


def read(path: Path, options: ImportOptions) -> Iterator[DocumentRecord]:
    """Yield the one document of a text file."""
    decoded = decode(path.read_bytes(), path, options.encoding)
    text = decoded.text
    if not text.strip():
        raise InputError(path, "the file is empty")
    record = DocumentRecord(ext_id=path.stem, title=title_of(text), text=text, source=str(path))
    if decoded.note:
        record.notes.append(f"{path}: {decoded.note}")
    if options.clean is not False:
        from annotator.importers.clean import clean_record

        clean_record(record)
    yield record
