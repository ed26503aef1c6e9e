"""CSV files: a ``text`` column, optional ``id`` and ``title``; other columns become metadata."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from annotator.errors import InputError
from annotator.importers.common import title_of
from annotator.importers.options import ImportOptions
from annotator.model.document import DocumentRecord
from annotator.text.decode import decode_bytes, prepare_text


def read(path: Path, options: ImportOptions) -> Iterator[DocumentRecord | InputError]:
    """Yield one document per row of a CSV file with a header row."""
    content = decode_bytes(path.read_bytes(), path)
    csv.field_size_limit(2**31 - 1)
    reader = csv.DictReader(io.StringIO(content, newline=""))
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise InputError(path, f"not a valid CSV file ({exc})", 1) from None
    columns = {c.strip().lower(): c for c in header if c}
    if "text" not in columns:
        raise InputError(path, "the CSV header has no 'text' column", 1)
    try:
        for row in reader:
            line = reader.line_num
            if None in row:
                yield InputError(path, "the row has more fields than the header", line)
                continue
            text = prepare_text(row.get(columns["text"]) or "")
            if not text.strip():
                yield InputError(path, "the row's text is empty", line)
                continue
            ext = (row.get(columns["id"]) or "").strip() if "id" in columns else ""
            title = (row.get(columns["title"]) or "").strip() if "title" in columns else ""
            meta = {
                k: v
                for k, v in row.items()
                if k and k.strip().lower() not in ("text", "id", "title") and v
            }
            record = DocumentRecord(
                ext_id=ext or f"{path.stem}-{line}",
                title=title or title_of(text),
                text=text,
                meta=meta,
                source=str(path),
                line=line,
            )
            if options.clean is not False:
                from annotator.importers.clean import clean_record

                clean_record(record)
            yield record
    except csv.Error as exc:
        raise InputError(path, f"not a valid CSV file ({exc})", reader.line_num) from None
