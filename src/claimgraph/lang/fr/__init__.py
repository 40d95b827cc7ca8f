"""French: spaCy fr_core_news_md and the data files of this folder."""
from pathlib import Path

from claimgraph.lang import LanguageSpec, register_language

SPEC = register_language(LanguageSpec(code="fr", spacy_package="fr_core_news_md", lingua_name="FRENCH",
                                      data_dir=Path(__file__).parent))
