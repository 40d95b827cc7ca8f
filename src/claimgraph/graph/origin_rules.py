"""The origins a claim counts, for and against, from its named origins and its articles' own voices.

A named origin is what it says it is (`claim_origins`, at its first row). An
article's own voice (its narration, its unnamed sources) counts as the named
origin it relays, as the outlet its unnamed sources are quoted through, or as
itself; an unidentified press report counts only when no named origin carried
the claim on or before its date; support needs assertion; nobody denies their
own words; and one origin is listed once, under its plainest name.
"""
from __future__ import annotations

import json
import re
from typing import Any, Iterable, Optional, Sequence

from sqlalchemy import Connection, select

from claimgraph.graph.aggregates import COMMENTATOR
from claimgraph.graph.keys import fold, name_key, nationality
from claimgraph.graph.voices import body_keys
from claimgraph.graph.denials import ASSERTED
from claimgraph.graph.listed_voices import (ARTICLE, CERTAINTY, DATE, DOC, FLAGS, ID, KEY, LANG, NAME, NOUN, ORIGIN,
                                            STANCE, STORED, TYPE, Triple)
from claimgraph.graph.origins import STORY_PREFIXES
from claimgraph.graph.press import PRESS_REPORT
from claimgraph.model import CERTAINTIES
from claimgraph.model.claims import ClaimSummary, Origin
from claimgraph.store import tables as t

FIRMNESS = {c: i for i, c in enumerate(CERTAINTIES)}  # certain=0 ... underspecified=3
UNASSERTED = "underspecified"
# What an outlet's own telling of a claim can relay: another outlet's report ("Reuters reported ..."; the outlet
# retells a text). A party it also quotes (police, an official, a charity) does not make the outlet's own
# narration theirs: the outlet asserts it in its own voice (tests/graph_gold/stories/README.md, "Origins").
RELAYED_TYPES = ("media", "document")
# The origin keys of bodies a story has one of (its police, its medical examiner: graph/data/voices.yaml).
BODY_KEYS = body_keys()
# Who says the words an unnamed speaker is credited with elsewhere: a named person (the origin types of a person).
SPEAKER_TYPES = ("named_person", "person")
# Head nouns (singular, folded: graph.aggregates.head_noun) of an article's unnamed officials.
OFFICIAL_NOUNS = frozenset({"official", "officials", "authoritie", "authority", "spokesman", "spokesperson",
                            "spokeswoman", "responsable", "officiel", "autorite", "porte-parole"})

# (order, stored origin, voice or None, certainty, date): a named origin's first row, or a voice's article.
Item = tuple[Any, Triple, Optional[list[Any]], str, Optional[str]]


def claim_summary(row: Any, docs: Sequence[Any], voices: list[Optional[list[list[Any]]]],
                  cited_lists: list[Optional[list[str]]], named: Sequence[Any], key: Any,
                  listing: dict[Triple, tuple[Triple, tuple[bool, bool]]],
                  quotes: Optional[dict[int, frozenset[str]]] = None) -> tuple[ClaimSummary, list[Item]]:
    """One claim's summary (without evidence), and its rows as read (voices with the origin they count as).

    quotes: the words of the rows `quoted_rows` asks for (evidence id -> folded words), read by the caller."""
    # The claim's rows in date order: each named origin once, at its first row (all that a distinct listing
    # of origins needs), each own voice on its own.
    support: list[Item] = []
    against: list[Item] = []
    credited = {**same_person(named), **credited_quotes(named, voices, quotes or {})}
    for _, stance, origin_key, origin_name, origin_type, certainty, first_date, first_id in named:
        triple = (origin_key, origin_name, origin_type)
        speaker = credited.get(first_id)
        # An outlet's unnamed speaker whose words a named one says: listed as that speaker (its row a voice whose
        # origin is decided, so the evidence shows it too).
        voice = None if speaker is None else [first_id, stance, certainty, *triple, "", 0, None, triple, speaker]
        (support if stance == "supports" else against).append(
            (key(first_date, first_id), triple, voice, certainty, first_date))
    quoted: dict[str, list[tuple[str, Triple]]] = {}
    own_sources: dict[str, list[Any]] = {}
    cited: dict[str, list[str]] = {}
    group_states: dict[str, set[str]] = {}
    for d, entries, cites in zip(docs, voices, cited_lists):
        if entries is None:
            continue
        document_id, date = d[ARTICLE], d[DATE]
        via = []
        for v in entries:
            supports = v[STANCE] == "supports"
            if v[KEY].startswith(STORY_PREFIXES):
                if v[ID] in credited:
                    v[ORIGIN] = credited[v[ID]]
                (support if supports else against).append((key(date, v[ID]), v[STORED], v, v[CERTAINTY], date))
                if supports and v[KEY].startswith("anon:") and document_id not in own_sources:
                    own_sources[document_id] = v
            if supports and " (via " in v[NAME]:
                # "des sources internes (via The Times)": whom the article's own unnamed sources may be.
                via.append((v[NOUN], v[STORED]))
        if via:
            quoted[document_id] = via
        if cites is not None:
            cited[document_id] = cites
            # The states a copy group's articles quote (a wire's cut may drop one of them): see `_Rules.official`.
            for v in entries:
                if v[KEY].startswith("anon:"):
                    group_states.setdefault(v[STORED][0], set()).update(k for k in cites if k.startswith("state:"))
    support.sort(key=_first)
    against.sort(key=_first)
    rules = _Rules(support, against, quoted, own_sources, cited, group_states, listing)
    # Support needs assertion: a question, a condition, "if confirmed" (certainty `underspecified`) is shown
    # with the claim but counts as no origin.
    asserted = [i for i in support if i[3] != UNASSERTED]
    if len(asserted) < len(support):
        _counted(support, rules)  # every row's origin resolved: the evidence list shows each one
    origins = _distinct(_counted(asserted, rules), listing)
    # Nobody denies their own words: an origin on both sides is read as asserting (the denial is another claim
    # the graph could not tell apart, e.g. a negated remark of the same speaker).
    asserting = {o[0] for o in origins}
    # A denial needs assertion too: "may refrain from exporting arms" or "unlikely" denies nothing.
    denying = [i for i in against if i[3] in ASSERTED]
    if len(denying) < len(against):
        _counted(against, rules)  # every row's origin resolved, as above
    denied_by = [o for o in _distinct(_counted(denying, rules), listing) if o[0] not in asserting]
    dates = [d[DATE] for d in docs if d[DATE]]
    summary = ClaimSummary(
        id=row.id, type=row.type, label=row.label, arguments=json.loads(row.names),
        origins=[Origin(*o) for o in origins], denied_by=[Origin(*o) for o in denied_by],
        articles=[d[ARTICLE] for d in docs], languages=sorted({d[LANG] for d in docs}),
        first_seen=min(dates) if dates else None, last_seen=max(dates) if dates else None,
        certainty=min((i[3] for i in support), key=_firmness, default="underspecified"))
    return summary, support + against


class _Rules:
    """The origin each own voice of one claim counts as (a class, not closures: nothing here refers back to
    itself, so a listing's objects go as soon as it returns, without the garbage collector)."""

    def __init__(self, support: list[Item], against: list[Item], quoted: dict[str, list[tuple[str, Triple]]],
                 own_sources: dict[str, list[Any]], cited: dict[str, list[str]], group_states: dict[str, set[str]],
                 listing: dict[Triple, tuple[Triple, tuple[bool, bool]]]) -> None:
        self.rows = {"supports": support, "denies": against}
        self.quoted, self.own_sources, self.cited, self.listing = quoted, own_sources, cited, listing
        self.group_states = group_states
        self.relayable: dict[str, tuple[list[Triple], dict[str, int]]] = {}
        self.relays: dict[tuple[str, str], Optional[Triple]] = {}

    def relayed(self, stance: str, document_id: str) -> Optional[Triple]:
        """The claim's first named origin (or denier) that an article cites elsewhere: what its
        unattributed telling relays ("Reuters reported ..." above, "the engines", unattributed, below)."""
        if document_id not in self.cited:  # an article that cites no named origin relays none
            return None
        pair = (stance, document_id)
        if pair not in self.relays:
            if stance not in self.relayable:  # (a key is kept or left out whole: filtering first lists the same)
                origins = _distinct((i[1] for i in self.rows[stance] if not i[1][0].startswith(STORY_PREFIXES)
                                     and (stance == "denies" or i[1][2] in RELAYED_TYPES)), self.listing)
                self.relayable[stance] = (origins, {o[0]: n for n, o in enumerate(origins)})
            origins, rank = self.relayable[stance]
            first = min((rank[k] for k in self.cited[document_id] if k in rank), default=None)
            self.relays[pair] = None if first is None else origins[first]
        return self.relays[pair]

    def official(self, document_id: str, name: str, group: str) -> Optional[Triple]:
        """The one state among the claim's named origins that an article also quotes by name, for its unnamed
        officials of no other nationality: "officials said 24 people died" in an article whose disaster agency
        spokesman gives the toll is that state's voice (tests/graph_gold/stories/README.md, "Origins")."""
        if document_id not in self.cited or nationality(name.split(" (in ")[0]):
            return None
        cited = set(self.cited[document_id])
        if len(self.group_states.get(group, ())) > 1:
            # A story quoting two states' voices ("President X said", "the other side's army spokesman Y said", in
            # any of its copies: a cut may drop one) leaves its "officials said" to neither: they are the outlet's.
            return None
        states = {i[1] for i in self.rows["supports"]
                  if i[2] is None and (i[1][0].startswith("state:") or i[1][0] in BODY_KEYS) and i[1][0] in cited}
        keys = {o[0] for o in states}
        return min(states) if len(keys) == 1 else None

    def origin(self, v: list[Any]) -> Triple:
        if v[ORIGIN] is None:
            v[ORIGIN] = self._origin(v)
        return v[ORIGIN]  # type: ignore[no-any-return]

    def _origin(self, v: list[Any]) -> Triple:
        stance, stored, document_id, unnamed = v[STANCE], v[STORED], v[DOC], v[KEY].startswith("anon:")
        if v[FLAGS] & COMMENTATOR:
            return stored  # type: ignore[no-any-return]
        # An article's unattributed telling of a claim (or of its denial) it attributes elsewhere
        # relays that source: "Reuters reported ..." above, "the engines were shipped" below.
        if stance == "denies" or not unnamed:
            found = self.relayed(stance, document_id)
            if found is not None:
                return found
        if stance == "supports":
            if unnamed and document_id in self.quoted:
                # "Western official says" in a headline is the official the story says spoke to The Times;
                # "a Western diplomat" is not the "company documents" it says Reuters cited.
                same = [o for noun, o in self.quoted[document_id] if noun == v[NOUN]]
                if v[NOUN] and same:
                    return same[0]
            if unnamed and v[NOUN] in OFFICIAL_NOUNS:
                found = self.official(document_id, v[NAME], v[STORED][0])
                if found is not None:
                    return found
            if not unnamed and v[TYPE] != PRESS_REPORT and document_id in self.own_sources:
                # An article telling a claim it also puts in its own unnamed sources' mouths is one origin.
                return self.origin(self.own_sources[document_id])
        return stored  # type: ignore[no-any-return]


# An unnamed speaker's quote that holds at least this many words, this share of them in a named speaker's quote of
# the same claim, is that speaker's (a wire's "a villager told AP" and its copies' "said Jane Roe, a villager").
SAME_QUOTE_WORDS = 6
SAME_QUOTE_SHARE = 0.8
_QUOTE_WORD = re.compile(r"\w+", re.UNICODE)


def quote_words(text: str) -> frozenset[str]:
    return frozenset(_QUOTE_WORD.findall(fold(text)))


def _unnamed_speaker(name: str, origin_key: str) -> bool:
    """An outlet's unnamed speaker: quoted through it ("a villager (via AP)") or its own ("witnesses (in X)")."""
    return " (via " in name or origin_key.startswith("anon:")


def _speaking(named: Sequence[Any], voices: Sequence[Optional[list[list[Any]]]]) -> tuple[list[int], list[Any]]:
    """A claim's supporting rows (evidence ids) of unnamed speakers, and its named speakers' first rows."""
    unnamed = [n[7] for n in named if n[1] == "supports" and _unnamed_speaker(n[3], n[2])]
    unnamed += [v[ID] for entries in voices if entries for v in entries
                if v[STANCE] == "supports" and v[KEY].startswith("anon:")]
    speakers = [n for n in named if n[1] == "supports" and n[4] in SPEAKER_TYPES and not _unnamed_speaker(n[3], n[2])]
    return unnamed, speakers


def quoted_rows(named: Sequence[Any], voices: Sequence[Optional[list[list[Any]]]]) -> list[int]:
    """The evidence rows whose words `credited_quotes` compares for one claim: none unless the claim has both an
    unnamed speaker and a named one supporting it (most claims have not, and cost no read)."""
    unnamed, speakers = _speaking(named, voices)
    return unnamed + [n[7] for n in speakers] if unnamed and speakers else []


def same_person(named: Sequence[Any]) -> dict[int, Triple]:
    """First rows (evidence id) of a person named plain in one article ("Salva Kiir") whom another article of the
    claim gives as the voice of a state or body ("Salva Kiir (Government of South Sudan)", "Raymond Kelly
    (police)") -> that voice: one person is one origin, whichever article said what office they hold."""
    voices: dict[str, Triple] = {}
    for n in named:
        name, origin_key = n[3], n[2]
        if name.endswith(")") and " (" in name and not _unnamed_speaker(name, origin_key):
            person = name[:name.index(" (")]
            if origin_key != f"src:{name_key(person)}":
                voices.setdefault(name_key(person), (origin_key, name, n[4]))
    if not voices:
        return {}
    return {n[7]: voices[name_key(n[3])] for n in named
            if n[4] in SPEAKER_TYPES and n[2] == f"src:{name_key(n[3])}" and name_key(n[3]) in voices}


def read_quotes(connection: Connection, ids: list[int]) -> dict[int, frozenset[str]]:
    """The words of the evidence rows `ids` (`quoted_rows` of the listed claims), in batches of 500."""
    e = t.evidence
    out: dict[int, frozenset[str]] = {}
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), 500):
        for row in connection.execute(select(e.c.id, e.c.quote_text).where(e.c.id.in_(wanted[start:start + 500]))):
            out[row.id] = quote_words(row.quote_text)
    return out


def credited_quotes(named: Sequence[Any], voices: Sequence[Optional[list[list[Any]]]],
                    quotes: dict[int, frozenset[str]]) -> dict[int, Triple]:
    """Unnamed speakers' rows (evidence id) whose words a named speaker of the claim says -> that speaker: the same
    quote credited to "a resident (via AP)" in one article and to "Jane Roe" in another is Jane Roe's, whichever
    came first (the wire names her in its copies; the relay that shortened her to "a resident" did not)."""
    if not quotes:
        return {}
    unnamed, speakers = _speaking(named, voices)
    said = [((n[2], n[3], n[4]), quotes[n[7]]) for n in speakers if n[7] in quotes]
    out: dict[int, Triple] = {}
    for row in unnamed:
        words = quotes.get(row, frozenset())
        if len(words) < SAME_QUOTE_WORDS:
            continue
        share, speaker = max(((len(words & other) / len(words), who) for who, other in said), default=(0.0, None))
        if speaker is not None and share >= SAME_QUOTE_SHARE:
            out[row] = speaker
    return out


def _counted(items: list[Item], rules: _Rules) -> list[Triple]:
    """The origins one stance's rows count: each row's origin, less the unidentified press reports ("media
    reports", "selon la presse") of a claim a named origin carried on or before their date. Such a report
    cites earlier reporting that exists elsewhere; alone (or first) it still counts, as a press report."""
    resolved = [(item[1] if item[2] is None else rules.origin(item[2]), item[4]) for item in items]
    named = [date for origin, date in resolved if date and not origin[0].startswith(STORY_PREFIXES)]
    return [origin for origin, date in resolved
            if origin[2] != PRESS_REPORT or not any(_on_or_before(first, date) for first in named)]


def _on_or_before(first: str, date: Optional[str]) -> bool:
    """`first` is not after `date`, compared at the precision they share ("2024-09" and "2024-09-27" are
    each on or before the other); never for an undated row, which cannot be shown to come later."""
    if not date:
        return False
    shared = min(len(first), len(date))
    return first[:shared] <= date[:shared]


def _first(item: Item) -> Any:
    return item[0]


def _firmness(certainty: str) -> int:
    return FIRMNESS.get(certainty, 9)


def _distinct(origins: Iterable[Triple], listing: dict[Triple, tuple[Triple, tuple[bool, bool]]]) -> list[Triple]:
    """One origin per key; the plainest name wins ("The Times" over "des sources internes (via The Times)").

    listing: a cache of `_listed` (each origin as listed, and how plain its name is)."""
    best: dict[str, tuple[Triple, tuple[bool, bool]]] = {}
    for origin in origins:
        found = listing.get(origin)
        if found is None:
            found = listing[origin] = _listed(origin)
        kept = best.get(origin[0])
        if kept is None or found[1] > kept[1]:
            best[origin[0]] = found
    return [origin for origin, _ in best.values()]


def _listed(origin: Triple) -> tuple[Triple, tuple[bool, bool]]:
    key, name, type = origin
    if name.endswith(")") and key.startswith("state:"):
        # "Lin Jian (Government of China)" and "China (Government of China)" are listed as the state.
        name = name[name.rindex("(") + 1:-1]
        origin = (key, name, type)
    return origin, ("(via" not in name and "(in" not in name, name[:1].isupper())
