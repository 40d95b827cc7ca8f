"""The event lexicon of one language, read from `lang/<code>/events.yaml`.

Everything language-specific about events lives in that file: trigger lemmas
per type, multi-word triggers, which dependency labels mean subject, object or
prepositional phrase, and which preposition fills which role. The code that
uses it is the same for every language.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from claimgraph.errors import ConfigError
from claimgraph.extract.attribution.lexicon import occasion_words
from claimgraph.lang import LanguageRules, word_set


@dataclass(frozen=True)
class Phrase:
    """A multi-word trigger: a sequence of lemmas, `head` being the word that governs its roles."""

    type: str
    lemmas: tuple[str, ...]
    head: int


@dataclass(frozen=True)
class RoleMap:
    """Which role each grammatical slot fills for one event type (or one verb's frame)."""

    slots: dict[str, str]
    preps: dict[str, str]
    noun_preps: dict[str, str]
    if_prep: Optional[str] = None

    def merged(self, frame: Optional["RoleMap"], present_preps: set[str]) -> "RoleMap":
        """This map with a verb's frame laid over it (when the frame's condition holds)."""
        if frame is None or (frame.if_prep is not None and frame.if_prep not in present_preps):
            return self
        return RoleMap({**self.slots, **frame.slots}, {**self.preps, **frame.preps}, self.noun_preps)


@dataclass(frozen=True)
class EventLexicon:
    """Trigger words and role syntax of one language."""

    verbs: dict[str, str]
    nouns: dict[str, str]
    phrases: tuple[Phrase, ...]
    bearer_roles: dict[str, str]
    deps: dict[str, frozenset[str]]
    contractions: dict[str, str]
    roles: dict[str, RoleMap]
    # per verb, its frames in order: the first whose condition holds ("blame X on Y", else "blame X for Y")
    frames: dict[str, tuple[RoleMap, ...]]
    wrappers: dict[str, str]
    light_verbs: frozenset[str]
    means_preps: frozenset[str]
    naming_words: frozenset[str]
    governors: dict[str, frozenset[str]]
    negation_words: frozenset[str]
    deny_objects: frozenset[str]
    deny_restricted: frozenset[str]
    anaphor_determiners: frozenset[str]
    anaphor_nouns: frozenset[str]
    anaphor_pronouns: frozenset[str]
    company_determiners: frozenset[str] = frozenset()
    definite_determiners: frozenset[str] = frozenset()
    company_nouns: frozenset[str] = frozenset()
    person_pronouns: frozenset[str] = frozenset()
    plural_pronouns: frozenset[str] = frozenset()
    speaker_pronouns: frozenset[str] = frozenset()
    passive_auxiliaries: frozenset[str] = frozenset()
    reflexives: frozenset[str] = frozenset()
    bare_participle_tags: frozenset[str] = frozenset()
    partitives: frozenset[str] = frozenset()
    approximators: frozenset[str] = frozenset()
    # plural ending -> singular ending, to read a capitalised first word the tagger took for a name
    plural_endings: tuple[tuple[str, str], ...] = ()
    required_roles: Optional[dict[str, tuple[str, ...]]] = None
    purpose_marks: frozenset[str] = frozenset()
    purpose_blocked: frozenset[str] = frozenset()
    purpose_governors: frozenset[str] = frozenset()
    # words that make a trade noun a policy, not a happening: "controls exports of", « encadre les ventes »
    policy_governors: frozenset[str] = frozenset()
    actor_only_preps: frozenset[str] = frozenset()
    actor_nouns: frozenset[str] = frozenset()
    # "bars firms from selling": a gerund after these, on a verb with an object, is done by the object
    control_preps: frozenset[str] = frozenset()
    # "denies arming Russia after drone engine report": where what is denied ends (from `cues.yaml`)
    occasion_preps: frozenset[str] = frozenset()
    occasion_nouns: frozenset[str] = frozenset()
    min_arguments: int = 2
    # one participant is enough for these types and roles ("Western sanctions", "deliveries of arms")
    single_roles: Optional[dict[str, tuple[str, ...]]] = None
    # a lone item must be goods: weapons, their parts, commodities ("deliveries of gas")
    goods: frozenset[str] = frozenset()
    weapons: frozenset[str] = frozenset()
    # words that are themselves the firing of a weapon ("shelled", « frappes »): a USE with any participant;
    # any other USE trigger ("used", "launched") is one only with a weapon as its item
    firing_words: frozenset[str] = frozenset()
    # "an air attack", "a petrol bomb attack", "drone strikes": these nouns are a firing when a weapon
    # (or one of `attack_modifiers`) modifies them
    attack_nouns: frozenset[str] = frozenset()
    # "a petrol bomb hurled at the bank": after its noun, the participle of these still reports the act
    hurling_verbs: frozenset[str] = frozenset()
    attack_modifiers: frozenset[str] = frozenset()
    # "carried out the attack": verb lemma -> its particle (weapon_attacks.operations)
    operation_verbs: dict[str, str] = field(default_factory=dict)
    # "workers carried out a strike": these attack nouns carried out are a USE only with a sign of force (a target
    # after one of `force_preps`, a weapon in the clause)
    force_nouns: frozenset[str] = frozenset()
    force_preps: frozenset[str] = frozenset()
    protest_objects: frozenset[str] = frozenset()  # "a strike against pay cuts": no target of force
    # adjectives that name a group of states as an actor ("Western sanctions", "sanctions occidentales")
    collective_actors: frozenset[str] = frozenset()
    # "the new measures target X", « les sanctions frappent X »: a verb that is a SANCTION only when
    # its subject is a measure noun; the agent is the subject's own modifier ("British measures")
    measure_verbs: frozenset[str] = frozenset()
    measure_nouns: frozenset[str] = frozenset()
    # verbs too common to be an event without goods as their item ("make munitions", not "make a choice")
    goods_only_verbs: frozenset[str] = frozenset()
    # verbs of giving used of anything ("provide access", « fournir un bilan »): not with an abstract item,
    # unless a named recipient makes it a transfer
    loose_verbs: frozenset[str] = frozenset()
    abstract_items: frozenset[str] = frozenset()
    # verbs of handing over said of anything ("gave approval", "returned home"): a transfer only
    # when something goes to someone ("returned the files to the firm", "were given the jets")
    handover_verbs: frozenset[str] = frozenset()
    # "a recipient of the donor programme": a giver, not the thing given, after a recipient noun
    giving_bodies: frozenset[str] = frozenset()
    # "are subject to sanctions", « seront soumis à un gel »: the subject of these is the measure's target
    target_governors: frozenset[str] = frozenset()
    # "the gallery, like 189 others,": prepositions of an aside after a comma, never part of a role's phrase
    aside_preps: frozenset[str] = frozenset()
    # "its arms industry", « son industrie d'armement »: heads that are never goods, whatever their modifiers
    not_goods: frozenset[str] = frozenset()
    # "liable to sanctions", « passibles de sanctions »: what a law allows, not a measure taken
    liability_governors: frozenset[str] = frozenset()
    # "refuted the idea of a loan", "denied the request": a proposal turned down is no denial of a claim
    proposal_nouns: frozenset[str] = frozenset()
    # "banned oil imports": a ban is a SANCTION when it bars trade
    ban_verbs: frozenset[str] = frozenset()
    ban_objects: frozenset[str] = frozenset()
    # verbs that place rather than use ("deployed a warship"): a USE only with a place of operation
    placing_verbs: frozenset[str] = frozenset()
    # "75 percent of the arms", « une partie des armes »: the goods are in the complement
    quantity_nouns: frozenset[str] = frozenset()
    # knowledge disclaimers, a DENY (ANNOTATION 2.5): words of knowing that disclaim when negated
    # ("not aware of", "no information on", « pas au courant de »), and words that do by themselves ("unaware")
    negated_knowing: frozenset[str] = frozenset()
    unknowing: frozenset[str] = frozenset()
    # rebuttals: "called the accusations groundless", « a qualifié ces informations de fausses »
    rebuttal_verbs: frozenset[str] = frozenset()
    false_words: frozenset[str] = frozenset()

    # `phrases` by first word: positions in `phrases`, so that a token is tried only against the
    # phrases that can start with its lemma or its form, in lexicon order
    phrase_index: Optional[dict[str, tuple[int, ...]]] = None

    def phrases_starting(self, lemma: str, lower: str) -> tuple[Phrase, ...]:
        """The phrases whose first word is `lemma` or `lower`, in lexicon order."""
        index = self.phrase_index or {}
        positions = index.get(lemma, ()) if lemma == lower else \
            tuple(sorted(index.get(lemma, ()) + index.get(lower, ())))
        return tuple(self.phrases[p] for p in positions)

    def dep(self, name: str) -> frozenset[str]:
        """The dependency labels of grammatical function `name` ("subject", "object", ...)."""
        return self.deps.get(name, frozenset())

    def prep(self, text: str) -> str:
        """A preposition's normal form ("du" -> "de", "To" -> "to", « d’ » -> "de")."""
        low = text.lower().replace("’", "'")  # the typographic apostrophe of most French newsrooms
        return self.contractions.get(low, low)


def frame_of(lexicon: "EventLexicon", lemma: str, present_preps: frozenset[str] | set[str] = frozenset()) -> Optional[RoleMap]:
    """The frame of a verb: the first of its frames whose condition (a preposition present) holds."""
    for frame in lexicon.frames.get(lemma, ()):
        if frame.if_prep is None or frame.if_prep in present_preps:
            return frame
    return None


def _role_map(data: dict[str, Any]) -> RoleMap:
    slots = {k: v for k, v in data.items() if isinstance(v, str) and k != "if_prep"}
    return RoleMap(slots, _prepositions(data.get("preps")), _prepositions(data.get("noun_preps")), data.get("if_prep"))


def _prepositions(table: Any) -> dict[str, str]:
    """A preposition -> role table; YAML reads a bare `on:` or `no:` as a boolean, so say so."""
    table = dict(table or {})
    for key in table:
        if not isinstance(key, str):
            raise ConfigError(f"events.yaml: preposition {key!r} is not a string (quote it: \"on\": ...)")
    return table


def _actor_nouns(rules: LanguageRules, data: dict[str, Any]) -> frozenset[str]:
    """Nouns for people and organisations: the source nouns of `sources.yaml`, the company nouns and the
    parties of trade and sanctions that are no sources (`actor_nouns`: "entities", "networks")."""
    sources = rules.data("sources") if rules.has("sources") else {}
    lists = [sources.get(key) for key in ("person_nouns", "organization_nouns", "media_nouns")]
    return frozenset().union(*(word_set(words) for words in lists), word_set(data.get("actor_nouns")),
                             word_set((data.get("company_anaphors") or {}).get("nouns")))


def _nationality_adjectives(rules: LanguageRules) -> frozenset[str]:
    """« russes », « chinoise »: the nationality adjectives of `entities.yaml` name an actor as a modifier
    (« frappes russes »), where the French model gives them no entity label."""
    entities = rules.data("entities") if rules.has("entities") else {}
    return frozenset().union(*(word_set(forms) for forms in (entities.get("nationalities") or {}).values()))


_CACHE: dict[str, EventLexicon] = {}


def load_lexicon(rules: LanguageRules) -> Optional[EventLexicon]:
    """The event lexicon of `rules`' language, or None when it has no `events.yaml`."""
    key = str(rules.spec.data_dir)
    if key in _CACHE:
        return _CACHE[key]
    if not rules.has("events"):
        return None
    data = rules.data("events")
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    phrases: list[Phrase] = []
    for etype, words in (data.get("triggers") or {}).items():
        for lemma in words.get("verbs") or []:
            if " " in lemma:
                continue  # multi-word verbs are listed under `phrases`
            verbs.setdefault(lemma.lower(), etype)
        for lemma in words.get("nouns") or []:
            nouns.setdefault(lemma.lower(), etype)
    for item in data.get("phrases") or []:
        phrases.append(Phrase(item["type"], tuple(w.lower() for w in item["lemmas"]), int(item.get("head", 0))))
    phrase_index: dict[str, tuple[int, ...]] = {}
    for position, phrase in enumerate(phrases):
        if phrase.lemmas:
            phrase_index[phrase.lemmas[0]] = phrase_index.get(phrase.lemmas[0], ()) + (position,)
    governors = {kind: word_set(words) for kind, words in (data.get("governors") or {}).items()}
    anaphors = data.get("anaphors") or {}
    occasion_preps, occasion_nouns = occasion_words(rules.data("cues") if rules.has("cues") else {})
    lexicon = EventLexicon(
        verbs=verbs, nouns=nouns, phrases=tuple(phrases), phrase_index=phrase_index,
        bearer_roles={k.lower(): v for k, v in (data.get("bearer_roles") or {}).items()},
        deps={k: frozenset(v or []) for k, v in (data.get("deps") or {}).items()},
        contractions={k.lower(): v for k, v in (data.get("contractions") or {}).items()},
        roles={t: _role_map(m) for t, m in (data.get("roles") or {}).items()},
        frames={v.lower(): tuple(_role_map(f) for f in (m if isinstance(m, list) else [m]))
                for v, m in (data.get("frames") or {}).items()},
        wrappers={k.lower(): v for k, v in (data.get("wrappers") or {}).items()},
        light_verbs=word_set(data.get("light_verbs")), means_preps=word_set(data.get("means_preps")),
        naming_words=word_set(data.get("naming_words")), governors=governors,
        negation_words=word_set(data.get("negation_words")),
        deny_objects=word_set(data.get("deny_objects")), deny_restricted=word_set(data.get("deny_restricted")),
        anaphor_determiners=word_set(anaphors.get("determiners")), anaphor_nouns=word_set(anaphors.get("nouns")),
        anaphor_pronouns=word_set(anaphors.get("pronouns")),
        company_determiners=word_set((data.get("company_anaphors") or {}).get("determiners")),
        definite_determiners=word_set(anaphors.get("definite")),
        company_nouns=word_set((data.get("company_anaphors") or {}).get("nouns")),
        person_pronouns=word_set(data.get("person_pronouns")),
        plural_pronouns=word_set(data.get("plural_pronouns")),
        speaker_pronouns=word_set(data.get("speaker_pronouns")),
        passive_auxiliaries=word_set(data.get("passive_auxiliaries")), reflexives=word_set(data.get("reflexives")),
        bare_participle_tags=frozenset(data.get("bare_participle_tags") or []),
        partitives=word_set(data.get("partitive_articles")), approximators=word_set(data.get("approximators")),
        plural_endings=tuple((str(k), str(v or "")) for k, v in (data.get("plural_endings") or {}).items()),
        required_roles={t: tuple(r) for t, r in (data.get("required_roles") or {}).items()},
        purpose_marks=word_set(data.get("purpose_marks")), purpose_blocked=frozenset(data.get("purpose_blocked") or []),
        purpose_governors=word_set(data.get("purpose_governors")),
        policy_governors=word_set(data.get("policy_governors")),
        actor_only_preps=word_set(data.get("actor_only_preps")), actor_nouns=_actor_nouns(rules, data),
        control_preps=word_set(data.get("control_preps")),
        occasion_preps=occasion_preps, occasion_nouns=occasion_nouns,
        min_arguments=int(data.get("min_arguments", 2)),
        single_roles={t: tuple(r) for t, r in (data.get("single_roles") or {}).items()},
        goods=word_set(data.get("weapons")) | word_set(data.get("goods")), weapons=word_set(data.get("weapons")),
        firing_words=word_set(data.get("firing_words")),
        attack_nouns=word_set((data.get("weapon_attacks") or {}).get("nouns")),
        hurling_verbs=word_set(data.get("hurling_verbs")),
        attack_modifiers=word_set((data.get("weapon_attacks") or {}).get("modifiers")) | word_set(data.get("weapons")),
        operation_verbs={str(k).lower(): str(v).lower() for k, v in
                         ((data.get("weapon_attacks") or {}).get("operations") or {}).items()},
        force_nouns=word_set((data.get("weapon_attacks") or {}).get("force_nouns")),
        force_preps=word_set((data.get("weapon_attacks") or {}).get("force_preps")),
        protest_objects=word_set((data.get("weapon_attacks") or {}).get("protest_objects")),
        collective_actors=word_set(data.get("collective_actors")) | _nationality_adjectives(rules),
        measure_verbs=word_set((data.get("measures") or {}).get("verbs")),
        measure_nouns=word_set((data.get("measures") or {}).get("nouns")),
        goods_only_verbs=word_set(data.get("goods_only_verbs")), loose_verbs=word_set(data.get("loose_verbs")),
        abstract_items=word_set(data.get("abstract_items")), handover_verbs=word_set(data.get("handover_verbs")),
        giving_bodies=word_set(data.get("giving_bodies")), target_governors=word_set(data.get("target_governors")),
        aside_preps=word_set(data.get("aside_preps")), not_goods=word_set(data.get("not_goods")),
        liability_governors=word_set(data.get("liability_governors")), proposal_nouns=word_set(data.get("proposal_nouns")),
        ban_verbs=word_set((data.get("bans") or {}).get("verbs")),
        ban_objects=word_set((data.get("bans") or {}).get("objects")),
        placing_verbs=word_set(data.get("placing_verbs")), quantity_nouns=word_set(data.get("quantity_nouns")),
        negated_knowing=word_set((data.get("knowledge_disclaimers") or {}).get("negated")),
        unknowing=word_set((data.get("knowledge_disclaimers") or {}).get("by_themselves")),
        rebuttal_verbs=word_set((data.get("rebuttals") or {}).get("verbs")),
        false_words=word_set((data.get("rebuttals") or {}).get("false_words")))
    _CACHE[key] = lexicon
    return lexicon
