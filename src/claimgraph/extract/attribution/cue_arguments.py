"""The grammar around a cue verb: passive or not, who speaks (agent, inverted or relative subject), what it reports.

These read the parse only; `cues.py` decides from them what the cue reports.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from claimgraph.extract.attribution.lexicon import CueEntry, Lexicon
from claimgraph.extract.attribution.spans import PASSIVE_MARK_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS
from claimgraph.extract.doc_text import children_of, labels_of, words_of

NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "X", "ADJ", "NUM"})


def is_passive(verb: Token) -> bool:
    """A passive subject with only a tense auxiliary is a misparse (« X avait pour sa part accusé Y »: the
    French passive takes « être » as a passive auxiliary)."""
    deps, children = labels_of(verb.doc)[2], children_of(verb.doc)[verb.i]  # the children's labels by index
    if any(deps[j] in PASSIVE_MARK_DEPS for j in children) or "Pass" in verb.morph.get("Voice"):
        return True
    return any(deps[j] in PASSIVE_SUBJECT_DEPS for j in children) and not any(deps[j] == "aux:tense" for j in children)


def agent_of(verb: Token, lexicon: Lexicon) -> Optional[Token]:
    """The agent of a passive cue: "confirmé par l'officiel", "confirmed by the official"."""
    for child in verb.children:
        if child.dep_ == "obl:agent":
            return child
        if child.dep_ == "agent" or (child.dep_ in ("prep", "obl") and child.lower_ in lexicon.agent_marks):
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
        if child.dep_.startswith("obl") and any(g.dep_ == "case" and g.lower_ in lexicon.agent_marks
                                                for g in child.children):
            return child
    return None


def inverted_subject(verb: Token) -> Optional[Token]:
    """The subject after a cue in an incise: "a ajouté l'officiel", "said the spokesman"."""
    for child in verb.children:
        if child.i > verb.i and child.pos_ in NOMINAL_POS and child.dep_ in (
                "nsubj", "obj", "dobj", "appos", "dep", "expl:subj", "nmod", "obl", "amod", "attr", "advcl", "npadvmod"):
            return child
    return None


def _foreign_mark(clause: Token, lexicon: Lexicon) -> bool:
    """A clause opened by "sans que", "pour que", "because": an adjunct, not a report."""
    deps, lowers = labels_of(clause.doc)[2], words_of(clause.doc)[1]
    return any(deps[j] == "mark" and lowers[j] not in lexicon.complementizers and lowers[j] not in lexicon.question_marks
               for j in children_of(clause.doc)[clause.i])


def _report_noun_between(verb: Token, clause: Token, lexicon: Lexicon) -> bool:
    """"Lin was responding to a Reuters report that X": the clause says what the report
    says, whatever the parser hung it on; the verb's own words are elsewhere."""
    for dependent in verb.children:
        if not verb.i < dependent.i < clause.i:
            continue
        nouns = [dependent] + [g for g in dependent.children if g.i < clause.i]
        if any(n.pos_ == "NOUN" and n.lemma_.lower() in lexicon.nouns for n in nouns):
            return True
    return False


def complement_of(verb: Token, entry: CueEntry, lexicon: Lexicon) -> Optional[Token]:
    """The head of the clause `verb` reports, if it has one."""
    doc = verb.doc
    pos, _, deps = labels_of(doc)
    lowers, children = words_of(doc)[1], children_of(doc)  # the labels read by index, Tokens made for a match
    for j in children[verb.i]:
        if (deps[j] in ("ccomp", "csubj") and j > verb.i or (deps[j] == "ccomp" and pos[j] in ("VERB", "AUX", "ADJ"))) \
                and not _foreign_mark(doc[j], lexicon):
            return None if _report_noun_between(verb, doc[j], lexicon) else doc[j]
    for j in children[verb.i]:  # "told reporters that ...": the clause may hang off the object
        # a relative clause has no complementiser: "relcl" with one is a misread "that"-clause
        if deps[j] in ("xcomp", "advcl", "obj", "dobj", "relcl", "acl:relcl") and j > verb.i and any(
                deps[g] == "mark" and lowers[g] in lexicon.complementizers for g in children[j]) \
                and not _foreign_mark(doc[j], lexicon):  # "sans que cela ait ...": an adjunct
            return doc[j]
    return None


def relative_antecedent(verb: Token) -> Token:
    """The noun a relative clause speaks for, checked by number agreement: in "les documents cités par
    l'agence Reuters, qui affirment", the clause often hangs on the nearest noun but "affirment" agrees
    with "documents"."""
    number = verb.morph.get("Number")
    if not number:
        aux = [c for c in verb.children if c.dep_.startswith("aux")]
        number = aux[0].morph.get("Number") if aux else []
    node = verb.head
    for _ in range(4):
        if not number or node.morph.get("Number") == number or node.pos_ not in ("NOUN", "PROPN"):
            break
        up = node.head
        if up.i == node.i or up.pos_ not in ("NOUN", "PROPN", "VERB"):
            break
        if up.pos_ == "VERB":  # "cités par l'agence": go through the participle to its noun
            if up.dep_ not in ("acl", "amod") or up.head.pos_ not in ("NOUN", "PROPN"):
                break
            up = up.head
        if up.morph.get("Number") == number:
            return up
        node = up
    return verb.head


def stranded_subject(verb: Token) -> Optional[Token]:
    """The subject of « X avait pour sa part accusé Y », « X a de son côté affirmé P »: the parser hangs the
    participle on the aside's noun and leaves the auxiliary as the root; the auxiliary's subject speaks."""
    if verb.dep_ not in ("acl", "acl:relcl", "nmod") or "Part" not in verb.morph.get("VerbForm") \
            or any(c.dep_.startswith("aux") for c in verb.children):
        return None
    aside = verb.head
    auxiliary = aside.head
    if not (aside.dep_.startswith("obl") or aside.dep_ in ("obj", "nmod")) or aside.i > verb.i \
            or not (auxiliary.pos_ == "AUX" or auxiliary.dep_.startswith("aux")) or auxiliary.i > aside.i:
        return None  # « a de son côté dénoncé »: the auxiliary may be read as a verb with the aside as object
    return next((c for c in aside.head.children if c.dep_ in SUBJECT_DEPS and c.i < aside.head.i), None)


def copular_subject(verb: Token) -> Optional[Token]:
    """The subject of "X is concerned that P", "X remains confident that P": the parser hangs it on the copula."""
    if verb.dep_ != "acomp" or verb.head.i == verb.i:
        return None
    return next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
