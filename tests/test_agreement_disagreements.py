"""Why agreement is low: every span not matched exactly is one disagreement, classified as
boundary-only, label-only, both, or missed, with same-label partners found first."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement.disagreements import Kind, classify
from annotator.agreement.report import DocInput, agreement_report
from annotator.agreement.spans import exact_matches, key
from annotator.model.document import Layer, Span

TEXT = "قال الوزير إن المحادثات مثمرة وإن الزيارة ناجحة 😀 في ٢٠٢٤"
LABELS = ["claim", "speaker", "stance"]


def span(start: int, end: int, label: str, sid: str) -> Span:
    return Span(start, end, label, TEXT[start:end], {}, sid)


def test_a_span_is_paired_with_its_own_label_before_another_labels_span() -> None:
    # b marked the same words as a stance and a slightly shorter claim: a's claim is a boundary
    # disagreement with b's claim, and b's stance was missed by a (not "claim vs stance, claim
    # missed", which a tester read as a wrong diagnosis)
    a = [span(0, 10, "claim", "s1")]
    b = [span(0, 10, "stance", "x1"), span(4, 10, "claim", "x2")]
    found = classify("a", a, "b", b)
    kinds = {(d.kind, d.b_span.sid if d.b_span else None) for d in found}
    assert kinds == {(Kind.BOUNDARY, "x2"), (Kind.MISSED, "x1")}


def test_label_only_when_no_span_of_the_same_label_overlaps() -> None:
    a = [span(0, 10, "claim", "s1"), span(11, 13, "speaker", "s2")]
    b = [span(0, 10, "stance", "x1")]
    found = classify("a", a, "b", b)
    assert [(d.kind, d.a_span, d.b_span) for d in found] == [
        (Kind.LABEL, a[0], b[0]),
        (Kind.MISSED, a[1], None),
    ]


spans_st = st.lists(
    st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 12), st.sampled_from(LABELS)),
    max_size=8,
)


def _layer(raw: list[tuple[int, int, str]], prefix: str) -> list[Span]:
    return [
        span(s, min(len(TEXT), s + n), label, f"{prefix}{i}") for i, (s, n, label) in enumerate(raw)
    ]


@settings(max_examples=80, deadline=None)
@given(spans_st, spans_st)
def test_every_unmatched_span_is_one_disagreement_and_the_shares_add_up(
    raw_a: list[tuple[int, int, str]], raw_b: list[tuple[int, int, str]]
) -> None:
    a, b = _layer(raw_a, "s"), _layer(raw_b, "x")
    exact = exact_matches(a, b)
    found = classify("a", a, "b", b)
    # each span is either matched exactly or in exactly one disagreement
    for side, spans, matched in (("a", a, [x for x, _ in exact]), ("b", b, [y for _, y in exact])):
        seen = [id(s) for d in found for s in [d.a_span if side == "a" else d.b_span] if s]
        assert sorted(seen + [id(s) for s in matched]) == sorted(id(s) for s in spans)
    for d in found:
        x, y = d.a_span, d.b_span
        if x is not None and y is not None:
            assert key(x) != key(y)  # an exact match is never a disagreement
            assert x.overlaps(y)
            assert (
                d.kind
                == {
                    (True, False): Kind.BOUNDARY,
                    (False, True): Kind.LABEL,
                    (False, False): Kind.BOTH,
                }[(x.label == y.label, (x.start, x.end) == (y.start, y.end))]
            )
        else:
            assert d.kind == Kind.MISSED
    # a missed span has no unpaired partner of any label left on the other side
    missed_a = [d.a_span for d in found if d.kind == Kind.MISSED and d.a_span is not None]
    missed_b = [d.b_span for d in found if d.kind == Kind.MISSED and d.b_span is not None]
    assert not any(x.overlaps(y) for x in missed_a for y in missed_b)
    # same label first: no label-changing pair while a same-label overlap was left unpaired
    for d in found:
        if d.kind in (Kind.LABEL, Kind.BOTH):
            assert d.a_span is not None and d.b_span is not None
            assert not any(y.label == d.a_span.label and y.overlaps(d.a_span) for y in missed_b)
    # the report's shares add up, and the total is the number of disagreements
    report = agreement_report(
        [DocInput("d", TEXT, {"a": Layer("a", "done", a), "b": Layer("b", "done", b)})], ["a", "b"]
    ).to_json()
    dis = report["disagreement"]
    assert dis["total"] == len(found) == sum(dis["counts"].values())
    if found:
        assert sum(dis["shares"].values()) == pytest.approx(1.0)
    else:
        assert set(dis["shares"].values()) == {None}


@settings(max_examples=30, deadline=None)
@given(spans_st)
def test_identical_layers_never_disagree(raw: list[tuple[int, int, str]]) -> None:
    a = _layer(raw, "s")
    b = _layer(raw, "x")
    assert classify("a", a, "b", b) == []
