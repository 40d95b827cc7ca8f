"""The speaker's own hedge over a content: "I think P", "we believe that P", "it's our understanding that
P", "in my view, P" (ANNOTATION 1.7, 1.11). Split from factuality.py, which reads it first."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from claimgraph.extract.attribution.lexicon import Lexicon
from claimgraph.extract.doc_text import words_of
from claimgraph.extract.parse_table import morph_values


def _first_person(pred: Token) -> bool:
    subject = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    return subject is not None and subject.pos_ == "PRON" and "1" in morph_values(subject, "Person")


def speaker_hedge(main: Token, lexicon: Lexicon) -> Optional[tuple[str, Token]]:
    """(level, claim) when the content's main clause is the speaker's own hedge: "I think P", "we
    believe that P", "I'm certain P", "it's our understanding that P", "in my view, P" (ANNOTATION 1.7, 1.11)."""
    lemmas = words_of(main.doc)[0]
    beliefs = lexicon.belief_levels
    # the subtree lies between its edges: without a belief word there, none of it is one (the cheap test)
    believing = any(lemmas[i] in beliefs for i in range(main.left_edge.i, main.right_edge.i + 1))
    for token in main.subtree if believing else ():  # a main clause of the content: reached from `main` through clauses only
        level = beliefs.get(lemmas[token.i])
        pred = token.head if level and token.dep_ == "acomp" else token  # "I'm certain (that) P": the copula's subject
        if level and _first_person(pred) and _main_clause_of(pred, main):
            return level, next((c for c in [*token.children, *pred.children] if c.dep_ == "ccomp"), main)
    for pred in [main] + [c for c in main.children if c.dep_ == "conj" and c.i > main.i]:
        if pred.lemma_.lower() == "be":  # "It's our understanding (that) P"
            attr = next((c for c in pred.children if c.dep_ == "attr" and c.lemma_.lower() in lexicon.opinion_nouns), None)
            if attr is not None and _own(attr):
                claim = next((c for c in [*attr.children, *pred.children] if c.dep_ in ("ccomp", "acl", "relcl")
                              and c.pos_ in ("VERB", "AUX")), None)
                if claim is not None:
                    return "probable", claim
    for child in main.children:
        # a parenthetical before the claim, hung under it: "It's our belief that there were ...", "P, I think, ..."
        if child.dep_ in ("ccomp", "parataxis") and child.i < main.i or child.dep_ == "parataxis":
            if child.lemma_.lower() == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in lexicon.opinion_nouns
                                                    and _own(c) for c in child.children):
                return "probable", main
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in lexicon.opinion_nouns and _own(g)
                                        for g in child.children):
            return "probable", main
    return None


def _main_clause_of(token: Token, main: Token) -> bool:
    """`token` heads `main` or a clause coordinated with, or set beside, it: "I think P", "A, but I suspect P",
    "I suspect P, so we asked", "P, I think, ..." (not a relative or adverbial clause)."""
    node = token
    for _ in range(4):
        if node.i == main.i:
            return True
        if node.dep_ not in ("ccomp", "conj", "parataxis") or node.head.i == node.i:
            return False
        if node.dep_ == "ccomp" and node.head.i != main.i and node.i > node.head.i:
            return False  # a complement of some other verb: "they said I think ..."
        node = node.head
    return node.i == main.i


def _own(noun: Token) -> bool:
    return any(c.dep_ == "poss" and "1" in morph_values(c, "Person") for c in noun.children)
