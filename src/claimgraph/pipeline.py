"""The whole per-article flow: ingest -> nlp -> extract, streaming, models loaded once."""
from __future__ import annotations

from itertools import chain, islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

import logging

from spacy.language import Language

from claimgraph.config import Settings, load_settings
from claimgraph.extract import analyze_parsed
from claimgraph.ingest import iter_inputs
from claimgraph.errors import InvalidInput
from claimgraph.lang import get_rules
from claimgraph.model import Analysis, Document, Rejection, Skipped
from claimgraph.nlp import PipelineCache
from claimgraph.nlp.pipeline import failure
from claimgraph.workers import WorkerPool, can_use_workers

log = logging.getLogger(__name__)

# What `warm_up` analyses: a text of no language, which still takes every extraction stage through its start
# (the lexicons, the learned tagger and its network load there, whatever the text holds).
WARM_UP_TEXT = "1."


def warm_up(lang: str, nlp: Language) -> None:
    """Load what extraction reads on first use, right after the language's pipeline (`PipelineCache.on_load`):
    the language's data files, the lexicons built from them, the learned tagger, the territory table. Else the
    first article paid it (about 0.3 s of CPU), in the parent before the workers fork, while they wait. Nothing
    here changes an analysis: each is loaded once per process, whoever asks first. A failure is only logged
    (the article that needs the thing fails or loads it then, as before)."""
    from claimgraph.resolve.territories import lookup_territory

    try:
        rules = get_rules(lang)
        for path in sorted(rules.spec.data_dir.glob("*.yaml")):
            rules.data(path.stem)
        analyze_parsed(Document(id="warm-up", text=WARM_UP_TEXT, lang=lang), nlp(WARM_UP_TEXT))
        lookup_territory(lang)
    except Exception as exc:  # noqa: BLE001  (loading ahead only saves time)
        log.debug("warm-up of %s failed: %s", lang, exc)


class Analyzer:
    """Analyse documents with pipelines cached for the life of the object."""

    def __init__(self, settings: Optional[Settings] = None) -> None:
        self.settings = settings or load_settings()
        self.pipelines = PipelineCache(self.settings)
        self.pipelines.on_load = warm_up
        self.workers = WorkerPool(self, self.settings.n_process)
        # Work for a later stage done on each analysis where it is made (in the workers when there are some):
        # `claimgraph ingest` encodes the graph's sentences here (graph/article_vectors.py).
        self.prepare: Optional[Callable[[Analysis], None]] = None

    def analyze_all(self, documents: Iterable[Document]) -> Iterator[Union[Analysis, Rejection]]:
        """The analysis of each document, in order, or a `Rejection` saying why it has none.

        Whatever goes wrong with one article (parse, extraction) stays with it:
        the other articles of its batch and of the run are analysed all the same.
        With `n_process` > 1 and more than one batch of input, the articles go to
        worker processes (claimgraph.workers); the analyses are the same.
        """
        if self.settings.n_process <= 1 or not can_use_workers():
            yield from self._analyze_here(documents)
            return
        stream = iter(documents)
        # Languages detected here first (an article without one is 'und' until parsed): otherwise the parent
        # loads no pipeline for them and every worker loads its own copy (about 700 MB each, not shared).
        head = [self.pipelines.with_language(d) for d in islice(stream, self.settings.batch_size + 1)]
        if len(head) <= self.settings.batch_size:  # one batch: not worth starting workers
            yield from self._analyze_here(head)
            return
        # Each language's pipeline is loaded here, before the workers fork: they inherit it and what
        # `warm_up` loaded with it instead of each loading its own. With a `prepare` hook (ingest's sentence
        # encoder, loaded on first use) the first article of each language is also analysed here; else the
        # workers start at once rather than wait for it (about 0.1-0.2 s with one core idle).
        first = sorted({d.lang: i for i, d in reversed(list(enumerate(head))) if d.lang != "und"}.values())
        for i in first:
            try:
                self.pipelines.get(head[i].lang)
            except Exception:  # noqa: BLE001  (its articles are rejected where they are parsed, as before)
                pass
        if self.prepare is None:
            first = []
        here = dict(zip(first, self._analyze_here([head[i] for i in first])))
        pooled = self.workers.analyze(chain((d for i, d in enumerate(head) if i not in here), stream))
        for i in range(len(head)):
            yield here[i] if i in here else next(pooled)
        yield from pooled

    def close(self) -> None:
        """Stop the worker processes, if any were started (they also end with the program)."""
        self.workers.close()

    def _analyze_here(self, documents: Iterable[Document]) -> Iterator[Union[Analysis, Rejection]]:
        for document, parsed in self.pipelines.parse(documents):
            if isinstance(parsed, Rejection):
                yield parsed
                continue
            try:
                analysis = analyze_parsed(document, parsed)
            except Exception as exc:  # noqa: BLE001  (an extraction bug on one article must not end the run)
                yield failure(document, "analysis failed", exc)
                continue
            if self.prepare is not None:
                try:
                    self.prepare(analysis)
                except Exception:  # noqa: BLE001  (work done ahead only saves time: the later stage does it)
                    analysis.prepared.clear()
            yield analysis

    def analyze(self, documents: Iterable[Document], rejected: Optional[list[Rejection]] = None) -> Iterator[Analysis]:
        """The analyses of `documents`. An article that fails is appended to `rejected`; with no
        list given, it raises `InvalidInput` (one article analysed on its own, as `analyze_text`)."""
        for item in self.analyze_all(documents):
            if isinstance(item, Analysis):
                yield item
            elif rejected is not None:
                rejected.append(item)
            else:
                raise InvalidInput(f"{item.path}: {item.reason}", {"detail": item.detail})

    def analyze_text(self, text: str, lang: str = "und", **fields: Optional[str]) -> Analysis:
        """Analyse one text given in memory (id = sha256 of its UTF-8 bytes)."""
        from claimgraph.ingest.bytes import sha256_hex

        document = Document(id=sha256_hex(text.encode("utf-8")), text=text, lang=lang, **fields)  # type: ignore[arg-type]
        return next(self.analyze([document]))

    def analyze_paths(self, paths: Iterable[Union[str, Path]],
                      rejected: Optional[list[Rejection]] = None,
                      skipped: Optional[list[Skipped]] = None) -> Iterator[Analysis]:
        """Analyse every article under `paths`; rejections are appended to `rejected`, skipped files to `skipped`."""
        rejected_sink = rejected if rejected is not None else []
        skipped_sink = skipped if skipped is not None else []

        def documents() -> Iterator[Document]:
            for item in iter_inputs(paths, self.settings):
                if isinstance(item, Rejection):
                    rejected_sink.append(item)
                elif isinstance(item, Skipped):
                    skipped_sink.append(item)
                else:
                    yield item

        yield from self.analyze(documents(), rejected_sink)
