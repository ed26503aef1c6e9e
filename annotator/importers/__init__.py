"""Reading files into DocumentRecords: pure conversion, no database and no Qt.

``read_inputs`` walks files and folders and yields a DocumentRecord per document, or an InputError
naming the file and line for an input that cannot be used; the store decides what to do with errors.
Which format a file is in comes from ``annotator.importers.formats`` (by content, unless forced).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from annotator.errors import InputError
from annotator.importers import limits
from annotator.importers.options import ImportOptions
from annotator.model.document import DocumentRecord
from annotator.model.schema import Schema
from annotator.text.plural import plural


def _visible(root: Path, path: Path) -> bool:
    return not any(part.startswith(".") for part in path.relative_to(root).parts)


BRAT_OWN = frozenset({".conf", ".json"})  # annotation.conf, visual.conf, manifest.json
NAMED = 10  # files named in the note on what a folder walk did not read


def _walk(root: Path) -> list[Path]:
    """Every file under ``root``, sorted, following linked folders (each real folder is read once,
    so a link back to a folder above ends there instead of going round)."""
    found: list[Path] = []
    seen: set[str] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        found += [Path(folder, name) for name in files]
    return sorted(found)


def _folder_files(
    root: Path, fmt: str, passed: list[Path], own: list[Path], project: Path | None
) -> Iterator[tuple[Path, str]]:
    """(file, format or 'auto') for each file a folder walk reads; the visible files it does not
    read (suffixes no format takes) are added to ``passed``, and the project's own files (the
    project, its journals, its backups folder with the notes of running imports) to ``own``, for
    the summary to name.

    A folder holding .ann files is a brat folder: each .txt in it is a brat document (its .ann
    beside it, if any) and the rest (manifest.json, annotation.conf) is brat's, not documents.
    """
    from annotator.importers.formats import SUFFIXES, is_own_manifest
    from annotator.importers.sniff import Sample
    from annotator.model.projectfiles import is_own_file

    by_folder: dict[Path, list[Path]] = {}
    for p in _walk(root):
        if p.is_file() and _visible(root, p):
            if project is not None and is_own_file(project, p):
                own.append(p)
                continue
            by_folder.setdefault(p.parent, []).append(p)
    for folder in sorted(by_folder):
        files = by_folder[folder]
        if fmt == "brat" or (fmt == "auto" and any(p.suffix == ".ann" for p in files)):
            texts = {p.stem for p in files if p.suffix == ".txt"}
            for p in files:
                if p.suffix == ".txt" or (p.suffix == ".ann" and p.stem not in texts):
                    yield p, "brat"  # an .ann without its .txt: the reader says so
                elif p.suffix not in (".ann", *BRAT_OWN):
                    passed.append(p)
            continue
        for p in files:
            if fmt == "auto" and p.suffix.lower() not in SUFFIXES:
                passed.append(p)
                continue
            if p.suffix.lower() == ".json" and is_own_manifest(Sample(p)):
                continue  # an export's manifest beside its data: nothing to import
            yield p, fmt


def _files(
    root: Path,
    fmt: str,
    passed: list[Path] | None = None,
    own: list[Path] | None = None,
    project: Path | None = None,
) -> list[tuple[Path, str]]:
    from annotator.model.projectfiles import is_own_file

    if root.is_dir():
        found = list(
            _folder_files(
                root, fmt, [] if passed is None else passed, [] if own is None else own, project
            )
        )
        if not found:
            raise InputError(
                root,
                "the folder has no brat .ann files (.txt, .jsonl, .json, .csv, .ann)"
                if fmt == "brat"
                else "the folder has no files to import (.txt, .jsonl, .json, .csv, .ann)",
            )
        return found
    if root.exists():
        if project is not None and is_own_file(project, root):
            raise InputError(
                root,
                "this is the project being imported into (or one of its own files), not articles",
            )
        return [(root, fmt)]
    raise InputError(root, "no such file or folder")


def read_inputs(paths: list[Path], options: ImportOptions) -> Iterator[DocumentRecord | InputError]:
    """Yield the documents of every file under ``paths``, or an InputError for each bad input."""
    from annotator.importers.common import WRONG_SHAPE
    from annotator.importers.formats import BY_NAME, detect

    for root in paths:
        passed: list[Path] = []
        own: list[Path] = []
        try:
            files = _files(root, options.format, passed, own, options.project)
        except InputError as exc:
            yield exc
            continue
        except OSError as exc:
            yield InputError(root, "cannot be read ({why})", why=exc.strerror or str(exc))
            continue
        notes = [_passed_note(root, passed)] if passed else []
        if own and options.project is not None:
            notes.append(_own_note(root, own, options.project))
        for path, name in files:
            try:
                if name not in ("auto", *BY_NAME):
                    raise InputError(None, "unknown import format {name!r}", name=name)
                fmt = detect(path) if name == "auto" else BY_NAME[name]
                size = path.stat().st_size
                if size > limits.MAX_FILE_BYTES and not fmt.streamed:
                    raise InputError(
                        path,
                        "the file is {size} MB; files above {limit} MB are refused (split it into"
                        " several files)",
                        size=size // 2**20,
                        limit=limits.MAX_FILE_BYTES // 2**20,
                    )
                for rec in fmt.read(path, options):
                    if isinstance(rec, DocumentRecord):
                        for note in notes:  # notes lists may be shared by a file's records
                            if note not in rec.notes:
                                rec.notes.append(note)
                    yield rec
            except InputError as exc:
                yield exc
            except OSError as exc:
                yield InputError(path, "cannot be read ({why})", why=exc.strerror or str(exc))
            except (*WRONG_SHAPE, UnicodeError) as exc:  # a reader met a value it did not expect
                yield InputError(path, "a value has the wrong type or size ({why})", why=str(exc))


def _passed_note(root: Path, passed: list[Path]) -> str:
    """The sentence naming the files of a folder that no import format reads."""
    names = [str(p.relative_to(root)) for p in passed[:NAMED]]
    more = f" and {len(passed) - NAMED} more" if len(passed) > NAMED else ""
    return (
        f"{root}: {plural(len(passed), 'file')} not imported, as no import format reads their kind: "
        + ", ".join(names)
        + more
    )


def _own_note(root: Path, own: list[Path], project: Path) -> str:
    """The sentence saying a folder walk left the project's own files alone (its backups folder
    named once, not file by file)."""
    from annotator.model.projectfiles import backups_folder

    backups = backups_folder(project).name
    names: list[str] = []
    for p in own:
        parts = p.relative_to(root).parts
        name = (
            str(Path(*parts[: parts.index(backups) + 1])) + "/"
            if backups in parts
            else str(Path(*parts))
        )
        if name not in names:
            names.append(name)
    return f"{root}: the project's own files were not read as articles: " + ", ".join(names)


def adopted_schema(paths: list[Path], options: ImportOptions) -> tuple[Schema, str] | None:
    """For a new project: the schema its Label Studio inputs bring, and a sentence saying so.

    None when there is no Label Studio input, or when no ``--label-config`` is given and every name
    found is already in the default schema (which then serves, with its colours and guidelines).
    """
    from dataclasses import replace

    from annotator.importers import lsconfig
    from annotator.importers.formats import detect
    from annotator.model.schema import default_schema

    files: list[Path] = []
    for root in paths:
        try:
            for path, name in _files(root, options.format, project=options.project):
                if (detect(path).name if name == "auto" else name) == "label-studio":
                    files.append(path)
        except (InputError, OSError):
            continue  # the import itself reports it
    if not files:
        return None
    plain = replace(options, schema=None, format="label-studio")
    records = [r for r in read_inputs(files, plain) if isinstance(r, DocumentRecord)]
    config = lsconfig.read_label_config(options.label_config) if options.label_config else None
    found = lsconfig.names_found(records, config)
    if config is None and lsconfig.fits(found, default_schema()):
        return None
    return lsconfig.adopt_schema(found, ", ".join(str(f) for f in files))
