"""Finding cue words: a lexicon cue verb with its particles ("mis en garde"), or one the tagger mistook.

`match_cue` reads a token against the language's cue lexicon (lemma, surface
form, or a repaired lemma the lemmatiser left inflected); `mistagged_cue`
catches a cue verb tagged as another word class right before a complementiser.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

from spacy.tokens import Token

from claimgraph.extract.doc_text import sentence_of
from claimgraph.extract.attribution.lexicon import CueEntry, Lexicon
from claimgraph.extract.attribution.spans import Candidate, content_span, noun_phrase, tokens_span


def match_cue(token: Token, lexicon: Lexicon) -> Optional[tuple[CueEntry, list[Token]]]:
    """The cue entry `token` starts, with its words, or None ("mis en garde" matches "mettre en garde")."""
    if token.pos_ not in ("VERB", "AUX", "ADJ", "NOUN") and token.tag_ not in ("VBN", "VBD"):
        return None
    for lemma in (token.lemma_.lower(), token.lower_, *_repaired(token, lexicon)):
        for entry in lexicon.verbs.get(lemma, []):
            if entry.reflexive and not any(c.lemma_.lower() in lexicon.reflexive_pronouns and c.i < token.i
                                           for c in token.children):
                continue  # « s'inquiète de X » reports a concern, « inquiète les marchés » does not
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
            # « a nuancé » tagged as an adjective: a participle with a tense auxiliary is a verb
            # "officials are concerned that P": a stance adjective after a copula reports like a verb
            verbal = token.pos_ in ("VERB", "AUX") or token.tag_ in ("VBN", "VBD") or token.pos_ == "ADJ" and (any(
                c.dep_ in ("aux", "aux:tense") for c in token.children) or token.dep_ == "acomp")
            if ok and (verbal or entry.rest):
                return entry, words
    return None


INQUIRY = CueEntry(certainty="underspecified", question_only=True)


def inquiry_cue(token: Token, lexicon: Lexicon) -> Optional[tuple[CueEntry, list[Token]]]:
    """"trying to establish whether P", « cherchent à savoir si P »: an inquiry verb is a cue (its content is
    kept only when it is an open question); not in `lexicon.verbs`, so no other reader takes it for a cue."""
    if token.pos_ in ("VERB", "AUX") and (token.lemma_.lower() in lexicon.inquiries or token.lower_ in lexicon.inquiries):
        return INQUIRY, [token]
    return None


def _repaired(token: Token, lexicon: Lexicon) -> list[str]:
    """Lemmas for a verb the lemmatiser left inflected (« réclame »), from `lemma_repairs`."""
    if token.lemma_.lower() != token.lower_ or token.pos_ != "VERB":
        return []
    return [token.lower_[:-len(end)] + new for end, new in lexicon.lemma_repairs.items() if token.lower_.endswith(end)]


def noun_read_cue(token: Token, lexicon: Lexicon) -> Optional[tuple[CueEntry, list[Token]]]:
    """A one-word cue verb the tagger read as a noun or adjective right before a determiner, as in an
    inverted incise after a quotation (« ... », juge le ministère; « ... », note le rapport): its form
    is a verb form of a lexicon lemma (`lemma_repairs`)."""
    if token.pos_ not in ("NOUN", "ADJ", "PROPN") or token.i + 1 >= len(token.doc) \
            or token.doc[token.i + 1].pos_ != "DET":
        return None
    for lemma in (token.lower_[:-len(end)] + new for end, new in lexicon.lemma_repairs.items()
                  if token.lower_.endswith(end)):
        entry = next((e for e in lexicon.verbs.get(lemma, []) if not e.rest and not e.reflexive), None)
        if entry is not None:
            return entry, [token]
    return None


def cue_span_tokens(verb: Token, words: list[Token]) -> list[Token]:
    """The cue's words with the tense auxiliaries before the verb ("a affirmé", "has learned")."""
    # an auxiliary across a comma belongs to another clause the parser hung here (« P a fourni ..., a précisé X »)
    auxes = [c for c in verb.children if c.i < verb.i and c.dep_ in ("aux", "aux:tense")
             and not any(t.text == "," for t in verb.doc[c.i:verb.i])]
    return sorted(auxes + words, key=lambda t: t.i)


def _fold(word: str) -> str:
    return unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode("ascii")


_STEMS: dict[int, tuple[Lexicon, dict[str, CueEntry]]] = {}


def stem_table(lexicon: Lexicon) -> dict[str, CueEntry]:
    """Accent-folded stems of the one-word cue verbs ("suggér" -> "sugger"), for tokens the tagger missed
    (built once per lexicon)."""
    cached = _STEMS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        cached = _STEMS[id(lexicon)] = (lexicon, _stem_table(lexicon))
    return cached[1]


def may_match_cue(lemma: str, lower: str, lexicon: Lexicon) -> bool:
    """Whether `match_cue` can find a cue at a word of this lemma and form (the cheap test before it):
    one of them is a cue verb, or the form ends as a lemma the lemmatiser may have left inflected."""
    return lemma in lexicon.verbs or lower in lexicon.verbs or lemma in lexicon.inquiries or (
        lemma == lower and lower.endswith(lexicon.repair_endings))


def _stem_table(lexicon: Lexicon) -> dict[str, CueEntry]:
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
    if token.i + 1 >= len(token.doc) or token.i == 0 or token.pos_ not in ("ADJ", "PROPN", "X", "ADV", "NOUN"):
        return None  # the cheap test first: this runs for every token
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
    sent = sentence_of(token)
    content = content_span(token.doc, [t for t in sent if t.i > mark.i], lexicon.complementizers)
    nominals = [t for t in sent if t.i < token.i and t.pos_ in ("NOUN", "PROPN", "PRON")]
    if content is None or not nominals:
        return None
    # the parser hung the cue on the source noun as a modifier: the source phrase stops before it
    source_span = tokens_span(token.doc, [t for t in noun_phrase(nominals[-1]) if t.i < token.i])
    return Candidate(content=content, source_head=nominals[-1], cue=tokens_span(token.doc, [token]), kind="indirect",
                     cue_certainty=entry.certainty, cue_polarity=entry.polarity, cue_token=token,
                     source_span=source_span)
