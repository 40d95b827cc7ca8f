"""Reported speech around a cue noun followed by a "that"-clause: "speculation that ...", "des spéculations ... que ..."."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Token

from claimgraph.extract.attribution.lexicon import Lexicon
from claimgraph.extract.attribution.objects import comma_clause
from claimgraph.extract.attribution.spans import (PASSIVE_SUBJECT_DEPS, Candidate, clause_tokens, content_span,
                                                  noun_phrase, tokens_span)


def noun_candidates(doc: Doc, lexicon: Lexicon) -> Iterator[Candidate]:
    """Candidates around cue nouns followed by a "that"-clause: "des spéculations ... que ..."."""
    for token in doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in lexicon.nouns:
            continue
        entry = lexicon.nouns[token.lemma_.lower()]
        sent_end = token.sent.end
        for nxt in doc[token.i + 1:min(token.i + 12, sent_end)]:
            if nxt.lower_ in lexicon.complementizers and (nxt.dep_ == "mark" or _misread_relative(nxt)) \
                    and nxt.head.i > token.i:
                clause_head = nxt.head
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


def _misread_relative(that: Token) -> bool:
    """"a recommendation that all salt be iodised" read as a relative clause: a "that" taken for the object of
    a clause with a passive subject or another object of its own is a complementiser, not a relative pronoun."""
    clause = that.head
    if that.dep_ not in ("dobj", "obj") or clause.dep_ not in ("acl", "relcl", "acl:relcl"):
        return False
    others = [c for c in clause.children if c.i != that.i]
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in others) or any(c.dep_ in ("dobj", "obj") for c in others)
