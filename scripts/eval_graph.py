"""Score the evidence graph on our story family (tests/gold/claims.json) and on the real story
clusters (tests/graph_gold/stories/, stand-off gold joined with ../shared at eval time).

    .venv/bin/python scripts/eval_graph.py                 # engine output, every set
    .venv/bin/python scripts/eval_graph.py --input gold    # gold analyses as input (graph alone)
    .venv/bin/python scripts/eval_graph.py --set family    # one set: family, stories, homenews
    .venv/bin/python scripts/eval_graph.py --pairs         # also: item cosine, same vs different claim

Reports, per set, pairwise claim-clustering precision/recall/F1 over the annotated mentions,
origin-count accuracy over the annotated claims (docs/graph.md), and the role-sanity report
(graph/audit.py: absurd roles, non-source origins, outlet deniers, self-denials). `homenews`
(../shared/corpora/homenews, no claims gold) gets the role-sanity report of the engine only.
"""
from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Optional

from sqlalchemy import select

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold"
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"
HOMENEWS = SHARED / "corpora" / "homenews" / "articles"
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

from claimgraph.graph import claim_mentions, default_embedder, summaries, sync  # noqa: E402
from claimgraph.graph.audit import report as sanity_report  # noqa: E402
from claimgraph.model import Analysis, Span  # noqa: E402
from claimgraph.store import SqlStore  # noqa: E402
from claimgraph.store import tables as t  # noqa: E402


def dice(a: Optional[Span], b: Optional[Span]) -> float:
    """Dice of the words of two spans of one text, by position (as the scorer matches spans):
    the same word elsewhere in the article is another mention."""
    if a is None or b is None:
        return 0.0
    ta, tb = _positioned_words(a), _positioned_words(b)
    if not ta or not tb:
        return 0.0
    return 2 * len(ta & tb) / (len(ta) + len(tb))


def _positioned_words(span: Span) -> set[tuple[int, str]]:
    return {(span.start + m.start(), m.group().lower()) for m in re.finditer(r"\S+", span.text)}


def align(gold: Analysis, system: Analysis) -> dict[str, str]:
    """Gold record id -> system record id, by the scorer's rule of thumb (Dice >= 0.5 on trigger,
    or on the first argument plus one more; attributions on content)."""
    out: dict[str, str] = {}
    for g in gold.events:
        best, best_score = None, 0.0
        for s in system.events:
            if s.type != g.type:
                continue
            shared = sum(1 for r, a in g.arguments.items() if r in s.arguments and dice(a.span, s.arguments[r].span) >= 0.5)
            score = max(dice(g.trigger, s.trigger), 0.5 + 0.1 * shared if shared >= 2 else 0.0)
            if score >= 0.5 and score > best_score:
                best, best_score = s.id, score
        if best:
            out[g.id] = best
    for g in gold.attributions:
        scored = [(dice(g.content, s.content), s.id) for s in system.attributions]
        score, sid = max(scored, default=(0.0, ""))
        if score >= 0.5:
            out[g.id] = sid
    return out


def load_gold() -> dict[str, Analysis]:
    return {p.name[:-len(".gold.json")]: Analysis.from_dict(json.loads(p.read_text(encoding="utf-8")))
            for p in sorted(GOLD.glob("*.gold.json"))}


_ANALYZER = None
# --engine-cache DIR: engine analyses kept as JSON, keyed by the article file's sha256 (graph-only changes are
# measured on the same analyses, and in seconds). Empty the folder when extraction changes.
ENGINE_CACHE: Optional[Path] = None


def engine_analyses(stems: list[str], folder: Path = EXAMPLES) -> dict[str, Analysis]:
    global _ANALYZER
    paths = [folder / f"{stem}.txt" for stem in stems]
    out: dict[str, Analysis] = {}
    cached = {p: ENGINE_CACHE / f"{hashlib.sha256(p.read_bytes()).hexdigest()}.json" for p in paths} if ENGINE_CACHE else {}
    for path, file in cached.items():
        if file.exists():
            out[path.stem] = Analysis.from_dict(json.loads(file.read_text(encoding="utf-8")))
    todo = [p for p in paths if p.stem not in out]
    if todo:
        from claimgraph.pipeline import Analyzer

        _ANALYZER = _ANALYZER or Analyzer()
        for path, analysis in zip(todo, _ANALYZER.analyze_paths(todo)):
            out[path.stem] = analysis
            if path in cached:
                cached[path].write_text(json.dumps(analysis.to_dict(), ensure_ascii=False), encoding="utf-8")
    return {p.stem: out[p.stem] for p in paths}


def story_sets() -> list[str]:
    """The real story clusters whose gold has landed (and whose texts ../shared holds)."""
    if not (SHARED / "corpora" / "stories").exists():
        return []
    import stories_gold

    return [f"stories:{c}" for c in stories_gold.clusters()]


def load_set(name: str) -> tuple[dict[str, Analysis], dict, Path]:
    """(gold analyses by stem, claims spec, folder of the article files) of a scored set."""
    if name == "family":
        return load_gold(), json.loads((GOLD / "claims.json").read_text(encoding="utf-8")), EXAMPLES
    import stories_gold

    cluster = name.split(":", 1)[1]
    analyses, spec = stories_gold.load_cluster(cluster, SHARED)
    gold = {stem: Analysis.from_dict(data) for stem, data in analyses.items()}
    return gold, spec, SHARED / "corpora" / "stories" / cluster / "articles"


def homenews_sanity() -> dict[str, object]:
    """The role-sanity report of the engine's graph on the home-news articles (no claims gold)."""
    stems = sorted(p.stem for p in HOMENEWS.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        store = build(engine_analyses(stems, HOMENEWS), str(Path(tmp) / "homenews.db"))
        with store.engine.connect() as connection:
            out = sanity_report(connection)
        store.close()
    return {"set": "homenews", "input": "engine", "articles": len(stems), "role_sanity": out}


def build(analyses: dict[str, Analysis], db: str) -> SqlStore:
    store = SqlStore(db)
    for stem in sorted(analyses):
        store.put_analysis(analyses[stem])
    sync(store)
    return store


def claim_of_records(store: SqlStore) -> dict[tuple[str, str], str]:
    """(document id, record id) -> the claim its own mention joined (its first evidence row)."""
    out: dict[tuple[str, str], str] = {}
    with store.engine.connect() as connection:
        for row in connection.execute(select(t.evidence.c.document_id, t.evidence.c.record_id, t.evidence.c.claim_id)
                                      .order_by(t.evidence.c.id)):
            out.setdefault((row.document_id, row.record_id.split("@")[0]), row.claim_id)
    return out


def relayed_record(analysis: Analysis, record: str) -> Optional[str]:
    """The inner attribution an outer one relays (its child, and that child's, down to one that holds none): the
    graph stores a relay once, as the inner content with the outer source in its chain, so the outer record has no
    evidence row of its own ("A court clerk said the two men reported that the driver had drawn a knife")."""
    children = {a.parent: a.id for a in analysis.attributions if a.parent}
    inner = children.get(record)
    while inner is not None and inner in children:
        inner = children[inner]
    return inner


def evaluate(mode: str, name: str = "family", explain: bool = False, relays: bool = False) -> dict[str, object]:
    gold, spec, folder = load_set(name)
    system = gold if mode == "gold" else engine_analyses(sorted(gold), folder)
    with tempfile.TemporaryDirectory() as tmp:
        store = build(system, str(Path(tmp) / "eval.db"))
        records = claim_of_records(store)
        gold_cluster: dict[str, str] = {}
        sys_cluster: dict[str, str] = {}
        located: dict[str, tuple[str, str]] = {}
        for claim in spec["claims"]:
            for mention in claim["mentions"]:
                stem, record = mention.split("#")
                gold_cluster[mention] = claim["id"]
                mapping = {record: record} if mode == "gold" else align(gold[stem], system[stem])
                found = records.get((system[stem].document.id, mapping.get(record, "")))
                if found is None and relays and mapping.get(record):
                    inner = relayed_record(system[stem], mapping[record])
                    found = records.get((system[stem].document.id, inner)) if inner else None
                located[mention] = (system[stem].document.id, mapping.get(record, ""))
                sys_cluster[mention] = found or f"unmatched:{mention}"
        tp = fp = fn = 0
        for a, b in itertools.combinations(sorted(gold_cluster), 2):
            same_gold, same_sys = gold_cluster[a] == gold_cluster[b], sys_cluster[a] == sys_cluster[b]
            tp += same_gold and same_sys
            fp += same_sys and not same_gold
            fn += same_gold and not same_sys
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        origin_rows, mention_rows = [], []
        explained: list[dict[str, object]] = []
        with store.engine.connect() as connection:
            for claim in spec["claims"]:
                if claim["origins"] is None:
                    continue
                votes = Counter(sys_cluster[m] for m in claim["mentions"] if not sys_cluster[m].startswith("unmatched"))
                if not votes:
                    origin_rows.append((claim["id"], len(claim["origins"]), None))
                    continue
                (summary,) = summaries(connection, [votes.most_common(1)[0][0]], with_evidence=False)
                origin_rows.append((claim["id"], len(claim["origins"]), len(summary.origins)))
                if explain and len(claim["origins"]) != len(summary.origins):
                    explained.append(_explain(connection, claim, votes.most_common(1)[0][0], located,
                                              {a.document.id: stem for stem, a in system.items()}))
                mention_rows.append((claim["id"], len(claim["origins"]),
                                     _annotated_origins(connection, claim, votes, system, gold, mode)))
            sanity = sanity_report(connection)
        store.close()
    matched = sum(1 for v in sys_cluster.values() if not v.startswith("unmatched"))
    correct = sum(1 for _, g, s in origin_rows if g == s)
    correct_mentions = sum(1 for _, g, s in mention_rows if g == s)
    return {"set": name, "input": mode, "articles": len(gold), "mentions": len(gold_cluster), "mentions_matched": matched,
            "pairwise": {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
                         "tp": tp, "fp": fp, "fn": fn},
            "origin_count_accuracy": round(correct / len(origin_rows), 3) if origin_rows else None,
            # The same, counting only the origins of the annotated mentions (a system claim may also hold
            # mentions the gold does not list, whose origins the gold cannot judge).
            "origin_count_accuracy_annotated": round(correct_mentions / len(mention_rows), 3) if mention_rows else None,
            "role_sanity": sanity,
            "origin_counts_annotated": [{"claim": c, "gold": g, "system": s} for c, g, s in mention_rows],
            "origin_counts": [{"claim": c, "gold": g, "system": s} for c, g, s in origin_rows],
            **({"origin_diffs": explained} if explain else {})}


def _explain(connection, claim: dict, claim_id: str, located: dict[str, tuple[str, str]],  # type: ignore[no-untyped-def]
             stems: dict[str, str]) -> dict[str, object]:
    """A claim whose origin count is wrong: the gold's origins, the system's, and each system origin's
    asserting rows (article#record, chain innermost first, "[not gold]" when the gold does not list the row in
    this claim)."""
    (summary,) = summaries(connection, [claim_id])
    annotated = {located[m] for m in claim["mentions"]}
    rows: dict[str, list[str]] = {}
    for e in summary.evidence:
        if e.stance != "supports" or e.certainty == "underspecified":
            continue
        chain = " < ".join(link.text for link in e.chain) or "(narration)"
        record = e.record_id.split("@")[0]
        mark = "" if (e.document_id, record) in annotated else " [not gold]"
        rows.setdefault(f"{e.origin.name} [{e.origin.key}]", []).append(
            f"{stems.get(e.document_id, e.document_id[:10])}#{e.record_id} {chain}{mark}")
    return {"claim": claim["id"], "gold": claim["origins"], "system": [o.name for o in summary.origins], "rows": rows}


def _annotated_origins(connection, claim: dict, votes: Counter, system: dict[str, Analysis],  # type: ignore[no-untyped-def]
                       gold: dict[str, Analysis], mode: str) -> int:
    """Distinct origins (as the graph resolves them) of the annotated mentions that support the claim; a
    mention that asserts nothing (certainty `underspecified`: a question, a wondering) counts as none, as
    at read time (`graph.query`)."""
    wanted: set[tuple[str, str]] = set()
    for mention in claim["mentions"]:
        stem, record = mention.split("#")
        mapping = {record: record} if mode == "gold" else align(gold[stem], system[stem])
        if record in mapping:
            wanted.add((system[stem].document.id, mapping[record]))
    ids = [c for c in votes if not c.startswith("unmatched")]
    keys = {e.origin.key for s in summaries(connection, ids) for e in s.evidence
            if e.stance == "supports" and e.certainty != "underspecified"
            and (e.document_id, e.record_id.split("@")[0]) in wanted}
    return len(keys)


def pair_cosines() -> dict[str, object]:
    """Item cosine (USE) for pairs of annotated mentions of the same type: same claim vs different claims."""
    spec = json.loads((GOLD / "claims.json").read_text(encoding="utf-8"))
    gold = load_gold()
    items: dict[str, tuple[str, str, str]] = {}
    for stem, analysis in gold.items():
        for m in claim_mentions(analysis):
            if m.item and "@" not in m.record_id:
                items[f"{stem}#{m.record_id}"] = (m.type, m.item, m.stance)
    cluster = {m: c["id"] for c in spec["claims"] for m in c["mentions"]}
    keys = sorted(k for k in cluster if k in items)
    vectors = dict(zip(keys, default_embedder().encode([items[k][1] for k in keys])))
    same, different = [], []
    for a, b in itertools.combinations(keys, 2):
        if items[a][0] != items[b][0]:
            continue
        cosine = float(vectors[a] @ vectors[b])
        (same if cluster[a] == cluster[b] else different).append(cosine)

    def describe(values: list[float]) -> dict[str, float]:
        return {"n": len(values), "mean": round(statistics.mean(values), 3), "min": round(min(values), 3),
                "max": round(max(values), 3)} if values else {"n": 0}

    best = max(((th / 100, sum(v >= th / 100 for v in same) + sum(v < th / 100 for v in different))
                for th in range(30, 96)), key=lambda x: x[1])
    return {"same_claim": describe(same), "different_claim": describe(different),
            "best_threshold": best[0], "pairs_classified_right": round(best[1] / (len(same) + len(different)), 3)}


def _brief_row(report: dict) -> dict:
    """A set's figures without the per-claim lists."""
    row = {k: v for k, v in report.items() if not k.startswith("origin_counts") and k != "origin_diffs"}
    row["role_sanity"] = {k: v for k, v in report["role_sanity"].items() if k != "examples"}
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", choices=("engine", "gold"), default="engine")
    parser.add_argument("--set", default="all", help="family, stories (every cluster), stories:<cluster>, homenews, all")
    parser.add_argument("--pairs", action="store_true", help="also report item cosine for same/different-claim pairs")
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument("--full", action="store_true", help="also print per-claim origin counts and examples")
    parser.add_argument("--explain", action="store_true",
                        help="also print, per claim whose origin count is wrong, the gold and system origins and the "
                             "rows behind each system origin")
    parser.add_argument("--relays", action="store_true",
                        help="score a gold record the graph keeps only inside a relay (an outer attribution whose "
                             "content is an inner one) as the claim its inner record joined")
    parser.add_argument("--engine-cache", type=Path, help="keep engine analyses here (JSON by file sha256) and reuse them")
    args = parser.parse_args()
    global ENGINE_CACHE
    if args.engine_cache:
        args.engine_cache.mkdir(parents=True, exist_ok=True)
        ENGINE_CACHE = args.engine_cache
    names = {"all": ["family", *story_sets()], "stories": story_sets()}.get(args.set, [args.set])
    reports = [evaluate(args.input, name, args.explain, args.relays) for name in names if name != "homenews"]
    if args.set in ("all", "homenews") and args.input == "engine" and HOMENEWS.exists():
        reports.append(homenews_sanity())
    report: dict[str, object] = {"input": args.input, "sets": reports}
    if args.pairs:
        report["item_cosine"] = pair_cosines()
    shown = report if args.full else {"input": args.input, "sets": [_brief_row(r) for r in reports]}
    if args.explain and not args.full:
        shown["origin_diffs"] = {r["set"]: r.get("origin_diffs", []) for r in reports}
    print(json.dumps(shown, indent=1, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
