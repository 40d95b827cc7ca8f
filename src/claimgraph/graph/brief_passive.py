"""A label whose actor no article names reads in the passive in a brief.

The graph labels an act missing its agent with a stand-in word ("someone accuses Acme of «...»",
"someone uses «the drone» in ..."): a reader takes "someone" for a party the brief hides. The brief
says what is known instead: "Acme is accused of «...»", "«the drone» is used in ...". The stand-in
word, the participles, the linking verb and the party a verb names before its preposition are in
`lang/en/brief.yaml` (`unknown_actor`, `passives`, `passive_link`, `passive_objects`): labels are in the
brief's English prose.
"""
from __future__ import annotations

from functools import lru_cache

from claimgraph.graph.firmness import brief_data


@lru_cache(maxsize=1)
def _words() -> tuple[str, str, dict[str, str], dict[str, tuple[str, str]]]:
    data = brief_data().get("en", {})
    objects = {str(k): (str(v[0]), str(v[1])) for k, v in (data.get("passive_objects") or {}).items()}
    return (str(data.get("unknown_actor") or ""), str(data.get("passive_link") or ""),
            {str(k): str(v) for k, v in (data.get("passives") or {}).items()}, objects)


def passive(label: str, arguments: dict[str, str]) -> str:
    """`label` in the passive when it opens with the stand-in for a missing actor; else `label`."""
    someone, link, participles, objects = _words()
    if not someone or not link or "agent" in arguments or "owner" in arguments or not label.startswith(someone + " "):
        return label
    verb, _, rest = label[len(someone) + 1:].partition(" ")
    participle = participles.get(verb)
    if participle is None or not rest:
        return label
    if verb in objects:  # "someone accuses T of X" -> "T is accused of X", T by its own name ("Bank of Orla")
        role, preposition = objects[verb]
        target = arguments.get(role) or ""
        if not target or not rest.startswith(f"{target} {preposition} "):
            return label
        return f"{target} {link} {participle} {rest[len(target) + 1:]}"
    # "someone uses «X» in Y" -> "«X» is used in Y"; "someone sanctions T" -> "T is sanctioned"
    if rest.startswith("«") and "»" in rest:
        thing, tail = rest[:rest.index("»") + 1], rest[rest.index("»") + 1:]
    else:
        thing, tail = rest, ""
    return f"{thing} {link} {participle}{tail}"


__all__ = ["passive"]
