"""The Arabic interface: Qt translation files in step with the sources, every string translated
with its plural forms, the window mirrored, --lang honoured."""

from __future__ import annotations

import ast
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.ui import counts, translations
from annotator.ui.i18n import install
from tests.test_cli import run
from tests.test_ui_i18n_errors import lri
from tests.ui_helpers import make_window

UI = translations.UI
PLACEHOLDER = re.compile(r"\{\d*\}|%n")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> <message> of a Qt Linguist file."""
    found = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        for m in ctx.iter("message"):
            found[(ctx.findtext("name") or "", m.findtext("source") or "")] = m
    return found


def forms(message: ET.Element) -> list[str]:
    tr = message.find("translation")
    assert tr is not None
    if message.get("numerus") == "yes":
        return [f.text or "" for f in tr.iter("numerusform")]
    return [tr.text or ""]


def test_ts_files_hold_every_string_of_the_sources(tmp_path: Path) -> None:
    """Run `python -m annotator.ui.translations update` (then translate) when this fails."""
    for lang in translations.LANGUAGES:
        shutil.copy(translations.ts_path(lang), tmp_path)
    translations.update(tmp_path)
    for lang in translations.LANGUAGES:
        fresh = messages(translations.ts_path(lang, tmp_path))
        kept = messages(translations.ts_path(lang))
        assert sorted(set(fresh) - set(kept)) == [], f"new strings not in annotator_{lang}.ts"
        assert sorted(set(kept) - set(fresh)) == [], f"annotator_{lang}.ts keeps dropped strings"
    assert len(messages(translations.ts_path("ar"))) > 200


def test_every_arabic_string_is_translated_with_its_placeholders_and_plurals() -> None:
    untranslated = []
    for (context, source), m in messages(translations.ts_path("ar")).items():
        texts = forms(m)
        tr = m.find("translation")
        if (tr is not None and tr.get("type") == "unfinished") or not all(texts):
            untranslated.append(f"{context}: {source}")
            continue
        if m.get("numerus") == "yes":
            assert len(texts) == 6, source  # zero, one, two, few (3-10), many (11-99), other (100)
            assert "%n" in source, source
        wanted = set(PLACEHOLDER.findall(source)) - {"%n"}
        for text in texts:
            assert set(PLACEHOLDER.findall(text)) - {"%n"} == wanted, (source, text)
    assert untranslated == []
    for (_context, source), m in messages(translations.ts_path("en")).items():
        assert m.get("numerus") == "yes" and len(forms(m)) == 2 and all(forms(m)), source


def test_no_interface_string_asks_for_plurals_with_s_in_brackets() -> None:
    for lang in translations.LANGUAGES:
        for (context, source), m in messages(translations.ts_path(lang)).items():
            assert "(s)" not in source and not any("(s)" in t for t in forms(m)), (context, source)


def test_compiled_catalogues_are_what_lrelease_makes_of_the_ts(tmp_path: Path) -> None:
    """Run `python -m annotator.ui.translations release` when this fails."""
    for lang in translations.LANGUAGES:
        shutil.copy(translations.ts_path(lang), tmp_path)
    translations.release(tmp_path)
    for lang in translations.LANGUAGES:
        assert translations.qm_path(lang, tmp_path).read_bytes() == (
            translations.qm_path(lang).read_bytes()
        ), f"annotator_{lang}.qm is older than annotator_{lang}.ts"


# Qt calls whose string arguments a user reads; a plain literal with Latin letters there is English
# that no translator will ever see.
SHOWN = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip", "addItem",
    "addTab", "addRow", "setTitle", "showMessage", "setHorizontalHeaderLabels", "setLabelText",
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "plain_label",
    "information", "warning", "critical", "question", "message_box", "warn", "say", "emit",
    "addMenu", "setWhatsThis", "setInformativeText", "setDetailedText", "getSaveFileName",
    "getOpenFileName", "getOpenFileNames", "getExistingDirectory", "getText", "getItem",
}  # fmt: skip
# Functions that translate a text marked elsewhere with QT_TRANSLATE_NOOP (so their argument is a
# name, not a literal).
TRANSLATE_MARKED = {"tr_action", "status_text", "headerData", "explain"}
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _enclosing_functions(tree: ast.AST) -> dict[ast.AST, str]:
    owner: dict[ast.AST, str] = {}
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef):
            for node in ast.walk(fn):
                owner.setdefault(node, fn.name)
    return owner


def untranslated_strings() -> Iterator[str]:
    """Places in the ui package where a user would read text lupdate cannot see."""
    for path in sorted(UI.rglob("*.py")):
        source = path.read_text("utf-8")
        tree = ast.parse(source)
        marked = {i for i, line in enumerate(source.splitlines(), 1) if "# marked above" in line}
        owner = _enclosing_functions(tree)
        where = path.relative_to(UI.parent)
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    f = getattr(inner, "func", None)
                    if getattr(f, "attr", getattr(f, "id", "")) in ("tr", "translate"):
                        yield f"{where}:{node.lineno}: a translation inside an f-string (unseen)"
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if name in ("tr", "translate") and node.args:
                text = node.args[1 if name == "translate" and len(node.args) > 1 else 0]
                literal = isinstance(text, ast.Constant) and isinstance(text.value, str)
                if (
                    not literal
                    and owner.get(node) not in TRANSLATE_MARKED
                    and node.lineno not in marked
                ):
                    yield f"{where}:{node.lineno}: {ast.unparse(node)[:80]} (not a literal)"
            elif name in SHOWN and ast.unparse(f).split(".")[0] not in ("log", "logging"):
                for arg in node.args[:1] if name == "addItem" else node.args:
                    parts = [arg] if isinstance(arg, ast.Constant) else []
                    if isinstance(arg, ast.JoinedStr):
                        parts = [v for v in arg.values if isinstance(v, ast.Constant)]
                    english = [p.value for p in parts if isinstance(p.value, str)]
                    if any(LATIN_WORD.search(t.replace("annotator", "")) for t in english):
                        yield f"{where}:{node.lineno}: {ast.unparse(arg)[:80]}"


def test_every_string_a_user_reads_goes_through_the_translator() -> None:
    assert list(untranslated_strings()) == []


ARABIC_PLURALS = {0: "لا مقاطع", 1: "مقطع واحد", 2: "مقطعان", 3: "3 مقاطع", 11: "11 مقطعًا",
                  100: "100 مقطع"}  # fmt: skip
ENGLISH_PLURALS = {0: "0 spans", 1: "1 span", 2: "2 spans", 100: "100 spans"}


@pytest.mark.parametrize(("lang", "expected"), [("ar", ARABIC_PLURALS), ("en", ENGLISH_PLURALS)])
def test_plural_forms(qapp: QApplication, lang: str, expected: dict[int, str]) -> None:
    try:
        install(qapp, lang)
        for n, text in expected.items():
            assert counts.spans(n) == text
    finally:
        install(qapp, "en")


def test_arabic_mirrors_the_window_and_translates_it(qtbot: QtBot, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        assert install(app, "ar") == "ar"
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        w = make_window(qtbot, tmp_path, {"a": "نص"})
        assert next(a.text() for a in w.menuBar().actions()) == "&ملف"
        assert w.action("undo").text() == "تراجع"
        assert w.doclist.filter.placeholderText().startswith("ابحث")
        assert w.layoutDirection() == Qt.LayoutDirection.RightToLeft
        # the status line reads right to left even though the document id "a" is Latin
        assert w.status_line.doc_status.text() == "\u200f\u2068a\u2069 · لا مقاطع · للعمل"
    finally:
        install(app, "en")
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_lang_ar_screenshot(tmp_path: Path) -> None:
    import os

    shot = tmp_path / "ar.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "d"),
           "XDG_CONFIG_HOME": str(tmp_path / "c")}  # fmt: skip
    result = run("--lang", "ar", "--annotator", "t", "--screenshot", str(shot), env=env)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000
    assert "Argument missing" not in result.stderr  # Qt's own strings still format


# Latin words the Arabic window may show: key names in shortcuts and hints, file patterns, format
# names and other proper names (the annotators', the documents' ids, the program's).
ALLOWED_LATIN = {
    "ctrl", "shift", "alt", "enter", "return", "backspace", "esc", "escape", "del", "delete", "tab",
    "up", "down", "left", "right", "home", "end", "pgup", "pgdown", "space", "ins",
    "txt", "csv", "jsonl", "json", "ann", "db", "doccano", "hf", "bio", "conll", "brat", "spacy",
    "label", "studio", "prodigy", "spans", "webanno", "conll2003", "annotator", "layla", "omar",
    "krippendorff", "fleiss", "cohen", "kappa", "alpha", "amiri", "noto", "sans", "arabic",
    "dejavu", "serif", "mono", "english", "news", "attribution",  # the schema's name
    *(f"f{i}" for i in range(1, 13)),
}  # fmt: skip


def visible_texts(app: QApplication) -> Iterator[tuple[str, str]]:
    """(where, text) of what a user can read in the open windows: titles, labels, buttons, menus,
    placeholders, list and table cells, headers and combo box items."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QMenu,
        QTextEdit,
        QWidget,
    )  # fmt: skip

    for top in app.topLevelWidgets():
        if not top.isVisible():
            continue
        yield type(top).__name__, top.windowTitle()
        widgets = [top, *top.findChildren(QWidget)]
        for w in widgets:
            if not w.isVisible() and not isinstance(w, QMenu):
                continue
            name = f"{type(top).__name__}/{type(w).__name__}"
            if isinstance(w, QLabel | QAbstractButton):
                yield name, w.text()
            elif isinstance(w, QGroupBox):
                yield name, w.title()
            elif isinstance(w, QLineEdit):
                yield name, w.placeholderText()
            elif isinstance(w, QTextEdit) and w.isReadOnly():
                yield name, w.toPlainText()
            elif isinstance(w, QComboBox):
                yield from ((name, w.itemText(i)) for i in range(w.count()))
            elif isinstance(w, QMenu):
                yield from ((name, a.text()) for a in w.actions())
            elif isinstance(w, QAbstractItemView) and w.model() is not None:
                m, root = w.model(), w.rootIndex()
                try:
                    columns = m.columnCount(root)
                except TypeError:  # a list model (its columnCount is private to Python)
                    columns = 1
                for c in range(columns):
                    yield name, str(m.headerData(c, Qt.Orientation.Horizontal) or "")
                for r in range(min(m.rowCount(root), 30)):
                    for c in range(columns):
                        yield name, str(m.index(r, c, root).data() or "")


def english_words(texts: Iterator[tuple[str, str]], allowed: set[str]) -> list[str]:
    found = []
    for where, text in texts:
        text = re.sub(r"\S*[/\\]\S*|\S+\.(?:db|txt|json|png)\b", "", text)  # paths, file names
        words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9_]+", text)}  # keys: one letter
        if words - allowed:
            found.append(f"{where}: {text!r}")
    return sorted(set(found))


def test_the_arabic_window_driven_shows_no_english(
    qtbot: QtBot, tmp_path: Path, arabic: QApplication
) -> None:
    from tests.ui_helpers import drag

    app = arabic
    text = "قال وزير الخارجية إن المحادثات كانت مثمرة وأكد أن الزيارة ستتم."
    w = make_window(qtbot, tmp_path, {"a1": text, "b2": text})
    try:
        allowed = ALLOWED_LATIN | {"a1", "b2", "p"}
        s = w.session
        # label a speaker and a claim with the keys, choose a value, link them with A
        for words, key in (("وزير الخارجية", Qt.Key.Key_1), ("المحادثات كانت مثمرة", Qt.Key.Key_2)):
            start = text.index(words)
            drag(qtbot, w, start, start + len(words))
            qtbot.keyClick(w.view, key)
        assert len(s.spans) == 2
        qtbot.keyClick(w.view, Qt.Key.Key_1)  # the attribute strip: first value
        claim = next(sp for sp in s.spans if sp.label == "claim")
        s.select(claim.id or 0)
        qtbot.keyClick(w.view, Qt.Key.Key_A)
        assert english_words(visible_texts(app), allowed) == []
        qtbot.keyClick(w.view, Qt.Key.Key_Return)
        assert len(s.relations) == 1
        assert english_words(visible_texts(app), allowed) == []
        # lead mode, then the dialogs
        w.action("lead_mode").trigger()
        assert english_words(visible_texts(app), allowed) == []
        w.action("lead_mode").trigger()
        for action in ("import", "export", "preferences", "shortcuts", "guideline", "progress"):
            w.action(action).trigger()
        qtbot.wait(50)
        assert english_words(visible_texts(app), allowed) == []
    finally:
        for top in app.topLevelWidgets():
            if top.isVisible() and top.isWindow() and top is not w:
                top.close()


@pytest.mark.parametrize(("n", "arabic"), list(ARABIC_PLURALS.items()))
def test_the_status_line_counts_spans_in_arabic(
    qtbot: QtBot, tmp_path: Path, n: int, arabic: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        install(app, "ar")
        w = make_window(qtbot, tmp_path, {"a": "كلمة " * 100})
        for i in range(n):
            assert w.session.add_span(5 * i, 5 * i + 4, "speaker") is not None
        shown = w.status_line.doc_status.text()
        assert shown.startswith(f"\u200f\u2068a\u2069 · {arabic} · "), shown
    finally:
        install(app, "en")


def test_the_error_catalogue_is_generated_from_the_library() -> None:
    """Run `python -m annotator.ui.translations update` when this fails."""
    assert translations.CATALOGUE.read_text("utf-8") == translations.catalogue_text()
    assert "span {span} no longer exists" in translations.library_templates()


def finished_sentences() -> list[str]:
    """Errors and Told sentences of the window-facing library modules built as finished English
    (an f-string, a concatenation, a .format or % call): the window could only show them in
    English. Write a template with named arguments instead (``ProjectError("{path} is read-only",
    path=p)``)."""
    found = []
    for path in translations.library_files():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if any(
                isinstance(c, ast.JoinedStr | ast.BinOp)
                or (isinstance(c, ast.Call) and getattr(c.func, "attr", "") == "format")
                for c in translations.template_choices(node)
            ):
                found.append(f"{path.relative_to(translations.ROOT)}:{getattr(node, 'lineno', 0)}")
    return found


def test_library_errors_the_window_shows_have_templates() -> None:
    assert finished_sentences() == []


def test_refusals_of_the_store_read_in_arabic(qapp: QApplication, tmp_path: Path) -> None:
    from annotator.errors import AnnotatorError, ChangedElsewhereError
    from annotator.model.document import DocumentRecord, Relation, Span
    from annotator.model.edits import AddRelation, AddSpan, DeleteSpan, UpdateSpan
    from annotator.model.schema import default_schema
    from annotator.store import Project
    from annotator.ui.errortext import explain

    text = "قال وزير الخارجية إن المحادثات مثمرة"
    path = tmp_path / "p.db"
    with Project.create(path, default_schema()) as p:
        p.add_documents([DocumentRecord("a1", "t", text)])
    a, b = Project.open(path), Project.open(path)
    schema = a.schema
    try:
        doc = a.find_document("a1").id
        where = [
            (text.index(w), text.index(w) + len(w), lab)
            for w, lab in (("وزير الخارجية", "speaker"), ("المحادثات مثمرة", "claim"))
        ]
        spans = [a.apply(AddSpan(Span(s, e, lab, text[s:e], doc_id=doc)), "layla")
                 for s, e, lab in where]  # fmt: skip
        speaker, claim = (x.span for x in spans if isinstance(x, AddSpan))
        a.apply(AddRelation(Relation(claim.id or 0, speaker.id or 0, "attributed_to")), "layla")
        refused: list[AnnotatorError] = []
        for edit in (UpdateSpan(claim, claim.with_(label="speaker")),):  # a linked claim
            with pytest.raises(AnnotatorError) as caught:
                a.apply(edit, "layla")
            refused.append(caught.value)
        b.apply(DeleteSpan(b.span(speaker.id or 0)), "layla")
        with pytest.raises(ChangedElsewhereError) as gone:
            a.apply(UpdateSpan(speaker, speaker.with_(label="event")), "layla")
        refused.append(gone.value)
        with pytest.raises(AnnotatorError) as missing:
            a.span(speaker.id or 0)
        refused.append(missing.value)
        install(qapp, "ar")
        shown = [explain(e, schema) for e in refused]
        assert "المتحدث" in shown[1] and "في مكان آخر" in shown[1], shown
        assert "«منسوب إلى»" in shown[0] and "الادعاء" in shown[0], shown
        assert shown[2] == f"المقطع {speaker.id} لم يعد موجوداً"
        for sentence in shown:
            assert not re.search(r"[A-Za-z]{2,}", sentence), sentence
        install(qapp, "en")  # the library's English, with labels and relations by name
        english = [explain(e, schema) for e in refused]
        assert (
            "(attributed to goes from Claim to Speaker, not from Speaker to Speaker)" in english[0]
        )
        assert english[1].startswith("the Speaker span «وزير الخارجية» was deleted elsewhere")
        assert english[2] == str(refused[2])
    finally:
        install(qapp, "en")
        a.close()
        b.close()


def test_a_project_that_cannot_be_opened_is_explained_in_arabic(
    qapp: QApplication, tmp_path: Path
) -> None:
    from annotator.errors import ProjectError
    from annotator.store import Project
    from annotator.ui.errortext import explain

    missing = tmp_path / "لا شيء.db"
    with pytest.raises(ProjectError) as caught:
        Project.open(missing)
    try:
        install(qapp, "ar")
        assert (
            explain(caught.value)
            == f"{lri(missing)} غير موجود (أنشئه بالأمر: annotator init {lri(missing)})"
        )
    finally:
        install(qapp, "en")
    assert explain(caught.value) == str(caught.value)


def test_labelling_a_span_again_names_its_label_in_arabic(qtbot: QtBot, tmp_path: Path) -> None:
    """The tester saw "هذا المقطع موسوم مسبقاً بـ claim." : the label's id, not its name."""
    from tests.ui_helpers import drag, status_sentence

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    text = "قال وزير الخارجية إن المحادثات كانت مثمرة."
    words = "المحادثات كانت مثمرة"
    start = text.index(words)
    try:
        install(app, "ar")
        w = make_window(qtbot, tmp_path, {"a": text})
        for _ in range(2):
            drag(qtbot, w, start, start + len(words))
            qtbot.keyClick(w.view, Qt.Key.Key_2)
            qtbot.keyClick(w.view, Qt.Key.Key_Escape)  # the attribute strip
        assert len(w.session.spans) == 1
        said = status_sentence(w)
        assert "الادعاء" in said and "claim" not in said, said
    finally:
        install(app, "en")
