"""The gazetteer's entity ruler: known names become entities before the statistical NER runs.

One `PhraseMatcher` on lowercased tokens finds every surface form of the
gazetteer (all languages: "NATO" appears in French articles) plus the
institution phrases of the pipeline's language ("le gouvernement chinois").
A match is then checked against the casing of the form it came from, so that
names stay names: a capital in the form needs a capital in the text ("The
Times" but not "at the times"), an acronym must be written in capitals ("AP",
"US", not "us"); institution phrases match in any case. Short forms ("G3",
"Kupol") count only in an article that also has a full form of the same entry.
A place name followed by a capitalised word is left to the NER, since it
likely starts a longer name ("Brussels Monitor", "Moscow Times"). Bare
institution phrases ("the foreign ministry") get the key `institution:<kind>`;
extract/entities.py finds their country in the context. Entities get the
contract type as label and the gazetteer key as `ent_id_`; the NER then fills
in around them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from claimgraph.lang import LanguageRules

FACTORY = "claimgraph_gazetteer"
# Letter case rules of a form: "name" = check capitals, "any" = ignore case.
CASE_NAME, CASE_ANY = "name", "any"
# `ent_id_` prefix of bare institution phrases, whose country comes from the context.
BARE_INSTITUTION = "institution:"
# `ent_id_` of media outlets found by their naming pattern rather than by the gazetteer.
MEDIA = "media:"


@dataclass(frozen=True, slots=True)
class FormInfo:
    """What a matched phrase may be: which entry, from which form, under which case rule."""

    key: str
    type: str
    tokens: tuple[str, ...]
    case: str
    short: bool
    place: bool = False


def case_fits(form_tokens: tuple[str, ...], text_tokens: list[str]) -> bool:
    """Whether text tokens respect the capitals of a gazetteer form.

    form_tokens (tuple[str, ...]): the form's tokens as written in the gazetteer.
    text_tokens (list[str]): the matched tokens as written in the article.
    RETURNS (bool): True when every capitalised form token is capitalised in the
        text and every acronym (2+ capital letters, no lowercase) is written exactly.
    """
    if len(form_tokens) != len(text_tokens):
        return False
    for form, text in zip(form_tokens, text_tokens):
        letters = [c for c in form if c.isalpha()]
        if sum(c.isupper() for c in letters) >= 2 and not any(c.islower() for c in letters):
            if text != form and text.replace(".", "") != form.replace(".", ""):
                return False
        elif letters and letters[0].isupper() and not text[:1].isupper():
            return False
    return True


def inside_longer_name(doc: Doc, start: int, end: int, match_starts: set[int], match_ends: set[int],
                       links: frozenset[str] = frozenset(), heads: frozenset[str] = frozenset()) -> bool:
    """Whether a place name at tokens start..end is part of a longer name: a capitalised
    proper noun right after it ("Brussels Monitor", "Paris Saint-Germain") or right before
    it ("George Washington"), that is not another known name ("Russia Ukraine") and not
    in a title-case headline ("Beijing Denies Arming Russia"); or the complement of a
    capitalised word or geographic noun (`heads`) through a link word (`links`):
    "Capitole des États-Unis", "golfe de Finlande"."""
    neighbours = []
    if end < len(doc) and end not in match_starts and not doc[end].is_sent_start:
        neighbours.append(doc[end])
    if start > 0 and start not in match_ends and not doc[start].is_sent_start:
        neighbours.append(doc[start - 1])
    if start > 1 and doc[start - 1].lower_ in links and start - 1 not in match_ends:
        head = doc[start - 2]
        if (head.text[:1].isupper() and head.is_alpha and not head.is_sent_start) or head.lower_ in heads:
            return True
    if not any(t.is_alpha and t.text[:1].isupper() and t.pos_ in ("PROPN", "X", "") for t in neighbours):
        return False
    sentence = doc[start].sent if doc.has_annotation("SENT_START") else doc[:]
    line = [t for t in sentence if t.is_alpha and len(t) > 3]
    return sum(t.text[:1].isupper() for t in line) <= 0.6 * len(line)


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and (token.is_alpha or token.text[-1:] in "'’")


def _dateline_credit(doc: Doc, index: int) -> Optional[Span]:
    """The outlet credited in a dateline starting at token `index` ("LONDON (Reuters) -"), or None."""
    token = doc[index]
    at_line_start = index == 0 or (doc[index - 1].is_space and "\n" in doc[index - 1].text)
    if not (at_line_start and token.is_upper and token.is_alpha and len(token) > 2):
        return None
    end = index + 1
    while end < len(doc) and doc[end].is_upper and doc[end].is_alpha:
        end += 1  # "NEW YORK"
    if end >= len(doc) or doc[end].text != "(":
        return None
    close = next((i for i in range(end + 1, min(end + 7, len(doc))) if doc[i].text == ")"), None)
    if close is None or close == end + 1 or not all(_capitalised(t) for t in doc[end + 1:close] if t.is_alpha):
        return None
    return Span(doc, end + 1, close, label="ORG", span_id=MEDIA)


class GazetteerRuler:
    """spaCy component: gazetteer forms -> `doc.ents` (label = type, ent_id_ = entry key)."""

    def __init__(self, nlp: Language, lang: str) -> None:
        from claimgraph.lang import get_rules
        from claimgraph.resolve.gazetteer import bare_institution_phrases, default_gazetteer, institution_phrases

        gazetteer = default_gazetteer()
        rules = get_rules(lang)
        lang_data = rules.data("entities") if rules.has("entities") else {}
        candidates: list[tuple[str, str, str, str, bool]] = []  # form, key, type, case, short
        for entry in gazetteer:
            candidates += [(form, entry.key, entry.type, CASE_NAME, False) for form in entry.forms(lang)]
            candidates += [(form, entry.key, entry.type, CASE_NAME, True) for form in entry.forms(lang, short=True)]
        candidates += [(phrase, entry.key, entry.type, CASE_ANY, False)
                       for phrase, entry in institution_phrases(gazetteer, lang, lang_data)]
        candidates += [(phrase, BARE_INSTITUTION + kind, "ORG", CASE_ANY, False)
                       for phrase, kind in bare_institution_phrases(lang_data)]
        self.media_words = frozenset(lang_data.get("media_words", []))
        self.name_links = frozenset(w.lower() for w in lang_data.get("name_links", []))
        self.loc_heads = frozenset(w.lower() for w in lang_data.get("loc_heads", []))
        self.media_adjective_after = bool(lang_data.get("media_adjective_after", False))
        # Links compare without spaces: tokenisers split "de l'" differently alone and in context.
        self.media_links = [link.lower().replace(" ", "") for link in lang_data.get("media_links", [])]
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.infos: dict[str, list[FormInfo]] = {}
        docs = (nlp.make_doc(form) for form, *_ in candidates)
        for (form, key, etype, case, short), form_doc in zip(candidates, docs):
            tokens = tuple(t.text for t in form_doc)
            match_id = " ".join(t.lower() for t in tokens)
            infos = self.infos.get(match_id)
            if infos is None:
                infos = self.infos[match_id] = []
                self.matcher.add(match_id, [form_doc])
            info = FormInfo(key, etype, tokens, case, short, place=etype in ("GPE", "LOC"))
            if info not in infos:
                infos.append(info)

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[Span, FormInfo]] = []
        matches = self.matcher(doc)
        starts = {start for _, start, _ in matches}
        ends = {end for _, _, end in matches}
        for match_id, start, end in matches:
            text_tokens = [t.text for t in doc[start:end]]
            for info in self.infos[doc.vocab.strings[match_id]]:
                if info.place and inside_longer_name(doc, start, end, starts, ends, self.name_links, self.loc_heads):
                    continue
                if info.case == CASE_ANY or case_fits(info.tokens, text_tokens):
                    found.append((Span(doc, start, end, label=info.type, span_id=info.key), info))
                    break
        named = {info.key for _, info in found if not info.short}
        spans = [span for span, info in found if not info.short or info.key in named]
        # Outlet names beat the places and bare media words inside them ("Brussels Monitor",
        # "Los Angeles Times"), not other known names ("BBC News" stays the BBC).
        taken = {i for span in spans if span.label_ not in ("GPE", "LOC") and span.text not in self.media_words
                 for i in range(span.start, span.end)}
        spans += [span for span in self.outlet_spans(doc) if not taken.intersection(range(span.start, span.end))]
        doc.ents = filter_spans([*doc.ents, *spans])
        return doc

    def outlet_spans(self, doc: Doc) -> list[Span]:
        """Media outlets the gazetteer may not know, found by how papers are named and cited.

        * a dateline's credit: "BEIJING (Pacific Ledger) -", "PARIS (AFP) -";
        * a capitalised media word ("Courier", "Review", "Quotidien") with the capitalised
          words before it, a lowercase adjective after it where the language puts them
          there ("Courrier atlantique") and a linked capitalised word ("Quotidien de l'Est").
        """
        spans = [span for span in (_dateline_credit(doc, i) for i in range(len(doc))) if span is not None]
        for token in doc:
            if token.text not in self.media_words or token.is_sent_start:
                continue
            start, end = token.i, token.i + 1
            while start > 0 and _capitalised(doc[start - 1]) and not doc[start].is_sent_start:
                start -= 1
            while end < len(doc) and _capitalised(doc[end]) and doc[end].pos_ == "PROPN":
                end += 1
            if self.media_adjective_after and end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].is_lower:
                end += 1
            for after in range(end + 1, min(end + 4, len(doc))):
                if "".join(t.lower_ for t in doc[end:after]) in self.media_links and _capitalised(doc[after]):
                    end = after + 1
                    break
            if end - start >= 2:
                spans.append(Span(doc, start, end, label="ORG", span_id=MEDIA))
        return spans


@Language.factory(FACTORY, default_config={"lang": ""})
def make_gazetteer_ruler(nlp: Language, name: str, lang: str) -> GazetteerRuler:
    """Factory of the `claimgraph_gazetteer` component (lang = the pipeline's language code)."""
    return GazetteerRuler(nlp, lang or str(nlp.lang))


def add_entity_ruler(nlp: Language, rules: LanguageRules) -> None:
    """Add the gazetteer ruler before the statistical NER (or last when there is none).

    nlp (Language): a freshly loaded pipeline.
    rules (LanguageRules): the pipeline's language.
    """
    if FACTORY in nlp.pipe_names:
        return
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(FACTORY, before="ner", config={"lang": rules.code})
    else:
        nlp.add_pipe(FACTORY, last=True, config={"lang": rules.code})
