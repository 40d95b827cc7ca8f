"""Raise the real-news quality floors (tests/baselines/<set>.json) to today's figures.

Run `make eval-real` first: it leaves the scorer's reports in build/real/<set>-<lang>.json.
`--set` picks the set (wikinews, the default, or homenews: ../shared/corpora/<set>).
Each floor becomes the current figure minus a margin (default 0.02), rounded down to two
decimals, and only ever goes up; `--lower` lets a floor go down too (say why in the commit).
`--add PATH` starts holding a new figure ("/"-separated path into the scorer's report).

    make eval-real && .venv/bin/python scripts/real_news_baseline.py [--set homenews] [--margin 0.02] [--dry-run]
"""
from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINES = ROOT / "tests" / "baselines"
REPORTS = ROOT / "build" / "real"
SETS = ("wikinews", "homenews")
# The figures a new set's baseline starts holding (those of the Wikinews baseline).
DEFAULT_PATHS = ("attributions/content/f1", "attributions/accuracy/source/accuracy",
                 "attributions/accuracy/source.type/accuracy", "attributions/accuracy/kind/accuracy",
                 "attributions/flags/hedged/f1", "attributions/flags/negated/f1",
                 "entities/typed/f1", "entities/canonical/f1", "events/overall/f1")


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
    parser.add_argument("--set", choices=SETS, default="wikinews", dest="corpus")
    args = parser.parse_args()
    path_of_baseline = BASELINES / f"{args.corpus}.json"
    if path_of_baseline.exists():
        baseline = json.loads(path_of_baseline.read_text(encoding="utf-8"))
    else:  # a new set starts at zero floors, raised below to today's figures
        baseline = {"about": f"Floors for the {args.corpus} real-news set (../shared/corpora/{args.corpus}), per "
                             "language, held by tests/test_real_news_floors.py; paths into the report of "
                             "../shared/eval/score.py. Raise with `make eval-real && .venv/bin/python "
                             f"scripts/real_news_baseline.py --set {args.corpus}`.",
                    "floors": {lang: {p: 0.0 for p in DEFAULT_PATHS} for lang in ("en", "fr")}}
    for lang, floors in baseline["floors"].items():
        report_path = REPORTS / f"{args.corpus}-{lang}.json"
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
        path_of_baseline.write_text(json.dumps(baseline, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
