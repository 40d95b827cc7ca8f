"""What a brief shows: relay trees without the speaker or a pronoun as a relay, one row per passage, one
accusation reported in two wordings as one, section headings naming one actor, titles and labels cut at a word
(invented sentences and claims)."""
from __future__ import annotations

from claimgraph.graph.brief import UNASSERTED
from claimgraph.graph.brief_sections import _heading
from claimgraph.graph.brief_tidy import merge_overlapping, whole_title
from claimgraph.graph.detail import relay_trees
from claimgraph.graph.reader import whole_label
from claimgraph.graph.verdict import merge_duplicates, verdict
from claimgraph.model import Span
from claimgraph.model.claims import ChainLink, ClaimSummary, Evidence, Origin

STATE = Origin("state:RU", "Government of Ruritania", "organization")
OFFICIAL = Origin("anon:x", "an official (via The Lantern)", "anonymous")


def row(doc: str, start: int, text: str, origin: Origin, chain: tuple = (), stance: str = "supports",
        certainty: str = "certain", record: str = "v1") -> Evidence:
    return Evidence(claim_id="c1", document_id=doc, record_id=record, stance=stance, certainty=certainty,
                    polarity="positive", quote=Span(start, start + len(text), text), chain=chain, origin=origin,
                    date="2025-03-02", outlet=f"Outlet {doc}")


def test_the_speaker_and_pronouns_are_never_relays() -> None:
    spoken = (ChainLink("il", "person", None), ChainLink("The Lantern", "media", "The Lantern"))
    repeated = (ChainLink("spokesman Ivo Brask", "person", "Ivo Brask"), ChainLink("he", "person", "Ivo Brask"),
                ChainLink("des rumeurs", "other", None))
    trees = relay_trees([row("a", 0, "Shells went east.", OFFICIAL, spoken),
                         row("b", 10, "No shells went east.", STATE, repeated, stance="denies")])
    lantern, ivo = (t.to_dict() for t in trees)
    assert [c["label"] for c in lantern["children"]] == ["The Lantern"], "the relay is the outlet, not «il»"
    assert lantern["children"][0]["children"][0]["kind"] == "article"
    assert [c["kind"] for c in ivo["children"]] == ["article"], "the spokesman, 'he' and «des rumeurs» relay nothing"
    assert ivo["children"][0]["speaker"] == "spokesman Ivo Brask", "the article's words for the origin are kept"


def test_overlapping_rows_of_one_article_are_one_row_said_by_the_named_speaker() -> None:
    sentence = "Ruritania has repeatedly denied sending shells to either side."
    inner = row("a", 16, "denied sending shells to either side", STATE,
                (ChainLink("Ruritania", "organization", "Ruritania"),), stance="denies", certainty="possible")
    outer = row("a", 0, sentence, STATE, stance="denies", record="v9")
    other = row("b", 0, sentence, STATE, stance="denies")
    merged = merge_overlapping([outer, inner, other])
    assert len(merged) == 2 and merged[0].quote.text == sentence and merged[0].certainty == "certain"
    assert merge_overlapping([outer, row("a", 200, "Another sentence.", STATE, stance="denies")]) != [outer]


def accusation(claim_id: str, item: str, articles: list[str], day: str = "2025-03-02") -> ClaimSummary:
    return ClaimSummary(id=claim_id, type="ACCUSE", label=f"Osterlich accuses Government of Ruritania of «{item}»",
                        arguments={"agent": "Osterlich", "target": "Government of Ruritania"},
                        origins=[Origin("state:OS", "Government of Osterlich", "organization")], articles=articles,
                        languages=["en"], first_seen=day)


def test_one_accusation_in_two_wordings_on_one_day_is_one_claim_in_the_reader_language() -> None:
    merged = merge_duplicates([accusation("c1", "livrer des obus à l'ennemi", ["fr1"]),
                               accusation("c2", "arming the enemy", ["en1"])], lambda a, b: True)  # same items
    assert len(merged) == 1 and merged[0].label.endswith("«arming the enemy»") and merged[0].articles == ["fr1", "en1"]
    assert len(merge_duplicates([accusation("c1", "arming the enemy", ["a"]),
                                 accusation("c2", "hacking", ["b"], day="2025-04-09")], lambda a, b: True)) == 2


def test_a_statement_section_names_the_one_thing_the_question_asks_about() -> None:
    claim = ClaimSummary(id="s1", type="STATEMENT", label="Ruritania fuels the largest war in Europe since 1945",
                         arguments={"about0": "Europe", "about1": "Ruritania", "about2": "World War II"})
    keys = {"about0": "ent:europe", "about1": "state:RU", "about2": "ent:ww2"}
    assert _heading(claim, keys, {"cc:RU"}) == "Statements about Ruritania"
    assert _heading(claim, keys, set()) == "Statements about Europe"
    assert "Statements about" not in UNASSERTED


def test_titles_and_labels_are_cut_at_a_word() -> None:
    title = "Ruritanian shells reach the front lines, say officials in Moravia"[:50]  # as graph.origins names it
    assert whole_title(f"article «{title}»") == "article «Ruritanian shells reach the front lines, say …»"
    assert whole_title("Reuters") == "Reuters"
    label = "Ruritania has become a key enabler of the war. Its government is responsible for what its firms sel…"
    assert whole_label(label) == "Ruritania has become a key enabler of the war."
    assert whole_label("Ruritania ships shells and grenades and mortar rou…") == "Ruritania ships shells and grenades and mortar …"


def test_the_verdict_counts_allegations_by_actor_and_says_denying_that() -> None:
    def alleged(claim_id: str, agent: str) -> ClaimSummary:
        return ClaimSummary(id=claim_id, type="SUPPLY", label=f"{agent} supplies shells to Osterlich",
                            arguments={"agent": agent}, origins=[Origin(f"src:{claim_id}", f"Paper {claim_id}", "media")],
                            articles=[claim_id], languages=["en"], first_seen="2025-03")
    claims = [alleged("c1", "Ruritania"), alleged("c2", "Ruritania"), alleged("c3", "Ruritanian companies (unnamed)")]
    text = verdict("Is Ruritania involved?", claims)
    assert "In all, 3 allegations, about Ruritania (2), Ruritanian companies (unnamed) (1), from 3" in text, text


def test_a_repeated_general_denial_is_quoted_where_it_says_what_is_denied() -> None:
    from claimgraph.graph.render import brief_markdown
    from claimgraph.model.claims import Brief

    def allegation(claim_id: str) -> ClaimSummary:
        paper = Origin(f"src:{claim_id}", f"Paper {claim_id}", "media")
        return ClaimSummary(id=claim_id, type="SUPPLY", label=f"Ruritania supplies item {claim_id} to Osterlich",
                            arguments={"agent": "Ruritania"}, origins=[paper], denied_by=[STATE], articles=[claim_id],
                            languages=["en"], first_seen="2025-03", evidence=[
                                row(claim_id, 0, "Shells went east.", paper),
                                row("m", 0, "Ruritania rejected the reports on Monday, calling them groundless.", STATE,
                                    stance="denies", record="v9")])
    narration = row("m", 0, "Ruritania rejected the reports on Monday, calling them groundless.", STATE, record="v9")
    said = row("n", 0, "The minister denied that Ruritania had ever sent shells.", STATE, record="v2")
    deny = ClaimSummary(id="d1", type="DENY", label="Government of Ruritania denies «the case»", arguments={},
                        origins=[STATE], articles=["m", "n"], first_seen="2025-03-01", last_seen="2025-03-09",
                        evidence=[narration, said])
    claims = [allegation("c1"), allegation("c2")]
    claims[1].evidence.append(row("n", 0, "The minister denied that Ruritania had ever sent shells.", STATE,
                                  stance="denies", record="v2"))
    text = verdict("Is Ruritania involved?", claims, [deny])
    assert "in words such as «The minister denied that Ruritania had ever sent shells.»" in text, text
    assert len(text.split("\n")) >= 3, "one sentence a line"
    markdown = brief_markdown(Brief(question="Is Ruritania involved?", verdict=text))
    assert "\n- Alleged: Ruritania supplies" in markdown and "\n- Denied by Government of Ruritania" in markdown


def test_a_lowercase_common_word_of_the_question_names_no_state(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.graph.brief_keys import common_word_keys
    from claimgraph.store import SqlStore
    from claimgraph.store import tables as t

    store = SqlStore(str(tmp_path / "names.db"))
    with store.engine.begin() as connection:
        connection.execute(t.graph_names.insert(), [{"name": "government", "key": "state:OS"},
                                                    {"name": "ruritanian government", "key": "state:RU"},
                                                    {"name": "government", "key": "state:RU"}])
    with store.engine.connect() as connection:
        keys = {"state:OS", "state:RU", "cc:RU"}
        assert common_word_keys(connection, "Is the Ruritanian government involved?", keys) == {"state:OS"}
        assert common_word_keys(connection, "Is the Government involved?", keys) == set(), "a capital names it"
        assert common_word_keys(connection, "is the government involved?", keys) == set(), "all lowercase: kept"
    store.close()


def test_a_state_origin_is_named_once_and_each_voice_on_its_article() -> None:
    state = Origin("state:OS", "Minister Adla Varn (Government of Osterlich)", "organization")
    ministry = Origin("state:OS", "Foreign Ministry of Osterlich (Government of Osterlich)", "organization")
    (tree,) = relay_trees([row("a", 0, "Shells went east.", state), row("b", 0, "Shells went east.", ministry)],
                          {"state:OS": "Government of Osterlich"})
    data = tree.to_dict()
    assert data["label"] == "Government of Osterlich"
    assert [c.get("speaker") for c in data["children"]] == ["Minister Adla Varn", "Foreign Ministry of Osterlich"]


def test_a_denial_in_many_wordings_is_labelled_by_the_one_that_says_what_is_denied() -> None:
    from claimgraph.graph.reader import reader_label

    rows = [row("a", 0, "The ministry said it was not aware of the case.", STATE, record="v1"),
            row("b", 0, "He denied that Ruritania had ever sent shells to anyone.", STATE, record="v2"),
            row("c", 0, "Ruritania denied it.", STATE, record="v3")]
    for e in rows:
        e.lang = "en"
    deny = ClaimSummary(id="d1", type="DENY", label="Government of Ruritania denies «the case»", arguments={},
                        origins=[STATE], evidence=rows)
    assert reader_label(deny) == ("Government of Ruritania denies «the case»: "
                                  "“He denied that Ruritania had ever sent shells to anyone.”")


def test_the_verdict_says_when_no_denial_names_what_the_best_allegation_is_about() -> None:
    from claimgraph.graph.verdict_scope import denials_miss

    def alleging(item: str, denials: list[str]) -> ClaimSummary:
        paper = Origin("src:p", "Paper", "media")
        return ClaimSummary(id="c1", type="SUPPLY", label=f"Ruritania supplies «{item}» to Osterlich",
                            arguments={}, origins=[paper], denied_by=[STATE], evidence=[
                                row("a", 0, "Shells went east.", paper),
                                *(row(f"d{i}", 0, text, STATE, stance="denies") for i, text in enumerate(denials))])
    for e in (claim := alleging("dual-use components", ["Ruritania never sent lethal weapons to anyone.",
                                                       "The ministry rejected the charge."])).evidence:
        e.lang = "en"
    text = denials_miss(claim)
    assert text == ("No denial of the first allegation names components («dual-use components»): they name weapons, "
                    "or reject the charge in general («The ministry rejected the charge.»)."), text
    named = alleging("dual-use components", ["Ruritania never sold microelectronics to Osterlich."])
    named.evidence[1].lang = "en"
    assert denials_miss(named) is None, "a denial naming components answers it"


def test_a_short_brief_keeps_a_third_of_its_room_for_the_allegations_asked_about() -> None:
    from claimgraph.graph.brief import _rooms

    extra, unasserted, denials = _rooms(6, main=5, extra=2, unasserted=2, denials=2)
    assert 6 - extra - unasserted - denials >= 2 and denials >= 1 and unasserted >= 1
    assert _rooms(15, main=10, extra=5, unasserted=2, denials=2) == (5, 2, 2), "a long brief keeps every room"
    assert _rooms(1, main=1, extra=0, unasserted=0, denials=0) == (0, 0, 0)
    assert _rooms(3, main=0, extra=1, unasserted=2, denials=0) == (1, 2, 0), "nothing asked about: rooms stay"


def test_a_denial_whose_item_is_a_party_is_labelled_by_its_words() -> None:
    from claimgraph.graph.reader import reader_label

    said = row("a", 0, "Quillsoft rejected claims it leaked positions to Osterlich.", STATE)
    said.lang = "en"
    deny = ClaimSummary(id="d1", type="DENY", label="Quillsoft denies «Government of Osterlich»",
                        arguments={"agent": "Quillsoft", "about0": "Government of Osterlich"}, evidence=[said])
    assert reader_label(deny) == ("Quillsoft denies what is said of Government of Osterlich: “Quillsoft rejected "
                                  "claims it leaked positions to Osterlich.”"), "not as if the government were denied"
    text = verdict("Quillsoft", [], [ClaimSummary(id="d1", type="DENY", label=reader_label(deny), arguments={},
                                                  origins=[Origin("ent:q", "Quillsoft", "organization")])])
    assert "Denied by" not in text, "the denial on record already says who denies"
