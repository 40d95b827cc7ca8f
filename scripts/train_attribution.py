#!/usr/bin/env python3
"""Train the learned attribution tagger (English) on PolNeAR train, for the hybrid extractor.

    python scripts/train_attribution.py [--corpus DIR] [--out DIR] [--minutes N] [--epochs N] [--seed N]
                                        [--batch N] [--width N] [--depth N] [--parser-vectors N]

Reads ../shared/corpora/polnear/data/train (brat standoff, research use only: nothing of it is
committed, only the weights), parses each article with the engine's English spaCy model (the
tagger reads its part-of-speech and dependency labels and, with --parser-vectors, the parser's
own token vectors `doc.tensor` as features), labels every token with the compound cue/source/content tag of
claimgraph.extract.learned.labels and trains a small CNN tagger (no static vectors) with a fixed
seed, --batch articles per update. Training stops after --epochs or --minutes, whichever comes
first (on a loaded machine fewer epochs fit: weights.txt records the epoch kept and how many
ran, so `--epochs N --minutes 999` repeats a run); the weights of the epoch that scores best on
the held-out articles are written to OUT (default src/claimgraph/extract/learned/en) with
architecture.json, the network's shape. The parses and their tensors are cached in build/learned.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

import numpy
import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))
from polnear_to_v1 import pick_annotations, read_ann  # noqa: E402

from claimgraph.extract.learned.labels import CONTENT, CUE, SOURCE, token_tags  # noqa: E402
from claimgraph.extract.learned.tagger import SPACY_PACKAGE, model_config  # noqa: E402

LAYERS = {"Cue": CUE, "Source": SOURCE, "Content": CONTENT}
HELD_OUT = 40  # articles kept aside to pick the best epoch


def parsed_articles(corpus: Path, cache: Path) -> tuple[list[Doc], list[list[tuple[int, int, int]]]]:
    """The parsed train articles and, per article, its (layer, start char, end char) spans."""
    picked = pick_annotations(corpus / "train" / "attributions")
    names = sorted(n for n in picked if (corpus / "train" / "text" / f"{n}.txt").exists())
    nlp = spacy.load(SPACY_PACKAGE, exclude=["ner", "lemmatizer"])
    tensors = cache.with_suffix(".tensors.npz")  # the parser's own token vectors (doc.tensor)
    if cache.exists() and tensors.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        with numpy.load(tensors) as saved:
            for i, doc in enumerate(docs):
                doc.tensor = saved[f"d{i}"]
    else:
        texts = [(corpus / "train" / "text" / f"{n}.txt").read_bytes().decode("utf-8") for n in names]
        docs = list(nlp.pipe(texts, batch_size=16))
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(attrs=["ORTH", "TAG", "DEP", "HEAD", "SENT_START", "POS"], docs=docs).to_disk(cache)
        numpy.savez(tensors, **{f"d{i}": doc.tensor.astype("float32") for i, doc in enumerate(docs)})
    char_spans = []
    for name in names:
        spans, relations = read_ann(picked[name])
        found = []
        for relation in relations:
            for role, layer in LAYERS.items():
                ref = spans.get(relation.get(role, ""))
                if ref is not None:
                    found.append((layer, ref[1], ref[2]))
        char_spans.append(found)
    return docs, char_spans


def example(doc: Doc, spans: list[tuple[int, int, int]]) -> Example:
    """The training example of one parsed article: its parse in, compound tags as gold."""
    token_spans = []
    for layer, start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            token_spans.append((layer, span.start, span.end))
    tags = token_tags(len(doc), token_spans)
    tags = [tag if not token.is_space else "OOO" for tag, token in zip(tags, doc)]
    gold = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc], tags=tags)
    return Example(doc, gold)


def layer_f1(nlp: spacy.Language, examples: list[Example]) -> float:
    """Mean token F1 of the cue and content layers (B and I alike) on held-out examples."""
    tagger = nlp.get_pipe("tagger")
    scores = []
    for which in (CUE, CONTENT):
        tp = fp = fn = 0
        for eg in examples:
            guess = tagger.predict([eg.predicted])[0]
            labels = tagger.labels
            for token, g in zip(eg.reference, guess):
                p = labels[int(g)][which] != "O"
                r = token.tag_[which] != "O"
                tp += p and r
                fp += p and not r
                fn += r and not p
        scores.append(2 * tp / max(1, 2 * tp + fp + fn))
    return sum(scores) / len(scores)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "polnear" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "claimgraph" / "extract" / "learned" / "en")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "learned" / "polnear-train.spacy")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--minutes", type=float, default=25.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", type=int, default=8, help="articles per update")
    parser.add_argument("--width", type=int, default=64)
    parser.add_argument("--depth", type=int, default=6)
    parser.add_argument("--parser-vectors", type=int, default=0, help="width of the parser's doc.tensor to read (0: none)")
    args = parser.parse_args()
    started = time.perf_counter()
    fix_random_seed(args.seed)
    docs, char_spans = parsed_articles(args.corpus, args.cache)
    print(f"parsed {len(docs)} articles in {time.perf_counter() - started:.0f}s", flush=True)
    examples = [example(doc, spans) for doc, spans in zip(docs, char_spans)]
    train, held_out = examples[:-HELD_OUT], examples[-HELD_OUT:]
    random.Random(args.seed).shuffle(train)
    nlp = spacy.blank("en")
    shape = {"width": args.width, "depth": args.depth, "parser_vectors": args.parser_vectors}
    nlp.add_pipe("tagger", config={"model": model_config(**shape)})
    optimizer = nlp.initialize(lambda: train)
    best, best_epoch = -1.0, -1
    deadline = started + args.minutes * 60
    for epoch in range(args.epochs):
        random.Random(args.seed + epoch).shuffle(train)
        losses: dict[str, float] = {}
        for batch in minibatch(train, size=args.batch):
            nlp.update(batch, sgd=optimizer, drop=0.1, losses=losses)
            if time.perf_counter() > deadline:
                break
        score = layer_f1(nlp, held_out)
        if score > best:
            best, best_epoch = score, epoch
            args.out.mkdir(parents=True, exist_ok=True)
            nlp.get_pipe("tagger").to_disk(args.out, exclude=["vocab"])
            (args.out / "architecture.json").write_text(json.dumps(shape) + "\n")
        print(f"epoch {epoch}: loss {losses.get('tagger', 0):.0f}, held-out cue/content token F1 {score:.3f}"
              f" (best {best:.3f}), {time.perf_counter() - started:.0f}s", flush=True)
        if time.perf_counter() > deadline:
            break
    # the analysis version hashes .txt files, not the binary weights: this line makes new weights a new version
    digest = hashlib.sha256((args.out / "model").read_bytes()).hexdigest()
    (args.out / "weights.txt").write_text(f"sha256 {digest}\nseed {args.seed}\nheld-out token F1 {best:.3f}\n"
                                          f"epoch {best_epoch} (of {epoch + 1} run), batch {args.batch}, {json.dumps(shape)}\n")
    print(f"saved {args.out} (held-out F1 {best:.3f}) in {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
