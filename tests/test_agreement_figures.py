"""The figures papers report: unitizing alpha, attribute kappa on matched spans, relation F1,
bootstrap intervals, each with the documents and units behind it."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement.report import DocInput, agreement_report
from annotator.agreement.unitizing import observed_distance
from annotator.model.document import Layer, Relation, Span
from tests.test_agreement_report import _three_annotator_project
from tests.test_cli import run

# Krippendorff (2004, p. 254): two observers on the continuum 150..450, categories c and k.
K2004_I = {"c": [(225, 295), (370, 400)], "k": [(180, 240), (300, 350)]}
K2004_J = {"c": [(220, 300), (355, 375), (400, 420)], "k": [(180, 240), (300, 350)]}
WORDS = "قال الوزير إن المحادثات مثمرة وإن الزيارة ناجحة "


def text_of(length: int) -> str:
    return (WORDS * (length // len(WORDS) + 1))[:length]


def layer_of(
    name: str, text: str, units: dict[str, list[tuple[int, int]]], shift: int = 0
) -> Layer:
    spans = [
        Span(s - shift, e - shift, label, text[s - shift : e - shift], {}, f"{label}{i}")
        for label, pairs in units.items()
        for i, (s, e) in enumerate(pairs)
    ]
    return Layer(name, "done", spans, [])


def k2004_report(**kw: Any) -> dict[str, Any]:
    text = text_of(300)
    layers = {"i": layer_of("i", text, K2004_I, 150), "j": layer_of("j", text, K2004_J, 150)}
    return agreement_report([DocInput("k2004", text, layers)], ["i", "j"], **kw).to_json()


def test_unitizing_alpha_is_krippendorffs_published_value() -> None:
    unit = k2004_report()["unitizing"]
    assert unit["alpha_u"] == pytest.approx(0.8587, abs=0.0005)  # Krippendorff 2004, p. 254
    c, k = unit["per_label"]["c"], unit["per_label"]["k"]
    # DKPro Agreement's Krippendorff2004Test, category by category
    assert (c["d_o"], c["d_e"], c["alpha_u"]) == pytest.approx((0.0144, 0.0532, 0.7286), abs=1e-4)
    assert (k["d_o"], k["d_e"], k["alpha_u"]) == pytest.approx((0.0, 0.0490, 1.0), abs=1e-4)
    assert (unit["documents"], unit["length"], unit["units"]) == (1, 300, 9)
    # the overall value is 1 - mean D_o / mean D_e, not the mean of the label alphas
    assert unit["alpha_u"] == pytest.approx(1 - (c["d_o"] + k["d_o"]) / (c["d_e"] + k["d_e"]))
    assert unit["alpha_u"] != pytest.approx((c["alpha_u"] + k["alpha_u"]) / 2, abs=1e-3)


def test_distances_are_dkpros() -> None:
    assert observed_distance([(225, 295)], [(220, 300)]) == 50
    assert observed_distance([(370, 400)], [(355, 375)]) == 850
    assert observed_distance([], [(400, 420)]) == 400  # a unit in the other's gap
    assert (
        observed_distance([(5, 11)], [(6, 8)]) == 10
        and observed_distance([(5, 11)], [(5, 11)]) == 0
    )


def _dkpro_alpha(length: int, raters: Sequence[Sequence[tuple[int, int]]]) -> float | None:
    """DKPro's KrippendorffAlphaUnitizingAgreement for one category, written out as it loops."""

    def distance(o1: int, l1: int, c1: bool, o2: int, l2: int, c2: bool) -> int:
        b, d = o1 - o2, l1 - l2
        if c1 and c2 and -l1 < b < l2:
            return b * b + (b + d) * (b + d)
        if c1 and not c2 and -d >= b >= 0:
            return l1 * l1
        if not c1 and c2 and -d <= b <= 0:
            return l2 * l2
        return 0

    def segments(units: Sequence[tuple[int, int]]) -> list[tuple[int, int, bool]]:
        out, pos = [], 0
        for s, e in units:
            if s > pos:
                out.append((pos, s - pos, False))
            out.append((s, e - s, True))
            pos = e
        if pos < length:
            out.append((pos, length - pos, False))
        return out

    r, observed = len(raters), 0
    for x in range(r):
        for y in range(x + 1, r):
            for o1, l1, c1 in segments(raters[x]):
                for o2, l2, c2 in segments(raters[y]):
                    if o1 < o2 + l2 and o2 < o1 + l1:
                        observed += distance(o1, l1, c1, o2, l2, c2)
    d_o = 2 * observed / (r * (r - 1) * length * length)
    units = [e - s for u in raters for s, e in u]
    gaps = [n for u in raters for o, n, c in segments(u) if not c]
    chance = sum((len(units) - 1) * (2 * n**3 - 3 * n**2 + n) / 3 + n * n * sum(g - n + 1 for g in gaps if g >= n) for n in units)  # fmt: skip
    d_e = 2 / length * chance / (r * length * (r * length - 1) - sum(n * (n - 1) for n in units))
    return None if d_e == 0 else 1 - d_o / d_e


@st.composite
def unitized(draw: st.DrawFn) -> tuple[int, list[list[tuple[int, int]]]]:
    length = draw(st.integers(5, 60))
    raters = []
    for _ in range(draw(st.integers(2, 3))):
        cuts = sorted(draw(st.sets(st.integers(0, length), max_size=8)))
        pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
        raters.append([(s, e) for s, e in pairs if e > s])
    return length, raters


@settings(max_examples=60, deadline=None)
@given(unitized())
def test_unitizing_matches_dkpros_loop(case: tuple[int, list[list[tuple[int, int]]]]) -> None:
    length, raters = case
    text = text_of(length)
    layers = {f"r{i}": layer_of(f"r{i}", text, {"x": u}) for i, u in enumerate(raters)}
    report = agreement_report([DocInput("d", text, layers)], list(layers), ["x"]).to_json()
    expected = _dkpro_alpha(length, raters)
    got = report["unitizing"]["per_label"]["x"]["alpha_u"]
    if expected is None or not any(raters):
        assert got is None and report["unitizing"]["per_label"]["x"]["undefined"]
    else:
        assert got == pytest.approx(expected, abs=1e-9)
        assert report["unitizing"]["alpha_u"] == pytest.approx(expected, abs=1e-9)


def test_unitizing_keeps_negative_values_and_says_why_undefined() -> None:
    text = text_of(100)
    a = layer_of("a", text, {"claim": [(0, 10), (40, 50)]})
    b = layer_of("b", text, {"claim": [(5, 45)]})
    unit = agreement_report([DocInput("d", text, {"a": a, "b": b})], ["a", "b"]).to_json()[
        "unitizing"
    ]
    assert unit["alpha_u"] < 0 and unit["per_label"]["claim"]["alpha_u"] < 0
    empty = agreement_report(
        [DocInput("d", text, {"a": layer_of("a", text, {}), "b": layer_of("b", text, {})})],
        ["a", "b"],
        ["claim"],
    ).to_json()["unitizing"]
    assert empty["alpha_u"] is None and "no annotator marked" in empty["undefined"]["alpha_u"]
    one = agreement_report([DocInput("d", text, {"a": a})], ["a"]).to_json()["unitizing"]
    assert one["alpha_u"] is None and "two annotators" in one["undefined"]["alpha_u"]


def test_unitizing_skips_documents_someone_has_not_finished_and_ignores_order() -> None:
    t1, t2, t3 = text_of(80), text_of(120), text_of(60)
    docs = [
        DocInput("d1", t1, {"a": layer_of("a", t1, {"claim": [(3, 20)]}),
                            "b": layer_of("b", t1, {"claim": [(5, 20)]})}),
        DocInput("d2", t2, {"a": layer_of("a", t2, {"speaker": [(0, 4)], "claim": [(30, 90)]}),
                            "b": layer_of("b", t2, {"speaker": [(0, 4)], "claim": [(40, 90)]})}),
        DocInput("d3", t3, {"a": layer_of("a", t3, {"claim": [(0, 60)]})}),  # b is missing here
    ]  # fmt: skip
    forward = agreement_report(docs, ["a", "b"]).to_json()["unitizing"]
    backward = agreement_report(docs[::-1], ["a", "b"]).to_json()["unitizing"]
    assert forward["documents"] == 2 and forward["length"] == 200
    assert forward["alpha_u"] == pytest.approx(backward["alpha_u"])
    assert forward["per_label"]["speaker"]["alpha_u"] == pytest.approx(1.0)


TEXT = "قال الوزير إن المحادثات مثمرة وإن الزيارة ناجحة"


def sp(word: str, label: str, sid: str, shift: tuple[int, int] = (0, 0), **attrs: str) -> Span:
    i = TEXT.index(word) + shift[0]
    j = TEXT.index(word) + len(word) + shift[1]
    return Span(i, j, label, TEXT[i:j], dict(attrs), sid)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["person", "state", "media"]),
                          st.sampled_from(["person", "state", "media"])), min_size=2, max_size=30))  # fmt: skip
def test_attribute_kappa_on_matched_spans_is_scikit_learns(values: list[tuple[str, str]]) -> None:
    from sklearn.metrics import cohen_kappa_score

    docs = []
    for n, (x, y) in enumerate(values):
        a = Layer("a", "done", [sp("الوزير", "speaker", "s1", kind=x), sp("مثمرة", "claim", "s2")])
        # b's claim is one letter short: it is not matched exactly, so it carries no attribute row
        b = Layer("b", "done", [sp("الوزير", "speaker", "s1", kind=y), sp("مثمرة", "claim", "s2", (1, 0))])  # fmt: skip
        docs.append(DocInput(f"d{n}", TEXT, {"a": a, "b": b}))
    (row,) = agreement_report(docs, ["a", "b"]).to_json()["attributes"]["kind"]
    assert row["matched"] == len(values) and row["label"] == "speaker"
    xs, ys = [x for x, _ in values], [y for _, y in values]
    assert row["observed"] == pytest.approx(sum(x == y for x, y in values) / len(values))
    if len(set(xs) | set(ys)) == 1:
        assert row["cohen_kappa"] is None and row["undefined"]["cohen_kappa"]
    else:
        assert row["cohen_kappa"] == pytest.approx(cohen_kappa_score(xs, ys))


def test_relation_f1_exact_and_relaxed() -> None:
    rel = [Relation("c", "s", "attributed_to", "r1")]
    a = Layer("a", "done", [sp("الوزير", "speaker", "s"), sp("المحادثات مثمرة", "claim", "c")], rel)
    # b's claim leaves out the first word's article: the link matches only when overlap is enough
    b = Layer("b", "done", [sp("الوزير", "speaker", "s"), sp("المحادثات مثمرة", "claim", "c", (2, 0))], rel)  # fmt: skip
    other = Layer(
        "c", "done", [sp("الوزير", "speaker", "s"), sp("الزيارة ناجحة", "claim", "c")], rel
    )
    report = agreement_report(
        [DocInput("d", TEXT, {"a": a, "b": b, "c": other})], ["a", "b", "c"]
    ).to_json()
    pairs = {(p["a"], p["b"]): p for p in report["relations"]["pairs"]}
    ab, ac = pairs[("a", "b")], pairs[("a", "c")]
    assert ab["exact"]["f1"] == 0.0 and ab["relaxed"]["f1"] == 1.0
    assert ac["relaxed"]["f1"] == 0.0  # claims that do not overlap never link up
    assert (ab["documents"], ab["exact"]["in_a"], ab["exact"]["in_b"]) == (1, 1, 1)


def _noisy_corpus(n_docs: int, seed: int) -> list[DocInput]:
    rng = random.Random(seed)
    words = [(m.start(), m.end()) for m in __import__("re").finditer(r"\S+", TEXT)]
    docs = []
    for n in range(n_docs):
        layers = {}
        truth = rng.sample(words, 3)
        for name in ("a", "b", "c"):
            spans = []
            for i, (s, e) in enumerate(truth):
                if rng.random() < 0.15:
                    continue  # missed
                e2 = e if rng.random() < 0.8 else e - 1
                label = "claim" if i else ("speaker" if rng.random() < 0.85 else "event")
                spans.append(Span(s, e2, label, TEXT[s:e2], {"k": rng.choice("xyz")}, f"s{i}"))
            rels = [Relation("s1", "s0", "attributed_to", "r1")] if len(spans) == 3 else []
            layers[name] = Layer(name, "done", spans, rels)
        docs.append(DocInput(f"d{n}", TEXT, layers))
    return docs


def _headlines(report: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(name, value, ci95) of every headline figure of a report."""
    tok, unit = report["token"], report["unitizing"]
    out = [("token alpha", tok["krippendorff_alpha"], tok["ci95"]),
           ("fleiss", tok["fleiss_kappa"], tok["fleiss_kappa_ci95"]),
           ("alpha_u", unit["alpha_u"], unit["ci95"])]  # fmt: skip
    out += [(f"alpha_u {k}", v["alpha_u"], v["ci95"]) for k, v in unit["per_label"].items()]
    out += [(f"kappa {p['a']}{p['b']}", p["cohen_kappa"], p["ci95"]) for p in tok["pairs"]]
    for p in report["span"]["pairs"]:
        out += [
            (f"span {k} {p['a']}{p['b']}", p[k]["f1"], p[k]["ci95"]) for k in ("exact", "overlap")
        ]
    for p in report["relations"]["pairs"]:
        out += [
            (f"link {k} {p['a']}{p['b']}", p[k]["f1"], p[k]["ci95"]) for k in ("exact", "relaxed")
        ]
    for rows in report["attributes"].values():
        out += [(f"attr {r['a']}{r['b']} {r['label']}", r["cohen_kappa"], r["ci95"]) for r in rows]
    return out


def test_bootstrap_intervals_contain_the_figure_and_shrink_with_more_documents() -> None:
    small = agreement_report(_noisy_corpus(30, 1), ["a", "b", "c"], bootstrap=300, seed=7).to_json()
    large = agreement_report(
        _noisy_corpus(300, 1), ["a", "b", "c"], bootstrap=300, seed=7
    ).to_json()
    assert small["bootstrap"] == {"resamples": 300, "seed": 7, "over": "documents", "interval": "95% percentile"}  # fmt: skip
    widths = {}
    for report in (small, large):
        for name, value, ci in _headlines(report):
            assert value is not None, name
            assert ci[0] <= value + 1e-9 and value - 1e-9 <= ci[1], (name, value, ci)
            if "event" not in name:
                widths.setdefault(name, []).append(ci[1] - ci[0])
    assert len(widths) >= 15
    for name, (w_small, w_large) in widths.items():  # the rare label's rest on a handful either way
        assert w_large < w_small, name
    again = agreement_report(_noisy_corpus(30, 1), ["a", "b", "c"], bootstrap=300, seed=7).to_json()
    assert again == small  # same seed, same intervals
    other = agreement_report(_noisy_corpus(30, 1), ["a", "b", "c"], bootstrap=300, seed=8).to_json()
    assert other["unitizing"]["ci95"] != small["unitizing"]["ci95"]


def test_bootstrap_of_an_undefined_figure_is_null() -> None:
    docs = [DocInput("d", TEXT, {"a": Layer("a", "done"), "b": Layer("b", "done")})]
    report = agreement_report(docs, ["a", "b"], ["claim"], bootstrap=20, seed=1).to_json()
    assert report["unitizing"]["alpha_u"] is None and report["unitizing"]["ci95"] is None


def test_cli_bootstrap_and_counts(tmp_path: Path) -> None:
    db = _three_annotator_project(tmp_path)
    data = json.loads(
        run("agreement", str(db), "--json", "--bootstrap", "50", "--seed", "3").stdout
    )
    assert data["bootstrap"]["resamples"] == 50
    assert "ci95" in data["token"] and "ci95" in data["unitizing"]
    assert data["unitizing"]["documents"] == 1  # d2: sara has not finished it
    assert data["token"]["pairs"][0]["documents"] == 2 and data["token"]["tokens"] > 0
    table = run("agreement", str(db), "--bootstrap", "50")
    assert table.returncode == 0 and "Unitizing alpha" in table.stdout and "95%" in table.stdout
    bad = run("agreement", str(db), "--bootstrap", "-3")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_sparse_and_dense_resampling_agree() -> None:
    from annotator.agreement import report as rep
    from annotator.agreement.bootstrap import intervals

    docs = _noisy_corpus(40, 3)
    parts = [p for d in docs if (p := rep.document_part(d, ["a", "b", "c"], None)) is not None]
    plan = rep.Plan(["a", "b", "c"], ["claim", "event", "speaker"])
    samples = rep._unit_samples(parts, plan.labels, 3)
    stats = [p.stats for p in parts]
    dense = intervals(stats, samples, plan.headline, 60, 5)
    sparse = intervals(stats, samples, plan.headline, 60, 5, dense_cells=0)
    assert dense.keys() == sparse.keys() and len(dense) > 20
    for fid, got in dense.items():
        other = sparse[fid]
        assert (got is None) == (other is None), fid
        if got is not None and other is not None:
            assert (got.low, got.high) == pytest.approx((other.low, other.high)), fid


def test_per_label_token_alpha_is_the_binary_alpha_of_the_library() -> None:
    import krippendorff
    import numpy as np

    from annotator.text.tokens import tokenize

    docs = _noisy_corpus(5, 4)
    report = agreement_report(docs, ["a", "b", "c"]).to_json()
    for label in ("claim", "speaker"):
        rows: list[list[float]] = [[], [], []]
        for d in docs:
            for t in tokenize(d.text):
                for i, name in enumerate("abc"):
                    hit = any(s.label == label and s.start < t.end and t.start < s.end
                              for s in d.layers[name].spans)  # fmt: skip
                    rows[i].append(1.0 if hit else 0.0)
        expected = krippendorff.alpha(
            reliability_data=np.array(rows), level_of_measurement="nominal"
        )
        got = report["token"]["per_label"][label]["krippendorff_alpha"]
        assert got == pytest.approx(expected)


def test_disagreements_are_classified_once_each() -> None:
    from annotator.agreement.disagreements import Kind, classify

    a = [sp("الوزير", "speaker", "s1"), sp("المحادثات مثمرة", "claim", "s2"),
         sp("الزيارة", "event", "s3"), sp("ناجحة", "stance", "s4"), sp("قال", "event", "s5")]  # fmt: skip
    b = [
        sp("الوزير", "speaker", "x1", (-4, 0)),  # same label, wider: boundary
        sp("المحادثات مثمرة", "stance", "x2"),  # same words, other label: label
        sp("الزيارة", "claim", "x3", (0, 2)),  # both
        sp("قال", "event", "x5"),
    ]  # exact: no disagreement; b missed a's stance
    found = classify("a", a, "b", b)
    assert [d.kind for d in found] == [Kind.BOUNDARY, Kind.LABEL, Kind.BOTH, Kind.MISSED]
    assert found[-1].a_span is not None and found[-1].b_span is None
    # one long span of b against two short ones of a: one boundary pair, one missed
    long_b = [Span(0, len(TEXT), "claim", TEXT, {}, "x")]
    two = [sp("قال الوزير", "claim", "s1"), sp("الزيارة ناجحة", "claim", "s2")]
    kinds = sorted(d.kind for d in classify("a", two, "b", long_b))
    assert kinds == [Kind.BOUNDARY, Kind.MISSED]


def test_why_agreement_is_low_in_the_report_and_the_table(tmp_path: Path) -> None:
    a = Layer("a", "done", [sp("الوزير", "speaker", "s1"), sp("المحادثات مثمرة", "claim", "s2")])
    b = Layer("b", "done", [sp("الوزير", "speaker", "s1"), sp("المحادثات مثمرة", "stance", "s2")])
    c = Layer("c", "done", [sp("الوزير", "speaker", "s1", (-4, 0))])
    report = agreement_report(
        [DocInput("d", TEXT, {"a": a, "b": b, "c": c})], ["a", "b", "c"]
    ).to_json()
    dis = report["disagreement"]
    # a/b: claim vs stance; a/c: speaker boundary, claim missed; b/c: boundary, stance missed
    assert dis["counts"] == {"boundary": 2, "label": 1, "boundary_and_label": 0, "missed": 2}
    assert dis["total"] == 5 and sum(dis["shares"].values()) == pytest.approx(1.0)
    assert dis["confusion"] == [{"labels": ["claim", "stance"], "count": 1}]
    assert report["per_document"][0]["disagreements"] == 5

    db = _three_annotator_project(tmp_path)
    data = json.loads(run("agreement", str(db), "--json").stdout)
    (worst, *_rest) = data["disagreement"]["worst_documents"]
    assert worst["id"] == "d2"  # layla marked the visit, omar finished it with nothing
    (d,) = worst["disagreements"]
    assert d["kind"] == "missed" and d["a_span"]["text"] == "الزيارة" and d["b_span"] is None
    table = run("agreement", str(db)).stdout
    assert "Why agreement is low" in table and "«الزيارة»" in table


def test_agreement_benchmark_reports_its_goals_as_shares() -> None:
    from benchmarks.agreement import BOOTSTRAP_GOAL_S, GOAL_S
    from benchmarks.agreement import run as bench

    result = bench(documents=40, bootstrap=20)
    assert (result["goal_s"], result["bootstrap_goal_s"]) == (GOAL_S, BOOTSTRAP_GOAL_S)
    assert result["share_of_goal"] > 0 and result["bootstrap_share_of_goal"] > 0
    assert result["alpha_u"] is not None and len(result["alpha_u_ci95"]) == 2


def test_the_table_with_intervals_keeps_every_figure_apart() -> None:
    # a tester read "0.445–0.4450.125–0.125": intervals wider than their column ran together
    from annotator.agreement.table import render

    report = agreement_report(_noisy_corpus(30, 1), ["a", "b", "c"], bootstrap=50, seed=7)
    text = render(report)
    interval = r"-?\d\.\d{3}–-?\d\.\d{3}"
    import re

    assert re.search(interval, text)  # the intervals are there
    assert not re.search(interval + r"-?\d", text)  # and none runs into the next figure
    assert not re.search(r"\d\.\d{3}-?\d\.\d{3}", text)  # nor a figure into another


def _without_intervals(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_intervals(v) for k, v in value.items()
                if k != "bootstrap" and not k.endswith("ci95")}  # fmt: skip
    if isinstance(value, list):
        return [_without_intervals(v) for v in value]
    return value


def test_the_bootstrap_adds_intervals_and_changes_no_figure() -> None:
    # without --bootstrap the documents' sums go straight into one total (the speed fix): the
    # figures must be exactly those computed from per-document sums
    plain = agreement_report(_noisy_corpus(25, 2), ["a", "b", "c"]).to_json()
    booted = agreement_report(_noisy_corpus(25, 2), ["a", "b", "c"], bootstrap=10, seed=1).to_json()
    assert plain["documents"] == 25 and "bootstrap" not in plain
    assert json.dumps(_without_intervals(booted), sort_keys=True) == json.dumps(
        plain, sort_keys=True
    )
