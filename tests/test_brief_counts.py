"""What a brief counts for and against an allegation (our own sentences): an inquiry is not denied, a party's own
accusation makes it no denier, an act with no named actor reads in the passive, and the articles of an
allegation are those that carry it."""
from __future__ import annotations

from pathlib import Path

from claimgraph.graph.brief_passive import passive
from claimgraph.graph.brief_support import questions_undenied, supporting_articles
from claimgraph.graph.verdict import verdict
from claimgraph.model.claims import ClaimSummary, Evidence, Origin
from claimgraph.model.records import Span

from graph_docs import denial, store_with, times_en, times_fr


def _row(stance: str, doc: str = "d1") -> Evidence:
    return Evidence(claim_id="c1", document_id=doc, record_id="v1", stance=stance, certainty="certain",
                    polarity="positive" if stance == "supports" else "negative", quote=Span(0, 5, "words"), chain=(),
                    origin=Origin("state:XX", "Government of Xland", "organization"), date="2024-05-02", lang="en")


def test_an_inquiry_keeps_no_denial() -> None:
    asked = ClaimSummary(id="c1", type="STATEMENT", label="Inspectors are trying to establish whether the ministry "
                         "knew about the cargo", arguments={}, denied_by=[Origin("state:XX", "Xland", "organization")],
                         evidence=[_row("supports"), _row("denies")])
    said = ClaimSummary(id="c2", type="STATEMENT", label="The ministry knew about the cargo", arguments={},
                        denied_by=[Origin("state:XX", "Xland", "organization")], evidence=[_row("denies")])
    questions_undenied([asked, said])
    assert not asked.denied_by and [e.stance for e in asked.evidence] == ["supports"]
    assert said.denied_by, "a statement that says something stays denied"


def test_an_act_with_no_named_actor_reads_in_the_passive() -> None:
    assert passive("someone accuses Orrin Motors of «shipping pumps»", {"target": "Orrin Motors"}) == \
        "Orrin Motors is accused of «shipping pumps»"
    assert passive("someone uses «the glider» in night raids", {"item": "the glider"}) == \
        "«the glider» is used in night raids"
    assert passive("someone accuses Orrin Motors of «x»", {"agent": "Tess"}) == "someone accuses Orrin Motors of «x»"
    # the party is taken by its own name, which may hold the preposition
    assert passive("someone accuses Bank of Orla of «funding gliders»", {"target": "Bank of Orla"}) == \
        "Bank of Orla is accused of «funding gliders»"
    assert passive("Orrin Motors supplies «pumps» to Yland", {"agent": "Orrin Motors"}).startswith("Orrin Motors")


def test_a_party_accusing_in_its_own_words_is_no_denier() -> None:
    alleged = ClaimSummary(id="c1", type="SUPPLY", label="Xland supplies «pumps» to Yland", arguments={"agent": "Xland"},
                           origins=[Origin("ent:monitor", "The Monitor", "organization")], certainty="certain")
    own = ClaimSummary(id="c2", type="ACCUSE", label="Zland accuses Xland companies of «selling pumps»",
                       arguments={"agent": "Zland"}, origins=[Origin("state:ZZ", "Government of Zland", "organization")])
    said = verdict("Does Zland sanction Xland?", [alleged], [own])
    assert "Denied by Government of Zland" not in said and "Also denied by Government of Zland" not in said


def test_a_partys_own_statement_in_reply_still_makes_it_a_denier() -> None:
    alleged = ClaimSummary(id="c1", type="SUPPLY", label="Xland supplies «pumps» to Yland", arguments={"agent": "Xland"},
                           origins=[Origin("ent:monitor", "The Monitor", "organization")], certainty="certain")
    reply = ClaimSummary(id="c2", type="STATEMENT", label="Xland is not a party to the conflict",
                         arguments={"about": "Xland"},
                         origins=[Origin("state:XX", "Government of Xland", "organization")])
    said = verdict("Does Xland supply pumps to Yland?", [alleged], [reply])
    assert "Denied by Government of Xland" in said and "No denial is on record" not in said


def test_the_articles_of_an_allegation_are_those_that_carry_it(tmp_path: Path) -> None:
    from sqlalchemy import select
    from claimgraph.graph.query import summaries
    from claimgraph.store import tables as t
    store = store_with(tmp_path, [times_en(), times_fr(), denial()], "counts.db")
    with store.engine.connect() as connection:
        cd = t.claim_documents
        rows = list(connection.execute(select(cd.c.claim_id, cd.c.document_id, cd.c.supports, cd.c.denies)))
        carried = {r.claim_id for r in rows if r.supports}
        claims = summaries(connection, sorted(carried), with_evidence=False)
        assert claims
        for claim in claims:
            claim.articles.append("an-article-that-only-denies")  # as graph.denials used to add
        supporting_articles(connection, claims)
        for claim in claims:
            assert set(claim.articles) == {r.document_id for r in rows if r.claim_id == claim.id and r.supports}
    store.close()


def test_a_named_firm_before_the_country_is_the_questions_subject(tmp_path: Path) -> None:
    import json
    from typer.testing import CliRunner
    from claimgraph.cli.app import app
    from graph_docs import outlet_reports_building, wire
    russia_builds = outlet_reports_building("ru-builds", "Russia", "GPE", "attack drones", "at a plant near Kazan",
                                            "Evening Courier", "2024-09-20")
    store_with(tmp_path, [wire("wire-a", "Reuters", "2024-09-25"), russia_builds], "subject.db").close()
    result = CliRunner().invoke(app, ["brief", "Is Xiamen Limbach helping Russia?", "--db",
                                      str(tmp_path / "subject.db"), "--json"])
    assert result.exit_code == 0, result.output
    claims = json.loads(result.stdout)["claims"]
    assert claims and "Xiamen Limbach" in claims[0]["label"], [c["label"] for c in claims]


def test_a_claim_only_denied_is_a_partys_answer_only_when_the_party_denies() -> None:
    from claimgraph.graph.brief_support import denied_by_party
    claim = ClaimSummary(id="c9", type="SUPPLY", label="Xland supplies «pumps» to Yland", arguments={"agent": "Xland"})
    roles = {"c9": {"agent": "state:XX", "recipient": "state:YY"}}
    claim.denied_by = [Origin("src:league", "The Harbour League", "organization")]
    assert not denied_by_party(claim, roles), "an alliance's negated sentence is no party's denial"
    claim.denied_by.append(Origin("state:XX", "Government of Xland", "organization"))
    assert denied_by_party(claim, roles)
    firms = {"c9": {"agent": "grp:XX:company"}}
    assert denied_by_party(claim, firms), "a state denies for its companies"


def test_a_narrow_terminal_gets_the_glance_as_a_list() -> None:
    from claimgraph.graph.render import brief_markdown
    from claimgraph.model.claims import Brief
    claim = ClaimSummary(id="c1", type="SUPPLY", label="Xland supplies «pumps» to Yland", arguments={"agent": "Xland"},
                         origins=[Origin("src:monitor", "The Monitor", "media")], articles=["d1", "d2"],
                         languages=["en"], first_seen="2024-03-04")
    brief = Brief(question="Does Xland arm Yland?", claims=[claim], sections=[("Xland", ["c1"])], verdict="Alleged.")
    assert "| claim | origins |" in brief_markdown(brief), "a pipe gets the table"
    narrow = brief_markdown(brief, width=60)
    assert "| claim | origins |" not in narrow
    assert "- **Xland supplies «pumps» to Yland**: 1 origin, denied by 0, 2 articles (en)" in narrow
    assert "(single source)" in brief_markdown(brief) and "(single source)" in narrow, "the list says it as the table"


def test_one_answered_allegation_of_several_is_not_each() -> None:
    from claimgraph.graph.verdict_denials import denier_sentence
    xland = Origin("state:XX", "Government of Xland", "organization")
    answered = ClaimSummary(id="c1", type="SUPPLY", label="Orrin Motors supplies «drone engines» to Yland",
                            arguments={"agent": "Orrin Motors"}, origins=[Origin("src:wire", "The Wire", "media")],
                            denied_by=[xland])
    answered.evidence = [Evidence(claim_id="c1", document_id="d1", record_id="v2", stance="denies", certainty="certain",
                                  polarity="positive", quote=Span(0, 40, "Xland never sold drone engines to Yland."),
                                  chain=(), origin=xland, date="2024-03-04", lang="en")]
    other = ClaimSummary(id="c2", type="SUPPLY", label="Orrin Motors supplies «pumps» to Yland",
                         arguments={"agent": "Orrin Motors"}, origins=[Origin("src:wire", "The Wire", "media")])
    said = denier_sentence("Government of Xland", "state:XX", [answered, other])
    assert said.startswith("Denied by Government of Xland: 1 of the 2 allegations answered, by a denial"), said
    assert "each" not in said
