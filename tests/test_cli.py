"""The command line as a user meets it: help with examples, one-sentence errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.text.plural import plural


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real entry point in a subprocess, as a shell would."""
    return subprocess.run(
        [sys.executable, "-c", "from annotator.cli import main; main()", *args],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_import_then_stats(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text("عنوان\nنص", encoding="utf-8")
    (folder / "two.txt").write_text("عنوان آخر\nنص آخر", encoding="utf-8")
    db = tmp_path / "new.db"
    result = run("import", str(db), str(folder))
    assert result.returncode == 0, result.stderr
    assert "Imported 2 new documents" in result.stdout
    stats = json.loads(run("stats", str(db), "--json").stdout)
    assert stats["documents"] == 2
    assert {t["title"] for t in stats["titles"]} == {"عنوان", "عنوان آخر"}
    for key in ("documents", "spans", "relations", "annotators", "by_label", "by_status"):
        assert key in stats


def test_import_json_prints_only_json(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    out = run("import", str(tmp_path / "p.db"), str(tmp_path / "a.txt"), "--json").stdout
    assert json.loads(out)["documents_added"] == 1


def test_shared_samples_import(shared_samples: Path, tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    assert run("import", str(db), str(shared_samples)).returncode == 0
    stats = json.loads(run("stats", str(db), "--json").stdout)
    assert stats["documents"] == 3 and all(t["title"] for t in stats["titles"])


def test_bad_input_gives_one_sentence_no_traceback_and_no_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "a"}\n{"text": "b"}\n{"text": \n', encoding="utf-8")
    db = tmp_path / "new.db"
    result = run("import", str(db), str(bad))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "bad.jsonl, line 3" in result.stderr
    assert not db.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["stats", "{tmp}/missing.db"], "does not exist"),
        (["stats", "{tmp}"], "is a folder"),
        (["import", "{tmp}/p.db", "{tmp}/nothing"], "no such file or folder"),
        (["init", "{tmp}/x.db", "--schema", "{tmp}/nope.toml"], "cannot read the schema file"),
    ],
)
def test_user_errors(tmp_path: Path, args: list[str], message: str) -> None:
    result = run(*[a.format(tmp=tmp_path) for a in args])
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert message in result.stderr


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    assert run("init", str(db)).returncode == 0
    result = run("init", str(db))
    assert result.returncode != 0 and "already exists" in result.stderr


def test_init_with_a_thousand_labels_says_a_readable_line(tmp_path: Path) -> None:
    labels = "".join(
        f'[[labels]]\nid = "l{i}"\nen = "Label {i}"\nar = "وسم {i}"\ncolor = "#112233"\n\n'
        for i in range(1000)
    )
    schema = tmp_path / "big.toml"
    schema.write_text(f'[schema]\nname = "big"\nversion = 1\n\n{labels}', encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "p.db"), "--schema", str(schema)])
    assert result.exit_code == 0, result.output
    (line,) = result.output.splitlines()
    assert "1,000 labels: l0, l1," in line and "l11 and 988 more)." in line and len(line) < 200
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "q.db")])
    assert "(4 labels: speaker, claim, stance, event)." in result.output


def test_an_export_that_cannot_be_written_is_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("قال الوزير إن المحادثات مثمرة", encoding="utf-8")
    db = tmp_path / "p.db"
    assert run("import", str(db), str(tmp_path / "a.txt")).returncode == 0
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    out = blocker / "layla.jsonl"
    result = run("export", str(db), "--format", "jsonl", "--layer", "all", "--out", str(out))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        f"annotator: cannot write the export at {out}: {blocker} is a file, not a folder"
    )


def test_exporting_a_project_nobody_annotated_says_so(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("قال الوزير إن المحادثات مثمرة", encoding="utf-8")
    db = tmp_path / "p.db"
    assert run("import", str(db), str(tmp_path / "a.txt")).returncode == 0
    out = tmp_path / "out.jsonl"
    result = run("export", str(db), "--format", "jsonl", "--out", str(out))
    assert result.returncode == 2 and not out.exists()
    assert result.stderr.strip() == (
        f"annotator: {db} has no annotations yet: annotate in the window "
        f"(annotator gui {db}) before exporting"
    )
    result = run("export", str(db), "--format", "jsonl", "--layer", "all", "--out", str(out))
    assert result.returncode == 0
    assert "Wrote 0 documents" in result.stdout
    assert "No document has a layer to export" in result.stdout


def _two_annotator_project(tmp_path: Path) -> Path:
    text = "قال وزير الخارجية إن المحادثات كانت مثمرة."
    lines = [
        {"id": "d1", "text": text, "annotator": "layla", "status": "done",
         "spans": [{"start": 0, "end": 3, "label": "event"}]},
        {"id": "d2", "text": text + " ", "annotator": "omar", "status": "done",
         "spans": [{"start": 4, "end": 17, "label": "speaker"}]},
    ]  # fmt: skip
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    db = tmp_path / "p.db"
    assert run("import", str(db), str(src)).returncode == 0
    return db


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (
            ["--annotator", "layla", "--layer", "gold"],
            "give either --annotator or --layer, not both",
        ),
        (["--format", "hf-bio", "--layer", "all"], "the hf-bio format holds one layer"),
        (["--layer", "gold", "--split", "80,x"], "--split '80,x': give whole percentages"),
        (["--layer", "gold", "--split", "50,60"], "--split '50,60': give two or three percentages"),
        (["--layer", "gold", "--labels", "foo"], "unknown label 'foo' (the schema has"),
        (["--annotator", "nobody"], "has no annotator 'nobody' (annotators: layla, omar)"),
        ([], "has 2 annotators; choose one with --annotator NAME"),
    ],
)
def test_export_usage_errors_exit_2_with_their_sentence(
    tmp_path: Path, args: list[str], sentence: str
) -> None:
    db = _two_annotator_project(tmp_path)
    out = tmp_path / "out.jsonl"
    fmt = [] if "--format" in args else ["--format", "jsonl"]
    result = run("export", str(db), *fmt, "--out", str(out), *args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("annotator: ") and sentence in result.stderr
    assert result.stderr.strip().count("\n") == 0 and not out.exists()


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["--labels", "foo"], "unknown label 'foo'"),
        (["--annotators", "layla,nobody"], "has no annotator 'nobody'"),
    ],
)
def test_agreement_usage_errors_exit_2(tmp_path: Path, args: list[str], sentence: str) -> None:
    result = run("agreement", str(_two_annotator_project(tmp_path)), *args)
    assert result.returncode == 2 and sentence in result.stderr, result.stderr


def test_the_export_summary_states_every_span_the_manifest_lists_as_changed(
    tmp_path: Path,
) -> None:
    db = _two_annotator_project(tmp_path)
    out = tmp_path / "rows.jsonl"
    done = run("export", str(db), "--format", "hf-bio", "--annotator", "omar",
               "--max-tokens", "1", "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    where = done.stdout.rpartition("Details per label: ")[2].strip().rstrip(".")
    manifest = json.loads(Path(where).read_text(encoding="utf-8"))
    assert len(manifest["cut"]) == 1  # "وزير الخارجية" cannot stay whole in one-token rows
    assert (
        f"{plural(len(manifest['widened']), 'span')} widened to whole tokens, "
        f"{len(manifest['cut'])} cut in pieces" in done.stdout
    )
    assert f"{len(manifest['dropped'])} left out." in done.stdout


def test_backups_now_quiet_prints_nothing_and_makes_the_backup(tmp_path: Path) -> None:
    db = _two_annotator_project(tmp_path)
    done = run("backups", str(db), "--now", "-q")
    assert done.returncode == 0 and done.stdout == "", done.stdout
    listed = run("backups", str(db), "-q")  # listing is what the command without --now is for
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 1
