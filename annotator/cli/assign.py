"""``annotator assign``: share the documents among annotators, with an overlap for agreement."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.cli.options import (
    json_option,
    print_json,
    quiet_option,
)
from annotator.terminal import terminal
from annotator.text.plural import plural


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
        print_json({"assigned": len(made.who), "overlap": len(made.overlap), "new": counts,
                     "total": per})  # fmt: skip
        return
    if not made.who:
        terminal.say(f"Every document of {project} is already assigned; nothing new to assign."
                   if sum(per.values()) else f"{project} has no documents yet: import some first.")  # fmt: skip
        return
    terminal.say(f"Assigned {plural(len(made.who), 'new document')} ({len(made.overlap)} shared by "
               f"{per_overlap} for agreement): " + ", ".join(f"{n} {c}" for n, c in counts.items())
               + ".")  # fmt: skip
    terminal.say("Assigned in all: " + ", ".join(f"{n} {c}" for n, c in per.items()) + ".")
