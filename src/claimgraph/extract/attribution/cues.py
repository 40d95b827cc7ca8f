"""Reported speech around a cue verb or noun: "X a affirmé que ...", "..., sources said", "speculation that ...".

The parse links a cue verb to its subject (the source, or the agent of a
passive: "confirmé par X") and to its complement clause (the content). When
the cue sits in an incise after the content ("..., a ajouté l'officiel";
"..., sources said"), the content is the clause it interrupts.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Iterator, Optional

from spacy.tokens import Doc, Token

from claimgraph.extract.attribution.incises import (fronted_as, misread_relative, parenthetical, second_that_clause,
                                                    subject_infinitive)
from claimgraph.extract.attribution.lexicon import CueEntry, Lexicon, impersonal_subject, speaker_like
from claimgraph.extract.attribution.objects import comma_clause, object_tokens
from claimgraph.extract.attribution.spans import (QUOTE_PAIR, Candidate, clause_tokens, content_span, noun_phrase,
                                                  on_line_of, subject_of, tokens_span)
from claimgraph.extract.factuality import assess_tokens

CLAUSE_DEPS = ("ccomp", "csubj", "parataxis")
INCISE_DEPS = frozenset({"advcl", "parataxis", "conj", "dep", "ccomp", "acl", "acl:relcl"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "X", "ADJ", "NUM"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "expl:subj", "expl", "csubj"})


def match_cue(token: Token, lexicon: Lexicon) -> Optional[tuple[CueEntry, list[Token]]]:
    """The cue entry `token` starts, with its words, or None ("mis en garde" matches "mettre en garde")."""
    if token.pos_ not in ("VERB", "AUX", "ADJ", "NOUN") and token.tag_ not in ("VBN", "VBD"):
        return None
    for lemma in (token.lemma_.lower(), token.lower_, *_repaired(token, lexicon)):
        for entry in lexicon.verbs.get(lemma, []):
            words = [token]
            nxt = token.i + 1
            ok = True
            for word in entry.rest:
                while nxt < len(token.doc) and token.doc[nxt].pos_ == "ADV":
                    nxt += 1  # "a mis en garde", "has strongly denied"
                if nxt < len(token.doc) and word in (token.doc[nxt].lower_, token.doc[nxt].lemma_.lower()):
                    words.append(token.doc[nxt])
                    nxt += 1
                else:
                    ok = False
                    break
            if ok and (token.pos_ in ("VERB", "AUX") or token.tag_ in ("VBN", "VBD") or entry.rest):
                return entry, words
    return None


def _repaired(token: Token, lexicon: Lexicon) -> list[str]:
    """Lemmas for a verb the lemmatiser left inflected (« réclame »), from `lemma_repairs`."""
    if token.lemma_.lower() != token.lower_ or token.pos_ != "VERB":
        return []
    return [token.lower_[:-len(end)] + new for end, new in lexicon.lemma_repairs.items() if token.lower_.endswith(end)]


def cue_span_tokens(verb: Token, words: list[Token]) -> list[Token]:
    """The cue's words with the tense auxiliaries before the verb ("a affirmé", "has learned")."""
    auxes = [c for c in verb.children if c.i < verb.i and c.dep_ in ("aux", "aux:tense")]
    return sorted(auxes + words, key=lambda t: t.i)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("aux:pass", "auxpass", "nsubj:pass", "nsubjpass") for c in verb.children) or \
        "Pass" in verb.morph.get("Voice")


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
    return any(c.dep_ == "mark" and c.lower_ not in lexicon.complementizers and c.lower_ not in lexicon.question_marks
               for c in clause.children)


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
    for child in verb.children:
        if (child.dep_ in ("ccomp", "csubj") and child.i > verb.i or (child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX", "ADJ"))) \
                and not _foreign_mark(child, lexicon):
            return None if _report_noun_between(verb, child, lexicon) else child
    for child in verb.children:  # "told reporters that ...": the clause may hang off the object
        # a relative clause has no complementiser: "relcl" with one is a misread "that"-clause
        if child.dep_ in ("xcomp", "advcl", "obj", "dobj", "relcl", "acl:relcl") and child.i > verb.i and any(
                g.dep_ == "mark" and g.lower_ in lexicon.complementizers for g in child.children) \
                and not _foreign_mark(child, lexicon):  # "sans que cela ait ...": an adjunct
            return child
    return None


def _before_next_cue(tokens: list[Token], verb: Token, lexicon: Lexicon) -> list[Token]:
    """A content stops where a participle cue opens the speaker's next statement:
    « « A » a-t-il précisé en ajoutant : « B » » gives A to « précisé » and B to « ajoutant » (ANNOTATION 1.5)."""
    for tok in tokens:
        if tok.i <= verb.i or tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].text != ":" and \
                tok.doc[tok.i + 1].lower_ not in lexicon.complementizers:
            continue
        present = tok.tag_ == "VBG" or "Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense")
        if present and match_cue(tok, lexicon) is not None:
            kept = [t for t in tokens if t.i < tok.i]
            while kept and (kept[-1].pos_ in ("ADP", "CCONJ") or kept[-1].text in ",;" or
                            kept[-1].i == tok.i - 1 and kept[-1].is_lower and len(kept[-1].text) <= 2):
                kept.pop()  # "en ajoutant", ", ajoutant"
            return kept or tokens
    return tokens


def _trailing_participle(verb: Token) -> bool:
    present_participle = verb.tag_ == "VBG" or (
        "Part" in verb.morph.get("VerbForm", []) and "Pres" in verb.morph.get("Tense", []))
    return present_participle and verb.dep_ in ("advcl", "xcomp", "acl") and verb.i > 0 \
        and verb.doc[verb.i - 1].text == "," and verb.sent.root.i < verb.i and subject_of(verb) is None


def _fold(word: str) -> str:
    return unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode("ascii")


def stem_table(lexicon: Lexicon) -> dict[str, CueEntry]:
    """Accent-folded stems of the one-word cue verbs ("suggér" -> "sugger"), for tokens the tagger missed."""
    table: dict[str, CueEntry] = {}
    for lemma, entries in lexicon.verbs.items():
        stem = _fold(re.sub(r"(er|ir|re|oir|e)$", "", lemma))
        single = [e for e in entries if not e.rest]
        if len(stem) >= 4 and single:
            table[stem] = single[0]
    return table


def mistagged_cue(token: Token, lexicon: Lexicon, stems: dict[str, CueEntry]) -> Optional[Candidate]:
    """A cue verb the tagger took for another word class, right before a complementiser.

    "Un nouveau rapport suggère qu'..." parsed with "suggère" as an adjective
    still reports a claim: the source is the noun phrase before, the content
    the clause after.
    """
    if token.i + 1 >= len(token.doc) or token.i == 0:
        return None
    before = token.doc[token.i - 1]
    # "The texts state that ...": a cue read as a noun right after a plural subject
    plural_subject = before.pos_ in ("NOUN", "PROPN") and (before.tag_ in ("NNS", "NNPS") or
                                                           "Plur" in before.morph.get("Number"))
    if token.pos_ not in ("ADJ", "PROPN", "X", "ADV") and not (token.pos_ == "NOUN" and plural_subject):
        return None
    mark = token.nbor(1)
    if mark.lower_ not in lexicon.complementizers:
        return None
    folded = _fold(token.text)
    entry = next((e for stem, e in stems.items() if folded.startswith(stem) and len(folded) - len(stem) <= 4), None)
    if entry is None:
        return None
    sent = token.sent
    content = content_span(token.doc, [t for t in sent if t.i > mark.i], lexicon.complementizers)
    before = [t for t in sent if t.i < token.i and t.pos_ in ("NOUN", "PROPN", "PRON")]
    if content is None or not before:
        return None
    # the parser hung the cue on the source noun as a modifier: the source phrase stops before it
    source_span = tokens_span(token.doc, [t for t in noun_phrase(before[-1]) if t.i < token.i])
    return Candidate(content=content, source_head=before[-1], cue=tokens_span(token.doc, [token]), kind="indirect",
                     cue_certainty=entry.certainty, cue_polarity=entry.polarity, cue_token=token,
                     source_span=source_span)


def verb_candidates(doc: Doc, lexicon: Lexicon) -> Iterator[Candidate]:
    """Candidates around every cue verb of `doc`."""
    stems = stem_table(lexicon)
    quoted = quoted_offsets(doc.text)
    for token in doc:
        found = match_cue(token, lexicon)
        if found is None:
            fallback = mistagged_cue(token, lexicon, stems)
            if fallback is not None:
                yield fallback
            continue
        entry, words = found
        candidate = read_cue(doc, token, entry, words, lexicon)
        if candidate is None or _speaker_hedge(candidate, entry) or _own_voice(candidate) \
                or _own_words(candidate, quoted):
            continue
        candidate.content = on_line_of(doc, candidate.content, token)  # a headline is not the body's first clause
        if candidate.content is None:
            continue
        if _negated(token, lexicon):
            if _open_question(candidate, doc, lexicon):
                continue  # "officials did not say why ...": nothing is reported
            candidate.cue_polarity = None if candidate.cue_polarity == "negative" else "negative"
        yield from split_that_clauses(doc, candidate, lexicon)


def split_that_clauses(doc: Doc, candidate: Candidate, lexicon: Lexicon) -> Iterator[Candidate]:
    """"said A and that B": two records when A and B differ in certainty or polarity, else one (ANNOTATION 1.5)."""
    span = doc.char_span(candidate.content.start, candidate.content.end, alignment_mode="expand")
    parts = second_that_clause(list(span), lexicon) if span is not None else None
    if parts is None or assess_tokens(parts[0], lexicon) == assess_tokens(parts[1], lexicon):
        yield candidate
        return
    for part in parts:
        content = content_span(doc, part, lexicon.complementizers)
        if content is not None:
            yield replace(candidate, content=content)


def _negated(verb: Token, lexicon: Lexicon) -> bool:
    return any(c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ in lexicon.negators for c in verb.children)


def _open_question(candidate: Candidate, doc: Doc, lexicon: Lexicon) -> bool:
    first = doc.char_span(candidate.content.start, candidate.content.end, alignment_mode="expand")
    return first is not None and len(first) > 0 and (
        first[0].lower_ in lexicon.question_marks or first[0].tag_ in ("WRB", "WP", "WDT"))


def _own_voice(candidate: Candidate) -> bool:
    """"I can say that ...", "we urge ...": the speaker's own verbs inside their words get no record
    (ANNOTATION 1.7); the words are the quoting record's."""
    head = candidate.source_head
    return head is not None and head.pos_ == "PRON" and "1" in head.morph.get("Person") \
        and candidate.cue_token is not None and head.head.i == candidate.cue_token.i


def _speaker_hedge(candidate: Candidate, entry: CueEntry) -> bool:
    """"I think it's unfair", "nous croyons que": a speaker hedging their own words, not a report
    of someone's belief (the words are attributed to whoever says them)."""
    head = candidate.source_head
    return entry.role == "belief" and head is not None and head.pos_ == "PRON" \
        and bool(set(head.morph.get("Person")) & {"1", "2"})


def quoted_offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) character ranges of the quotations of `text`."""
    return [(m.start(), m.end()) for m in QUOTE_PAIR.finditer(text)]


def _own_words(candidate: Candidate, quoted: list[tuple[int, int]]) -> bool:
    """« Je promets le changement », « nous demandons ... » inside a quotation: the speaker's own verbs
    make no record of their own (ANNOTATION 1.7); the quotation is the speaker's record."""
    head = candidate.source_head
    if head is None or head.pos_ != "PRON" or "1" not in head.morph.get("Person"):
        return False
    return any(start < head.idx < end for start, end in quoted)


def _relative_antecedent(verb: Token) -> Token:
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


def read_cue(doc: Doc, verb: Token, entry: CueEntry, words: list[Token], lexicon: Lexicon) -> Optional[Candidate]:
    """The attribution made by the cue `verb`, or None when it reports nothing readable."""
    cue = tokens_span(doc, cue_span_tokens(verb, words))
    base = dict(cue=cue, cue_certainty=entry.certainty, cue_polarity=entry.polarity, cue_token=verb)
    passive = is_passive(verb)
    source = agent_of(verb, lexicon) if passive else subject_of(verb)
    passive_subject = subject_of(verb) if passive else None  # what is reported on, never who reports
    if _trailing_participle(verb):
        # "X rejected reports that Y had supplied engines, calling the accusations groundless": a
        # participle set off at the end speaks for the sentence's subject, wherever the parser hung it
        source = subject_of(verb.sent.root) or source
    if passive and source is None:
        subject = subject_of(verb)
        if subject is not None and (subject.dep_.startswith("expl") or impersonal_subject(subject)):
            source = subject  # impersonal: "il est rapporté que", "it is believed that"
            hearsay = lexicon.passive_hearsay.get(verb.lemma_.lower())
            if hearsay and not entry.certainty:
                base["cue_certainty"] = hearsay
            first = min(subject.i, *(c.i for c in verb.children if c.dep_.startswith("aux")), verb.i)
            base["cue"] = base["source_span"] = tokens_span(doc, list(doc[first:verb.i + 1]))  # ANNOTATION 1.3
    if source is not None and verb.dep_ in ("relcl", "acl:relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN") and (
            "Rel" in source.morph.get("PronType") or source.lower_ in lexicon.relative_pronouns):
        source = _relative_antecedent(verb)  # "des documents, qui affirment que ...": the antecedent speaks
    # a cleft relay: "C'est ce qu'affirme le Times", "That's what the minister said"
    cleft = (verb.head.lower_ in lexicon.cleft_heads and verb.dep_ in ("acl:relcl", "relcl", "acl")) or any(
        c.lower_ in lexicon.cleft_objects and c.dep_ in ("dobj", "obj") for c in verb.children)
    if cleft:
        src = source if source is not None and source.lower_ not in lexicon.cleft_objects | {"qu'", "que"} \
            else inverted_subject(verb)
        if src is None:
            return None
        return Candidate(content=cue, source_head=src, kind="according_to", relays="previous", **base)  # type: ignore[arg-type]
    # a confirmation of the previous claim: "Ce rapport a été confirmé par l'officiel"
    if entry.role == "confirm" and passive and source is not None:
        subj = subject_of(verb)
        if subj is not None and (subj.lemma_.lower() in lexicon.claim_anaphors or subj.lower_ in lexicon.claim_anaphors):
            return Candidate(content=cue, source_head=source, kind="according_to", relays="confirm", **base)  # type: ignore[arg-type]
    complement = complement_of(verb, entry, lexicon) or misread_relative(verb, lexicon)
    kind = entry.kind or "indirect"
    by_object = False
    fronted = fronted_as(verb, lexicon) if complement is None else None
    if fronted is not None:
        kind = "according_to"  # "As the agency reported, P"
    elif complement is None:
        fronted = parenthetical(verb)
    if fronted is None and complement is None and not entry.takes_object:
        fronted = subject_infinitive(verb)  # "US says Iran to supply drones"
    if fronted is not None:
        content = content_span(doc, fronted, lexicon.complementizers)
    elif complement is not None:
        tokens = clause_tokens(complement)
        if complement.pos_ in ("NOUN", "PROPN", "PRON"):
            # "a affirmé que Pékin "n'a jamais fourni ..."": the parser cut the clause after its subject
            verbs = [c for c in verb.children if c.i > complement.i and c.pos_ in ("VERB", "AUX")
                     and c.dep_ in ("xcomp", "ccomp", "conj", "parataxis")]
            if verbs:
                tokens = sorted(set(tokens) | set(clause_tokens(verbs[0])), key=lambda t: t.i)
        content = content_span(doc, _before_next_cue(tokens, verb, lexicon), lexicon.complementizers)
    else:
        content = None
        head = verb.head
        comma_before = any(t.text in ",—–-(" for t in doc[min(head.i, verb.i):verb.i]) or verb.i > 0 and doc[verb.i - 1].text in ",—–"
        mark = next((c for c in verb.children if c.dep_ in ("mark", "case", "advmod") and c.lower_ in lexicon.as_marks), None)
        if mark is not None and entry.takes_object and any(c.dep_ in ("dobj", "obj") and c.i > verb.i for c in verb.children):
            mark = None  # "as the US has accused Iran of ...": a clause of its own, not "as X said"
            comma_before = False
        if mark is not None and any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
            mark = None  # "as US says Iran to supply drones": the verb's own content follows it
            comma_before = False
        if head.i != verb.i and verb.dep_ in INCISE_DEPS and head.i < verb.i and (comma_before or mark is not None) \
                and not _trailing_participle(verb):  # ", calling the accusations groundless" reports its object
            # incise after the content: "..., a ajouté l'officiel", "..., comme le montrent les documents"
            tokens = [t for t in clause_tokens(head, exclude=[verb]) if t.i < verb.i]
            content = content_span(doc, tokens, lexicon.complementizers)
            if mark is not None:
                kind = "according_to"
            if source is None or source.i < head.i:
                source = inverted_subject(verb)
        if content is None:
            content = content_span(doc, object_tokens(verb, entry, words, lexicon), lexicon.complementizers)
            by_object = content is not None and entry.needs_speaker
    if content is None:
        return None
    if source is None:
        source = inverted_subject(verb) if verb.dep_ in INCISE_DEPS else None
        if source is not None and content.start <= source.idx < content.end:
            source = None  # "d'accuser le gouvernement chinois de ...": the accused is no speaker
    if source is None:
        # "The texts state that ...": the parser hung the subject on the verb as a compound
        source = next((c for c in verb.children if c.i < verb.i and c.pos_ in ("NOUN", "PROPN")
                       and c.dep_ in ("compound", "npadvmod", "dep")), None)
    if source is None or passive_subject is not None and source.i == passive_subject.i \
            and not (source.dep_.startswith("expl") or impersonal_subject(source)):
        return None  # a passive cue's subject is what is reported on, unless impersonal (« Il a été rapporté »)
    if by_object and not speaker_like(source, lexicon):
        return None  # "De telles décisions exigent l'unanimité": a demand needs someone to make it
    return Candidate(content=content, source_head=source, kind=kind, **base)  # type: ignore[arg-type]


def noun_candidates(doc: Doc, lexicon: Lexicon) -> Iterator[Candidate]:
    """Candidates around cue nouns followed by a "that"-clause: "des spéculations ... que ..."."""
    for token in doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in lexicon.nouns:
            continue
        entry = lexicon.nouns[token.lemma_.lower()]
        sent_end = token.sent.end
        for nxt in doc[token.i + 1:min(token.i + 12, sent_end)]:
            if nxt.lower_ in lexicon.complementizers and nxt.dep_ == "mark" and nxt.head.i > token.i:
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
