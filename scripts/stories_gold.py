"""Materialise the stand-off gold of the real story clusters into full gold JSON.

    .venv/bin/python scripts/stories_gold.py                  # -> build/graph_gold/stories/
    .venv/bin/python scripts/stories_gold.py --out DIR --shared ../shared

The repository holds no article text: tests/graph_gold/stories/<cluster>/<doc>.json stores
character offsets into the article files of ../shared/corpora/stories/<cluster>/articles/,
the file's sha256, and labels in our own words (README.md there). This script reads the
texts from ../shared at eval time and writes, per cluster,

    <out>/<cluster>/<doc>.gold.json   CONTRACT v1 analyses (span texts and document text filled in;
                                      the folder is a GOLD_DIR for ../shared/eval/score.py)
    <out>/claims/<cluster>.json       the claims gold (mentions '<doc>#<record id>')
    <out>/claims/all.json             all clusters' claims in one file (ids prefixed by cluster)

Document text and metadata come from claimgraph's own text reader, so the gold `document.text`
is exactly the text the engine analyses (the body after the `key: value` front matter).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parents[1]
STANDOFF = REPO / "tests" / "graph_gold" / "stories"
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "build" / "graph_gold" / "stories"
sys.path.insert(0, str(REPO / "src"))


class StaleGold(Exception):
    """The article file no longer has the bytes the gold was made on."""


def clusters() -> list[str]:
    return sorted(p.name for p in STANDOFF.iterdir() if p.is_dir() and (p / "claims.json").exists())


def _document(path: Path) -> Any:
    from claimgraph.ingest.readers import read_text

    (doc,) = list(read_text(str(path), path.read_bytes()))
    return doc


def materialise_article(standoff: dict[str, Any], shared: Path) -> dict[str, Any]:
    """One stand-off record file -> one CONTRACT v1 gold analysis (dict)."""
    path = shared / "corpora" / "stories" / standoff["article"]
    raw_bytes = path.read_bytes()
    digest = hashlib.sha256(raw_bytes).hexdigest()
    if digest != standoff["sha256"]:
        raise StaleGold(f"{path}: sha256 {digest} != gold {standoff['sha256']}")
    raw = raw_bytes.decode("utf-8")
    doc = _document(path)
    if not raw.endswith(doc.text):
        raise StaleGold(f"{path}: the reader's text is not the file's tail; offsets cannot be shifted")
    shift = len(raw) - len(doc.text)
    text = doc.text

    def span(pair: Optional[list[int]]) -> Optional[dict[str, Any]]:
        if pair is None:
            return None
        start, end = pair[0] - shift, pair[1] - shift
        if not 0 <= start < end <= len(text):
            raise StaleGold(f"{path}: span {pair} outside the body")
        return {"start": start, "end": end, "text": text[start:end]}

    entities = []
    for e in standoff["entities"]:
        mentions = [span(m) for m in e["mentions"]]
        aliases = sorted({m["text"] for m in mentions if m and m["text"] != e["name"]})
        entity = {"id": e["id"], "name": e["name"], "type": e["type"], "aliases": aliases, "mentions": mentions}
        if e.get("country"):
            entity["country"] = e["country"]
        entities.append(entity)
    attributions = []
    for a in standoff["attributions"]:
        source = span(a["source"]["span"])
        source.update(entity=a["source"]["entity"], type=a["source"]["type"])
        attributions.append({"id": a["id"], "source": source, "cue": span(a["cue"]), "content": span(a["content"]),
                             "kind": a["kind"], "certainty": a["certainty"], "polarity": a["polarity"],
                             "parent": a["parent"]})
    events = []
    for v in standoff["events"]:
        arguments = {}
        for role, arg in v["arguments"].items():
            arguments[role] = dict(span(arg["span"]), entity=arg["entity"])
        time = None
        if v["time"]:
            time = dict(span(v["time"]["span"]) or {}, value=v["time"]["value"])
        events.append({"id": v["id"], "type": v["type"], "trigger": span(v["trigger"]), "arguments": arguments,
                       "time": time, "attribution": v["attribution"], "certainty": v["certainty"],
                       "polarity": v["polarity"]})
    return {"schema": "claimgraph/v1",
            "document": {"id": digest, "title": doc.title, "date": doc.date, "lang": doc.lang, "source": doc.source,
                         "url": doc.url, "text": text},
            "entities": entities, "attributions": attributions, "events": events}


def load_cluster(cluster: str, shared: Path = DEFAULT_SHARED) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """(doc stem -> gold analysis dict, claims spec) of one cluster, read from ../shared."""
    folder = STANDOFF / cluster
    analyses = {}
    for path in sorted(folder.glob("*.json")):
        if path.name == "claims.json":
            continue
        analyses[path.stem] = materialise_article(json.loads(path.read_text(encoding="utf-8")), shared)
    return analyses, json.loads((folder / "claims.json").read_text(encoding="utf-8"))


def materialise(out: Path = DEFAULT_OUT, shared: Path = DEFAULT_SHARED) -> list[Path]:
    """Write every cluster's gold analyses and claims under `out`; return the files written."""
    written: list[Path] = []
    combined: dict[str, Any] = {"format": None, "claims": [], "relays": []}
    for cluster in clusters():
        analyses, spec = load_cluster(cluster, shared)
        folder = out / cluster
        folder.mkdir(parents=True, exist_ok=True)
        for stem, analysis in analyses.items():
            target = folder / f"{stem}.gold.json"
            target.write_text(json.dumps(analysis, ensure_ascii=False, indent=1), encoding="utf-8")
            written.append(target)
        (out / "claims").mkdir(parents=True, exist_ok=True)
        target = out / "claims" / f"{cluster}.json"
        target.write_text(json.dumps(spec, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(target)
        combined["format"] = spec["format"]
        combined["claims"] += [dict(claim, id=f"{cluster}:{claim['id']}") for claim in spec["claims"]]
        combined["relays"] += spec.get("relays", [])
    target = out / "claims" / "all.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(combined, ensure_ascii=False, indent=1), encoding="utf-8")
    written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args()
    if not (args.shared / "corpora" / "stories").exists():
        sys.exit(f"no story corpus under {args.shared}")
    written = materialise(args.out, args.shared)
    print(f"{len(written)} files under {args.out}")


if __name__ == "__main__":
    main()
