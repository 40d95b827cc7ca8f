"""Inter-annotator agreement on the claims level of a story cluster.

    .venv/bin/python scripts/stories_agreement.py                       # cluster 04, table on stdout
    .venv/bin/python scripts/stories_agreement.py --cluster 04_athens-marfin-bank-firebomb -v

Annotator 1: tests/graph_gold/stories/<cluster>/ (read with scripts/stories_gold.py, offsets shifted
onto the reader text). Annotator 2: tests/graph_gold/stories/second/<cluster>/ (records whose spans
are already offsets into the reader text, checked against the article's sha256).

A claim mention is a record listed in a claim: an event (its trigger span) or an attribution (its
content span). Two mentions align when they are in the same article and either the Dice of their
character ranges is at least 0.5 (one-to-one, best first), or one is an event whose trigger lies
inside the other's span (for triggers left without a Dice match; the smallest container wins, and
one long content may take several triggers). Precision counts annotator 2's mentions that align,
recall annotator 1's. Pairs of aligned pairs that share a mention are left out of the clustering
score (one record cannot be in two claims).
Reported:
* mention agreement: P/R/F1 of annotator 2's mentions against annotator 1's;
* claim clustering: pairwise F1 over the aligned mentions ("same claim" for 2 vs for 1);
* origin counts: claims aligned one-to-one (mutual best by shared aligned mentions), share of them
  where both annotators counted the same number of origins.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
import stories_gold  # noqa: E402

SECOND = stories_gold.STANDOFF / "second"
DEFAULT_CLUSTER = "04_athens-marfin-bank-firebomb"


@dataclass(frozen=True)
class Mention:
    article: str
    record: str
    is_event: bool
    start: int
    end: int
    claim: str


def _dice(a: Mention, b: Mention) -> float:
    overlap = max(0, min(a.end, b.end) - max(a.start, b.start))
    return 2 * overlap / ((a.end - a.start) + (b.end - b.start))


def _contains(outer: Mention, trigger: Mention) -> bool:
    return trigger.is_event and outer.start <= trigger.start and trigger.end <= outer.end


def _claim_of(spec: dict[str, Any]) -> dict[str, str]:
    return {m: c["id"] for c in spec["claims"] for m in c["mentions"]}


def first_annotator(cluster: str, shared: Path) -> tuple[list[Mention], dict[str, Any]]:
    analyses, spec = stories_gold.load_cluster(cluster, shared)
    claim_of = _claim_of(spec)
    mentions = []
    for key, claim in claim_of.items():
        article, rid = key.split("#")
        analysis = analyses[article]
        if rid.startswith("v"):
            (record,) = [v for v in analysis["events"] if v["id"] == rid]
            span, is_event = record["trigger"], True
        else:
            (record,) = [a for a in analysis["attributions"] if a["id"] == rid]
            span, is_event = record["content"], False
        mentions.append(Mention(article, rid, is_event, span["start"], span["end"], claim))
    return mentions, spec


def second_annotator(cluster: str, shared: Path, folder: Optional[Path] = None) -> tuple[list[Mention], dict[str, Any]]:
    folder = folder or SECOND / cluster
    spec = json.loads((folder / "claims.json").read_text(encoding="utf-8"))
    claim_of = _claim_of(spec)
    records: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        if path.name == "claims.json":
            continue
        standoff = json.loads(path.read_text(encoding="utf-8"))
        article = shared / "corpora" / "stories" / standoff["article"]
        digest = hashlib.sha256(article.read_bytes()).hexdigest()
        if digest != standoff["sha256"]:
            raise stories_gold.StaleGold(f"{article}: sha256 {digest} != second annotation {standoff['sha256']}")
        for record in standoff["records"]:
            records[f"{path.stem}#{record['id']}"] = record
    mentions = []
    for key, claim in claim_of.items():
        record = records[key]
        is_event = record["record"] == "event"
        start, end = record["trigger"] if is_event else record["content"]
        mentions.append(Mention(key.split("#")[0], record["id"], is_event, start, end, claim))
    return mentions, spec


def align(second: list[Mention], first: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Dice matches one-to-one, best first; then each still unaligned event trigger aligns with the
    smallest mention of the other annotator that contains it (a long content may take several)."""
    candidates = []
    for m2 in second:
        for m1 in first:
            dice = _dice(m2, m1) if m1.article == m2.article else 0.0
            if dice >= 0.5:
                candidates.append((dice, m2, m1))
    candidates.sort(key=lambda c: (-c[0], c[1].article, c[1].start, c[2].start))
    used2: set[Mention] = set()
    used1: set[Mention] = set()
    pairs = []
    for _score, m2, m1 in candidates:
        if m2 in used2 or m1 in used1:
            continue
        used2.add(m2)
        used1.add(m1)
        pairs.append((m2, m1))
    for trigger in [m for m in second if m not in used2 and m.is_event]:
        outer = [m1 for m1 in first if m1.article == trigger.article and _contains(m1, trigger)]
        if outer:
            pairs.append((trigger, min(outer, key=lambda m: m.end - m.start)))
    for trigger in [m for m in first if m not in used1 and m.is_event]:
        outer = [m2 for m2 in second if m2.article == trigger.article and _contains(m2, trigger)]
        if outer:
            pairs.append((min(outer, key=lambda m: m.end - m.start), trigger))
    return pairs


def _prf(hits_p: int, n_p: int, hits_r: int, n_r: int) -> tuple[float, float, float]:
    p = hits_p / n_p if n_p else 0.0
    r = hits_r / n_r if n_r else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise_clustering(pairs: list[tuple[Mention, Mention]]) -> tuple[float, float, float]:
    same2 = same1 = both = 0
    for (a2, a1), (b2, b1) in combinations(pairs, 2):
        if a2 == b2 or a1 == b1:  # one mention aligned twice: no clustering decision to compare
            continue
        s2, s1 = a2.claim == b2.claim, a1.claim == b1.claim
        same2 += s2
        same1 += s1
        both += s2 and s1
    return _prf(both, same2, both, same1)


def aligned_claims(pairs: list[tuple[Mention, Mention]]) -> list[tuple[str, str, float]]:
    """(claim of 2, claim of 1, weight of shared aligned mentions) for mutual best matches."""
    shared: Counter[tuple[str, str]] = Counter()
    for m2, m1 in pairs:  # a span match weighs more than a containment, so it wins ties
        shared[(m2.claim, m1.claim)] += 1.0 if _dice(m2, m1) >= 0.5 else 0.5
    best2: dict[str, tuple[float, str]] = {}
    best1: dict[str, tuple[float, str]] = {}
    for (c2, c1), n in sorted(shared.items()):
        if n > best2.get(c2, (0, ""))[0]:
            best2[c2] = (n, c1)
        if n > best1.get(c1, (0, ""))[0]:
            best1[c1] = (n, c2)
    return [(c2, c1, n) for c2, (n, c1) in sorted(best2.items()) if best1[c1][1] == c2]


def agreement(cluster: str = DEFAULT_CLUSTER, shared: Path = stories_gold.DEFAULT_SHARED,
              second_folder: Optional[Path] = None, self_check: bool = False) -> dict[str, Any]:
    """Every figure of the comparison; self_check compares annotator 1 with itself (all 1.0)."""
    first, spec1 = first_annotator(cluster, shared)
    if self_check:
        second, spec2 = first, spec1
    else:
        second, spec2 = second_annotator(cluster, shared, second_folder)
    pairs = align(second, first)
    cluster_p, cluster_r, cluster_f = pairwise_clustering(pairs)
    origins2 = {c["id"]: c["origins"] for c in spec2["claims"]}
    origins1 = {c["id"]: c["origins"] for c in spec1["claims"]}
    matched = aligned_claims(pairs)
    scored = [(c2, c1, n) for c2, c1, n in matched if origins2[c2] is not None and origins1[c1] is not None]
    same_count = [m for m in scored if len(origins2[m[0]]) == len(origins1[m[1]])]
    aligned2 = {m2 for m2, _ in pairs}
    aligned1 = {m1 for _, m1 in pairs}
    mention_p, mention_r, mention_f = _prf(len(aligned2), len(second), len(aligned1), len(first))
    return {
        "cluster": cluster,
        "mentions": {"annotator2": len(second), "annotator1": len(first), "aligned2": len(aligned2), "aligned1": len(aligned1),
                     "precision": mention_p, "recall": mention_r, "f1": mention_f},
        "claims": {"annotator2": len(spec2["claims"]), "annotator1": len(spec1["claims"]),
                   "pairwise_precision": cluster_p, "pairwise_recall": cluster_r, "pairwise_f1": cluster_f},
        "origins": {"aligned_claims": len(scored), "same_count": len(same_count),
                    "agreement": len(same_count) / len(scored) if scored else 0.0,
                    "rows": [{"claim2": c2, "claim1": c1, "shared_mentions": n,
                              "origins2": len(origins2[c2]), "origins1": len(origins1[c1])} for c2, c1, n in scored]},
        "unaligned2": sorted(f"{m.article}#{m.record} ({m.claim})" for m in second if m not in aligned2),
        "unaligned1": sorted(f"{m.article}#{m.record} ({m.claim})" for m in first if m not in aligned1),
    }


def print_table(result: dict[str, Any], verbose: bool = False) -> None:
    m, c, o = result["mentions"], result["claims"], result["origins"]
    print(f"cluster {result['cluster']}: annotator 2 vs annotator 1")
    print(f"{'measure':<34}{'P':>7}{'R':>7}{'F1':>7}   counts")
    print(f"{'claim mentions (span alignment)':<34}{m['precision']:7.3f}{m['recall']:7.3f}{m['f1']:7.3f}"
          f"   aligned {m['aligned2']} of {m['annotator2']} (2), {m['aligned1']} of {m['annotator1']} (1)")
    print(f"{'claim clustering (pairwise)':<34}{c['pairwise_precision']:7.3f}{c['pairwise_recall']:7.3f}"
          f"{c['pairwise_f1']:7.3f}   claims {c['annotator2']} (2) / {c['annotator1']} (1)")
    print(f"{'origin count agreement':<34}{o['agreement']:21.3f}   {o['same_count']} of {o['aligned_claims']} aligned claims")
    if verbose:
        print("\naligned claims (annotator 2 -> annotator 1, shared mentions, origins 2 / 1):")
        for row in o["rows"]:
            flag = "" if row["origins2"] == row["origins1"] else "  *"
            print(f"  {row['claim2']:<36} {row['claim1']:<32} {row['shared_mentions']:>5.1f}"
                  f"   {row['origins2']} / {row['origins1']}{flag}")
        print(f"\nunaligned mentions of annotator 2 ({len(result['unaligned2'])}):", ", ".join(result["unaligned2"]))
        print(f"\nunaligned mentions of annotator 1 ({len(result['unaligned1'])}):", ", ".join(result["unaligned1"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cluster", default=DEFAULT_CLUSTER)
    parser.add_argument("--shared", type=Path, default=stories_gold.DEFAULT_SHARED)
    parser.add_argument("--json", type=Path, help="also write every figure as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list aligned claims and unaligned mentions")
    args = parser.parse_args()
    if not (args.shared / "corpora" / "stories").exists():
        sys.exit(f"no story corpus under {args.shared}")
    result = agreement(args.cluster, args.shared)
    print_table(result, args.verbose)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
