"""How a brief names things it shows: an item's quote marks, a body's own voice (invented sentences)."""
from __future__ import annotations

from claimgraph.graph.brief_tidy import body_voices
from claimgraph.graph.labels import item_words
from claimgraph.graph.reader import reader_label
from claimgraph.model import Span
from claimgraph.model.claims import ChainLink, ClaimSummary, Evidence, Origin


def test_an_items_stray_quote_marks_go_and_inner_quotes_read_as_curly_quotes() -> None:
    assert item_words("semer le trouble » dans la région") == "semer le trouble dans la région"
    assert item_words("« perturbateur ») et") == "“perturbateur”) et"
    assert item_words('a "key partner" role') == "a “key partner” role"
    assert item_words('"unfounded') == "unfounded"
    assert item_words("plain words") == "plain words"


def test_a_label_shows_one_pair_of_guillemets_around_its_item() -> None:
    accuse = ClaimSummary(id="c1", type="ACCUSE", label="Chile accuses the League of «semer le trouble » dans la région»",
                          arguments={})
    assert reader_label(accuse) == "Chile accuses the League of «semer le trouble dans la région» (in French)"
    supply = ClaimSummary(id="c2", type="SUPPLY", label="Portugal supplies «des « obus » neufs» to Chile", arguments={})
    assert reader_label(supply).startswith("Portugal supplies «des “obus” neufs» (")


def _row(origin: Origin, *chain: ChainLink) -> Evidence:
    quote = "The pact's communique says Portugal ships shells to Chile."
    return Evidence(claim_id="c1", document_id="d1", record_id="a1", stance="supports", certainty="certain",
                    polarity="positive", quote=Span(0, len(quote), quote), chain=chain, origin=origin, lang="en")


def test_a_bodys_document_or_spokesperson_is_its_own_voice_an_outlets_source_is_relayed() -> None:
    document = Origin("src:pact", "The communique (via Southern Pact)", "organization")
    spokesperson = Origin("src:pact", "the spokesperson (via Southern Pact)", "context")
    relayed = Origin("src:herald", "a diplomat (via The Herald)", "media")
    # The outlet named from the context ("the official", after "an official told The Herald") relays all the same.
    context = Origin("src:herald", "the official (via The Herald)", "context")
    gazette = Origin("src:gazette", "an aide (via Coastal Gazette)", "context")
    itself = Origin("src:herald", "the London paper (via The Herald)", "context")
    claim = ClaimSummary(id="c1", type="SUPPLY", label="Portugal supplies «shells» to Chile", arguments={},
                         origins=[document, relayed],
                         evidence=[_row(document, ChainLink("The communique", "document"),
                                        ChainLink("Southern Pact", "author", "Southern Pact")),
                                   _row(spokesperson, ChainLink("the spokesperson", "anonymous_person"),
                                        ChainLink("a Pact spokesperson", "anonymous_person", "Southern Pact")),
                                   _row(relayed, ChainLink("a diplomat", "anonymous_person"),
                                        ChainLink("The Herald", "media", "The Herald")),
                                   _row(context, ChainLink("the official", "anonymous_person"),
                                        ChainLink("The Herald", "context", "The Herald")),
                                   _row(gazette, ChainLink("an aide", "anonymous_person"),
                                        ChainLink("the Gazette", "context", "Coastal Gazette")),
                                   _row(itself, ChainLink("the London paper", "media"),
                                        ChainLink("The Herald", "context", "The Herald"))])
    body_voices([claim])
    assert [e.origin.name for e in claim.evidence] == [
        "The communique (Southern Pact)", "the spokesperson (Southern Pact)", "a diplomat (via The Herald)",
        "the official (via The Herald)", "an aide (via Coastal Gazette)", "The Herald"]
    assert [o.name for o in claim.origins] == ["Southern Pact", "a diplomat (via The Herald)"]
    assert {e.origin.key for e in claim.evidence} == {"src:pact", "src:herald", "src:gazette"}, "keys, counts unchanged"


def test_a_denied_report_answers_what_the_report_names() -> None:
    from claimgraph.graph.assertion import answers, reported_classes
    rejected = "LISBON - Portugal on Monday rejected reports that a Portuguese firm had shipped engines for Chilean boats."
    assert reported_classes(rejected) == frozenset({"engines"})
    assert reported_classes("Lisbon denied information selon lesquelles") == frozenset()
    assert reported_classes("Lisbonne a démenti des informations selon lesquelles une société aurait livré des armes"
                            ) == frozenset({"weapons"})
    assert not answers(rejected, "dual-use components", same_article=True), "engines do not answer components"
    assert answers(rejected, "boat engines", same_article=True)
    assert answers("Portugal rejected the charge.", "dual-use components", same_article=True), "no item: its article's"


def test_a_hedge_adverb_kept_as_source_names_no_one_in_chains_and_trees() -> None:
    from claimgraph.graph.detail import relay_trees
    from claimgraph.graph.render import link_text
    hedge = ChainLink("reportedly", "unspecified")
    assert link_text(hedge) == "no one named («reportedly»)"
    assert link_text(ChainLink("are believed", "unspecified")) == "no one named («are believed»)"
    assert link_text(ChainLink("the officials", "anonymous_person")) == "the officials"
    row = _row(Origin("story:d1", "Tagus Evening", "story"), hedge)
    article = relay_trees([row])[0].children[0]
    assert article.kind == "article" and article.speaker is None, "no «as reportedly» on the article"


def test_an_allegation_is_first_seen_where_it_is_made_not_where_a_denial_answers_it() -> None:
    from dataclasses import replace as with_
    from claimgraph.graph.brief_support import supported_dates
    made = _row(Origin("src:herald", "The Herald", "media"))
    denial = with_(made, stance="denies", date="2024-07-10", origin=Origin("state:PT", "Government of Portugal", "organization"))
    claim = ClaimSummary(id="c1", type="SUPPLY", label="Portugal supplies «shells» to Chile", arguments={},
                         first_seen="2024-07-10", last_seen="2024-09-30",
                         evidence=[denial, with_(made, date="2024-09-02"), with_(made, date="2024-09-12")])
    only_denied = ClaimSummary(id="c2", type="SUPPLY", label="Portugal supplies «mines» to Chile", arguments={},
                               first_seen="2024-07-10", last_seen="2024-07-10", evidence=[denial])
    supported_dates([claim, only_denied])
    assert (claim.first_seen, claim.last_seen) == ("2024-09-02", "2024-09-12")
    assert (only_denied.first_seen, only_denied.last_seen) == ("2024-07-10", "2024-07-10")


def test_the_verdict_names_a_body_speaking_through_its_document_by_the_body() -> None:
    from claimgraph.graph.verdict import verdict
    document = Origin("src:pact", "The communique (via Southern Pact)", "organization")
    claim = ClaimSummary(id="c1", type="SUPPLY", label="Portugal supplies «shells» to Chile",
                         arguments={"agent": "Portugal"}, origins=[document], articles=["d1"], languages=["en"],
                         first_seen="2024-03-04",
                         evidence=[_row(document, ChainLink("The communique", "document"),
                                        ChainLink("Southern Pact", "author", "Southern Pact"))])
    body_voices([claim])
    said = verdict("Does Portugal supply Chile?", [claim])
    assert "1 independent origin: Southern Pact;" in said and "communique" not in said, said


def test_a_relay_tree_marks_a_hedged_denial_and_a_question_as_not_counted() -> None:
    from dataclasses import replace as with_
    from claimgraph.graph.detail import relay_trees
    from claimgraph.graph.render import _tree_lines
    diplomat = Origin("anon:d1", "a diplomat (in Tagus Evening)", "anonymous")
    hedged = with_(_row(diplomat, ChainLink("a diplomat", "anonymous_person")), stance="denies", certainty="possible")
    asked = with_(_row(diplomat, ChainLink("a diplomat", "anonymous_person")), document_id="d2",
                  certainty="underspecified")
    firm = with_(_row(diplomat, ChainLink("a diplomat", "anonymous_person")), document_id="d3")
    tree = relay_trees([hedged, asked, firm])[0].to_dict()
    lines = "\n".join(_tree_lines(tree, 0))
    assert "denies (hedged: not counted)" in lines and "supports (asked or supposed: not counted)" in lines
    assert [c.get("counted", True) for c in tree["children"]] == [False, False, True]


def test_only_an_outlets_own_definite_noun_for_itself_reads_as_the_outlet() -> None:
    def relayed(words: str, outlet: str, how: str = "context") -> Evidence:
        return _row(Origin(f"src:{outlet.lower()}", f"{words} (via {outlet})", "media"),
                    ChainLink(words, "media"), ChainLink(outlet, how, outlet))
    rows = [relayed("state media in Santiago", "Wirepoint", "media"),  # "Wirepoint reported, citing state media in ..."
            relayed("the newspaper", "Wirepoint", "media"),  # "Wirepoint reported, citing the newspaper": another one
            relayed("a newspaper", "Lagoon Post"), relayed("local media", "Lagoon Post"),
            relayed("the state news agency", "Lagoon Post"), relayed("l'agence officielle", "Lagoon Post"),
            relayed("the agency", "Wirepoint"), relayed("l'agence", "Agence Brume"),
            relayed("le quotidien", "Le Courrier du Val"), relayed("the paper", "Lagoon Post")]
    claim = ClaimSummary(id="c1", type="SUPPLY", label="Portugal supplies «shells» to Chile", arguments={},
                         origins=[rows[0].origin, rows[6].origin], evidence=rows)
    body_voices([claim])
    assert [e.origin.name for e in claim.evidence] == [
        "state media in Santiago (via Wirepoint)", "the newspaper (via Wirepoint)", "a newspaper (via Lagoon Post)",
        "local media (via Lagoon Post)", "the state news agency (via Lagoon Post)",
        "l'agence officielle (via Lagoon Post)", "Wirepoint", "Agence Brume", "Le Courrier du Val", "Lagoon Post"]
    assert [o.name for o in claim.origins] == ["state media in Santiago (via Wirepoint)", "Wirepoint"]
