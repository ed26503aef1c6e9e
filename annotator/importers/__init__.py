"""Reading files into DocumentRecords: pure conversion, no database and no Qt.

``read_inputs`` walks files and folders and yields a DocumentRecord per document, or an InputError
naming the file and line for an input that cannot be used; the store decides what to do with errors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.errors import InputError
from annotator.importers.limits import MAX_FILE_BYTES
from annotator.importers.options import ImportOptions
from annotator.model.document import DocumentRecord
from annotator.model.schema import Schema

FORMATS = ("auto", "txt", "jsonl", "csv", "doccano", "label-studio", "brat")
_BY_SUFFIX = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".csv": "csv",
    ".json": "label-studio",
    ".ann": "brat",
}
STREAMED = ("jsonl", "doccano")  # read line by line: no whole-file limit


def _reader(
    fmt: str, options: ImportOptions
) -> Callable[[Path, ImportOptions], Iterator[DocumentRecord | InputError]]:
    if fmt == "label-studio":
        from annotator.importers import labelstudio

        return labelstudio.read
    if fmt in ("doccano", "brat"):
        if fmt == "doccano":
            from annotator.importers.doccano import read as peer_read
        else:
            from annotator.importers.brat import read as peer_read
        labels = options.label_map()
        return lambda path, opts: peer_read(path, opts, labels)
    if fmt == "txt":
        from annotator.importers import txt

        return txt.read
    if fmt == "jsonl":
        from annotator.importers import jsonl

        return jsonl.read
    if fmt == "csv":
        from annotator.importers import csvfile

        return csvfile.read
    raise InputError(None, f"unknown import format {fmt!r}")


def _files(path: Path, fmt: str) -> Iterator[Path]:
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in p.relative_to(path).parts)
            if not p.is_file() or hidden:
                continue
            if fmt == "brat":  # a brat folder: each .ann with its .txt
                if p.suffix == ".ann":
                    yield p
            elif fmt != "auto" or p.suffix.lower() in _BY_SUFFIX:
                if fmt == "auto" and p.suffix.lower() == ".txt" and p.with_suffix(".ann").exists():
                    continue  # the text of a brat document, read with its .ann
                yield p
    elif path.exists():
        yield path
    else:
        raise InputError(path, "no such file or folder")


def detect_format(path: Path, fmt: str) -> str:
    """The format of one file: ``fmt`` unless it is 'auto', then from the file name."""
    if fmt != "auto":
        return fmt
    try:
        return _BY_SUFFIX[path.suffix.lower()]
    except KeyError:
        raise InputError(
            path,
            "cannot tell the format from the file name; give --format (txt, jsonl, csv, doccano, label-studio or brat)",
        ) from None


def read_inputs(paths: list[Path], options: ImportOptions) -> Iterator[DocumentRecord | InputError]:
    """Yield the documents of every file under ``paths``, or an InputError for each bad input."""
    for root in paths:
        try:
            files = list(_files(root, options.format))
        except InputError as exc:
            yield exc
            continue
        if root.is_dir() and not files:
            yield InputError(root, "the folder has no .txt, .jsonl or .csv files")
        for path in files:
            try:
                fmt = detect_format(path, options.format)
                size = path.stat().st_size
                if size > MAX_FILE_BYTES and fmt not in STREAMED:
                    raise InputError(
                        path,
                        f"the file is {size // 2**20} MB; files above {MAX_FILE_BYTES // 2**20} MB"
                        " are refused (split it into several files)",
                    )
                reader = _reader(fmt, options)
                yield from reader(path, options)
            except InputError as exc:
                yield exc
            except OSError as exc:
                yield InputError(path, f"cannot be read ({exc.strerror or exc})")


def adopted_schema(paths: list[Path], options: ImportOptions) -> tuple[Schema, str] | None:
    """For a new project: the schema its Label Studio inputs bring, and a sentence saying so.

    None when there is no Label Studio input, or when no ``--label-config`` is given and every name
    found is already in the default schema (which then serves, with its colours and guidelines).
    """
    from dataclasses import replace

    from annotator.importers import lsconfig
    from annotator.model.schema import default_schema

    files: list[Path] = []
    for root in paths:
        try:
            files += [p for p in _files(root, options.format)
                      if detect_format(p, options.format) == "label-studio"]  # fmt: skip
        except InputError:
            continue  # the import itself reports it
    if not files:
        return None
    plain = replace(options, schema=None)
    records = [r for r in read_inputs(files, plain) if isinstance(r, DocumentRecord)]
    config = lsconfig.read_label_config(options.label_config) if options.label_config else None
    found = lsconfig.names_found(records, config)
    if config is None and lsconfig.fits(found, default_schema()):
        return None
    return lsconfig.adopt_schema(found, ", ".join(str(f) for f in files))
