"""Schema migrations as named, ordered, idempotent steps.

Written here rather than with alembic's script directory because the schema is
small and must migrate itself on first open of any store (a user runs
`claimgraph ingest` on a new file, no separate `upgrade` step); each step is a
function of a connection, recorded in `schema_migrations`, and runs the same
on SQLite and PostgreSQL through SQLAlchemy Core.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable, Optional

from sqlalchemy import Connection, inspect, select, text

from claimgraph.store import tables
from claimgraph.store.pending import create as create_graph_pending
from claimgraph.store.search import create_search_index
from claimgraph.store.derived import registered_step

Migration = Callable[[Connection], None]


def _create_core_tables(connection: Connection) -> None:
    core = [tables.documents, tables.entities, tables.entity_merges, tables.mentions, tables.attributions,
            tables.events, tables.arguments]
    tables.metadata.create_all(connection, tables=core, checkfirst=True)


def _create_graph_tables(connection: Connection) -> None:
    graph = [tables.graph_documents, tables.graph_bands, tables.graph_copies, tables.claims, tables.claim_keys,
             tables.evidence, tables.graph_names]
    tables.metadata.create_all(connection, tables=graph, checkfirst=True)
    # An index (not a column) on the core table: the graph finds the articles it has not taken in
    # yet, in ingest order, without scanning every document.
    connection.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_ingested_at ON documents (ingested_at, id)"))


def _add_listing_indexes(connection: Connection) -> None:
    """Two indexes on `graph_documents` listings read copy groups and bylines through: (document_id, root_id),
    and (root_id, position, wire) over the articles with a byline. A fresh store has them from 0002."""
    for index in tables.graph_documents.indexes:
        if index.name in ("ix_graph_documents_group", "ix_graph_documents_wire"):
            index.create(connection, checkfirst=True)


READ_INDEXES = {"graph_names": ("ix_graph_names_key",), "claims": ("ix_claims_rank",),
                "evidence": ("ix_evidence_claim_stance",)}


def _add_read_indexes(connection: Connection) -> None:
    """Indexes that `claims`, `brief` and a claim's page read through (see tables.py); a fresh store has them
    from 0002. On the 100k-article benchmark store, about a minute, once."""
    for table, names in READ_INDEXES.items():
        for index in tables.metadata.tables[table].indexes:
            if index.name in names:
                index.create(connection, checkfirst=True)


def _create_article_vectors(connection: Connection) -> None:
    """Sentence vectors computed with the analysis, for the graph sync to read (graph/article_vectors.py)."""
    tables.article_vectors.create(connection, checkfirst=True)


# The mark of a store whose graph was not taken from stored analyses: scripts/bench_graph.py writes graph rows
# straight from synthetic analyses it keeps in memory and replicates them (a 100k-article store in minutes), so
# its documents have no analysis to take in again. Emptying that graph (`retake_graph`) would leave an empty graph
# that no sync can fill: a marked store keeps its graph, written by the rules of the day it was built. Recorded as a
# row of `schema_migrations` (no schema change; "0000" sorts before every real step, so `current_version` is not it).
SYNTHETIC_GRAPH = "0000_synthetic_graph"


def mark_synthetic_graph(connection: Connection) -> None:
    """Mark the store as holding a graph that cannot be retaken from its analyses (a benchmark's store)."""
    tables.schema_migrations.create(connection, checkfirst=True)
    if not has_synthetic_graph(connection):
        connection.execute(tables.schema_migrations.insert().values(version=SYNTHETIC_GRAPH,
                                                                    applied_at=datetime.now(timezone.utc)))


def has_synthetic_graph(connection: Connection) -> bool:
    """Whether `mark_synthetic_graph` marked this store."""
    versions = tables.schema_migrations.c.version
    return connection.execute(select(versions).where(versions == SYNTHETIC_GRAPH)).first() is not None


def retake_graph(connection: Connection) -> None:
    """Empty the evidence graph, which is derived from the stored analyses, when the rules that write it
    change what it stores; the next sync (`ingest`, `claims`, `brief` run one) takes every article in
    again, in ingest order. The analyses themselves are kept. A store marked by `mark_synthetic_graph`
    (a benchmark's graph, with no analyses to take in again) keeps its graph."""
    if has_synthetic_graph(connection):
        return
    derived = [tables.graph_names, tables.evidence, tables.claim_keys, tables.claims, tables.graph_copies,
               tables.graph_bands, tables.graph_documents]
    for table in derived:  # claims cascade to their aggregates (claim_documents, claim_origins)
        connection.execute(table.delete())


MIGRATIONS: list[tuple[str, Optional[Migration]]] = [
    ("0001_core_tables", _create_core_tables),
    ("0002_graph_tables", _create_graph_tables),
    ("0003_claim_stems", None),  # steps of the graph's own rules, registered by claimgraph.graph (store/derived.py)
    ("0004_claim_aggregates", None),
    ("0005_listing_indexes", _add_listing_indexes),
    # graph rules of 2026-11-24: unidentified press-report origins, known officials as their state's voice
    ("0006_graph_rules_2026_11_24", retake_graph),
    ("0007_document_search", create_search_index),
    # graph rules of 2026-12-07: role sanity (no pronoun/speaker/place-of-origin actors, no fragment items, agent
    # != recipient), headings and time phrases are no origins, outlets never deny (graph/sanity.py)
    ("0008_graph_rules_2026_12_07", retake_graph),
    # graph keys and voices of 2026-12-07: nationality from any country, a state's forces and police as the state,
    # police/protesters keyed on their kind, statements across actor keys, ACCUSE as its agent's (graph/keys.py)
    ("0009_graph_keys_2026_12_07", retake_graph),
    ("0010_claim_summaries", None),  # summaries kept for listings (graph.precomputed), registered by claimgraph.graph
    ("0011_read_indexes", _add_read_indexes),
    # brief rules of 2026-12-07: questions, conditions and "if confirmed" assert nothing; a denial answers what
    # its item class covers; acts, things and outlets never act (graph/assertion.py, graph/sanity.py)
    ("0012_assertion_rules_2026_12_07", retake_graph),
    ("0013_article_vectors", _create_article_vectors),
    # graph rules of 2026-12-07 (afternoon): a negated statement answers the account it contradicts, a known
    # party's attacks within a story are one claim, a negated ability or duty answers nothing (graph/update.py)
    ("0014_graph_grouping_2026_12_07", retake_graph),
    # graph rules of 2026-12-07 (evening): statements asserting one figure or act are one claim within a story,
    # an attack naming no attacker is one act where it struck, craft are no agent (a state's are the state), a
    # police department and "officers" are one party, a police force's spokesman or commissioner is the force
    ("0015_graph_propositions_2026_12_07", retake_graph),
    # a quake's magnitude and depth are figures statements share (graph/propositions.py), "1,500" one figure
    ("0016_graph_figures_2026_12_07", retake_graph),
    # the charge a speaker makes of an act ("murder", "massacre") is what statements share within a story
    ("0017_graph_charges_2026_12_07", retake_graph),
    # a count said to be nought answers the story's figure of it ("no casualties" / "12 killed"), a statement claim is
    # found by what any of its mentions asserts (`prop:` keys), pointing a gun is having one (graph/propositions.py)
    ("0018_graph_noughts_2026_12_08", retake_graph),
    # the narration of an undisputed act takes its quoted source's actor, an agentless attack with no country takes
    # its article's place, an outlet is never an agent (graph/actors.py, graph/sanity.py)
    ("0019_graph_narration_2026_12_08", retake_graph),
    # an item's relative clause gives it no class (graph/items.py), a body named by its country's words is that state
    # (graph/keys.py), «une personne» is one and a far "not" no nought, "were killed." ends a sentence (propositions)
    ("0020_graph_items_states_noughts_2026_12_08", retake_graph),
    # one party's denials within a story are one claim, a denial's origin is its denier whoever reports it
    ("0021_graph_story_denials_2026_12_08", retake_graph),
    # having nothing in one's hands is having no weapon, a negation meets the account it answers at a lower cosine
    ("0022_graph_accounts_2026_12_08", retake_graph),
    # a place phrase is in any country it names ("a grain depot in South Sudan"; graph/keys.py `place_country`)
    ("0023_graph_place_countries_2026_12_08", retake_graph),
    # negations stored before the account they answer deny it once it is told (graph/stances.py `answer_earlier`)
    ("0024_graph_earlier_negations_2026_12_08", retake_graph),
    # a story's police and medical examiner are one origin each (graph/voices.py, data/voices.yaml); an outlet's own
    # telling relays another outlet's report or a published text, not a party it quotes (graph/origin_rules.py)
    ("0025_graph_bodies_narration_2026_12_08", retake_graph),
    # statements of one story in two articles repeating seven words are one statement (graph/scoring.py WORDING_RUN)
    ("0026_graph_wording_2026_12_08", retake_graph),
    # an article's unnamed officials are the one state it quotes by name on the claim (graph/origin_rules.py); the
    # named origins an article cites are kept for its unnamed sources too (graph/aggregates.py)
    ("0027_graph_officials_2026_12_08", retake_graph),
    # negated having is having no weapon ("did not have a gun"), a contracted "n't" is a negation (graph/propositions.py)
    ("0028_graph_negated_having_2026_12_08", retake_graph),
    # a relay's own record with the words it relays counts from the speaker ("..., quoted by the AP": graph/origins.py)
    ("0029_graph_relay_records_2026_12_08", retake_graph),
    # a capital as an actor is its state ("Khartoum denies", graph/keys.py `capital_country`)
    ("0030_graph_capitals_2026_12_08", retake_graph),
    # words telling having nothing deny the act, a negated having keys only on its own object, a shared run of words
    # joins statements only with words of its own and a party or meaning in common (graph/propositions.py, scoring.py)
    ("0031_graph_fixes_2026_12_08", retake_graph),
    # a bare "officer" is the story's police only when the source names no other body or role ("a data protection
    # officer", "an officer of the company" are not; graph/voices.py `body_kind`, data/voices.yaml)
    ("0032_graph_police_officers_2026_12_08", retake_graph),
    # an organisation's head or spokesperson titled with it, its people beside a place, and a source referring back
    # by the head noun of one already quoted are the organisation's voice (graph/person_roles.py, origins.py)
    ("0033_graph_organisation_voices_2026_12_08", retake_graph),
    # an unresolved "he"/"she" is the voice quoted just before it; a public body's official with no country given
    # is the state of the one country the article's places are in (graph/origins.py, voices.py)
    ("0034_graph_pronouns_public_bodies_2026_12_08", retake_graph),
    # plural and object pronouns ("they", "ils", "lui", "we") and one told to the article itself are the voice quoted
    # before them, too (graph/origins.py `_pronoun_speaker`)
    ("0035_graph_all_pronouns_2026_12_08", retake_graph),
    # where the article disputes an act, a voice's act naming no actor keeps none unless its words name it; two places
    # of one country are two acts; protesters one party; capitals listed as states; an act is its subject's; a state's
    # negated act naming no one is its own (graph/actors.py, story_scope.py, propositions.py, keys.py)
    ("0036_graph_contested_actors_2026_12_08", retake_graph),
    # a past title or a clause about a person makes no organisation's voice ("a former Acme spokesperson", "X, who
    # criticised the Acme chief,"); a plural pronoun is never one named person (graph/person_roles.py,
    # context_voices.py, data/voices.yaml)
    # It landed after the claim-key review and covers it too: depth words take a figure only with a length unit,
    # miles/metres/feet keyed in kilometres; "protesting" makes protesters only after people; places compared by
    # names; a state's denial is its own act only when the article alleges it (propositions.py, keys.py, actors.py)
    ("0037_graph_former_titles_plural_pronouns_2026_12_08", retake_graph),
    # a party's account named, not told ("his relatives dispute the police account"), denies that party's account in
    # the article; a denial of a proposition the story's accounts share is that proposition, negated
    # (graph/accounts.py, mentions.py); a pronoun acting is the group named just before it (actors.py); a statement
    # whose only proposition is a charge meets the story's claims making it whatever its other words (story_scope.py)
    ("0038_graph_named_accounts_2026_12_08", retake_graph),
    # an attack told with no place is the article's lead attack's; an attack by no one named elsewhere (another named
    # place, "another region") never joins a claim of another place (graph/actors.py, story_scope.py, scoring.py)
    ("0039_graph_lead_place_2026_12_08", retake_graph),
    # a length gives no toll, a figure before "and" is the other count's, an aside is background, and statements
    # asserting different things are two claims (graph/propositions.py, story_scope.py)
    ("0040_graph_statement_figures_2026_12_08", retake_graph),
    # a count told by its parts is their sum, «70 000» is one figure, an undated statement meets its story
    # (graph/propositions.py, story_scope.py)
    ("0041_graph_summed_counts_undated_2026_12_08", retake_graph),
    # "invasion" is a charge (graph/data/propositions.yaml judgements)
    ("0042_graph_invasion_charge_2026_12_08", retake_graph),
    # a count is summed over parts joined by "and" only when each counts people (graph/data/propositions.yaml
    # people_nouns): not "5 houses and 12 people", nor a year
    ("0043_graph_people_sums_2026_12_08", retake_graph),
    # «70 000» is one figure before a comma or full stop too, and not joined to a day after an English month ("March 5
    # 150 people") (graph/propositions.py, data/propositions.yaml month_then_day)
    ("0044_graph_spaced_thousands_2026_12_08", retake_graph),
    # a body's voice read from an apposition ("The police commissioner, Jane Roe,", "Ms. Roe, the police
    # commissioner,"), never from a past title ("the former commander of ..."): graph/voices.py, person_roles.py
    ("0045_graph_body_appositions_2026_12_08", retake_graph),
    # a copy's edited sentence (60% of its word trigrams in its original) keeps the original's unnamed sources
    # (graph/aggregates.py own_in_copy)
    ("0046_graph_edited_copies_2026_12_08", retake_graph),
    # a title ends in its role or body word ("a police source said Jane Roe" titles no one); a police department
    # named by its acronym ("NYPD") is the police (graph/voices.py, data/voices.yaml acronym_endings)
    ("0047_graph_title_ends_2026_12_08", retake_graph),
    # an occurrence a story tells beside its event ("a landslide") is a statement key; a clause recalling the event
    # after what a statement tells ("no word of harm after the tremor hit 8 km down") gives it no figure
    # (graph/propositions.py, graph/data/propositions.yaml)
    ("0048_graph_occurrences_recalled_clauses_2026_12_08", retake_graph),
    # an attack by no one named told with nothing else ("the bombing") is kept at the article's lead attack's place
    # (graph/actors.py resolve_places)
    ("0049_graph_bare_attack_at_lead_2026_12_08", retake_graph),
    # an act with no actor takes the one actor a later pronoun's group gives the act (graph/actors.py resolve_unnamed,
    # two passes)
    ("0050_graph_actor_after_pronoun_2026_12_08", retake_graph),
    # a source span of cue words only ("reportedly", "are believed") names no origin: whoever reports it is the origin
    # (graph/cue_names.py, graph/origins.py origin_of)
    ("0051_graph_cue_word_sources_2026_12_08", retake_graph),
    # an attack claim is where any of its mentions place it, not only its first (graph/claim_additions.py `where:`
    # keys, graph/story_scope.py other_place)
    ("0052_graph_claim_places_2026_12_08", retake_graph),
    # an event's readings told apart are one reading; harm beside them drops them (graph/propositions.py `readings`)
    ("0053_graph_event_readings_2026_12_08", retake_graph),
    # an attack with no attacker at the place of a known party's undisputed attack is that party's (graph/update.py
    # `_party_told_at`)
    ("0054_graph_undisputed_party_2026_12_08", retake_graph),
    # a pronoun takes the one actor the article names in several ways (graph/actors.py resolve_unnamed)
    ("0055_graph_pronoun_one_actor_2026_12_08", retake_graph),
    # a content that is only a figure of people meets the story's count of that figure (graph/propositions.py
    # `_headcount`)
    ("0056_graph_headcount_2026_12_08", retake_graph),
    # an attack told with only a craft ("the plane launched bombing raids") is kept at the lead's place (graph/actors.py
    # resolve_places)
    ("0057_graph_craft_only_attack_at_lead_2026_12_08", retake_graph),
    # the articles the graph has not taken in, kept by triggers: a no-op sync reads one row instead of two counts
    ("0058_graph_pending", create_graph_pending),
    # an act's agent read again in its sentence: a country before its forces or craft, a people told by what it is
    # doing, an agent that died (graph/keys.py, graph/actors.py reread_agents)
    ("0059_graph_agent_reread_2026_12_08", retake_graph),
    # an undated article's statement meets the story of the dated claims its article joined, not a story of any date
    # (graph/story_scope.py dated_by)
    ("0060_graph_undated_statements_in_their_story_2026_12_08", retake_graph),
    # unnamed broadcasters ("most radio and TV stations") are press reports; an outlet named "<Name> News" is not one
    # (graph/press.py)
    ("0061_graph_broadcasters_press_reports_2026_12_08", retake_graph),
    # "The Greek prime minister" (a nationality and a public office, typed named with no entity) is the state's voice,
    # and a nationality is no proper name (graph/origins.py)
    ("0062_graph_state_office_by_nationality_2026_12_08", retake_graph),
    # a source span of an article alone ("The") names no origin (graph/cue_names.py)
    ("0063_graph_article_only_sources_2026_12_08", retake_graph),
    # an event's readings told apart are one reading only for statements that may tell one event: in the story's
    # window, not naming two countries (graph/story_scope.py `one_event`)
    ("0064_graph_readings_one_event_2026_12_08", retake_graph),
    # a bare headcount meets only counts of people harmed, and is read with the verb right after its quote
    # (graph/propositions.py `with_count_verb`, graph/proposition_match.py `_headcount`)
    ("0065_graph_headcount_people_2026_12_08", retake_graph),
]


def migrate(connection: Connection) -> list[str]:
    """Apply every migration not yet recorded; return the versions applied now."""
    tables.schema_migrations.create(connection, checkfirst=True)
    done = set(connection.execute(select(tables.schema_migrations.c.version)).scalars())
    applied = []
    for version, own_step in MIGRATIONS:
        if version in done:
            continue
        step = own_step or registered_step(version)
        if step is None:  # a derived-data step whose owner is not loaded in this process: left for a later open
            continue
        step(connection)
        connection.execute(tables.schema_migrations.insert().values(version=version,
                                                                    applied_at=datetime.now(timezone.utc)))
        applied.append(version)
    return applied


def pending(connection: Connection) -> bool:
    """Whether `migrate` has a step to apply now (read only: no lock is taken to find out)."""
    if not inspect(connection).has_table("schema_migrations"):
        return True
    done = set(connection.execute(select(tables.schema_migrations.c.version)).scalars())
    return any(version not in done and (own_step or registered_step(version)) is not None
               for version, own_step in MIGRATIONS)


def lock_for_migration(connection: Connection) -> None:
    """Take the database's write lock before reading what is applied, so that two processes opening
    a new store one after the other wait for each other instead of both creating the same tables.
    SQLite: BEGIN IMMEDIATE (the sqlite3 driver has not begun a transaction before a first write);
    PostgreSQL: a transaction-scoped advisory lock (its DDL is transactional already)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7200112)")


def current_version(connection: Connection) -> str | None:
    if not inspect(connection).has_table("schema_migrations"):
        return None
    versions = sorted(connection.execute(select(tables.schema_migrations.c.version)).scalars())
    return versions[-1] if versions else None
