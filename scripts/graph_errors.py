"""List the evidence graph's clustering errors on a scored set, counted in pairs, largest first.

    .venv/bin/python scripts/graph_errors.py --input gold                       # every set
    .venv/bin/python scripts/graph_errors.py --input gold --set stories:01_sudan-yida-camp-bombing
    .venv/bin/python scripts/graph_errors.py --engine-cache /tmp/cache --top 5  # engine analyses

Two lists per set (the same pairs `scripts/eval_graph.py` scores):

* per gold claim split over several system claims: the system claims its mentions fall in, each with its
  mentions (article#record, type, key/label, words), and the missing pairs the split costs;
* per system claim that merges several gold claims: the gold claims it holds, with their mentions, and the
  false pairs the merge costs.

A mention the graph stored nowhere is `unmatched`: it costs every pair of its gold claim.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable

from sqlalchemy import select

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

import eval_graph  # noqa: E402
from claimgraph.model import Analysis  # noqa: E402
from claimgraph.store import tables as t  # noqa: E402


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _words(analysis: Analysis, record: str, width: int) -> str:
    """What a gold record says: an event's type and trigger with its arguments, an attribution's source and content."""
    for e in analysis.events:
        if e.id == record:
            args = ", ".join(f"{r}={a.span.text if a.span else a.entity}" for r, a in e.arguments.items())
            return f"{e.type} '{e.trigger.text if e.trigger else ''}' ({args})"[:width]
    for a in analysis.attributions:
        if a.id == record:
            return f"ATTR {a.source.span.text!r}: {a.content.text}"[:width]
    return "?"


def _claims(store) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with store.engine.connect() as connection:
        return {row.id: f"{row.type} {row.block} | {row.label}" for row in
                connection.execute(select(t.claims.c.id, t.claims.c.type, t.claims.c.block, t.claims.c.label))}


def errors(mode: str, name: str, width: int = 150) -> dict[str, object]:
    gold, spec, folder = eval_graph.load_set(name)
    system = gold if mode == "gold" else eval_graph.engine_analyses(sorted(gold), folder)
    with tempfile.TemporaryDirectory() as tmp:
        store = eval_graph.build(system, str(Path(tmp) / "errors.db"))
        records = eval_graph.claim_of_records(store)
        labels = _claims(store)
        store.close()
    gold_of: dict[str, str] = {}
    sys_of: dict[str, str] = {}
    text: dict[str, str] = {}
    for claim in spec["claims"]:
        for mention in claim["mentions"]:
            stem, record = mention.split("#")
            mapping = {record: record} if mode == "gold" else eval_graph.align(gold[stem], system[stem])
            gold_of[mention] = claim["id"]
            sys_of[mention] = records.get((system[stem].document.id, mapping.get(record, ""))) or f"unmatched:{mention}"
            text[mention] = _words(gold[stem], record, width)
    by_gold: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    by_sys: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for mention in sorted(gold_of):
        by_gold[gold_of[mention]][sys_of[mention]].append(mention)
        by_sys[sys_of[mention]][gold_of[mention]].append(mention)
    splits = []
    for claim, parts in by_gold.items():
        sizes = [len(v) for v in parts.values()]
        missing = _pairs(sum(sizes)) - sum(_pairs(s) for s in sizes)
        if missing:
            splits.append({"gold": claim, "missing_pairs": missing, "parts": [
                {"system": c, "label": labels.get(c, c), "mentions": [f"{m}  {text[m]}" for m in ms]}
                for c, ms in sorted(parts.items(), key=lambda kv: -len(kv[1]))]})
    merges = []
    for claim, parts in by_sys.items():
        if claim.startswith("unmatched"):
            continue
        sizes = [len(v) for v in parts.values()]
        false = _pairs(sum(sizes)) - sum(_pairs(s) for s in sizes)
        if false:
            merges.append({"system": claim, "label": labels.get(claim, claim), "false_pairs": false, "parts": [
                {"gold": g, "mentions": [f"{m}  {text[m]}" for m in ms]}
                for g, ms in sorted(parts.items(), key=lambda kv: -len(kv[1]))]})
    splits.sort(key=lambda s: -s["missing_pairs"])  # type: ignore[operator]
    merges.sort(key=lambda s: -s["false_pairs"])  # type: ignore[operator]
    return {"set": name, "input": mode, "missing_pairs": sum(s["missing_pairs"] for s in splits),  # type: ignore[misc]
            "false_pairs": sum(m["false_pairs"] for m in merges), "splits": splits, "merges": merges}  # type: ignore[misc]


def _print(report: dict, top: int) -> None:
    print(f"=== {report['set']} ({report['input']}): missing pairs {report['missing_pairs']}, "
          f"false pairs {report['false_pairs']}")
    for split in report["splits"][:top]:
        print(f"\n-- gold {split['gold']}: {split['missing_pairs']} missing pairs, {len(split['parts'])} system claims")
        _print_parts(split["parts"], lambda part: f"{part['system']}  {part['label'][:110]}")
    for merge in report["merges"][:top]:
        print(f"\n++ system {merge['system']}: {merge['false_pairs']} false pairs  {merge['label'][:110]}")
        _print_parts(merge["parts"], lambda part: f"gold {part['gold']}")
    print()


def _print_parts(parts: list[dict], name: Callable[[dict], str]) -> None:
    """Each part of a split or a merge: its size and `name`, then its mentions."""
    for part in parts:
        print(f"   [{len(part['mentions'])}] {name(part)}")
        for m in part["mentions"]:
            print(f"        {m}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", choices=("engine", "gold"), default="engine")
    parser.add_argument("--set", default="all", help="family, stories:<cluster>, all (family and every cluster)")
    parser.add_argument("--top", type=int, default=10, help="splits and merges shown per set")
    parser.add_argument("--width", type=int, default=150, help="characters of each mention's words")
    parser.add_argument("--json", type=Path, help="write the full lists here")
    parser.add_argument("--engine-cache", type=Path, help="engine analyses kept as JSON (as scripts/eval_graph.py)")
    args = parser.parse_args()
    if args.engine_cache:
        args.engine_cache.mkdir(parents=True, exist_ok=True)
        eval_graph.ENGINE_CACHE = args.engine_cache
    names = ["family", *eval_graph.story_sets()] if args.set == "all" else [args.set]
    reports = [errors(args.input, name, args.width) for name in names]
    for report in reports:
        _print(report, args.top)
    totals = Counter({r["set"]: (r["missing_pairs"], r["false_pairs"]) for r in reports})
    print("missing / false pairs:", ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in totals.items()))
    if args.json:
        args.json.write_text(json.dumps(reports, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
