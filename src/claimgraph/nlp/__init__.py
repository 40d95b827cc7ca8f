"""nlp: spaCy pipelines per language, loaded once per process, batched with `nlp.pipe`."""
from claimgraph.nlp.pipeline import PipelineCache, detect_language

__all__ = ["PipelineCache", "detect_language"]
