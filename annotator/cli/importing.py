"""``annotator import``: read articles and annotations into a project (``-`` is standard input)."""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from annotator.cli.group import cli
from annotator.cli.import_summary import import_summary
from annotator.cli.options import (
    STDIN_NAME,
    STDIO,
    PathArgument,
    counter,
    json_option,
    print_json,
    quiet_option,
)
from annotator.errors import AnnotatorError, UsageError
from annotator.importers.formats import NAMES as IMPORT_FORMATS
from annotator.terminal import terminal
from annotator.text.plural import plural

if TYPE_CHECKING:
    from annotator.model.document import DocumentRecord


def _known_encoding(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    if value:
        import codecs

        try:
            return codecs.lookup(value).name
        except LookupError:
            raise click.BadParameter(
                f"{value!r} is not a text encoding (try utf-8, cp1256, latin-1)"
            ) from None
    return value


@dataclass(frozen=True)
class ImportRequest:
    """What ``annotator import`` was asked to do: one field per argument and option."""

    project: Path
    paths: tuple[Path, ...]
    fmt: str  # "auto" or a name from the importers' registry
    annotator_name: str  # the layer for annotations that name none ("" if not given)
    offsets: str | None  # unit of incoming offsets; None: the format's own
    clean: bool | None  # None: the format's default
    skip_bad: bool
    encoding: str  # a codec name, or "" to recognise it
    on_conflict: str  # an OnConflict value
    dry_run: bool
    renames: tuple[str, ...]  # OLD=NEW, as typed
    label_config: Path | None
    as_json: bool


@cli.command(name="import")
@click.argument("project", type=PathArgument())
@click.argument("paths", nargs=-1, required=True, type=PathArgument())
@click.option("--format", "fmt", default="auto", show_default=True,
              type=click.Choice(["auto", *IMPORT_FORMATS]),
              help="Input format; auto reads each file's content and asks when it cannot tell.")  # fmt: skip
@click.option(
    "--annotator", "annotator_name", default="", help="Layer for annotations without one."
)
@click.option("--offsets", type=click.Choice(["codepoint", "utf16", "grapheme"]),
              help="Unit of incoming offsets (default: the format's own).")  # fmt: skip
@click.option("--clean/--no-clean", default=None, help="Remove site boilerplate (.txt, .csv).")
@click.option("--skip-bad", is_flag=True, help="Skip unusable inputs and list them.")
@click.option("--encoding", default="", callback=_known_encoding,
              help="Text encoding of .txt, .csv and brat files (e.g. cp1256, latin-1); "
                   "default: recognised, and said when it is a guess.")  # fmt: skip
@click.option("--on-conflict", type=click.Choice(["fail", "replace", "keep"]), default="fail",
              show_default=True,
              help="A layer the project has with other content: import nothing (fail), take the "
                   "imported one (replace; the old one stays in the change log) or keep the project's.")  # fmt: skip
@click.option("--dry-run", is_flag=True,
              help="Read and clean only: list every line cleaning would cut; write nothing.")  # fmt: skip
@click.option("--map", "renames", multiple=True, metavar="OLD=NEW",
              help="Rename another tool's label, relation, attribute or value (repeatable).")  # fmt: skip
@click.option("--label-config", type=click.Path(path_type=Path, dir_okay=False),
              help="Label Studio's labelling config (XML): names a new project adopts.")  # fmt: skip
@json_option
@quiet_option
def import_(**params: Any) -> None:
    """Import articles (and annotations) into PROJECT, creating it if needed.

    Files: .txt (one article each; the first line is the title), folders of them, native .jsonl,
    .csv with a 'text' column (',', ';' or tab), doccano, brat, and Label Studio (JSON, JSON_MIN,
    snapshot), recognised by their content. A new project takes the labels a Label Studio export
    (or --label-config) names; an existing one maps other names with --map. One call is
    all-or-nothing unless --skip-bad. A document already in the project (same text) is not added
    twice; its incoming layers are added, skipped when identical, or follow --on-conflict when
    they differ.

    A PATH of - reads JSONL from standard input. Cleaning (on for .txt and .csv) removes whole lines of site debris and keeps the original;
    --dry-run lists every line it would cut. Importing a cleaned article again with --no-clean
    brings its full text back while nobody has annotated it (nor has it assigned or packaged).

    \b
    Example:
      annotator import news.db articles/ --dry-run
      annotator import news.db articles/ more.csv
      annotator import news.db layla.jsonl --annotator layla
      annotator import news.db corrected.jsonl --on-conflict replace
      annotator import news.db label-studio.json --map positive=support --map PER=speaker
      annotator export old.db --format jsonl --layer all --out - | annotator import news.db -
    """
    with _standard_input(ImportRequest(**params)) as request:
        _import(request)


@contextlib.contextmanager
def _standard_input(request: ImportRequest) -> Iterator[ImportRequest]:
    """The request with "-" among its paths standing for a copy of standard input (JSONL formats
    only); messages about the copy name "standard input", never the temporary file."""
    paths, fmt = request.paths, request.fmt
    if STDIO not in paths:
        yield request
        return
    if fmt not in ("auto", "jsonl", "doccano", "prodigy"):
        raise UsageError(f"standard input (-) is read as JSONL; --format {fmt} reads files only")
    if fmt == "doccano" and not request.annotator_name:
        raise UsageError("doccano names the layer after the file: give --annotator with -")
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError("- reads standard input, which is the terminal here: pipe JSONL into it")
    with tempfile.TemporaryDirectory(prefix="annotator-stdin-") as tmp:
        copy = Path(tmp) / "stdin.jsonl"
        with copy.open("wb") as fh:
            shutil.copyfileobj(sys.stdin.buffer, fh, 1 << 20)
        terminal.aliases[str(copy)] = STDIN_NAME
        try:
            yield replace(request, paths=tuple(copy if p == STDIO else p for p in paths))
        except AnnotatorError as exc:
            exc.message = terminal.named(exc.message)
            raise


def _import(request: ImportRequest) -> None:
    """Run the import (or the dry run) the request describes and print its summary."""

    from annotator.importers import adopted_schema, read_inputs
    from annotator.importers.names import parse_renames
    from annotator.importers.options import ImportOptions
    from annotator.model.schema import default_schema
    from annotator.store import Project
    from annotator.store.base import OnConflict
    from annotator.store.fresh import note_new, remove_if_untouched, remove_leftovers

    project, paths, annotator_name = request.project, request.paths, request.annotator_name
    created = not project.exists()
    options = ImportOptions(format=request.fmt, offsets=request.offsets or "",
                            annotator=annotator_name, clean=request.clean,
                            renames=parse_renames(request.renames),
                            label_config=request.label_config, encoding=request.encoding,
                            project=project)  # fmt: skip
    adopted = adopted_schema(list(paths), options) if created else None
    if request.dry_run:
        if created:
            schema = adopted[0] if adopted else default_schema()
        else:
            with Project.open(project, readonly=True) as existing:
                schema = existing.schema
        options = replace(options, schema=schema, label_ids=schema.label_ids)
        _dry_run(read_inputs(list(paths), options), request.skip_bad, request.as_json)
        return
    store = Project.open_or_create(project, adopted[0] if adopted else default_schema())
    new = note_new(store.db, project) if created else None
    options = replace(options, schema=store.schema, label_ids=store.schema.label_ids)
    removed = False
    try:
        # the outer transaction keeps the write lock until a new file is checked and removed
        with store.transaction():
            try:
                report = store.add_documents(
                    read_inputs(list(paths), options),
                    default_annotator=annotator_name,
                    skip_bad=request.skip_bad,
                    on_conflict=OnConflict(request.on_conflict),
                    progress=counter("Reading"),
                )
            except BaseException:
                removed = new is not None and remove_if_untouched(store.db, new)
                raise
    finally:
        store.close()
        if removed:
            remove_leftovers(project)
    terminal.clear()
    if request.as_json:
        print_json({**report.as_dict(), **({"adopted_schema": adopted[1]} if adopted else {})})
        return
    said, told = import_summary(report, project, adopted[1] if adopted else "")
    for line in said:
        terminal.say(line)
    for line in told:  # what was kept out, skipped or guessed: printed even with --quiet
        terminal.tell(line)


def _dry_run(
    records: Iterable[DocumentRecord | AnnotatorError], skip_bad: bool, as_json: bool
) -> None:
    """``import --dry-run``: every line cleaning would cut, by document; nothing is written.
    Exit 2 when an input could not be read (as the import would refuse), unless --skip-bad."""
    documents, cuts, errors = 0, [], []
    for rec in records:
        if isinstance(rec, AnnotatorError):
            errors.append(str(rec))
            continue
        documents += 1
        cuts += [{"document": rec.ext_id, **cut} for cut in rec.removed]
        if rec.removed and not as_json:
            terminal.tell(f"{rec.source or rec.ext_id}: {plural(len(rec.removed), 'line')} to cut")
            for cut in rec.removed:
                terminal.tell(f"  line {cut['line']}  [{cut['rule']}]  {cut['text']}")
    if as_json:
        print_json({"documents": documents, "cuts": cuts, "errors": errors, "written": False})
    else:
        cleaned = len({c["document"] for c in cuts})
        terminal.tell(f"Would import {plural(documents, 'document')}; cleaning would cut {plural(len(cuts), 'line')} "
                   f"from {cleaned} of them (--dry-run: nothing was written).")  # fmt: skip
    for error in errors:
        terminal.warn(f"annotator: {error}" if not skip_bad else f"Would skip: {error}")
    if errors and not skip_bad:
        sys.exit(2)
