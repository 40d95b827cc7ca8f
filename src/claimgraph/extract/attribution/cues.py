"""Reported speech around a cue verb: "X a affirmé que ...", "..., sources said".

The parse links a cue verb to its subject (the source, or the agent of a
passive: "confirmé par X") and to its complement clause (the content). When
the cue sits in an incise after the content ("..., a ajouté l'officiel";
"..., sources said"), the content is the clause it interrupts. Cue nouns are
read in `noun_cues.py`, the words of a cue found in `cue_words.py`, the
grammar around it in `cue_arguments.py`, its participles in `participles.py`.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator, Optional

from spacy.tokens import Doc, Token

from claimgraph.extract.attribution.cue_arguments import (agent_of, complement_of, inverted_subject, is_passive,
                                                          copular_subject, relative_antecedent, stranded_subject)
from claimgraph.extract.doc_text import doc_text, labels_of, sentence_of, texts_of, words_of
from claimgraph.extract.attribution.cue_words import (cue_span_tokens, inquiry_cue, match_cue, may_match_cue, mistagged_cue,
                                                      stem_table)
from claimgraph.extract.attribution.incises import (clause_after_mark, clause_on_oblique, fronted_as, inverted_clitic,
                                                    misread_relative, object_read_as_subject, parenthetical, postposed_root,
                                                    second_that_clause, subject_infinitive)
from claimgraph.extract.attribution.lexicon import CueEntry, Lexicon, impersonal_subject, speaker_like
from claimgraph.extract.attribution.objects import object_tokens, stance_complement
from claimgraph.extract.attribution.participles import gerund, participle_noun, present_participle, trailing_participle
from claimgraph.extract.attribution.spans import (Candidate, before_gloss, clause_tokens, to_closing_mark,
                                                  conjoined_to_reported_passive, content_span, noun_phrase, on_line_of,
                                                  open_question, question_content, quotations, subject_of, tokens_span)
from claimgraph.extract.factuality import assess_tokens
from claimgraph.model import Span

INCISE_DEPS = frozenset({"advcl", "parataxis", "conj", "dep", "ccomp", "acl", "acl:relcl"})


def _before_next_cue(tokens: list[Token], verb: Token, lexicon: Lexicon) -> list[Token]:
    """A content stops where a participle cue opens the speaker's next statement:
    « « A » a-t-il précisé en ajoutant : « B » » gives A to « précisé » and B to « ajoutant » (ANNOTATION 1.5)."""
    texts, lowers = texts_of(verb.doc), words_of(verb.doc)[1]
    last = len(verb.doc) - 1
    for tok in tokens:
        i = tok.i
        if i <= verb.i or i >= last or texts[i + 1] != ":" and lowers[i + 1] not in lexicon.complementizers:
            continue
        present = tok.tag_ == "VBG" or "Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense")
        # "said trade should not be disrupted and warned that B": "warned" is the speaker's next statement
        if (present or conjoined_to_reported_passive(tok)) and match_cue(tok, lexicon) is not None:
            kept = [t for t in tokens if t.i < tok.i]
            while kept and (kept[-1].pos_ in ("ADP", "CCONJ") or kept[-1].text in ",;" or
                            kept[-1].i == tok.i - 1 and kept[-1].is_lower and len(kept[-1].text) <= 2):
                kept.pop()  # "en ajoutant", ", ajoutant"
            return kept or tokens
    return tokens


def _reports_own_object(verb: Token, subject: Optional[Token], entry: CueEntry, words: list[Token],
                        lexicon: Lexicon) -> bool:
    """« ..., la gauche montrant du doigt X »: a cue with its subject before it and an object after it
    reports that object; an incise reports the clause before it and has nothing of its own after."""
    return subject is not None and subject.i < verb.i and entry.takes_object \
        and bool(object_tokens(verb, entry, words, lexicon))


def _reduced_passive(verb: Token, entry: CueEntry, lexicon: Lexicon) -> Optional[tuple[Span, Token]]:
    """(content, agent) of a past participle after its noun with an agent: « des chiffres relativisés par
    Febelfin » (Febelfin plays the figures down). Relay participles (« cités par ») are relays instead."""
    if verb.dep_ not in ("acl", "amod") or verb.head.pos_ not in ("NOUN", "PROPN") or verb.head.i > verb.i \
            or present_participle(verb) or not entry.takes_object or entry.nominal or entry.role == "confirm" \
            or verb.lemma_.lower() in lexicon.relay_participles \
            or not ("Part" in verb.morph.get("VerbForm") or verb.tag_ == "VBN"):
        return None
    agent = agent_of(verb, lexicon)
    content = tokens_span(verb.doc, [t for t in noun_phrase(verb.head) if t.i < verb.i])
    return (content, agent) if agent is not None and content is not None else None


def _before_occasion_clause(doc: Doc, content: Span, lexicon: Lexicon) -> Span:
    """"said he would rush weapons to the front as he signed the aid bill": a past clause opened by an
    `occasion_marks` word, with a pronoun subject, after a content in the future of the past is when the words
    were said (ANNOTATION 1.9: the time of the statement is left out)."""
    if not lexicon.occasion_marks:
        return content
    span = doc.char_span(content.start, content.end, alignment_mode="expand")
    if span is None:
        return content
    _, tags, deps = labels_of(doc)
    for tok in (doc[i] for i in range(span.start, span.end) if deps[i] == "advcl" and tags[i] == "VBD"):
        if tok.head.i not in range(span.start, span.end) \
                or not any(c.dep_ == "mark" and c.lower_ in lexicon.occasion_marks for c in tok.children) \
                or not any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in tok.children) \
                or not any(c.lower_ in lexicon.future_auxiliaries for c in tok.head.children if c.dep_ == "aux"):
            continue
        kept = [t for t in span if t.i < tok.left_edge.i]
        return content_span(doc, kept, lexicon.complementizers) or content
    return content


def _before_contrast_report(doc: Doc, content: Span, lexicon: Lexicon) -> Span:
    """"told the paper there was no sign of fault while a former commander said P": a clause opened by a
    `contrast_marks` word whose verb is a cue with its own subject is that speaker's report; the content ends
    before it."""
    span = doc.char_span(content.start, content.end, alignment_mode="expand") if lexicon.contrast_marks else None
    for tok in span or ():
        if tok.dep_ == "mark" and tok.lower_ in lexicon.contrast_marks and tok.head.i in range(span.start, span.end) \
                and match_cue(tok.head, lexicon) is not None and subject_of(tok.head) is not None \
                and subject_of(tok.head).i > tok.i and tok.i > span.start:
            return content_span(doc, [t for t in span if t.i < tok.i], lexicon.complementizers) or content
    return content


def _relative_speaker(verb: Token, source: Optional[Token], lexicon: Lexicon) -> bool:
    """« le collectif, qui assure « parler au nom du peuple » »: a relative clause whose pronoun speaks reports
    its own complement, not the clause it hangs on."""
    return verb.dep_ in ("acl:relcl", "relcl") and source is not None and any(
        c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and c.i < verb.i and (
            c.lower_ in lexicon.relative_speakers or "Rel" in c.morph.get("PronType")) for c in verb.children)


def _opens_colon(verb: Token) -> bool:
    """"X a déclaré : « ... »": the words after the colon are the statement, not the clause before the cue."""
    nxt = verb.i + 1
    while nxt < len(verb.doc) and verb.doc[nxt].is_space:
        nxt += 1
    return nxt < len(verb.doc) and verb.doc[nxt].text == ":"


def _subordinated(verb: Token, lexicon: Lexicon) -> bool:
    """« tandis que la gauche dénonce X », "while officials criticised X": a cue in a clause of its own
    (not "as X said") reports its own object, not the clause before it."""
    return any(c.dep_ == "mark" and c.lower_ not in lexicon.as_marks for c in verb.children)


def verb_candidates(doc: Doc, lexicon: Lexicon) -> Iterator[Candidate]:
    """Candidates around every cue verb of `doc`."""
    stems = stem_table(lexicon)
    quoted = quoted_offsets(doc_text(doc))
    lemmas, lowers = words_of(doc)
    # the cheap test by index (it runs for every word): a cue word, or a word right before a complementiser
    # (mistagged_cue's first need); a Token is made only for the words that pass
    followed = [lower in lexicon.complementizers for lower in lowers[1:]] + [False]
    for i in [i for i, (lemma, lower) in enumerate(zip(lemmas, lowers))
              if followed[i] or may_match_cue(lemma, lower, lexicon)]:
        token = doc[i]
        found = match_cue(token, lexicon) or inquiry_cue(token, lexicon)
        if found is None:
            fallback = mistagged_cue(token, lexicon, stems)
            if fallback is not None:
                yield fallback
            continue
        entry, words = found
        if token.head.lemma_.lower() in lexicon.idiom_heads.get(token.lemma_.lower(), ()) \
                and 0 < token.i - token.head.i <= 2:
            continue  # « ce qui veut dire que P »: "means", not a report (« P voudrait ..., a-t-il dit » is one)
        if entry.nominal and (any(c.dep_ == "mark" and c.lower_ in lexicon.question_marks for c in token.children)
                              or token.tag_ == "VB" or "Inf" in token.morph.get("VerbForm")):
            continue  # "if it supports the scheme", "sites forced to support old browsers": no stance taken
        # « avait fait savoir que P » parsed with « savoir » as the head: the cue is read from its head word
        anchor = next((w for w in words[1:] if token.head.i == w.i and w.pos_ in ("VERB", "AUX")), token)
        candidate = read_cue(doc, anchor, entry, words, lexicon)
        if candidate is None or _speaker_hedge(candidate, entry) or _own_voice(candidate) \
                or _own_words(candidate, quoted):
            continue
        if entry.question_only and (candidate.source_head is None or not speaker_like(candidate.source_head, lexicon)
                                    or question_content(doc, candidate.content, lexicon.question_marks) is candidate.content):
            continue  # "established that P" asks nothing; « reste à savoir si » is the narrator's
        candidate.content = on_line_of(doc, candidate.content, token)  # a headline is not the body's first clause
        candidate.content = _within_quote(doc, candidate.content, token, quoted, lexicon)
        if candidate.content is None:
            continue
        candidate.content = to_closing_mark(doc, _before_contrast_report(
            doc, _before_occasion_clause(doc, candidate.content, lexicon), lexicon))
        if _negated(token, lexicon):
            if open_question(doc, candidate.content, lexicon.question_marks):
                continue  # "officials did not say why ...": nothing is reported
            candidate.cue_polarity = None if candidate.cue_polarity == "negative" else "negative"
        if entry.certainty == "underspecified" or token.lemma_.lower() in lexicon.question_cues:  # "asked whether P": P
            candidate.content = question_content(doc, candidate.content, lexicon.question_marks)
        yield from split_that_clauses(doc, candidate, lexicon)


def split_that_clauses(doc: Doc, candidate: Candidate, lexicon: Lexicon) -> Iterator[Candidate]:
    """"said A and that B": two records when A and B differ in certainty or polarity, else one (ANNOTATION 1.5)."""
    span = doc.char_span(candidate.content.start, candidate.content.end, alignment_mode="expand")
    # a second clause hangs on the first as a conjunct: the labels by index first, the Tokens only then
    parts = second_that_clause(list(span), lexicon) \
        if span is not None and "conj" in labels_of(doc)[2][span.start:span.end] else None
    if parts is None or assess_tokens(parts[0], lexicon) == assess_tokens(parts[1], lexicon):
        yield candidate
        return
    for part in parts:
        content = content_span(doc, part, lexicon.complementizers)
        if content is not None:
            yield replace(candidate, content=content)


def _negated(verb: Token, lexicon: Lexicon) -> bool:
    return any(c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ in lexicon.negators for c in verb.children)


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
    return [(start, end) for start, end, _ in quotations(text)]


def _within_quote(doc: Doc, content: Optional[Span], cue: Token, quoted: list[tuple[int, int]],
                  lexicon: Lexicon) -> Optional[Span]:
    """A cue inside a quotation reports within it: « ... et mes résultats prouvent que je le peux », a déclaré X
    gives « j'en suis capable », not the incise after the closing mark."""
    if content is None:
        return None
    around = next(((start, end) for start, end in quoted if start < cue.idx < end), None)
    if around is None or content.end <= around[1] - 1 or content.start >= around[1]:
        return content
    inside = doc.char_span(content.start, around[1] - 1, alignment_mode="contract")
    return content_span(doc, list(inside), lexicon.complementizers) if inside is not None and len(inside) else content


def _own_words(candidate: Candidate, quoted: list[tuple[int, int]]) -> bool:
    """« Je promets le changement », « nous demandons ... » inside a quotation: the speaker's own verbs
    make no record of their own (ANNOTATION 1.7); the quotation is the speaker's record."""
    head = candidate.source_head
    if head is None or head.pos_ != "PRON" or "1" not in head.morph.get("Person"):
        return False
    return any(start < head.idx < end for start, end in quoted)



def read_cue(doc: Doc, verb: Token, entry: CueEntry, words: list[Token], lexicon: Lexicon) -> Optional[Candidate]:
    """The attribution made by the cue `verb`, or None when it reports nothing readable."""
    cue = tokens_span(doc, cue_span_tokens(verb, words))
    base = dict(cue=cue, cue_certainty=entry.certainty, cue_polarity=entry.polarity, cue_token=verb)
    passive = is_passive(verb)
    source = agent_of(verb, lexicon) if passive else \
        subject_of(verb) or stranded_subject(verb) or copular_subject(verb)
    passive_subject = subject_of(verb) if passive else None  # what is reported on, never who reports
    if gerund(verb, lexicon):
        source = subject_of(verb.head) or subject_of(sentence_of(verb).root) or source
    elif trailing_participle(verb, lexicon):
        # "X rejected reports that Y had supplied engines, calling the accusations groundless": a
        # participle set off at the end speaks for the sentence's subject, wherever the parser hung it
        source = subject_of(sentence_of(verb).root) or source
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
        pronoun = source
        source = relative_antecedent(verb)  # "des documents, qui affirment que ...": the antecedent speaks
        if source is not None and pronoun.i > source.i and not entry.takes_object:  # « un accord qui prévoit que P »
            base["source_span"] = tokens_span(doc, [t for t in noun_phrase(source) if t.i < pronoun.i])
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
    stance = stance_complement(verb, lexicon)
    if stance is not None:  # « s'est dit déterminé à agir »: what the stance adjective bears on
        adjective, reflexive, tokens = stance
        content = content_span(doc, tokens, lexicon.complementizers)
        source = source or inverted_subject(verb)
        if content is None or source is None:
            return None
        base["cue"] = tokens_span(doc, cue_span_tokens(verb, [reflexive, *words, adjective]))
        return Candidate(content=content, source_head=source, kind=entry.kind or "indirect", **base)  # type: ignore[arg-type]
    reduced = _reduced_passive(verb, entry, lexicon)
    if reduced is not None:  # « des chiffres relativisés par Febelfin », "accusations rejected by Beijing"
        content, agent = reduced
        return Candidate(content=content, source_head=agent, kind=entry.kind or "indirect", **base)  # type: ignore[arg-type]
    complement = complement_of(verb, entry, lexicon) or misread_relative(verb, lexicon) \
        or clause_on_oblique(verb, lexicon)
    if complement is None and passive and entry.takes_object and not entry.nominal and source is not None \
            and passive_subject is not None \
            and passive_subject.pos_ in ("NOUN", "PROPN"):
        # « L'hypothèse a été émise par deux physiciens », "the claims were rejected by the ministry": the
        # agent speaks, the passive subject is what it says
        content = tokens_span(doc, noun_phrase(passive_subject))
        if content is None:
            return None
        return Candidate(content=content, source_head=source, kind=entry.kind or "indirect", **base)  # type: ignore[arg-type]
    kind = entry.kind or "indirect"
    by_object = False
    fronted = fronted_as(verb, lexicon) if complement is None else None
    if fronted is not None:
        kind = "according_to"  # "As the agency reported, P"
    elif complement is None:
        fronted = postposed_root(verb, lexicon)  # « P, a précisé son ministre X » read with the cue as root
        if fronted is not None:
            source = inverted_subject(verb) or next((c for c in verb.children if inverted_clitic(c)), None)
        else:
            # a gerund is no reporting clause set into its host (« Tout en insistant sur X, le candidat ... »)
            fronted = (None if gerund(verb, lexicon) else parenthetical(verb)) or clause_after_mark(verb, lexicon)
    if fronted is None and complement is None and not entry.takes_object:
        fronted = subject_infinitive(verb) or object_read_as_subject(verb)  # "Norway says Chile to buy ferries"
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
        content = content_span(doc, before_gloss(_before_next_cue(tokens, verb, lexicon)), lexicon.complementizers)
    else:
        content = None
        head = verb.head
        comma_before = any(t.text in ",—–-(" for t in doc[min(head.i, verb.i):verb.i]) or verb.i > 0 and doc[verb.i - 1].text in ",—–"
        mark = next((c for c in verb.children if c.dep_ in ("mark", "case", "advmod") and c.lower_ in lexicon.as_marks), None)
        if mark is not None and entry.takes_object and any(c.dep_ in ("dobj", "obj") and c.i > verb.i for c in verb.children):
            mark = None  # "as Peru has accused Chile of ...": a clause of its own, not "as X said"
            comma_before = False
        if mark is not None and any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
            mark = None  # "as Norway says Chile to buy ferries": the verb's own content follows it
            comma_before = False
        if head.i != verb.i and verb.dep_ in INCISE_DEPS and head.i < verb.i and (comma_before or mark is not None) \
                and not trailing_participle(verb, lexicon) and not _subordinated(verb, lexicon) \
                and not _opens_colon(verb) and not _relative_speaker(verb, source, lexicon) \
                and not _reports_own_object(verb, source, entry, words, lexicon):
            # ", calling the accusations groundless" reports its object
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
    described = participle_noun(verb) if source is None else None
    if described is not None:  # "information indicating that ...": the phrase stops before the participle
        source = described
        base["source_span"] = tokens_span(doc, [t for t in noun_phrase(described) if t.i < verb.i])
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
        return None  # "Un tel vote exige la majorité": a demand needs someone to make it
    if source.i > verb.i and source.dep_ in ("obj", "dobj") and not speaker_like(source, lexicon):
        return None  # '"..., and expect good relations with its neighbours"': the cue's object is no inverted speaker
    return Candidate(content=content, source_head=source, kind=kind, **base)  # type: ignore[arg-type]
