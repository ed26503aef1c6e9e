"""``annotator init``: create an empty project file with a label schema."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.cli.options import (
    quiet_option,
)
from annotator.terminal import terminal
from annotator.text.plural import plural

NAMED_LABELS = 12  # the summary names this many label ids and counts the rest


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
    ids = list(schema.label_ids)
    named = ", ".join(ids[:NAMED_LABELS])
    if len(ids) > NAMED_LABELS:  # a schema of a thousand labels is not a line to read
        named += f" and {len(ids) - NAMED_LABELS} more"
    terminal.say(
        f"Created {project} with the {schema.name} schema ({plural(len(ids), 'label')}: {named})."
    )
