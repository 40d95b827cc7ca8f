"""Who acts, within one article: the keys of roles that identify a claim, and the actors an article leaves
unnamed or missing, resolved from what the same article says (graph.mentions calls `resolve_unnamed`)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from claimgraph.graph.keys import (country_name, demonym_country, entity_key, fold, is_pronoun, keys_data,
                                   named_countries, nationality, place_country, state_name, unnamed_group, words)
from claimgraph.graph.participle_groups import participle_kind
from claimgraph.resolve.gazetteer import default_gazetteer
from claimgraph.model import Analysis
from claimgraph.model.claims import ClaimMention

# Roles that identify who does what to whom: they must be equal for two mentions to be one claim.
BLOCK_ROLES: dict[str, tuple[str, ...]] = {
    "SUPPLY": ("agent", "recipient"), "PRODUCE": ("agent",), "DEVELOP": ("agent",),
    "OWNERSHIP": ("owner", "owned"), "ACCUSE": ("agent", "target"), "DENY": ("agent",),
    "SANCTION": ("agent", "target"), "USE": ("agent",), "OTHER": ("agent",),
}
# The key of a role that names nobody in particular ("any party"): it matches every claim on that role.
ANY = "any"


def mentioned_countries(analysis: Analysis) -> dict[str, str]:
    """Countries the article gives its organisations and people ("Chinese engine maker Xiamen
    Limbach", "the Chinese foreign ministry spokesperson Lin Jian"): the nationality adjective
    closest before one of their mentions, in the same sentence, within a few words."""
    out: dict[str, str] = {}
    text = analysis.document.text
    for entity in analysis.entities:
        if entity.type not in ("ORG", "PERSON") or entity.country:
            continue
        for mention in entity.mentions:
            window = text[max(0, mention.start - 40):mention.start].rsplit(".", 1)[-1]
            code = nationality(" ".join(window.split()[-3:]))  # the adjective right before the name
            if code and code not in ("WEST",):
                out[entity_key(entity.name, entity.type)] = code
                break
    return out


def resolve_unnamed(mentions: list[ClaimMention], types: dict[str, str], countries: dict[str, str]) -> None:
    """Within one article, an unnamed company ("a Chinese engine maker") or a missing actor that
    does what exactly one named organisation does in that article is that organisation.

    Only identifying roles are resolved, and only when every other identifying
    role agrees (equal, or unnamed/missing on one side), so two named actors
    never merge, and the named one is not known to be of another nationality
    ("Chinese suppliers" is not the Russian Almaz-Antey); the reporter's words
    stay in the quote.
    """
    reread_agents(mentions)

    def open_key(key: Optional[str]) -> bool:
        return key is None or (key.startswith("grp:") and key.endswith(":company")) or key.startswith("txt:")

    named = [m for m in mentions if any(types.get(k) == "ORG" for k in m.arguments.values())]
    borrowed: set[int] = set()  # narrations that took their actor from a quoted voice: no voice takes it from them
    # Twice: an act whose actor is missing may take the one a pronoun's group gives a later telling ("the shooting" ...
    # "he aimed at two guards before they fired", they being the guards), found in the first pass.
    for _ in range(2):
        for mention in mentions:
            roles = BLOCK_ROLES.get(mention.type, ())
            for role in roles:
                current = mention.arguments.get(role)
                if not open_key(current):
                    continue
                code = current.split(":")[1] if current else None
                candidates = set()
                for other in named:
                    if other is mention or other.type != mention.type \
                            or types.get(other.arguments.get(role, "")) != "ORG":
                        continue
                    known = countries.get(other.arguments[role])
                    if code and known and known != code:
                        continue
                    if all(_compatible(mention.arguments.get(r), other.arguments.get(r)) for r in roles if r != role):
                        candidates.add((other.arguments[role], other.names[role]))
                if not candidates and (current is None or is_pronoun(mention.names.get(role, ""))):
                    candidates = _known_actors(mention, role, mentions, borrowed)
                pronoun = current is not None and is_pronoun(mention.names.get(role, ""))
                if not candidates and role == "agent" and pronoun:
                    candidates = _group_before(mention)
                if not candidates and current is None and role == "agent" and mention.polarity == "negative" \
                        and mention.origin.key.startswith("state:") and _alleged(mention, mentions):
                    # A state's voice denying an act that names no one, an act the article alleges against that state,
                    # denies its own ("Orsket shelled the depot" ... "Orsket's cabinet denied all shelling"): all bodies
                    # of one state are one voice, and that voice is the actor. An act no one lays at its door ("the
                    # government denied that the hostages had been killed") stays without an actor.
                    candidates = {(mention.origin.key, state_name(mention.origin.key.split(":")[1]))}
                if pronoun and len({key for key, _ in candidates}) == 1:
                    # A pronoun refers to one actor however the article names it ("Sudan", "the government of Sudan",
                    # "the armed forces": one state, three names) ... "they carried out the strike".
                    candidates = {min(candidates)}
                if len(candidates) == 1:
                    (key, name), = candidates
                    mention.arguments[role], mention.names[role] = key, name


# How many words after an agent's name its sentence may still say what the group is doing.
_PARTICIPLE_REACH = 6


def reread_agents(mentions: list[ClaimMention]) -> None:
    """An act's agent the parse cut short or misread, read again in its sentence: a people named by their nationality
    and then by what they are doing ("Greeks protesting against the cuts threw petrol bombs", the span "Greeks") is
    that group (`grp:*:protester`); an agent its sentence says came to harm ("three clerks and a driver perished after
    youths hurled petrol bombs") is no actor, and is left open for the actor the article gives the act."""
    harmed = [words(h) for h in keys_data().get("harmed_after", ())]
    for mention in mentions:
        key, name = mention.arguments.get("agent"), mention.names.get("agent", "")
        said = mention.quote.text if mention.quote else ""
        at = said.find(name) if name and key and key.startswith(("txt:", "ent:")) else -1
        if at < 0:
            continue
        after = words(said[at + len(name):])
        if mention.type == "USE" and key.startswith("txt:") and any(after[:len(h)] == h for h in harmed):
            del mention.arguments["agent"], mention.names["agent"]
            continue
        own = words(name)
        doing = participle_kind([*own, *after[:_PARTICIPLE_REACH]], keys_data(), demonym_country)
        if len(own) <= 2 and doing is not None and doing[1] == len(own) and unnamed_group(name) is None:
            group = unnamed_group(" ".join([*own, *after[:doing[1] - len(own) + 1]]))
            if group is not None and group[0].startswith("grp:*:"):
                mention.arguments["agent"], mention.names["agent"] = group


def _alleged(mention: ClaimMention, mentions: list[ClaimMention]) -> bool:
    """Whether the article tells the act of `mention` (same type) with the voice's state as its actor."""
    return any(other is not mention and other.type == mention.type and other.polarity != "negative"
               and other.arguments.get("agent") == mention.origin.key for other in mentions)


# How far before a pronoun its group may be named ("... at Sgt. A and Officer B before they opened fire").
_PRONOUN_REACH = 6


def _group_before(mention: ClaimMention) -> set[tuple[str, str]]:
    """A pronoun agent the article names no actor for elsewhere is the group of known kind named just before it
    in its own words ("wardens say the man aimed a rifle at Ranger A and Deputy B, then they fired": officers,
    the story's wardens): the words closest before the pronoun, within _PRONOUN_REACH, that key as an unnamed group."""
    said = mention.quote.text if mention.quote else ""
    pronoun = mention.names.get("agent", "")
    found = re.search(rf"\b{re.escape(pronoun)}\b", said) if pronoun else None
    if found is None:
        return set()
    before = re.findall(r"[\w.'-]+", said[:found.start()])[-_PRONOUN_REACH:]
    for end in range(len(before), 0, -1):
        for start in range(end - 1, -1, -1):
            group = unnamed_group(" ".join(before[start:end]))
            if group is not None:
                return {group}
    return set()


def _known_actors(mention: ClaimMention, role: str, mentions: list[ClaimMention],
                  borrowed: set[int]) -> set[tuple[str, str]]:
    """The actors (named, a state, an unnamed group of a known kind) the article gives `role` in the
    other mentions of the same act whose other roles agree: "Police shot him ... They fired 11 rounds".

    A pronoun refers to whoever the article names; a missing actor is the one the same voice, or the
    article's own narration, names elsewhere ("the shooting" after "police shot him"). The article's own
    narration of an act with no actor also takes the one actor a quoted voice gives it, when nothing in the article
    disputes the act (`contested`): a lead tells the act and the body says who, on its source's word ("a bank was
    firebombed" ... "police said protesters threw petrol bombs"). Where someone disputes it, never one only another
    voice alleges ("a camp was bombed" told by the article, "Sudan bombed it" by a neighbour); a quoted voice's own
    telling with no actor stays its own ("aid workers said four bombs fell")."""
    roles = BLOCK_ROLES.get(mention.type, ())
    pronoun = role in mention.arguments
    disputed = contested(mention.type, mentions)
    out: set[tuple[str, str]] = set()
    others: set[tuple[str, str]] = set()
    for other in mentions:
        key = other.arguments.get(role)
        if other is mention or other.type != mention.type or key is None or open_role(key) or key == ANY:
            continue
        if id(other) in borrowed or (disputed and distinct_places(mention.names.get("location"),
                                                                      other.names.get("location"))):
            continue
        if all(_compatible(mention.arguments.get(r), other.arguments.get(r)) for r in roles if r != role):
            narrated = other.origin.type == "story" and (mention.origin.type == "story" or not disputed
                                                         or _says(mention, key, other.names[role]))
            own = pronoun or other.origin.key == mention.origin.key or narrated
            (out if own else others).add((key, other.names[role]))
    if out or pronoun or mention.origin.type != "story" or disputed:
        return out
    if len(others) == 1:
        borrowed.add(id(mention))
    return others


# Place words too common to say two place phrases name one place ("the camp", "a town in ...").
_MIN_PLACE_WORD = 4


def resolve_places(mentions: list[ClaimMention], places: Optional[dict[int, str]] = None) -> None:
    """Within one article, an attack by no one named told without a place we can put in a country ("four bombs
    were dropped", "the bombing of Tarrow refugee camp") is where the article's other tellings of an attack by no one
    named are, if they are all in one country, and it names no place or the same place in other words (a word of
    its place phrase in theirs: "Tessel grain depot" / "a grain depot in Orsket"). A place of its own it does
    not share ("Brask in Lusk province") keeps it apart. Only the place's country is lent (`names`), which is
    what tells agentless attacks of one story together (graph/scoring.py `in_story`).

    An attack told with no place at all is the article's lead attack's, whoever the lead names ("Orsket bombs
    refugee camp" ... "four bombs were dropped"): a report tells its event first with where it was, and the details
    that follow without a place are of that event; an attack elsewhere is told with its place ("bombings in another
    region", "in Brask"). `places`: id of a mention -> its location's words in the article (its span; the key may
    have kept only the country)."""
    agentless = [m for m in mentions if m.type == "USE" and open_role(m.arguments.get("agent", "-"))]
    lead, lead_country, lead_key = _lead_place(mentions, places or {})
    placed: dict[str, list[str]] = {}
    for m in agentless:
        code = place_country(m.names.get("location"))
        if code:
            placed.setdefault(code, []).append(m.names["location"])
    if len(placed) == 1:
        ((code, places_of),) = placed.items()
        known = {w for name in places_of for w in words(name) if len(w) >= _MIN_PLACE_WORD}
        for m in agentless:
            own = m.names.get("location")
            if own and (place_country(own) or not known & {w for w in words(own) if len(w) >= _MIN_PLACE_WORD}):
                continue
            if own or lead is None:
                m.names["location"] = f"{own} ({places_of[0]})" if own else (country_name(code) or places_of[0])
    for m in agentless:
        own = m.names.get("location")
        if not own and lead is not None:
            m.names["location"] = lead
            if set(m.arguments) <= {"agent"} and m.item is None and lead_key:  # "the shelling" (by "a plane"): the lead's, kept by its place
                m.arguments["location"] = lead_key
        elif own and lead_country and not place_country(own):  # "a depot on their soil"
            m.names["location"] = f"{own} ({country_name(lead_country) or lead_country})"


def _lead_place(mentions: list[ClaimMention],
                places: dict[int, str]) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """The place of the article's first asserted attack told with one (its words, the country added when they name
    none and the article's attacks are all in one country), unless that place is said to be another ("bombings in
    another region"); its country; and its location key."""
    told = sorted((m for m in mentions if m.type == "USE" and m.polarity != "negative" and m.names.get("location")),
                  key=lambda m: m.quote.start if m.quote else 0)
    if not told:
        return None, None, None
    key = told[0].arguments.get("location", "")
    phrase = (country_name(key.split(":")[1]) if key.startswith("state:") else None) or told[0].names["location"]
    if elsewhere(phrase):
        return None, None, None
    code = place_country(phrase)
    if code:
        return phrase, code, key or None
    countries = {c for m in told for c in [place_country(places.get(id(m)) or m.names["location"])] if c}
    if len(countries) != 1:
        return phrase, None, key or None
    code = next(iter(countries))
    return f"{phrase} ({country_name(code) or code})", code, key or None


def _says(mention: ClaimMention, key: str, name: str) -> bool:
    """Whether a voice's own words name an actor ("China has become a key enabler ... through the supply of dual-use
    technology": the supply is China's, on the voice's word, though the act names no supplier): a state by its
    country's name or adjective, anyone else by a word of their name."""
    said = mention.quote.text if mention.quote else ""
    if key.startswith("state:"):
        return key.split(":")[1] in named_countries(said)
    named = {w for w in words(name) if len(w) >= _MIN_PLACE_WORD}
    return bool(named) and bool(named & set(words(said)))


def _place_words(text: str) -> set[str]:
    """The names in a place phrase that tell one place from another: capitalised words (or ones the gazetteer knows
    as a place), not its country's name or adjective, nor a generic place noun or preposition (unnamed.yaml
    `place_generic`: "state", "region", "the capital" name no place)."""
    out, generic = set(), _generic_place_words()
    for raw in _RAW_WORD.findall(text):
        word = fold(raw)
        if len(word) < _MIN_PLACE_WORD or word in generic or word in _COUNTRY_WORDS or nationality(word) \
                or place_country(word):
            continue
        if raw[0].isupper() or _gazetteer_place(raw):
            out.add(word)
    return out


_RAW_WORD = re.compile(r"[\w\-]+", re.UNICODE)


@lru_cache(maxsize=1)
def _generic_place_words() -> frozenset[str]:
    return frozenset(fold(w) for w in keys_data().get("place_generic", ()))


@lru_cache(maxsize=4096)
def _gazetteer_place(word: str) -> bool:
    entry = default_gazetteer().lookup(word, "GPE")
    return entry is not None and entry.type in ("GPE", "LOC")


# Words of countries' names too general to tell places apart ("South Sudan", "Central African Republic").
_COUNTRY_WORDS = {"south", "north", "east", "west", "central", "republic", "united", "democratic", "sud", "nord"}


def distinct_places(a: Optional[str], b: Optional[str]) -> bool:
    """Whether two place phrases name two places: both name a place beyond a country, with no name in common
    ("Brask in Lusk province" / "Tarrow"; "Venn in Harrow province" / "Tarrow in Lusk province"); a named and
    an unnamed one, by all their words ("Marl province" / "a grain depot in Orsket"). Phrases that
    name no place ("the capital", "the north of the country") are not distinct, unless one says it is another
    ("another province of Orsket" / "a grain depot in Orsket"). Two tellings in two places are two acts, so
    one does not lend the other its actor."""
    if not a or not b:
        return False
    for one, two in ((a, b), (b, a)):  # "another region of North Orsket" is not the camp the lead gives
        if elsewhere(one) and says_where(two):
            return True
    wa, wb = _place_words(a), _place_words(b)
    if bool(wa) != bool(wb):  # a named place and an unnamed one ("Lusk province" / "a refugee camp"): all words
        wa, wb = _where_words(a), _where_words(b)
    return bool(wa) and bool(wb) and not wa & wb


def elsewhere(place: Optional[str]) -> bool:
    """Whether a place phrase says it is somewhere else than the article's attack ("another region"; words in
    place_other)."""
    return bool(place) and bool(set(keys_data().get("place_other", ())) & set(words(place or "")))


def _where_words(text: str) -> set[str]:
    """The words of a place phrase beyond its country ("grain", "depot" of "a grain depot in Orsket")."""
    return {w for w in words(text) if len(w) >= _MIN_PLACE_WORD and w not in _COUNTRY_WORDS and not nationality(w)
            and not place_country(w)}


def says_where(text: str) -> bool:
    """Whether a place phrase says where beyond a country ("a grain depot in Orsket"; not "Orsket")."""
    return bool(_where_words(text))


def contested(kind: str, mentions: list[ClaimMention]) -> bool:
    """Whether the article tells someone disputing an act of this kind (a denial, a negated telling of it): then
    who did it is what the story disputes, and the article's narration of the act with no actor takes no
    actor only another voice names ("a camp was bombed" told by the article, "Sudan bombed it" by a neighbour,
    "Sudan denied it"). Undisputed, the article tells one act, naming its actor where a voice does ("police
    said protesters threw petrol bombs", "the bank was firebombed")."""
    return any(m.type == "DENY" or (m.type == kind and m.polarity == "negative") for m in mentions)


def open_role(key: str) -> bool:
    """A role that does not say who: missing, universal ("any party"), or words naming nobody we know."""
    return key in ("-", ANY) or key.startswith("txt:")


def _compatible(a: Optional[str], b: Optional[str]) -> bool:
    if a is None or b is None or a == b:
        return True
    return (a.startswith("grp:") and b.startswith("ent:")) or (b.startswith("grp:") and a.startswith("ent:"))
