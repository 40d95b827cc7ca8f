"""Reported speech around a cue noun followed by a "that"-clause: "speculation that ...", "des spéculations ... que ..."."""
from __future__ import annotations

from typing import Iterator, Optional

from spacy.tokens import Doc, Token

from claimgraph.extract.doc_text import sentence_of, words_of
from claimgraph.extract.attribution.lexicon import Lexicon
from claimgraph.extract.attribution.objects import comma_clause
from claimgraph.extract.attribution.spans import (PASSIVE_SUBJECT_DEPS, Candidate, clause_tokens, content_span,
                                                  noun_phrase, tokens_span)
from claimgraph.model import Span


def noun_candidates(doc: Doc, lexicon: Lexicon) -> Iterator[Candidate]:
    """Candidates around cue nouns followed by a "that"-clause: "des spéculations ... que ..."."""
    lemmas = words_of(doc)[0]
    for i in [i for i, lemma in enumerate(lemmas) if lemma in lexicon.nouns]:  # the cheap test first, by index
        token = doc[i]
        if token.pos_ != "NOUN":
            continue
        entry = lexicon.nouns[token.lemma_.lower()]
        sent_end = sentence_of(token).end
        complementized = False
        for nxt in doc[token.i + 1:min(token.i + 12, sent_end)]:
            if nxt.lower_ in lexicon.complementizers and (nxt.dep_ == "mark" or _misread_relative(nxt)) \
                    and nxt.head.i > token.i:
                clause_head = nxt.head
                complementized = True
                # "reports that X had supplied engines, calling them groundless": the participle is the reporter's
                trailing = [c for c in clause_head.children if comma_clause(c, any_dep=True)]
                content = content_span(doc, clause_tokens(clause_head, exclude=trailing), lexicon.complementizers)
                if content is not None:
                    # "an earlier Reuters report that X": the source phrase ends where its content starts
                    source_span = tokens_span(doc, [t for t in noun_phrase(token) if t.i < nxt.i and t.i not in
                                                    {c.i for c in clause_head.subtree}])
                    yield Candidate(content=content, source_head=token, cue=tokens_span(doc, [token]),
                                    kind=entry.kind or "indirect", cue_certainty=entry.certainty,
                                    cue_polarity=entry.polarity, cue_token=token, source_span=source_span)
                break
            if nxt.pos_ in ("VERB", "AUX") and "Fin" in nxt.morph.get("VerbForm"):
                break
        found = _bare_clause(doc, token, lexicon) if not complementized and lexicon.zero_complementizer else None
        if found is not None:
            yield Candidate(content=found, source_head=token, cue=tokens_span(doc, [token]),
                            kind=entry.kind or "indirect", cue_certainty=entry.certainty,
                            cue_polarity=entry.polarity, cue_token=token,
                            source_span=tokens_span(doc, [t for t in noun_phrase(token) if t.i <= token.i]))


# What makes a clause complete: an object, a complement or a predicate of its own.
COMPLETE_DEPS = frozenset({"dobj", "obj", "ccomp", "xcomp", "attr", "acomp", "dative", "oprd"})


def _bare_clause(doc: Doc, noun: Token, lexicon: Lexicon) -> Optional[Span]:
    """The content of "rejected claims it leaked data" (a report noun a denial bears on, and a complete clause
    without "that", its subject right after the noun); not the relative clause of "the claims he made". Other
    nouns are left alone: "the hope their children can ..." and "the speculation Mr. X has generated" read alike."""
    if noun.dep_ not in ("dobj", "obj") or not any(e.polarity == "negative"
                                                  for e in lexicon.verbs.get(noun.head.lemma_.lower(), [])):
        return None
    for clause in noun.children:
        if clause.dep_ not in ("acl", "relcl") or clause.i < noun.i or "Fin" not in clause.morph.get("VerbForm"):
            continue
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.left_edge.i != noun.i + 1 or subject.tag_ in ("WP", "WDT"):
            continue
        if not any(c.dep_ in COMPLETE_DEPS for c in clause.children):
            continue
        return content_span(doc, clause_tokens(clause), lexicon.complementizers)
    return None


def _misread_relative(that: Token) -> bool:
    """"a recommendation that all wells be tested" read as a relative clause: a "that" taken for the object of
    a clause with a passive subject or another object of its own is a complementiser, not a relative pronoun."""
    clause = that.head
    if that.dep_ not in ("dobj", "obj") or clause.dep_ not in ("acl", "relcl", "acl:relcl"):
        return False
    others = [c for c in clause.children if c.i != that.i]
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in others) or any(c.dep_ in ("dobj", "obj") for c in others)
