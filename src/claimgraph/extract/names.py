"""What makes a span a name: trimming, cleaning and the checks that keep capitalised common words out."""
from __future__ import annotations

from typing import Any, Optional

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

# Parts of speech a capitalised word of a name never has (a capitalised verb or adverb is sentence-initial).
FUNCTION_POS = ("VERB", "AUX", "ADV", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "INTJ")
QUOTES = "\"'«»“”„‘’`"
# Parts of speech of the small words a name never ends with ("Tolvik Museum of Art at", "Tolvik Institute and").
LINK_POS = ("ADP", "CCONJ", "SCONJ", "DET")
POSSESSIVES = ("'s", "’s", "'", "’")


def trim_tokens(ent: SpacySpan, data: dict[str, Any]) -> Optional[SpacySpan]:
    """`ent` without leading determiners/honorifics and surrounding quotes, punctuation, possessives."""
    strip_first = {w.lower() for w in data.get("determiners", [])} | {w.lower() for w in data.get("honorifics", [])}
    start, end = ent.start, ent.end
    # A name never runs over a line break: a title line's last word is no part of the next line's name.
    end = next((t.i for t in ent if t.is_space and "\n" in t.text and t.i > start), end)
    # Nor over an opening bracket it does not close ("Tolvik Union (TU" -> "Tolvik Union").
    opened = [t.i for t in ent.doc[start:end] if t.text == "("]
    if opened and not any(t.text == ")" for t in ent.doc[opened[-1]:end]):
        end = opened[-1]
    while start < end and (ent.doc[start].lower_ in strip_first or _is_edge_punct(ent.doc[start])):
        start += 1
    determiners = {w.lower() for w in data.get("determiners", [])}
    links = {w.lower() for w in data.get("name_links", [])}
    # A name ends with neither a possessive nor a link word or article the NER ran on with (« l'Énergie de l' »).
    while end > start and (ent.doc[end - 1].lower_ in POSSESSIVES or _is_edge_punct(ent.doc[end - 1])
                           or (ent.doc[end - 1].is_lower and (ent.doc[end - 1].lower_ in links | determiners
                                                              or ent.doc[end - 1].pos_ in LINK_POS))):
        end -= 1
    if ent.label_ in ("PER", "PERSON"):
        particles = {w.lower() for w in data.get("name_particles", [])}
        for inner in range(end - 2, start, -1):
            # « du Rassemblement national Marine Tolvik »: a lowercase word inside a person's span ends
            # the words before it, which are no part of the name.
            word = ent.doc[inner]
            if word.is_lower and word.is_alpha and word.lower_ not in particles and ent.doc[inner + 1].text[:1].isupper():
                start = inner + 1
                break
    for inner in range(end - 2, start, -1):
        # "According to Rathbun the Tolvik property": the NER ran two names together over a determiner.
        if ent.doc[inner].lower_ in determiners and ent.doc[inner].is_lower and ent.doc[inner - 1].lower_ not in links \
                and ent.doc[inner].lower_ not in {w.lower() for w in data.get("name_particles", [])} \
                and ent.doc[inner - 1].text[:1].isupper():
            start = inner + 1
            break
    return ent.doc[start:end] if end > start else None


def _is_edge_punct(token: Token) -> bool:
    return token.is_punct or token.is_space or all(c in QUOTES for c in token.text)


def clean_name(text: str) -> str:
    """A display name for an unknown entity: quotes gone, spaces collapsed."""
    cleaned = "".join(" " if c in QUOTES and c not in "'’" else c for c in text)
    return " ".join(cleaned.split()).strip(" -,.;:")


def looks_like_name(tokens: SpacySpan) -> bool:
    """True when some token is a proper noun, an acronym or a capitalised word inside a sentence.

    French NER labels sentence-initial words; a capital at the start of a
    sentence is no evidence of a name, one inside a sentence is (the French
    tagger often calls country names NOUN, so the part of speech alone is not).
    A lowercase start is fine when a capitalised word follows ("lac Tchad").
    """
    if not tokens.text[:1].isupper() and not any(t.text[:1].isupper() for t in tokens[1:]):
        return False
    for token in tokens:
        if token.pos_ == "PROPN" or (token.is_upper and len(token.text) > 1 and token.is_alpha):
            return True
        if token.text[:1].isupper() and not token.is_sent_start and token.pos_ not in FUNCTION_POS:
            return True
    return False


def is_not_entity(tokens: SpacySpan, data: dict[str, Any]) -> bool:
    """Words the NER takes for names but the contract does not: listed words ("the West",
    "État"), nationality adjectives and demonyms ("Ukrainian", "les Chinois")."""
    name = clean_name(tokens.text).casefold()
    if name in {w.casefold() for w in data.get("not_entities", [])}:
        return True
    if len(tokens) == 1 and tokens[0].pos_ == "ADJ":
        return True
    demonyms = {form.casefold() for forms in (data.get("nationalities") or {}).values() for form in forms}
    words = name.split()
    if len(words) >= 2 and words[0] in {w.casefold() for w in data.get("not_entities", [])} \
            and all(w in demonyms for w in words[1:]):
        return True  # « l'État hongrois », « le chef d'État français »: a common noun and a nationality
    return name in demonyms or (name.endswith("s") and name[:-1] in demonyms)


def place_type(tokens: SpacySpan, data: dict[str, Any]) -> str:
    """GPE or LOC for an unknown place the NER called LOC: LOC when headed by a geographic noun."""
    heads = {w.lower() for w in data.get("loc_heads", [])}
    return "LOC" if any(t.lower_ in heads for t in tokens[:2]) else "GPE"


__all__ = ["clean_name", "is_not_entity", "looks_like_name", "place_type", "trim_tokens"]
