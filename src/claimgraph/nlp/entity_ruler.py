"""The gazetteer's entity ruler: known names become entities before the statistical NER runs.

One `PhraseMatcher` on lowercased tokens finds every surface form of the
gazetteer (all languages: "NATO" appears in French articles) plus the
institution phrases of the pipeline's language ("le gouvernement chinois").
A match is then checked against the casing of the form it came from, so that
names stay names: a capital in the form needs a capital in the text ("The
Times" but not "at the times"), an acronym must be written in capitals ("AP",
"US", not "us"); institution phrases match in any case. Short forms ("G3",
"Kupol") count only in an article that also has a full form of the same entry.
Entities get the contract type as label and the gazetteer key as `ent_id_`;
the NER then fills in around them.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimgraph.lang import LanguageRules

FACTORY = "claimgraph_gazetteer"
# Letter case rules of a form: "name" = check capitals, "any" = ignore case.
CASE_NAME, CASE_ANY = "name", "any"


@dataclass(frozen=True, slots=True)
class FormInfo:
    """What a matched phrase may be: which entry, from which form, under which case rule."""

    key: str
    type: str
    tokens: tuple[str, ...]
    case: str
    short: bool


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


class GazetteerRuler:
    """spaCy component: gazetteer forms -> `doc.ents` (label = type, ent_id_ = entry key)."""

    def __init__(self, nlp: Language, lang: str) -> None:
        from claimgraph.lang import get_rules
        from claimgraph.resolve.gazetteer import default_gazetteer, institution_phrases

        gazetteer = default_gazetteer()
        rules = get_rules(lang)
        lang_data = rules.data("entities") if rules.has("entities") else {}
        candidates: list[tuple[str, str, str, str, bool]] = []  # form, key, type, case, short
        for entry in gazetteer:
            candidates += [(form, entry.key, entry.type, CASE_NAME, False) for form in entry.forms(lang)]
            candidates += [(form, entry.key, entry.type, CASE_NAME, True) for form in entry.forms(lang, short=True)]
        candidates += [(phrase, entry.key, entry.type, CASE_ANY, False)
                       for phrase, entry in institution_phrases(gazetteer, lang, lang_data)]
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.infos: dict[str, list[FormInfo]] = {}
        docs = nlp.tokenizer.pipe(form for form, *_ in candidates)
        for (form, key, etype, case, short), form_doc in zip(candidates, docs):
            tokens = tuple(t.text for t in form_doc)
            match_id = " ".join(t.lower() for t in tokens)
            infos = self.infos.get(match_id)
            if infos is None:
                infos = self.infos[match_id] = []
                self.matcher.add(match_id, [form_doc])
            info = FormInfo(key, etype, tokens, case, short)
            if info not in infos:
                infos.append(info)

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[Span, FormInfo]] = []
        for match_id, start, end in self.matcher(doc):
            text_tokens = [t.text for t in doc[start:end]]
            for info in self.infos[doc.vocab.strings[match_id]]:
                if info.case == CASE_ANY or case_fits(info.tokens, text_tokens):
                    found.append((Span(doc, start, end, label=info.type, span_id=info.key), info))
                    break
        named = {info.key for _, info in found if not info.short}
        spans = [span for span, info in found if not info.short or info.key in named]
        kept = filter_spans([*doc.ents, *spans]) if doc.ents else filter_spans(spans)
        doc.ents = kept
        return doc


@Language.factory(FACTORY, default_config={"lang": ""})
def make_gazetteer_ruler(nlp: Language, name: str, lang: str) -> GazetteerRuler:
    """Factory of the `claimgraph_gazetteer` component (lang = the pipeline's language code)."""
    return GazetteerRuler(nlp, lang or nlp.lang)


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
