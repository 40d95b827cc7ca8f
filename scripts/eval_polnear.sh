#!/usr/bin/env bash
# Score claimgraph's attributions on a PolNeAR split (research evaluation only).
#   scripts/eval_polnear.sh [dev|test] [SCORE_ARGS...]
# Converts the split to v1 gold under build/polnear/SPLIT (gitignored: PolNeAR
# text must never be committed), runs the engine on its texts with the language
# forced to English, and prints score.py's table. Tune on dev; look at test once.
set -euo pipefail
SPLIT="${1:-dev}"
shift || true
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
SHARED="${CLAIMGRAPH_SHARED:-$ROOT/../shared}"
OUT="$ROOT/build/polnear"
"$PY" "$ROOT/scripts/polnear_to_v1.py" --corpus "$SHARED/corpora/polnear/data" --split "$SPLIT" --out "$OUT"
rm -rf "$OUT/$SPLIT/system" && mkdir -p "$OUT/$SPLIT/system"
"$PY" - "$OUT/$SPLIT/text" "$OUT/$SPLIT/system" <<'PYEOF'
import json, sys, time
from pathlib import Path
from claimgraph.ingest.bytes import sha256_hex
from claimgraph.model import Document
from claimgraph.pipeline import Analyzer

text_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
docs = []
for path in sorted(text_dir.glob("*.txt")):
    raw = path.read_bytes()
    docs.append(Document(id=sha256_hex(raw), text=raw.decode("utf-8"), lang="en", path=str(path)))
started, words = time.perf_counter(), sum(len(d.text.split()) for d in docs)
import faulthandler; faulthandler.dump_traceback_later(900, exit=True)
for doc, analysis in zip(docs, Analyzer().analyze(docs)):
    name = Path(doc.path or doc.id).stem
    (out_dir / f"{name}.json").write_text(json.dumps(analysis.to_dict(), ensure_ascii=False), encoding="utf-8")
elapsed = time.perf_counter() - started
print(f"engine: {len(docs)} articles, {words} words in {elapsed:.1f}s ({words / elapsed:.0f} words/s)", file=sys.stderr)
PYEOF
python3 "$SHARED/eval/score.py" "$OUT/$SPLIT/gold" "$OUT/$SPLIT/system" "$@"
