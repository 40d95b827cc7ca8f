"""French attribution forms of real newsroom prose (invented sentences): infinitive and
noun-phrase contents, quotes with an incise and no comma, sentence-opening « Pour X, »,
first-person verbs inside a quotation, a title line of its own."""
from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="module")
def analyse(analyzer):  # type: ignore[no-untyped-def]
    def run(text: str) -> list[dict[str, Any]]:
        return [a.to_dict() for a in analyzer.analyze_text(text, lang="fr").attributions]
    return run


def contents(atts: list[dict[str, Any]]) -> list[str]:
    return [a["content"]["text"] for a in atts]


def test_infinitive_content_of_a_speech_verb(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("La marine a affirmé avoir intercepté un cargo au large de Brest.")
    assert contents(atts) == ["avoir intercepté un cargo au large de Brest"]
    assert atts[0]["source"]["text"] == "La marine"


def test_noun_phrase_content_without_the_day(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Le laboratoire a annoncé jeudi la découverte d'un nouvel alliage.")
    assert contents(atts) == ["la découverte d'un nouvel alliage"]


def test_a_demand_needs_a_speaker(analyse) -> None:  # type: ignore[no-untyped-def]
    assert analyse("De telles réformes exigent un large consensus.") == []
    atts = analyse("Le syndicat exige le retrait de la réforme.")
    assert contents(atts) == ["le retrait de la réforme"]


def test_asking_an_opinion_is_no_report(analyse) -> None:  # type: ignore[no-untyped-def]
    assert analyse("Le maire a demandé notre avis.") == []


def test_estimer_alone_is_certain(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("Le juge a estimé que la procédure était régulière.")[0]
    assert att["certainty"] == "certain"


def test_quote_then_incise_without_comma(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("« Nous livrerons les pièces en mars » a ensuite précisé le fabricant.")
    assert len(atts) == 1
    assert atts[0]["source"]["text"] == "le fabricant"
    assert atts[0]["kind"] == "direct"


def test_sentence_opening_pour_introduces_a_source(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("Pour le procureur, les fonds auraient transité par trois comptes.")[0]
    assert att["source"]["text"] == "le procureur"
    assert att["kind"] == "according_to"
    assert att["certainty"] == "probable"
    assert analyse("Pour terminer, le maire a remercié les bénévoles.") == []


def test_fully_quoted_content_after_pour_is_direct(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("Pour Claire Vidal, « cette décision est une victoire pour les riverains ».")[0]
    assert att["kind"] == "direct"


def test_apposed_name_belongs_to_the_according_to_source(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("Selon l'union des meuniers, Farinor, la récolte est plutôt bonne.")[0]
    assert att["source"]["text"] == "l'union des meuniers, Farinor"
    assert att["content"]["text"] == "la récolte est plutôt bonne"


def test_pronoun_after_selon_is_the_whole_source(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Le parquet a saisi les comptes du club, une mesure qui respecte selon lui la loi de 2019.")
    att = next(a for a in atts if a["cue"] and a["cue"]["text"] == "selon")
    assert att["source"]["text"] == "lui"
    assert att["content"]["text"] == "une mesure qui respecte selon lui la loi de 2019"


def test_first_person_verbs_inside_a_quote_make_no_record(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("« Je promets une baisse des impôts dès janvier », a déclaré la candidate.")
    assert len(atts) == 1 and atts[0]["source"]["text"] == "la candidate"


def test_title_line_is_its_own_sentence(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Pêche : une ONG dénonce les quotas\nL'association a publié hier un long rapport sur les ports.")
    att = next(a for a in atts if a["cue"] and a["cue"]["text"] == "dénonce")
    assert att["content"]["text"] == "les quotas"


def test_organisation_nouns_type_the_source(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("L'ONG a affirmé que les prisons étaient surpeuplées. "
                   "La chaine a rapporté que deux hommes avaient été arrêtés.")
    assert [a["source"]["type"] for a in atts] == ["organization", "media"]


@pytest.mark.parametrize("text", [
    "« Non, il ne faut pas avoir peur », a répondu l'adjointe.",
    "« Le club ne peut ni ne doit céder », a insisté l'entraîneur.",
    "« Personne ne nous dictera nos tarifs », déclare le maire.",
    "« Ces contrôles ne servent à rien », a affirmé la députée.",
])
def test_french_negation_forms(analyse, text: str) -> None:  # type: ignore[no-untyped-def]
    assert analyse(text)[0]["polarity"] == "negative"


def test_negated_adjective_is_no_negation(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("Les élus ont dénoncé des procédures non conformes.")[0]
    assert att["polarity"] == "positive"


def test_conditional_of_a_hypothesis_is_no_hedge(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("« Si la grève n'avait pas eu lieu, le chantier aurait fini en mai », a-t-il dit.")[0]
    assert att["certainty"] == "certain"


def test_speaker_own_belief_hedges_the_quote(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("« Le bilan est incomplet, mais nous pensons qu'il reste fiable », a déclaré la directrice.")[0]
    assert att["certainty"] == "probable"


def test_adding_participle_opens_a_second_record(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("La directrice a précisé que « aucun poste ne sera supprimé » en ajoutant : "
                   "« nous tiendrons nos engagements envers les salariés ».")
    first, second = atts[0], atts[1]
    assert first["content"]["text"] == "aucun poste ne sera supprimé"
    assert first["kind"] == "mixed" and first["polarity"] == "negative"
    assert second["cue"]["text"] == "ajoutant" and second["polarity"] == "positive"


def test_pronoun_refers_back_to_an_organisation(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Le ministère a dit que la vente était légale. Il a ajouté que tout était en règle.")
    assert atts[1]["source"]["type"] == "organization"


def test_impersonal_passive_report(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("Il a été rapporté que la coopérative avait vendu ses silos.")[0]
    assert att["source"]["text"] == "Il a été rapporté" and att["source"]["type"] == "unspecified"
    assert att["cue"]["text"] == "Il a été rapporté"
    assert att["certainty"] == "probable"
    assert att["content"]["text"] == "la coopérative avait vendu ses silos"


def test_named_source_wins_over_the_impersonal_report(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Il est rapporté que le club a vendu son stade, selon le Courrier du Val.")
    assert len(atts) == 1 and atts[0]["cue"]["text"] == "selon"


def test_inflected_lemma_is_repaired(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Le maire réclame des moyens pour la police municipale.")
    assert [a["cue"]["text"] for a in atts] == ["réclame"]


def test_relative_pronoun_speaks_for_its_antecedent(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("L'avocat Jules Perrin, qui avait répliqué : « Je ne céderai rien à ce tribunal », "
                  "a quitté l'audience.")[0]
    assert "Jules Perrin" in att["source"]["text"] and att["source"]["type"] == "named_person"
    assert "qui" not in att["source"]["text"]


def test_title_apposition_gives_the_name(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("La juge d'instruction, Mme Hélène Garnier, a déclaré : « Le dossier est complet et sera "
                  "transmis ».")[0]
    assert att["source"]["text"] == "Hélène Garnier" and att["source"]["type"] == "named_person"


def test_plural_members_are_anonymous(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("Les membres du comité de Paul Durand ont affirmé que la digue était solide.")[0]
    assert att["source"]["type"] == "anonymous_person"


def test_lone_singular_pronoun_is_a_person(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("« Nous aurions dû signer avant l'été », confie-t-il.")[0]
    assert att["source"]["type"] == "named_person"


def test_office_description_is_a_named_person(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Claire Vidal est arrivée à Lyon. La ministre de la Culture a indiqué que le musée rouvrirait. "
                   "Le porte-parole du musée a dit que les travaux étaient finis.")
    assert [a["source"]["type"] for a in atts] == ["named_person", "anonymous_person"]


def test_nested_guillemets_stay_one_quotation(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Le directeur a parlé. « Nous avons compté 40 cas de « vraie » fraude cette année. "
                   "Le reste est une erreur de saisie », a-t-il dit.")
    quote = next(a for a in atts if "vraie" in a["content"]["text"])
    assert quote["content"]["text"].endswith("erreur de saisie")


def test_place_named_in_an_organisation_is_no_headline_speaker(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Pérou : les pêcheurs bloquent le port\nL'Association des pêcheurs du Pérou a appelé à la grève.")
    assert all(a["source"]["text"] != "Pérou" for a in atts)


def test_gerund_speaks_for_the_clause_subject(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Le maire a défendu le projet hier soir, en affirmant que « la piscine ouvrira en juin ».")
    att = next(a for a in atts if "piscine" in a["content"]["text"])
    assert att["source"]["text"] == "Le maire"
    assert att["content"]["text"] == "la piscine ouvrira en juin"


def test_participle_after_a_noun_speaks_for_it(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Le village a fermé la route en raison d'une rumeur persistante affirmant que le pont allait céder.")
    assert contents(atts) == ["le pont allait céder"]
    assert atts[0]["source"]["text"] == "une rumeur persistante"


def test_reflexive_stance_adjective_carries_the_content(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Le syndicat s'est dit préoccupé par la fermeture de l'usine de Lens.")
    assert contents(atts) == ["la fermeture de l'usine de Lens"]
    assert "préoccupé" in atts[0]["cue"]["text"] and atts[0]["source"]["text"] == "Le syndicat"
    assert analyse("Le syndicat s'est dit hier à Lens.") == []


def test_a_subordinate_cue_reports_its_own_object(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Le centre a voté la réforme, tandis que la gauche dénonce le coût du projet.")
    assert contents(atts) == ["le coût du projet"]
    assert atts[0]["source"]["text"] == "la gauche"


def test_a_participle_with_its_subject_reports_its_object(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Les élus ont réagi à la fermeture, la gauche pointant le doigt sur l'absence d'investissements.")
    assert contents(atts) == ["l'absence d'investissements"]
    assert atts[0]["source"]["text"] == "la gauche"


def test_quote_after_a_semicolon_with_an_incise_without_comma(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("La salle était comble ; « nous n'avons jamais vu autant de monde ici » confie le directeur du théâtre.")
    assert contents(atts) == ["nous n'avons jamais vu autant de monde ici"]
    assert atts[0]["kind"] == "direct" and atts[0]["source"]["text"] == "le directeur du théâtre"


def test_reflexive_incise_verb_after_a_quote(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("« Nous avons enfin obtenu gain de cause devant la cour » s'est félicité l'avocat.")
    assert len(atts) == 1 and atts[0]["kind"] == "direct"
    assert atts[0]["source"]["text"] == "l'avocat"


def test_wishes_of_the_latter(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Les riverains ont rencontré les élus. Ces derniers souhaitent une réouverture rapide de la gare.")
    assert contents(atts) == ["une réouverture rapide de la gare"]


def test_que_clause_hung_on_the_medium(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("La mairie a précisé dans son communiqué que le marché serait déplacé.")
    assert contents(atts) == ["le marché serait déplacé"]
    assert atts[0]["source"]["text"] == "La mairie"


def test_postposed_reporting_clause_read_as_the_root(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("La région a déjà versé deux millions d'euros aux sinistrés, a précisé son président Marc Leroy.")
    assert contents(atts) == ["La région a déjà versé deux millions d'euros aux sinistrés"]
    assert "versé" not in atts[0]["cue"]["text"]


def test_multiword_cue_with_a_curly_apostrophe(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Le club avait déjà fait savoir qu’il ne vendrait aucunement son attaquant.")
    assert contents(atts) == ["il ne vendrait aucunement son attaquant"]
    assert atts[0]["source"]["text"] == "Le club" and atts[0]["polarity"] == "negative"


def test_reflexive_concern_has_an_object(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Les syndicats s'inquiètent d'une baisse rapide des salaires.")
    assert len(atts) == 1 and "une baisse rapide des salaires" in atts[0]["content"]["text"]
    assert analyse("La hausse des prix inquiète les marchés.") == []


def test_participle_after_a_noun_and_its_complement(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Le maire a réagi au lendemain d'informations de presse affirmant que l'usine allait fermer.")
    assert contents(atts) == ["l'usine allait fermer"]
    assert atts[0]["source"]["text"] == "informations de presse"


def test_future_in_the_past_is_no_hearsay(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("Le village a fermé la route en raison d'une rumeur persistante affirmant que le pont "
                  "céderait au printemps.")[0]
    assert att["certainty"] == "certain"
    hearsay = analyse("Le journal a rapporté qu'une entreprise aurait livré des pièces à la marine.")[0]
    assert hearsay["certainty"] == "probable"


def test_headline_topic_then_pour_introduces_a_source(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("Bretagne : pour le ministre, la digue est « une priorité absolue »\nLe chantier reprend.")[0]
    assert att["source"]["text"] == "le ministre" and att["kind"] == "according_to"


def test_the_latter_is_the_last_one_named(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Le maire Paul Vidal a reçu les dirigeants de Force Ouvrière. "
                   "Ces derniers souhaitent une reprise du dialogue.")
    att = next(a for a in atts if "reprise" in a["content"]["text"])
    assert att["source"]["type"] == "organization"


def test_que_after_the_cue_opens_the_content_whatever_the_parse(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Le rapport compte 12 sites. Cependant, l'association précise que « le nombre de sites utilisés "
                   "par les services de police est probablement beaucoup plus élevé ».")
    att = next(a for a in atts if "probablement" in a["content"]["text"])
    assert att["source"]["text"] == "l'association" and att["certainty"] == "probable"


def test_veut_dire_means_and_reports_nothing(analyse) -> None:  # type: ignore[no-untyped-def]
    assert analyse("La route est fermée, ce qui veut dire que les camions font un détour.") == []


def test_ne_plus_negates_plus_alone_does_not(analyse) -> None:  # type: ignore[no-untyped-def]
    assert analyse("Le maire a déclaré qu'il ne se tiendra plus de marché le dimanche.")[0]["polarity"] == "negative"
    assert analyse("Le maire a déclaré qu'il y aura plus de marchés le dimanche.")[0]["polarity"] == "positive"
    assert analyse("Le maire a déclaré qu'il ne reste plus que deux marchés.")[0]["polarity"] == "positive"


def test_name_set_off_after_a_partitive_description(analyse) -> None:  # type: ignore[no-untyped-def]
    att = analyse("Un des avocats du club, Marc Tellier, précise qu'il faut attendre le jugement.")[0]
    assert att["source"]["text"] == "Marc Tellier" and att["source"]["type"] == "named_person"


def test_passive_cue_with_an_agent_reports_its_subject(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("L'hypothèse d'une fuite a été émise par deux géologues de Grenoble.")
    assert contents(atts) == ["L'hypothèse d'une fuite"] and atts[0]["certainty"] == "possible"
    atts = analyse("Ces accusations ont été rejetées par le ministère.")
    assert contents(atts) == ["Ces accusations"] and atts[0]["source"]["text"] == "le ministère"


def test_reduced_passive_with_an_agent(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Des escrocs auraient volé trois millions d'euros, montants relativisés par la banque.")
    att = next(a for a in atts if a["cue"] and a["cue"]["text"] == "relativisés")
    assert att["content"]["text"] == "montants" and att["source"]["text"] == "la banque"


def test_participle_tagged_adjective_with_its_auxiliary(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("La porte-parole de la mairie a nuancé les chiffres de la police.")
    assert contents(atts) == ["les chiffres de la police"]


def test_gerund_with_a_preposition_cue(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Tout en insistant sur la hausse des loyers, le candidat poursuit sa campagne.")
    assert contents(atts) == ["la hausse des loyers"] and atts[0]["source"]["text"] == "le candidat"
    atts = analyse("Le syndicat a mis l'accent sur des risques pour les salariés.")
    assert contents(atts) == ["des risques pour les salariés"]
