"""What a denial, accusation, directive or description bears on when it has no clause: its object.

"denied arming Russia", "accuse Pékin de fournir ...", "urged the miner to suspend sales",
"called China a 'decisive enabler'": the content is the object phrase after the verb, cut at a
set-off participle, at the occasion of the statement and at circumstances ("in a briefing").
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from claimgraph.extract.attribution.lexicon import CueEntry, Lexicon
from claimgraph.extract.attribution.spans import before_gloss, before_occasion


OBJECT_DEPS = ("obj", "dobj", "obl", "obl:arg", "prep", "xcomp", "iobj", "oprd", "obl:mod", "advcl", "acomp")


def object_tokens(verb: Token, entry: CueEntry, words: list[Token], lexicon: Lexicon) -> list[Token]:
    """What a denial, accusation or description bears on, after the verb: "denied arming Russia",
    "accuse Pékin de fournir ...", "called China a 'decisive enabler'"."""
    own = {w.i for w in words}
    parts = [c for c in verb.children if c.i > verb.i and c.i not in own and c.dep_ in OBJECT_DEPS
             and not comma_clause(c)]
    # "expressed interest in X", "railed against X": the object hangs on the cue's last words
    governed = [c for w in words[1:] if w.i != verb.i for c in w.children if c.i > w.i and c.i not in own
                and c.dep_ in OBJECT_DEPS + ("pobj", "acl") and not comma_clause(c)]  # "readiness to sign X"
    parts = sorted(parts + governed, key=lambda t: t.i)
    if entry.clause_only:
        return []
    if not entry.takes_object:
        # « a affirmé avoir visé un dépôt », « disent vouloir coopérer »: the infinitive is what is said
        infinitives = [c for c in parts if lexicon.infinitive_content and c.dep_ == "xcomp" and _infinitive(c)]
        # « a assuré pour sa part avoir frappé »: the parser hung the infinitive on the adverbial before it
        infinitives += [g for c in parts if lexicon.infinitive_content and c.dep_ in ("obl:mod", "obl", "obl:arg") for g in c.children
                        if g.dep_ in ("acl", "xcomp") and g.i > c.i and _infinitive(g) and not comma_clause(g, any_dep=True)]
        parts = sorted(infinitives, key=lambda t: t.i)[:1]
        if not parts:
            return []
    if len(parts) > 1 or parts and _bare_adjunct(parts[0]):
        # « a annoncé mercredi la découverte »: a bare adjunct right after the verb is its day (the parser
        # may hang the object on it: only the adjunct word goes)
        first = parts[0]
        if first.i < max(p.i for p in parts) or any(g.i > first.i for g in first.children):
            if temporal(first) or _bare_adjunct(first):
                own |= {first.i}
        elif len(parts) == 1:
            return []  # "a annoncé lundi": no object
    if entry.predicative and all(c.dep_ in ("obj", "dobj") or temporal(c) for c in parts):
        return []  # "Reuters called the company on Tuesday": a phone call, not a description
    has_object = any(c.dep_ in ("obj", "dobj") for c in parts)  # "accuser Pékin de fournir": both are the charge
    if lexicon.object_preps:  # "announced the loans at a press event": the briefing is where, not what
        parts = [c for c in parts if c.dep_ != "prep" or c.lower_ in lexicon.object_preps or c in governed
                 or has_object and c.lower_ in lexicon.after_object_preps]  # "the attachment of a panel to the dish"
    clauses = [c for c in parts if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")] if not has_object else []
    if entry.nominal and (clauses or not has_object or any(c.dep_ == "xcomp" or c.left_edge.pos_ == "ADP" and c.dep_
                                                          in ("obj", "dobj") for c in parts)):
        return []  # « souhaite faire un rappel », « refuse de Révéler X » (a verb read as a noun): an intention
    if clauses:  # "a démenti jeudi avoir livré ...": what is denied is the infinitive clause, not the day
        # « accusé Amnesty International de « créer ... » »: a name the parser made a clause too is the accused
        name = next((c for c in parts if c.dep_ == "xcomp" and c.pos_ == "PROPN" and c.i < clauses[0].i), None)
        parts = [c for c in parts if name is not None and name.i <= c.i < clauses[0].i] + clauses[:1]
    tokens = sorted((t for part in parts for t in part.subtree if t.i not in own), key=lambda t: t.i)
    stop = next((t.i for t in tokens if t.dep_ in ("acl", "advcl") and comma_clause(t, any_dep=True)), None)
    if stop is not None:  # "rejected reports that X, calling them groundless": the object ends at the comma
        tokens = [t for t in tokens if t.i < stop]
    tokens = before_gloss(before_occasion(tokens, lexicon.occasion_preps, lexicon.occasion_nouns))
    adjunct = next((t.i for t in tokens if t.dep_ == "advcl" and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text
                    == "," and any(c.dep_ == "mark" and c.lower_ not in lexicon.complementizers for c in t.children)),
                   None)
    if adjunct is not None:  # "accused X of Y, after the NGO had said Z": a set-off adverbial clause is not the charge
        tokens = [t for t in tokens if t.i < tokens[0].doc[adjunct].left_edge.i]
    days = {t.i for p in parts if _bare_adjunct(p) for t in _bare_chain(p)}
    while tokens and (tokens[0].ent_type_ in ("DATE", "TIME") or _day_word(tokens[0], days) or tokens[0].pos_ == "DET"
                      and tokens[0].i + 1 < len(verb.doc) and _day_word(verb.doc[tokens[0].i + 1], days)):
        tokens = tokens[1:]  # « a accusé lundi matin 9 mars X de ... », « ont accusé ce mardi X »: the day
    if clauses:  # "avoir livré des armes, au lendemain d'informations ...": a set-off adjunct is the article's
        comma = next((t.i for t in tokens if t.text == "," and t.head.i == clauses[0].i), None)
        if comma is not None:
            tokens = [t for t in tokens if t.i < comma]
    run: list[Token] = []
    for tok in tokens:  # contiguous from the first object on
        if run and tok.i != run[-1].i + 1 and not all(verb.doc[j].is_punct or verb.doc[j].is_space
                                                       for j in range(run[-1].i + 1, tok.i)):
            if not _name_rest(verb, run[-1], tok):
                break
            run.extend(verb.doc[run[-1].i + 1:tok.i])
        run.append(tok)
    return run


def _bare_chain(head: Token) -> list[Token]:
    """A bare adjunct with the bare words hung on it (« jeudi soir 4 »), not a noun phrase the parser hung
    there (« jeudi [la découverte] »)."""
    out, stack = [], [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.pos_ in ("NOUN", "NUM") and c.i > tok.i
                     and not any(g.dep_ in ("det", "case") for g in c.children))
    return out


def _day_word(token: Token, days: set[int]) -> bool:
    return token.i in days and (token.is_lower or token.is_digit) and token.pos_ in ("NOUN", "NUM")


def _name_rest(verb: Token, last: Token, nxt: Token) -> bool:
    """The rest of a name the parser hung on the verb between two parts of its object: « accuse Amnesty
    International de ... » (International read as an adverb of « accuse »)."""
    gap = verb.doc[last.i + 1:nxt.i]
    return last.pos_ == "PROPN" and len(gap) <= 2 and all(
        t.text[:1].isupper() and t.head.i in (verb.i, last.i) and t.pos_ in ("PROPN", "ADJ", "NOUN") for t in gap)


def stance_complement(verb: Token, lexicon: Lexicon) -> Optional[tuple[Token, Token, list[Token]]]:
    """(adjective, reflexive pronoun, content tokens) of « X se dit préoccupé par Y », « s'est dit déterminé
    à agir », « se montre convaincu que P »: the stance is the adjective, its complement the content."""
    if verb.lemma_.lower() not in lexicon.stance_verbs:
        return None
    reflexive = next((c for c in verb.children if c.i < verb.i and c.lemma_.lower() in lexicon.reflexive_pronouns), None)
    adjective = next((c for c in verb.children if c.i > verb.i and c.pos_ in ("ADJ", "VERB")
                      and c.dep_ in ("xcomp", "acomp", "obj", "amod", "advcl")), None)
    if reflexive is None or adjective is None:
        return None
    # « s'était dit « indigné » par X »: the parser may hang the adjective's complement on the verb
    heads = [c for c in adjective.children if c.i > adjective.i and c.dep_ != "punct"] + [
        c for c in verb.children if c.i > adjective.i and c.dep_ in ("obl", "obl:arg", "obl:mod", "ccomp", "advcl")
        and any(g.dep_ in ("case", "mark") and g.i < c.i for g in c.children)]
    tokens = sorted((t for c in heads for t in c.subtree), key=lambda t: t.i)
    while tokens and tokens[0].dep_ in ("case", "mark") and tokens[0].lower_ not in lexicon.complementizers:
        tokens = tokens[1:]  # « préoccupé par la revente »: the preposition is the adjective's
    return (adjective, reflexive, tokens) if tokens else None


def _bare_adjunct(part: Token) -> bool:
    """A noun adjunct without a preposition ("mercredi", "lundi soir"): a time, not an object."""
    return part.dep_ in ("obl:mod", "obl", "advmod", "nmod", "npadvmod") and part.pos_ in ("NOUN", "PROPN", "ADV") \
        and not any(c.dep_ in ("case", "prep", "mark") for c in part.children)


def _infinitive(verb: Token) -> bool:
    """An infinitive, present ("vouloir coopérer") or past ("avoir visé")."""
    return "Inf" in verb.morph.get("VerbForm") or any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in verb.children)


def temporal(part: Token) -> bool:
    """"on Tuesday", "last week": a time adjunct, whatever the parser calls it."""
    return all(t.ent_type_ in ("DATE", "TIME") or t.pos_ in ("ADP", "DET") for t in part.subtree)


def comma_clause(part: Token, any_dep: bool = False) -> bool:
    """A participle clause set off by a comma is a further statement, not the object:
    "rejected reports that X, calling the accusations groundless"."""
    if not any_dep and part.dep_ != "advcl" or part.pos_ not in ("VERB", "AUX"):
        return False
    if any_dep and not (part.tag_ == "VBG" or "Part" in part.morph.get("VerbForm") and "Pres" in part.morph.get("Tense")):
        return False
    first = part if any_dep else part.left_edge
    return first.i > 0 and first.doc[first.i - 1].text == ","
