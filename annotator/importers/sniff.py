"""A look at the start of a file, shared by every format's sniff function.

Reading the head once (and parsing the first JSON values once) keeps detection cheap: a folder of
100,000 .txt files is never opened for sniffing, and a JSON file is read only up to ``HEAD_BYTES``.
"""

from __future__ import annotations

import codecs
import csv
import json
from functools import cached_property
from pathlib import Path
from typing import Any

HEAD_BYTES = 1024 * 1024  # enough for the first few JSONL lines of long articles
SAMPLED_LINES = 20  # JSONL lines looked at: doccano writes "label": [] even on empty examples
CSV_DELIMITERS = (",", ";", "\t")


class Sample:
    """The head of one input file, decoded and parsed lazily for the sniff functions."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.suffix = path.suffix.lower()

    @cached_property
    def head(self) -> bytes:
        with self.path.open("rb") as fh:
            return fh.read(HEAD_BYTES)

    @cached_property
    def text(self) -> str:
        """The head as text (UTF-8 or UTF-16 by BOM), a cut character at the end ignored."""
        data = self.head
        for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
            if data.startswith(bom):
                return data[len(bom) :].decode(name, errors="ignore")
        return data.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="ignore")

    @cached_property
    def json_lines(self) -> list[Any]:
        """The values of the first complete lines when the file is JSON Lines, else []."""
        if not self.text.lstrip().startswith("{"):
            return []
        lines = self.text.splitlines()
        if len(self.head) == HEAD_BYTES and lines:
            lines = lines[:-1]  # the last line may be cut
        values: list[Any] = []
        for line in lines:
            if not line.strip():
                continue
            try:
                values.append(json.loads(line))
            except (ValueError, RecursionError):
                return values  # a later line is broken: the reader names it
            if len(values) >= SAMPLED_LINES:
                break
        return values

    @cached_property
    def json_document(self) -> Any:
        """The first element of a JSON list, or a whole JSON object spread over lines; else None."""
        stripped = self.text.lstrip()
        if self.json_lines or not stripped.startswith(("[", "{")):
            return None
        decoder = json.JSONDecoder()
        try:
            if stripped.startswith("["):
                rest = stripped[1:].lstrip()
                if rest.startswith("]"):
                    return None
                return decoder.raw_decode(rest)[0]
            return decoder.raw_decode(stripped)[0]
        except (ValueError, RecursionError):
            return None

    def objects(self) -> list[dict[str, Any]]:
        """The JSON objects sampled, whichever way the file is laid out."""
        values = self.json_lines or [self.json_document]
        return [v for v in values if isinstance(v, dict)]

    def any_key(self, *keys: str) -> bool:
        """True when a sampled JSON object has one of ``keys``."""
        return any(k in obj for obj in self.objects() for k in keys)

    @cached_property
    def csv_delimiter(self) -> str | None:
        """The delimiter under which the first line has a 'text' column, if any."""
        return csv_delimiter(self.text.split("\n", 1)[0])


def csv_delimiter(header: str) -> str | None:
    """The first of ',', ';' and tab that splits ``header`` into columns including 'text'."""
    header = header.rstrip("\r\n")
    for delimiter in CSV_DELIMITERS:
        try:
            columns = next(csv.reader([header], delimiter=delimiter), [])
        except csv.Error:
            continue
        if len(columns) > 1 and "text" in (c.strip().lower() for c in columns):
            return delimiter
    return None
