"""A label whose actor no article names reads in the passive in a brief.

The graph labels an act missing its agent with a stand-in word ("someone accuses Acme of «...»",
"someone uses «the drone» in ..."): a reader takes "someone" for a party the brief hides. The brief
says what is known instead: "Acme is accused of «...»", "«the drone» is used in ...". The stand-in
word and the participles are in `lang/en/brief.yaml` (`unknown_actor`, `passives`): labels are in
the brief's English prose.
"""
from __future__ import annotations

from functools import lru_cache

from claimgraph.graph.firmness import brief_data


@lru_cache(maxsize=1)
def _words() -> tuple[str, dict[str, str]]:
    data = brief_data().get("en", {})
    return str(data.get("unknown_actor") or ""), {str(k): str(v) for k, v in (data.get("passives") or {}).items()}


def passive(label: str, arguments: dict[str, str]) -> str:
    """`label` in the passive when it opens with the stand-in for a missing actor; else `label`."""
    someone, participles = _words()
    if not someone or "agent" in arguments or "owner" in arguments or not label.startswith(someone + " "):
        return label
    verb, _, rest = label[len(someone) + 1:].partition(" ")
    participle = participles.get(verb)
    if participle is None or not rest:
        return label
    if verb == "accuses" and " of " in rest:  # "someone accuses T of X" -> "T is accused of X"
        target, _, what = rest.partition(" of ")
        return f"{target} is {participle} of {what}"
    # "someone uses «X» in Y" -> "«X» is used in Y"; "someone sanctions T" -> "T is sanctioned"
    if rest.startswith("«") and "»" in rest:
        thing, tail = rest[:rest.index("»") + 1], rest[rest.index("»") + 1:]
    else:
        thing, tail = rest, ""
    return f"{thing} is {participle}{tail}"


__all__ = ["passive"]
