"""Packages coming back: a newer version of her layer replaces the project's unchanged copy, both
changed is a conflict (--on-conflict), old versions and other projects' packages are told apart,
and layer kinds travel with the layers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.jobs.merge import merge_projects
from annotator.jobs.package import package_for
from annotator.model.layers import LayerKind
from annotator.store import Project
from annotator.store.base import OnConflict
from tests.helpers_merge import lead_project, mark, merge, package, texts
from tests.test_cli import run


@pytest.fixture
def lead(tmp_path: Path) -> Path:
    return lead_project(tmp_path / "news.db", 3)


def test_her_edits_after_a_merge_replace_the_unchanged_copy(lead: Path) -> None:
    pkg = package(lead)
    mark(pkg, "d0", "layla", "الوزير", "speaker")
    first = merge(lead, pkg)
    assert first["layers_added"] == 1
    mark(pkg, "d0", "layla", "المحادثات", "claim")  # she goes on working in her package
    second = merge(lead, pkg)
    assert (second["layers_replaced"], second["conflicts"]) == (1, [])
    assert texts(lead, "d0", "layla") == ["المحادثات", "الوزير"]
    again = merge(lead, pkg)  # merged twice: nothing new
    assert (again["identical"], again["layers_replaced"], again["layers_added"]) == (1, 0, 0)


def test_work_that_travelled_and_came_back_edited_replaces_the_packaged_version(lead: Path) -> None:
    mark(lead, "d1", "layla", "الزيارة", "event", "in_progress")  # her earlier work, in the project
    pkg = package(lead)
    mark(pkg, "d1", "layla", "ناجحة", "stance")  # she edits it in the package
    report = merge(lead, pkg)
    assert report["layers_replaced"] == 1 and report["conflicts"] == []
    assert texts(lead, "d1", "layla") == ["الزيارة", "ناجحة"]


def test_both_changed_is_a_conflict_that_on_conflict_decides(lead: Path) -> None:
    pkg = package(lead)
    mark(pkg, "d0", "layla", "الوزير", "speaker")
    merge(lead, pkg)
    mark(pkg, "d0", "layla", "المحادثات", "claim")  # she edits again
    mark(lead, "d0", "layla", "الزيارة", "event")  # and the lead corrected her layer meanwhile
    refused = run("merge", str(lead), str(pkg))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert refused.stderr.startswith(f"annotator: {pkg}: ")  # the file, not "input"
    assert "'layla' from layla #1.db in 1 document (d0)" in refused.stderr
    assert "nothing was merged" in refused.stderr and "--on-conflict" in refused.stderr
    assert texts(lead, "d0", "layla") == ["الزيارة", "الوزير"]
    kept = run("merge", str(lead), str(pkg), "--on-conflict", "keep")
    assert kept.returncode == 0 and "conflict: layla on d0" in kept.stdout
    assert "kept the project's" in kept.stdout
    assert texts(lead, "d0", "layla") == ["الزيارة", "الوزير"]
    replaced = merge(lead, pkg, "replace")
    assert replaced["conflicts"][0]["outcome"] == "replaced"  # type: ignore[index]
    assert texts(lead, "d0", "layla") == ["المحادثات", "الوزير"]
    with Project.open(lead) as p:  # the replaced version stays readable in the change log
        assert any(e["action"] == "import replaced layer" for e in p.changelog())


def test_an_older_package_merged_after_a_newer_one_changes_nothing(lead: Path, tmp_path: Path) -> None:  # fmt: skip
    pkg = package(lead)
    mark(pkg, "d0", "layla", "الوزير", "speaker")
    old = tmp_path / "layla-monday.db"
    shutil.copy(pkg, old)  # the file she sent on Monday
    mark(pkg, "d0", "layla", "المحادثات", "claim")  # Tuesday's
    merge(lead, pkg)
    late = run("merge", str(lead), str(old))
    assert late.returncode == 0, late.stderr
    assert "1 older or already merged" in late.stdout and "the project's were kept" in late.stdout
    assert texts(lead, "d0", "layla") == ["المحادثات", "الوزير"]
    # in order, then Monday's again: still Tuesday's
    assert merge(lead, pkg)["identical"] == 1


def test_a_package_of_another_project_is_refused(lead: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    shutil.copy(lead, other)
    with Project.open(other) as p:  # the same texts, but another project (its own id)
        p.db.execute("DELETE FROM meta WHERE key = 'project_id'")
    pkg = tmp_path / "from-other.db"
    with Project.open(other) as p:
        package_for(p, "layla", pkg)
    mark(pkg, "d0", "layla", "الوزير", "speaker")
    got = run("merge", str(lead), str(pkg))
    assert got.returncode == 2 and "is a package of another project (other.db" in got.stderr
    assert texts(lead, "d0", "layla") == []


def test_work_under_another_name_is_merged_and_said(lead: Path) -> None:
    pkg = package(lead)
    mark(pkg, "d0", "Layla", "الوزير", "speaker")  # she typed her name otherwise in the window
    got = run("merge", str(lead), str(pkg))
    assert got.returncode == 0, got.stderr
    assert "packaged for layla but holds work by 'Layla' on 1 document" in got.stdout
    assert texts(lead, "d0", "Layla") == ["الوزير"]


def test_an_empty_package_merges_nothing(lead: Path) -> None:
    pkg = package(lead)
    got = run("merge", str(lead), str(pkg))
    assert got.returncode == 0 and "0 new documents, 0 new layers" in got.stdout
    twice = run("merge", str(lead), str(pkg), str(pkg))
    assert twice.returncode == 2 and "named twice" in twice.stderr


def test_layer_kinds_travel_and_a_clash_is_refused(lead: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(lead, copy)
    with Project.open(copy) as p:
        p.set_layer_kind("crf", LayerKind.MODEL)
    mark(copy, "d2", "crf", "الوزير", "speaker")
    mark(copy, "d2", "gold", "الوزير", "speaker")
    merge(lead, copy)
    with Project.open(lead) as p:
        kinds = p.layer_kinds()
        assert (kinds["crf"], kinds["gold"]) == (LayerKind.MODEL, LayerKind.GOLD)
    clash = tmp_path / "clash.db"
    shutil.copy(lead, clash)
    with Project.open(clash) as p:
        p.set_layer_kind("crf", LayerKind.ANNOTATOR)
    got = run("merge", str(lead), str(clash))
    assert got.returncode == 3 and "'crf' as a layer of kind annotator" in got.stderr


def test_a_refused_merge_writes_nothing_at_all(lead: Path, tmp_path: Path) -> None:
    pkg = package(lead)
    mark(pkg, "d0", "layla", "الوزير", "speaker")
    merge(lead, pkg)
    mark(pkg, "d0", "layla", "المحادثات", "claim")
    mark(pkg, "d1", "layla", "الزيارة", "event")  # new work besides the conflict
    mark(lead, "d0", "layla", "ناجحة", "stance")
    with Project.open(lead) as p:
        before = p.content_mark()
        with pytest.raises(InputError, match="nothing was merged"):
            merge_projects(p, [pkg], OnConflict.FAIL)
        assert p.content_mark() == before
        assert not p.db.conn.in_transaction
    assert texts(lead, "d1", "layla") == []


def test_a_package_an_older_version_wrote_merges_and_stays_as_it_was(lead: Path) -> None:
    import hashlib
    import sqlite3

    from annotator.store.identity import schema_version
    from annotator.store.search import SEARCH_TABLE

    pkg = package(lead)
    mark(pkg, "d0", "layla", "الوزير", "speaker")
    con = sqlite3.connect(pkg)
    with con:  # as the previous version of the program left her package
        con.execute(f"DROP TABLE {SEARCH_TABLE}")
        con.execute("DELETE FROM _sqlite_migrations WHERE name = '0012_document_search'")
        con.execute(f"PRAGMA user_version = {schema_version() - 1}")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = hashlib.sha256(pkg.read_bytes()).hexdigest()
    got = run("merge", str(lead), str(pkg))
    assert got.returncode == 0, got.stderr  # not "needs an upgrade but is read-only"
    assert texts(lead, "d0", "layla") == ["الوزير"]
    assert hashlib.sha256(pkg.read_bytes()).hexdigest() == before  # upgraded in a copy only
