"""``annotator export``: write a training dataset and its manifest (``--out -`` is standard output)."""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.cli.options import (
    STDIO,
    counter,
    json_option,
    print_json,
    quiet_option,
)
from annotator.errors import UsageError
from annotator.export.formats import NAMES as EXPORT_FORMATS
from annotator.model.layers import COMBINED_LAYERS
from annotator.terminal import terminal


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option("--format", "fmt", required=True, type=click.Choice(EXPORT_FORMATS),
              help="Output format (the table in the README says what each carries).")  # fmt: skip
@click.option("--out", required=True, type=click.Path(path_type=Path),
              help="Output file (a folder for brat).")  # fmt: skip
@click.option("--annotator", "annotator_name", help="Export this annotator's layer.")
@click.option("--layer", type=click.Choice(COMBINED_LAYERS),
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
            store, fmt, target, annotator_name, layer, status, counter("Writing"),
            split=split, seed=seed, labels=label_list, options=options, parallel=True,
            force=force,
        )  # fmt: skip
    terminal.clear()
    if as_json:
        print_json(manifest)
        return
    # with --out -, standard output carries the data: the summary goes to stderr
    say = terminal.say if out != STDIO else (terminal.warn if not terminal.quiet else None)
    if say is not None:
        summary = export_summary(manifest).split("\n")
        if out == STDIO:  # its manifest went with the temporary file
            summary = [line for line in summary if not line.startswith("Details per label")]
            summary.append(NO_MANIFEST)
        say("\n".join(summary))
        if not manifest["documents"]:
            say("No document has a layer to export: check --annotator, --layer and --status "
                "(documents nobody annotated are not exported).")  # fmt: skip


NO_MANIFEST = (
    "No manifest was kept (--out - writes the data alone): the lines above are all it would "
    "count; export to a file (--out FILE) for one with the details per label."
)


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
