"""Which denying rows answer an allegation, read from the denial's own event (`events`): when it was made, and
whether it only says the speaker does not know.

The graph links a denial to every act of its article, and a brief links it across articles by the
article's date (`graph.denials`). Two things the denial's event says are read too:

* **its own time**: "Her colleague had already rejected the US accusations in May", in an article of
  September, was made in May (`events.time_value`); it answers what was alleged from 31 days before to
  92 days after (`made_in_window`, each date taken at its precision: a month spans its days), not a July or September allegation;
* **a knowledge disclaimer** ("not aware of the case", "no information on the specific case",
  «ne pas avoir connaissance de», words in `lang/<code>/events.yaml` `knowledge_disclaimers`): a state
  saying it knows nothing of a case speaks of someone else's deed (a firm's shipment), so it does not
  answer what is alleged of that state itself ("China supplies dual-use technology to Russia").

A denying row the graph stored for a named speaker (a person, a body, a state) counts only when that speaker is a
party to the allegation: one of its roles, or of a country one of its roles is of (a state speaks for its companies).
A foreign minister's "companies that put engines into weapons will find no market here", read as a negation of
"Russia produces attack drones", is no denial of Russia's. Unnamed and outlet voices are left as they are.

A denier left with no row on an allegation is no longer among its deniers.
"""
from __future__ import annotations

import re
from calendar import monthrange
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple, Optional

from sqlalchemy import Connection, select, tuple_

from claimgraph.graph.denials import DAYS_AFTER, DAYS_BEFORE, answering_keys, denier
from claimgraph.graph.keys import key_country
from claimgraph.lang import LANG_DIR
from claimgraph.model.claims import ClaimSummary, Evidence
from claimgraph.store import tables as t
from claimgraph.yaml_words import load_yaml_file

_WORD = re.compile(r"\w+")


class DenyEvent(NamedTuple):
    trigger: str
    time_value: Optional[str]


@lru_cache(maxsize=1)
def _knowing() -> frozenset[str]:
    out: set[str] = set()
    for path in sorted(LANG_DIR.glob("*/events.yaml")):
        words = (load_yaml_file(path) or {}).get("knowledge_disclaimers") or {}
        for group in ("negated", "by_themselves"):
            out.update(str(w).lower() for w in words.get(group) or [])
    return frozenset(out)


def disclaims(trigger: str) -> bool:
    """Whether a DENY trigger's words only disclaim knowing ("not aware", "no information", «pas au courant»)."""
    return any(w in _knowing() for w in _WORD.findall(trigger.lower()))


def deny_events(connection: Connection, rows: list[Evidence]) -> dict[tuple[str, str], DenyEvent]:
    """The DENY event of each denying row that is one (its trigger words and own time), by (document, record)."""
    wanted = sorted({(e.document_id, e.record_id) for e in rows if e.stance == "denies"})
    if not wanted:
        return {}
    ev = t.events
    out = {}
    for start in range(0, len(wanted), 500):
        query = select(ev.c.document_id, ev.c.local_id, ev.c.trigger_text, ev.c.time_value).where(
            ev.c.type == "DENY", tuple_(ev.c.document_id, ev.c.local_id).in_(wanted[start:start + 500]))
        for r in connection.execute(query):
            out[(r.document_id, r.local_id)] = DenyEvent(r.trigger_text or "", r.time_value)
    return out


def period(value: Optional[str]) -> Optional[tuple[int, int]]:
    """The first and last day (ordinals) of an ISO date at its precision: a month spans its days, a year its months."""
    parts = [int(p) for p in (value or "")[:10].split("-") if p.isdigit()]
    try:
        if len(parts) >= 3:
            return (date(*parts[:3]).toordinal(),) * 2
        if len(parts) == 2:
            return date(parts[0], parts[1], 1).toordinal(), date(parts[0], parts[1], monthrange(*parts)[1]).toordinal()
        if parts:
            return date(parts[0], 1, 1).toordinal(), date(parts[0], 12, 31).toordinal()
    except ValueError:
        pass
    return None


def made_in_window(denial: str, first: Optional[str], last: Optional[str]) -> bool:
    """Whether a denial made in the period `denial` may answer what was alleged from `first` to `last`: from
    DAYS_BEFORE before to DAYS_AFTER after, each period taken whole; True when a date is unknown."""
    made, start, end = period(denial), period(first), period(last or first)
    if made is None or start is None or end is None:
        return True
    return made[1] >= start[0] - DAYS_BEFORE and made[0] <= end[1] + DAYS_AFTER


def answers_claim(claim: ClaimSummary, row: Evidence, event: Optional[DenyEvent], actors: set[str]) -> bool:
    """Whether a denying row answers `claim` by what its event says (`actors`: the claim's answering keys)."""
    if event is None:
        return True
    if event.time_value and not made_in_window(event.time_value, claim.first_seen, claim.last_seen):
        return False
    return not (disclaims(event.trigger) and denier(row.origin).key in actors)


# Origins that name a speaker (a party or not); unnamed sources ("anon:") and outlets' voices ("story:") are not read.
NAMED_SPEAKERS = ("src:", "ent:", "state:", "grp:")
# Prefixes under which one name is the same speaker (a firm speaking is "src:orrin motors", its role "ent:orrin motors").
_NAMED = ("src:", "ent:")


def _named(key: str) -> str:
    return key.split(":", 1)[1] if key.startswith(_NAMED) else key


def is_party(key: str, parties: set[str], countries: set[str]) -> bool:
    """Whether a denier (its origin key) is a party to a claim: one of its role keys (by name, whatever the key's
    prefix), or of one of their countries; True for a voice that names no speaker."""
    if not key.startswith(NAMED_SPEAKERS) or _named(key) in {_named(p) for p in parties}:
        return True
    country = key_country(key)
    return country is not None and country in countries


def keep_answering(connection: Connection, claims: list[ClaimSummary], roles: dict[str, dict[str, Any]],
                   keys: Optional[dict[str, set[str]]] = None) -> None:
    """Drop from each claim the denying rows its denial's event says do not answer it, or whose speaker is no party
    to it, and the deniers so left with no row on it. `roles`: per claim id, its argument keys by role; `keys`: per
    claim id, every key it holds ("actor:CN": its actor is Chinese)."""
    events = deny_events(connection, [e for c in claims for e in c.evidence])
    for claim in claims:
        actors = set(answering_keys(claim.type, roles.get(claim.id, {})))
        parties = {v for v in roles.get(claim.id, {}).values() if not v.startswith("txt:")}
        countries = {c for c in map(key_country, parties) if c} | {
            k.split(":")[1] for k in (keys or {}).get(claim.id, ()) if k.startswith(("actor:", "cc:"))}
        kept = [e for e in claim.evidence if e.stance != "denies"
                or (answers_claim(claim, e, events.get((e.document_id, e.record_id)), actors)
                    and (not parties or is_party(denier(e.origin).key, parties, countries)))]
        if len(kept) == len(claim.evidence):
            continue
        dropped = {denier(e.origin).key for e in claim.evidence if e not in kept}
        left = {denier(e.origin).key for e in kept if e.stance == "denies"}
        claim.evidence = kept
        claim.denied_by = [o for o in claim.denied_by if o.key not in dropped or o.key in left]


__all__ = ["deny_events", "disclaims", "is_party", "keep_answering"]
