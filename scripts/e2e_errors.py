"""Where the engine's analyses break the claims of the gold (issue 12, end to end).

    .venv/bin/python scripts/e2e_errors.py --engine-cache /tmp/e2e-cache            # every story cluster
    .venv/bin/python scripts/e2e_errors.py --set stories:01_sudan-yida-camp-bombing --all
    .venv/bin/python scripts/e2e_errors.py --set family --json build/e2e-errors.json

Per gold claim mention (tests/graph_gold/stories/<cluster>/claims.json, tests/gold/claims.json) it says
whether the engine has a record that `scripts/eval_graph.py` aligns with it and, if so, whether that
record makes a claim row, and which field of its claim mention differs from the gold's own (both read by
`graph.claim_mentions`): event type, a role's key (agent, recipient, item, location, ...), origin
(source), stance, certainty; and whether the row joined the claim most of the gold claim's mentions joined.

Classes (the first that applies):
  unaligned:<why>   no aligned record: `type GOLD->SYS` (an event of another type on the trigger),
                    `in-statement` (an attribution's content holds the trigger, no event),
                    `no-event` / `no-attribution` (nothing there), `content-span` (an attribution
                    overlaps the gold content, Dice < 0.5)
  no-row            aligned, but the graph made no claim row of it (too short, an event without
                    arguments, a relay, a speech act's cue)
  wrong-claim       a row, in another claim than the majority of its gold claim; the differing
                    fields are listed
  wrong-claim:gold-too  the same, and on gold analyses the graph also puts it apart (a graph error)
  ok                a row in the majority claim (fields may still differ)
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

import eval_graph  # noqa: E402

from claimgraph.graph import claim_mentions  # noqa: E402
from claimgraph.model import Analysis, Attribution, Event, Span  # noqa: E402
from claimgraph.model.claims import ClaimMention  # noqa: E402


def _record(analysis: Analysis, record: str) -> Optional[Attribution | Event]:
    for r in [*analysis.events, *analysis.attributions]:
        if r.id == record:
            return r
    return None


def _overlaps(a: Optional[Span], b: Optional[Span]) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def _unaligned_why(gold: Attribution | Event, system: Analysis) -> str:
    """Why no engine record aligns with a gold record."""
    if isinstance(gold, Event):
        anchor = gold.trigger or next(iter(a.span for a in gold.arguments.values()), None)
        for s in system.events:
            if _overlaps(s.trigger, anchor) and s.type != gold.type:
                return f"type {gold.type}->{s.type}"
        for a in system.attributions:
            if anchor is not None and a.content.contains(anchor):
                return "in-statement"
        return "no-event"
    best = max((eval_graph.dice(gold.content, s.content) for s in system.attributions), default=0.0)
    if best > 0:
        return f"content-span (dice {best:.2f})"
    for s in system.events:
        if gold.content.contains(s.trigger) if s.trigger else False:
            return f"no-attribution (event {s.type} inside)"
    return "no-attribution"


def _no_row_why(record: Attribution | Event, analysis: Analysis) -> str:
    if isinstance(record, Event):
        return f"event {record.type} roles {sorted(record.arguments) or '-'}"
    words = len(record.content.text.split())
    inner = [a.id for a in analysis.attributions if a.parent == record.id]
    events = [e.type for e in analysis.events if e.attribution == record.id]
    return f"attribution words={words} events={events or '-'} inner={inner or '-'}"


def _describe(record: Attribution | Event) -> str:
    if isinstance(record, Event):
        args = ", ".join(f"{r}={a.span.text!r}" for r, a in sorted(record.arguments.items()))
        trigger = record.trigger.text if record.trigger else "-"
        return f"{record.type} {trigger!r} [{args}] {record.polarity}/{record.certainty}"
    cue = record.cue.text if record.cue else "-"
    return (f"ATTR {record.source.span.text!r} ({record.source.type}) {cue!r} -> {record.content.text[:90]!r} "
            f"{record.kind}/{record.certainty}/{record.polarity}")


def field_diffs(gold: Optional[ClaimMention], system: Optional[ClaimMention]) -> list[str]:
    """The fields of two claim mentions of one gold record that differ (empty when one is missing)."""
    if gold is None or system is None:
        return []
    out = []
    if gold.type != system.type:
        out.append(f"type {gold.type}->{system.type}")
    for role in sorted(set(gold.arguments) | set(system.arguments)):
        g, s = gold.arguments.get(role), system.arguments.get(role)
        if g != s:
            out.append(f"{role} {g}->{s}")
    if gold.origin.key != system.origin.key:
        out.append(f"source {gold.origin.key}->{system.origin.key}")
    if gold.stance != system.stance:
        out.append(f"stance {gold.stance}->{system.stance}")
    if gold.certainty != system.certainty:
        out.append(f"certainty {gold.certainty}->{system.certainty}")
    return out


def _mentions(analyses: dict[str, Analysis]) -> dict[tuple[str, str], ClaimMention]:
    out = {}
    for stem, analysis in analyses.items():
        for m in claim_mentions(analysis):
            out.setdefault((stem, m.record_id), m)
    return out


def diagnose(name: str) -> list[dict[str, Any]]:
    """One row per gold claim mention of a set."""
    gold, spec, folder = eval_graph.load_set(name)
    system = eval_graph.engine_analyses(sorted(gold), folder)
    with tempfile.TemporaryDirectory() as tmp:
        store = eval_graph.build(system, str(Path(tmp) / "sys.db"))
        records = eval_graph.claim_of_records(store)
        store.close()
        store = eval_graph.build(gold, str(Path(tmp) / "gold.db"))
        gold_records = eval_graph.claim_of_records(store)
        store.close()
    gold_mentions, sys_mentions = _mentions(gold), _mentions(system)
    rows: list[dict[str, Any]] = []
    for claim in spec["claims"]:
        found: dict[str, Optional[str]] = {}
        aligned: dict[str, str] = {}
        for mention in claim["mentions"]:
            stem, record = mention.split("#")
            mapping = eval_graph.align(gold[stem], system[stem])
            aligned[mention] = mapping.get(record, "")
            found[mention] = records.get((system[stem].document.id, aligned[mention]))
        votes = Counter(c for c in found.values() if c)
        majority = votes.most_common(1)[0][0] if votes else None
        on_gold = {m: gold_records.get((gold[m.split("#")[0]].document.id, m.split("#")[1])) for m in claim["mentions"]}
        gold_votes = Counter(c for c in on_gold.values() if c)
        gold_majority = gold_votes.most_common(1)[0][0] if gold_votes else None
        for mention in claim["mentions"]:
            stem, record = mention.split("#")
            g = _record(gold[stem], record)
            row: dict[str, Any] = {"set": name, "claim": claim["id"], "mention": mention, "gold": _describe(g),
                                   "gold_input_row": on_gold[mention] is not None}
            if not aligned[mention]:
                row["class"] = "unaligned:" + _unaligned_why(g, system[stem])
            else:
                s = _record(system[stem], aligned[mention])
                row["engine"] = f"{aligned[mention]} {_describe(s)}"
                if found[mention] is None:
                    row["class"] = "no-row"
                    row["why"] = _no_row_why(s, system[stem])
                else:
                    row["class"] = "ok" if found[mention] == majority else (
                        "wrong-claim" if on_gold[mention] == gold_majority else "wrong-claim:gold-too")
                    row["diffs"] = field_diffs(gold_mentions.get((stem, record)),
                                               sys_mentions.get((stem, aligned[mention])))
            rows.append(row)
    return rows


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    classes = Counter(r["class"].split(" (")[0] if r["class"].startswith("unaligned:content") else r["class"]
                      for r in rows)
    graph_alone = Counter(r["class"].split(" (")[0] for r in rows if not r["gold_input_row"])
    fields = Counter(d.split(" ")[0] for r in rows if r["class"] == "wrong-claim" for d in r.get("diffs", []))
    kinds = Counter(r["gold"].split(" ")[0] for r in rows if r["class"] != "ok")
    return {"mentions": len(rows), "classes": dict(classes.most_common()),
            "no_row_on_gold_input_either": dict(graph_alone.most_common()),
            "wrong_claim_fields": dict(fields.most_common()), "not_ok_by_gold_type": dict(kinds.most_common())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", default="stories", help="family, stories (every cluster), stories:<cluster>")
    parser.add_argument("--engine-cache", type=Path, help="engine analyses cache (as scripts/eval_graph.py)")
    parser.add_argument("--all", action="store_true", help="also list the mentions that are ok")
    parser.add_argument("--json", type=Path, help="write every row here")
    args = parser.parse_args()
    if args.engine_cache:
        args.engine_cache.mkdir(parents=True, exist_ok=True)
        eval_graph.ENGINE_CACHE = args.engine_cache
    names = eval_graph.story_sets() if args.set == "stories" else [args.set]
    rows = [row for name in names for row in diagnose(name)]
    for row in rows:
        if row["class"] == "ok" and not args.all:
            continue
        mark = "" if row["gold_input_row"] else "  (no row on gold input either)"
        print(f"{row['class']:<28} {row['mention']:<14} {row['claim']}{mark}")
        print(f"    gold   {row['gold']}")
        if "engine" in row:
            print(f"    engine {row['engine']}")
        if row.get("why"):
            print(f"    why    {row['why']}")
        if row.get("diffs"):
            print(f"    diffs  {'; '.join(row['diffs'])}")
    print(json.dumps({name: summary([r for r in rows if r["set"] == name]) for name in names} | {"all": summary(rows)},
                     indent=1))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
