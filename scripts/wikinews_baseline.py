"""Raise the Wikinews quality floors (tests/baselines/wikinews.json) to today's figures.

Run `make eval-real` first: it leaves the scorer's reports in build/real/wikinews-<lang>.json.
Each floor becomes the current figure minus a margin (default 0.02), rounded down to two
decimals, and only ever goes up; `--lower` lets a floor go down too (say why in the commit).
`--add PATH` starts holding a new figure ("/"-separated path into the scorer's report).

    make eval-real && .venv/bin/python scripts/wikinews_baseline.py [--margin 0.02] [--dry-run]
"""
from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "tests" / "baselines" / "wikinews.json"
REPORTS = ROOT / "build" / "real"


def figure(report: dict, path: str) -> float | None:
    value: object = report
    for key in path.split("/"):
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value if isinstance(value, (int, float)) else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--margin", type=float, default=0.02)
    parser.add_argument("--lower", action="store_true", help="let floors go down as well as up")
    parser.add_argument("--add", action="append", default=[], metavar="PATH")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    for lang, floors in baseline["floors"].items():
        report_path = REPORTS / f"wikinews-{lang}.json"
        if not report_path.exists():
            raise SystemExit(f"{report_path} is missing: run `make eval-real` first")
        report = json.loads(report_path.read_text(encoding="utf-8"))
        for path in args.add:
            floors.setdefault(path, 0.0)
        for path, old in sorted(floors.items()):
            value = figure(report, path)
            if value is None:
                print(f"{lang} {path}: no figure in the report, floor {old} kept")
                continue
            new = math.floor((value - args.margin) * 100) / 100
            if new < old and not args.lower:
                new = old
            floors[path] = max(new, 0.0)
            mark = "" if new == old else f"  (was {old})"
            print(f"{lang} {path:<45} {value:6.3f} -> floor {floors[path]:.2f}{mark}")
    if not args.dry_run:
        BASELINE.write_text(json.dumps(baseline, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
