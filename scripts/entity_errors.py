"""List entity mention errors per article, matched the way ../shared/eval/score.py matches.

    scripts/entity_errors.py GOLD_DIR SYSTEM_DIR [--lang en|fr] [--canonical]

Run `make eval-real` first: it writes the analyses to build/real/system and the per-language
gold copies to build/real/<set>-<lang>.  Every gold mention is either matched with its type
(and, with --canonical, its name), or reported as:
  MISS      no system mention overlaps it enough
  TYPE      matched, wrong type            (gold type -> system type)
  BOUND     matched, but not the same characters
  CANON     matched, the system names the entity differently (only with --canonical)
  MERGED    the system names two gold entities alike (only with --canonical)
and every unmatched system mention as SPUR.  The last lines count each error kind.
"""
import argparse
import collections
import importlib.util
import json
import pathlib
import sys

SCORER = pathlib.Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "score.py"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mentions(doc):
    return [(ei, sp, e.type, e.name) for ei, e in enumerate(doc.entities) for sp in e.mentions if sp]


def errors_of(score, gold, system):
    """(kind, gold text, system text, detail) for one article."""
    gm, sm = mentions(gold), mentions(system)
    cands = []
    for gi, (_, gsp, gt, _) in enumerate(gm):
        for si, (_, ssp, st, _) in enumerate(sm):
            d = score.dice(gsp, ssp)
            if d >= score.THRESHOLD:
                cands.append(((d, gt == st), gi, si))
    pairs = score.greedy(cands)
    text = gold.gold_text
    out = []
    for gi, (_, gsp, gt, gname) in enumerate(gm):
        g = text[gsp.start:gsp.end]
        if gi not in pairs:
            out.append(("MISS", g, "", gt, gsp.start))
            continue
        _, ssp, st, sname = sm[pairs[gi]]
        s = text[ssp.start:ssp.end]
        if gt != st:
            out.append(("TYPE", g, s, f"{gt} -> {st}", gsp.start))
        if (gsp.start, gsp.end) != (ssp.start, ssp.end):
            out.append(("BOUND", g, s, gt, gsp.start))
        out.append(("OK", g, s, (gname, sname), gsp.start))
    matched = set(pairs.values())
    for si, (_, ssp, st, _) in enumerate(sm):
        if si not in matched:
            out.append(("SPUR", "", text[ssp.start:ssp.end], st, ssp.start))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("system")
    ap.add_argument("--canonical", action="store_true", help="also list differently named matches")
    ap.add_argument("--context", type=int, default=0, help="print this many characters around each error")
    args = ap.parse_args()
    score = load_scorer()
    golds = [score.File(args.gold, n) for n in score.list_json(args.gold)]
    systems = [score.File(args.system, n) for n in score.list_json(args.system)]
    pairs = score.pair_files(golds, systems)
    totals = collections.Counter()
    for gi, g in enumerate(golds):
        gtext = g.obj["document"]["text"]
        gold = score.Doc(g.obj, gtext, score.Problems(), is_gold=True)
        s = systems[pairs[gi]] if gi in pairs else None
        system = score.Doc(s.obj, gtext, score.Problems(), is_gold=False) if s else None
        if system is None:
            continue
        rows = errors_of(score, gold, system)
        names = collections.defaultdict(set)
        for kind, _, _, detail, _ in rows:
            if kind == "OK":
                names[detail[0]].add(detail[1])
        shown = [r for r in rows if r[0] != "OK"]
        if args.canonical:
            shown += [("CANON", gname, " | ".join(sorted(map(str, snames))), "", None)
                      for gname, snames in names.items() if len(snames) > 1]
            merged = collections.defaultdict(set)
            for kind, _, _, detail, _ in rows:
                if kind == "OK":
                    merged[detail[1]].add(detail[0])
            shown += [("MERGED", " | ".join(sorted(map(str, gnames))), sname, "", None)
                      for sname, gnames in merged.items() if len(gnames) > 1]
        if not shown:
            continue
        print(f"== {g.name}")
        for kind, gtext_, stext, detail, at in shown:
            totals[kind] += 1
            print(f"  {kind:<6} {gtext_!r:<40} {stext!r:<40} {detail}")
            if args.context and at is not None:
                around = gtext[max(at - args.context, 0):at + args.context].replace("\n", " ")
                print(f"         ... {around} ...")
    print("totals:", json.dumps(dict(sorted(totals.items()))))


if __name__ == "__main__":
    sys.exit(main())
