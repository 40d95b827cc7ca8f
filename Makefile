# claimgraph: the two commands of the README are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CG := $(VENV)/bin/claimgraph
STAMP := $(VENV)/.installed
DB ?= claimgraph.db

.PHONY: setup demo test test-fast eval eval-real eval-polnear bench clean train-attribution

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

# The seed article's own question (examples/000_*.txt: is the Chinese government involved?).
QUESTION ?= Is the Chinese government involved?

# First README command: set up, ingest the bundled examples, print a readable summary, the brief for the
# seed's question, and the one command that serves the same store.
demo: $(STAMP)
	$(CG) ingest examples --db $(DB)
	$(CG) summary --db $(DB)
	$(CG) brief "$(QUESTION)" --db $(DB)
	@echo
	@echo "Read it in a browser: $(CG) serve --db $(DB)   (then open http://127.0.0.1:8000/)"

# Second README command: set up if needed, run the whole test suite.
test: $(STAMP)
	bash scripts/install_browser.sh
	$(PY) -m pytest -q

# Gold files only (tests/gold also holds notes and the claims pairs file).
eval: $(STAMP)
	rm -rf build/eval build/gold && mkdir -p build/eval build/gold
	cp tests/gold/*.gold.json build/gold/
	$(CG) analyze $$(ls tests/gold/*.gold.json | sed 's#tests/gold/\(.*\)\.gold\.json#examples/\1.txt#') --out build/eval
	$(PY) ../shared/eval/score.py build/gold build/eval --json build/eval-scores.json

# Real news we did not write: ../shared/corpora/wikinews and homenews, one table per set and language.
eval-real: $(STAMP)
	bash scripts/eval_real.sh wikinews homenews

eval-polnear: $(STAMP)
	bash scripts/eval_polnear.sh dev

bench: $(STAMP)
	$(PY) scripts/bench_ingest.py

clean:
	rm -rf build $(DB) $(DB)-wal $(DB)-shm

# The learned attribution tagger (English) from ../shared/corpora/polnear train: fixed seed, at most
# 25 minutes of training on a shared machine; writes src/claimgraph/extract/learned/en (docs/extraction.md).
train-attribution: $(STAMP)
	nice -n 10 $(PY) scripts/train_attribution.py --minutes 25 --seed 0
