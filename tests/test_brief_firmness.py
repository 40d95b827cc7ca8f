"""A brief never says more than its sources: conditional wording, a bare headline and a demand are not
allegations stated as fact; labels say in English what foreign words are; --limit bounds every section
(invented articles, our own sentences)."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli.app import app
from claimgraph.graph.firmness import conditional, demand, firmness, is_headline
from claimgraph.graph.reader import language_of, reader_label
from claimgraph.graph.verdict import NO_EVIDENCE
from claimgraph.model import Span
from claimgraph.model.claims import ChainLink, ClaimSummary, Evidence, Origin

from graph_docs import Doc, store_with

runner = CliRunner()
HEADLINE = "Portugal supplies drones to Chile"


def headline_only():
    """A headline stating as fact what the body only reports from others."""
    text = f"{HEADLINE}\nA local paper reported that a firm near Braga had sent two drones, citing a diplomat."
    d = Doc("portugal-head", text, "en", "2025-03-02", "Tagus Evening")
    d.analysis.document = replace(d.analysis.document, title=HEADLINE)
    d.entity("e1", "Portugal", "GPE", "Portugal")
    d.entity("e2", "Chile", "GPE", "Chile")
    d.event("v1", "SUPPLY", "supplies", agent=("Portugal", "e1"), recipient=("Chile", "e2"), item=("drones", None))
    return d.analysis


def firm_supply():
    d = Doc("portugal-firm", "Portugal shipped artillery shells to Chile in February, the Chilean defence minister Ana Vidal "
            "said.", "en", "2025-03-03", "Andes Wire")
    d.entity("e1", "Portugal", "GPE", "Portugal")
    d.entity("e2", "Chile", "GPE", "Chile")
    d.entity("e3", "Ana Vidal", "PERSON", "Ana Vidal")
    d.attribution("a1", "the Chilean defence minister Ana Vidal", "named_person",
                  "Portugal shipped artillery shells to Chile in February", entity="e3")
    d.event("v1", "SUPPLY", "shipped", "a1", agent=("Portugal", "e1"), recipient=("Chile", "e2"),
            item=("artillery shells", None))
    return d.analysis


def conditional_statement():
    d = Doc("portugal-cond", "The Portuguese government may be arming Chile, but there is no proof of it, "
            "an official in Lima said.", "en", "2025-03-04", "Pacific Note")
    d.entity("e1", "Government of Portugal", "ORG", "The Portuguese government")
    d.entity("e2", "Chile", "GPE", "Chile")
    d.attribution("a1", "an official in Lima", "anonymous_person",
                  "The Portuguese government may be arming Chile, but there is no proof of it")
    return d.analysis


def demand_statement():
    d = Doc("portugal-ask", "The ministers expected the Portuguese government to halt such transfers at once, a "
            "spokesperson for the council said.", "en", "2025-03-05", "Council Digest")
    d.entity("e1", "Government of Portugal", "ORG", "the Portuguese government")
    d.attribution("a1", "a spokesperson for the council", "anonymous_person",
                  "The ministers expected the Portuguese government to halt such transfers at once")
    return d.analysis


@pytest.fixture()
def db(tmp_path: Path) -> str:
    store = store_with(tmp_path, [headline_only(), firm_supply(), conditional_statement(), demand_statement()],
                       "firm.db")
    store.close()
    return str(tmp_path / "firm.db")


def brief(db: str, *args: str) -> dict:
    result = runner.invoke(app, ["brief", *args, "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_headline_or_a_conditional_is_never_stated_as_fact(db: str) -> None:
    answer = brief(db, "Is the Portuguese government involved?")
    levels = {c["label"]: answer["details"][c["id"]]["firmness"]["level"] for c in answer["claims"]}
    assert levels.get("Portugal supplies «drones» to Chile") == "headline", levels
    conditional_label = next(label for label in levels if "may be arming Chile" in label)
    assert levels[conditional_label] == "possible", "its reporting verb is firm, its words are conditional"
    assert levels.get("Portugal supplies «artillery shells» to Chile") == "certain", levels
    text = answer["verdict"]
    assert text.startswith("Alleged: Portugal supplies «artillery shells» to Chile"), text
    assert "1 stated as fact" not in text.split("Stated as fact by no origin")[0].replace("stated as fact by", ""), text
    never = text.split("Stated as fact by no origin:")[1]
    assert "Portugal supplies «drones» to Chile (only in a headline)" in never
    assert "may be arming Chile" in never and "(only as a possibility)" in never


def test_a_demand_put_on_the_actor_is_no_allegation(db: str) -> None:
    answer = brief(db, "Is the Portuguese government involved?")
    assert not any("halt such transfers" in c["label"] for c in answer["claims"] + answer["denials"])
    assert "halt such transfers" not in answer["verdict"]


def test_the_markdown_brief_shows_the_firmness_and_no_colour_codes(db: str) -> None:
    result = runner.invoke(app, ["brief", "Is the Portuguese government involved?", "--db", db])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if line.startswith("| Portugal supplies")]
    assert any(row.endswith("| headline only (single source) |") for row in rows), rows
    assert "(the outlet's own headline: not stated as fact by itself)" in result.stdout
    assert "\x1b[" not in result.stdout


def test_limit_bounds_every_section(db: str) -> None:
    for limit in (1, 2, 3):
        answer = brief(db, "Is the Portuguese government involved?", "--limit", str(limit))
        assert 1 <= len(answer["claims"]) + len(answer["denials"]) <= limit
        assert sum(len(s["claims"]) for s in answer["sections"]) <= limit


def test_an_unanswered_question_finds_no_evidence_and_exits_0(db: str) -> None:
    result = runner.invoke(app, ["brief", "Who owns the Vantor Ostrakis shipyard?", "--db", db])
    assert result.exit_code == 0, result.output
    assert NO_EVIDENCE in result.stdout and "Allegations at a glance" not in result.stdout


def row(quote: str, certainty: str = "certain", lang: str = "en", chain: tuple = (), title: str = "A title",
        origin: str = "k:paper") -> Evidence:
    return Evidence(claim_id="c1", document_id="d1", record_id="v1", stance="supports", certainty=certainty,
                    polarity="positive", quote=Span(0, len(quote), quote), chain=chain,
                    origin=Origin(origin, origin, "media"), lang=lang, title=title)


def statement(label: str, *rows: Evidence) -> ClaimSummary:
    return ClaimSummary(id="c1", type="STATEMENT", label=label, arguments={},
                        origins=list({e.origin.key: e.origin for e in rows}.values()), evidence=list(rows))


def test_conditional_words_are_read_in_the_first_sentence_only() -> None:
    assert conditional("It may not want to admit it.")
    assert conditional("Le gouvernement pourrait ne pas vouloir l'admettre.")
    assert not conditional("The deliveries began in May, the ministry said.")
    assert not conditional("Portugal became a key supplier. It could not go on without consequences.")
    assert demand("The ministers expected Portugal to halt the transfers")
    assert not demand("Portugal shipped shells to Chile")


def test_the_clause_after_a_contrast_is_what_a_sentence_asserts() -> None:
    # The modal bears on the admission; the support is said outright after "but".
    assert not conditional("The Portuguese government may not want to admit it, but it will find it hard to hide its "
                           "growing support for Chile.")
    assert not conditional("Le gouvernement portugais pourrait ne pas vouloir l'admettre, mais il aura du mal à cacher "
                           "son soutien au Chili.")
    # A second clause that takes the first back, or is itself a possibility, leaves the sentence a possibility.
    assert conditional("Portugal could be supplying drones, but there is no proof.")
    assert conditional("Portugal could be supplying drones, but there isn't any proof.")
    assert conditional("Portugal could be supplying drones, but officials doubt it.")
    assert conditional("Le Portugal pourrait livrer des drones, mais rien ne le prouve.")
    assert conditional("Portugal may help Chile, but it might not.")
    assert conditional("Portugal may help Chile, but.")
    hidden = statement("Portugal may not want to admit it, but it will find it hard to hide its support",
                       row("Portugal may not want to admit it, but it will find it hard to hide its support"))
    assert firmness(hidden).level == "certain"
    unproven = statement("Portugal could be supplying drones, but there is no proof",
                         row("Portugal could be supplying drones, but there is no proof"))
    assert firmness(unproven).level == "possible"


def test_a_headline_is_the_outlets_own_title_only() -> None:
    assert is_headline(row(HEADLINE + ".", title=HEADLINE))
    assert not is_headline(row(HEADLINE, title=HEADLINE, chain=(ChainLink("the minister", "named_person"),)))
    assert not is_headline(row("Portugal shipped shells", title=HEADLINE))


def test_a_claim_is_as_firm_as_its_firmest_origin() -> None:
    claim = statement("Portugal helps Chile", row("Portugal may help Chile", origin="k:a"),
                      row("Portugal helps Chile", origin="k:b", certainty="probable"))
    found = firmness(claim)
    assert found.level == "probable" and found.by_origin == {"k:a": "possible", "k:b": "probable"}
    assert found.said({"k:a": "A", "k:b": "B"}) == "hedged, as reported or alleged by 1, only as a possibility by 1"


def test_a_french_label_says_in_english_what_the_store_knows() -> None:
    assert language_of("Le gouvernement chinois pourrait ne pas vouloir l'admettre") == "fr"
    assert language_of("The Portuguese government may not want to admit it") == "en"
    assert language_of("L550E") is None and language_of("l'exportation") == "fr"
    claim = statement("Le gouvernement portugais pourrait ne pas vouloir l'admettre",
                      row("Le gouvernement portugais pourrait ne pas vouloir l'admettre", lang="fr"),
                      row("The Portuguese government may not want to admit it", lang="en"))
    assert reader_label(claim) == "The Portuguese government may not want to admit it"
    only_french = statement("si les autorités portugaisnes étaient informées", row("si les autorités", lang="fr"))
    assert reader_label(only_french) == "si les autorités portugaisnes étaient informées (in French)"
    supply = ClaimSummary(id="c2", type="SUPPLY", label="Portugal supplies «des armes» to Chile", arguments={})
    assert reader_label(supply) == "Portugal supplies «des armes» (weapons) to Chile"


def test_a_denial_of_the_case_is_labelled_by_what_was_said() -> None:
    said = "The ministry said it was not aware of the case."
    denial = ClaimSummary(id="c3", type="DENY", label="Government of Portugal denies «the case»", arguments={},
                          origins=[Origin("k:paper", "k:paper", "media")],
                          evidence=[row("Lisbon rejected the charge."), row(said)])
    assert reader_label(denial) == f"Government of Portugal denies «the case»: “{said}”"
    weapons = ClaimSummary(id="c4", type="DENY", label="Government of Portugal denies «arms deliveries»", arguments={},
                           origins=[Origin("k:paper", "k:paper", "media")], evidence=[row("Lisbon denied arms deliveries.")])
    assert reader_label(weapons) == "Government of Portugal denies «arms deliveries»", "a denied item needs no gloss"


def test_claims_in_a_narrow_terminal_are_listed_whole(db: str) -> None:
    result = runner.invoke(app, ["claims", "--db", db], env={"COLUMNS": "60"})
    assert result.exit_code == 0, result.output
    assert "┃" not in result.stdout and "\x1b[" not in result.stdout, "no table cut to a few letters, no colour"
    assert "Portugal supplies «artillery shells» to Chile" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 60
    wide = runner.invoke(app, ["claims", "--db", db], env={"COLUMNS": "160"})
    assert "┃" in wide.stdout, "a wide terminal keeps the table"


def chile_builds(doc_id: str, speaker: str) -> object:
    d = Doc(doc_id, f"Chile built a drone factory near Valparaíso last year, {speaker} said.", "en", "2025-03-06",
            f"Coast Post {doc_id}")
    d.entity("e1", "Chile", "GPE", "Chile")
    d.entity("e2", speaker, "PERSON", speaker)
    d.attribution("a1", speaker, "named_person", "Chile built a drone factory near Valparaíso last year", entity="e2")
    d.event("v1", "PRODUCE", "built", "a1", agent=("Chile", "e1"), item=("a drone factory", None))
    return d.analysis


def test_the_country_a_question_names_first_is_its_subject(tmp_path: Path) -> None:
    store = store_with(tmp_path, [firm_supply(), chile_builds("c1", "Rosa Ibarra"), chile_builds("c2", "Tomas Lira")],
                       "subject.db")
    store.close()
    for question in ("Le Portugal fournit-il des obus au Chili ?", "Does Portugal supply shells to Chile?"):
        answer = brief(str(tmp_path / "subject.db"), question)
        labels = [c["label"] for c in answer["claims"]]
        assert labels[0].startswith("Portugal supplies"), (question, labels)
        assert answer["verdict"].startswith("Alleged: Portugal supplies"), answer["verdict"]


def test_an_act_missing_its_party_is_no_allegation() -> None:
    from claimgraph.graph.brief import _asks

    assert _asks("STATEMENT", "The ministers expected Portugal to halt the transfers")
    assert not _asks("SUPPLY", "Portugal supplies «shells» to Chile")


def test_a_person_known_only_as_a_source_gets_what_it_says(db: str) -> None:
    answer = brief(db, "Ana Vidal")
    assert answer["matched"][0].startswith("Ana Vidal") and answer["matched"][0].endswith(", as a source")
    assert answer["verdict"].startswith("Ana Vidal"), answer["verdict"]
    assert "is a source in the store, not an actor of any claim. In Ana Vidal" in answer["verdict"]
    assert any("artillery shells" in c["label"] for c in answer["claims"])
    assert all("Ana Vidal" in e["origin"]["name"] for c in answer["claims"] for e in c["evidence"]), "its own words"
    assert len(brief(db, "Ana Vidal", "--limit", "1")["claims"]) == 1
    result = runner.invoke(app, ["brief", "Ana Vidal", "--db", db])
    assert "## Said by Ana Vidal" in result.stdout and "Alleged actor" not in result.stdout


ITEMS = ["rifles", "radars", "trucks", "helmets", "boats", "tents", "cables"]


def many_supplies() -> list:
    out = []
    for i, item in enumerate(ITEMS):
        speaker = f"Minister Luis Ortega{i}"
        d = Doc(f"many-{i}", f"Portugal shipped {item} to Chile, {speaker} said.", "en", f"2025-03-1{i}",
                f"Harbour Note {i}")
        d.entity("e1", "Portugal", "GPE", "Portugal")
        d.entity("e2", "Chile", "GPE", "Chile")
        d.entity("e3", speaker, "PERSON", speaker)
        d.attribution("a1", speaker, "named_person", f"Portugal shipped {item} to Chile", entity="e3")
        d.event("v1", "SUPPLY", "shipped", "a1", agent=("Portugal", "e1"), recipient=("Chile", "e2"), item=(item, None))
        out.append(d.analysis)
    d = Doc("many-deny", "Lisbon denied the reports. Portugal has never supplied military goods to Chile, Rui Sá said.",
            "en", "2025-03-20", "Harbour Note")
    d.entity("e1", "Government of Portugal", "ORG", "Lisbon")
    d.entity("e2", "Portugal", "GPE", "Portugal")
    d.entity("e3", "Rui Sá", "PERSON", "Rui Sá")
    d.attribution("a1", "Rui Sá", "named_person", "Portugal has never supplied military goods to Chile", entity="e3",
                  polarity="negative")
    d.event("v1", "DENY", "denied", agent=("Lisbon", "e1"), item=("the reports", None))
    d.event("v2", "SUPPLY", "supplied", "a1", polarity="negative", agent=("Portugal", "e2"), recipient=("Chile", None),
            item=("military goods", None))
    return out + [d.analysis]


def test_the_denials_keep_room_within_the_limit(tmp_path: Path) -> None:
    store_with(tmp_path, many_supplies(), "many.db").close()
    answer = brief(str(tmp_path / "many.db"), "Does Portugal supply Chile?", "--limit", "6")
    assert answer["denials"], [c["label"] for c in answer["claims"]]
    assert len(answer["claims"]) + len(answer["denials"]) <= 6


def test_a_title_or_initials_do_not_end_the_first_sentence() -> None:
    assert conditional("U.S. officials may widen the sanctions. They met on Monday.")
    assert conditional("Mr. Duarte could sign the order. He left.")
    assert conditional("M. Duarte pourrait signer le décret. Il est parti.")
    assert not conditional("The talks began in May. They could last a year.")


def test_a_speaker_is_found_by_whole_words_whatever_the_backend_lowercases(tmp_path: Path) -> None:
    store = store_with(tmp_path, [chile_builds("c1", "Élodie Suárez")], "speaker.db")
    store.close()
    db = str(tmp_path / "speaker.db")
    answer = brief(db, "Élodie Suárez")
    assert answer["matched"] and answer["matched"][0].startswith("Élodie Suárez"), answer["matched"]
    assert not brief(db, "Lodi")["matched"], "a part of a word is no speaker"
