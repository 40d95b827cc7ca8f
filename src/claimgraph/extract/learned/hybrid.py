"""Rules plus the learned tagger: the tagger adds the attributions the rules missed.

CLAIMGRAPH_ATTRIBUTION_MODEL picks the extractor: `rules` (rules only), `hybrid` (the default:
rules, plus every learned candidate whose cue and content no rule candidate already reads, whose
cue holds a cue word of the lexicon and whose content is a clause) or `learned` (the tagger
alone, for measuring it). The rules keep the last word on what they found; the learned
candidates then go through the same source typing, chain linking and factuality as theirs. Only
English has weights (PolNeAR is English); other languages stay rules-only whatever the setting.
"""
from __future__ import annotations

import os
from typing import Any, Optional, Sequence

from spacy.tokens import Doc, Token

from claimgraph.errors import ConfigError
from claimgraph.extract.attribution.assemble import overlap
from claimgraph.extract.attribution.lexicon import CueEntry, Lexicon
from claimgraph.extract.attribution.spans import Candidate
from claimgraph.extract.doc_text import words_of
from claimgraph.extract.learned.decode import candidate_at, cue_probe, learned_candidates
from claimgraph.extract.learned.labels import CONTENT
from claimgraph.extract.learned.tagger import inside_layer, label_scores, load_tagger, predict_tags, receptive_reach
from claimgraph.extract.learned.windows import FullTags, TagWindows

MODES = ("rules", "hybrid", "learned")  # learned: the tagger's candidates alone, to measure it
DEFAULT_MODE = "hybrid"
SAME_CONTENT = 0.5  # Dice of word positions from which two contents are one (the scorer's match)
# How sure the tagger must be, on average over its words, that a hybrid addition's content is one. Chosen
# on PolNeAR dev: the additions above it are as precise as the rules (0.73 against 0.71; all of them 0.63),
# at an unchanged F1 there (0.635 -> 0.634).
MIN_CONTENT_CONFIDENCE = 0.6


def known_cue(cand: Candidate, lexicon: Lexicon) -> Optional[tuple[Token, CueEntry]]:
    """The word of the candidate's cue that the language's lexicon knows (a verb, a noun, the head of
    "according to") and what the lexicon says of it, or None."""
    if cand.cue is None or cand.cue_token is None:
        return None
    span = cand.cue_token.doc.char_span(cand.cue.start, cand.cue.end, alignment_mode="expand")
    for token in span or []:
        for key in (token.lemma_.lower(), token.lower_):
            entries = [e for e in lexicon.verbs.get(key, []) if not e.rest]
            if entries:
                return token, entries[0]
            if key in lexicon.nouns:
                return token, lexicon.nouns[key]
    words = [t.lower_ for t in span or []]
    for phrase in lexicon.according_to:
        for i in range(len(words) - len(phrase) + 1):
            if tuple(words[i:i + len(phrase)]) == phrase and span is not None:
                return span[i], CueEntry(kind="according_to")
    return None


def attribution_mode() -> str:
    """The extractor chosen by CLAIMGRAPH_ATTRIBUTION_MODEL (read on each call, so tests can switch)."""
    mode = os.environ.get("CLAIMGRAPH_ATTRIBUTION_MODEL", DEFAULT_MODE).strip().lower() or DEFAULT_MODE
    if mode not in MODES:
        raise ConfigError(f"CLAIMGRAPH_ATTRIBUTION_MODEL: unknown value {mode!r}; choose one of {', '.join(MODES)}")
    return mode


def _claim_clause(doc: Doc, cand: Candidate, lexicon: Lexicon) -> bool:
    """The content is a clause, not a noun phrase ("did not respond to [requests for comment]"),
    nor an indirect question ("did not say [why ...]", "[whether ...]": nothing is claimed)."""
    span = doc.char_span(cand.content.start, cand.content.end, alignment_mode="expand")
    if span is None or not any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    first = span[0]
    question = first.tag_.startswith("W") or (first.dep_ == "mark" and first.lower_ not in lexicon.complementizers)
    return not question


def tagged(tagger: Any, doc: Doc) -> tuple[list[str], Sequence[float]]:
    """The tagger's compound tags of `doc` and, per token, its probability of being inside a content."""
    if len(doc) == 0:
        return [], []
    scores = label_scores(tagger, doc)
    return predict_tags(tagger, doc, scores=scores), list(inside_layer(tagger, scores, CONTENT))


def _confidence(doc: Doc, cand: Candidate, reader: Any) -> float:
    """The mean probability, over the candidate's content words, that they are content."""
    span = doc.char_span(cand.content.start, cand.content.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0.0
    reader.need([(span.start, span.end)])
    return sum(reader.inside(i) for i in range(span.start, span.end)) / len(span)


def _already_read(doc: Doc, cand: Candidate, found: list[Candidate]) -> bool:
    for rule in found:
        if cand.cue_token is not None and rule.cue_token is not None and rule.cue_token.i == cand.cue_token.i:
            return True
        if overlap(doc, rule.content, cand.content) >= SAME_CONTENT:
            return True
    return False


def cue_words(doc: Doc, lexicon: Lexicon) -> list[int]:
    """The tokens `known_cue` can find in a cue: a cue verb or noun of the lexicon (by lemma or form) or the
    first word of an according-to phrase written out in full from it. A learned cue without one is never
    kept, so only the runs through these words need the tagger."""
    found = []
    keys = _cue_keys(lexicon)
    lemmas, lowers = words_of(doc)
    for i, (lemma, lower) in enumerate(zip(lemmas, lowers)):
        if lemma in keys or lower in keys \
                or any(lowers[i:i + len(phrase)] == list(phrase) for phrase in lexicon.according_to_by_first.get(lower, ())):
            found.append(i)
    return found


_KEYS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _cue_keys(lexicon: Lexicon) -> frozenset[str]:
    """The words `known_cue` knows as a cue by themselves: the cue nouns and the verbs with a one-word entry
    (built once per lexicon)."""
    cached = _KEYS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        keys = frozenset(lexicon.nouns) | {key for key, entries in lexicon.verbs.items() if any(not e.rest for e in entries)}
        cached = _KEYS[id(lexicon)] = (lexicon, keys)
    return cached[1]


def tag_reader(tagger: Any, doc: Doc) -> Any:
    """The tagger's tags of `doc`, computed where they are read (windows.py), or all at once when the
    network also reads the parser's vectors."""
    reach = receptive_reach(doc.lang_)
    if reach is None:
        tags, content_inside = tagged(tagger, doc)
        return FullTags(tags, content_inside)
    return TagWindows(tagger, doc, reach)


def with_learned(doc: Doc, found: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """`found` plus the learned candidates the rules did not read (unchanged in `rules` mode)."""
    mode = attribution_mode()
    if mode == "rules":
        return found
    tagger = load_tagger(doc.lang_)
    if tagger is None:
        return found
    if mode == "learned":
        kept: list[Candidate] = []
        for cand in learned_candidates(doc, tagged(tagger, doc)[0]):
            if not _already_read(doc, cand, kept):
                kept.append(cand)
        return kept
    # PolNeAR reads more as attribution than our conventions do ("mocked X", "did not respond to
    # requests for comment", "did not say why"): the hybrid keeps only clauses under the lexicon's
    # cue words, and a cue word a rule read already adds nothing (_already_read), so neither is decoded
    kept = list(found)
    ruled = {c.cue_token.i for c in found if c.cue_token is not None}
    reader = tag_reader(tagger, doc)
    # a run whose cue words a rule read already is dropped whichever of them `known_cue` picks
    for run in reader.cue_runs([i for i in cue_words(doc, lexicon) if i not in ruled]):
        probe = known_cue(cue_probe(doc, run), lexicon)
        if probe is None or probe[0].i in ruled:
            continue
        cand = candidate_at(doc, reader, run)
        if cand is None:
            continue
        known = known_cue(cand, lexicon)
        if known is None or not _claim_clause(doc, cand, lexicon) or _confidence(doc, cand, reader) < MIN_CONTENT_CONFIDENCE:
            continue
        # the lexicon's word is the cue, with what it says of its content ("suggested": probable)
        cand.cue_token, entry = known
        cand.cue_certainty, cand.cue_polarity = entry.certainty, entry.polarity
        cand.kind = entry.kind or "indirect"
        if not _already_read(doc, cand, kept):
            kept.append(cand)
    return kept
