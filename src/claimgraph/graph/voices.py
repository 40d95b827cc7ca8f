"""Who a voice speaks for: a state (its government, bodies, forces and officials are one voice), or the
body an unnamed source names ("police sources" in a story whose police force the article names).

Issue 12: all bodies of one state are one voice; an origin is the body that could have known, not each
person who speaks for it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, Optional

import yaml

from claimgraph.graph.keys import (entity_key, is_state, name_key, nationality, place_country, state_name,
                                   unnamed_group, words)
from claimgraph.graph.source_roles import is_state_role
from claimgraph.model import Analysis, Attribution, Entity, Span
from claimgraph.model.claims import ChainLink, Origin
from claimgraph.resolve.gazetteer import default_gazetteer

# How far around a person's name a state role is looked for ("Foreign ministry spokesperson Lin Jian").
ROLE_WINDOW = 60
# Bodies a story has one of (police, the medical examiner): graph/data/voices.yaml.
VOICES = Path(__file__).parent / "data" / "voices.yaml"
# How many words before a person's name may hold the title of the body they speak for ("Police Commissioner").
TITLE_WORDS = 3


def _state_origin(code: str, speaker: str) -> Origin:
    state = state_name(code)
    return Origin(key=f"state:{code}", name=state if speaker == state else f"{speaker} ({state})", type="organization")


def state_voice(name: str, analysis: Analysis) -> Optional[str]:
    """The country whose state a named source speaks for: the state itself ("China", "Beijing",
    "Embassy of China in ..."), or a person of that country the article introduces with a state
    role ("foreign ministry spokesperson Lin Jian"); None otherwise."""
    entity = next((e for e in analysis.entities if e.name == name), None)
    if entity is None:
        return None
    key = entity_key(entity.name, entity.type)
    if key.startswith("state:"):
        return key.split(":", 1)[1]
    if entity.type != "PERSON":
        return None
    official = default_gazetteer().lookup(entity.name, type="PERSON")
    if official is not None and official.role == "official" and official.country and is_state(official.country):
        return official.country  # a known spokesperson or minister, however the article introduces them
    text = analysis.document.text
    for mention in entity.mentions:
        before = re.split(r"[.!?\n]", text[max(0, mention.start - ROLE_WINDOW):mention.start])[-1]
        after = re.split(r"[.!?\n]", text[mention.end:mention.end + ROLE_WINDOW])[0]
        if is_state_role(before) or is_state_role(after):
            code = (entity.country or _gazetteer_country(entity.name) or "").upper() or nationality(before)
            if not code and (public_role(before) or public_role(after)):
                code = article_country(analysis) or ""  # "national disaster agency spokesman ..." in an Aceh story
            if code and is_state(code):
                return code
    return None


def public_role(text: str) -> bool:
    """A state role that names a public body or office ("disaster agency", "foreign ministry", "governor"), not
    only a role any organisation has ("spokesman", "official", "president": `generic_state_roles`)."""
    if not is_state_role(text):
        return False
    folded = f" {' '.join(words(text))} "
    for role in _generic_roles():
        folded = folded.replace(f" {role} ", " ")
    return is_state_role(folded)


@lru_cache(maxsize=1)
def _generic_roles() -> tuple[str, ...]:
    data = yaml.safe_load(VOICES.read_text(encoding="utf-8"))
    return tuple(sorted((" ".join(words(r)) for r in data["generic_state_roles"]), key=len, reverse=True))


@lru_cache(maxsize=1)
def speaker_pronouns() -> dict[str, frozenset[str]]:
    """The pronouns for a speaker by number ("singular": he, elle; "plural": they, nous): `speaker_pronouns` in
    graph/data/voices.yaml."""
    data = yaml.safe_load(VOICES.read_text(encoding="utf-8"))
    return {number: frozenset(str(p) for p in forms) for number, forms in data["speaker_pronouns"].items()}


def article_country(analysis: Analysis) -> Optional[str]:
    """The one country every place the article names is in (a country, its regions and towns the gazetteer
    knows), or None when it names places of several countries, or none."""
    codes = {place_country(e.name) for e in analysis.entities if e.type == "GPE"} - {None}
    return next(iter(codes)) if len(codes) == 1 else None


def _gazetteer_country(name: str) -> Optional[str]:
    """The country the gazetteer gives a person, for analyses (hand-made, imported) that carry none."""
    entry = default_gazetteer().lookup(name, type="PERSON")
    return entry.country if entry is not None else None


def entity_origin(entity: Entity, analysis: Analysis) -> Origin:
    """An actor as an origin (the agent of a DENY event the article states itself)."""
    code = state_voice(entity.name, analysis)
    if code is not None:
        return _state_origin(code, entity.name)
    return Origin(key=f"src:{name_key(entity.name)}", name=entity.name,
                  type="named_person" if entity.type == "PERSON" else "organization")


def state_of_words(text: str) -> Optional[str]:
    """The country whose state an unnamed source's words name ("the Sudanese government", "Greek police",
    "Sudan's armed forces" -> SD, GR), else None."""
    group = unnamed_group(text)
    return group[0].split(":", 1)[1] if group is not None and group[0].startswith("state:") else None


def body_of(span: Span, analysis: Analysis) -> Optional[Entity]:
    """The one organisation of the article whose name holds the kind of body an unnamed source's words
    name ("police sources", "a police spokesman" and the article's "New York City Police Department");
    None when the article names none or several such bodies."""
    group = unnamed_group(span.text)
    if group is None or not group[0].startswith("grp:*:"):
        return None
    kind = group[0].rsplit(":", 1)[1]
    found = {e.id: e for e in analysis.entities if e.type == "ORG" and _holds_kind(e.name, kind)}
    return next(iter(found.values())) if len(found) == 1 else None


@lru_cache(maxsize=1)
def _acronym_endings() -> dict[str, str]:
    data = yaml.safe_load(VOICES.read_text(encoding="utf-8"))
    return {ending: kind for kind, endings in (data.get("acronym_endings") or {}).items() for ending in endings}


def acronym_body(name: str) -> Optional[str]:
    """The body an acronym names by its ending ("NYPD", "LAPD" -> "police"), else None."""
    token = name.strip()
    if not re.fullmatch(r"[A-Z]{2,8}", token):
        return None
    return next((kind for ending, kind in _acronym_endings().items()
                 if token.endswith(ending) and len(token) > len(ending)), None)


def _holds_kind(name: str, kind: str) -> bool:
    if acronym_body(name) == kind:
        return True
    group = unnamed_group(name)
    return group is not None and group[0].endswith(f":{kind}") or any(
        (unnamed_group(word) or ("", ""))[0].endswith(f":{kind}") for word in words(name))


def person_body(entity: Entity, analysis: Analysis) -> Optional[Entity]:
    """The police force a person speaks for when the article introduces them with a role of it ("Police
    Commissioner Raymond Kelly", "NYPD spokesman Paul Browne"): a city's police are one voice, like a state's
    bodies (its commissioner, spokesman and "police sources" are one origin). None for anyone else."""
    if entity.type != "PERSON":
        return None
    from claimgraph.graph.person_roles import appositions, is_past_title  # (person_roles reads this module's words)

    text = analysis.document.text
    forces = [e for e in analysis.entities if e.type == "ORG" and _holds_kind(e.name, "police")]
    # Its title right before a name ("Police Commissioner Raymond Kelly", "NYPD spokesman Paul Browne"), or in an
    # apposition ("The police chief, Jane Roe, said", "Ms. Roe, the police chief, said"); not a
    # past one ("John Doe, the former commander of the police academy").
    spans = [(m.start - len(b), m.start) for m in entity.mentions
             for b in [re.split(r"[.!?\n,;(]", text[max(0, m.start - ROLE_WINDOW):m.start])[-1]]]
    spans += list(appositions(entity, analysis))
    for start, end in spans:
        title = text[start:end]
        if not is_state_role(title) or not _ends_in_role(title) or is_past_title(text, start, end):
            continue
        body = body_of(Span(0, len(title), title), analysis)  # "Police Commissioner"
        named = [f for f in forces if any(start <= m.start and m.end <= end for m in f.mentions)]  # "NYPD spokesman"
        if body is None and len(named) == 1:
            body = named[0]
        if body is not None:
            return body
    return None


class _Body(NamedTuple):
    name: str
    phrases: frozenset[str]  # its own words ("police sources", "a police spokesman")
    excluded: frozenset[str]  # words that make it another body ("intelligence", "army")
    alone: frozenset[str]  # nouns that name it only unmodified ("officer", "detective")
    modifiers: frozenset[str]  # words that may stand before those ("arresting", "senior")
    owners: frozenset[str]  # owners and "of" complements that keep them its ("the city's officers")
    others: frozenset[str]  # nouns of other bodies in their "in"/"from" complement ("in the company")


KEYS = ("not_with", "alone", "modifiers", "owners", "other_bodies")
COMPLEMENT_WORDS = 4


@lru_cache(maxsize=1)
def _bodies() -> tuple[int, tuple[_Body, ...], dict[str, frozenset[str]]]:
    data = yaml.safe_load(VOICES.read_text(encoding="utf-8"))

    def listed(values: Any) -> frozenset[str]:
        return frozenset(" ".join(words(w)) for w in values or ())
    out = []
    for name, entry in data["bodies"].items():
        phrases = frozenset(" ".join(words(p)) for lang, items in entry.items() if lang not in KEYS for p in items)
        out.append(_Body(str(name), phrases, *(listed(entry.get(key)) for key in KEYS)))
    lists = {key: listed(data.get(key)) for key in ("determiners", "of_words", "in_words")}
    return int(data["head_words"]), tuple(out), lists


def _alone_names(body: _Body, tokens: list[str], at: int, lists: dict[str, frozenset[str]]) -> bool:
    """Whether the noun of `body.alone` at `at` names the body: nothing before it in its phrase names another
    body or role ("a data protection officer", "Europol officers", "a ship's officer", "the commanding
    officer"), nor its complement ("an officer of the company", "officers in the company")."""
    own = body.phrases | body.alone | body.modifiers
    i = at - 1
    while i >= 0 and tokens[i] not in lists["determiners"] and not tokens[i].isdigit():
        if tokens[i] == "s" and i > 0:  # a possessive: "the city's officers", "a ship's officer"
            if tokens[i - 1] not in body.owners and tokens[i - 1] not in body.phrases:
                return False
            break
        if tokens[i] not in own:
            return False
        i -= 1
    after = tokens[at + 1:at + 2 + COMPLEMENT_WORDS]
    if after and after[0] in lists["of_words"]:
        complement = after[1:]
        return any(w in body.owners for w in complement) or _names(body.phrases, complement)
    if after and after[0] in lists["in_words"]:
        return not any(w in body.others for w in after[1:])
    return True


def _names(phrases: frozenset[str], tokens: list[str]) -> bool:
    joined = f" {' '.join(tokens)} "
    return any(f" {p} " in joined for p in phrases)


@lru_cache(maxsize=8192)
def body_kind(text: str, whole: bool = False) -> Optional[str]:
    """The body a source's words name ("police sources", "the officers involved", "the autopsy" -> "police",
    "medical examiner"), read in its first words (every word of a name with `whole`); None for none, or with a
    word anywhere in it that makes it another body ("an intelligence officer", "a senior officer in the national
    army"), or with a noun that names the body only alone ("officer") named another's ("a data protection
    officer", "an officer of the company")."""
    limit, bodies, lists = _bodies()
    tokens = words(text)
    head = tokens if whole else tokens[:limit]
    for body in bodies:
        if _names(body.excluded, tokens):
            continue
        if _names(body.phrases, head):
            return body.name
        if any(w in body.alone and _alone_names(body, tokens, i, lists) for i, w in enumerate(head)):
            return body.name
    return None


def body_origin(kind: str, name: str, named: bool = True) -> Origin:
    """One origin for every voice of a body a story has one of: its named self, its people, its documents
    (`named` False: its unnamed people or documents, type `anonymous`, named "police (in <outlet>)")."""
    return Origin(key=f"src:{name_key(kind)}", name=name, type="organization" if named else "anonymous")


def body_keys() -> frozenset[str]:
    """The origin keys of the bodies of graph/data/voices.yaml ("src:police", "src:medical examiner")."""
    return frozenset(body_origin(body.name, body.name).key for body in _bodies()[1])


def title_body(entity: Entity, analysis: Analysis) -> Optional[str]:
    """The body a person speaks for by the title right before their name ("Police Commissioner Raymond Kelly",
    "coroner Jane Doe"), when the article names no force of it (`person_body` takes the one it names)."""
    if entity.type != "PERSON":
        return None
    from claimgraph.graph.person_roles import appositions, is_past_title  # (person_roles reads this module's words)

    text = analysis.document.text
    for mention in entity.mentions:
        before = re.split(r"[.!?\n,;(]", text[max(0, mention.start - ROLE_WINDOW):mention.start])[-1]
        title = " ".join(words(" ".join(_title_words(before))))
        kind = body_kind(title) if title and _ends_in_role(title) and not is_past_title(
            text, mention.start - len(title), mention.start) else None
        if kind is not None:
            return kind
    for start, end in appositions(entity, analysis):  # "The police commissioner, Jane Roe,", "Ms. Roe, the coroner,"
        kind = body_kind(text[start:end])
        if kind is not None:
            return kind
    return None


def _ends_in_role(title: str) -> bool:
    """A title ends in its role or body word ("Police Commissioner", "the coroner", "NYPD spokesman"), not in a
    verb or another noun: "a police source said [King]", "police allegations that [Gray]" title no one."""
    tokens = words(title)
    if not tokens:
        return False
    heads = {p.split()[-1] for body in _bodies()[1] for p in body.phrases} | {w for b in _bodies()[1] for w in b.alone}
    return is_state_role(tokens[-1]) or tokens[-1] in heads


def _title_words(before: str) -> list[str]:
    """The title right before a name: its capitalised words ("said Police Commissioner" -> "Police Commissioner"),
    else its last `TITLE_WORDS` words ("the coroner")."""
    raw = before.split()[-TITLE_WORDS:]
    run: list[str] = []
    for word in reversed(raw):
        if not word[:1].isupper():
            break
        run.insert(0, word)
    return run or words(before)[-TITLE_WORDS:]


# Source types whose unnamed words may name a body ("police sources", "the officers involved", "the autopsy").
BODY_WORD_TYPES = ("anonymous_person", "unspecified", "organization", "document")


def body_voice(chain: tuple[ChainLink, ...], analysis: Analysis, outlet: str) -> Optional[Origin]:
    """A voice of a body a story has one of (its police, its medical examiner; graph/data/voices.yaml): the body
    named, a person titled with it, its unnamed people and documents, whichever outlet quotes them, are one
    origin ("police (in Essence)", "the officers involved (in RT)", "Police Commissioner Raymond Kelly" and the
    "New York City Police Department" are the police; "the autopsy" in three outlets is the medical examiner)."""
    if not chain:
        return None
    first = chain[0]
    # Quoted through another outlet ("police (via The New York Times)"), the words are that outlet's report.
    if not first.name and first.type in BODY_WORD_TYPES and not any(link.name for link in chain):
        kind = body_kind(first.text)
        if kind is not None:
            return body_origin(kind, f"{first.text} (in {outlet})", named=False)
    link = next((link for link in chain if link.name), None)
    if link is None or link.type == "media" or link.type == "author":
        return None
    entity = next((e for e in analysis.entities if e.name == link.name), None)
    if entity is not None and entity.type == "PERSON":
        kind = title_body(entity, analysis)
        return body_origin(kind, f"{entity.name} ({kind})") if kind else None
    name = str(link.name)
    kind = body_kind(name, whole=True) or acronym_body(name)
    return body_origin(kind, name) if kind else None


def relayed_record(attribution: Optional[Attribution], analysis: Analysis) -> Optional[Attribution]:
    """A relay's own record with the same words as the record it relays ("..., John Doe told the Lantern": the
    Lantern's record holds John Doe's words) counts from the relayed one: its origin is the speaker, with the relay
    in its chain, as the annotation guide's "with a relay (same content): the cited origin, not the relayer"."""
    seen: set[str] = set()
    while attribution is not None and attribution.id not in seen:
        seen.add(attribution.id)
        child = next((a for a in analysis.attributions if a.parent == attribution.id and a.id != attribution.id
                      and a.content == attribution.content), None)
        if child is None:
            return attribution
        attribution = child
    return attribution
