"""The checklist's count (shown after every edit, counted without listing thousands of items)
is the length of the full checklist, whatever the spans and links."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.model.checks import count_missing, layer_checklist
from annotator.model.document import Relation, Span
from annotator.model.schema import default_schema

SCHEMA = default_schema()
LABELS = [label.id for label in SCHEMA.labels]
RELATIONS = [rel.id for rel in SCHEMA.relations]


@st.composite
def layers(draw: st.DrawFn) -> tuple[list[Span], list[Relation]]:
    labels = draw(st.lists(st.sampled_from(LABELS), max_size=12))
    spans = [Span(k, k + 1, label, "x", id=k + 1) for k, label in enumerate(labels)]
    ids = [s.id or 0 for s in spans] or [1]
    # any links, also ones the schema does not expect (a speaker as a head) and repeated ones
    relations = draw(
        st.lists(
            st.builds(
                Relation, st.sampled_from(ids), st.sampled_from(ids), st.sampled_from(RELATIONS)
            ),
            max_size=15,
        )
    )
    return spans, relations


@given(layers())
def test_the_count_is_the_length_of_the_whole_checklist(
    layer: tuple[list[Span], list[Relation]],
) -> None:
    spans, relations = layer
    assert count_missing(spans, relations, SCHEMA) == len(layer_checklist(spans, relations, SCHEMA))


def test_a_claim_linked_twice_to_speakers_is_one_item_done() -> None:
    claim, a, b = (
        Span(0, 1, "claim", "x", id=1),
        Span(2, 3, "speaker", "y", id=2),
        Span(4, 5, "speaker", "z", id=3),
    )
    links = [Relation(1, 2, "attributed_to"), Relation(1, 3, "attributed_to")]
    assert count_missing([claim, a, b], links, SCHEMA) == 0
    assert count_missing([claim, a, b], [], SCHEMA) == 1
