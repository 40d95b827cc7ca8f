"""Factuality of a stretch of text: certainty (FactBank style) and polarity.

Shared by attributions (the content) and events (the trigger's clause). The
verdict comes from the grammar of the stretch's main predicate: its mood
(French journalistic conditional), the modal or raising verb that governs it
("pourrait", "may", "il semble que"), hedging adverbs ("reportedly",
"probablement"), an open question ("savoir si", "whether") and negation
("ne ... pas", "never", "a refusé de"). Words come from the language's
`hedges.yaml` and `negation.yaml`.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Doc, Token

from claimgraph.extract.doc_text import (children_of, doc_text, labels_of, sentence_of, sentence_starts, texts_of,
                                         words_of)
from claimgraph.extract.parse_table import heads_of, morph_values, subtree_set
from claimgraph.extract.speaker_hedges import speaker_hedge
from claimgraph.extract.attribution.lexicon import Lexicon, get_lexicon, modal_level
from claimgraph.lang import LanguageRules

CERTAINTY_RANK = {"certain": 0, "probable": 1, "possible": 2, "underspecified": 3}
# Dependents that open a clause of their own: their hedges and negations are not the predicate's.
EMBEDDED_DEPS = frozenset({"ccomp", "advcl", "acl", "acl:relcl", "relcl", "conj", "parataxis", "csubj",
                           "xcomp", "nmod", "obl", "obl:arg", "obl:mod", "pobj", "prep", "dobj", "obj",
                           "nsubj", "nsubj:pass", "nsubjpass", "appos", "dep"})
# Arguments whose determiner (or which, as a pronoun) may negate the clause: "no evidence", "nobody".
ARGUMENT_DEPS = frozenset({"nsubj", "obj", "dobj", "nsubj:pass", "nsubjpass"})


def weakest(*levels: Optional[str]) -> str:
    """The least certain of `levels` (None counts as certain)."""
    return max((lvl or "certain" for lvl in (*levels, "certain")), key=lambda lvl: CERTAINTY_RANK.get(lvl, 0))


def main_predicate(tokens: list[Token]) -> Optional[Token]:
    """The token of `tokens` that heads the largest part of them (the stretch's main predicate)."""
    if not tokens:
        return None
    doc = tokens[0].doc
    heads = heads_of(doc)  # by index: no Token made for each word's head
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if heads[t.i] not in inside or heads[t.i] == t.i]
    content_roots = [t for t in roots if not t.is_punct and not t.is_space] or roots
    main = content_roots[0] if len(content_roots) == 1 else \
        max(content_roots, key=lambda t: (len(subtree_set(t) & inside), -t.i))
    if main.pos_ in ("NOUN", "PROPN", "PRON", "DET", "NUM"):
        # « le nombre ... est probablement plus élevé » parsed as a noun phrase: its copula shows the predicate
        deps = labels_of(doc)[2]
        copula = next((t for t in tokens if deps[t.i] == "cop" and heads[t.i] in inside), None)
        if copula is not None:
            return copula.head
    return main


def predicate_chain(main: Token, lexicon: Lexicon) -> list[Token]:
    """`main` and the verbs that govern it as one predicate ("pourrait aggraver", "il semble que")."""
    chain = [main]
    node = main
    while node.head.i != node.i and len(chain) < 5:
        head = node.head
        lemma = head.lemma_.lower()
        if node.dep_ == "xcomp" or (node.dep_ == "ccomp" and lemma in lexicon.raising):
            chain.append(head)
            node = head
        else:
            break
    return chain


def clause_words(chain: Iterable[Token]) -> list[Token]:
    """The function words and adverbs of each predicate of `chain` (not those of embedded clauses)."""
    words: list[Token] = []
    for pred in chain:
        doc = pred.doc
        kids, (poses, _, deps) = children_of(doc), labels_of(doc)  # labels by index: a Token only for a word kept
        words.append(pred)
        for child in kids[pred.i]:
            dep = deps[child]
            if dep in EMBEDDED_DEPS:
                if dep in ARGUMENT_DEPS:
                    words.extend(doc[c] for c in kids[child] if deps[c] == "det")  # "no evidence", "aucune preuve"
                    if poses[child] == "PRON":
                        words.append(doc[child])  # "nobody has looked", "nothing was sent"
                continue
            words.append(doc[child])
            words.extend(doc[c] for c in kids[child] if deps[c] in ("advmod", "fixed", "flat", "neg")
                         or deps[c] == "det" and dep == "attr")  # "there are no tanks"
    return words


def certainty_of(main: Token, lexicon: Lexicon, end_char: Optional[int] = None) -> str:
    """The certainty of the clause headed by `main`."""
    chain = predicate_chain(main, lexicon)
    words = clause_words(chain)
    levels: list[Optional[str]] = []
    for pred in chain:
        lemma = pred.lemma_.lower()
        if pred is not main:
            levels.append(modal_level(pred, lexicon) or lexicon.raising.get(lemma))
        elif any(c.dep_ == "xcomp" for c in pred.children):
            # "may want to", "appears to be", "are said to have come"
            levels.append(modal_level(pred, lexicon) or lexicon.raising.get(lemma))
            if _passive(pred):
                levels.append(lexicon.passive_hearsay.get(lemma))
    lemma_of, lower_of = words_of(main.doc)  # each word's lemma and form by index, not from its Token
    lowered = {lower_of[w.i] for w in words} | {lemma_of[w.i] for w in words}
    # « Sans ces retards, le pont aurait été fini »: the conditional of a
    # hypothesis with its "si" clause is no hearsay
    hypothetical = any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in lexicon.question_marks
                                                 for g in c.children) for pred in chain for c in pred.children)
    # « une légende affirmant que son départ causerait la ruine », « a dit qu'il viendrait »: under
    # a past or participle report, a simple conditional is the future in the past, not hearsay (« aurait
    # livré », with its auxiliary, still is)
    future_in_past = main.dep_ == "ccomp" and _past_report(main.head)
    chain_ids = {pred.i for pred in chain}
    for word in words:
        lemma, lower, dep = lemma_of[word.i], lower_of[word.i], word.dep_
        wish = lemma in lexicon.conditional_modals and \
            lexicon.conditional_modals[lemma] is None  # « il les voudrait plus lourdes »: a wish
        if lexicon.conditional_mood and "Cnd" in morph_values(word, "Mood") and not hypothetical and not wish \
                and not (future_in_past and word.i == main.i):
            levels.append(lexicon.conditional_mood)
        if dep.startswith("aux") or word.tag_ == "MD":
            levels.append(modal_level(word, lexicon))
        levels.append(lexicon.hedge_words.get(lower) or lexicon.hedge_words.get(lemma))
        if dep == "mark" and lower in lexicon.question_marks and word.head.i in chain_ids \
                and word.head.dep_ != "advcl":  # "consequences if it supports ...": a condition, not a question
            levels.append("underspecified")
    if lexicon.multiword_hedges:
        phrase = " ".join(w.lower_ for w in sorted(words, key=lambda t: t.i))
        levels.extend(lvl for key, lvl in lexicon.multiword_hedges if key in phrase)
    top = chain[-1]
    if top.dep_ in ("acl", "ccomp", "advcl") and top.head.lemma_.lower() in lexicon.hedge_nouns:
        levels.append(lexicon.hedge_nouns[top.head.lemma_.lower()])  # "la possibilité que ..."
    if main.i > 0 and main.doc[max(main.left_edge.i - 1, 0)].lower_ in lexicon.question_marks:
        levels.append("underspecified")  # "savoir si ...": the mark sits just before the stretch
    level = weakest(*levels)
    if level == "probable" and lowered & lexicon.boosters and not any(
            "Cnd" in morph_values(w, "Mood") for w in words):
        return "certain"
    return level


def _past_report(verb: Token) -> bool:
    """A reporting verb in a past tense or a participle: « a affirmé », « affirmait », « affirmant »."""
    return verb.pos_ in ("VERB", "AUX") and ("Part" in morph_values(verb, "VerbForm") or bool(
        {"Past", "Imp"} & set(morph_values(verb, "Tense"))) or any(c.dep_ == "aux:tense" for c in verb.children))


def polarity_of(main: Token, lexicon: Lexicon) -> str:
    """The polarity of the clause headed by `main`: negative when its predicate is negated."""
    chain = predicate_chain(main, lexicon)
    words = clause_words(chain)
    negations = 0
    lowers, texts = words_of(main.doc)[1], texts_of(main.doc)  # the next word's by index, not from a Token
    for word in words:
        lower = word.lower_
        after = word.i + 1 if word.i + 1 < len(lowers) else None
        if after is not None and lowers[after] in lexicon.focus_after:
            continue  # "non seulement", "not only": focus, not negation
        if after is not None and texts[after] == "," and lower in lexicon.negators:
            continue  # « Non, il ne faut pas ... »: an answer word, the clause carries its own negation
        if word.head.dep_ == "amod" and word.head not in chain:
            continue  # « des interventions non transparentes »: the negation is the adjective's
        if lower in lexicon.negators or (word.dep_ == "neg" and lower not in lexicon.weak_negators):
            negations += 1
        elif word.dep_ == "det" and lower in lexicon.negators:
            negations += 1
        elif lower in lexicon.paired_negators and any(w.lower_ in lexicon.weak_negators for w in words):
            negations += 1  # « il ne pourra plus y en avoir »: « plus » negates with « ne »
    if any(w.lower_ in lexicon.weak_negators for w in words) and not negations:
        # « Personne ne viendra », « ne servent à rien », « ne peut ni ne doit »: the second part of the
        # negation is a pronoun argument, the "ni" of a coordinated predicate, or the determiner of an
        # adjunct (« ne justifient en aucun cas »)
        for pred in chain:
            if any(c.lower_ in lexicon.negators and c.dep_ in EMBEDDED_DEPS and c.pos_ in ("PRON", "NOUN")
                   and not any(g.dep_ == "det" for g in c.children) for c in pred.children) \
                    or any(c.dep_ == "conj" and any(g.dep_ == "cc" and g.lower_ in lexicon.negators for g in c.children)
                           for c in pred.children) \
                    or any(c.dep_ in ("obl", "obl:mod") and any(g.dep_ == "det" and g.lower_ in lexicon.negators
                                                                for g in c.children) for c in pred.children):
                negations += 1
                break
    for pred in chain:
        if pred is not main and pred.lemma_.lower() in lexicon.negative_predicates:
            negations += 1
    if main.dep_ == "xcomp" and main.head.lemma_.lower() in lexicon.negative_predicates and main.head not in chain:
        negations += 1
    if any(c.dep_ in ("mark", "case") and c.lower_ in lexicon.negative_marks for c in main.children):
        negations += 1
    if is_falsity(main, lexicon):
        negations += 1  # "the claims were false", "the report is baseless"
    if negations % 2 == 1 and negative_adjuncts(chain, lexicon):
        negations += 1  # "cannot go on without paying": the two negations cancel
    return "negative" if negations % 2 == 1 else "positive"


def concessive_focus(main: Token, lexicon: Lexicon) -> Token:
    """The predicate that carries the claim: in "may not want to admit it, but will find it hard", the second."""
    governed = [main] + [c for c in main.children if c.dep_ == "xcomp"]
    governed += [g for c in governed[1:] for g in c.children if g.dep_ == "xcomp"]
    for child in (c for node in governed for c in node.children):
        # "pourrait ne pas vouloir l'admettre, mais ...": the parser may hang the second clause lower
        if child.dep_ != "conj" or child.i < main.i:
            continue
        # UD hangs "mais" on the second conjunct, spaCy's English "but" on the first
        conjunctions = [g for g in child.children if g.dep_ == "cc"] + \
            [g for g in child.head.children if g.dep_ == "cc" and child.head.i < g.i < child.i]
        if any(g.lower_ in lexicon.concessive_cc for g in conjunctions):
            return child
    return main


def negative_adjuncts(chain: list[Token], lexicon: Lexicon) -> int:
    """Adjuncts that negate under the predicate: "ne peut pas continuer ... sans en payer le prix"."""
    count = 0
    preds = list(chain)
    for pred in list(chain):
        node = pred
        for _ in range(4):  # down the xcomp chain: "ne pouvait pas continuer à alimenter ... sans"
            node = next((c for c in node.children if c.dep_ == "xcomp"), None)
            if node is None:
                break
            preds.append(node)
    for pred in preds:
        for child in pred.children:
            if child.dep_ in ("advcl", "obl", "obl:mod", "prep", "pcomp") and any(
                    g.dep_ in ("mark", "case") and g.lower_ in lexicon.negative_marks for g in child.children):
                count += 1
            elif child.dep_ == "prep" and child.lower_ in lexicon.negative_marks:
                count += 1
    return count


def assess_tokens(tokens: list[Token], lexicon: Lexicon) -> tuple[str, str]:
    """(certainty, polarity) of the stretch made of `tokens`."""
    if tokens and sentence_starts(tokens[0].doc)[tokens[-1].i] != sentence_starts(tokens[0].doc)[tokens[0].i]:
        # a content of several sentences is as firm as its first one, which states the claim (unless
        # the parser cut a verbless subject off its clause: « Personne, ni X, ni Y, | n'a le droit »)
        first = sentence_of(tokens[0])
        head = [t for t in tokens if t.i < first.end]
        tokens = head if any(t.pos_ in ("VERB", "AUX") for t in head) else tokens
    main = main_predicate(tokens)
    if main is None:
        return "certain", "positive"
    main = undoubted_claim(main, lexicon) or first_main_clause(main)
    first = main
    main = concessive_focus(main, lexicon)
    hedge: Optional[str] = None
    own = speaker_hedge(main, lexicon)
    if own is not None:  # "I think the toll would have been higher": the speaker's hedge over the claim
        hedge, main = own
    certainty = weakest(certainty_of(main, lexicon), hedge)
    text = _text_of(tokens).rstrip().rstrip("»\"”'’ ")
    if text.endswith("?") or open_question(main, lexicon):
        return "underspecified", "positive"  # "it was not clear whether ...": nothing is denied
    polarity = polarity_of(main, lexicon)
    if polarity == "positive" and stranded_negative_subject(tokens, main, lexicon):
        polarity = "negative"
    if main is not first and own is None and polarity_of(first, lexicon) != polarity:
        polarity = "positive"  # "attacked depots but has not shown ...": one conjunct asserts
    inside = {t.i for t in tokens}
    doc = main.doc
    lemmas, heads, deps = words_of(doc)[0], heads_of(doc), labels_of(doc)[2]  # by index: no Token per word
    if polarity == "positive" and any(lemmas[t.i] in lexicon.falsity_words and heads[t.i] not in inside
                                      and deps[t.i] in ("oprd", "acomp", "xcomp", "ccomp", "attr") for t in tokens):
        polarity = "negative"  # "calling the reports false": the content is the report and its verdict
    return certainty, polarity


def _text_of(tokens: list[Token]) -> str:
    """`"".join(t.text_with_ws for t in tokens)`: a slice of the Doc's text when the tokens run on without a gap."""
    first = tokens[0].i if tokens else 0
    if tokens and all(t.i == first + n for n, t in enumerate(tokens)):
        return doc_text(tokens[0].doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text_with_ws)]
    return "".join(t.text_with_ws for t in tokens)


def undoubted_claim(main: Token, lexicon: Lexicon) -> Optional[Token]:
    """The claim of "there is no question (that) P", « il ne fait aucun doute que P », « nul doute que
    P »: a denied doubt asserts P; its negation is not the claim's."""
    for noun in [main] + [c for c in main.children if c.dep_ in ("attr", "obj", "dobj")]:
        if noun.lemma_.lower() not in lexicon.doubt_nouns and noun.lower_ not in lexicon.doubt_nouns:
            continue
        if not any(c.dep_ in ("det", "amod") and c.lower_ in lexicon.negators for c in noun.children):
            continue
        return next((c for c in [*noun.children, *main.children] if c.dep_ in ("acl", "ccomp", "relcl")
                     and c.pos_ in ("VERB", "AUX") and c.i > noun.i), None)
    return None


def stranded_negative_subject(tokens: list[Token], main: Token, lexicon: Lexicon) -> bool:
    """« personne ne nous imposera X », « Personne, ni X, ni Y, n'a le droit »: a negative pronoun before
    a main clause's « ne », which the parser hung elsewhere, is the second part of the negation
    (not in « P, même si aucune décision n'est attendue »: that « ne » is the concession's)."""
    lowers = words_of(main.doc)[1]
    for weak in (t for t in tokens if lowers[t.i] in lexicon.weak_negators and not _subordinate(t.head, main)):
        for word in reversed([t for t in tokens if t.i < weak.i]):
            if word.pos_ in ("VERB", "AUX"):
                break
            # any part of speech: the parser tags a stranded « personne » as a noun, pronoun or adjective
            if word.lower_ in lexicon.negators and not any(c.dep_ == "det" for c in word.children):
                return True
    return False


def _subordinate(clause: Token, main: Token) -> bool:
    """`clause` heads an adverbial or relative clause, or one with a subordinator, under the content."""
    if clause.i == main.i:
        return False
    return clause.dep_ in ("advcl", "acl", "relcl", "acl:relcl") or any(c.dep_ == "mark" for c in clause.children)


def first_main_clause(main: Token) -> Token:
    """A finite clause the parser hung under a later predicate as an adverbial clause, though it has no
    subordinator: "P1 ... the bridge won't be finished and ..., and the problem will be that P2",
    « elle n'a ni demandé ..., ni aidé ..., s'abstenant ainsi de ... ». A clause with its own subject
    before a finite verb or modal needs a subordinator to be adverbial (inversions aside: "should he
    come"), so it is a main clause set beside, and the first one states the content."""
    for child in main.children:
        if child.dep_ != "advcl" or child.i > main.i or any(c.dep_ == "mark" for c in child.children):
            continue
        subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")), None)
        finite = next((c for c in [child, *child.children] if c.tag_ == "MD" or c.pos_ in ("VERB", "AUX")
                       and "Fin" in morph_values(c, "VerbForm")), None)
        if subject is not None and finite is not None and subject.i < finite.i:
            return child
    return main


def _passive(pred: Token) -> bool:
    return any(c.dep_ in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass") for c in pred.children)


def open_question(main: Token, lexicon: Lexicon) -> bool:
    """"It was not clear whether P", "it is unknown if P": a predicate of knowledge over an open question."""
    if main.pos_ not in ("AUX", "ADJ") and main.lemma_.lower() != "be":
        return False
    clauses = [c for c in main.children if c.dep_ in ("ccomp", "csubj", "advcl")]
    clauses += [g for c in main.children if c.dep_ == "acomp" for g in c.children if g.dep_ in ("ccomp", "advcl")]
    return any(g.dep_ == "mark" and g.lower_ in lexicon.question_marks and g.i < c.i
               for c in clauses for g in c.children)


def is_falsity(main: Token, lexicon: Lexicon) -> bool:
    """The clause calls something false: "the claims were false", "it is a lie"."""
    if main.lemma_.lower() in lexicon.falsity_words and main.pos_ in ("ADJ", "NOUN"):
        return any(c.dep_ in ("nsubj", "cop") for c in main.children) or main.dep_ in ("acomp", "attr", "oprd")
    return any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in lexicon.falsity_words for c in main.children)


def assess_factuality(doc: Doc, start_char: int, end_char: int, rules: LanguageRules) -> tuple[str, str]:
    """(certainty, polarity) of the text `doc.text[start_char:end_char]`.

    doc (Doc): the parsed article.
    start_char (int): start of the stretch (content or event clause), in characters.
    end_char (int): its end, exclusive.
    rules (LanguageRules): the language's data (hedges.yaml, negation.yaml).
    RETURNS (tuple[str, str]): certainty in certain/probable/possible/underspecified,
        polarity in positive/negative.
    """
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "certain", "positive"
    return assess_tokens(list(span), get_lexicon(rules))
