"""Spans as CSV for spreadsheets and pandas: one row per span, with a few words of context.

Columns: document, annotator, sid, label, start, end (code points, end exclusive), text,
attributes (a JSON object), before and after (up to ``CONTEXT_WORDS`` words on each side, within
the span's line). UTF-8 with a byte order mark, so spreadsheet programs read the Arabic right;
pandas reads it with ``pd.read_csv(path)``. Relations have no column: the manifest counts them.
"""

from __future__ import annotations

import csv
import json

from annotator.export.base import Writer
from annotator.model.document import Document, Layer

COLUMNS = ("document", "annotator", "sid", "label", "start", "end", "text", "attributes",
           "before", "after")  # fmt: skip
CONTEXT_WORDS = 5


def context(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> tuple[str, str]:
    """Up to ``words`` words before ``start`` and after ``end``, not crossing a line break."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = text[line_start:start].split()
    after = text[end : line_end if line_end >= 0 else len(text)].split()
    return " ".join(before[-words:]), " ".join(after[:words])


class SpansCsvWriter(Writer):
    """One row per span of every exported layer."""

    _writer: csv.DictWriter[str] | None = None

    def write(self, doc: Document, layers: list[Layer]) -> None:
        if self._writer is None:
            self.fh.write("\ufeff")
            self._writer = csv.DictWriter(self.fh, fieldnames=COLUMNS)
            self._writer.writeheader()
        for layer in layers:
            for s in layer.spans:
                before, after = context(doc.text, s.start, s.end)
                self._writer.writerow({
                    "document": doc.ext_id, "annotator": layer.annotator, "sid": s.sid,
                    "label": s.label, "start": s.start, "end": s.end, "text": s.text,
                    "attributes": json.dumps(s.attributes, ensure_ascii=False, sort_keys=True),
                    "before": before, "after": after,
                })  # fmt: skip

    def close(self) -> None:
        if self._writer is None and not self.path.exists():
            self.fh.write("\ufeff" + ",".join(COLUMNS) + "\r\n")
        super().close()
