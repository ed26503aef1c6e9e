"""The label schema: the default one, and errors that name the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.config import resource_path
from annotator.errors import SchemaError
from annotator.model.schema import default_schema, load_schema, parse_schema

DEFAULT = resource_path("schema.toml").read_text("utf-8")


def test_default_schema_matches_the_spec() -> None:
    s = default_schema()
    assert s.label_ids == ("speaker", "claim", "stance", "event")
    assert [lab.key for lab in s.labels] == ["1", "2", "3", "4"]
    assert s.label("stance").attribute("polarity").values == ("support", "oppose", "neutral")  # type: ignore[union-attr]
    assert s.check_relation("attributed_to", "claim", "speaker") is None
    assert s.check_relation("attributed_to", "speaker", "claim") is not None
    assert s.check_relation("target", "stance", "event") is None
    assert all(lab.ar and lab.description and lab.description_ar for lab in s.labels)
    assert all(rel.description_ar for rel in s.relations)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('id = "claim"', 'id = "speaker"'), r"labels\[1\]\.id: duplicate label id 'speaker'"),
        (('color = "#d62728"', 'color = "reddish"'), r"labels\[1\]\.color: 'reddish' is not a colour"),
        (('child = ["speaker"]\nkey = "A"', 'child = ["person"]\nkey = "A"'),
         r"relations\[0\]\.child: unknown label 'person'"),
        (('key = "2"', 'key = "1"'), r"labels\[1\]\.key: '1' is already used by 'speaker'"),
        (('default = "support"', 'default = "maybe"'),
         r"labels\[2\]\.attributes\[0\]\.default: 'maybe' is not one of its values"),
        (('support = "تأييد"', 'supports = "تأييد"'),
         r"labels\[2\]\.attributes\[0\]\.values_ar: 'supports' is not one of its values"),
        (('values_ar = { support', 'values_ar = { support = 1, x'),
         r"labels\[2\]\.attributes\[0\]\.values_ar must be a table of value = name strings"),
        (('ar = "الاتجاه"', 'ar = ["الاتجاه"]'), r"labels\[2\]\.attributes\[0\]\.ar must be a string"),
    ],
)  # fmt: skip
def test_validation_errors_name_the_field(change: tuple[str, str], message: str) -> None:
    assert change[0] in DEFAULT
    with pytest.raises(SchemaError, match=message):
        parse_schema(DEFAULT.replace(change[0], change[1], 1), "mine.toml")


def test_broken_toml_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[labels]\nid=", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"bad\.toml: not valid TOML"):
        load_schema(bad)
    with pytest.raises(SchemaError, match="cannot read the schema file"):
        load_schema(tmp_path / "missing.toml")


def test_attribute_names_in_both_languages_and_old_files_still_load() -> None:
    form = default_schema().label("claim").attribute("form")
    assert form is not None
    assert (form.display("en"), form.display("ar")) == ("form", "الصيغة")
    assert form.value_display("direct_quote", "en") == "direct quote"
    assert form.value_display("direct_quote", "ar") == "اقتباس مباشر"
    assert form.value_display("indirect", "en") == "indirect"  # no English name given: the id
    assert form.value_display("gone", "ar") == "gone"  # a stored value the schema lost
    # a schema file written before display names existed: every name is the id
    added = {"values_ar", "values_en", 'en = "kind"', 'ar = "النوع"', 'en = "form"', 'ar = "الصيغة"',
             'en = "polarity"', 'ar = "الاتجاه"', 'en = "type"'}  # fmt: skip
    old = "\n".join(line for line in DEFAULT.splitlines() if not line.startswith(tuple(added)))
    assert "\nvalues_ar" not in old and 'ar = "المتحدث"' in old
    kind = parse_schema(old).label("speaker").attribute("kind")
    assert kind is not None and kind.values == (
        "person",
        "organization",
        "state",
        "media",
        "unnamed",
    )
    assert (kind.display("ar"), kind.value_display("person", "ar")) == ("kind", "person")
