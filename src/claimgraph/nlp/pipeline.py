"""Load each language's spaCy pipeline once, detect languages, parse in batches."""
from __future__ import annotations

import logging
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Iterator, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.config import Settings
from claimgraph.lang import get_language, get_rules
from claimgraph.model import Document
from claimgraph.nlp.components import add_components
from claimgraph.nlp.asides import without_asides
from claimgraph.nlp.stand_ins import ParsingHints, load_parsing_hints, with_stand_ins

log = logging.getLogger(__name__)

# How much of an article the detector reads: whole paragraphs, never names alone.
DETECT_CHARS = 3000


@lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...]):  # type: ignore[no-untyped-def]
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = [getattr(IsoCode639_1, code.upper()) for code in codes]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).with_preloaded_language_models().build()


def detect_language(text: str, codes: tuple[str, ...]) -> Optional[str]:
    """ISO 639-1 code of `text` among `codes` (lingua), or None when it cannot tell."""
    found = _detector(tuple(sorted(codes))).detect_language_of(text[:DETECT_CHARS])
    return found.iso_code_639_1.name.lower() if found is not None else None


class PipelineCache:
    """spaCy pipelines by language code, each loaded at most once per process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._loaded: dict[str, Optional[Language]] = {}
        self._hints: dict[str, ParsingHints] = {}

    def get(self, lang: str) -> Optional[Language]:
        """The pipeline for `lang`, or None when the language has no spaCy package here."""
        if lang not in self._loaded:
            spec = get_language(lang)
            if spec is None or spec.spacy_package is None:
                self._loaded[lang] = None
            else:
                nlp = spacy.load(spec.spacy_package)
                self._loaded[lang] = add_components(nlp, get_rules(lang))
                self._hints[lang] = load_parsing_hints(get_rules(lang))
        return self._loaded[lang]

    def with_language(self, document: Document) -> Document:
        """`document` with its `lang` set: kept when given, detected otherwise."""
        if document.lang and document.lang != "und":
            return document
        found = detect_language(document.text, self.settings.detect_languages)
        return replace(document, lang=found or "und")

    def parse(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Optional[Doc]]]:
        """Parse documents in batches per language, yielding them in input order.

        A document whose language has no pipeline comes back with `None`.
        """
        batch: list[Document] = []
        for document in documents:
            batch.append(self.with_language(document))
            if len(batch) >= self.settings.batch_size:
                yield from self._parse_batch(batch)
                batch = []
        if batch:
            yield from self._parse_batch(batch)

    def _parse_batch(self, batch: list[Document]) -> Iterator[tuple[Document, Optional[Doc]]]:
        parsed: dict[int, Optional[Doc]] = {}
        for lang in {d.lang for d in batch}:
            indexes = [i for i, d in enumerate(batch) if d.lang == lang]
            nlp = self.get(lang)
            if nlp is None:
                parsed.update({i: None for i in indexes})
                continue
            texts = (batch[i].text for i in indexes)
            for i, doc in zip(indexes, nlp.pipe(texts, batch_size=self.settings.batch_size)):
                parsed[i] = without_asides(nlp, with_stand_ins(nlp, doc, self._hints[lang]), self._hints[lang])
        for i, document in enumerate(batch):
            yield document, parsed[i]
