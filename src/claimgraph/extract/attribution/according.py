"""According-to attributions ("selon X", "d'après X", "according to X") and cited sources ("citing X").

The source is the noun phrase after the introducing words; the content is
the rest of the sentence, before or after the phrase.
"""
from __future__ import annotations

from typing import Iterator, Optional

from spacy.tokens import Doc, Token

from claimgraph.extract.doc_text import doc_text, sentence_of, words_of
from claimgraph.extract.attribution.lexicon import Lexicon, speaker_like
from claimgraph.extract.attribution.spans import QUOTE_PAIR, Candidate, content_span, noun_phrase, tokens_span

BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", "."})


def _matches(doc: Doc, i: int, seq: tuple[str, ...]) -> bool:
    if i + len(seq) > len(doc):
        return False
    return all(doc[i + k].lower_ == word for k, word in enumerate(seq))


def _source_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """The source phrase from `start` up to a break, a finite verb or `end`."""
    out: list[Token] = []
    for tok in doc[start:end]:
        if tok.text in BREAKS or tok.is_space:
            break
        if tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm") or tok.tag_ in ("VBD", "VBZ", "VBP"):
            break
        if tok.pos_ == "SCONJ":
            break
        if out and out[0].pos_ == "PRON" and len(out[0].text) > 1:
            break  # « un choix qui enfreint selon lui la loi »: the pronoun is the whole source
        if out and out[-1].pos_ == "PROPN" and tok.pos_ == "DET" and tok.head.i > tok.i:
            break  # "According to Rathbun the property was returned": a name, then the content's subject
        if out and _relative(tok):
            break  # « d'après le média X qui citait Y, P »: the relative clause is about the source
        out.append(tok)
    return out


def _opens_sentence(doc: Doc, i: int) -> bool:
    """At the start of a sentence, or after a headline's topic and colon (« France : pour X, P »)."""
    return all(t.is_space or t.is_punct for t in doc[sentence_of(doc[i]).start:i]) or i > 0 and doc[i - 1].text == ":"


def _initial_source(doc: Doc, i: int, lexicon: Lexicon) -> Optional[tuple[str, ...]]:
    """« Pour le procureur, P »: a preposition that introduces a source only when it opens the sentence,
    with a speaker and a comma after it (not « Pour terminer, ... », « Pour ma part »)."""
    seq = next((s for s in lexicon.according_to_initial_by_first.get(doc[i].lower_, ()) if _matches(doc, i, s)), None)
    if seq is None or not _opens_sentence(doc, i):
        return None
    tokens = _source_tokens(doc, i + len(seq), sentence_of(doc[i]).end)
    if not tokens or tokens[-1].i + 1 >= len(doc) or doc[tokens[-1].i + 1].text != ",":
        return None
    head = _phrase_head(tokens)
    if not speaker_like(head, lexicon) or head.pos_ == "PRON" and "Poss" in head.morph.get("Poss"):
        return None
    return seq


def _relative(tok: Token) -> bool:
    return tok.pos_ == "PRON" and "Rel" in tok.morph.get("PronType") or tok.tag_ in ("WP", "WDT")


def _relative_end(doc: Doc, phrase_end: int, sent_end: int) -> int:
    """Where the content after a source resumes: past a relative clause on the source (« d'après le média X
    qui citait un responsable, P », "according to X, who spoke to reporters, P"), up to its comma."""
    start = phrase_end + 1 if phrase_end < sent_end and doc[phrase_end].text == "," else phrase_end
    if start >= sent_end or not _relative(doc[start]):
        return phrase_end
    comma = next((t.i for t in doc[start:sent_end] if t.text in (",", ";")), None)
    return comma + 1 if comma is not None else sent_end


def _opens_clause(doc: Doc, i: int) -> bool:
    """« car, selon elle, P », « mais, d'après lui, P »: a conjunction and a comma right before the phrase."""
    return i >= 2 and doc[i - 1].text == "," and doc[i - 2].pos_ in ("CCONJ", "SCONJ")


def _apposed_name(doc: Doc, tokens: list[Token]) -> list[Token]:
    """« Selon la chambre des notaires, Notarex, P »: the name set off after the phrase is part of it."""
    j = tokens[-1].i + 1
    if j + 2 >= len(doc) or doc[j].text != ",":
        return tokens
    k = j + 1
    while k < len(doc) and k - j <= 4 and (doc[k].pos_ == "PROPN" or doc[k].pos_ == "NOUN" and doc[k].text[:1].isupper()):
        k += 1
    if k > j + 1 and k < len(doc) and doc[k].text == ",":
        return tokens + list(doc[j:k])
    return tokens


def _phrase_head(tokens: list[Token]) -> Token:
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    nominal = [t for t in roots if t.pos_ in ("NOUN", "PROPN", "PRON", "X", "ADJ")]
    return (nominal or roots or tokens)[0]


def according_candidates(doc: Doc, lexicon: Lexicon) -> Iterator[Candidate]:
    """Candidates for every according-to phrase of `doc`."""
    lowers = words_of(doc)[1]
    firsts = lexicon.according_to_by_first.keys() | lexicon.according_to_initial_by_first.keys()
    i = 0
    while i < len(doc):
        if lowers[i] not in firsts:
            i += 1  # no phrase starts with this word (the cheap test: it runs for every word)
            continue
        seq = next((s for s in lexicon.according_to_by_first.get(doc[i].lower_, ()) if _matches(doc, i, s)), None) \
            or _initial_source(doc, i, lexicon)
        if seq is None:
            i += 1
            continue
        cue_tokens = list(doc[i:i + len(seq)])
        sent = sentence_of(doc[i])
        i += len(seq)
        if i < len(doc) and doc[i].lower_ in lexicon.relative_pronouns:
            relative = _relative_according(doc, cue_tokens, doc[i], lexicon)
            if relative is not None:
                yield relative
            continue
        src_tokens = _source_tokens(doc, i, sent.end)
        if not src_tokens:
            continue
        named = _apposed_name(doc, src_tokens)
        apposed = {t.i for t in named[len(src_tokens):]}
        src_tokens = named
        head = _phrase_head(src_tokens)
        phrase_end = src_tokens[-1].i + 1
        before = [t for t in sent if t.i < cue_tokens[0].i]
        after = [t for t in sent if t.i >= _relative_end(doc, phrase_end, sent.end)]
        if not any(t.is_alpha for t in after) and sent.end < len(doc) and \
                "," in (doc[sent.end - 1].text, doc[sent.end].text):
            after = [t for t in sentence_of(doc[sent.end])]  # the parser ended the sentence at the comma after the source
        quoted = _before_quotation(after)
        if len(quoted) < len(after) and sum(1 for t in quoted if t.is_alpha) < 3:
            after = _whole_quotation(doc, after[len(quoted) + 1:])  # « Pour l'association X, l'April : « Q » »
        else:
            after = quoted
        words_before = sum(1 for t in before if t.is_alpha)
        words_after = sum(1 for t in after if t.is_alpha)
        comma = next((t.i for t in reversed(before) if t.text in (",", ";")), None)
        if words_before >= 3 and words_after >= 3 and comma is not None and comma < cue_tokens[0].i - 1 \
                and sum(1 for t in before if t.i > comma and t.is_alpha) >= 3:
            # « X, un choix qui enfreint selon lui la loi »: the phrase speaks for its own stretch
            content = content_span(doc, [t for t in sent if t.i > comma], lexicon.complementizers)
        elif words_before >= 3 and words_after >= 3 and _opens_clause(doc, cue_tokens[0].i):
            # « X a demandé le retrait du projet car, selon lui, P »: the phrase opens the clause after it
            content = content_span(doc, after, lexicon.complementizers)
        elif words_before >= 3 and words_after >= 3:
            content = content_span(doc, list(sent), lexicon.complementizers)  # "X, selon Y, Z"
        elif words_after >= words_before:
            content = content_span(doc, after, lexicon.complementizers)
        else:
            content = content_span(doc, before, lexicon.complementizers)
        if content is None:
            continue
        conjuncts = [c for c in head.children if c.dep_ == "conj" and c.i < phrase_end and c.i not in apposed]
        conjuncts += _stray_cosources(head, phrase_end, lexicon)
        conjuncts.sort(key=lambda t: t.i)
        first = [t for t in src_tokens if not conjuncts or t.i < min(t2.left_edge.i for t2 in conjuncts)]
        while len(first) > 1 and (first[-1].dep_ == "cc" or first[-1].is_punct):
            first.pop()  # "documents seen by Reuters and" -> "documents seen by Reuters"
        hint = tokens_span(doc, first)
        yield Candidate(content=content, source_head=head, cue=tokens_span(doc, cue_tokens), kind="according_to",
                        cue_token=cue_tokens[0], source_span=hint)
        for conj in conjuncts:  # "according to documents and two intelligence sources": one record each
            yield Candidate(content=content, source_head=conj, cue=tokens_span(doc, cue_tokens), kind="according_to")


def _whole_quotation(doc: Doc, tokens: list[Token]) -> list[Token]:
    """The quotation that `tokens` open, to its closing mark even past the sentence's end."""
    if not tokens:
        return tokens
    match = QUOTE_PAIR.match(doc_text(doc), tokens[0].idx)
    span = doc.char_span(match.start(), match.end(), alignment_mode="expand") if match else None
    return list(span) if span is not None else tokens


def _before_quotation(tokens: list[Token]) -> list[Token]:
    """`tokens` up to a colon that opens a quotation: « Selon X, P : « Q » » gives P to X; the quotation is a
    record of its own (ANNOTATION 1.5)."""
    for k, tok in enumerate(tokens[:-1]):
        if tok.text == ":" and tokens[k + 1].text[:1] in "«“\"":
            return tokens[:k]
    return tokens


def _stray_cosources(head: Token, phrase_end: int, lexicon: Lexicon) -> list[Token]:
    """Co-sources the parse hung on the agent of a participle: in "according to documents seen by
    Reuters and two intelligence sources", the sources did not see the documents, they are a second
    source. Only people and documents are split off ("seen by Reuters and the BBC" stays one agent)."""
    out = []
    for part in head.children:
        if part.dep_ not in ("acl", "amod", "relcl", "acl:relcl") or part.i >= phrase_end:
            continue
        for agent in part.subtree:
            if agent.i >= phrase_end or agent.pos_ not in ("PROPN", "NOUN"):
                continue
            for conj in agent.children:
                lemma = conj.lemma_.lower()
                if conj.dep_ == "conj" and conj.i < phrase_end and conj.pos_ == "NOUN" and (
                        lemma in lexicon.person_nouns or lemma in lexicon.document_nouns) \
                        and lemma != head.lemma_.lower():
                    out.append(conj)
    return out


def _relative_according(doc: Doc, cue_tokens: list[Token], relative: Token, lexicon: Lexicon) -> Optional[Candidate]:
    """ "des informations selon lesquelles X": the antecedent noun is the source, the clause after the content."""
    before = [t for t in doc[max(cue_tokens[0].i - 4, 0):cue_tokens[0].i] if t.pos_ in ("NOUN", "PROPN")]
    if not before:
        return None
    sent_end = sentence_of(relative).end
    content = content_span(doc, list(doc[relative.i + 1:sent_end]), lexicon.complementizers)
    if content is None:
        return None
    source = [t for t in noun_phrase(before[-1]) if t.i < cue_tokens[0].i]
    return Candidate(content=content, source_head=before[-1], cue=tokens_span(doc, cue_tokens + [relative]),
                     kind="according_to", cue_token=cue_tokens[0], source_span=tokens_span(doc, source))


def cited_source(verb: Token, lexicon: Lexicon) -> Optional[tuple[Token, Token]]:
    """(citing word, cited source) of a cue: "The Times, citing a Western official, reported ..."."""
    lemmas = words_of(verb.doc)[0]
    if not any(lemmas[i] in lexicon.relay for i in range(verb.left_edge.i, verb.right_edge.i + 1)):
        return None  # the cheap test first: every word of the subtree lies between its edges
    for child in verb.subtree:
        if child.lemma_.lower() in lexicon.relay and child.dep_ in ("advcl", "acl", "xcomp", "conj", "dep") \
                and child.head.i == verb.i or child.head.head.i == verb.i and child.lemma_.lower() in lexicon.relay:
            for obj in child.children:
                if obj.dep_ in ("dobj", "obj", "pobj", "obl", "obl:arg") and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                    return child, obj
    return None


def cited_candidates(doc: Doc, lexicon: Lexicon, found: list[Candidate]) -> Iterator[Candidate]:
    """A candidate for each source cited by the source of a candidate of `found`."""
    for cand in found:
        if cand.cue_token is None or cand.relays:
            continue
        found_cite = cited_source(cand.cue_token, lexicon)
        if found_cite is None:
            continue
        citing, cited = found_cite
        yield Candidate(content=cand.content, source_head=cited, cue=tokens_span(doc, [citing]),
                        kind="according_to", relays="cited", parent_ref=cand)


def relayed_candidates(doc: Doc, lexicon: Lexicon, found: list[Candidate]) -> Iterator[Candidate]:
    """The relaying source of a source: "des documents consultés par Reuters", "invoices reviewed by Reuters";
    once per relayer and content (a quotation and its cue verb read one report twice)."""
    seen: set[tuple[int, int, int]] = set()
    for cand in found:
        head = cand.source_head
        if head is None or cand.relays:
            continue
        for child in head.children:
            if child.dep_ not in ("acl", "amod", "relcl", "acl:relcl") or child.lemma_.lower() not in lexicon.relay_participles:
                continue
            for agent in child.children:
                target = agent
                if agent.dep_ == "agent":
                    target = next((g for g in agent.children if g.dep_ == "pobj"), agent)
                elif agent.dep_ != "obl:agent" and not (agent.dep_.startswith("obl") and any(
                        g.dep_ == "case" and g.lower_ in lexicon.agent_marks for g in agent.children)):
                    continue
                if target.pos_ in ("NOUN", "PROPN", "X") and (target.i, cand.content.start, cand.content.end) not in seen:
                    seen.add((target.i, cand.content.start, cand.content.end))
                    yield Candidate(content=cand.content, source_head=target, cue=tokens_span(doc, [child]),
                                    kind="according_to", relays="cited", parent_ref=None)
                    cand.parent_ref = cand.parent_ref  # the relayed source keeps its own parent
