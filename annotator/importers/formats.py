"""The one table of import formats: name, how to recognise a file by its content, how to read it.

The CLI's ``--format`` choices, the folder walk and detection all read ``FORMATS``. Rows are tried in
order and the first whose sniff function says yes wins, so a specific format (doccano's ``label``
key) comes before a general one (native JSONL, which only needs ``text``). When no row says yes the
import asks for ``--format`` instead of guessing. Adding a format is one module plus one row here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from annotator.errors import InputError
from annotator.importers.options import ImportOptions
from annotator.importers.sniff import Sample
from annotator.model.document import DocumentRecord
from annotator.model.projectfiles import SQLITE_MAGIC, says_project

Reader = Callable[[Path, ImportOptions], Iterator[DocumentRecord | InputError]]


@dataclass(frozen=True)
class ImportFormat:
    """One input format.

    ``suffixes``: the files a folder walk offers to ``sniff`` (content decides, not the name).
    ``streamed``: read line by line, so the whole-file size limit does not apply.
    """

    name: str
    description: str
    sniff: Callable[[Sample], bool]
    read: Reader
    suffixes: tuple[str, ...]
    streamed: bool = False


def _module(name: str) -> Reader:
    """The ``read`` of annotator.importers.NAME, imported on first use (the CLI starts fast)."""

    def read(path: Path, options: ImportOptions) -> Iterator[DocumentRecord | InputError]:
        module = importlib.import_module(f"annotator.importers.{name}")
        return cast(Reader, module.read)(path, options)

    return read


def _is_brat(s: Sample) -> bool:
    """An .ann file, or a .txt file with its .ann beside it."""
    return s.suffix == ".ann" or (s.suffix == ".txt" and s.path.with_suffix(".ann").exists())


def _is_label_studio(s: Sample) -> bool:
    """Tasks with 'data' (JSON export, snapshot; with 'annotations' whatever 'data' holds, so
    the reader names a wrong one), or a JSON list of JSON_MIN items."""
    if any(isinstance(obj.get("data"), dict) or {"data", "annotations"} <= obj.keys()
           for obj in s.objects()):  # fmt: skip
        return True
    first = s.json_document
    return isinstance(first, dict) and bool({"annotation_id", "annotator"} & first.keys())


def _is_prodigy(s: Sample) -> bool:
    return bool(s.json_lines) and s.any_key("answer", "_input_hash", "_task_hash", "_view_id")


def _is_doccano(s: Sample) -> bool:
    return bool(s.json_lines) and s.any_key("label", "labels", "entities")


def _is_jsonl(s: Sample) -> bool:
    return bool(s.json_lines) and s.any_key("text")


def _is_webanno(s: Sample) -> bool:
    """Any version: the reader names one it does not read (TSV 4.0) instead of a CSV refusal."""
    return s.text.startswith("#FORMAT=WebAnno TSV")


def _is_csv(s: Sample) -> bool:
    return s.suffix in (".csv", ".tsv") or s.csv_delimiter is not None


def _is_txt(s: Sample) -> bool:
    return s.suffix == ".txt"


JSON_SUFFIXES = (".jsonl", ".json", ".json1")  # JSON Lines names (JSON, too, for Label Studio)
FORMATS: tuple[ImportFormat, ...] = (
    ImportFormat("brat", "brat standoff: ID.txt with ID.ann", _is_brat, _module("brat"), (".ann",)),
    # a .txt file is an article whatever it contains (and is never opened to be sniffed)
    ImportFormat("txt", "plain text, one article a file", _is_txt, _module("txt"), (".txt",)),
    ImportFormat(
        "label-studio",
        "Label Studio JSON, JSON_MIN or snapshot export",
        _is_label_studio,
        _module("labelstudio"),
        (".json",),
    ),
    ImportFormat(
        "prodigy",
        "Prodigy JSONL (answer, tokens, spans, relations by token)",
        _is_prodigy,
        _module("prodigy"),
        JSON_SUFFIXES,
        streamed=True,
    ),
    ImportFormat(
        "doccano",
        "doccano JSONL ('label' or 'entities')",
        _is_doccano,
        _module("doccano"),
        JSON_SUFFIXES,
        streamed=True,
    ),
    ImportFormat(
        "jsonl",
        "native JSONL (one document a line)",
        _is_jsonl,
        _module("jsonl"),
        JSON_SUFFIXES,
        streamed=True,
    ),
    ImportFormat(
        "webanno",
        "WebAnno TSV 3.3 (INCEpTION): one file per document and annotator",
        _is_webanno,
        _module("webanno"),
        (".tsv",),
    ),
    ImportFormat(
        "csv",
        "CSV with a 'text' column (',', ';' or tab)",
        _is_csv,
        _module("csvfile"),
        (".csv", ".tsv"),
    ),
)
NAMES: tuple[str, ...] = tuple(f.name for f in FORMATS)
BY_NAME: dict[str, ImportFormat] = {f.name: f for f in FORMATS}
SUFFIXES: frozenset[str] = frozenset(s for f in FORMATS for s in f.suffixes)


def is_own_manifest(s: Sample) -> bool:
    """True for the manifest.json an export of this program writes beside its data."""
    doc = s.json_document
    return (
        s.suffix == ".json"
        and isinstance(doc, dict)
        and str(doc.get("program", "")).startswith("annotator")
        and "format" in doc
    )


def detect(path: Path) -> ImportFormat:
    """The format of one file, read from its content; asks for --format when it cannot tell."""
    sample = Sample(path)
    for fmt in FORMATS:
        if fmt.sniff(sample):
            return fmt
    if is_own_manifest(sample):
        raise InputError(
            path, "this is the manifest of an export, not documents; import the data beside it"
        )
    if not sample.head.strip():
        raise InputError(path, "the file is empty")
    if says_project(sample.head):
        raise InputError(
            path, "this is a project file: to bring its work in, use annotator merge PROJECT {name}",
            name=path.name,
        )  # fmt: skip
    if sample.head.startswith(SQLITE_MAGIC):
        raise InputError(path, "this is an SQLite database, not articles (to bring in an annotator"
                         " project's work, use annotator merge)")  # fmt: skip
    spread = sample.text.lstrip().startswith("{") and sample.json_document is not None
    if sample.suffix in JSON_SUFFIXES and not spread:  # spread: one object over many lines
        return BY_NAME["jsonl"]  # named JSON Lines: its reader says which line is wrong and how
    raise InputError(
        path, "cannot tell the format from the content; give --format ({names})",
        names=", ".join(NAMES),
    )  # fmt: skip
