"""Export targets never destroy anything of the user's (SPEC section 4): existing files and folders,
the project, its folder and backups, odd characters, unwritable folders, two exports at once, and
an export killed with SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.errors import TargetError
from annotator.jobs.export import export_dataset
from annotator.jobs.export_target import Lease, manifest_path, plan_target
from annotator.model.projectfiles import backups_folder
from annotator.model.schema import default_schema
from annotator.store import Project
from tests.test_export_parallel import _document

ROOT = Path(__file__).resolve().parents[1]
REFUSED = 2


def _make(path: Path, n: int = 3) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with Project.create(path, default_schema()) as store:
        store.add_documents(_document(i) for i in range(n))
    return path


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from annotator.cli import main; main()", *args],
        capture_output=True, text=True, timeout=120, cwd=cwd,
    )  # fmt: skip


def _export(
    db: Path, out: str, *extra: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    fmt = "jsonl" if "--format" not in extra else ""
    args = ["export", str(db), *(["--format", fmt] if fmt else []), "--annotator", "layla"]
    return _cli(*args, "--out", out, *extra, cwd=cwd)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*"))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return _make(tmp_path / "proj" / "news.db")


def test_an_existing_folder_of_user_files_is_never_replaced(db: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mydata"
    (mine / "sub").mkdir(parents=True)
    (mine / "notes.txt").write_text("my notes", "utf-8")
    (mine / "sub" / "a.ann").write_text("T1\tspeaker 0 1\tx\n", "utf-8")
    before = _snapshot(mine)
    for extra in ((), ("--force",)):
        as_file = _export(db, str(mine), *extra)
        assert as_file.returncode == REFUSED and "Traceback" not in as_file.stderr
        assert f"{mine} is a folder, and the jsonl format writes a file" in as_file.stderr
        as_folder = _export(db, str(mine), "--format", "brat", *extra)
        assert as_folder.returncode == REFUSED, as_folder.stderr
        assert str(mine) in as_folder.stderr
    assert "already exists" in _export(db, str(mine), "--format", "brat").stderr
    assert (
        "not written by an export" in _export(db, str(mine), "--format", "brat", "--force").stderr
    )
    assert _snapshot(mine) == before and _hidden(tmp_path) == []


def test_an_existing_unrelated_file_is_never_replaced(db: Path, tmp_path: Path) -> None:
    theirs = tmp_path / "data.jsonl"
    theirs.write_text("someone else's data\n", "utf-8")
    plain = _export(db, str(theirs))
    assert plain.returncode == REFUSED
    assert plain.stderr.strip() == (
        f"annotator: {theirs} already exists; choose a new --out, "
        "or add --force to replace an earlier export written there"
    )
    forced = _export(db, str(theirs), "--force")
    assert forced.returncode == REFUSED and "not written by an export of annotator" in forced.stderr
    # a manifest of someone else's beside it does not count either
    (tmp_path / "data.manifest.json").write_text(
        '{"program": "other 1.0", "written": ["data.jsonl"]}'
    )
    assert _export(db, str(theirs), "--force").returncode == REFUSED
    assert theirs.read_text("utf-8") == "someone else's data\n"


@pytest.mark.parametrize("fmt", ["jsonl", "brat"])
def test_the_project_its_folder_and_backups_are_never_targets(db: Path, fmt: str) -> None:
    assert _cli("backups", str(db), "--now").returncode == 0
    assert any(backups_folder(db).iterdir())
    folder = db.parent
    before = _snapshot(folder)
    for out, cwd, said in (
        (str(db), None, "is the project file"),
        (".", folder, "is the folder that holds the project"),
        (str(folder), None, "is the folder that holds the project"),
        (str(folder.parent), None, "is the folder that holds the project"),
        (str(backups_folder(db)), None, "inside the project's backups"),
        (str(backups_folder(db) / "x.jsonl"), None, "inside the project's backups"),
        (f"{db}-wal", None, "is the project file"),
    ):
        for extra in ((), ("--force",)) if out == "." else (("--force",),):
            result = _export(db, out, "--format", fmt, *extra, cwd=cwd)
            assert result.returncode == REFUSED, (out, result.stderr)
            assert said in result.stderr and "Traceback" not in result.stderr
    assert _snapshot(folder) == before
    with Project.open(db) as store:
        assert store.document_count() == 3


def test_out_dot_elsewhere_is_a_sentence(db: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    result = _export(db, ".", cwd=work)
    assert result.returncode == REFUSED and "Traceback" not in result.stderr
    assert "is a folder, and the jsonl format writes a file: give a file name" in result.stderr
    brat = _export(db, ".", "--format", "brat", cwd=work)
    assert brat.returncode == REFUSED and f"{work} already exists" in brat.stderr
    assert list(work.iterdir()) == []


def test_force_replaces_only_an_earlier_export(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "data.jsonl"
    assert _export(db, str(out), "--split", "50,50").returncode == 0
    parts = sorted(p.name for p in out.parent.iterdir())
    assert parts == ["data.dev.jsonl", "data.manifest.json", "data.train.jsonl"]
    assert _export(db, str(out), "--split", "50,50").returncode == REFUSED
    # without a split the earlier parts are replaced by one file: the stale parts go
    again = _export(db, str(out), "--force")
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in out.parent.iterdir()) == ["data.jsonl", "data.manifest.json"]
    assert json.loads((out.parent / "data.manifest.json").read_text("utf-8"))["written"] == [
        "data.jsonl"
    ]
    # a folder export: replaced with --force, unless the user put a file of theirs in it
    brat = tmp_path / "brat"
    assert _export(db, str(brat), "--format", "brat").returncode == 0
    assert (brat / "manifest.json").is_file() and (brat / "doc-000.ann").is_file()
    assert _export(db, str(brat), "--format", "brat", "--force").returncode == 0
    (brat / "my-notes.txt").write_text("keep me", "utf-8")
    kept = _export(db, str(brat), "--format", "brat", "--force")
    assert (
        kept.returncode == REFUSED
        and "my-notes.txt was not written by the earlier export" in kept.stderr
    )
    assert (brat / "my-notes.txt").read_text("utf-8") == "keep me"
    assert _hidden(tmp_path / "out") == [] and _hidden(brat) == []


@pytest.mark.parametrize("name", ["with space", "hash#1", "what?", "100%", "أخبار", "%41%3F#?"])
def test_odd_characters_in_paths(db: Path, tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    out = folder / f"{name}.jsonl"
    brat = folder / name
    with Project.open(db) as store:
        assert export_dataset(store, "jsonl", out, "layla")["documents"] == 3
        assert len(out.read_text("utf-8").splitlines()) == 3
        assert manifest_path(out, False).is_file()
        with pytest.raises(TargetError, match="already exists"):
            export_dataset(store, "jsonl", out, "layla")
        export_dataset(store, "jsonl", out, "layla", force=True)
        export_dataset(store, "brat", brat, "layla")
        export_dataset(store, "brat", brat, "layla", force=True)
    assert (brat / "manifest.json").is_file() and _hidden(folder) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_folder_is_one_sentence(db: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = _export(db, str(locked / "data.jsonl"))
        assert result.returncode == REFUSED and "Traceback" not in result.stderr
        assert f"cannot write in {locked}" in result.stderr
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


def test_a_second_export_to_a_target_being_written_refuses(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "data.jsonl"
    with Project.open(db) as store:
        held = plan_target(out, False, {None: out}, store.path, "jsonl")
        with Lease(held):
            with pytest.raises(TargetError, match=r"another export is writing to .* right now"):
                export_dataset(store, "jsonl", out, "layla")
            assert not out.exists()
        export_dataset(store, "jsonl", out, "layla")  # free again once the first is done
    assert _hidden(tmp_path) == []


def test_two_exports_to_one_path_at_once(tmp_path: Path) -> None:
    db = _make(tmp_path / "news.db", 60)
    out = tmp_path / "o" / "data.jsonl"
    cmd = [sys.executable, "-c", "from annotator.cli import main; main()", "export", str(db),
           "--format", "jsonl", "--annotator", "layla", "--out", str(out)]  # fmt: skip
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]  # fmt: skip
    results = [(p.returncode, p.communicate(timeout=120)[1]) for p in procs]
    results = [(p.returncode, err) for p, (_, err) in zip(procs, results, strict=True)]
    codes = sorted(code for code, _ in results)
    assert codes == [0, REFUSED], results
    refusal = next(err for code, err in results if code == REFUSED)
    assert "another export is writing" in refusal or "already exists" in refusal
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 60 and all(json.loads(line)["annotator"] == "layla" for line in lines)
    assert _hidden(out.parent) == []


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_killed_export_leaves_no_workers_and_no_files(tmp_path: Path) -> None:
    db = _make(tmp_path / "news.db", 60)
    where = tmp_path / "o"
    out = where / "data.jsonl"
    proc = subprocess.Popen([sys.executable, str(ROOT / "tests" / "helpers_export.py"), str(db),
                             str(out)], cwd=ROOT)  # fmt: skip
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None:
        # the pool's workers are grandchildren at most one level down (spawn's tracker aside)
        workers = [c for c in _children(proc.pid) if "spawn_main" in _cmdline(c)]
        if len(workers) == 2 and any(".annotator-" in p.name for p in where.glob(".*")):
            break
        time.sleep(0.05)
    assert proc.poll() is None and len(workers) == 2, "the export never started its workers"
    watchers = [c for c in _children(proc.pid) if "export_watch" in _cmdline(c)]
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and (
        any(_alive(p) for p in workers + watchers) or _hidden(where)
    ):
        time.sleep(0.1)
    assert not any(_alive(p) for p in workers), "a worker outlived its export"
    assert not any(_alive(p) for p in watchers)
    assert _hidden(where) == [] and not out.exists()
    # and the next export to the same place just works
    assert _cli("export", str(db), "--format", "jsonl", "--annotator", "layla", "--out",
                str(out)).returncode == 0  # fmt: skip


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def test_force_never_removes_what_an_edited_manifest_names(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "o" / "news"  # no suffix: a manifest could name news.train.db...
    assert _export(db, str(out), "--split", "50,50").returncode == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("mine", "utf-8")
    notes = out.parent / "notes.txt"
    notes.write_text("mine too", "utf-8")
    project_alike = out.parent / "news.train.db"
    project_alike.write_text("looks like a part", "utf-8")
    manifest = out.parent / "news.manifest.json"
    data = json.loads(manifest.read_text("utf-8"))
    data["written"] += ["../victim.txt", "notes.txt", str(victim), "news.train.db/../notes.txt",
                        "news.train.db"]  # fmt: skip
    manifest.write_text(json.dumps(data), "utf-8")
    assert _export(db, str(out), "--force").returncode == 0
    assert victim.read_text("utf-8") == "mine" and notes.read_text("utf-8") == "mine too"
    # a part-like name is only replaced when it is one of the parts this export writes
    assert sorted(p.name for p in out.parent.iterdir()) == [
        "news",
        "news.manifest.json",
        "news.train.db",
        "notes.txt",
    ]
    # the same for a folder: entries outside it are ignored
    brat = tmp_path / "brat"
    assert _export(db, str(brat), "--format", "brat").returncode == 0
    data = json.loads((brat / "manifest.json").read_text("utf-8"))
    data["written"] += ["../victim.txt"]
    (brat / "manifest.json").write_text(json.dumps(data), "utf-8")
    assert _export(db, str(brat), "--format", "brat", "--force").returncode == 0
    assert victim.read_text("utf-8") == "mine"


def test_the_project_reached_through_a_symlink_is_refused(db: Path, tmp_path: Path) -> None:
    link = tmp_path / "data.jsonl"
    link.symlink_to(db)
    result = _export(db, str(link), "--force")
    assert result.returncode == REFUSED and "is the project file" in result.stderr
    with Project.open(db) as store:
        assert store.document_count() == 3
