"""Find in all documents: the FTS5 index of normalised texts, kept by imports, built by migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.model.document import DocumentRecord
from annotator.model.schema import default_schema
from annotator.store import Project
from annotator.store.identity import schema_version
from annotator.store.search import MAX_PROJECT_HITS, SEARCH_TABLE, context
from annotator.text.normalize import find_all
from tests.conftest import ARTICLE

VOWELLED = "قالَ الرَّئِيسُ الأَسَـــد: «سنواصل».\nوأكّد مؤتمرٌ صحفي في 2024 أن Reuters 😀 نقلت ذلك."


def _add(project: Project, *texts: str) -> None:
    project.add_documents(
        [DocumentRecord(f"d{i}", f"title {i}", text) for i, text in enumerate(texts, 1)]
    )


def test_diacritics_tatweel_and_hamza_forms_are_ignored_and_offsets_are_stored_ones(
    project: Project,
) -> None:
    _add(project, ARTICLE, VOWELLED)
    found = project.search("الاسد")
    assert [(h.ext_id, h.match) for h in found.hits] == [("d2", "الأَسَـــد")]
    hit = found.hits[0]
    assert VOWELLED[hit.start : hit.end] == hit.match
    assert (hit.line, hit.title) == (1, "title 2")
    assert hit.before.endswith("الرَّئِيسُ ") and hit.after.startswith(": «سنواصل»")
    assert [h.line for h in project.search("مؤتمر").hits] == [2]
    assert [h.match for h in project.search("الرَّئِيسُ").hits] == ["الرَّئِيسُ"]  # vowelled query
    assert [h.match for h in project.search("REUTERS").hits] == ["Reuters"]  # Latin, any case
    assert [h.match for h in project.search("2024").hits] == ["2024"]
    assert [h.match for h in project.search("Reuters 😀").hits] == ["Reuters 😀"]


@pytest.mark.parametrize(
    "query",
    ['"', '""', "*", "NEAR(a b)", "a AND b", "- الوزير", "(المحادثات", 'قال "وزير', "OR", "^قال",
     "col:قال", "{body}: x", "NOT", "'; DROP TABLE documents; --"],
)  # fmt: skip
def test_query_syntax_in_the_search_text_is_searched_as_text(project: Project, query: str) -> None:
    text = f"قبل {query} بعد\n"
    _add(project, ARTICLE, text)
    found = project.search(query)
    expected = find_all(text, query)
    if len(query.strip()) >= 3:
        assert [(h.ext_id, h.start, h.end) for h in found.hits] == [
            ("d2", a, b) for a, b in expected
        ]
    assert project.document_count() == 2


def test_empty_blank_and_diacritics_only_searches_search_nothing(project: Project) -> None:
    _add(project, ARTICLE)
    for query in ("", "   ", "\n\t"):
        found = project.search(query)
        assert (found.hits, found.ignored_only) == ((), False)
    for query in ("َُِّ", "ـــ", "\u200f", "ـَ"):  # diacritics, tatweel, a direction mark
        found = project.search(query)
        assert (found.hits, found.ignored_only) == ((), True)


def test_short_and_emoji_searches_read_the_documents_the_index_cannot_answer(
    project: Project,
) -> None:
    _add(project, ARTICLE, VOWELLED, "لا شيء هنا", "😀😀 في\x00\x00", "لإـىَ Zy")
    # every stored form of a letter is looked for: hamza forms, alef maksura, tatweel between
    assert [(h.ext_id, h.match) for h in project.search("اي").hits] == [("d5", "إـىَ")]
    assert [(h.ext_id, h.match) for h in project.search("zY").hits] == [("d5", "Zy")]
    assert [(h.ext_id, h.match) for h in project.search("😀").hits] == [
        ("d2", "😀"), ("d4", "😀"), ("d4", "😀")]  # fmt: skip
    assert project.search("😀").documents == 2
    assert [(h.ext_id, h.match) for h in project.search("في").hits] == [
        (h.ext_id, h.match) for h in project.search("في", limit=10_000).hits
    ]
    found = [(h.ext_id, h.match) for h in project.search("في").hits]
    assert ("d2", "في") in found and ("d4", "في") in found and "d3" not in {d for d, _m in found}
    assert [h.match for h in project.search("أَ").hits] == [
        h.match for h in project.search("ا").hits
    ]
    assert [h.match for h in project.search("\x00\x00").hits] == ["\x00\x00"]
    assert [h.match for h in project.search("\x00\x00\x00").hits] == []
    assert [h.match for h in project.search("قبل \x00\x00 ب").hits] == []
    _add(project, "قبل \x00\x00 بعد")
    assert [h.match for h in project.search("قبل \x00\x00 ب").hits] == ["قبل \x00\x00 ب"]
    # a two-letter search still stops at the limit and says there were more
    capped = project.search("ال", limit=3)
    assert len(capped.hits) == 3 and capped.capped


def test_words_at_the_very_start_and_end_and_overlapping_hits(project: Project) -> None:
    _add(project, "بداية النص ونهايته", "ااااا")
    assert [(h.start, h.end) for h in project.search("بداية").hits] == [(0, 5)]
    assert [(h.start, h.end) for h in project.search("ونهايته").hits] == [(11, 18)]
    assert [(h.start, h.end) for h in project.search("ااا").hits] == [(0, 3), (1, 4), (2, 5)]


def test_hits_are_capped_and_the_answer_says_so(project: Project) -> None:
    _add(project, "كلمة " * (MAX_PROJECT_HITS + 1), "كلمة واحدة")
    found = project.search("كلمة")
    assert len(found.hits) == MAX_PROJECT_HITS and found.capped
    exact = project.search("كلمة", limit=MAX_PROJECT_HITS + 2)
    assert len(exact.hits) == MAX_PROJECT_HITS + 2 and not exact.capped
    full = project.search("كلمة", limit=MAX_PROJECT_HITS + 1)  # exactly full, one more elsewhere
    assert full.capped and full.documents == 1


def test_a_document_imported_by_another_process_is_found(project: Project, tmp_path: Path) -> None:
    _add(project, ARTICLE)
    assert project.search("مستقل").hits == ()
    with Project.open(project.path) as other:
        other.add_documents([DocumentRecord("late", "late", "خبر مستقل جديد")])
    assert [h.ext_id for h in project.search("مستقل").hits] == ["late"]


def test_a_failed_import_leaves_no_index_rows(project: Project) -> None:
    _add(project, ARTICLE)
    bad = DocumentRecord("x", "x", "نص جديد فريد")
    with pytest.raises(ZeroDivisionError):
        project.add_documents(_then_fail([bad]))
    assert project.search("فريد").hits == ()
    rows = project.db.execute(f"SELECT count(*) FROM {SEARCH_TABLE}").fetchone()[0]
    assert rows == project.document_count()


def _then_fail(records: list[DocumentRecord]):  # type: ignore[no-untyped-def]
    yield from records
    raise ZeroDivisionError


def test_the_index_is_built_for_a_project_made_before_it(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Project.create(path, default_schema()) as p:
        _add(p, ARTICLE, VOWELLED)
    con = sqlite3.connect(path)
    with con:  # as a project of the previous version left it
        con.execute(f"DROP TABLE {SEARCH_TABLE}")
        con.execute("DELETE FROM _sqlite_migrations WHERE name = '0012_document_search'")
        con.execute(f"PRAGMA user_version = {schema_version() - 1}")
    con.close()
    with Project.open(path) as p:
        assert [h.ext_id for h in p.search("الاسد").hits] == ["d2"]
        assert [h.ext_id for h in p.search("المحادثات").hits] == ["d1"]


def test_text_replaced_by_a_new_cleaning_is_searched_in_its_new_form(project: Project) -> None:
    project.add_documents([DocumentRecord("a", "a", "نص منظف", original="نص أصلي كامل")])
    assert [h.ext_id for h in project.search("منظف").hits] == ["a"]
    project.add_documents([DocumentRecord("a", "a", "نص أصلي كامل")])
    assert project.search("منظف").hits == ()
    assert [h.match for h in project.search("اصلي").hits] == ["أصلي"]


def test_context_is_a_few_words_of_the_line(project: Project) -> None:
    text = "سطر أول\n" + "كلمة " * 20 + "هدف " + "كلمة " * 20 + "\nسطر أخير فيه هدف"
    _add(project, text)
    first, last = project.search("هدف").hits
    assert (first.line, last.line) == (2, 3)
    assert first.before.startswith("…كلمة") and first.after.endswith("كلمة…")
    assert "\n" not in first.before + first.after
    assert (last.before, last.after) == ("سطر أخير فيه ", "")
    assert context("هدف", 0, 3) == ("", "")
    assert context("أول\nهدف ثم\nآخر", 4, 7) == ("", " ثم")  # its own line only


ALPHABET = st.sampled_from(
    [*"الأسدإآىةؤئ سوريا", "َ", "ّ", "ـ", "\u200f", "😀", "A", "z", "\n", '"', "*", "(", "-"]
)


@settings(max_examples=25)
@given(
    st.lists(st.text(ALPHABET, max_size=30), min_size=1, max_size=4),
    st.text(ALPHABET, min_size=1, max_size=6),
)
def test_the_index_finds_exactly_what_the_open_document_finds(
    tmp_path_factory: pytest.TempPathFactory, texts: list[str], query: str
) -> None:
    path = tmp_path_factory.mktemp("h") / "p.db"
    texts = [f"{i} {t}" for i, t in enumerate(texts)]  # distinct, never empty
    with Project.create(path, default_schema()) as project:
        project.add_documents([DocumentRecord(f"d{i}", "", t) for i, t in enumerate(texts)])
        found = project.search(query, limit=10_000)
        expected = [
            (project.find_document(f"d{i}").id, a, b)
            for i, t in enumerate(texts)
            for a, b in find_all(t, query)
        ]
        assert sorted((h.doc_id, h.start, h.end) for h in found.hits) == sorted(expected)
