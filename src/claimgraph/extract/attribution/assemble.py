"""From candidates to attributions: merge duplicates, link chains, settle sources and factuality."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimgraph.extract.doc_text import children_of, labels_of, sentence_of, texts_of
from claimgraph.extract.attribution.lexicon import Lexicon, impersonal_subject, modal_level
from claimgraph.extract.attribution.sources import SourceResolver
from claimgraph.extract.attribution.spans import Candidate, content_span, doc_text, subject_of
from claimgraph.extract.factuality import assess_tokens, weakest
from claimgraph.model import Attribution, Entity, Source, Span

WORD = re.compile(r"\w+")
# Preference when two extractors read the same content: the richer reading wins.
KIND_RANK = {"direct": 3, "mixed": 3, "according_to": 2, "indirect": 1}


def _words(doc: Doc, span: Span) -> frozenset[int]:
    return _word_starts(span.start, span.text)


@lru_cache(maxsize=4096)
def _word_starts(start: int, text: str) -> frozenset[int]:
    """Offsets of the words of a span's text; merging compares every pair of candidates, so each
    content's words are found once."""
    return frozenset(m.start() + start for m in WORD.finditer(text))


def overlap(doc: Doc, a: Span, b: Span) -> float:
    """Dice of the word positions of two spans (the scorer's notion of a match)."""
    wa, wb = _words(doc, a), _words(doc, b)
    if not wa or not wb:
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def _strength(c: Candidate, lexicon: Lexicon) -> tuple[int, int]:
    weak_source = c.source_head is None or c.source_head.dep_.startswith("expl") or \
        c.source_head.lower_ in lexicon.unspecified_pronouns or impersonal_subject(c.source_head)
    return (0 if weak_source else 1, KIND_RANK.get(c.kind, 0) + (1 if c.cue_token is not None else 0))


def _same_reading(a: Candidate, b: Candidate, lexicon: Lexicon) -> bool:
    """Two readings of one report: same cue word, same source word, or one of them has no real source."""
    if a.cue_token is not None and a.cue_token is b.cue_token:
        return True
    if a.source_head is not None and b.source_head is not None and a.source_head.i == b.source_head.i:
        return True
    return _strength(a, lexicon)[0] == 0 or _strength(b, lexicon)[0] == 0


def _part_of(kept: Candidate, cand: Candidate) -> bool:
    """One cue read twice, once for a whole quotation and once for a clause inside it."""
    return kept.cue_token is not None and cand.cue_token is not None and kept.cue_token.i == cand.cue_token.i and \
        kept.content.start <= cand.content.start and cand.content.end <= kept.content.end


def _embeds(outer: Candidate, inner: Candidate, lexicon: Lexicon) -> bool:
    """A bare quotation that holds another report, cue and all ("“Our data indicates that P,”" after "Ana Ruiz
    said ..."): two records, the quote's and the one inside it (ANNOTATION 1.7), not two readings of one."""
    return outer.cue_token is None and outer.source_head is None and inner.cue_token is not None \
        and outer.content.start <= inner.cue_token.idx < outer.content.end \
        and outer.content.start < inner.content.start and inner.content.end <= outer.content.end \
        and inner.source_head is not None and outer.content.start <= inner.source_head.idx < inner.cue_token.idx \
        and _after_complementizer(inner, lexicon)


def _reported_inside(outer: Candidate, inner: Candidate) -> bool:
    """"officials are trying to establish whether P, one of the sources said": a report whose cue lies inside
    another's content is embedded in it (ANNOTATION 1.7), two records, whatever their sources."""
    return outer.cue_token is not None and inner.cue_token is not None and outer.cue_token.i != inner.cue_token.i \
        and inner.source_head is not None and outer.content.start <= inner.source_head.idx < outer.content.end \
        and outer.content.start <= inner.cue_token.idx < outer.content.end \
        and not inner.content.start <= outer.cue_token.idx < inner.content.end


def _after_complementizer(cand: Candidate, lexicon: Lexicon) -> bool:
    """The content opens right after "that" / « que »: reported speech, not a stance ("are concerned about X")."""
    doc = cand.cue_token.doc if cand.cue_token is not None else None
    if doc is None:
        return False
    first = doc.char_span(cand.content.start, cand.content.start + 1, alignment_mode="expand")
    return first is not None and len(first) > 0 and first[0].i > 0 \
        and doc[first[0].i - 1].lower_ in lexicon.complementizers


def merge_duplicates(doc: Doc, found: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """Keep one candidate per content read twice (a quote and its cue verb, "selon" and "il est rapporté")."""
    kept: list[Candidate] = []
    # a bare quotation inside another report's content is a quoted fragment of it, not a statement of its own
    found = [c for c in found if not (c.cue_token is None and c.source_head is None and c.source_type is None and any(
        o is not c and o.cue_token is not None and o.content.start <= c.content.start and c.content.end <= o.content.end + 2
        for o in found))]
    for cand in sorted(found, key=lambda c: _strength(c, lexicon), reverse=True):
        if cand.relays:
            kept.append(cand)
            continue
        clash = next((k for k in kept if not k.relays and (overlap(doc, k.content, cand.content) >= 0.5
                      and _same_reading(k, cand, lexicon) and not _embeds(k, cand, lexicon) and not _embeds(cand, k, lexicon)
                      and not _reported_inside(k, cand) and not _reported_inside(cand, k) or _part_of(k, cand))), None)
        if clash is None:
            kept.append(cand)
    return sorted(kept, key=lambda c: (c.content.start if not c.relays else c.cue.start if c.cue else 0))


def link_chains(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """Fill the content of relays and confirmations and point them at the claims they relay."""
    ordered = sorted(found, key=lambda c: c.cue.start if c.cue else c.content.start)
    out: list[Candidate] = []
    for cand in ordered:
        if cand.relays == "previous" and cand.cue_token is not None:
            sent = sentence_of(cand.cue_token)
            prev = sentence_of(doc[sent.start - 1]) if sent.start > 0 else None
            while prev is not None and not prev.text.strip() and prev.start > 0:
                prev = sentence_of(doc[prev.start - 1])
            if prev is None:
                continue
            content = content_span(doc, list(prev))
            if content is None:
                continue
            cand.content = content
            for other in out:
                if other.content.start >= prev.start_char and other.content.end <= prev.end_char + 1:
                    other.parent_ref = cand
        elif cand.relays == "confirm":
            earlier = [o for o in out if o.cue is not None and cand.cue is not None and o.cue.start < cand.cue.start]
            if not earlier:
                continue
            target = earlier[-1]
            cand.content = target.content
            cand.parent_ref = target
        out.append(cand)
    return out


def cue_context(token: Optional[Token], lexicon: Lexicon) -> str:
    """Certainty a cue inherits from what governs it: "Il semble que l'on croie", "may have told"."""
    if token is None:
        return "certain"
    levels: list[Optional[str]] = []
    node, doc = token, token.doc
    _, tags, deps = labels_of(doc)
    texts, children = texts_of(doc), children_of(doc)  # read by index: a Token only for an auxiliary
    for _ in range(3):
        for j in children[node.i]:
            if deps[j].startswith("aux") or tags[j] == "MD":
                levels.append(modal_level(doc[j], lexicon))
        if node.head.i == node.i:
            break
        head = node.head
        if any("\n" in texts[j] for j in range(min(node.i, head.i), max(node.i, head.i))):
            break  # a parse that runs across paragraphs is not a governing verb
        if node.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in lexicon.raising:
            levels.append(lexicon.raising[head.lemma_.lower()])
        if node.dep_ == "xcomp":
            levels.append(modal_level(head, lexicon))
        node = head
    return weakest(*levels)


QUOTED_FRAGMENT = re.compile(r"[«“\"][^«“\"»”]*\w[^«“\"»”]*[»”\"]")
OPEN_MARKS, CLOSE_MARKS = "«“\"", "»”\""


def speech_kind(text: str, kind: str, content: Span, complementizers: frozenset[str] = frozenset(),
                infinitive: bool = False) -> str:
    """Indirect speech that quotes the speaker's words is `mixed`; a content that is a whole quotation is `direct`.

    The content span may stop just before the closing mark of a quoted fragment
    ("a rejeté des accusations « provocatrices »"), so the marks are looked for
    in the content and the few characters around it.
    """
    if kind not in ("indirect", "according_to"):
        return kind
    before = text[max(0, content.start - 3):content.start]
    after = text[content.end:content.end + 3]
    inner = content.text
    opened = (before.rstrip()[-1:] in OPEN_MARKS or before.rstrip().endswith("''")) and before.strip() != ""
    closed = (after.lstrip()[:1] in CLOSE_MARKS or after.lstrip().startswith("''")) and after.strip() != ""
    split = after.lstrip()[:1] == ","  # « A, a déclaré X, B »: the quotation goes on after the incise
    lead = WORD.findall(text[max(0, content.start - 12):content.start])
    after_that = bool(lead) and lead[-1].lower() in {c.strip("'’") for c in complementizers} and kind == "indirect"
    prefix = text[:content.start].rstrip()
    # « qui assure « parler au nom du peuple » »: a quoted infinitive right after its verb is mixed, not direct
    after_verb = infinitive and prefix[-1:] in OPEN_MARKS and prefix[:-1].rstrip()[-1:].isalpha() and kind == "indirect"
    if opened and (closed or split) and not re.search(r"[«»“”]", inner) and inner.count('"') == 0 \
            and not after_that and not after_verb:
        return "direct"
    if opened and closed and (after_that or after_verb):
        return "mixed"  # « a affirmé que « ... » »: a que-clause wholly in quotes stays mixed (ANNOTATION 1.8)  # the whole content is the quotation: « La Chine n'a jamais ... », a déclaré X
    if kind == "according_to":
        return kind  # a quoted fragment after "selon X" stays according_to (ANNOTATION 1.8)
    widened = inner + (after[:after.find(after.lstrip()[:1]) + 1] if closed else "")
    if QUOTED_FRAGMENT.search(widened) or _opens_quote(inner):
        return "mixed"
    return kind


def _opens_quote(inner: str) -> bool:
    """A quotation opened inside the content and closed after it: 'to prevent use for "peaceful purposes,"'."""
    last_open = max(inner.rfind("“"), inner.rfind("«"))
    if last_open >= 0 and last_open > max(inner.rfind("”"), inner.rfind("»")) and re.search(r"\w", inner[last_open:]):
        return True
    if inner.count('"') % 2 == 1:
        last = inner.rfind('"')
        return last > 0 and inner[last - 1] == " " and re.search(r"\w", inner[last:]) is not None
    return False


def _cue_already_counted(cand: Candidate, content: Optional[SpacySpan]) -> bool:
    """"a démenti avoir livré": the content's own polarity already counts the denial verb that
    governs its infinitive (the event reading needs that), so the cue must not flip it back."""
    if cand.cue_token is None or content is None:
        return False
    return any(t.head.i == cand.cue_token.i and t.dep_ == "xcomp" for t in content)


def reading_order(c: Candidate) -> tuple[int, int]:
    """Records by content position; a cited source comes right after the record that cites it
    ("les documents cités par Reuters, qui affirment que X": documents, then Reuters); relays of the
    previous sentence go by their cue."""
    if c.relays == "cited":
        return (c.content.start, 1)
    if c.relays:
        return (c.cue.start if c.cue else 0, 0)
    return (c.content.start, 0)


# Marks that end a dateline or a subheading before the sentence's own subject ("CITY (AP) — Officials said").
LINE_BREAKS = frozenset({"—", "–"})


def inverted_clitic(verb: Token) -> Optional[Token]:
    """The clitic subject after a French verb or its auxiliary: « a-t-elle affirmé », « insiste-t-on »."""
    clitics = [c for c in verb.children if c.pos_ == "PRON" and c.text.startswith("-") and c.lower_ not in ("-t", "-t-")
               and c.dep_ in ("nsubj", "expl:subj", "nsubj:pass")]
    return clitics[-1] if clitics else None


def _stretch_subject(doc: Doc, start: int, cue: Token) -> Optional[Token]:
    """The noun phrase heading the words from token `start` up to the cue ("Les neuf membres du conseil ont
    exhorté" after a subheading the parser joined to it)."""
    inside = range(start, cue.i)
    for tok in doc[start:cue.i]:
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.head.i not in inside and "Yes" not in tok.morph.get("Reflex") \
                and (tok.dep_ not in ("obj", "iobj", "dobj", "expl:comp", "expl:pv") or tok.head.i < start):
            # an object of a verb on the line before is the parser joining a subheading to this line
            return tok
    return None


# Words that may stand between a subject and its verb: determiners, adjectives, auxiliaries, clitics, adverbs.
SUBJECT_GAP_POS = frozenset({"DET", "ADJ", "AUX", "ADV", "PRON", "NUM"})


def _subject_after_comma(doc: Doc, head: Token, cue: Token) -> Optional[Token]:
    """The noun right before the cue after a comma, when the parser took a noun of the clause before the
    comma as the subject (« La Syrie n'ayant pas ratifié la convention, l'ONG a demandé »: not the
    convention). Only a bare noun phrase may stand between the comma and the cue."""
    if head.i >= cue.i or head.dep_ not in ("nsubj", "nsubj:pass", "nsubjpass") or head.pos_ not in ("NOUN", "PROPN"):
        return None
    commas = [t.i for t in doc[head.i + 1:cue.i] if t.text == ","]
    if not commas:
        return None
    gap = doc[commas[-1] + 1:cue.i]
    nouns = [t for t in gap if t.pos_ in ("NOUN", "PROPN")]
    if not nouns or any(t.pos_ not in SUBJECT_GAP_POS and t.pos_ not in ("NOUN", "PROPN") for t in gap) \
            or any(t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and t.head.i != cue.i for t in gap):
        return None
    if any(t.pos_ in ("AUX",) for t in gap if t.i < nouns[0].i):
        return None
    return nouns[0] if nouns[0].head.i not in range(gap.start, gap.end) else None


def _written_in(cue: Token, lexicon: Lexicon) -> Optional[Token]:
    """« « P », est-il écrit dans le rapport »: an impersonal passive cue whose place is a document has the
    document as its source (ANNOTATION 1.10), not the expletive « il »."""
    if not any(c.dep_ in ("aux:pass", "auxpass") or c.lemma_ in ("être", "be") for c in cue.children if c.i < cue.i + 2):
        return None
    return next((c for c in cue.children if c.i > cue.i and c.pos_ == "NOUN" and c.dep_.startswith("obl")
                 and c.lemma_.lower() in lexicon.document_nouns
                 and any(g.dep_ == "case" and g.lower_ in lexicon.place_preps for g in c.children)), None)


def settled_head(doc: Doc, cand: Candidate, lexicon: Lexicon) -> Optional[Token]:
    """The source head of a candidate, mended where the parse misleads the cue readers: an inverted clitic
    is the subject of its verb and of a gerund hung on it (« », a-t-il assuré, ajoutant que « »); a head
    that is punctuation or sits on another line than its cue (a subheading) gives way to the noun phrase
    before the cue on the cue's line."""
    cue, head = cand.cue_token, cand.source_head
    if cue is None or cand.source_type is not None:
        return head
    clitic = inverted_clitic(cue)
    if clitic is None and cue.dep_ == "advcl" and "Part" in cue.morph.get("VerbForm") and cue.head.i < cue.i:
        clitic = inverted_clitic(cue.head)
    if clitic is not None:
        return _written_in(cue, lexicon) or clitic
    if head is None:
        return head
    after = [c for c in cue.children if c.dep_ == "nsubj" and c.i > cue.i and c.pos_ in ("PROPN", "NOUN")]
    if after and head.i < cue.i and head.dep_ == "nsubj" and head.head.i == cue.i:
        return after[0]  # "Institutional recipients, said Ana Ruiz, are": the incise's own subject
    if head.head.i == cue.i and head.dep_ in ("dobj", "obj") and head.i > cue.i and cue.dep_ in ("advcl", "xcomp") \
            and "Inf" in cue.morph.get("VerbForm"):
        return subject_of(cue.head) or head  # "Ana Ruiz travelled to Oslo to warn officials that": not the officials
    cut_off = _subject_after_comma(doc, head, cue)
    if cut_off is not None:
        return cut_off
    between = doc[min(head.i, cue.i):max(head.i, cue.i)]
    breaks = [t.i for t in between if "\n" in t.text or t.text in LINE_BREAKS]
    if not (head.is_punct or breaks):
        return head
    anchor = cue
    while anchor.dep_ == "conj" and anchor.head.i < anchor.i and anchor.head.i > (breaks[-1] if breaks else head.i):
        anchor = anchor.head  # « Les puissances ont exhorté ... et s'engagent »: the first verb's subject
    start = breaks[-1] + 1 if breaks and head.i < cue.i else anchor.i
    while not breaks and start > sentence_of(anchor).start and not doc[start - 1].is_sent_end:
        start -= 1
    return _stretch_subject(doc, start, anchor) or head


def build_attributions(doc: Doc, found: list[Candidate], lexicon: Lexicon,
                       entities: list[Entity]) -> list[Attribution]:
    """The attributions of the candidates, in reading order, with ids a1, a2, ..."""
    resolver = SourceResolver(doc, lexicon, entities)
    ordered = sorted(found, key=reading_order)
    sources: dict[int, Source] = {}
    heads = {id(c): settled_head(doc, c, lexicon) for c in ordered}
    for cand in sorted(ordered, key=lambda c: (h.idx if (h := heads[id(c)]) is not None else c.content.start)):
        head = heads[id(cand)]
        if cand.source_type is not None and cand.source_span is not None:
            sources[id(cand)] = Source(cand.source_span, cand.source_type)
        elif head is not None:
            sources[id(cand)] = resolver.resolve(head, cand.source_span if head is cand.source_head else None)
    reported = [c.content for c in ordered]
    relayers = {sources[id(c)].span.start for c in ordered if c.relays == "cited" and id(c) in sources}
    for cand in ordered:  # bare quotations: the speaker of the previous attribution or a person named since
        if id(cand) not in sources:
            prev = resolver.quote_speaker(cand.content.start, reported, relayers)
            if prev is not None:
                sources[id(cand)] = prev
    for cand in ordered:
        if cand.source_type is not None:
            continue  # "X is said to ...": the agentless cue sits inside its own content
        if id(cand) in sources and overlap(doc, sources[id(cand)].span, cand.content) >= 0.5:
            del sources[id(cand)]  # "le quotidien britannique The Times ... cite": a source is never its own content
    ids = {id(c): f"a{n + 1}" for n, c in enumerate(c for c in ordered if id(c) in sources)}
    result: list[Attribution] = []
    for cand in ordered:
        if id(cand) not in sources:
            continue
        span = doc.char_span(cand.content.start, cand.content.end, alignment_mode="expand")
        certainty, polarity = assess_tokens(list(span) if span is not None else [], lexicon)
        certainty = weakest(certainty, cand.cue_certainty, cue_context(cand.cue_token, lexicon))
        if cand.cue_polarity == "negative" and not _cue_already_counted(cand, span):
            polarity = "negative" if polarity == "positive" else "positive"
        infinitive = span is not None and len(span) > 0 and "Inf" in next(
            (t for t in span if not t.is_punct), span[0]).morph.get("VerbForm")
        kind = speech_kind(doc_text(doc), cand.kind, cand.content, lexicon.complementizers, infinitive)
        parent = ids.get(id(cand.parent_ref)) if cand.parent_ref is not None else None
        result.append(Attribution(id=ids[id(cand)], source=sources[id(cand)], cue=cand.cue, content=cand.content,
                                  kind=kind, certainty=certainty, polarity=polarity, parent=parent))
    return result
