"""Doc -> attributions: who says what, how firmly.

Five readers propose candidates (stand-alone quotations, cue verbs and
nouns, according-to phrases, "Speaker: ..." headlines, cited sources); duplicates are merged, relay
chains linked, and each survivor gets a typed source and the factuality of
its content. All words come from the language's YAML files.
"""
from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.extract.attribution.agentless import agentless_candidates
from claimgraph.extract.attribution.according import according_candidates, cited_candidates, relayed_candidates
from claimgraph.extract.attribution.assemble import build_attributions, link_chains, merge_duplicates
from claimgraph.extract.attribution.colon import colon_candidates
from claimgraph.extract.attribution.cues import verb_candidates
from claimgraph.extract.attribution.noun_cues import noun_candidates
from claimgraph.extract.attribution.lexicon import get_lexicon
from claimgraph.extract.attribution.quotes import quote_candidates
from claimgraph.extract.learned.hybrid import with_learned
from claimgraph.lang import LanguageRules
from claimgraph.model import Attribution, Entity


def extract_attributions(doc: Doc, rules: LanguageRules, entities: list[Entity]) -> list[Attribution]:
    """Every reported statement of `doc`.

    doc (Doc): the parsed article (needs the dependency parse and morphology).
    rules (LanguageRules): the language's data (cues, hedges, negation, sources).
    entities (list[Entity]): the article's entities; a source that is one of them gets its id.
    RETURNS (list[Attribution]): the attributions in reading order, ids a1, a2, ...
    """
    if not doc.has_annotation("DEP"):
        return []
    lexicon = get_lexicon(rules)
    found = list(quote_candidates(doc, lexicon))
    found += verb_candidates(doc, lexicon)
    found += noun_candidates(doc, lexicon)
    found += according_candidates(doc, lexicon)
    found += colon_candidates(doc, lexicon)
    found += agentless_candidates(doc, lexicon)
    found += list(cited_candidates(doc, lexicon, found))
    found += list(relayed_candidates(doc, lexicon, found))
    found = with_learned(doc, merge_duplicates(doc, found, lexicon), lexicon)  # + what the trained tagger finds
    found = link_chains(doc, found)
    return build_attributions(doc, found, lexicon, entities)
