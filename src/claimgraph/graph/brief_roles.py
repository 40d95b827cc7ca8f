"""The roles a question gives the countries it names, and which stored claims fill them (`graph.brief`).

"Did Ukraine buy Chinese drones?" asks about a supply whose recipient is Ukraine and whose supplier
is Chinese: claims of Chinese supplies to another country answer another question, and a claim that
names Ukraine only as the place of a war answers none. A question's verb says who is its subject's
role (`receiving_verbs`: the subject receives, `supplying_verbs`: it supplies; `lang/<code>/brief.yaml`);
a country after `to_words` receives, one after `from_words` (or `by_words` in the passive) supplies,
a nationality that qualifies what is bought ("Chinese drones", «drones chinois») supplies. A claim fits
a role when its argument's country (its key's, or its entity's) is the one asked.
"""
from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from typing import Any, Iterable, Mapping, Optional

from sqlalchemy import Connection, select

from claimgraph.graph.brief_parties import is_place
from claimgraph.graph.firmness import brief_data
from claimgraph.graph.items import item_classes
from claimgraph.graph.reader import language_of
from claimgraph.graph.verdict import no_evidence
from claimgraph.graph.verdict_scope import named_classes
from claimgraph.graph.keys import country_code, country_name, key_country, name_key, nationality, words
from claimgraph.store import tables as t

AGENT, RECIPIENT = "agent", "recipient"
# The claim type a question of supply is answered by.
ASKED_TYPE = "SUPPLY"
_ARTICLES = ("the", "la", "le", "les", "l")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    names = ("receiving_verbs", "supplying_verbs", "to_words", "from_words", "by_words", "passive_aux")
    return {name: frozenset(w for data in brief_data().values() for v in data.get(name) or [] for w in words(str(v)))
            for name in names}


def _countries(tokens: list[str]) -> list[tuple[int, int, str, bool]]:
    """(start, length, code, named by its people's adjective) of each country the tokens name."""
    out = []
    i = 0
    while i < len(tokens):
        found = next(((n, code, False) for n in (3, 2, 1) if i + n <= len(tokens)
                      for code in [country_code(" ".join(tokens[i:i + n]))] if code), None)
        if found is None and nationality(tokens[i]):
            found = (1, nationality(tokens[i]), True)
        if found is None:
            i += 1
            continue
        out.append((i, found[0], str(found[1]), found[2]))
        i += found[0]
    return out


def question_roles(question: str) -> dict[str, set[str]]:
    """Per role (`agent`: who supplies, `recipient`: who receives), the countries `question` gives it; {} when it
    names no act of supply or no country in a role ("Is China involved in the war?")."""
    lex = _lexicon()
    # "fournit-il", "a-t-elle", "sont-ils": the verb without the inverted pronoun.
    tokens = [tok.split("-")[0] if "-" in tok and not country_code(tok) else tok for tok in words(question)]
    verb = next(((i, tok in lex["receiving_verbs"]) for i, tok in enumerate(tokens)
                 if tok in lex["receiving_verbs"] or tok in lex["supplying_verbs"]), None)
    if verb is None:
        return {}
    at, receiving = verb
    # "Were drones sold to Russia?", not "Is China supplying drones?" (a form in -ing is no participle).
    passive = any(tok in lex["passive_aux"] for tok in tokens[:at]) and not tokens[at].endswith("ing")
    out: dict[str, set[str]] = {}
    for start, length, code, adjective in _countries(tokens):
        before = tokens[start - 1] if start else ""
        if before in _ARTICLES and start > 1:
            before = tokens[start - 2]
        if is_place(tokens, start):
            continue  # "the war in Ukraine", «la guerre au Chili»: a place, no party
        role: Optional[str] = None
        if adjective:
            role = AGENT  # "Chinese drones", "the Chinese government supplies": the goods' or the subject's country
            if start < at and receiving and not passive:
                role = RECIPIENT  # "Did the Ukrainian army buy ...": the buyer
        elif before in lex["from_words"] and start > at and (receiving or before not in lex["to_words"]):
            role = AGENT  # "bought from Portugal", «acheté au Portugal»
        elif before in lex["to_words"] and start > at:
            role = RECIPIENT
        elif before in lex["by_words"] and passive:
            role = RECIPIENT if receiving else AGENT
        elif start < at:
            # The subject: the buyer of a receiving verb; of a passive supply verb, the one supplied.
            role = RECIPIENT if receiving != passive else AGENT
        elif start == at + 1 and not receiving:
            role = RECIPIENT  # "Does China arm Russia?"
        if role:
            out.setdefault(role, set()).add(code)
    return out


def entity_countries(connection: Connection, keys: Iterable[str]) -> dict[str, str]:
    """The country of each `ent:` key the store's entities know one for."""
    wanted = {name_key(k[4:]): k for k in keys if k.startswith("ent:")}
    if not wanted:
        return {}
    e = t.entities
    rows = connection.execute(select(e.c.match_key, e.c.country).where(e.c.match_key.in_(list(wanted)),
                                                                      e.c.country.is_not(None)))
    return {wanted[r.match_key]: str(r.country).upper() for r in rows}


def role_parts(asked: Mapping[str, set[str]], arguments: Mapping[str, str], claim_keys: set[str],
               countries: Mapping[str, str]) -> dict[str, bool]:
    """Per asked role, whether the claim's argument in it is of an asked country (its agent also by the claim's
    `actor:` key: a company its article calls Chinese)."""
    out = {}
    for role, codes in asked.items():
        key = arguments.get(role)
        found = {key_country(key) or countries.get(key)} if key else set()
        if role == AGENT:
            found |= {k.split(":", 1)[1] for k in claim_keys if k.startswith("actor:")}
        out[role] = bool(found & codes)
    return out


def looked_for(asked: Mapping[str, set[str]]) -> str:
    """ "a supply by China to Ukraine" in words ("by an actor from China", "to an actor from Ukraine")."""
    by = " or ".join(sorted(country_name(c) or c for c in asked.get(AGENT, ())))
    to = " or ".join(sorted(country_name(c) or c for c in asked.get(RECIPIENT, ())))
    return ("a supply" + (f" by {by} or an actor from it" if by else "")
            + (f" to {to} or an actor from it" if to else ""))


__all__ = ["AGENT", "ASKED_TYPE", "RECIPIENT", "entity_countries", "looked_for", "question_roles", "role_parts"]


def _who(codes: set[str]) -> str:
    return " or ".join(sorted(country_name(c) or c for c in codes))


def partly(asked: Mapping[str, set[str]], found: list[tuple[str, dict[str, str], dict[str, bool], bool]]) -> str:
    """What the store holds that fits the question in part, in words: per role, how many supply claims fill it
    and who fills the other role instead, with an example (the one of what the question asks about first).
    `found`: per supply claim, its label, its readable names by role, its `role_parts` and whether its item is of a
    class the question names."""
    said = []
    for role, codes in sorted(asked.items()):
        other = RECIPIENT if role == AGENT else AGENT
        fit = [f for f in found if f[2].get(role)]
        part = "supplier" if role == AGENT else "recipient"
        if not fit:
            said.append(f"no stored supply claim has {_who(codes)} or an actor from it as the {part}")
            continue
        if other not in asked:
            continue
        counts = Counter(f[1].get(other) or "an unnamed party" for f in fit)
        instead = [name for name, _ in counts.most_common()]
        named_others = "; ".join(instead[:4]) + (f" and {len(instead) - 4} more" if len(instead) > 4 else "")
        example = max(fit, key=lambda f: f[3])[0]
        said.append(f"{len(fit)} stored supply claim{'s have' if len(fit) != 1 else ' has'} {_who(codes)} or an actor "
                    f"from it as the {part}, and as the {'recipient' if other == RECIPIENT else 'supplier'} "
                    f"{named_others}, not {_who(asked[other])} (e.g. “{example}”)")
    return "; ".join(said)




def off_roles(connection: Connection, question: str, rows: list[Any],
              claim_keys: Mapping[str, set[str]]) -> set[str] | str:
    """The candidates that do not fill the roles the question gives its countries (a supply to another recipient; a
    claim of another kind that does not name every country asked, as one naming a war's place), or, when no stored
    supply fills them all, the "No evidence found" verdict that says what was looked for and what fits in part."""
    asked = question_roles(question)
    if not asked:
        return set()
    supplies = [r for r in rows if r.type == ASKED_TYPE]
    arguments = {r.id: json.loads(r.arguments) for r in supplies}
    countries = entity_countries(connection, {k for a in arguments.values() for k in a.values()})
    parts = {r.id: role_parts(asked, arguments[r.id], claim_keys[r.id], countries) for r in supplies}
    fitting = {claim_id for claim_id, p in parts.items() if all(p.values())}
    if not fitting:
        classes = named_classes(question, language_of(question))
        found = [(r.label, json.loads(r.names), parts[r.id],
                  bool(classes & item_classes(r.item or "", language_of(r.item or "")))) for r in supplies]
        found.sort(key=lambda f: -sum(f[2].values()))
        said = partly(asked, found)
        return (no_evidence(question, []).replace(". No stored claim answers it.", "")
                + f": looked for {looked_for(asked)}, and no stored claim says so. "
                + (f"What fits in part: {said}." if said else "No stored supply claim fills any part of it."))
    everyone = set().union(*asked.values())
    return {r.id for r in rows if (r.type == ASKED_TYPE and r.id not in fitting) or (
        r.type not in (ASKED_TYPE, "DENY") and not everyone <= {k.split(":", 2)[1] for k in claim_keys[r.id]
                                                                  if k.startswith(("cc:", "state:", "actor:"))})}


__all__ += ["off_roles", "partly"]
