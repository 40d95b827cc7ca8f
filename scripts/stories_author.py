"""Author stand-off gold for the story clusters from anchor files kept OUTSIDE the repository.

The anchor files quote article text (that is how spans are found), so they must never be
committed; only the offsets this script writes go into tests/graph_gold/stories/. A second
annotator can use the same tool with `--out` pointing elsewhere (e.g. build/annotator2).

    .venv/bin/python scripts/stories_author.py articles CLUSTER ANCHOR_DIR [--out DIR]
    .venv/bin/python scripts/stories_author.py claims CLAIMS_SPEC.py [--out DIR]

Anchor file (YAML, one per article, ANCHOR_DIR/<article id>.yaml; `_common.yaml` may hold
entity rows shared by a cluster). Invented example:

    doc: 99_1ecbplus
    layers: "attributions and events: complete for title and body; ..."   # optional
    ents:                                  # [id, canonical name, type, surface forms, country?]
      - [acme, Acme Shipyards, ORG, [Acme Shipyards, Acme]]
    recs:
      - {A: a1, L: 3, src: [Two dock workers, anonymous_person], cue: said, c: "the yard ... to the navy"}
      - {E: v1, t: SUPPLY, tr: sold, args: {agent: [the yard, acme], recipient: the navy}, at: a1,
         time: [last year, "2024"], cert: probable, pol: negative}

`L` is the body line (title = 1; "3-4" for a quote over two lines) that later spans are
searched in until the next `L`; a span is a literal substring, "start ... end" for a long one,
"text#2" for the second occurrence on the line, "text@@5" to look on line 5 instead. Entity
mentions are all word-bounded occurrences of the surface forms ("Khartoum@4,13" restricts a
form to lines 4 and 13), longest form first, no overlaps. Defaults: kind indirect, certainty
certain, polarity positive, no parent.

Claims spec (Python): C = cluster, claims = [dict(id, type, label, mentions="41_5#v3 ...",
origins=[...] or None)], relays = [dict(article, relays, how)]; article ids may omit the
'ecbplus' suffix.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import runpy
from pathlib import Path

import yaml


REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpora" / "stories"
OUT = REPO / "tests" / "graph_gold" / "stories"


def body_start(raw: str) -> int:
    lines = raw.split("\n")
    i = 0
    while i < len(lines) and re.match(r"^[A-Za-z_]+:", lines[i]):
        i += 1
    off = sum(len(l) + 1 for l in lines[:i])
    while raw[off] == "\n":
        off += 1
    return off


class Doc:
    def __init__(self, cluster, doc):
        self.path = SHARED / cluster / "articles" / f"{doc}.txt"
        self.bytes = self.path.read_bytes()
        self.raw = self.bytes.decode("utf-8")
        self.b0 = body_start(self.raw)
        self.lines = []  # (start, end) raw offsets, 1-based line numbers of the body
        pos = self.b0
        for line in self.raw[self.b0:].split("\n"):
            self.lines.append((pos, pos + len(line)))
            pos += len(line) + 1
        self.cur = None

    def find(self, spec, line=None):
        if "@@" in spec:
            spec, line = spec.split("@@")
            line = int(line) if line.isdigit() else line
        line = line or self.cur
        if isinstance(line, str):
            a, b = (int(x) for x in line.split("-"))
            s, e = self.lines[a - 1][0], self.lines[b - 1][1]
        else:
            s, e = self.lines[line - 1]
        text = self.raw[s:e]
        n = 1
        m = re.match(r"^(.*)#(\d+)$", spec, re.S)
        if m:
            spec, n = m.group(1), int(m.group(2))
        if " ... " in spec:
            a, b = spec.split(" ... ", 1)
            i = self._nth(text, a, n, spec, line)
            j = text.find(b, i + len(a))
            if j < 0:
                raise SystemExit(f"{self.path.name} L{line}: end {b!r} not found")
            return [s + i, s + j + len(b)]
        i = self._nth(text, spec, n, spec, line)
        return [s + i, s + i + len(spec)]

    def _nth(self, text, needle, n, spec, line):
        i = -1
        for _ in range(n):
            i = text.find(needle, i + 1)
            if i < 0:
                raise SystemExit(f"{self.path.name} L{line}: {spec!r} not found in: {text}")
        return i


def entity_mentions(doc, forms, taken):
    out = []
    body = doc.raw[doc.b0:]
    for form in forms:
        lines = None
        if "@" in form:
            form, ls = form.split("@")
            lines = {int(x) for x in ls.split(",")}
        for m in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w])", body):
            s, e = doc.b0 + m.start(), doc.b0 + m.end()
            ln = doc.raw.count("\n", doc.b0, s) + 1
            if lines is not None and ln not in lines:
                continue
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            out.append([s, e])
    return sorted(out)


def compile_doc(cluster, src, out_dir=None):
    spec = yaml.safe_load(src.read_text())
    doc = Doc(cluster, spec["doc"])
    ents, taken, ids = [], [], set()
    raw_ents = list(spec.get("ents") or [])
    common = src.parent / "_common.yaml"
    if common.exists():
        own = {row[0] for row in raw_ents}
        raw_ents += [row for row in yaml.safe_load(common.read_text())["ents"] if row[0] not in own]
    # longest forms first across entities, so "South Sudan" wins over "Sudan"
    form_owner = []
    for row in raw_ents:
        eid, name, typ, forms = row[:4]
        for f in forms:
            form_owner.append((len(f.split("@")[0]), f, eid))
    ment = {row[0]: [] for row in raw_ents}
    for _, f, eid in sorted(form_owner, key=lambda x: -x[0]):
        ment[eid] += entity_mentions(doc, [f], taken)
    for row in raw_ents:
        eid, name, typ, forms = row[:4]
        e = {"id": eid, "name": name, "type": typ, "mentions": sorted(ment[eid])}
        if len(row) > 4 and row[4]:
            e["country"] = row[4]
        ents.append(e)
        ids.add(eid)
    atts, evs = [], []

    def ref(x):
        if x is not None and x not in ids:
            raise SystemExit(f"{src}: unknown entity {x}")
        return x

    for r in spec.get("recs") or []:
        if "L" in r:
            doc.cur = r["L"]
        try:
            if "A" in r:
                s = r["src"]
                src_span = doc.find(s[0])
                atts.append({"id": r["A"], "source": {"span": src_span, "entity": ref(s[2] if len(s) > 2 else None), "type": s[1]},
                             "cue": doc.find(r["cue"]) if r.get("cue") else None, "content": doc.find(r["c"]),
                             "kind": r.get("k", "indirect"), "certainty": r.get("cert", "certain"),
                             "polarity": r.get("pol", "positive"), "parent": r.get("p")})
            else:
                args = {}
                for role, v in (r.get("args") or {}).items():
                    if isinstance(v, list):
                        args[role] = {"span": doc.find(v[0]), "entity": ref(v[1])}
                    else:
                        args[role] = {"span": doc.find(v), "entity": None}
                t = r.get("time")
                evs.append({"id": r["E"], "type": r["t"], "trigger": doc.find(r["tr"]), "arguments": args,
                            "time": {"span": doc.find(t[0]) if t[0] else None, "value": t[1]} if t else None,
                            "attribution": r.get("at"), "certainty": r.get("cert", "certain"),
                            "polarity": r.get("pol", "positive")})
        except SystemExit:
            raise
        except Exception as exc:
            raise SystemExit(f"{src} record {r}: {exc!r}")
    used = {a["source"]["entity"] for a in atts} | {x["entity"] for v in evs for x in v["arguments"].values()}
    ents = [e for e in ents if e["mentions"] or e["id"] in used]
    aids = {a["id"] for a in atts}
    for a in atts:
        assert a["parent"] in aids | {None}, (src, a["id"])
    for v in evs:
        assert v["attribution"] in aids | {None}, (src, v["id"])
    all_ids = [x["id"] for x in atts + evs]
    assert len(all_ids) == len(set(all_ids)), (src, "duplicate ids")
    out = {"format": "claimgraph stand-off gold v1: offsets [start, end) into the raw article file text",
           "article": f"{cluster}/articles/{spec['doc']}.txt",
           "sha256": hashlib.sha256(doc.bytes).hexdigest(),
           "layers": spec.get("layers", "claim-bearing attributions and events; entities they refer to"),
           "entities": ents, "attributions": atts, "events": evs}
    dest = (out_dir or OUT) / cluster / f"{spec['doc']}.json"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(out, ensure_ascii=False, indent=None, separators=(",", ":")).replace('},{"id"', '},\n{"id"') + "\n")
    return len(ents), len(atts), len(evs)

FORMAT = ("Claims gold of one real story cluster, in the format of tests/gold/claims.json. Mentions are "
          "'<article id>#<record id>' into the stand-off gold of this folder (materialised by scripts/stories_gold.py): "
          "an event id (vN) for an event claim, an attribution id (aN) for a STATEMENT claim (a content with no typed event). "
          "Mentions with negative polarity are the claim's denials or negations. 'origins' lists the independent origins a "
          "careful reader counts for the supporting mentions (README.md: a wire story and its reprints count once, one "
          "anonymous source relayed by several outlets is one origin, an unnamed source counts as the outlet quoting it, "
          "all bodies of one state are one voice); null = not scored. 'relays' records which article relays which story.")


def _full(article):
    return article + "ecbplus" if article[0].isdigit() and not article.endswith("ecbplus") else article


def compile_claims(spec_path, out=None):
    ns = runpy.run_path(str(spec_path))
    folder = (out or OUT) / ns["C"]
    docs = {p.stem: json.loads(p.read_text()) for p in folder.glob("*.json") if p.name != "claims.json"}
    seen, claims = {}, []
    for c in ns["claims"]:
        mentions = []
        for m in c["mentions"].split():
            d, r = m.split("#")
            d = _full(d)
            records = {x["id"]: x for x in docs[d]["attributions"] + docs[d]["events"]}
            if r not in records:
                raise SystemExit(f"{c['id']}: {m} does not resolve")
            if f"{d}#{r}" in seen:
                raise SystemExit(f"{m} is in {seen[d + '#' + r]} and {c['id']}")
            seen[f"{d}#{r}"] = c["id"]
            if (c["type"] == "STATEMENT") != r.startswith("a") or (c["type"] != "STATEMENT" and records[r]["type"] != c["type"]):
                raise SystemExit(f"{m}: record does not fit a {c['type']} claim")
            mentions.append(f"{d}#{r}")
        claims.append({"id": c["id"], "type": c["type"], "label": c["label"], "mentions": mentions, "origins": c["origins"]})
    relays = [dict(r, article=_full(r["article"]), relays=_full(r["relays"])) for r in ns["relays"]]
    (folder / "claims.json").write_text(json.dumps({"format": FORMAT, "cluster": ns["C"], "claims": claims, "relays": relays},
                                                   ensure_ascii=False, indent=1) + "\n")
    return len(claims), len(seen)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    art = sub.add_parser("articles")
    art.add_argument("cluster")
    art.add_argument("anchors", type=Path)
    art.add_argument("--out", type=Path)
    cl = sub.add_parser("claims")
    cl.add_argument("spec", type=Path)
    cl.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.what == "articles":
        for src in sorted(args.anchors.glob("[0-9]*.yaml")):
            print(src.stem, "entities/attributions/events", compile_doc(args.cluster, src, args.out))
    else:
        print("claims/mentions", compile_claims(args.spec, args.out))


if __name__ == "__main__":
    main()
