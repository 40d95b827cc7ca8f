#!/usr/bin/env bash
# Score claimgraph on real news we did not write: ../shared/corpora/wikinews and
# ../shared/corpora/homenews (24 + 21 articles with independent gold), one scorer table
# per set and language.
#   scripts/eval_real.sh [SET...]          (default: wikinews homenews)
# Output analyses go to build/real/system (gitignored); per-language gold copies to
# build/real/<set>-<lang>; the scorer's JSON report to build/real/<set>-<lang>.json.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
CG="${CLAIMGRAPH:-$ROOT/.venv/bin/claimgraph}"
SHARED="${CLAIMGRAPH_SHARED:-$ROOT/../shared}"
OUT="$ROOT/build/real"
SETS=("$@")
[ ${#SETS[@]} -gt 0 ] || SETS=(wikinews homenews)

rm -rf "$OUT" && mkdir -p "$OUT/system"
inputs=()
for set in "${SETS[@]}"; do inputs+=("$SHARED/corpora/$set/articles"); done
"$CG" analyze "${inputs[@]}" --format json --out "$OUT/system" >/dev/null
for set in "${SETS[@]}"; do
  for lang in en fr; do
    gold="$OUT/$set-$lang"
    mkdir -p "$gold"
    ls "$SHARED/corpora/$set/gold/"*_"$lang"_*.gold.json >/dev/null 2>&1 || continue
    cp "$SHARED/corpora/$set/gold/"*_"$lang"_*.gold.json "$gold/"
    echo "=== $set [$lang]"
    "$PY" "$SHARED/eval/score.py" "$gold" "$OUT/system" --quiet --json "$OUT/$set-$lang.json" \
      | grep -v -e '^system .*pairs with no gold file' -e '^claimgraph/v1 scorer'
    echo
  done
done
