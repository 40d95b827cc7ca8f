"""Who a named person speaks for when the article gives them an organisation's role: an organisation's head or
spokesperson speaking for it is one voice with it, as a state's bodies are ("NATO Secretary General Jens
Stoltenberg", "le secrétaire général de l'Alliance, Jens Stoltenberg", "Jane Roe, Acme's chief executive").

Issue 12: an origin is the body that could have known, not each person who speaks for it. The role words are in
graph/data/voices.yaml (`org_roles`; `lead_roles` name a body's head on their own, "Secretary General Jane Roe" in
a story about one organisation).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterator, Optional

import yaml

from claimgraph.graph.keys import entity_key, fold, words
from claimgraph.graph.voices import VOICES, ROLE_WINDOW, TITLE_WORDS
from claimgraph.model import Analysis, Entity

# How far around a name its title is looked for (an apposition may be long: "The head of the two-million-strong
# union, Jane Roe").
TITLE_WINDOW = 2 * ROLE_WINDOW
# Titles end at a sentence, a semicolon, a bracket; an apposition ends at a comma.
_CLAUSE = re.compile(r"[.!?\n;(]")
# An apposition read as a body's title has at most this many words ("the city's police commissioner").
APPOSITION_WORDS = 6
_APPOSITION_END = re.compile(r"[,.!?\n;()]")


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    """The role, head, past-title and clause-opening words of graph/data/voices.yaml, all languages together."""
    data = yaml.safe_load(VOICES.read_text(encoding="utf-8"))
    return {key: frozenset(" ".join(words(w)) or w for forms in data[key].values() for w in forms)
            for key in ("org_roles", "lead_roles", "former_titles", "clause_openers")}


def _roles() -> tuple[frozenset[str], frozenset[str]]:
    return _lists()["org_roles"], _lists()["lead_roles"]


def _former(title: str) -> bool:
    """A past title: "a former Acme spokesperson", "ex-CEO of Acme", "l'ancienne porte-parole"."""
    past = _lists()["former_titles"]
    return any(w in past or w.startswith("ex-") and "ex-" in past for w in words(title))


def is_past_title(text: str, start: int, end: int) -> bool:
    """The title `text[start:end]` is a past one, with the two words before it ("Former Acme Secretary General")."""
    lead_in = " ".join(_CLAUSE.split(text[max(0, start - TITLE_WINDOW):start])[-1].split()[-2:])
    return _former(f"{lead_in} {text[start:end]}")


def appositions(entity: Entity, analysis: Analysis) -> Iterator[tuple[int, int]]:
    """The spans of the appositions around a person's name ("The police commissioner, Jane Roe,", "Ms. Roe, the
    police commissioner,") that are a short title, current, and no clause about them ("Jane Roe, a witness who
    called the police,", "the former commander of ..."): the titles a body's voice may be read from."""
    text = analysis.document.text
    starts = {m.start for m in entity.mentions}
    openers = _lists()["clause_openers"]
    for start, end in titles(entity, analysis):
        tokens = words(text[start:end])
        if end not in starts and 0 < len(tokens) <= APPOSITION_WORDS and not openers.intersection(tokens) \
                and not is_past_title(text, start, end):
            yield start, end


def _clause(apposition: str) -> bool:
    """An apposition that is a clause about the person, not their title: it opens with a relative pronoun or a
    subordinator ("who criticised the Acme chief", "After meeting the Acme chief")."""
    tokens = words(apposition)
    return bool(tokens) and tokens[0] in _lists()["clause_openers"]


def _holds(phrases: frozenset[str], text: str) -> bool:
    joined = f" {' '.join(words(text))} "
    return any(f" {p} " in joined for p in phrases)


def titles(entity: Entity, analysis: Analysis) -> Iterator[tuple[int, int]]:
    """The spans of the titles the article gives a person, next to each of their mentions: the capitalised words
    right before the name ("said Secretary General" -> "Secretary General"), else its last few words; an apposition
    before it ("le secrétaire général sortant de l'OTAN, Jens Stoltenberg") or after it ("Mr. Kelly, the police
    commissioner,"); not an apposition that is a clause about them ("Jane Roe, who met the Acme chief,")."""
    text = analysis.document.text
    for mention in entity.mentions:
        start = max(0, mention.start - TITLE_WINDOW)
        before = _CLAUSE.split(text[start:mention.start])[-1]
        offset = mention.start - len(before)
        stripped = before.rstrip()
        if stripped.endswith(","):
            head = stripped[:-1]
            cut = max(head.rfind(","), -1) + 1
            if not _clause(head[cut:]):
                yield offset + cut, offset + len(head)
        else:
            run = _capitalised_run(before)
            yield mention.start - len(before) + before.rfind(run) if run else mention.start, mention.start
        after = text[mention.end:mention.end + TITLE_WINDOW]
        if after.startswith(","):
            piece = _APPOSITION_END.split(after[1:])[0]
            if not _clause(piece):
                yield mention.end + 1, mention.end + 1 + len(piece)


def _capitalised_run(before: str) -> str:
    """The title right before a name: its capitalised words ("said Police Commissioner" -> "Police Commissioner"),
    else its last `TITLE_WORDS` words ("the coroner")."""
    raw = before.split()
    run: list[str] = []
    for word in reversed(raw[-TITLE_WORDS:]):
        if not word[:1].isupper():
            break
        run.insert(0, word)
    return " ".join(run or raw[-TITLE_WORDS:])


def organisation_of(entity: Entity, analysis: Analysis, protagonist: Callable[[], Optional[Entity]],
                    outlets: frozenset[str] = frozenset()) -> Optional[Entity]:
    """The organisation a person speaks for, by a title of its role the article gives them: the organisation
    named in the title ("NATO Secretary General", "secrétaire général de l'OTAN", "Acme's chief executive"), or,
    for a head's title naming none ("Secretary General Jens Stoltenberg"), the organisation the story is about
    (`protagonist`). None for a state's organisation (the state speaks: graph/voices.py), a media outlet
    (`outlets`, folded names), a title with no role word, a past one ("a former Acme spokesperson": they speak for
    themself), or one naming several organisations."""
    if entity.type != "PERSON":
        return None
    roles, leads = _roles()
    text = analysis.document.text
    for start, end in titles(entity, analysis):
        title = text[start:end]
        # The words just before a title cut at `TITLE_WORDS` may make it past: "Former Acme Secretary General".
        lead_in = " ".join(_CLAUSE.split(text[max(0, start - TITLE_WINDOW):start])[-1].split()[-2:])
        if not title.strip() or not _holds(roles | leads, title) or _former(f"{lead_in} {title}"):
            continue
        named = {e.id: e for e in analysis.entities if e.type == "ORG" and e.id != entity.id
                 and any(start <= m.start and m.end <= end for m in e.mentions)}
        if len(named) > 1:
            continue
        found = next(iter(named.values()), None)
        if found is None and _holds(leads, title) and not any(
                e.type in ("GPE", "PERSON") and e.id != entity.id and any(start <= m.start and m.end <= end for m in e.mentions)
                for e in analysis.entities):
            found = protagonist()
        if found is None or entity_key(found.name, found.type).startswith("state:") or fold(found.name) in outlets:
            continue
        return found
    return None


__all__ = ["appositions", "is_past_title", "organisation_of", "titles"]
