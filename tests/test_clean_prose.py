"""Cleaning never removes prose: articles about privacy laws, cookies and comments (written for
these tests) keep every line, scraped copies of them lose exactly their debris lines, every cut is
reported by line, and text that was cut can be brought back while nobody has annotated it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from annotator.cli import cli
from annotator.importers.clean import Cut, clean_text, load_rules
from annotator.model.document import Span
from annotator.model.edits import AddSpan
from annotator.store import Project
from tests.test_cli import run

PRIVACY_LAW = (
    "البرلمان يقر قانونا جديدا بشأن سياسة الخصوصية وحماية البيانات\n\n"
    "أقر البرلمان اليوم قانونا يلزم المواقع الإخبارية والمتاجر الإلكترونية بنشر سياسة الخصوصية "
    "بلغة واضحة، وبطلب موافقة الزائر قبل استخدام ملفات تعريف الارتباط.\n\n"
    "وقال رئيس لجنة الاتصالات إن سياسة الخصوصية في كثير من المواقع تكتب بعبارات لا يفهمها "
    "القارئ، مضيفا أن القانون يمنح الهيئة حق فرض غرامات على المخالفين.\n\n"
    "سياسة الخصوصية\n\n"
    "ويشترط القانون أن تتيح المواقع رفض ملفات تعريف الارتباط (cookies) بنقرة واحدة، كما يحظر "
    "بيع بيانات المستخدمين دون علمهم.\n\n"
    "ملفات تعريف الارتباط\n\n"
    "ومن المنتظر أن يدخل القانون حيز التنفيذ مطلع العام المقبل بعد نشره في الجريدة الرسمية."
)
COOKIES = (
    "ما هي ملفات تعريف الارتباط ولماذا تطلب المواقع موافقتك؟\n\n"
    'تظهر على معظم المواقع رسالة تقول "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك"، '
    "وينقر أغلب الزوار على زر القبول دون قراءتها.\n\n"
    "يستخدم هذا الموقع ملفات تعريف الارتباط من طرف ثالث لتتبع الزوار بين المواقع، بحسب دراسة "
    "نشرتها جامعة محلية عن مئة موقع إخباري.\n\n"
    "وقالت الباحثة التي أعدت الدراسة إن عبارة We use cookies صارت تمر على القراء كأنها جزء من "
    "التصميم.\n\n"
    "ونصحت الباحثة القراء بمراجعة إعدادات المتصفح وحذف ملفات cookies القديمة مرة كل شهر."
)
COMMENTS = (
    "التعليقات على مواقع الأخبار.. مساحة للحوار أم للإساءة؟\n\n"
    "قررت صحيفة محلية إغلاق باب التعليقات على أخبار السياسة لمدة شهر، بعد شكاوى من الشتائم.\n\n"
    "«لن نغلق باب التعليقات.. لكننا سنراجع كل تعليق قبل نشره»\n\n"
    "بهذه العبارة ردت رئيسة التحرير على القراء الغاضبين، مؤكدة أن الصحيفة تحترم النقد.\n\n"
    "التعليقات\n\n"
    "وتتلقى الصحيفة كل يوم أكثر من ألفي تعليق، يحذف المشرفون نحو ثلثها لأنها تخالف قواعد النشر "
    "المعلنة.\n\n"
    "شارك برأيك\n\n"
    "ويرى خبراء الإعلام أن ركن شارك برأيك كان يجذب القراء الشباب أكثر من أي باب آخر في الموقع.\n\n"
    'وحذرت الشرطة من رسائل تطلب من القارئ أن يضغط على رابط كتب عليه "اضغط هنا" لاستلام جائزة.'
)
ARTICLES = {"privacy-law": PRIVACY_LAW, "cookies": COOKIES, "comments": COMMENTS}

HEAD = "تاريخ النشر: 3 مارس 2025\n1٬204 مشاهدة\n"
PROMPT = "لمتابعة آخر الأخبار اشترك في قناتنا على تلغرام اضغط هنا"
HEADLINE = "وزير سابق يكشف أسرار المفاوضات..ماذا قال"
TAIL = (
    "اترك تعليقاً\n\n"
    "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك. سنفترض أنك موافق على ذلك، "
    "ولكن يمكنك إلغاء الاشتراك إذا كنت ترغب في ذلك. قبول قراءة المزيد\n\n"
    "سياسة الخصوصية وملفات تعريف الارتباط"
)


def scraped(article: str) -> str:
    """The article as a site serves it: date and counter under the title, a prompt and an
    inserted headline between paragraphs, comment form and cookie notice at the end."""
    paragraphs = article.split("\n\n")
    title, body = paragraphs[0], paragraphs[1:]
    body = [*body[:1], PROMPT, *body[1:2], HEADLINE, *body[2:]]
    return "\n\n".join([f"{title}\n{HEAD}", *body, TAIL])


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_an_article_about_privacy_cookies_or_comments_keeps_every_line(name: str) -> None:
    result = clean_text(ARTICLES[name], load_rules(None))
    assert result.cuts == () and result.text == ARTICLES[name]


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_a_scraped_copy_loses_exactly_its_debris_lines(name: str) -> None:
    text = scraped(ARTICLES[name])
    result = clean_text(text, load_rules(None))
    assert result.text == ARTICLES[name]  # zero prose lines lost, every debris line gone
    lines = text.split("\n")
    for cut in result.cuts:  # the report points at the very line of the original
        assert lines[cut.line - 1].strip() == cut.text
    assert [c.rule for c in result.cuts] == [
        "publication date", "view and share counters", "subscription prompt",
        "inserted headline", "comment prompt", "cookie notice", "cookie notice",
    ]  # fmt: skip
    assert result.meta == {"date": "3 مارس 2025"}


def test_a_comment_heading_followed_by_paragraphs_does_not_end_the_article() -> None:
    text = "عنوان\n\nفقرة أولى من المقال تشرح ما جرى في الجلسة الطويلة أمس.\n\nالتعليقات\n\nقصير."
    assert clean_text(text, load_rules(None)).text == text  # a sentence follows: prose
    form = "عنوان\n\nفقرة أولى من المقال تشرح ما جرى في الجلسة الطويلة أمس.\n\nالتعليقات\n\nالاسم\nإرسال"
    result = clean_text(form, load_rules(None))
    assert [(c.line, c.text) for c in result.cuts] == [(5, "التعليقات"), (7, "الاسم"), (8, "إرسال")]


def test_the_title_is_never_taken_for_a_notice() -> None:
    text = "سياسة الخصوصية\n\nنشرت الوزارة اليوم نص سياسة الخصوصية الجديدة للمواقع الحكومية كاملا."
    assert clean_text(text, load_rules(None)).cuts == ()


def test_a_user_rule_file_with_a_wrong_type_is_one_sentence(tmp_path: Path) -> None:
    from annotator.errors import InputError

    user = tmp_path / "cleaning.toml"
    user.write_text('[[rule]]\nname = "x"\nkind = "line"\ncontains = "عرض"\n', encoding="utf-8")
    load_rules.cache_clear()
    with pytest.raises(InputError, match="contains must be a list of strings"):
        load_rules(user)


def test_dry_run_prints_every_cut_line_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "law.txt").write_text(scraped(PRIVACY_LAW), encoding="utf-8")
    db = tmp_path / "news.db"
    result = CliRunner().invoke(cli, ["import", str(db), str(tmp_path / "law.txt"), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert not db.exists()
    assert "line 2" in result.stdout and "publication date" in result.stdout
    assert PROMPT in result.stdout and "nothing was written" in result.stdout
    as_json = CliRunner().invoke(
        cli, ["import", str(db), str(tmp_path / "law.txt"), "--dry-run", "--json"]
    )
    data = json.loads(as_json.stdout)
    assert data["documents"] == 1 and len(data["cuts"]) == 7 and not db.exists()
    assert data["cuts"][0] == {"document": "law", "line": 2, "rule": "publication date",
                               "text": "تاريخ النشر: 3 مارس 2025"}  # fmt: skip


def _import(*args: str) -> str:
    result = CliRunner().invoke(cli, ["import", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_no_clean_brings_back_what_was_cut_while_nobody_annotated(tmp_path: Path) -> None:
    # a rule of the user's own that cuts a line of prose
    user = Path(os.environ["XDG_CONFIG_HOME"]) / "annotator" / "cleaning.toml"
    user.parent.mkdir(parents=True)
    user.write_text('[[rule]]\nname = "mine"\nkind = "line"\nstarts = ["ويشترط"]\n', "utf-8")
    (tmp_path / "law.txt").write_text(PRIVACY_LAW, encoding="utf-8")
    db = str(tmp_path / "news.db")
    load_rules.cache_clear()
    _import(db, str(tmp_path / "law.txt"))
    with Project.open(db) as p:
        assert "ويشترط" not in p.find_document("law").text
    out = _import(db, str(tmp_path / "law.txt"), "--no-clean")
    assert "Restored the full text of 1 document: law" in out
    with Project.open(db) as p:
        doc = p.find_document("law")
        assert doc.text == PRIVACY_LAW and p.document_count() == 1
        assert p.removed_parts(doc.id) == []


def test_no_clean_does_not_touch_an_annotated_document(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(scraped(COOKIES), encoding="utf-8")
    db = str(tmp_path / "news.db")
    _import(db, str(tmp_path / "a.txt"))
    with Project.open(db) as p:
        doc = p.find_document("a")
        p.ensure_annotator("layla")
        p.apply(AddSpan(Span(0, 2, "event", doc.text[0:2], doc_id=doc.id)), "layla")
        before = doc.text
    result = run("import", db, str(tmp_path / "a.txt"), "--no-clean")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "a.txt" in result.stderr and "annotations" in result.stderr
    with Project.open(db) as p:
        assert p.find_document("a").text == before and p.document_count() == 1


@pytest.mark.parametrize("how", ["assigned", "packaged"])
def test_no_clean_does_not_touch_a_document_handed_out(tmp_path: Path, how: str) -> None:
    from annotator.jobs.package import package_for

    (tmp_path / "a.txt").write_text(scraped(COOKIES), encoding="utf-8")
    db = str(tmp_path / "news.db")
    _import(db, str(tmp_path / "a.txt"))
    with Project.open(db) as p:
        p.assign(["layla"], 0.0, 0, 1)
        before = p.find_document("a").text
        if how == "packaged":
            package_for(p, "layla", tmp_path / "layla.db")
            with p.transaction():  # gone out, even if no longer assigned
                p.db.execute("DELETE FROM assignments")
            assert p.assigned("layla") == []
    result = run("import", db, str(tmp_path / "a.txt"), "--no-clean")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "a.txt" in result.stderr and "gone out in a package" in result.stderr
    assert "Restored" not in result.stdout
    with Project.open(db) as p:
        assert p.find_document("a").text == before and p.document_count() == 1


def test_cuts_round_trip_through_the_report() -> None:
    cut = Cut(3, "tag line", "كلمات دلالية: س")
    assert cut.as_dict() == {"line": 3, "rule": "tag line", "text": "كلمات دلالية: س"}


# Sentences of articles that use the rules' words in prose (written for these tests).
_PROSE = [
    line
    for article in ARTICLES.values()
    for line in article.split("\n")[1:]  # titles are exempt anyway; test the body lines
    if line.strip()
] + [
    "وقال المدير إن التعليقات تصل بالآلاف كل يوم.",
    "«نحن مستعدون.. والحوار هو الطريق»",
    "وأضاف: تابعونا على كل المنصات، فالحملة مستمرة.",
]


@given(st.lists(st.sampled_from(_PROSE), min_size=1, max_size=8), st.sampled_from(["\n", "\n\n"]))
def test_any_arrangement_of_prose_lines_loses_none(lines: list[str], gap: str) -> None:
    # an article opens and closes with a paragraph; headings and quotations stand between them
    first = "افتتح المؤتمر أعماله صباح اليوم بحضور ممثلين عن عشرين دولة ومنظمة."
    last = "ويختتم المؤتمر أعماله مساء الغد بإصدار بيان يلخص ما اتفق عليه المشاركون."
    text = gap.join(["عنوان المقال", first, *lines, last])
    assert clean_text(text, load_rules(None)).text == text


def test_the_import_window_says_when_the_users_rules_are_broken(
    qtbot: object, tmp_path: Path
) -> None:
    from tests.ui_helpers import make_window

    w = make_window(qtbot, tmp_path, {"a": "نص موجود"})  # type: ignore[arg-type]
    user = Path(os.environ["XDG_CONFIG_HOME"]) / "annotator" / "cleaning.toml"
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text("[[rule]]\nkind = 3\n", encoding="utf-8")
    load_rules.cache_clear()
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "law.txt").write_text(scraped(PRIVACY_LAW), encoding="utf-8")
    dialog = w.dialogs.show_import()
    dialog.add_paths([tmp_path / "new"])
    assert "cleaning.toml" in dialog.summary.text() and "needs a kind" in dialog.summary.text()
    dialog.clean.setChecked(False)  # without cleaning the preview is the file as it is
    assert dialog.preview.toPlainText().startswith("البرلمان يقر")
