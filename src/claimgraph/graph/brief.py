"""Answer a question or an entity with the claims that bear on it (`claimgraph brief`).

A question is read two ways: the entities and unnamed groups it names (in
either language, through every alias the graph has seen) pick candidate
claims through an index, and the multilingual embedding of the question
ranks them against each claim's label. Claims are then grouped by who is
alleged to act, so that "Chinese companies supply weapons" and "the Chinese
government is involved" stay apart.
"""
from __future__ import annotations

import json
import math
from collections import defaultdict
from functools import lru_cache
from itertools import islice
from typing import Any, Callable, Optional

from sqlalchemy import Connection, select
from threadpoolctl import ThreadpoolController

from claimgraph.graph.brief_sections import Actors, actor_keys, actor_of, sections as group_sections
from claimgraph.graph.brief_keys import common_word_keys, one_name_per_state
from claimgraph.graph.brief_parties import country_does, question_parties, unlinked
from claimgraph.graph.brief_roles import off_roles as _off_roles
from claimgraph.graph.brief_join import join_statements
from claimgraph.graph.brief_passive import passive
from claimgraph.graph.brief_support import denied_by_party, questions_undenied, supported_dates, supporting_articles
from claimgraph.graph.brief_tidy import body_voices, quoted_above, row_key, same_item, tidy, whole_names
from claimgraph.graph.denial_events import keep_answering
from claimgraph.graph.denials import link
from claimgraph.graph.detail import claim_extras
from claimgraph.graph.embed import Embedder, from_blobs
from claimgraph.graph.assertion import is_normative
from claimgraph.graph.items import item_classes
from claimgraph.graph.firmness import UNASSERTED, demand, first_sentence, firmness, warning
from claimgraph.graph.keys import country_code, country_name, nationality, words
from claimgraph.graph.names import name_runs, unknown_names
from claimgraph.graph.lookup import ranked_keys
from claimgraph.graph.query import keys_in_question, summaries
from claimgraph.graph.reader import language_of, reader_label
from claimgraph.graph.verdict_denials import alleged_classes
from claimgraph.graph.verdict_scope import named_classes
from claimgraph.graph.speakers import speaker_brief
from claimgraph.graph.verdict import merge_duplicates, no_evidence, verdict
from claimgraph.model.claims import Brief, ClaimSummary
from claimgraph.store import tables as t

CANDIDATES = 2000
# A named entity or group the claim shares with the question weighs like this much cosine.
KEY_BONUS = 0.12
COUNTRY_BONUS = 0.12
MIN_SCORE = 0.25
# A question that names nobody the graph knows is matched by meaning alone, and must mean it.
MEANING_MIN_SCORE = 0.45
# A widely evidenced claim ranks a little higher (log of its evidence count).
EVIDENCE_BONUS = 0.03
PER_ACTOR = 3
EXTRA_ACTORS = 5
ALLEGATIONS = ("SUPPLY", "PRODUCE", "DEVELOP", "USE")
# Another actor of the question's country (its companies) is shown when its claim matches this much.
ACTOR_MIN_SCORE = 0.25
# The question's named actor acting in a claim (agent, owner, accused, subject) weighs like this much cosine.
ROLE_BONUS = 0.1
# The most relevant claims a brief chooses from (at least; three times its limit when larger).
POOL = 30
# Claims shown of what is only asked, supposed or speculated.
SPECULATION_SHOWN = 2
# Claims read beyond the chosen ones, to take the places of statements that join an allegation (graph.brief_join).
RESERVE = 3
# Denial claims read to link against the allegations (the most relevant first), and kept room in the
# brief's `limit` for the denials section (when the limit leaves room for allegations too).
DENIALS_READ = 10
DENIALS_KEPT = 2
# Quoted evidence a brief shows per claim and stance (the first, in date order); the rest is counted.
EVIDENCE_SHOWN = 30


def answer(connection: Connection, question: str, embedder: Embedder, limit: int = 15) -> Brief:
    """The brief for `question`: its best claims with evidence, grouped by alleged actor, and the
    denials that answer them (`limit` bounds the claims listed, allegations and denials together)."""
    keys = keys_in_question(connection, question)
    keys -= common_word_keys(connection, question, keys)  # "the government" is no name of Sudan's state
    unknown = unknown_names(connection, question, keys)  # adds the keys of names given in part ("Limbach")
    named = {k for k in keys if not k.startswith("cc:")}
    if unknown:
        # A spokesperson is no actor of any claim but a source of many: what it says and denies answers it.
        spoken = speaker_brief(connection, question, unknown, limit)
        if spoken is not None:
            return spoken
        # "Is Acme supplying drones to Russia?": claims about Russia's drones do not answer it.
        return Brief(question=question, matched=_readable(keys), unknown=unknown,
                     verdict=no_evidence(question, unknown))
    c = t.claims
    claim_keys: dict[str, set[str]] = defaultdict(set)
    if keys:
        # The candidates and every key they hold in one statement (graph.lookup.ranked_keys).
        claim_keys.update(ranked_keys(connection, keys, CANDIDATES))
        ids = list(claim_keys)
    else:
        ids = list(connection.execute(select(c.c.id).order_by(c.c.n_evidence.desc(), c.c.seq.desc()).limit(CANDIDATES)).scalars())
    if not ids:
        return _unanswered(connection, question, keys, limit)
    parties = question_parties(question)
    if keys and unlinked(parties, claim_keys):
        # "Does Russia sell oil to India?": claims about Russia alone answer another question.
        return Brief(question=question, matched=_readable(keys),
                     verdict=no_evidence(question, [], [country_name(p) or p for p in parties]))
    rows = list(connection.execute(select(c.c.id, c.c.type, c.c.label_vector, c.c.names, c.c.arguments, c.c.item,
                                          c.c.n_evidence, c.c.label).where(c.c.id.in_(ids))).fetchall())
    if not keys:
        for r in connection.execute(select(t.claim_keys.c.claim_id, t.claim_keys.c.key).where(t.claim_keys.c.claim_id.in_(ids))):
            claim_keys[r.claim_id].add(r.key)
    off_roles = _off_roles(connection, question, rows, claim_keys) if keys else set()  # graph.brief_roles
    if isinstance(off_roles, str):  # "Did Ukraine buy Chinese drones?" and no supply to Ukraine by a Chinese actor
        return Brief(question=question, matched=_readable(keys), verdict=off_roles)
    question_vector = embedder.encode([question])[0]
    # Every candidate's vector decoded in one call (the same matrix as one vector per row, so the same cosines).
    # On one BLAS thread: OpenBLAS's second thread spin-waits about 0.1 s after each call, a core taken from
    # everything else on a loaded machine (a brief's wall time 570 -> 250 ms at 100k articles beside 3 busy processes).
    with _blas().limit(limits=1, user_api="blas"):
        cosines = (from_blobs([r.label_vector for r in rows]) @ question_vector).tolist()
    countries = keys - named
    floor = MIN_SCORE if keys else MEANING_MIN_SCORE
    scored = []
    kinds: dict[str, str] = {}
    evidence: dict[str, int] = {}
    items: dict[str, str] = {}
    roles: dict[str, dict[str, str]] = {}
    direct: set[str] = set()
    # Who acts in a claim (its readable names) is only read for the few claims a section is made of.
    names = {row.id: row.names for row in rows}
    actor = Actors(names, kinds)
    # The country the question names first is its subject ("La Chine fournit-elle des armes à la Russie ?"):
    # claims where it, its state or its companies act rank before those where the other country acts.
    first = _first_country(question)
    runs = name_runs(question)
    leading = named
    if runs and any(k.startswith("ent:") for k in named) and not (country_code(runs[0]) or nationality(runs[0])) \
            and not country_does(question):
        # A named actor before any country is the subject ("Does Acme supply engines to Russia?"): it acts first,
        # not the country, nor that country's state; not when the country is the doer ("Is Acme helped by China?").
        first, leading = None, {k for k in named if k.startswith("ent:")}
    subject: set[str] = set()
    for row, cosine in zip(rows, cosines):
        shared = claim_keys[row.id]
        arguments = json.loads(row.arguments)
        acting_keys = actor_keys(arguments, row.type)
        acts = bool(leading & acting_keys)
        score = (cosine + KEY_BONUS * len(shared & named) + COUNTRY_BONUS * min(1, len(shared & countries))
                 + EVIDENCE_BONUS * math.log1p(row.n_evidence) + ROLE_BONUS * acts)
        scored.append((score, row.id))
        kinds[row.id] = row.type
        evidence[row.id] = row.n_evidence
        items[row.id] = row.item or ""
        roles[row.id] = arguments
        if acts:
            direct.add(row.id)
        if first and (f"actor:{first}" in shared or f"state:{first}" in acting_keys):
            subject.add(row.id)
    scored.sort(key=lambda x: (-x[0], x[1]))
    # The claims that answer the question (a denial answers the allegations below, it is not one more of
    # them; a claim about a company or person the question names answers it however it is worded) ...
    # A statement that asks someone to act or says what someone cannot or must not do ("expected Beijing to stop
    # such transfers", "China cannot fuel the war") alleges nothing, and takes no room.
    # Taken lazily (islice): the demand test reads every phrase of the lexicon, and only the first few candidates
    # are kept (about 40% of a brief's CPU went to testing all 2,000).
    pool = list(islice(((score, claim_id) for score, claim_id in scored if kinds[claim_id] != "DENY"
                        and claim_id not in off_roles and not _asks(
        kinds[claim_id], items[claim_id]) and (score >= floor or any(k.startswith("ent:") for k in
                                                                     claim_keys[claim_id] & named))), max(POOL, 3 * limit)))
    # Whether some independent origin asserts each (graph summaries, no evidence read): what none asserts is
    # only asked, supposed or speculated, and gets its own small room below, not an allegation's.
    asserted = {summary.id: bool(summary.origins)
                for summary in summaries(connection, [claim_id for _, claim_id in pool], with_evidence=False)}
    by_score = [claim_id for _, claim_id in pool]
    # ... chosen where the actor the question names acts first, then by evidence: a short brief keeps the
    # best-evidenced allegations, not the best-worded ones.
    pool.sort(key=lambda x: (bool(subject) and x[1] not in subject, x[1] not in direct or kinds[x[1]] == "STATEMENT",
                             -evidence[x[1]], -x[0], x[1]))
    chosen: list[str] = []
    per_actor: dict[str, int] = defaultdict(int)
    for score, claim_id in pool:
        if len(chosen) >= limit:
            break
        # Several actors answer a question better than one actor's many claims; the actor the question
        # names gets more room.
        if asserted.get(claim_id) and per_actor[actor(claim_id)] < (
                max(PER_ACTOR, limit // 2) if claim_id in direct else PER_ACTOR):
            chosen.append(claim_id)
            per_actor[actor(claim_id)] += 1
    # Then the best claim of every other actor the question's countries cover ("China ..." also asks
    # about Chinese companies), so that each alleged actor gets its own section.
    # Actors of the country the question names first: its subject ("China supplies ... to Russia").
    acting = {f"actor:{first}"} if first else {"actor:" + k.split(":", 1)[1] for k in countries}

    asked = named_classes(question, language_of(question))  # "des armes": the item class the question asks about

    def other_actors(shown: set[str]) -> list[str]:
        per_actor: dict[str, list[tuple[int, bool, float, str]]] = defaultdict(list)
        for score, claim_id in scored:
            if (score >= ACTOR_MIN_SCORE and kinds[claim_id] in ALLEGATIONS and claim_keys[claim_id] & acting
                    and actor(claim_id) not in shown and claim_id not in off_roles):
                told = bool(asked & item_classes(items[claim_id], language_of(items[claim_id])))
                per_actor[actor(claim_id)].append((evidence[claim_id], told, score, claim_id))
        best = []
        for candidates in per_actor.values():
            # Within an actor, its most evidenced claim (the wire story, not a one-off), or its claim of what the
            # question asks about when that one is evidenced at least half as much.
            top = max(candidates)
            told = [c for c in candidates if c[1] and 2 * c[0] >= top[0]]
            best.append(max(told) if told else top)
        return [v[3] for v in sorted(best, key=lambda v: (-v[0], -v[2], v[3]))]

    extras = other_actors({actor(claim_id) for claim_id in chosen})
    # `limit` bounds the whole brief: the other actors' best claims take at most a third of it.
    n_extra = min(len(extras), EXTRA_ACTORS, limit // 3)
    # What is only asked, supposed or speculated answers the question too ("whether Beijing knew"): the most
    # relevant such claims keep a little room, so that the verdict can say what is only speculation.
    unasserted: list[str] = []
    if limit >= 3:
        unasserted = [claim_id for claim_id in by_score if not asserted.get(claim_id, True)
                      and claim_id not in extras[:n_extra]][:max(SPECULATION_SHOWN, limit // 5)]
    # The denials by the actors in question: DENY claims, linked to each allegation they answer across
    # articles and languages (graph.denials), and listed on their own, with a little room kept for them.
    deny_ids = [claim_id for score, claim_id in scored if kinds[claim_id] == "DENY"
                and (score >= floor or claim_id in direct)][:DENIALS_READ]
    kept = min(DENIALS_KEPT, len(deny_ids)) if limit >= 2 * DENIALS_KEPT + 2 else 0
    n_extra, n_unasserted, kept = _rooms(limit, len(chosen), n_extra, len(unasserted), kept)
    keep = max(0, limit - n_extra - n_unasserted - kept)
    if {actor(c) for c in chosen[keep:]} - {actor(c) for c in chosen[:keep]}:
        # An actor whose claims were chosen, then cut for the rooms below, is one more other actor ("Chinese
        # companies" for "Does China supply weapons?"), not one the brief drops.
        extras = other_actors({actor(claim_id) for claim_id in chosen[:keep]})
        n_extra = min(len(extras), EXTRA_ACTORS, limit // 3)
        n_extra, n_unasserted, kept = _rooms(limit, len(chosen), n_extra, len(unasserted), kept)
    chosen = chosen[:max(0, limit - n_extra - n_unasserted - kept)] + extras[:n_extra] + unasserted[:n_unasserted]
    if not chosen and not deny_ids:
        return _unanswered(connection, question, keys, limit)
    relevance = {claim_id: score for score, claim_id in scored}
    # A few more asserted candidates, in the pool's order: they take the places that joined statements leave.
    reserve = [claim_id for _, claim_id in pool if claim_id not in chosen and asserted.get(claim_id)][:RESERVE]
    claims = summaries(connection, chosen + reserve, evidence_limit=EVIDENCE_SHOWN)
    supporting_articles(connection, claims)  # an allegation's articles carry it; its denials' are its deniers'
    claims = merge_duplicates(claims, same_item(connection, claims, items))  # one accusation in two wordings
    denial_claims = summaries(connection, deny_ids, evidence_limit=EVIDENCE_SHOWN)
    link(claims, denial_claims, roles, claim_keys, items)
    questions_undenied(claims)  # "trying to establish whether Beijing knew" asks; no denial answers it
    keep_answering(connection, claims, roles, claim_keys)  # a May denial, a state's "not aware of the case" (graph.denial_events)
    claims = join_statements(claims, roles)  # NATO's "decisive enabler" beside its supply claim (graph.brief_join)
    claims = claims[:len(chosen)]  # the reserve fills only what joined (or merged) claims left free
    one_name_per_state(claims, roles)  # "China" and "Government of China" head one section
    supported_dates(claims)  # first and last seen where the claim is made, not where a denial answers it
    for claim in claims:
        claim.evidence.sort(key=lambda e: (e.stance != "supports", e.date or "", e.document_id))
    firm = {c.id: firmness(c) for c in claims}
    # A statement that asks, and an act missing the party it needs ("Russia sanctions ?"), allege nothing.
    asks = {c.id for c in claims if _asks(c.type, c.label) or (c.type != "STATEMENT" and " ? " in f" {c.label} ")}
    # A claim only denied ("China is not a party to the conflict", said by Beijing), or asserted only by the
    # party the question names and the claim says acts ("China firmly opposes the listings", said by China), is
    # that party's answer; what another party the question names says of the actor (Chile's minister on what
    # Portugal shipped to Chile) is an allegation.
    allegations = [c for c in claims if (c.origins or any(e.stance == "supports" for e in c.evidence))
                   and not (c.origins and all(o.key in named & actor_keys(roles.get(c.id, {}), c.type)
                                              for o in c.origins))
                   and not _own_words(c, roles, named)
                   and c.id not in asks]
    # What no one supports is listed only as the answer of a party it is about (graph.brief_support).
    answered = [c for c in claims if c not in allegations and c.id not in asks
                and (c.origins or any(e.stance == "supports" for e in c.evidence) or denied_by_party(c, roles))]
    # Ranked by evidence: what some origin asserts before what is only a headline, a possibility or a question;
    # then those where the actor the question names acts, by independent origins, then articles, then by how
    # well the claim matches the question.
    # What no origin asserts comes last, the most relevant to the question first ("whether Beijing knew").
    off_item = _off_item(question)  # what the question asks is supplied ("des armes") answers it first
    allegations.sort(key=lambda s: (not firm[s.id].asserted, off_item(s), bool(subject) and s.id not in subject,
                                    s.id not in direct or s.type == "STATEMENT",
                                    -relevance.get(s.id, 0.0) if not firm[s.id].asserted else 0,
                                    # "G7 leaders accuse China of (unspecified)", or "Acme is accused of" by no one
                                    # named, says less than any named act
                                    s.type == "ACCUSE" and ("(unspecified)" in s.label or "agent" not in s.arguments),
                                    -len(s.origins), -len(s.articles), -relevance.get(s.id, 0.0), s.id))
    used = {d.document_id + d.record_id for c in allegations for d in c.evidence if d.stance == "denies"}
    # A denial is listed when it answers a listed allegation, or when the actor the question names denies.
    denials = answered + [d for d in denial_claims if d.origins and (d.id in direct or any(
        e.document_id + e.record_id in used for e in d.evidence))]
    denials = denials[:max(0, limit - len(allegations))]
    # Labels in the reader's language where the store knows it (graph.reader); the stored label is kept aside.
    stored: dict[str, str] = {}
    listed = list({id(c): c for c in [*allegations, *denials, *denial_claims]}.values())
    whole_names(listed)
    body_voices(listed)  # "The summit declaration (NATO)": a body's own words, not relayed through it
    for claim in listed:
        label = passive(reader_label(claim), claim.arguments)  # "someone accuses X of" -> "X is accused of"
        if label != claim.label:
            stored[claim.id] = claim.label
            claim.label = label
    # Counted from every row; shown with one row per passage and origin names cut at a word (graph.brief_tidy).
    sections = group_sections([c for c in allegations if firm[c.id].asserted], roles, keys)
    unsure = [c.id for c in allegations if not firm[c.id].asserted]
    if unsure:
        # What no origin asserts is no allegation of any actor: listed apart, after them.
        sections.append((UNASSERTED, unsure))
    said = verdict(question, allegations, denials, firm,
                   {claim_id: actor for actor, ids in sections for claim_id in ids})
    tidy(listed)
    details: dict[str, Any] = {c.id: {**claim_extras(c), "firmness": firm[c.id].to_dict()} for c in allegations}
    by_id = {c.id: c for c in allegations}
    for claim_id, above in quoted_above(by_id[i] for _, ids in sections for i in ids).items():
        details[claim_id]["quoted_above"] = above  # a passage quoted in full once (graph.brief_tidy)
    for claim_id, label in stored.items():
        details.setdefault(claim_id, {})["stored_label"] = label
    for claim in allegations:  # "cannot keep fuelling the war without consequences": context, not support
        warned = [row_key(e) for e in claim.evidence if e.stance == "supports" and warning(e.quote.text)]
        if warned:
            details[claim.id]["warnings"] = warned
    return Brief(question=question, matched=_readable(keys), claims=allegations, sections=sections,
                 verdict=said, denials=denials,
                 details=details)


def _rooms(limit: int, main: int, extra: int, unasserted: int, denials: int) -> tuple[int, int, int]:
    """How many other actors' claims, unasserted claims and denials a brief of `limit` claims keeps, so that the
    allegations the question asks about keep at least a third of it (a short brief was all reserved rooms:
    `--limit 6` listed other actors, speculation and denials, and not the best-evidenced allegation)."""
    want = min(main, max(1, (limit + 2) // 3))
    while extra + unasserted + denials > limit - want:
        if unasserted > 1:
            unasserted -= 1
        elif extra > 1:
            extra -= 1
        elif denials > 1:
            denials -= 1
        elif unasserted:
            unasserted -= 1
        elif extra:
            extra -= 1
        elif denials:
            denials -= 1
        else:
            break
    return extra, unasserted, denials


def _unanswered(connection: Connection, question: str, keys: set[str], limit: int) -> Brief:
    """No claim names what the question names: a name that only speaks (a person quoted, never acting) gets what
    it says and denies (graph.speakers), else "no evidence found"."""
    spoken = speaker_brief(connection, question, name_runs(question), limit)
    return spoken or Brief(question=question, matched=_readable(keys), verdict=no_evidence(question, []))


def _asks(claim_type: str, words: str) -> bool:
    """A statement that demands or forbids (graph.firmness.demand, graph.assertion.is_normative): no allegation."""
    return claim_type == "STATEMENT" and (demand(words) or is_normative(first_sentence(words)))


def _own_words(claim: ClaimSummary, roles: dict[str, dict[str, str]], named: set[str]) -> bool:
    """An accusation or denial made by the actor the question asks about: its answer, not an allegation."""
    return claim.type in ("ACCUSE", "DENY") and roles.get(claim.id, {}).get("agent") in named


@lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


def _off_item(question: str) -> Callable[[ClaimSummary], bool]:
    """Whether a claim's item, as its label shows it, falls in none of the item classes the question names (always
    False when it names none): "La Chine fournit-elle des armes ?" is answered by weapons before components."""
    asked = named_classes(question, language_of(question))
    return lambda claim: bool(asked) and not (asked & alleged_classes(claim))


def _first_country(question: str) -> Optional[str]:
    tokens = words(question)
    for i in range(len(tokens)):
        for n in (3, 2, 1):
            gram = " ".join(tokens[i:i + n])
            code = country_code(gram) or nationality(gram)
            if code:
                return code
    return None


def _readable(keys: set[str]) -> list[str]:
    """`state:CN` -> "China (state)", `cc:CN` -> "anything Chinese (CN)", `ent:nato` -> "nato"."""
    out = set()
    for key in keys:
        kind, _, value = key.partition(":")
        if kind == "state":
            out.add(f"{country_name(value) or value} (state)")
        elif kind == "cc":
            out.add(f"any actor from {country_name(value) or value}")
        else:
            out.add(value if kind != "grp" else key)
    return sorted(out)


__all__ = ["answer", "actor_of"]
