"""A story's scope: when a mention's claim may be told in other words within a story (a known party's attack, an
attack by no one named on a known country, one party's denials, a statement asserting a figure or an act), and
what keeps two tellings apart there (another place, another subject, another figure). graph/scoring.py applies it
to the candidates of a mention (split from it, 2026-12-07)."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Mapping, NamedTuple, Optional

from claimgraph.graph.actors import distinct_places, elsewhere, says_where
from claimgraph.graph.assertion import is_normative
from claimgraph.graph.denials import day
from claimgraph.graph.keys import fold, named_countries, place_country
from claimgraph.graph.mentions import OUTLET_VOICES, open_role
from claimgraph.graph.proposition_match import shared_keys
from claimgraph.graph.propositions import asserted_text, filler_words, proposition_keys
from claimgraph.graph.statement_subjects import subject_group
from claimgraph.model.claims import ClaimMention

# Within a story (the claim seen within this many days of the mention), a known party's attack is one act however
# it is told ("shot him", "fired 11 rounds", "their weapons"; "bombed the camp", "four bombs"): the words need not
# meet, only not contradict (item classes, the place's country). Measured on the real story clusters with gold
# analyses: 01 F1 0.444 -> 0.534, 02 0.550 -> 0.621, 04 0.500 -> 0.549, our family unchanged. Outside the window a
# party's attacks are told apart by their words, as before (a war's attacks are many claims).
STORY_WINDOW_DAYS = 7
# Two statements of one story asserting the same figure or act (graph/propositions.py: "12 were killed", "he
# pointed a gun") are one claim however they are worded, if their words are at least this close (cosine): the
# key alone would join two stories' "12 killed" in one week.
PROPOSITION_FLOOR = 0.3
# A negated statement answering the account ("his hands were empty" against "he aimed a rifle at the
# wardens") words it apart from every telling of it: its cosine with the account's centroid is lower (0.2-0.3 on
# the real story clusters), so it meets a claim asserting its key from this one.
NEGATED_PROPOSITION_FLOOR = 0.2
# A statement whose only proposition is a charge ("a march is a right, but this was murder", "the
# arson was a killing, plain and simple"): the charge is the claim, its sentences share little else.
JUDGEMENT_FLOOR = 0.0
# Two statements of one story that share runs of WORDING_RUN words holding WORDING_CONTENT words beyond function
# words and stock phrases, and name a party in common or are PROPOSITION_FLOOR close, are one statement quoted or
# paraphrased around them ("in the wake of the Russian invasion of Ukraine" holds 3: two statements' common frame).
WORDING_RUN, WORDING_CONTENT = 7, 4
# Speech acts of a known party told within a story in any words: one party's denials ("denied carrying out the
# strike", "denied striking the South's territory") and one party's accusations of one target ("accuses it of an air
# strike", "accused it of carrying out the attack") are one claim each, unless their item classes differ.
STORY_SPEECH_ACTS = ("DENY",)


def is_negated_statement(mention: ClaimMention) -> bool:
    """A negated content of a source that can deny: an outlet's own "no injuries were reported" reports, it does
    not answer anyone (an outlet never denies, graph.audit), and "Beijing cannot fuel the war" says what should not
    be, not what did not happen (`normative_negations`, graph/data/roles.yaml): both keep to their own words."""
    return (mention.type == "STATEMENT" and mention.polarity == "negative"
            and mention.origin.type not in OUTLET_VOICES and not is_normative(mention.item))


def stored_agent(arguments: Optional[str]) -> str:
    """The agent key of a stored claim (`claims.arguments`, JSON), "-" when it names none."""
    return str(_stored_json(arguments).get("agent", "-"))


@lru_cache(maxsize=8192)
def stored_place(names: str) -> Optional[str]:
    """The country of a stored claim's location (`claims.names`, JSON)."""
    return place_country(stored_location(names))


# A candidate is scored against every mention of its block: its JSON was decoded up to 178,000 times for 400 articles
# (docs/performance.md). The caches are keyed by the JSON text itself, not by claim id: a claim whose arguments or
# names change during a sync is decoded again, so no cache answers for an older version of it.
@lru_cache(maxsize=16384)
def _stored_json(text: Optional[str]) -> Mapping[str, Any]:
    """A stored claim's `arguments` or `names` JSON, decoded once per distinct text (read-only)."""
    return MappingProxyType(json.loads(text or "{}"))


@lru_cache(maxsize=8192)
def stored_actors(arguments: Optional[str]) -> frozenset[str]:
    """Every key a stored claim's arguments name (`claims.arguments`, JSON), "-" included."""
    return frozenset(_stored_json(arguments).values())


def stored_location(names: str) -> Optional[str]:
    """The location phrase of a stored claim (`claims.names`, JSON)."""
    return _stored_json(names).get("location")


class StoryScope(NamedTuple):
    """Where a mention's claim may be told in other words: within STORY_WINDOW_DAYS of `day`, and for a statement,
    by a claim whose words assert one of the same `propositions` (graph/propositions.py)."""

    day: Optional[int]
    propositions: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()  # what a statement names (its argument keys)
    # What each candidate claim asserts, over all its mentions (graph/update.py keeps them as `prop:` keys); a
    # claim missing here asserts what its first mention's words do.
    claims: Optional[dict[str, frozenset[str]]] = None
    # Whether a nought the statement gives answers the story's figures ("no casualties" against "12 killed"): not
    # when an outlet says it in its own voice ("no injuries were reported"), which reports, it does not answer.
    answers: bool = True
    # How related its words must be to a claim sharing a key (PROPOSITION_FLOOR, lower for a negation).
    floor: float = PROPOSITION_FLOOR
    # Where an attack by no one named was (its place phrase): one elsewhere in the same country is another act.
    place: Optional[str] = None
    # Where each candidate attack claim's later mentions place it (graph/claim_additions.py `where:` keys); a claim
    # missing here is where its first mention is.
    places: Optional[dict[str, frozenset[str]]] = None
    subject: Optional[str] = None  # the group a statement tells of (propositions.subject_group)
    # A statement's runs of WORDING_RUN words, which the statements of its story that share one repeat.
    wording: frozenset[tuple[str, ...]] = frozenset()
    countries: frozenset[str] = frozenset()  # the countries a statement names (`one_event`)


def claim_propositions(row: Any, scope: StoryScope) -> frozenset[str]:
    known = scope.claims.get(row.id) if scope.claims else None
    return known if known is not None else proposition_keys(row.item)


def in_story(mention: ClaimMention) -> Optional[StoryScope]:
    """The mention's story scope when its claim may be told in any words within a story: a known party's attack,
    denial or accusation, an attack that names no attacker but names the country it struck ("a grain depot in Orsket was shelled",
    "four bombs fell on Tarrow"), or a statement of a figure or an act that others word apart ("12 were killed",
    "he aimed a revolver at them")."""
    mention_day = day(mention.date)  # None: an undated article, which no window can place outside a story
    if mention.type == "STATEMENT":
        keys, wording = proposition_keys(mention.item), word_runs(mention.item)
        floor = NEGATED_PROPOSITION_FLOOR if is_negated_statement(mention) else PROPOSITION_FLOOR
        if keys and all(k.startswith("judge:") for k in keys):
            floor = JUDGEMENT_FLOOR  # a charge ("murder") is its word, however the sentence around it runs
        if not keys and not wording:
            return None
        return StoryScope(mention_day, keys, frozenset(mention.arguments.values()), floor=floor, wording=wording,
                          subject=subject_group(mention.item), countries=text_countries(mention.item))
    if mention_day is None:
        return None  # undated: a statement's figures may meet its story; an act's any words may not
    if mention.type in STORY_SPEECH_ACTS:
        return None if open_role(mention.arguments.get("agent", "-")) else StoryScope(mention_day)
    if mention.type != "USE":
        return None
    if open_role(mention.arguments.get("agent", "-")):
        place = mention.names.get("location")
        return StoryScope(mention_day, place=place) if place_country(place) else None
    return StoryScope(mention_day)


def dated_by(story: Optional[StoryScope], story_day: Optional[int]) -> Optional[StoryScope]:
    """An undated article's statement is in the story of the dated claims its article joined so far (`story_day`, the
    newest of them): not in a story of any date that shares a figure ("14 killed" in a flood years before). Joined
    none yet: its words alone place it."""
    if story is None or story.day is not None:
        return story
    return story._replace(day=story_day) if story_day is not None else None


def later_day(story_day: Optional[int], row: Any) -> Optional[int]:
    """The newest day of the dated claims an article joined, `row` the claim it joins now."""
    joined = day(row.last_seen or row.first_seen)
    return joined if story_day is None or (joined is not None and joined > story_day) else story_day


_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=8192)
def word_runs(text: Optional[str]) -> frozenset[tuple[str, ...]]:
    """Every run of WORDING_RUN words of a text, folded."""
    tokens = _WORD.findall(fold(asserted_text(text or "")))  # an aside recalling the story is not its wording
    return frozenset(tuple(tokens[i:i + WORDING_RUN]) for i in range(len(tokens) - WORDING_RUN + 1))


def shared_wording(scope: StoryScope, row: Any, score: float) -> bool:
    """Whether a claim repeats enough of a statement's words to be it (WORDING_RUN, WORDING_CONTENT)."""
    shared = scope.wording & word_runs(row.item)
    if not shared or len({w for run in shared for w in run} - filler_words()) < WORDING_CONTENT:
        return False
    actors = stored_actors(row.arguments) - {"-"}
    return score >= PROPOSITION_FLOOR or bool(scope.actors & actors)


def other_place(scope: StoryScope, row: Any) -> bool:
    """Whether a claim of an attack by no one named is somewhere else than the attack of `scope` ("Lusk in Harrow
    province" / "the Tarrow refugee camp"): two acts however close their words, within the story and outside it. A claim
    is where any of its mentions place it ("a refugee camp in Orsket", then "the Tarrow refugee camp": "the area of
    Tarrow" is there), so it is elsewhere only when every place it is told at that says where beyond a country is."""
    if not scope.place or not open_role(stored_agent(row.arguments)):
        return False
    first = stored_location(row.names)
    told = sorted({first, *(scope.places or {}).get(row.id, ())} - {None})
    where = [p for p in told if says_where(p) or elsewhere(p)] or [first]
    return all(distinct_places(scope.place, p) or elsewhere(scope.place) != elsewhere(p) for p in where)


def in_window(row: Any, scope: StoryScope) -> bool:
    first, last = day(row.first_seen), day(row.last_seen or row.first_seen)
    return first is not None and last is not None and (scope.day is None
                                                       or first - STORY_WINDOW_DAYS <= scope.day <= last + STORY_WINDOW_DAYS)


@lru_cache(maxsize=8192)
def text_countries(text: Optional[str]) -> frozenset[str]:
    """The countries a statement's words name ("struck the coast of Peru": PE); a bloc is none ("west of the town")."""
    return frozenset(c for c in named_countries(text or "") if len(c) == 2)


def one_event(row: Any, scope: StoryScope) -> bool:
    """Whether a statement and a claim may tell one event, so that their readings told apart ("magnitude 5.4" /
    "a depth of 12 km") are one reading (graph/proposition_match.py `shared_keys`): within the story's window, and
    not naming two countries ("struck a region of Peru" / "struck a region of Chile": two quakes) unless they share one."""
    return in_window(row, scope) and _no_other_country(row, scope)


def _no_other_country(row: Any, scope: StoryScope) -> bool:
    theirs = text_countries(row.item)
    return not (scope.countries and theirs and not scope.countries & theirs)


def within_story(row: Any, scope: StoryScope) -> bool:
    if not in_window(row, scope):
        return False
    asserted = claim_propositions(row, scope)
    shared = (shared_keys(scope.propositions, asserted, _no_other_country(row, scope)) if scope.answers
              else scope.propositions & asserted)
    if scope.propositions and not shared:
        return False  # a statement meets the statements that assert what it asserts, not the whole story
    actors = stored_actors(row.arguments)
    if shared and all(k.startswith("judge:") for k in shared) and scope.actors and actors and not scope.actors & actors:
        return False  # "murder" said of one party is not "murder" said of another
    if not scope.propositions and open_role(stored_agent(row.arguments)) and stored_place(row.names) is None:
        return False  # an attack by no one known, somewhere unknown: only its words can tell it is this one
    if other_place(scope, row):
        return False  # two places of one country ("Lusk in Harrow province", "Tarrow refugee camp"): two attacks
    return True
