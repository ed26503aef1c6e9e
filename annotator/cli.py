"""The ``annotator`` command: a thin click layer over the library. With no command it opens the GUI.

Errors reach the user as one sentence on stderr and a non-zero exit status, never as a traceback
(set ANNOTATOR_DEBUG=1 to see one).
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import shlex
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from annotator import __version__
from annotator.errors import AnnotatorError, UsageError
from annotator.export.formats import NAMES as EXPORT_FORMATS
from annotator.importers.formats import NAMES as IMPORT_FORMATS
from annotator.logfile import record_unexpected
from annotator.logfile import setup as setup_log
from annotator.terminal import terminal

if TYPE_CHECKING:
    from annotator.model.document import DocumentRecord
    from annotator.store.base import ImportReport

F = TypeVar("F", bound=Callable[..., Any])


class NoCommand(click.UsageError):
    """A word in the command's place that is no command: most likely a typo."""

    def show(self, file: Any = None) -> None:
        click.echo(f"annotator: {self.message}", err=True)


class DefaultGroup(click.Group):
    """A group that runs ``gui`` when the first argument is not a command (``annotator news.db``),
    and takes a bare word that is neither a command nor a file for a mistyped command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] in ("--quiet", "-q"):  # before the command, as after it
            args = [*args[1:2], "--quiet", *args[2:]]
        if args and args[0] not in self.commands and _mistyped_command(args[0]):
            raise NoCommand(self._no_command(args[0]), ctx)
        if not args or (
            args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")
        ):
            args = ["gui", *args]
        return super().parse_args(ctx, args)

    def _no_command(self, word: str) -> str:
        close = difflib.get_close_matches(word.lower(), sorted(self.commands), n=1, cutoff=0.6)
        if close:
            return f"No command '{word}'. Did you mean '{close[0]}'?"
        return f"No command '{word}'. The commands are: {', '.join(sorted(self.commands))}."


def _mistyped_command(word: str) -> bool:
    """A bare word (no option, no folder, no extension) that names no existing file: the GUI
    would only fail to open it, so it was meant as a command."""
    return (
        not word.startswith("-")
        and not any(sep in word for sep in ("/", os.sep, "."))
        and not os.path.lexists(word)
    )


def json_option(f: F) -> F:
    """``--json``: print one JSON object on stdout and nothing else."""
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")(f)


def _print_json(obj: Any) -> None:
    click.echo(terminal.named(json.dumps(obj, ensure_ascii=False, indent=2)))


def _progress(label: str) -> Callable[[int], None] | None:
    """A counter on stderr for long work (not with --quiet, only on a terminal)."""
    return terminal.progress(label)


def _set_quiet(_ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    terminal.quiet = value
    return value


def quiet_option(f: F) -> F:
    """``--quiet`` / ``-q``: no progress counter and no summary line; what a command exists to print
    (stats, agreement, --json), warnings and errors still show."""
    return click.option(
        "--quiet", "-q", is_flag=True, expose_value=False, callback=_set_quiet,
        help="Print nothing but warnings and errors.",
    )(f)  # fmt: skip


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotator")
def cli() -> None:
    """Annotate Arabic news articles: speakers, claims, stances, events and who said what.

    With no command, opens the annotation window (on a demo project the first time).

    \b
    Example:
      annotator import news.db articles/     # create a project from a folder of .txt files
      annotator news.db                      # annotate it
    """


@cli.command()
@click.argument("project", required=False, type=click.Path(path_type=Path))
@click.option("--annotator", "annotator_name", help="Your name for this session.")
@click.option("--doc", "doc_ref", help="Open this document (external id or number).")
@click.option(
    "--screenshot", type=click.Path(path_type=Path), help="Save a PNG of the window, exit."
)
@click.option("--lang", type=click.Choice(["ar", "en"]), help="Interface language.")
@quiet_option
def gui(
    project: Path | None,
    annotator_name: str | None,
    doc_ref: str | None,
    screenshot: Path | None,
    lang: str | None,
) -> None:
    """Open the annotation window.

    Without PROJECT, opens the most recent project, or a demo project the first time.

    \b
    Example:
      annotator gui news.db --annotator layla
      QT_QPA_PLATFORM=offscreen annotator gui news.db --doc 3 --screenshot shot.png
    """
    from annotator.ui.launch import run_gui

    sys.exit(run_gui(project, annotator_name, doc_ref, screenshot, lang))


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option(
    "--schema", "schema_file", type=click.Path(path_type=Path), help="A label schema TOML file."
)
@quiet_option
def init(project: Path, schema_file: Path | None) -> None:
    """Create an empty project file with the default or your own label schema.

    \b
    Example:
      annotator init news.db
      annotator init news.db --schema my-labels.toml
    """
    from annotator.model.schema import default_schema, load_schema
    from annotator.store import Project

    schema = load_schema(schema_file) if schema_file else default_schema()
    Project.create(project, schema).close()
    terminal.say(
        f"Created {project} with the {schema.name} schema ({', '.join(schema.label_ids)})."
    )


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


@cli.command(name="import")
@click.argument("project", type=click.Path(path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
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
def import_(
    project: Path,
    paths: tuple[Path, ...],
    fmt: str,
    annotator_name: str,
    offsets: str | None,
    clean: bool | None,
    skip_bad: bool,
    encoding: str,
    on_conflict: str,
    dry_run: bool,
    renames: tuple[str, ...],
    label_config: Path | None,
    as_json: bool,
) -> None:
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
    brings its full text back while nobody has annotated it.

    \b
    Example:
      annotator import news.db articles/ --dry-run
      annotator import news.db articles/ more.csv
      annotator import news.db layla.jsonl --annotator layla
      annotator import news.db corrected.jsonl --on-conflict replace
      annotator import news.db label-studio.json --map positive=support --map PER=speaker
      annotator export old.db --format jsonl --layer all --out - | annotator import news.db -
    """
    with _standard_input(paths, fmt, annotator_name) as paths:
        _import(project, paths, fmt, annotator_name, offsets, clean, skip_bad, encoding,
                on_conflict, dry_run, renames, label_config, as_json)  # fmt: skip


STDIO = Path("-")  # a path of "-" is standard input (import) or standard output (export)
STDIN_NAME = "standard input"


@contextlib.contextmanager
def _standard_input(
    paths: tuple[Path, ...], fmt: str, annotator_name: str
) -> Iterator[tuple[Path, ...]]:
    """The paths with "-" standing for a copy of standard input (JSONL formats only); messages
    about the copy name "standard input", never the temporary file."""
    if STDIO not in paths:
        yield paths
        return
    if fmt not in ("auto", "jsonl", "doccano", "prodigy"):
        raise UsageError(f"standard input (-) is read as JSONL; --format {fmt} reads files only")
    if fmt == "doccano" and not annotator_name:
        raise UsageError("doccano names the layer after the file: give --annotator with -")
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError("- reads standard input, which is the terminal here: pipe JSONL into it")
    with tempfile.TemporaryDirectory(prefix="annotator-stdin-") as tmp:
        copy = Path(tmp) / "stdin.jsonl"
        with copy.open("wb") as fh:
            shutil.copyfileobj(sys.stdin.buffer, fh, 1 << 20)
        terminal.aliases[str(copy)] = STDIN_NAME
        try:
            yield tuple(copy if p == STDIO else p for p in paths)
        except AnnotatorError as exc:
            exc.message = terminal.named(exc.message)
            raise


def _import(
    project: Path,
    paths: tuple[Path, ...],
    fmt: str,
    annotator_name: str,
    offsets: str | None,
    clean: bool | None,
    skip_bad: bool,
    encoding: str,
    on_conflict: str,
    dry_run: bool,
    renames: tuple[str, ...],
    label_config: Path | None,
    as_json: bool,
) -> None:
    from dataclasses import replace

    from annotator.importers import adopted_schema, read_inputs
    from annotator.importers.names import parse_renames
    from annotator.importers.options import ImportOptions
    from annotator.model.schema import default_schema
    from annotator.store import Project
    from annotator.store.base import OnConflict
    from annotator.store.fresh import note_new, remove_if_untouched, remove_leftovers

    created = not project.exists()
    options = ImportOptions(format=fmt, offsets=offsets or "", annotator=annotator_name,
                            clean=clean, renames=parse_renames(renames), label_config=label_config,
                            encoding=encoding)  # fmt: skip
    adopted = adopted_schema(list(paths), options) if created else None
    if dry_run:
        if created:
            schema = adopted[0] if adopted else default_schema()
        else:
            with Project.open(project, readonly=True) as existing:
                schema = existing.schema
        options = replace(options, schema=schema, label_ids=schema.label_ids)
        _dry_run(read_inputs(list(paths), options), skip_bad, as_json)
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
                    skip_bad=skip_bad,
                    on_conflict=OnConflict(on_conflict),
                    progress=_progress("Reading"),
                )
            except BaseException:
                removed = new is not None and remove_if_untouched(store.db, new)
                raise
    finally:
        store.close()
        if removed:
            remove_leftovers(project)
    terminal.clear()
    if as_json:
        _print_json({**report.as_dict(), **({"adopted_schema": adopted[1]} if adopted else {})})
        return
    said, told = import_summary(report, project, adopted[1] if adopted else "")
    for line in said:
        terminal.say(line)
    for line in told:  # what was kept out, skipped or guessed: printed even with --quiet
        terminal.tell(line)


def import_summary(
    report: ImportReport, project: Path, adopted: str = ""
) -> tuple[list[str], list[str]]:
    """The import's counts in sentences that say what each number is about: the summary, and the
    lines --quiet does not silence (layers kept out, inputs skipped, guesses, what had no place)."""

    def names(items: list[str]) -> str:
        return ", ".join(items[:10]) + (", ..." if len(items) > 10 else "")

    present = report.documents_present
    lines = [
        f"Imported {report.documents_added} new document(s) into {project}"
        + (f"; {len(present)} were already there (same text): {names(present)}" if present else "")
        + "."
    ]
    layers = (report.layers_added, report.layers_identical, report.layers_replaced,
              report.layers_kept)  # fmt: skip
    if any(layers):
        lines.append(
            f"Annotation layers: {report.layers_added} added, {report.layers_identical} identical to"
            f" the project's (nothing to do), {report.layers_replaced} replaced,"
            f" {report.layers_kept} differing and kept as the project had them;"
            f" {report.spans} span(s) and {report.relations} relation(s) written."
        )
    told = [f"  {c.annotator} on {c.document}: {c.outcome}" for c in report.conflicts[:10]]
    if len(report.conflicts) > 10:
        told.append(f"  ... and {len(report.conflicts) - 10} more (--json lists them all)")
    if report.cleaned:
        rules = ", ".join(f"{n} {rule}" for rule, n in sorted(report.removed_by_rule.items()))
        cut = sum(report.removed_by_rule.values())
        lines.append(f"Cut {cut} line(s) of site debris from {report.cleaned} document(s): {rules} "
                     "(--dry-run lists them; the original text is kept; --no-clean imports as is).")  # fmt: skip
    if report.restored:
        lines.append(f"Restored the full text of {len(report.restored)} document(s): "
                     + ", ".join(report.restored[:10]) + (" ..." if len(report.restored) > 10 else ""))  # fmt: skip
    if adopted:
        lines.append(adopted)
    told += [f"Skipped: {line}" for line in report.skipped]
    told += [f"Note: {note}" for note in report.notes]
    if report.not_imported:
        told.append("Not imported (this project has no place for them): "
                     + ", ".join(f"{n} {what}" for what, n in report.not_imported.items()) + ".")  # fmt: skip
    return lines, told


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
            terminal.tell(f"{rec.source or rec.ext_id}: {len(rec.removed)} line(s) to cut")
            for cut in rec.removed:
                terminal.tell(f"  line {cut['line']}  [{cut['rule']}]  {cut['text']}")
    if as_json:
        _print_json({"documents": documents, "cuts": cuts, "errors": errors, "written": False})
    else:
        cleaned = len({c["document"] for c in cuts})
        terminal.tell(f"Would import {documents} document(s); cleaning would cut {len(cuts)} line(s) "
                   f"from {cleaned} of them (--dry-run: nothing was written).")  # fmt: skip
    for error in errors:
        terminal.warn(f"annotator: {error}" if not skip_bad else f"Would skip: {error}")
    if errors and not skip_bad:
        sys.exit(2)


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option("--format", "fmt", required=True, type=click.Choice(EXPORT_FORMATS),
              help="Output format (the table in the README says what each carries).")  # fmt: skip
@click.option("--out", required=True, type=click.Path(path_type=Path),
              help="Output file (a folder for brat).")  # fmt: skip
@click.option("--annotator", "annotator_name", help="Export this annotator's layer.")
@click.option("--layer", type=click.Choice(["gold", "majority", "all"]),
              help="Or the curated, the majority, or every layer (all: jsonl only).")  # fmt: skip
@click.option("--status", type=click.Choice(["done", "any"]), default="any", show_default=True,
              help="Only layers marked done, or any.")  # fmt: skip
@click.option("--labels", help="Only these labels, comma-separated.")
@click.option("--split", help="Train/dev/test percentages, e.g. 80,10,10.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the split.")
@click.option("--tokens/--no-tokens", default=True, show_default=True,
              help="jsonl: include the token list and each span's token range.")  # fmt: skip
@click.option("--unit", type=click.Choice(["document", "paragraph"]),
              help="hf-bio: one row per document (default) or per paragraph.")  # fmt: skip
@click.option("--max-tokens", type=click.IntRange(min=1),
              help="hf-bio: cut longer rows into windows of at most N tokens, at sentence ends.")  # fmt: skip
@click.option("--parquet", is_flag=True,
              help="hf-bio: Parquet split files instead of JSON lines (needs pyarrow).")  # fmt: skip
@click.option("--spacy-pipeline", type=click.Choice(["spancat", "ner"]),
              help="spacy: what config.cfg trains (default spancat: overlapping spans).")  # fmt: skip
@click.option("--doccano-shape", type=click.Choice(["relation", "sequence"]),
              help="doccano: the project type that imports it (default relation).")  # fmt: skip
@click.option("--force", is_flag=True,
              help="Replace an earlier export at --out (only one this program wrote).")  # fmt: skip
@json_option
@quiet_option
def export(
    project: Path,
    fmt: str,
    out: Path,
    annotator_name: str | None,
    layer: str | None,
    status: str,
    labels: str | None,
    split: str | None,
    seed: int,
    tokens: bool,
    unit: str | None,
    max_tokens: int | None,
    parquet: bool,
    spacy_pipeline: str | None,
    doccano_shape: str | None,
    force: bool,
    as_json: bool,
) -> None:
    """Export annotations for training, with a manifest that says what is in it.

    --out names a new file or folder (- is standard output, for the JSONL formats); an existing
    one is refused unless --force, which replaces only an earlier export of this program (never
    the project, its folder or its backups).

    Token formats (hf-bio, conll, spacy) widen spans that do not fit the tokens (a clitic left
    out) and list every one in the manifest; nothing is dropped silently.

    \b
    Example:
      annotator export news.db --format jsonl --annotator layla --out layla.jsonl
      annotator export news.db --format hf-bio --layer majority --split 80,10,10 --out news-hf
      annotator export news.db --format brat --annotator layla --out brat/
      annotator export news.db --format jsonl --layer all --out - | gzip > all.jsonl.gz
    """
    from annotator.export.options import ExportOptions
    from annotator.jobs.export import export_dataset, export_summary
    from annotator.store import Project

    label_list = [x.strip() for x in labels.split(",") if x.strip()] if labels else None
    options = ExportOptions(
        tokens=tokens, unit=unit or "document", max_tokens=max_tokens or 0, parquet=parquet,
        spacy_pipeline=spacy_pipeline or "spancat", doccano_shape=doccano_shape or "relation",
    )  # fmt: skip
    with Project.open(project) as store, _standard_output(out, fmt, split, as_json) as target:
        manifest = export_dataset(
            store, fmt, target, annotator_name, layer, status, _progress("Writing"),
            split=split, seed=seed, labels=label_list, options=options, parallel=True,
            force=force,
        )  # fmt: skip
    terminal.clear()
    if as_json:
        _print_json(manifest)
        return
    # with --out -, standard output carries the data: the summary goes to stderr
    say = terminal.say if out != STDIO else (terminal.warn if not terminal.quiet else None)
    if say is not None:
        summary = export_summary(manifest).split("\n")
        if out == STDIO:  # its manifest went with the temporary file
            summary = [line for line in summary if not line.startswith("Details per label")]
        say("\n".join(summary))
        if not manifest["documents"]:
            say("No document has a layer to export: check --annotator, --layer and --status "
                "(documents nobody annotated are not exported).")  # fmt: skip


@contextlib.contextmanager
def _standard_output(out: Path, fmt: str, split: str | None, as_json: bool) -> Iterator[Path]:
    """``out``, or for ``--out -`` a temporary file whose bytes go to standard output once the
    export is complete (its manifest is not kept: the summary on stderr says what it would)."""
    if out != STDIO:
        yield out
        return
    from annotator.export.formats import BY_NAME

    spec = BY_NAME[fmt]
    if spec.folder or spec.suffix != ".jsonl" or split or as_json:
        lines = ", ".join(f.name for f in BY_NAME.values() if not f.folder and f.suffix == ".jsonl")
        raise UsageError(
            f"--out - writes one JSONL file to standard output ({lines}), without --split "
            "or --json; give a file or folder name for the rest"
        )
    with tempfile.TemporaryDirectory(prefix="annotator-stdout-") as tmp:
        target = Path(tmp) / f"export{spec.suffix}"
        terminal.aliases[str(target)] = "standard output"
        yield target
        with target.open("rb") as fh:
            shutil.copyfileobj(fh, sys.stdout.buffer, 1 << 20)
        sys.stdout.flush()


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option("--annotators", help="Compare these annotators, comma-separated (default: all).")
@click.option("--labels", help="Count only these labels, comma-separated (others become O).")
@click.option("--bootstrap", type=click.IntRange(min=0), default=0, show_default=True,
              help="Add 95% intervals from this many resamples of the documents (e.g. 1000).")  # fmt: skip
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the resampling.")
@click.option("--report", "report_path", type=click.Path(path_type=Path),
              help="Also write a report: .html (tables and charts), .md or .tex (tables and methods).")  # fmt: skip
@click.option("--force", is_flag=True, help="Replace a report an earlier run wrote at --report.")
@json_option
@quiet_option
def agreement(
    project: Path,
    annotators: str | None,
    labels: str | None,
    bootstrap: int,
    seed: int,
    report_path: Path | None,
    force: bool,
    as_json: bool,
) -> None:
    """Inter-annotator agreement: unitizing alpha, token alpha and kappas, span, attribute and
    relation agreement, per pair and per label, with the documents and units behind each figure.

    Only documents an annotator marked done count for that annotator.

    \b
    Example:
      annotator agreement news.db
      annotator agreement news.db --annotators layla,omar --labels speaker,claim --json
      annotator agreement news.db --bootstrap 1000 --seed 7 --report agreement.html

    An existing --report path is refused unless --force, which replaces only a report this
    program wrote there (its .manifest.json says so).
    """
    from annotator.agreement.table import render
    from annotator.jobs.agreement import project_agreement, report_target, write_report
    from annotator.store import Project

    def split(value: str | None) -> list[str] | None:
        return [x.strip() for x in value.split(",") if x.strip()] if value else None

    with Project.open(project) as store:
        if report_path is not None:
            report_target(store, report_path, force)  # refuse before computing
        report = project_agreement(
            store, split(annotators), split(labels), _progress("Reading"),
            bootstrap=bootstrap, seed=seed,
        )  # fmt: skip
        terminal.clear()
        if report_path is not None:
            write_report(store, report, report_path, force=force)
    click.echo(json.dumps(report, ensure_ascii=False, indent=2) if as_json else render(report))
    if report_path is not None and not as_json:
        click.echo(f"\nWrote the report to {report_path} ({report['documents']} document(s)).")


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option("--annotators", required=True, help="Who annotates, comma-separated.")
@click.option("--overlap", default="0%", show_default=True,
              help="Share of the documents annotated by several (for agreement), e.g. 20%.")  # fmt: skip
@click.option("--per-overlap", type=int, default=2, show_default=True,
              help="How many annotators each overlap document gets.")  # fmt: skip
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the plan.")
@json_option
@quiet_option
def assign(
    project: Path, annotators: str, overlap: str, per_overlap: int, seed: int, as_json: bool
) -> None:
    """Assign documents: every document to one annotator, an overlap share to several.

    Running again after importing more documents assigns only the new ones; the same seed gives
    the same plan.

    \b
    Example:
      annotator assign news.db --annotators layla,omar,sara --overlap 20% --per-overlap 2 --seed 7
    """
    from annotator.model.assignment import check_names, parse_share
    from annotator.store import Project

    names = check_names(annotators.split(","))
    share = parse_share(overlap)
    with Project.open(project) as store:
        made = store.assign(names, share, per_overlap, seed)
        per = {n: len(store.assigned(n)) for n in names}
    counts = {n: sum(n in who for who in made.who.values()) for n in names}
    if as_json:
        _print_json({"assigned": len(made.who), "overlap": len(made.overlap), "new": counts,
                     "total": per})  # fmt: skip
        return
    if not made.who:
        click.echo(f"Every document of {project} is already assigned; nothing new to assign."
                   if sum(per.values()) else f"{project} has no documents yet: import some first.")  # fmt: skip
        return
    click.echo(f"Assigned {len(made.who)} new document(s) ({len(made.overlap)} shared by "
               f"{per_overlap} for agreement): " + ", ".join(f"{n} {c}" for n, c in counts.items())
               + ".")  # fmt: skip
    click.echo("Assigned in all: " + ", ".join(f"{n} {c}" for n, c in per.items()) + ".")


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option("--annotator", "annotator_name", required=True, help="Whose package.")
@click.option("--out", required=True, type=click.Path(path_type=Path), help="The new project file.")
@quiet_option
def package(project: Path, annotator_name: str, out: Path) -> None:
    """Write an annotator's copy: her assigned documents and her own layer, nothing else.

    She annotates it in the window; 'annotator merge' brings her work back.

    \b
    Example:
      annotator package news.db --annotator layla --out layla.db
      annotator merge news.db layla.db
    """
    from annotator.jobs.package import package_for
    from annotator.store import Project

    with Project.open(project) as store:
        made = package_for(store, annotator_name, out)
    click.echo(f"Wrote {out}: {made.documents} document(s) for {made.annotator}"
               + (f", her earlier work on {made.with_work}" if made.with_work else "") + ".")  # fmt: skip


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option(
    "--documents", "show_documents", is_flag=True, help="Also list who is on each document."
)
@json_option
@quiet_option
def progress(project: Path, show_documents: bool, as_json: bool) -> None:
    """Progress per annotator: assigned, done, skipped, active time, spans per hour.

    Done and skipped count the documents assigned to the annotator; documents they finished
    beyond those are counted apart. Active time is recorded by the window (pauses over two
    minutes are not counted); spans per hour is given from a minute of it on.

    \b
    Example:
      annotator progress news.db
      annotator progress news.db --documents
      annotator progress news.db --json
    """
    from annotator.store import Project

    with Project.open(project) as store:
        data = store.progress()
    if as_json:
        _print_json(data)
        return
    rows = [["annotator", "assigned", "done", "skipped", "done, not assigned", "time", "spans/h"]]
    for name, p in data["annotators"].items():
        rate = "—" if p["spans_per_hour"] is None else f"{p['spans_per_hour']:,.0f}"
        counts = (p["assigned"], p["done"], p["skipped"], p["done_unassigned"])
        rows.append([name, *(f"{n:,}" for n in counts), _duration(p["seconds"]), rate])
    for line in _table(rows):
        click.echo(line)
    if not data["assigned_documents"]:
        click.echo(f"Nothing is assigned yet (annotator assign {project} --annotators ...).")
    if show_documents:
        for doc in data["documents"]:
            who = ", ".join(f"{n} ({st.replace('_', ' ')})" for n, st in doc["annotators"].items())
            click.echo(f"  {doc['id']}: {who}")


def _table(rows: list[list[str]]) -> list[str]:
    """Rows as aligned columns two spaces apart (the first left-aligned, the others right), with a
    rule under the header: every column as wide as its widest cell."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    lines.insert(1, "-" * len(lines[0]))
    return lines


def _duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    return f"{minutes // 60}h{minutes % 60:02d}" if minutes >= 60 else f"{minutes} min"


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.argument("others", nargs=-1, required=True, type=click.Path(path_type=Path))
@json_option
@quiet_option
def merge(project: Path, others: tuple[Path, ...], as_json: bool) -> None:
    """Merge annotators' copies of a project into PROJECT (documents matched by their text).

    Layers PROJECT lacks are copied, identical ones skipped (merging twice adds nothing), and
    layers that differ are listed as conflicts and left as they are in PROJECT.

    \b
    Example:
      annotator merge lead.db layla.db omar.db sara.db
    """
    from annotator.jobs.merge import merge_projects
    from annotator.store import Project

    with Project.open(project) as store:
        reports = merge_projects(store, list(others))
    if as_json:
        _print_json({name: r.as_dict() for name, r in reports.items()})
        return
    for name, r in reports.items():
        terminal.say(f"{name}: {r.documents_added} new document(s), {r.layers_added} layer(s) merged, "
                   f"{r.identical} already identical, {len(r.conflicts)} conflict(s).")  # fmt: skip
        for c in r.conflicts:
            terminal.say(f"  conflict: {c['annotator']} on {c['document']}: here {c['here']['status']} with "
                       f"{c['here']['spans']} span(s), there {c['there']['status']} with "
                       f"{c['there']['spans']} span(s); kept the version here")  # fmt: skip


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option("--doc", "doc_ref", help="Only this document (external id or number).")
@json_option
@quiet_option
def suggest(project: Path, doc_ref: str | None, as_json: bool) -> None:
    """Pre-annotate: suggest speakers, claims, stances and events with Arabic rules.

    Suggestions are stored as their own layer ('suggestions'), drawn dashed in the window and
    never exported as human work unless an annotator accepts them. Running again replaces them.
    With --json, prints one native JSONL line per document.

    \b
    Example:
      annotator suggest news.db
      annotator suggest news.db --doc 003 --json
    """
    from annotator.export.jsonl import document_line
    from annotator.jobs.suggest import suggest_project
    from annotator.store import Project

    def line(doc: Any, layer: Any) -> None:
        click.echo(document_line(doc, [layer], multi=False).decode())

    with Project.open(project) as store:
        report = suggest_project(
            store, doc_ref, _progress("Suggesting"), line if as_json else None, parallel=True
        )
    terminal.clear()
    for failure in report.failed[:10]:
        terminal.warn(
            f"annotator: skipped document {failure.document}: the rules failed on it "
            f"({failure.reason}); its earlier suggestions are unchanged"
        )
    if len(report.failed) > 10:
        terminal.warn(f"annotator: skipped {len(report.failed) - 10} more document(s)")
    if as_json:
        return
    summary = ", ".join(f"{n} {label}" for label, n in sorted(report.by_label.items())) or "nothing"
    terminal.say(
        f"Suggested {summary} in {report.documents} document(s); "
        "open the window and press S to review them."
    )


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option("--now", "make_now", is_flag=True, help="Make a backup now (if anything changed).")
@quiet_option
def backups(project: Path, make_now: bool) -> None:
    """List the project's backups (newest first), or make one with --now.

    The window makes one when it opens a project and every ten minutes while you work, only when
    something changed. Kept: the last 5, one a day for a week, one a week for a month, within 2 GB.

    \b
    Example:
      annotator backups news.db --now
      annotator backups news.db
    """
    from annotator.store import Project
    from annotator.store.backup import list_backups

    if make_now:
        with Project.open(project) as store:
            made = store.backup()
        if made.new:
            terminal.say(f"Backed up to {made.path}")
        else:
            terminal.say(f"Nothing changed since the newest backup ({made.path.name}); none made.")
    if make_now and terminal.quiet:  # the list is the summary of --now
        return
    found = list_backups(project)
    if not found:
        click.echo(f"No backups of {project} yet (make one with --now).")
    for i, b in enumerate(found, 1):
        taken = b.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        click.echo(f"{i:>3}  {taken}  {b.size / 1e6:>8.1f} MB  {b.path}")


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.argument("backup", required=False)
@quiet_option
def restore(project: Path, backup: str | None) -> None:
    """Restore PROJECT from a backup: a path, or a number from 'annotator backups' (1 = newest).

    The backup is checked first; the current state is backed up before it is replaced, so a
    restore can itself be undone. Refused while another program (an import) is writing.

    \b
    Example:
      annotator restore news.db 1
    """
    from annotator.errors import ProjectError
    from annotator.store.backup import list_backups, restore_backup

    if backup is None or backup.isdigit():
        found = list_backups(project)
        if not found:
            raise ProjectError(
                f"{project} has no usable backups (make one with: annotator backups {project} --now)"
            )
        index = int(backup or 1)
        if not 1 <= index <= len(found):
            raise ProjectError(
                f"{project} has {len(found)} backup(s); give a number from 1 to {len(found)}"
            )
        chosen = found[index - 1].path
    else:
        chosen = Path(backup)
    before = restore_backup(project, chosen)
    terminal.say(
        f"Restored {project} from {chosen.name}; the state before is kept as {before.path.name} "
        f"(to undo the restore: annotator restore {shlex.quote(str(project))} "
        f"{shlex.quote(str(before.path))})."
    )


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@json_option
@quiet_option
def stats(project: Path, as_json: bool) -> None:
    """Count documents, spans and relations by label and status, documents by status per
    annotator, and the documents nobody has started.

    \b
    Example:
      annotator stats news.db --json
    """
    from annotator.store import Project

    with Project.open(project) as store:
        data = store.stats()
    if as_json:
        _print_json(data)
        return
    click.echo(f"{data['project']}: {data['documents']} documents, {data['spans']} spans, "
               f"{data['relations']} relations, schema {data['schema']}")  # fmt: skip
    click.echo("Annotators: " + (", ".join(data["annotators"]) or "none yet"))
    others = {n: k for n, k in data["layers"].items() if k != "annotator"}
    if others:
        click.echo("Other layers: " + ", ".join(f"{n} ({k})" for n, k in others.items()))
    click.echo("By label:   " + ", ".join(f"{k} {v}" for k, v in data["by_label"].items()))
    click.echo("Documents by status (the furthest any annotator got): "
               + ", ".join(f"{k} {v}" for k, v in data["by_status"].items()))  # fmt: skip
    for name, counts in data["by_annotator"].items():
        click.echo(f"  {name}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    nobody = data["not_started"]
    if nobody["documents"]:
        shown = ", ".join(nobody["ids"][:10]) + (" ..." if nobody["documents"] > 10 else "")
        click.echo(f"Nobody has started {nobody['documents']} document(s): {shown}")
    else:
        click.echo("Every document has been started by someone.")
    open_items = {k: v for k, v in data["checklist"].items() if v}
    click.echo(
        "Checklist:  " + (", ".join(f"{v} {k}" for k, v in open_items.items()) or "nothing open")
    )


@cli.command(name="datasette-metadata")
@click.argument("project", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=Path("metadata.json"),
              show_default=True, help="Where to write it (a new file).")  # fmt: skip
@quiet_option
def datasette_metadata(project: Path, out: Path) -> None:
    """Write Datasette's metadata.json describing the project's tables, views and columns.

    The project has views for reading: span_texts (each span with its document and text),
    relation_spans (relations with the span ids exports use) and attributions (claim and speaker
    texts).

    \b
    Example:
      annotator datasette-metadata news.db --out metadata.json
      datasette news.db --metadata metadata.json
    """
    import shlex

    from annotator.errors import InputError
    from annotator.store import Project
    from annotator.store.datasette import metadata

    with Project.open(project) as store:  # brings an older project's views
        data = metadata(store.path)
    try:
        with out.open("x", encoding="utf-8") as fh:
            fh.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    except FileExistsError:
        raise InputError(out, "already exists; choose another name (it is left as it is)") from None
    except OSError as exc:
        raise InputError(out, f"cannot be written ({exc.strerror or exc})") from None
    command = f"datasette {shlex.quote(str(project))} --metadata {shlex.quote(str(out))}"
    terminal.say(f"Wrote {out}; run: {command}")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning every error into one sentence and an exit status."""
    setup_log()
    try:
        cli.main(args=argv, prog_name="annotator", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except BaseException as exc:
        terminal.clear()  # an error never starts on the counter's line
        sys.exit(_told(exc))


def _told(exc: BaseException) -> int:
    """Say ``exc`` in one sentence on stderr; return the exit status (re-raise bugs when
    ANNOTATOR_DEBUG is set)."""
    if isinstance(exc, click.ClickException):
        exc.show()
        return exc.exit_code
    if isinstance(exc, click.exceptions.Abort):
        click.echo("Aborted.", err=True)
        return 130
    if isinstance(exc, AnnotatorError):
        click.echo(f"annotator: {exc.message}", err=True)
        return exc.exit_code
    if isinstance(exc, BrokenPipeError):  # the reader of our output stopped (| head)
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    if isinstance(exc, KeyboardInterrupt):
        click.echo("Interrupted; nothing was half-written.", err=True)
        return 130
    if os.environ.get("ANNOTATOR_DEBUG") or not isinstance(exc, Exception):
        raise exc
    log_file = record_unexpected(exc, "the command line")
    click.echo(
        f"annotator: unexpected error ({type(exc).__name__}: {exc}); this is a bug: the "
        f"details are in {log_file}, please report them with that file",
        err=True,
    )
    return 70
