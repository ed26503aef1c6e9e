"""``annotator datasette-metadata``: describe the project's tables for Datasette."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.cli.options import (
    STDIO,
    quiet_option,
)
from annotator.terminal import terminal


@cli.command(name="datasette-metadata")
@click.argument("project", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=Path("metadata.json"),
              show_default=True, help="Where to write it (a new file; - for standard output).")  # fmt: skip
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

    from annotator.errors import InputError
    from annotator.store import Project
    from annotator.store.datasette import metadata

    with Project.open(project) as store:  # brings an older project's views
        data = metadata(store.path)
    if out == STDIO:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    try:
        with out.open("x", encoding="utf-8") as fh:
            fh.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    except FileExistsError:
        raise InputError(out, "already exists; choose another name (it is left as it is)") from None
    except OSError as exc:
        raise InputError(out, f"cannot be written ({exc.strerror or exc})") from None
    command = f"datasette {shlex.quote(str(project))} --metadata {shlex.quote(str(out))}"
    terminal.say(f"Wrote {out}; run: {command}")
