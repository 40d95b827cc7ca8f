"""Load each language's spaCy pipeline once, detect languages, parse in batches."""
from __future__ import annotations

import logging
from dataclasses import replace
from functools import lru_cache
from typing import Callable, Iterable, Iterator, Optional, Union

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.config import Settings
from claimgraph.lang import get_language, get_rules
from claimgraph.model import Document, Rejection
from claimgraph.nlp.components import ParseSteps, add_components, parsed_alone, parsed_together
from claimgraph.nlp.asides import aside_steps
from claimgraph.nlp.headline_case import Lexicon, headline_lexicon, headline_steps
from claimgraph.nlp.chunks import CHUNK_CHARS, parse_in_pieces
from claimgraph.nlp.stand_ins import ParsingHints, load_parsing_hints, stand_in_steps

log = logging.getLogger(__name__)

# How much of an article the detector reads: whole paragraphs, never names alone.
DETECT_CHARS = 3000

# What `parse` yields for one document: its parse, None (no pipeline for its language), or why it failed.
Parsed = Union[Doc, None, Rejection]


def repair_steps(doc: Doc, hints: ParsingHints, lexicon: Optional[Lexicon] = None) -> ParseSteps:
    """The second parses of an article in steps (nlp/components.py): a Title-Case headline in sentence case,
    its stand-in verbs, then its asides."""
    doc = yield from headline_steps(doc, hints, lexicon)
    doc = yield from stand_in_steps(doc, hints)
    return (yield from aside_steps(doc, hints))


def failure(document: Document, reason: str, exc: BaseException) -> Rejection:
    """A rejection for one document whose processing raised `exc` (the batch goes on)."""
    return Rejection(document.path or document.id, reason, f"{type(exc).__name__}: {exc}"[:500])


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
        # Called once with (lang, pipeline) right after a pipeline loads: the Analyzer loads there what its
        # later stages read on first use (pipeline.py `warm_up`), so that the load holds the whole load
        self.on_load: Optional[Callable[[str, Language], None]] = None

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
                headline_lexicon(self._loaded[lang])  # built on a Title-Case headline's first re-parse else
                if self.on_load is not None:
                    self.on_load(lang, self._loaded[lang])
        return self._loaded[lang]

    def with_language(self, document: Document) -> Document:
        """`document` with its `lang` set: kept when given, detected otherwise."""
        if document.lang and document.lang != "und":
            return document
        try:
            found = detect_language(document.text, self.settings.detect_languages)
        except Exception as exc:  # noqa: BLE001  (undetected is a warning later, never the batch's end)
            log.warning("language detection failed for %s: %s", document.path or document.id, exc)
            found = None
        return replace(document, lang=found or "und")

    def parse(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Parsed]]:
        """Parse documents in batches per language, yielding them in input order.

        A document whose language has no pipeline comes back with `None`; one
        that cannot be parsed comes back with a `Rejection` saying why, and
        the other documents of its batch are parsed all the same.
        """
        batch: list[Document] = []
        for document in documents:
            batch.append(self.with_language(document))
            if len(batch) >= self.settings.batch_size:
                yield from self.parse_batch(batch)
                batch = []
        if batch:
            yield from self.parse_batch(batch)

    def parse_batch(self, batch: list[Document]) -> Iterator[tuple[Document, Parsed]]:
        """One batch, each language through its pipeline's `nlp.pipe` (the unit a parallel parser splits)."""
        parsed: dict[int, Parsed] = {}
        for lang in {d.lang for d in batch}:
            indexes = [i for i, d in enumerate(batch) if d.lang == lang]
            try:
                nlp = self.get(lang)
            except Exception as exc:  # noqa: BLE001  (a broken language package rejects its articles only)
                parsed.update({i: failure(batch[i], "language pipeline failed to load", exc) for i in indexes})
                continue
            if nlp is None:
                parsed.update({i: None for i in indexes})
                continue
            parsed.update(self._parse_language(nlp, lang, [(i, batch[i]) for i in indexes]))
        for i, document in enumerate(batch):
            yield document, parsed[i]

    def _parse_language(self, nlp: Language, lang: str, items: list[tuple[int, Document]]) -> dict[int, Parsed]:
        parsed: dict[int, Parsed] = {}
        fitting = []
        for i, document in items:
            if len(document.text) > nlp.max_length:
                # parsed in pieces it would fit, but several extraction stages grow faster than the text
                parsed[i] = Rejection(document.path or document.id, "text too long",
                                      f"{len(document.text):,} characters; the analysis reads at most "
                                      f"{nlp.max_length:,} (split the article)")
            elif len(document.text) > CHUNK_CHARS:  # parsed alone, in pieces: memory stays bounded
                parsed[i] = self._parse_long(nlp, lang, document)
            else:
                fitting.append((i, document))
        try:
            docs = list(nlp.pipe((d.text for _, d in fitting), batch_size=self.settings.batch_size))
        except Exception:  # noqa: BLE001  (one bad text fails the whole pipe: parse the batch one by one)
            docs = [self._parse_one(nlp, document) for _, document in fitting]
        ready = []
        for (i, document), doc in zip(fitting, docs):
            if isinstance(doc, Rejection):
                parsed[i] = doc
            else:
                ready.append((i, document, doc))
        parsed.update(self._reparsed_together(nlp, lang, ready))
        return parsed

    def _parse_long(self, nlp: Language, lang: str, document: Document) -> Union[Doc, Rejection]:
        try:
            doc = parse_in_pieces(nlp, document.text)
        except Exception as exc:  # noqa: BLE001
            return failure(document, "parse failed", exc)
        return self._reparsed(nlp, lang, document, doc)

    def _parse_one(self, nlp: Language, document: Document) -> Union[Doc, Rejection]:
        try:
            return nlp(document.text)
        except Exception as exc:  # noqa: BLE001
            return failure(document, "parse failed", exc)

    def _reparsed_together(self, nlp: Language, lang: str,
                           ready: list[tuple[int, Document, Doc]]) -> dict[int, Union[Doc, Rejection]]:
        """`_reparsed` of each article of a batch, their second parses sharing `nlp.pipe` calls (the same parses)."""
        hints = self._hints[lang]
        try:
            results = parsed_together(nlp, [repair_steps(doc, hints, headline_lexicon(nlp)) for _, _, doc in ready])
        except Exception:  # noqa: BLE001  (the shared parse failed: each article alone, as they came)
            return {i: self._reparsed(nlp, lang, document, doc) for i, document, doc in ready}
        return {i: failure(document, "parse failed", result) if isinstance(result, Exception) else result
                for (i, document, _), result in zip(ready, results)}

    def _reparsed(self, nlp: Language, lang: str, document: Document, doc: Doc) -> Union[Doc, Rejection]:
        try:
            return parsed_alone(nlp, repair_steps(doc, self._hints[lang], headline_lexicon(nlp)))
        except Exception as exc:  # noqa: BLE001
            return failure(document, "parse failed", exc)
