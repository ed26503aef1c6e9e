"""CSV files: a ``text`` column, optional ``id`` and ``title``; other columns become metadata.

The separator is whichever of ',', ';' and tab makes the header name a ``text`` column (spreadsheets
in Arabic and French locales save with ';'). A spans table this program exported (spans-csv) is
refused: its rows are spans, not articles.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path

from annotator.errors import InputError, Told
from annotator.importers.common import title_of
from annotator.importers.options import ImportOptions
from annotator.importers.sniff import CSV_DELIMITERS, csv_delimiter
from annotator.model.document import DocumentRecord
from annotator.text.decode import decode, prepare_text

# The header of ``export --format spans-csv`` (annotator/export/spanscsv.py COLUMNS): one row per
# span, each holding a few words, not an article. Read as articles it would make every span a
# document, so it is refused.
SPANS_TABLE = frozenset({"document", "annotator", "sid", "label", "start", "end", "text"})
SPANS_TABLE_REFUSAL = Told("this is a spans table exported by annotator; it has no article texts: "
                       "import the jsonl export instead")  # fmt: skip


def read(path: Path, options: ImportOptions) -> Iterator[DocumentRecord | InputError]:
    """Yield one document per row of a CSV file with a header row."""
    decoded = decode(path.read_bytes(), path, options.encoding)
    content = decoded.text
    notes = [f"{path}: {decoded.note}"] if decoded.note else []
    if not content.strip():
        raise InputError(path, "the file is empty (a CSV needs a header row with a 'text' column)")
    csv.field_size_limit(2**31 - 1)
    header_line = content.split("\n", 1)[0]
    # no 'text' column under any separator: read the header the way its name or content suggests,
    # so the refusal lists its columns ('a', 'b'), not one column 'a\tb'
    delimiter = csv_delimiter(header_line) or (
        "\t" if path.suffix.lower() == ".tsv" else max(CSV_DELIMITERS, key=header_line.count)
    )
    # strict: a quote left open is an error, not a field that swallows every row after it
    reader = csv.DictReader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True)
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise InputError(path, "not a valid CSV file ({why})", 1, why=str(exc)) from None
    _refuse_repeated_columns(header, path)
    columns = {c.strip().lower(): c for c in header if c}
    if columns.keys() >= SPANS_TABLE:
        raise InputError(path, SPANS_TABLE_REFUSAL, 1)
    if "text" not in columns:
        found = ", ".join(repr(c) for c in header[:8])
        raise InputError(
            path, "the CSV header has no 'text' column (its columns: {found})", 1,
            found=found,
        )  # fmt: skip
    line = 1  # the row being read starts on the line after the last one read
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
                notes=notes,
            )
            if options.clean is not False:
                from annotator.importers.clean import clean_record

                clean_record(record)
            yield record
    except csv.Error as exc:
        if "end of data" in str(exc):  # the file ended inside quotes opened after the last row
            raise InputError(
                path,
                "a quoted field starts on this line and its closing quote is missing",
                line + 1,
            ) from None
        raise InputError(
            path, "not a valid CSV file ({why})", reader.line_num, why=str(exc)
        ) from None


def _refuse_repeated_columns(header: Sequence[str], path: Path) -> None:
    """Two columns with one name: a row would keep only the last one's value, so refuse."""
    seen: dict[str, int] = {}
    for number, name in enumerate(header, 1):
        key = name.strip().lower()
        if key and key in seen:
            raise InputError(
                path,
                "the CSV header has two columns named {name!r} (columns {first} and {second});"
                " rename one, or only one of them would be imported",
                1,
                name=name.strip(),
                first=seen[key],
                second=number,
            )
        seen.setdefault(key, number)
