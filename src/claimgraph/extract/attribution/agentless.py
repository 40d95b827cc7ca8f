"""Agentless reports (ANNOTATION 1.3): "X is said to ...", "reportedly", "firms accused of ...", "an estimated N".

Nobody is named as the speaker, yet the text reports a claim: the source and
the cue are the agentless form itself (the passive verb group or the adverb),
typed `unspecified`. Hearsay passives over an infinitive and the adverb take
the whole clause as content (the cue sits inside it); a passive accusation
without agent takes what it accuses of. A named source reporting the same
clause wins when duplicates are merged, since these candidates have no head word.
"""
from __future__ import annotations

from typing import Iterator, Optional

from spacy.tokens import Doc, Token

from claimgraph.extract.doc_text import words_of
from claimgraph.extract.attribution.cue_arguments import agent_of, is_passive
from claimgraph.extract.attribution.lexicon import Lexicon
from claimgraph.extract.attribution.spans import (PASSIVE_SUBJECT_DEPS, Candidate, clause_tokens, content_span,
                                                  tokens_span)

UNSPECIFIED = "unspecified"


def agentless_candidates(doc: Doc, lexicon: Lexicon) -> Iterator[Candidate]:
    """A candidate for each agentless report of `doc`."""
    lemmas, lowers = words_of(doc)
    for i in range(len(doc)):
        if lowers[i] not in lexicon.agentless_adverbs and lemmas[i] not in lexicon.hearsay_passives \
                and lemmas[i] not in lexicon.passive_accusations and lowers[i] not in lexicon.agentless_estimates:
            continue  # the cheap test first: each branch below needs one of these words
        token, lemma = doc[i], lemmas[i]
        if token.pos_ == "ADV" and token.lower_ in lexicon.agentless_adverbs:
            found = _adverb(doc, token, lexicon)
        elif token.lower_ in lexicon.agentless_estimates:
            found = _estimate(doc, token, lexicon)
        elif token.pos_ in ("VERB", "AUX") and lemma in lexicon.hearsay_passives:
            found = _hearsay(doc, token, lexicon)
        elif token.pos_ in ("VERB", "ADJ") and lemma in lexicon.passive_accusations:
            found = _accusation(doc, token, lexicon)
        else:
            continue
        if found is not None:
            yield found


def _record(doc: Doc, cue_tokens: list[Token], content_tokens: list[Token], kind: str,
            certainty: Optional[str], lexicon: Lexicon, cue_token: Token) -> Optional[Candidate]:
    content = content_span(doc, content_tokens, lexicon.complementizers)
    cue = tokens_span(doc, cue_tokens)
    if content is None or cue is None:
        return None
    return Candidate(content=content, source_span=cue, source_type=UNSPECIFIED, cue=cue, kind=kind,
                     cue_certainty=certainty, cue_token=cue_token)


def _adverb(doc: Doc, adverb: Token, lexicon: Lexicon) -> Optional[Candidate]:
    """"The navy reportedly saved 200 more": the clause of the verb the adverb modifies."""
    verb = adverb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    tokens = clause_tokens(verb, exclude=[c for c in verb.children if c.dep_ == "conj" and c.i > adverb.i
                                          and any(s.dep_.startswith("nsubj") for s in c.children)])
    return _record(doc, [adverb], tokens, "according_to", lexicon.agentless_adverbs[adverb.lower_], lexicon, adverb)


def _estimate(doc: Doc, word: Token, lexicon: Lexicon) -> Optional[Candidate]:
    """"An estimated 40,000 fans filled the square": a figure given as someone's estimate, before the number
    of the noun that is its verb's subject; the verb's clause is the content, the determiner and word its cue. A
    figure the verb governs otherwise ("spent an estimated 2 million euros") is the subject's own account."""
    noun = word.head
    if word.dep_ != "amod" or word.i + 1 >= len(doc) or not doc[word.i + 1].like_num or noun.i <= word.i \
            or noun.dep_ not in PASSIVE_SUBJECT_DEPS | {"nsubj"} \
            or noun.head.pos_ not in ("VERB", "AUX") or noun.head.i == noun.i:
        return None
    verb = noun.head
    cue = [t for t in noun.children if t.dep_ == "det" and t.i == word.i - 1] + [word]
    tokens = clause_tokens(verb, exclude=[c for c in verb.children if c.dep_ in ("conj", "cc") and c.i > verb.i])
    return _record(doc, cue, tokens, "indirect", lexicon.agentless_estimates[word.lower_], lexicon, word)


def _hearsay(doc: Doc, verb: Token, lexicon: Lexicon) -> Optional[Candidate]:
    """"Two passengers are said to be stable": a passive over an infinitive, without agent."""
    if not is_passive(verb) or agent_of(verb, lexicon) is not None:
        return None
    if not any(c.dep_ in ("xcomp", "oprd") and c.i > verb.i for c in verb.children):  # "said to", "reported injured"
        return None
    if not any(c.dep_ in ("nsubjpass", "nsubj:pass") for c in verb.children):
        return None
    tokens = clause_tokens(verb, exclude=[c for c in verb.children if c.dep_ in ("conj", "cc") and c.i > verb.i])
    return _record(doc, _verb_group(verb), tokens, "indirect",
                   lexicon.hearsay_passives[verb.lemma_.lower()], lexicon, verb)


def _accusation(doc: Doc, verb: Token, lexicon: Lexicon) -> Optional[Candidate]:
    """"Firms accused of helping Moscow", "he was charged with theft": what the unnamed accuser alleges."""
    prep_word, certainty = lexicon.passive_accusations[verb.lemma_.lower()]
    passive = is_passive(verb) or verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN"
    if not passive or agent_of(verb, lexicon) is not None:
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == prep_word and c.i > verb.i), None)
    if prep is None:
        return None
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if not objects:
        return None
    tokens = sorted({t for o in objects for t in o.subtree}, key=lambda t: t.i)
    return _record(doc, _verb_group(verb), tokens, "indirect", certainty, lexicon, verb)


def _verb_group(verb: Token) -> list[Token]:
    """The passive verb group: "are said", "is also expected", "were accused"."""
    return sorted([c for c in verb.children if c.i < verb.i and c.dep_ in ("aux", "auxpass", "aux:pass", "aux:tense")]
                  + [verb], key=lambda t: t.i)


__all__ = ["agentless_candidates"]
