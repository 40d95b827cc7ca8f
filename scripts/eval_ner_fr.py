#!/usr/bin/env python3
"""Score claimgraph's French named entities on token-level IOB corpora.

Corpora (read from /work/shared/corpora; nothing of them is copied into the repository):

* europeana-ner-fr/enp_FR.bnf.bio: 1906 French newspapers (OCR), hand-annotated,
  "token TAG" lines in IOB1 with no sentence breaks: sentences are rebuilt by
  cutting after ".", "!" or "?" (and at 80 tokens, never inside an entity);
* wikineural-fr/test.conllu: Wikipedia sentences, silver labels, "idx<TAB>token<TAB>TAG"
  in IOB2, blank line between sentences.

Each sentence becomes a pre-tokenised `Doc(vocab, words=...)` run through the
French pipeline as claimgraph loads it. Modes:

* `claimgraph` (default): gazetteer ruler + NER + `extract_entities` (canonical
  types, junk filter, trimmed spans), i.e. what the engine outputs;
* `no-ruler`: the same without the gazetteer ruler;
* `spacy`: the bare fr_core_news_md NER (PER/ORG/LOC labels as they are).

Type mapping to the corpora's labels: PERSON -> PER, ORG -> ORG, GPE and LOC -> LOC;
PRODUCT and EVENT are not scored; the corpora's MISC is ignored (a system entity
with exactly the span of a gold MISC counts neither way). Spans match exactly
(same first and last token, same type). Prints P/R/F1 per type and overall.

    .venv/bin/python scripts/eval_ner_fr.py --corpus both --limit 1000
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Iterator, NamedTuple

CORPORA = Path("/work/shared/corpora")
EUROPEANA = CORPORA / "europeana-ner-fr" / "enp_FR.bnf.bio"
WIKINEURAL = CORPORA / "wikineural-fr" / "test.conllu"
TYPE_TO_LABEL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
SPACY_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
SENTENCE_END = {".", "!", "?"}
MAX_TOKENS = 80

Sentence = tuple[list[str], list[str]]  # words, tags
Spans = set[tuple[int, int, str]]  # first token, end token (exclusive), label


class Layout(NamedTuple):
    """Where a corpus keeps its words and tags, and whether it marks sentence breaks."""

    separator: str
    word_column: int
    tag_column: int
    min_columns: int
    # Europeana has no sentence breaks: cut after final punctuation and at MAX_TOKENS instead.
    cut_at_punctuation: bool


EUROPEANA_LAYOUT = Layout(separator=" ", word_column=0, tag_column=-1, min_columns=2, cut_at_punctuation=True)
WIKINEURAL_LAYOUT = Layout(separator="\t", word_column=1, tag_column=2, min_columns=3, cut_at_punctuation=False)


def read_iob(path: Path, layout: Layout) -> Iterator[Sentence]:
    """Sentences of a one-token-per-line IOB file; a line without a word (blank) ends a sentence.

    With `layout.cut_at_punctuation` a sentence also ends after ".", "!" or "?"
    and at MAX_TOKENS, but never inside an entity.
    """
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split(layout.separator)
            if len(parts) < layout.min_columns or not parts[layout.word_column]:
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            words.append(parts[layout.word_column])
            tags.append(parts[layout.tag_column])
            inside = tags[-1] != "O"
            if layout.cut_at_punctuation and (words[-1] in SENTENCE_END or len(words) >= MAX_TOKENS) and not inside:
                yield words, tags
                words, tags = [], []
    if words:
        yield words, tags


def gold_spans(tags: list[str]) -> Spans:
    """Entity spans of IOB1 or IOB2 tags (a B- or a change of type starts a new entity)."""
    spans: Spans = set()
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        begins = prefix == "B" or kind != label
        if label is not None and (prefix == "O" or begins):
            spans.add((start or 0, i, label))
            start, label = None, None
        if prefix in ("B", "I") and label is None:
            start, label = i, kind
    return spans


def system_spans(doc, mode: str, rules) -> Spans:  # type: ignore[no-untyped-def]
    """Predicted spans of `doc` in the corpora's label set."""
    if mode == "spacy":
        return {(e.start, e.end, SPACY_LABELS[e.label_]) for e in doc.ents if e.label_ in SPACY_LABELS}
    from claimgraph.extract.entities import extract_entities

    spans: Spans = set()
    for entity in extract_entities(doc, rules):
        label = TYPE_TO_LABEL.get(entity.type)
        if label is None:
            continue
        for mention in entity.mentions:
            chars = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if chars is not None:
                spans.add((chars.start, chars.end, label))
    return spans


def load_pipeline(mode: str):  # type: ignore[no-untyped-def]
    import spacy

    from claimgraph.lang import get_rules
    from claimgraph.nlp.components import add_components

    rules = get_rules("fr")
    nlp = spacy.load(rules.spec.spacy_package or "fr_core_news_md")
    if mode == "claimgraph":
        add_components(nlp, rules)
    return nlp, rules


def evaluate(sentences: list[Sentence], mode: str) -> dict[str, list[int]]:
    """tp/fp/fn per label (and "ALL") over `sentences`."""
    from spacy.tokens import Doc

    nlp, rules = load_pipeline(mode)
    counts: dict[str, list[int]] = {label: [0, 0, 0] for label in ("PER", "ORG", "LOC", "ALL")}
    docs = (Doc(nlp.vocab, words=words) for words, _ in sentences)
    for (_, tags), doc in zip(sentences, nlp.pipe(docs, batch_size=64)):
        gold = gold_spans(tags)
        ignored = {(s, e) for s, e, label in gold if label not in ("PER", "ORG", "LOC")}
        gold = {g for g in gold if g[2] in ("PER", "ORG", "LOC")}
        system = {s for s in system_spans(doc, mode, rules) if (s[0], s[1]) not in ignored}
        for label in ("PER", "ORG", "LOC"):
            g = {x for x in gold if x[2] == label}
            s = {x for x in system if x[2] == label}
            for key in (label, "ALL"):
                counts[key][0] += len(g & s)
                counts[key][1] += len(s - g)
                counts[key][2] += len(g - s)
    return counts


def report(name: str, mode: str, counts: dict[str, list[int]], seconds: float, n: int) -> None:
    print(f"\n{name} ({n} sentences, mode {mode}, {seconds:.0f} s)")
    print(f"{'type':6} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}")
    for label, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{label:6} {p:6.3f} {r:6.3f} {f:6.3f} {tp:6d} {fp:6d} {fn:6d}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", choices=("europeana", "wikineural", "both"), default="both")
    parser.add_argument("--mode", choices=("claimgraph", "no-ruler", "spacy", "all"), default="claimgraph")
    parser.add_argument("--limit", type=int, default=1000, help="sentences per corpus (0 = all)")
    args = parser.parse_args(argv)
    corpora = {"europeana": (EUROPEANA, EUROPEANA_LAYOUT), "wikineural": (WIKINEURAL, WIKINEURAL_LAYOUT)}
    names = list(corpora) if args.corpus == "both" else [args.corpus]
    modes = ["spacy", "no-ruler", "claimgraph"] if args.mode == "all" else [args.mode]
    for name in names:
        path, layout = corpora[name]
        if not path.exists():
            print(f"{name}: {path} not found, skipped", file=sys.stderr)
            continue
        sentences = []
        for sentence in read_iob(path, layout):
            sentences.append(sentence)
            if args.limit and len(sentences) >= args.limit:
                break
        for mode in modes:
            started = time.time()
            counts = evaluate(sentences, mode)
            report(name, mode, counts, time.time() - started, len(sentences))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
