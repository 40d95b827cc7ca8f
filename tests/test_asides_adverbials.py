"""An adverbial between an auxiliary and its participle (« X a de son côté dénoncé ... », « a cependant,
dans sa note, insisté sur ... ») no longer costs the participle its subject: where the parse breaks,
the sentence is parsed again without the adverbials, which then hang on the participle."""
from __future__ import annotations

import pytest

from claimgraph.lang import get_rules
from claimgraph.nlp.asides import _adverbial_end, without_asides
from claimgraph.nlp.stand_ins import load_parsing_hints

COMMA_ASIDE = ("L'organisation Veritas Watch a toutefois, dans son dernier bilan, insisté sur le fait "
               "que ces tirs ne visaient pas les civils.")


@pytest.fixture(scope="module")
def hints_fr():  # type: ignore[no-untyped-def]
    return load_parsing_hints(get_rules("fr"))


def _token(doc, text):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == text)


def test_le_participe_retrouve_son_sujet_et_l_adverbial_s_y_rattache(nlp_fr, hints_fr) -> None:  # type: ignore[no-untyped-def]
    text = "La société Orvane a de son côté démenti toute livraison de drones à Brelsk."
    before = nlp_fr(text)
    assert not any(c.dep_.startswith("nsubj") for c in _token(before, "démenti").children)  # the broken first parse
    doc = without_asides(nlp_fr, before, hints_fr)
    assert doc.text == text and [t.idx for t in doc] == [t.idx for t in before]
    participle = _token(doc, "démenti")
    assert [c.text for c in participle.children if c.dep_.startswith("nsubj")] == ["société"]
    assert _token(doc, "a").head == participle
    assert _token(doc, "côté").head == participle and _token(doc, "de").head == _token(doc, "côté")


def test_une_incise_entre_virgules_apres_l_auxiliaire(nlp_fr, hints_fr) -> None:  # type: ignore[no-untyped-def]
    before = nlp_fr(COMMA_ASIDE)
    doc = without_asides(nlp_fr, before, hints_fr)
    assert [t.idx for t in doc] == [t.idx for t in before]
    participle = _token(doc, "insisté")
    assert participle.head == participle and _token(doc, "organisation").head == participle
    assert _token(doc, "toutefois").head == participle and _token(doc, "bilan").head == participle
    assert all(t.head == _token(doc, "bilan") for t in doc if t.text == "," and t.i < participle.i)
    assert len(list(doc.sents)) == 1


def test_une_phrase_bien_analysee_n_est_pas_reprise(nlp_fr, hints_fr) -> None:  # type: ignore[no-untyped-def]
    before = nlp_fr("Le ministre a par ailleurs annoncé une visite à Brelsk.")
    assert without_asides(nlp_fr, before, hints_fr) is before


def test_les_locutions_listees_la_plus_longue_d_abord(nlp_fr, hints_fr) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_fr("Elle a d’ailleurs elle aussi quant à elle rien dit.")
    assert _adverbial_end(doc, 2, len(doc), hints_fr) == 4  # « d’ailleurs » with a typographic apostrophe
    assert _adverbial_end(doc, 4, len(doc), hints_fr) == 6  # « elle aussi », not « elle »
    assert _adverbial_end(doc, 6, len(doc), hints_fr) == 9  # « quant à elle »
    assert _adverbial_end(doc, 9, len(doc), hints_fr) is None  # « rien » is no connective


@pytest.mark.parametrize("text, cue, source, content", [
    ("La société Orvane a de son côté démenti toute livraison de drones à Brelsk.",
     "démenti", "La société Orvane", "toute livraison de drones à Brelsk"),
    ("Le porte-parole du gouvernement de Brelsk a de son côté dénoncé « une provocation délibérée ».",
     "dénoncé", "Le porte-parole du gouvernement de Brelsk", "une provocation délibérée"),
    ("Le Conseil de Kalvanie, auquel se sont ralliés trois voisins, a par ailleurs condamné les essais de missiles.",
     "condamné", "Le Conseil de Kalvanie", "les essais de missiles"),
])
def test_l_attribution_garde_sa_source_et_son_contenu(analyzer, text, cue, source, content) -> None:  # type: ignore[no-untyped-def]
    analysis = analyzer.analyze_text(text, lang="fr")
    (found,) = [a for a in analysis.attributions if a.cue is not None and cue in a.cue.text]
    assert found.source is not None and found.source.span.text == source
    assert found.content is not None and found.content.text == content


def test_le_dementi_a_son_agent(analyzer) -> None:  # type: ignore[no-untyped-def]
    analysis = analyzer.analyze_text("La société Orvane a de son côté démenti toute livraison de drones à Brelsk.", lang="fr")
    (denial,) = [e for e in analysis.events if e.type == "DENY"]
    assert denial.arguments["agent"].span.text == "La société Orvane"


@pytest.mark.parametrize("text, polarity", [
    ("Le ministre a affirmé que ces essais ne visaient en aucun cas les civils.", "negative"),
    ("Le ministre a affirmé que ces essais ne visaient à aucun moment les civils.", "negative"),
    ("Le ministre a affirmé que ces essais visaient en tout cas les civils.", "positive"),
])
def test_ne_et_un_complement_en_aucun_cas_nient_le_contenu(analyzer, text, polarity) -> None:  # type: ignore[no-untyped-def]
    (found,) = [a for a in analyzer.analyze_text(text, lang="fr").attributions if a.cue is not None]
    assert found.polarity == polarity
