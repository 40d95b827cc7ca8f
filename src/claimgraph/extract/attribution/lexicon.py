"""The attribution and factuality lexicons of one language, read once from its YAML files.

Every language-specific word the attribution stage uses lives in
`lang/<code>/{cues,hedges,negation,sources}.yaml`; this module turns them
into lookup tables so that the extractors never test a language code.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from spacy.tokens import Token

from claimgraph.lang import LanguageRules, word_set


@dataclass(frozen=True)
class CueEntry:
    """What a cue word says about its content.

    certainty (Optional[str]): the certainty the cue implies ("suggests" -> probable).
    polarity (Optional[str]): "negative" for denials.
    role (str): speech, belief, confirm.
    takes_object (bool): the content may be a noun phrase ("denied the accusations").
    rest (tuple[str, ...]): words after the first of a multiword cue ("mettre en garde").
    needs_speaker (bool): the noun-phrase reading needs a speaker-like subject ("decisions require").
    nominal (bool): only a noun phrase is content (`object: noun`): « souhaitent une sortie du
        nucléaire » states a stance, « souhaite faire un rappel » an intention.
    reflexive (bool): the cue only with a reflexive pronoun (« s'inquiéter de X »).
    clause_only (bool): only a complement clause is content (`clause: only`): « l'accord prévoit que P »
        reports, « prévoit de supprimer des emplois » plans.
    predicative (bool): the object reading needs more than a bare object ("called China an
        enabler", "called for sanctions", not "called the company").
    kind (Optional[str]): the kind the cue gives its record when it is not plain reported
        speech: evidence verbs and report nouns ("the documents show", "a Reuters report that")
        read as `according_to`.
    """

    certainty: Optional[str] = None
    polarity: Optional[str] = None
    role: str = "speech"
    takes_object: bool = False
    rest: tuple[str, ...] = ()
    kind: Optional[str] = None
    predicative: bool = False
    needs_speaker: bool = False
    nominal: bool = False
    reflexive: bool = False
    clause_only: bool = False
    # only an open question is content (`clause: question`): "trying to establish whether P", « cherchent
    # à savoir si P »; "established that P" is no such cue
    question_only: bool = False


def _entry(raw: Any, rest: tuple[str, ...] = ()) -> CueEntry:
    raw = raw or {}
    return CueEntry(certainty=raw.get("certainty"), polarity=raw.get("polarity"),
                    role=raw.get("role", "speech"), takes_object=bool(raw.get("object")), rest=rest,
                    kind=raw.get("kind"), predicative=bool(raw.get("predicative")),
                    needs_speaker=bool(raw.get("speaker")), nominal=raw.get("object") == "noun",
                    reflexive=bool(raw.get("reflexive")), clause_only=raw.get("clause") == "only",
                    question_only=raw.get("clause") == "question")


def occasion_words(cues: dict[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    """(prepositions, nouns) of a statement's occasion in `cues.yaml`: "after" + a report or claim word."""
    nouns = [*(cues.get("nouns") or {}), *(cues.get("claim_anaphors") or ())]
    return word_set(cues.get("occasion_preps")), word_set(nouns)


@dataclass(frozen=True)
class Lexicon:
    """Lookup tables of one language (see the YAML files for what each one means)."""

    verbs: dict[str, list[CueEntry]] = field(default_factory=dict)
    # inquiries ("trying to establish whether P"): cues only before an open question, left underspecified
    inquiries: frozenset[str] = frozenset()
    # asking verbs: their opening "whether"/« si » is left out of the content ("asked whether P": P)
    question_cues: frozenset[str] = frozenset()
    nouns: dict[str, CueEntry] = field(default_factory=dict)
    according_to: tuple[tuple[str, ...], ...] = ()
    according_to_initial: tuple[tuple[str, ...], ...] = ()  # « Pour le procureur, ... »: only opening a sentence
    relay: frozenset[str] = frozenset()
    relay_participles: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    concessive_cc: frozenset[str] = frozenset()
    as_marks: frozenset[str] = frozenset()
    gerund_marks: frozenset[str] = frozenset()  # « en affirmant que », "by saying that": the clause's subject speaks
    stance_verbs: frozenset[str] = frozenset()  # « se dit préoccupé par X »: the adjective's complement is the content
    reflexive_pronouns: frozenset[str] = frozenset()
    idiom_heads: dict[str, frozenset[str]] = field(default_factory=dict)  # « veut dire » means, says nothing
    cleft_heads: frozenset[str] = frozenset()
    cleft_objects: frozenset[str] = frozenset()
    claim_anaphors: frozenset[str] = frozenset()
    occasion_preps: frozenset[str] = frozenset()  # "denies X after a report": the denial's occasion
    occasion_nouns: frozenset[str] = frozenset()
    occasion_marks: frozenset[str] = frozenset()  # "said he would X as he signed Y": when the words were said
    contrast_marks: frozenset[str] = frozenset()  # "said A while Y said B": B is Y's report, not part of A
    future_auxiliaries: frozenset[str] = frozenset()
    object_preps: frozenset[str] = frozenset()  # prepositions that belong to an object content ("accused X of Y")
    after_object_preps: frozenset[str] = frozenset()  # the same, only after a direct object ("sent X to Y")
    agent_marks: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    infinitive_content: bool = False
    place_preps: frozenset[str] = frozenset()  # « est-il écrit dans le rapport »: where the words are written
    zero_complementizer: bool = False  # "rejected claims it leaked data": a report noun's clause without "that"
    lemma_repairs: dict[str, str] = field(default_factory=dict)  # « réclame » -> « réclamer »  # « a affirmé avoir livré »: a speech verb's infinitive is its content
    conditional_mood: Optional[str] = None
    modals: dict[str, Optional[str]] = field(default_factory=dict)
    conditional_modals: dict[str, Optional[str]] = field(default_factory=dict)
    raising: dict[str, str] = field(default_factory=dict)
    passive_hearsay: dict[str, str] = field(default_factory=dict)  # "are said to", "is believed to"
    belief_levels: dict[str, str] = field(default_factory=dict)  # belief cue verbs -> certainty ("I think")
    opinion_nouns: frozenset[str] = frozenset()  # "in my view", "it's our understanding"
    falsity_words: frozenset[str] = frozenset()  # "the claims were false"
    doubt_nouns: frozenset[str] = frozenset()  # "there is no question (that) P": a booster, not a negation
    hearsay_passives: dict[str, str] = field(default_factory=dict)  # agentless "are said to" -> certainty
    agentless_adverbs: dict[str, str] = field(default_factory=dict)  # "reportedly" -> certainty
    agentless_estimates: dict[str, str] = field(default_factory=dict)  # "an estimated 100,000 people" -> certainty
    passive_accusations: dict[str, tuple[str, str]] = field(default_factory=dict)  # "accused" -> (of, certain)
    hedge_words: dict[str, str] = field(default_factory=dict)
    multiword_hedges: tuple[tuple[str, str], ...] = ()  # the hedge_words of several words, in their order
    hedge_nouns: dict[str, str] = field(default_factory=dict)
    boosters: frozenset[str] = frozenset()
    question_marks: frozenset[str] = frozenset()
    negators: frozenset[str] = frozenset()
    weak_negators: frozenset[str] = frozenset()
    paired_negators: frozenset[str] = frozenset()  # « ne ... plus »: a negation only with the weak particle
    negative_predicates: frozenset[str] = frozenset()
    negative_marks: frozenset[str] = frozenset()
    focus_after: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    office_nouns: frozenset[str] = frozenset()  # one holder: « la ministre », « le chef de la diplomatie »
    document_nouns: frozenset[str] = frozenset()
    generic_plural: frozenset[str] = frozenset()
    generic_mass: frozenset[str] = frozenset()
    unspecified_nouns: frozenset[str] = frozenset()
    media_nouns: frozenset[str] = frozenset()
    organization_nouns: frozenset[str] = frozenset()
    unspecified_pronouns: frozenset[str] = frozenset()
    anaphoric_pronouns: frozenset[str] = frozenset()
    group_pronouns: frozenset[str] = frozenset()  # "they", « ces derniers »: people or organisations alike
    latter_words: frozenset[str] = frozenset()  # « ces derniers », "the latter": the last named
    impersonal_verbs: frozenset[str] = frozenset()  # « il semble », "it appears": an expletive subject
    quantity_nouns: frozenset[str] = frozenset()  # « nombre de pays », "a number of officials": the group
    relative_speakers: frozenset[str] = frozenset()  # "Ana Ruiz, who said ...": the antecedent speaks
    definite_determiners: frozenset[str] = frozenset()
    media_names: frozenset[str] = frozenset()
    outlet_heads: frozenset[str] = frozenset()  # how outlets are named: "<Name> News", "<Name> Post"
    # according_to and according_to_initial by their first word, in lexicon order: a token is
    # tried only against the phrases that can start with it
    according_to_by_first: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    according_to_initial_by_first: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    repair_endings: tuple[str, ...] = ()  # the keys of lemma_repairs, for one `str.endswith` test per word


def by_first_word(sequences: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """`sequences` grouped by their first word, each group in the order of `sequences`."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for sequence in sequences:
        if sequence:
            index.setdefault(sequence[0], []).append(sequence)
    return {word: tuple(group) for word, group in index.items()}


_CACHE: dict[str, Lexicon] = {}


def _optional(rules: LanguageRules, name: str) -> dict[str, Any]:
    return rules.data(name) if rules.has(name) else {}


def get_lexicon(rules: LanguageRules) -> Lexicon:
    """The lexicon of `rules`' language, built on first use and cached.

    rules (LanguageRules): the language's data files.
    RETURNS (Lexicon): its lookup tables (empty tables for missing files).
    """
    if rules.code in _CACHE:
        return _CACHE[rules.code]
    cues, hedges = _optional(rules, "cues"), _optional(rules, "hedges")
    negation, sources = _optional(rules, "negation"), _optional(rules, "sources")
    verbs: dict[str, list[CueEntry]] = {}
    for key, raw in (cues.get("verbs") or {}).items():
        first, *rest = str(key).lower().split()
        verbs.setdefault(first, []).append(_entry(raw, tuple(rest)))
    for entries in verbs.values():
        entries.sort(key=lambda e: -len(e.rest))  # longest multiword cue first
    hedge_words = {str(k).lower(): v for k, v in {**(hedges.get("adverbs") or {}),
                                                  **(hedges.get("adjectives") or {})}.items()}
    occasion_preps, occasion_nouns = occasion_words(cues)
    according_to = tuple(tuple(str(w).lower() for w in seq) for seq in cues.get("according_to") or [])
    according_to_initial = tuple(tuple(str(w).lower() for w in seq) for seq in cues.get("according_to_initial") or [])
    lexicon = Lexicon(
        verbs=verbs, inquiries=word_set(cues.get("inquiries")),
        question_cues=word_set(cues.get("question_cues")),
        nouns={str(k).lower(): _entry(v) for k, v in (cues.get("nouns") or {}).items()},
        according_to=according_to, according_to_initial=according_to_initial,
        according_to_by_first=by_first_word(according_to),
        according_to_initial_by_first=by_first_word(according_to_initial),
        repair_endings=tuple(str(k) for k in (cues.get("lemma_repairs") or {})),
        relay=word_set(cues.get("relay")), relay_participles=word_set(cues.get("relay_participles")),
        relative_pronouns=word_set(cues.get("relative_pronouns")),
        concessive_cc=word_set(hedges.get("concessive_cc")), as_marks=word_set(cues.get("as_marks")),
        gerund_marks=word_set(cues.get("gerund_marks")), stance_verbs=word_set(cues.get("stance_verbs")),
        reflexive_pronouns=word_set(cues.get("reflexive_pronouns")),
        idiom_heads={str(k).lower(): word_set(v) for k, v in (cues.get("idiom_heads") or {}).items()},
        cleft_heads=word_set(cues.get("cleft_heads")), cleft_objects=word_set(cues.get("cleft_objects")),
        claim_anaphors=word_set(cues.get("claim_anaphors")), agent_marks=word_set(cues.get("agent_marks")),
        occasion_preps=occasion_preps, occasion_nouns=occasion_nouns,
        occasion_marks=word_set(cues.get("occasion_marks")), contrast_marks=word_set(cues.get("contrast_marks")),
        future_auxiliaries=word_set(cues.get("future_auxiliaries")),
        object_preps=word_set(cues.get("object_preps")),
        after_object_preps=word_set(cues.get("after_object_preps")),
        complementizers=word_set(cues.get("complementizers")),
        infinitive_content=bool(cues.get("infinitive_content")),
        zero_complementizer=bool(cues.get("zero_complementizer")), place_preps=word_set(cues.get("place_preps")),
        lemma_repairs={str(k): str(v) for k, v in (cues.get("lemma_repairs") or {}).items()},
        conditional_mood=hedges.get("conditional_mood"),
        modals={str(k).lower(): v for k, v in (hedges.get("modals") or {}).items()},
        conditional_modals={str(k).lower(): v for k, v in (hedges.get("conditional_modals") or {}).items()},
        raising={str(k).lower(): v for k, v in (hedges.get("raising") or {}).items()},
        passive_hearsay={str(k).lower(): v for k, v in (hedges.get("passive_hearsay") or {}).items()},
        belief_levels={lemma: e.certainty for lemma, entries in verbs.items() for e in entries
                       if e.role == "belief" and e.certainty and not e.rest},
        opinion_nouns=word_set(hedges.get("opinion_nouns")),
        falsity_words=word_set(negation.get("falsity_words")),
        doubt_nouns=word_set(negation.get("doubt_nouns")),
        hearsay_passives={str(k).lower(): v for k, v in ((cues.get("agentless") or {}).get("hearsay_passives") or {}).items()},
        agentless_adverbs={str(k).lower(): v for k, v in ((cues.get("agentless") or {}).get("adverbs") or {}).items()},
        agentless_estimates={str(k).lower(): v for k, v in ((cues.get("agentless") or {}).get("estimates") or {}).items()},
        passive_accusations={str(k).lower(): (str(v["prep"]).lower(), v.get("certainty", "certain")) for k, v in
                             ((cues.get("agentless") or {}).get("accusations") or {}).items()},
        hedge_words=hedge_words, multiword_hedges=tuple((k, v) for k, v in hedge_words.items() if " " in k),
        hedge_nouns={str(k).lower(): v for k, v in (hedges.get("nouns") or {}).items()},
        boosters=word_set(hedges.get("boosters")), question_marks=word_set(hedges.get("question_marks")),
        negators=word_set(negation.get("particles")), weak_negators=word_set(negation.get("weak_particles")),
        paired_negators=word_set(negation.get("paired_particles")),
        negative_predicates=word_set(negation.get("negative_predicates")),
        negative_marks=word_set(negation.get("negative_marks")),
        focus_after=word_set(negation.get("focus_after")),
        person_nouns=word_set(sources.get("person_nouns")) | word_set(sources.get("office_nouns")),
        office_nouns=word_set(sources.get("office_nouns")), document_nouns=word_set(sources.get("document_nouns")),
        generic_plural=word_set(sources.get("generic_plural")),
        generic_mass=word_set(sources.get("generic_mass")),
        unspecified_nouns=word_set(sources.get("unspecified_nouns")),
        media_nouns=word_set(sources.get("media_nouns")),
        organization_nouns=word_set(sources.get("organization_nouns")),
        unspecified_pronouns=word_set(sources.get("unspecified_pronouns")),
        anaphoric_pronouns=word_set(sources.get("anaphoric_pronouns")),
        group_pronouns=word_set(sources.get("group_pronouns")), latter_words=word_set(sources.get("latter_words")),
        impersonal_verbs=word_set(sources.get("impersonal_verbs")), quantity_nouns=word_set(sources.get("quantity_nouns")),
        relative_speakers=word_set(sources.get("relative_speakers")),
        definite_determiners=word_set(sources.get("definite_determiners")),
        media_names=word_set(sources.get("media_names")),
        outlet_heads=word_set(sources.get("outlet_heads")),
    )
    _CACHE[rules.code] = lexicon
    return lexicon


def modal_level(token: Token, lexicon: Lexicon) -> Optional[str]:
    """The certainty a modal verb gives its complement ("may" -> possible; "pourrait" but not "pouvait")."""
    lemma = token.lemma_.lower()
    level = lexicon.modals.get(lemma) or lexicon.modals.get(token.lower_)
    if level is None and "Cnd" in token.morph.get("Mood"):
        level = lexicon.conditional_modals.get(lemma)
    return level


def speaker_like(token: Token, lexicon: Lexicon) -> bool:
    """Whether `token` can head a source: a name, a pronoun, or a person, organisation, outlet or
    document noun ("Un tel vote exige la majorité" has no speaker)."""
    if token.pos_ in ("PROPN", "PRON") or token.ent_type_:
        return True
    lemma, lower = token.lemma_.lower(), token.lower_
    return any(word in words for word in (lemma, lower) for words in (
        lexicon.person_nouns, lexicon.organization_nouns, lexicon.media_nouns, lexicon.document_nouns,
        lexicon.unspecified_nouns, lexicon.anaphoric_pronouns))


def impersonal_subject(token: Token) -> bool:
    """« Il a été rapporté que P »: a neuter pronoun subject of a passive verb with a clause is no speaker."""
    verb = token.head
    return token.pos_ == "PRON" and token.dep_ in ("nsubj:pass", "nsubjpass") and \
        "Fem" not in token.morph.get("Gender") and "Sing" in (token.morph.get("Number") or ["Sing"]) \
        and "3" in (token.morph.get("Person") or ["3"]) and token.lower_ in ("il", "it") \
        and any(c.dep_ in ("ccomp", "csubj") for c in verb.children)
