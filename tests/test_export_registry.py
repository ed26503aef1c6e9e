"""One table of export formats, read by the CLI, the dialog and the README; options are typed and
checked against the formats that read them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.errors import UsageError
from annotator.export.base import Writer
from annotator.export.formats import FORMATS, NAMES, Overlaps, export_format
from annotator.export.options import ExportOptions
from annotator.jobs.export import export_dataset
from tests.test_export_formats import _project

ROOT = Path(__file__).resolve().parents[1]


def test_every_format_has_a_writer() -> None:
    for fmt in FORMATS:
        assert issubclass(fmt.writer_class(), Writer), fmt.name
        assert set(fmt.options) <= set(ExportOptions.__dataclass_fields__), fmt.name


def test_the_command_line_offers_exactly_the_registry() -> None:
    help_text = CliRunner().invoke(cli, ["export", "--help"]).output
    offered = re.search(r"\[([a-z0-9|-]+)\]", help_text.replace("\n", "").replace(" ", ""))
    assert offered is not None and tuple(offered.group(1).split("|")) == NAMES


def test_the_readme_table_is_the_registry() -> None:
    rows = {}
    for line in (ROOT / "README.md").read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[0].startswith("`") and cells[1] in ("file", "folder"):
            rows[cells[0].strip("`")] = tuple(cells[1:5])
    yes = {True: "yes", False: "no"}
    assert rows == {
        f.name: ("folder" if f.folder else "file", yes[f.attributes], yes[f.relations],
                 f.overlaps.value)
        for f in FORMATS
    }  # fmt: skip
    assert {f.overlaps for f in FORMATS} <= set(Overlaps)


def test_an_option_a_format_does_not_read_is_refused(tmp_path: Path) -> None:
    project = _project(tmp_path)
    with pytest.raises(UsageError, match="--tokens does not apply to the hf-bio format"):
        export_dataset(project, "hf-bio", tmp_path / "x.jsonl", "layla",
                       options=ExportOptions(tokens=False))  # fmt: skip
    assert not (tmp_path / "x.jsonl").exists()
    with pytest.raises(UsageError, match="unknown export format 'csv'"):
        export_format("csv")
    project.close()


def test_no_tokens_reaches_the_writer_as_an_option(tmp_path: Path) -> None:
    project = _project(tmp_path)
    manifest = export_dataset(project, "jsonl", tmp_path / "o.jsonl", "layla",
                              options=ExportOptions(tokens=False))  # fmt: skip
    assert manifest["filters"]["tokens"] is False
    assert '"tokens"' not in (tmp_path / "o.jsonl").read_text("utf-8")
    project.close()


def test_the_cli_refuses_an_option_of_another_format(tmp_path: Path) -> None:
    from tests.test_cli import run

    project = _project(tmp_path)
    project.close()
    result = run("export", str(project.path), "--format", "conll", "--annotator", "layla",
                 "--no-tokens", "--out", str(tmp_path / "o.conll"))  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "--tokens does not apply to the conll format (it takes no options of its own)" in (
        result.stderr
    )
