"""``annotator init``: create an empty project file with a label schema."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.cli.options import (
    quiet_option,
)
from annotator.terminal import terminal


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
