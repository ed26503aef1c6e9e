"""Cleaning scraped articles at import: debris goes, prose stays, the original is kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.config import resource_path
from annotator.importers import read_inputs
from annotator.importers.clean import clean_text, load_rules
from annotator.importers.options import ImportOptions
from annotator.model.schema import default_schema
from annotator.store import Project
from tests.test_cli import run

PROSE = (
    "الحكومة تعلن خطة جديدة للنقل\n\n"
    "أعلنت الحكومة اليوم خطة جديدة لتطوير النقل العام، وقال وزير النقل إن الخطة ستنفذ خلال عامين.\n\n"
    "وأضاف الوزير أن الخطة تشمل ٣٠٠ حافلة جديدة."
)
SCRAPED = (
    "الحكومة تعلن خطة جديدة للنقل\n"
    "تاريخ النشر: 3 مارس 2025\n"
    "1٬204 مشاهدة\n\n"
    "أعلنت الحكومة اليوم خطة جديدة لتطوير النقل العام، وقال وزير النقل إن الخطة ستنفذ خلال عامين.\n\n"
    "لمتابعة آخر الأخبار اشترك\u00a0في قناتنا اضغط\u00a0هنا\n\n"
    "وأضاف الوزير أن الخطة تشمل ٣٠٠ حافلة جديدة.\n"
    "المصدر: وكالة الأنباء\n"
    "كلمات دلالية: النقل، الحكومة\n\n"
    "إقرأ أيضاً:\n"
    "  • وزير المالية يعلن الميزانية\n"
    "  • افتتاح جسر جديد\n\n"
    "اترك تعليقاً\n"
    "يستخدم هذا الموقع ملفات تعريف الارتباط."
)


def test_debris_is_cut_prose_kept_metadata_extracted() -> None:
    result = clean_text(SCRAPED, load_rules(None))
    assert result.text == PROSE
    assert result.meta == {"date": "3 مارس 2025", "source": "وكالة الأنباء"}
    assert [c.rule for c in result.cuts] == [
        "publication date", "view and share counters", "subscription prompt", "source", "tag line",
        "related articles", "related articles", "related articles", "related articles",
        "related articles",
    ]  # fmt: skip
    # everything after the marker went with it, line by line
    assert [c.line for c in result.cuts[-5:]] == [13, 14, 15, 17, 18]
    assert result.cuts[-2].text == "اترك تعليقاً"


@pytest.mark.parametrize("name", sorted(p.name for p in resource_path("demo").glob("*.txt")))
def test_clean_articles_come_through_untouched(name: str) -> None:
    text = resource_path("demo", name).read_text("utf-8")
    result = clean_text(text, load_rules(None))
    assert (result.text, result.cuts, result.meta) == (text, (), {})


def test_an_inline_mention_is_not_a_marker() -> None:
    text = "قال المحرر إن على القراء أن يقرأوا أيضا التقرير السابق، مؤكدا أهميته.\nالمقالات مشابهة في الطول."
    assert clean_text(text, load_rules(None)).text == text


def test_import_keeps_the_original_and_reports(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SCRAPED, encoding="utf-8")
    db = tmp_path / "p.db"
    result = run("import", str(db), str(tmp_path / "a.txt"))
    assert "Cut 10 lines of site debris from 1 document:" in result.stdout
    assert "view and share counters: 1" in result.stdout  # a rule name with its count, no "1 view"
    with Project.open(db) as p:
        doc = p.find_document("a")
        assert doc.text == PROSE and doc.meta == {"date": "3 مارس 2025", "source": "وكالة الأنباء"}
        original = p.db.execute("SELECT original FROM documents").fetchone()[0]
        assert original == SCRAPED and len(p.removed_parts(doc.id)) == 10
    raw = Project.create(tmp_path / "raw.db", default_schema())
    raw.add_documents(read_inputs([tmp_path / "a.txt"], ImportOptions(clean=False)))
    assert next(raw.documents()).text == SCRAPED


def test_user_rules_extend_the_packaged_ones(tmp_path: Path) -> None:
    user = tmp_path / "cleaning.toml"
    user.write_text(
        '[[rule]]\nname = "promo"\nkind = "line"\ncontains = ["عرض خاص"]\n', encoding="utf-8"
    )
    result = clean_text("نص المقال.\nعرض خاص لمشتركينا!\nبقية النص.", load_rules(user))
    assert result.text == "نص المقال.\nبقية النص." and result.cuts[0].rule == "promo"


def test_shared_samples_leave_only_article_prose(shared_samples: Path, tmp_path: Path) -> None:
    with Project.create(tmp_path / "s.db", default_schema()) as p:
        report = p.add_documents(read_inputs([shared_samples], ImportOptions()))
        assert report.cleaned == 3
        for doc in p.documents():
            for debris in (
                "اترك تعليقا",
                "ملفات تعريف الارتباط",
                "مقالات مشابهة",
                "إقرأ أيضاً",
                "كلمات دلالية",
                "اضغط",
            ):
                assert debris not in doc.text, (doc.ext_id, debris)
            assert len(doc.text) > 800 and doc.text.count("\n") >= 4  # the article itself is kept


def test_import_dialog_previews_and_imports(qtbot: object, tmp_path: Path) -> None:
    from tests.ui_helpers import make_window

    w = make_window(qtbot, tmp_path, {"a": "نص موجود"})  # type: ignore[arg-type]
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "scraped.txt").write_text(SCRAPED, encoding="utf-8")
    dialog = w.dialogs.show_import()
    dialog.add_paths([tmp_path / "new"])
    preview = dialog.preview.toPlainText()
    assert "إقرأ أيضاً:  [line 13: related articles]" in preview  # struck through where it stands
    assert "يستخدم هذا الموقع ملفات تعريف الارتباط.  [line 18: related articles]" in preview
    assert "المصدر: وكالة الأنباء  [line 10: source]" in preview
    assert "10 lines will be cut" in dialog.summary.text()
    dialog.clean.setChecked(False)
    assert dialog.preview.toPlainText() == SCRAPED.replace(
        "\u00a0", " "
    )  # Qt shows no-break spaces as spaces
    dialog.clean.setChecked(True)
    job = dialog.run_import()
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=30000):  # type: ignore[attr-defined]
        pass
    assert w.session.project.find_document("scraped").text == PROSE
    assert w.doclist.model.rowCount() == 2


def test_an_inserted_headline_goes_but_titles_and_subheads_stay() -> None:
    text = (
        "قمة إقليمية.. القادة يبحثون الأمن المائي\n\n"
        "اجتمع القادة اليوم في العاصمة لبحث ملف المياه.\n\n"
        "وزير سابق يكشف أسرار المفاوضات..ماذا قال؟ ونشر مذكراته الجديدة\n\n"
        "خلفية الأزمة\n\n"
        "بدأت الأزمة قبل عشر سنوات."
    )
    result = clean_text(text, load_rules(None))
    assert [c.rule for c in result.cuts] == ["inserted headline"]
    assert result.text.startswith("قمة إقليمية.. القادة") and "خلفية الأزمة" in result.text


def test_the_arabic_import_preview_names_the_rules_in_arabic(qtbot: object, tmp_path: Path) -> None:
    """The preview said "[السطر 13: related articles]" and "source: وكالة الأنباء"."""
    from PySide6.QtWidgets import QApplication

    from annotator.ui.i18n import install
    from tests.ui_helpers import make_window

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        install(app, "ar")
        w = make_window(qtbot, tmp_path, {"a": "نص موجود"})  # type: ignore[arg-type]
        (tmp_path / "scraped.txt").write_text(SCRAPED, encoding="utf-8")
        dialog = w.dialogs.show_import()
        dialog.add_paths([tmp_path / "scraped.txt"])
        preview = dialog.preview.toPlainText()
        assert "إقرأ أيضاً:  [السطر 13: مقالات ذات صلة]" in preview
        assert "المصدر: وكالة الأنباء  [السطر 10: المصدر]" in preview
        summary = dialog.summary.text()
        assert "10 أسطر" in summary and "تاريخ النشر: 3 مارس 2025" in summary, summary
        assert not re.search(r"[A-Za-z]{2,}", preview + summary), (preview, summary)
        dialog.close()
    finally:
        install(app, "en")
