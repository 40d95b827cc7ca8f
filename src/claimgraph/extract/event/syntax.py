"""Dependency-parse helpers shared by role filling: subjects, prepositional
phrases, passives, and where a noun phrase or a clause begins and ends."""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

from spacy.tokens import Doc, Token

from claimgraph.extract.doc_text import children_of, labels_of, texts_of
from claimgraph.extract.event.lexicon import EventLexicon
from claimgraph.extract.parse_table import heads_of, morph_values, subtree_set

NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
EDGE_POS = frozenset({"PUNCT", "ADP", "CCONJ", "SCONJ", "SPACE"})
AUX_DEPS = frozenset({"aux", "aux:tense", "aux:pass", "auxpass", "aux:caus", "cop"})


def children(token: Token, labels: frozenset[str]) -> list[Token]:
    """`[c for c in token.children if c.dep_ in labels]`, testing the labels by index (a Token only for a match)."""
    doc = token.doc
    deps = labels_of(doc)[2]
    return [doc[c] for c in children_of(doc)[token.i] if deps[c] in labels]


def subject_of(token: Token, lexicon: EventLexicon) -> Optional[Token]:
    """The active subject of a verb, if it has one (the nearest before it when the parser gave two)."""
    found = children(token, lexicon.dep("subject"))
    before = [c for c in found if c.i < token.i]
    return before[-1] if before else (found[0] if found else None)


def any_subject(token: Token, lexicon: EventLexicon) -> Optional[Token]:
    found = children(token, lexicon.dep("subject") | lexicon.dep("passive_subject"))
    return found[0] if found else None


def is_passive(token: Token, lexicon: EventLexicon) -> bool:
    """Whether a verb is in the passive voice ("were supplied", "ont été livrés")."""
    if _active_perfect(token, lexicon):
        return False
    if children(token, lexicon.dep("passive_subject") | lexicon.dep("passive_aux")):
        return True
    if "Pass" in morph_values(token, "Voice"):
        return True
    if token.tag_ in lexicon.bare_participle_tags and not any(
            c.pos_ == "AUX" or c.dep_ in lexicon.dep("object") for c in token.children):
        return True  # headline style: "China-made engines reportedly supplied to Russian drone maker"
    return _copula_passive(token, lexicon)


def _active_perfect(token: Token, lexicon: EventLexicon) -> bool:
    """« X a de son côté accusé le syndicat de ... »: a verb with a perfect auxiliary (avoir, have) and no other
    (no passive one, no être/be) is active, whatever label the parser gave its subject."""
    kids = list(token.children)
    auxiliaries = [c.lemma_.lower() for c in kids if c.dep_ in TENSE_AUXILIARIES or c.dep_ in lexicon.dep("passive_aux")]
    return bool(auxiliaries) and all(a in PERFECT_AUXILIARIES for a in auxiliaries) \
        and not any(c.dep_ in lexicon.dep("passive_aux") for c in kids) and "Pass" not in morph_values(token, "Voice")


def passive_subject_slot(head: Token, passive: bool, slots: dict[str, str], lexicon: EventLexicon) -> str:
    """The slot a passive verb's subject fills: "the locations would be given the orbiters", "Kyiv was
    sent rockets": a passive that keeps its object was said of the one who gets it."""
    if passive and "indirect_object" in slots and any(c.dep_ in lexicon.dep("object") for c in head.children):
        return "indirect_object"
    return "passive_subject"


def _copula_passive(token: Token, lexicon: EventLexicon) -> bool:
    """"il était fabriqué en Russie": the parser labels "était" a tense auxiliary, but a past
    participle of a transitive trigger after the passive auxiliary, with no reflexive, is passive."""
    if not lexicon.passive_auxiliaries or "Part" not in morph_values(token, "VerbForm") \
            or "Past" not in morph_values(token, "Tense"):
        return False
    auxiliaries = [c for c in token.children if c.pos_ == "AUX" and c.i < token.i]
    reflexive = any(c.lower_ in lexicon.reflexives for c in token.children if c.i < token.i)
    return bool(auxiliaries) and auxiliaries[-1].lemma_.lower() in lexicon.passive_auxiliaries and not reflexive

# Labels of a tense auxiliary (English, French UD): a participle that has one is a verb of its own.
TENSE_AUXILIARIES = frozenset({"aux", "aux:tense"})
# Lemmas of the perfect auxiliary (English, French): never a passive one.
PERFECT_AUXILIARIES = frozenset({"have", "avoir"})


def is_participle_modifier(token: Token, lexicon: EventLexicon) -> bool:
    """A past participle modifying a noun: "IEMZ Kupol, owned by Almaz-Antey"."""
    if token.dep_ not in lexicon.dep("clause") or token.head.pos_ not in NOMINAL_POS:
        return False
    if any_subject(token, lexicon) is not None:
        return False
    if any(c.dep_ in TENSE_AUXILIARIES for c in token.children):
        return False  # « a assuré pour sa part avoir frappé », "having sent": a compound verb the parser hung on a noun
    return token.tag_ == "VBN" or ("Part" in morph_values(token, "VerbForm") and "Past" in morph_values(token, "Tense"))


def prepositional_phrases(token: Token, lexicon: EventLexicon) -> Iterator[tuple[str, Token, Token]]:
    """(preposition, head of its noun phrase, dependent of `token`) for each PP on `token`.

    Covers both parse styles: UD (the noun depends on the word, the preposition
    on the noun as `case`) and spaCy English (the preposition depends on the word,
    the noun on the preposition as `pobj`).
    """
    doc = token.doc
    deps = labels_of(doc)[2]
    preps, obliques = lexicon.dep("prep"), lexicon.dep("oblique")
    for index in children_of(doc)[token.i]:  # labels by index: a Token only for a preposition or an oblique
        if deps[index] in preps:
            child = doc[index]
            objects = children(child, lexicon.dep("pobj"))
            if objects:
                yield lexicon.prep(child.text), objects[0], child
        elif deps[index] in obliques:
            child = doc[index]
            yield preposition_of(child, lexicon), child, child


def preposition_of(noun: Token, lexicon: EventLexicon) -> str:
    """The (normalised) preposition marking a UD noun, "" when it has none."""
    words: list[str] = []
    doc = noun.doc
    kids, (poses, _, deps), texts = children_of(doc), labels_of(doc), texts_of(doc)  # by index: no Token per child
    cases = lexicon.dep("case")
    for case in kids[noun.i]:
        if deps[case] in cases and poses[case] == "ADP" and case < noun.i:
            words.append(lexicon.prep(texts[case]))
            words.extend(lexicon.prep(texts[f]) for f in kids[case] if deps[f] == "fixed")
    return " ".join(w for w in words if w)


def subtree_ids(token: Token) -> set[int]:
    return subtree_set(token)


def _describing_participle(verb: Token) -> bool:
    """"engines used in the Garpiya-3", "des drones équipés de moteurs chinois", "companies and people
    tied to the programme": a past participle after its noun, with no subject and no punctuation
    between them, is part of the noun phrase (a reduced restrictive relative)."""
    doc = verb.doc
    if verb.dep_ not in ("acl", "amod"):
        return False  # the cheap test first (the last one below): no walk over the words before it
    if verb.i <= verb.head.i or any(t.is_punct or t.is_space for t in doc[verb.head.i + 1:verb.i]):
        return False
    past = verb.tag_ == "VBN" or ("Part" in morph_values(verb, "VerbForm") and "Past" in morph_values(verb, "Tense"))
    return past and verb.dep_ in ("acl", "amod") and not any(
        c.dep_.startswith("nsubj") or c.pos_ in ("VERB", "AUX") for c in verb.children)


def _restrictive_relative(verb: Token, lexicon: EventLexicon) -> bool:
    """"firms that supply the army", « des entreprises qui fournissent l'armée »: a relative clause
    with no comma before it says which ones, so it belongs to the noun phrase (ANNOTATION 2.3);
    ", which ..." only adds to a phrase already complete."""
    if verb.dep_ not in lexicon.dep("relative"):
        return False
    first = min(t.i for t in verb.subtree)
    return first > 0 and first > verb.head.i and verb.doc[first - 1].text not in (",", "(", "—", "–", "-")


def _loose_apposition(child: Token, head: Token, lexicon: EventLexicon) -> bool:
    """« avoir frappé avec des obus un hangar près de la digue »: a determined common noun the parser hung
    on the phrase as an apposition with no comma, dash or parenthesis before it is a phrase of its own (a
    French object after an adverbial phrase), not part of this one; "the maker IEMZ Kupol" (a name) is."""
    if child.dep_ not in lexicon.dep("appos") or child.i < head.i or child.pos_ != "NOUN" \
            or not any(c.dep_ == "det" for c in child.children):
        return False
    first = child.left_edge.i
    return first > 0 and child.doc[first - 1].text not in (",", "(", "—", "–", "-", ":")


def phrase_bounds(head: Token, lexicon: EventLexicon, exclude: Iterable[int] = (),
                  keep_clauses: bool = False) -> tuple[int, int]:
    """Token range [first, last] of the phrase headed by `head`.

    The phrase is the head's subtree without relative and other clauses (unless
    `keep_clauses`), without the tokens in `exclude` (other arguments, the trigger),
    cut to the unbroken stretch around the head and trimmed of prepositions,
    conjunctions and punctuation at its edges.
    """
    dropped: set[int] = set(exclude)
    dropped.discard(head.i)
    for child in head.children:
        if child.dep_ in lexicon.dep("case") and child.pos_ == "ADP" and child.lower_ not in lexicon.partitives:
            dropped |= subtree_ids(child)
        elif child.dep_ in lexicon.dep("clause") and child.pos_ in ("VERB", "AUX") and (
                not keep_clauses or child.dep_ in ("advcl", "parataxis")) and not _describing_participle(child) \
                and not _restrictive_relative(child, lexicon):
            dropped |= subtree_ids(child)
        elif _loose_apposition(child, head, lexicon):
            dropped |= subtree_ids(child)
        elif child.dep_ in lexicon.dep("prep") and child.lower_ in lexicon.aside_preps and child.i > head.i \
                and child.i > 0 and head.doc[child.i - 1].text == ",":
            dropped |= subtree_ids(child)  # "the gallery, like 189 other museums,": a comparison, not the name
        elif child.dep_ in lexicon.dep("prep") and child.i > head.i and not keep_clauses:
            # English PPs inside the phrase stay, but not a clause hanging from them.
            for grand in child.children:
                if grand.dep_ == "pcomp" and grand.pos_ in ("VERB", "AUX"):
                    dropped |= subtree_ids(child)
    subtree = subtree_set(head)  # indexes: the words are read by index, a Token made only for a clause
    doc = head.doc
    if not keep_clauses:
        # relative and marked clauses deeper in the phrase ("les composants, les microprocesseurs que ...")
        kids, (poses, _, deps), parents = children_of(doc), labels_of(doc), heads_of(doc)
        clauses, relatives, marking = lexicon.dep("clause"), lexicon.dep("relative"), ("mark", *lexicon.dep("subject"))
        for word in subtree:
            if word != head.i and deps[word] in clauses and poses[word] in ("VERB", "AUX") and (
                    deps[word] in relatives or any(deps[c] in marking for c in kids[word])) \
                    and not (parents[word] == head.i and _restrictive_relative(doc[word], lexicon)):
                dropped |= subtree_ids(doc[word])
    ids = subtree - dropped
    # a phrase never runs over a line break (headline into dateline, paragraph into paragraph)
    texts = texts_of(doc)
    ids -= {i for i in subtree if "\n" in texts[i]}
    ids.add(head.i)
    first = last = head.i
    while first - 1 in ids:
        first -= 1
    while last + 1 in ids:
        last += 1
    while first < head.i and (doc[first].pos_ in EDGE_POS or doc[first].dep_ in ("mark", "cc", "punct")) \
            and doc[first].lower_ not in lexicon.partitives:
        first += 1
    while last > head.i and (doc[last].pos_ in EDGE_POS or doc[last].dep_ in ("cc", "punct")):
        last -= 1
    return first, _hyphen_compound_end(doc, last)


def _hyphen_compound_end(doc: Doc, last: int) -> int:
    """"des machines-outils", "Almaz-Antey": a word glued to the phrase's last one by a hyphen
    belongs to it, wherever the parser hung the pieces."""
    while last + 2 < len(doc) and doc[last + 1].text == "-" and not doc[last].whitespace_ \
            and not doc[last + 1].whitespace_ and doc[last + 2].is_alpha:
        last += 2
    return last


def clause_bounds(head: Token, lexicon: EventLexicon, exclude: Iterable[int] = ()) -> tuple[int, int]:
    """Token range of a complement clause ("que la Chine a fourni ...", "of supplying ..."), without its marker."""
    return phrase_bounds(head, lexicon, exclude, keep_clauses=True)


def governing_chain(token: Token, lexicon: EventLexicon, limit: int = 4) -> list[Token]:
    """The words above `token` up to the nearest verb with its own subject.

    Crosses infinitives, participles, nouns and prepositions ("ont évité jusqu'à
    présent d'accuser": accuser -> présent -> évité), never a complement clause
    of speech ("affirment que ...") nor a coordination.
    """
    chain: list[Token] = []
    current = token
    for _ in range(limit):
        if any_subject(current, lexicon) is not None or current.dep_ in ("ROOT", "ccomp", "parataxis"):
            break
        if current.dep_ in lexicon.dep("conj") or current.dep_ in lexicon.dep("relative"):
            break
        if current.head.i == current.i:
            break
        current = current.head
        chain.append(current)
    return chain


def accused_doer(noun: Token, lexicon: EventLexicon) -> Optional[Token]:
    """"accuses Sudan of an air strike on the camp", "accused the rebels of a rocket attack", "of carrying out the
    attack": the one accused of an act named by a noun is its doer (as "accuser X de fournir" makes X the supplier)."""
    verb = next((a for a in list(noun.ancestors)[:3] if a.pos_ == "VERB"
                 and lexicon.verbs.get(a.lemma_.lower()) == "ACCUSE"), None)
    accuse = lexicon.roles.get("ACCUSE")
    if verb is None or accuse is None:
        return None
    item_preps = {p for p, role in accuse.preps.items() if role == "item"}
    objects = children(verb, lexicon.dep("object"))
    # only a phrase on the verb: one the parser hung on the object would make the object's span swallow it
    done = {noun.i} | ({noun.head.i} if noun.head.lemma_.lower() in lexicon.operation_verbs else set())
    # "blamed Orsket for carrying out the raid": the accused carries it out
    if objects and any(prep in item_preps and head.i in done for prep, head, _ in prepositional_phrases(verb, lexicon)):
        return objects[0]
    return None


def possessed(noun: Token) -> bool:
    """ "ses actions", "its war": a noun with a possessive determiner."""
    return any(c.dep_ in ("poss", "det:poss") or "Yes" in morph_values(c, "Poss") for c in noun.children)


def paragraph_break_between(a: Token, b: Token) -> bool:
    """Whether a blank line, or the end of a line with no punctuation (a headline: "Terminal near Odessa hit" over
    the lede), lies between two words: a role never crosses it, whatever sentence the parser made of both."""
    first, last = sorted((a.i, b.i))
    texts = texts_of(a.doc)  # by index: no Token made per word between them
    for i in range(first, last):
        if "\n" in texts[i] and texts[i].isspace():
            if texts[i].count("\n") >= 2:
                return True
            before = i - 1
            while before >= 0 and texts[before].isspace():
                before -= 1
            if before >= 0 and not a.doc[before].is_punct:
                return True
    return False
