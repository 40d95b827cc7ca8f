#!/usr/bin/env python3
"""Convert a PolNeAR split (brat standoff) into claimgraph v1 gold files, for evaluation only.

    python scripts/polnear_to_v1.py [--corpus DIR] [--split dev|test] [--out DIR]

Writes OUT/<split>/gold/<name>.gold.json and OUT/<split>/text/<name>.txt
(default OUT: build/polnear). Nothing of PolNeAR may be committed: keep the
output under build/ (gitignored).

Mapping: each `E Attribution:… Content:… Cue:… Source:…` relation becomes one
attribution with its content, cue and source spans (a discontinuous span
becomes the range from its first to its last fragment). PolNeAR has no
direct/indirect or factuality labels and no entities, so `kind`, `certainty`,
`polarity` and `source.type` are null (the scorer skips null gold fields), and
`entities`/`events` are empty. Attributions without a source get `source: null`.

Some articles were annotated by several annotators (`<name>_<annotator>.ann`):
we keep the file with the most attribution relations (ties: the first
annotator id in alphabetical order), i.e. the most complete annotation.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any, Optional

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "polnear" / "data"
ANN_NAME = re.compile(r"^(?P<name>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")


def read_ann(path: Path) -> tuple[dict[str, tuple[str, int, int]], list[dict[str, str]]]:
    """Text-bound annotations {id: (label, start, end)} and relations [{role: id}] of a brat file."""
    spans: dict[str, tuple[str, int, int]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, ranges = fields[1].partition(" ")
            offsets = [int(x) for part in ranges.split(";") for x in part.split()]
            spans[fields[0]] = (label, min(offsets), max(offsets))
        elif line.startswith("E") and len(fields) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg))
    return spans, relations


def span(text: str, ref: Optional[tuple[str, int, int]]) -> Optional[dict[str, Any]]:
    if ref is None:
        return None
    _, start, end = ref
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return {"start": start, "end": end, "text": text[start:end]} if end > start else None


def convert(text: str, ann: Path) -> dict[str, Any]:
    """The v1 gold document of one article."""
    spans, relations = read_ann(ann)
    attributions = []
    for relation in relations:
        content = span(text, spans.get(relation.get("Content", "")))
        if content is None:
            continue
        source = span(text, spans.get(relation.get("Source", "")))
        attributions.append({
            "id": f"a{len(attributions) + 1}",
            "source": {**source, "entity": None, "type": None} if source else None,
            "cue": span(text, spans.get(relation.get("Cue", ""))),
            "content": content, "kind": None, "certainty": None, "polarity": None, "parent": None})
    return {"schema": "claimgraph/v1",
            "document": {"id": hashlib.sha256(text.encode("utf-8")).hexdigest(), "title": None, "date": None,
                         "lang": "en", "source": None, "url": None, "text": text},
            "entities": [], "attributions": attributions, "events": []}


def pick_annotations(ann_dir: Path) -> dict[str, Path]:
    """One .ann file per article: the one with the most relations (ties: first annotator id)."""
    by_name: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(ann_dir.glob("*.ann")):
        match = ANN_NAME.match(path.name)
        if match:
            by_name[match["name"]].append(path)
    return {name: max(paths, key=lambda p: (len(read_ann(p)[1]), -paths.index(p)))
            for name, paths in by_name.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--split", default="dev", choices=["dev", "test"])
    parser.add_argument("--out", type=Path, default=Path("build/polnear"))
    args = parser.parse_args()
    out_gold = args.out / args.split / "gold"
    out_text = args.out / args.split / "text"
    out_gold.mkdir(parents=True, exist_ok=True)
    out_text.mkdir(parents=True, exist_ok=True)
    picked = pick_annotations(args.corpus / args.split / "attributions")
    count = 0
    for name, ann in sorted(picked.items()):
        text_path = args.corpus / args.split / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_bytes().decode("utf-8")  # brat offsets count every character, \r included
        gold = convert(text, ann)
        (out_gold / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        (out_text / f"{name}.txt").write_bytes(text.encode("utf-8"))
        count += len(gold["attributions"])
    print(f"{args.split}: {len(picked)} articles, {count} attributions -> {args.out / args.split}")


if __name__ == "__main__":
    main()
