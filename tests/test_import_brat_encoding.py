"""brat offsets count the file as written (CR LF, CR, decomposed letters) and are checked against the
text column; encodings are recognised, and a guess is said, or forced with --encoding."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.store import Project
from annotator.store.base import ImportReport
from annotator.text.decode import decode, prepare_text, stored_offsets
from tests.test_cli import run


def _import(project: Project, path: Path, **kw: str) -> ImportReport:
    opts = ImportOptions(label_ids=project.schema.label_ids, **kw)  # type: ignore[arg-type]
    return project.add_documents(read_inputs([path], opts))


def _brat(folder: Path, raw: str, words: list[str], *, shown: list[str] | None = None,
          newline: str = "\n") -> Path:  # fmt: skip
    folder.mkdir(exist_ok=True)
    (folder / "doc.txt").write_bytes(raw.encode("utf-8"))
    lines = []
    for i, word in enumerate(words, 1):
        s = raw.index(word)
        text = shown[i - 1] if shown else word
        lines.append(f"T{i}\tspeaker {s} {s + len(word)}\t{text}")
    (folder / "doc.ann").write_bytes(newline.join(lines).encode("utf-8") + newline.encode())
    return folder


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_offsets_count_line_breaks_as_written(
    tmp_path: Path, project: Project, newline: str
) -> None:
    raw = newline.join(["First line", "Second line", "Third word here"])
    _import(project, _brat(tmp_path / "b", raw, ["Third", "Second"], newline=newline))
    doc = project.find_document("doc")
    assert "\r" not in doc.text
    assert sorted(s.text for s in project.spans(doc.id, "brat")) == ["Second", "Third"]


def test_decomposed_letters_before_nfc(tmp_path: Path, project: Project) -> None:
    raw = "قال الا\u0654مين العام إن ا\u0654سد المحادثات مثمرة"  # alef + combining hamza, twice
    _import(project, _brat(tmp_path / "b", raw, ["ا\u0654سد", "المحادثات"]))
    doc = project.find_document("doc")
    assert doc.text == prepare_text(raw) and "أسد" in doc.text
    assert sorted(s.text for s in project.spans(doc.id, "brat")) == ["أسد", "المحادثات"]
    for s in project.spans(doc.id, "brat"):
        assert doc.text[s.start : s.end] == s.text


def test_offsets_counted_on_other_text_are_refused_naming_file_and_line(
    tmp_path: Path, project: Project
) -> None:
    raw = "First line\r\nSecond line\r\nThird word"
    folder = _brat(tmp_path / "b", raw, ["Second", "Third"])
    lf = raw.replace("\r\n", "\n")  # a tool that counted after turning CRLF into LF
    s = lf.index("Third")
    (folder / "doc.ann").write_text(
        f"T1\tspeaker 0 5\tFirst\nT2\tspeaker {s} {s + 5}\tThird\n", "utf-8"
    )
    with pytest.raises(
        InputError,
        match=r"doc\.ann, line 2: .*T2's text 'Third' is not the text at those offsets \('\\r\\nThi'\)",
    ):
        _import(project, folder)
    assert project.document_count() == 0


def test_a_non_utf8_ann_is_one_sentence(tmp_path: Path, project: Project) -> None:
    folder = _brat(tmp_path / "b", "قال الوزير", ["الوزير"])
    (folder / "doc.ann").write_bytes("T1\tspeaker 4 10\tالوزير\n".encode("cp1256"))
    with pytest.raises(InputError, match=r"doc\.ann, line 1: is not UTF-8 text"):
        _import(project, folder)


def test_event_and_note_lines_are_counted_not_dropped(tmp_path: Path, project: Project) -> None:
    folder = _brat(tmp_path / "b", "قال الوزير", ["الوزير"])
    with (folder / "doc.ann").open("a", encoding="utf-8") as fh:
        fh.write("E1\tspeaker:T1\n#1\tAnnotatorNotes T1\tchecked\n")
    report = _import(project, folder)
    assert report.not_imported == {"brat event line(s)": 1, "brat note line(s)": 1}


@pytest.mark.parametrize("offsets", ["0 x", "-1 3", "5 2", "0 99999999999999999999", "1e3 5", ""])
def test_bad_offsets_name_the_line(tmp_path: Path, project: Project, offsets: str) -> None:
    folder = _brat(tmp_path / "b", "قال الوزير", [])
    (folder / "doc.ann").write_text(f"T1\tspeaker {offsets}\tx\n", "utf-8")
    with pytest.raises(InputError, match=r"doc\.ann, line 1: "):
        _import(project, folder)


def test_the_offset_map_agrees_with_preparing_each_prefix() -> None:
    raw = "a\r\nb\rc ا\u0654ب e\u0301\u0327 😀 و\r\n"
    moved = stored_offsets(raw)
    for i in range(len(raw) + 1):
        if i == len(raw) or (
            not (raw[i] == "\n" and raw[i - 1] == "\r") and raw[i] not in "\u0654\u0301\u0327"
        ):
            assert moved(i) == len(prepare_text(raw[:i])), i


# ----------------------------------------------------------------------------------- encodings
def test_latin1_french_survives(tmp_path: Path, project: Project) -> None:
    path = tmp_path / "fr.txt"
    path.write_bytes("Le Café de la Gare\nÀ Paris, l'École a été rénovée.".encode("latin-1"))
    _import(project, path)
    assert (
        "Café" in project.find_document("fr").text and "École" in project.find_document("fr").text
    )


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path: Path, project: Project, codec: str) -> None:
    path = tmp_path / "u.txt"
    path.write_bytes("قال الوزير إن المحادثات مثمرة\nسطر ثان".encode(codec))
    _import(project, path)
    assert project.find_document("u").text == "قال الوزير إن المحادثات مثمرة\nسطر ثان"


def test_a_guessed_encoding_is_said_and_can_be_forced(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    russian = "Министр иностранных дел заявил, что переговоры были плодотворными."
    path.write_bytes(russian.encode("cp1251"))
    decoded = decode(path.read_bytes(), path)
    assert decoded.note.startswith("the encoding was a guess") and "--encoding" in decoded.note
    db = tmp_path / "p.db"
    guessed = run("import", str(db), str(path), "--no-clean")
    assert guessed.returncode == 0 and "Note: " in guessed.stdout and "ru.txt" in guessed.stdout
    forced = run("import", str(tmp_path / "q.db"), str(path), "--encoding", "cp1251", "--no-clean")
    assert forced.returncode == 0 and "Note" not in forced.stdout
    with Project.open(tmp_path / "q.db") as p:
        assert p.find_document("ru").text == russian


def test_forcing_an_encoding_that_does_not_fit_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("سطر أول\nسطر ثان".encode())
    bad = run("import", str(tmp_path / "p.db"), str(path), "--encoding", "ascii")
    assert bad.returncode == 2 and "a.txt, line 1: the bytes are not valid ascii" in bad.stderr
    unknown = run("import", str(tmp_path / "p.db"), str(path), "--encoding", "klingon")
    assert unknown.returncode == 2 and "'klingon' is not a text encoding" in unknown.stderr
    assert "Traceback" not in bad.stderr + unknown.stderr
