"""``annotator backups`` and ``annotator restore``: list, make and restore backups."""

from __future__ import annotations

import shlex
from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.cli.options import (
    quiet_option,
)
from annotator.terminal import terminal


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
    from annotator.store.backup import scan_backups

    if make_now:
        with Project.open(project) as store:
            made = store.backup()
        if made.new:
            terminal.say(f"Backed up to {made.path}")
        else:
            terminal.say(f"Nothing changed since the newest backup ({made.path.name}); none made.")
    if make_now and terminal.quiet:  # the list is the summary of --now
        return
    folder = scan_backups(project)
    if not folder.backups:
        click.echo(f"No backups of {project} yet (make one with --now).")
    for i, b in enumerate(folder.backups, 1):
        taken = b.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        click.echo(f"{i:>3}  {taken}  {b.size / 1e6:>8.1f} MB  {b.path}")
    if folder.others:
        click.echo(
            f"Not backups of {project} (another project's files, or files it did not write;"
            " never restored by number or removed):"
        )
        for path in folder.others:
            click.echo(f"     {path}")


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.argument("backup", required=False)
@click.option("--another-project", is_flag=True,
              help="Restore from a file of another project all the same (refused otherwise).")  # fmt: skip
@quiet_option
def restore(project: Path, backup: str | None, another_project: bool) -> None:
    """Restore PROJECT from a backup: a path, or a number from 'annotator backups' (1 = newest).

    The backup is checked first; the current state is backed up before it is replaced, so a
    restore can itself be undone. Refused while another program (an import) is writing, and
    for a file of another project unless --another-project is given.

    \b
    Example:
      annotator restore news.db 1
    """
    from annotator.errors import Told, UsageError
    from annotator.store.backup import list_backups, restore_backup
    from annotator.store.identity import identify

    identify(project)  # a file that is no project is refused as such, not as one without backups
    if backup is None or backup.isdigit():
        found = list_backups(project)
        if not found:
            raise UsageError(
                "{project} has no backups yet (make one with: annotator backups {project} --now)",
                project=str(project),
            )
        index = int(backup or 1)
        if not 1 <= index <= len(found):
            raise UsageError(
                Told(
                    "{project} has %n backups; give a number from 1 to {last}",
                    {"project": str(project), "last": len(found)},
                    count=len(found),
                    one="{project} has %n backup; give 1",
                )
            )
        chosen = found[index - 1].path
    else:
        chosen = Path(backup)
    before = restore_backup(project, chosen, another_project=another_project)
    terminal.say(
        f"Restored {project} from {chosen.name}; the state before is kept as {before.path.name} "
        f"(to undo the restore: annotator restore {shlex.quote(str(project))} "
        f"{shlex.quote(str(before.path))})."
    )
