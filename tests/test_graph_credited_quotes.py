"""Origins read with the whole claim (issue 12, origin rules of session 12): the same quote credited to an unnamed
and a named speaker, and unnamed officials in a story that quotes two states.

Invented articles about an invented storm: a wire "Harbour Wire", a villager "Jane Roe", two invented states
read from real country names (Norway, Sweden) only for their nationality.
"""
from __future__ import annotations

from pathlib import Path

from claimgraph.graph import claim_mentions, select_claim_ids, summaries

from graph_docs import Doc, claims_of, store_with

QUOTE = "the wind tore the roofs off the school and the clinic"


def _wire_unnamed() -> Doc:
    d = Doc("w1", f'"{QUOTE}," a harbour resident told the Harbour Wire.', "en", "2025-09-01", "Coast Times")
    d.entity("m1", "Harbour Wire", "ORG", "Harbour Wire")
    d.attribution("a1", "a harbour resident", "anonymous_person", QUOTE)
    return d


def _copy_named(doc_id: str, outlet: str, date: str) -> Doc:
    d = Doc(doc_id, f'"{QUOTE}," said Jane Roe, a 40-year-old resident of the harbour.', "en", date, outlet)
    d.entity("p1", "Jane Roe", "PERSON", "Jane Roe")
    d.attribution("a1", "Jane Roe", "named_person", QUOTE, entity="p1")
    return d


def test_the_same_quote_credited_to_an_unnamed_and_a_named_speaker_is_the_named_one(tmp_path: Path) -> None:
    store = store_with(tmp_path, [_wire_unnamed().analysis, _copy_named("c1", "Daily Post", "2025-09-02").analysis])
    (claim,) = claims_of(store).values()
    assert [o.name for o in claim.origins] == ["Jane Roe"], \
        "the resident who told the wire is Jane Roe, whom the wire's copies name (was two origins)"
    with store.engine.connect() as connection:
        (summary,) = summaries(connection, select_claim_ids(connection, limit=5))
    assert {e.origin.name for e in summary.evidence} == {"Jane Roe"}, "the evidence shows the speaker too"


def test_the_named_speaker_may_come_first(tmp_path: Path) -> None:
    store = store_with(tmp_path, [_copy_named("c1", "Daily Post", "2025-08-31").analysis, _wire_unnamed().analysis])
    (claim,) = claims_of(store).values()
    assert [o.name for o in claim.origins] == ["Jane Roe"]


def test_other_words_keep_the_unnamed_speaker_apart(tmp_path: Path) -> None:
    other = Doc("c2", "The wind tore the roofs off the school, said Jane Roe, a resident, while the clinic kept its "
                      "doors open all night.", "en", "2025-09-02", "Daily Post")
    other.entity("p1", "Jane Roe", "PERSON", "Jane Roe")
    other.attribution("a1", "Jane Roe", "named_person", "The wind tore the roofs off the school", entity="p1")
    store = store_with(tmp_path, [_wire_unnamed().analysis, other.analysis])
    names = sorted(o.name for c in claims_of(store).values() for o in c.origins)
    assert "Jane Roe" in names and any("resident" in n for n in names), \
        "half the words in common: two speakers (the rule needs 80% of the unnamed quote's words)"


def test_unnamed_officials_of_a_story_quoting_two_states_stay_the_outlets(tmp_path: Path) -> None:
    toll = "bombs fell on the refugee camp near the border"
    d = Doc("d1", f"Officials said {toll}. Norway said {toll}. Swedish army spokesman Per Berg said the "
                  "army saw no aircraft over the border that night.", "en", "2025-06-01", "The Lantern")
    d.entity("n1", "Norway", "GPE", ("Norway", "said"))
    d.entity("p1", "Per Berg", "PERSON", "Per Berg")
    d.attribution("a1", "Officials", "anonymous_person", toll)
    d.attribution("a2", ("Norway", "said"), "organization", (toll, "Norway"), entity="n1")
    d.attribution("a3", "Swedish army spokesman Per Berg", "named_person",
                  "the army saw no aircraft over the border that night", entity="p1")
    store = store_with(tmp_path, [d.analysis])
    (claim,) = [c for c in claims_of(store).values() if "state:NO" in {o.key for o in c.origins}]
    assert sorted(o.key for o in claim.origins) == ["anon:d1", "state:NO"], \
        "the article quotes Norway and Sweden: its 'officials' are neither's (were Norway's)"


KNIFE = "the man drew a knife before the officers fired"


def _said(doc_id: str, text: str, source: str, name: str) -> Doc:
    d = Doc(doc_id, text, "en", "2025-03-07", "The Lantern")
    d.entity("p1", name, "PERSON", *[w for w in (name, source) if w in text])
    d.attribution("a1", source, "named_person", KNIFE, entity="p1")
    return d


def test_a_person_given_a_police_role_in_an_apposition_is_the_police() -> None:
    before = _said("d1", f"The police commissioner, Anna Brell, said Tuesday that {KNIFE}.", "Anna Brell", "Anna Brell")
    after = _said("d2", f"Ms. Brell, the police commissioner, said {KNIFE}.", "Ms. Brell", "Anna Brell")
    for d in (before, after):
        assert claim_mentions(d.analysis)[0].origin.key == "src:police", d.analysis.document.id


def test_a_past_police_title_leaves_the_person_their_own_voice() -> None:
    d = _said("d3", f"Tom Ash, the former commander of firearms training at the police academy, said {KNIFE}.",
              "Tom Ash", "Tom Ash")
    assert claim_mentions(d.analysis)[0].origin.key == "src:tom ash", "a former commander speaks for himself"


def test_one_person_named_plain_and_as_a_bodys_voice_is_one_origin(tmp_path: Path) -> None:
    titled = _said("d1", f"Police Commissioner Anna Brell said {KNIFE}.", "Police Commissioner Anna Brell", "Anna Brell")
    plain = Doc("d2", f"Anna Brell said {KNIFE}. Officers had been on patrol for an hour.", "en", "2025-03-08",
                "Daily Post")
    plain.entity("p1", "Anna Brell", "PERSON", "Anna Brell")
    plain.attribution("a1", "Anna Brell", "named_person", KNIFE, entity="p1")
    store = store_with(tmp_path, [titled.analysis, plain.analysis])
    (claim,) = claims_of(store).values()
    assert [o.key for o in claim.origins] == ["src:police"], \
        "the commissioner named without her title in another outlet is still the police (was two origins)"


STORY = ("The river rose through the night and the two roads out of the valley were closed by noon, while the "
         "rescue teams moved the older residents to the sports hall on the hill above the town.")


def test_an_edited_copy_keeps_the_originals_unnamed_sources(tmp_path: Path) -> None:
    original = Doc("o1", f"A school in Varn was flooded Thursday, officials and witnesses said. {STORY}", "en",
                   "2025-10-02", "Coast Times")
    original.attribution("a1", "officials and witnesses", "anonymous_person", "A school in Varn was flooded Thursday")
    copy = Doc("o2", f"A school in Varn was flooded on Thursday, officials and witnesses said. {STORY}", "en",
               "2025-10-03", "Daily Post")
    copy.attribution("a1", "officials and witnesses", "anonymous_person", "A school in Varn was flooded on Thursday")
    store = store_with(tmp_path, [original.analysis, copy.analysis])
    (claim,) = claims_of(store).values()
    assert [o.key for o in claim.origins] == ["anon:o1"], \
        "the copy's sentence is the original's with one word added: its sources are the original's (were its own)"


def test_a_witness_named_after_a_police_source_speaks_for_herself() -> None:
    d = Doc("w2", f"A police source said Ada Lind never told detectives that. Ada Lind said {KNIFE}.", "en",
            "2025-03-07", "The Lantern")
    d.entity("p1", "Ada Lind", "PERSON", "Ada Lind", ("Ada Lind", "that."))
    d.attribution("a1", ("Ada Lind", "that."), "named_person", KNIFE, entity="p1")
    assert claim_mentions(d.analysis)[0].origin.key == "src:ada lind", \
        "'a police source said Ada Lind ...' gives her no police title (the words before her end in a verb)"


def test_a_police_department_named_by_its_acronym_is_the_police() -> None:
    d = Doc("n1", f"The VCPD said {KNIFE}.", "en", "2025-03-07", "The Lantern")
    d.entity("o1", "VCPD", "ORG", "VCPD")
    d.attribution("a1", "The VCPD", "organization", KNIFE, entity="o1")
    assert claim_mentions(d.analysis)[0].origin.key == "src:police", "an acronym ending in PD is a police department"
