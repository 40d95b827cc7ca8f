"""Role sanity: what a claim's roles and origins can be, checked before a claim is made.

A parse can hand the graph roles no reader would accept: "Russia supplies drones to Russia",
"the EU supplies China to Russia", "it" or «que» as the item, a spokesperson or a document as
the one who supplies, "drones from China" read as the Chinese state supplying them. And an
origin must be a source that could have known: a person, an organisation, a document, an
outlet; never a pronoun, a time phrase or a line of its own (a heading). Word lists live in
`graph/data/roles.yaml`.

`repair` fixes a mention in place (a role that cannot be kept is left open, so the mention
still joins its claim by the roles that hold); `role_problems` and `origin_problem` say what
is still wrong, for the role-sanity report of `scripts/eval_graph.py`.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from claimgraph.graph.cue_names import is_cue_words
from claimgraph.graph.items import item_classes
from claimgraph.graph.keys import (country_code, country_name, fold, is_pronoun, is_state, key_country, nationality,
                                   state_name, words)
from claimgraph.model import Analysis, Span
from claimgraph.model.claims import ChainLink, ClaimMention, Origin

ROLES = Path(__file__).parent / "data" / "roles.yaml"
# Pairs of roles that cannot be the same actor.
DISTINCT = {"SUPPLY": ("agent", "recipient"), "ACCUSE": ("agent", "target"), "SANCTION": ("agent", "target"),
            "OWNERSHIP": ("owner", "owned")}
ACTOR_ROLES = ("agent", "owner")
# Acts an outlet never does or receives: it reports them.
ACTS = ("SUPPLY", "PRODUCE", "DEVELOP", "USE", "SANCTION")
# Wire agencies, whose names hold no outlet word ("Agence France-Presse", "Reuters").
WIRE_NAMES = frozenset({"reuters", "afp", "agence france-presse", "associated press", "ap"})
ORIGIN_KINDS_THAT_KNOW = ("story", "anonymous", "press_report")


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    data = yaml.safe_load(ROLES.read_text(encoding="utf-8"))
    return {name: frozenset(fold(str(w)) for words_ in data[name].values() for w in words_)
            for name in ("fragments", "speakers", "origin_markers", "time_words", "speculation", "non_agents",
                         "clause_words", "craft")}


def is_fragment(text: Optional[str]) -> bool:
    """Nothing but pronouns, relative words or lone determiners ("it", «que», "what", "these")."""
    tokens = words(text or "")
    return not tokens or all(t in _lists()["fragments"] for t in tokens)


def is_time_phrase(text: str) -> bool:
    tokens = [t for t in words(text) if t not in _lists()["fragments"] and t not in ("the", "a", "le", "la", "l")]
    return bool(tokens) and all(t in _lists()["time_words"] or t.isdigit() for t in tokens)


DETERMINERS = frozenset({"the", "a", "an", "le", "la", "les", "l", "un", "une", "des", "du", "de", "d"})


def is_speaker(text: str) -> bool:
    """A spokesperson, a document or a text: the head noun (last word, or the last two) says so."""
    tokens = [t for t in words(text) if t not in DETERMINERS]
    if not tokens:
        return False
    speakers = _lists()["speakers"]
    return tokens[-1] in speakers or " ".join(tokens[-2:]) in speakers or tokens[0] in speakers


def is_thing(text: str, item: Optional[str] = None) -> bool:
    """An agent that is an act, a measure or a thing, not someone: its head noun is one ("the deliveries",
    «la réduction de débit», "Drones use missiles"), or it repeats the item it would supply."""
    tokens = [t for t in words(text) if t not in DETERMINERS]
    if not tokens:
        return False
    heads = {tokens[0], tokens[-1]}
    if heads & (_lists()["non_agents"] | _lists()["craft"]) or any(item_classes(h) for h in heads if not country_code(h)):
        return True
    item_words = {t for t in words(item or "") if t not in DETERMINERS}
    return len(item_words) >= 2 and len(item_words & set(tokens)) >= 0.6 * len(item_words)


def craft_country(text: str) -> Optional[str]:
    """The state whose craft an agent names ("military aircraft from Sudan", "Sudanese warplanes", « des
    avions russes »: SD, SD, RU); None for craft of no named country ("a plane") and for anything else."""
    tokens = words(text)
    if not set(tokens) & _lists()["craft"]:
        return None
    code = nationality(text)
    for i, token in enumerate(tokens):
        if code is None and token in ("from", "of", "de", "du", "d"):
            code = country_code(" ".join(tokens[i + 1:]))
    return code if code is not None and is_state(code) else None


def is_not_a_name(text: str) -> bool:
    """Words no actor is named by: a lone nationality adjective ("western sanctions ..." read as a verb), or a
    clause cut out of a sentence ("ce ne sont pas ces moyens qui"): a run of more than three words
    holding a negation, or ending on a relative word or pronoun."""
    tokens = words(text)
    if len(tokens) == 1 and nationality(tokens[0]) and not country_code(tokens[0]):
        return True
    return len(tokens) > 3 and (bool(set(tokens) & _lists()["clause_words"]) or tokens[-1] in _lists()["fragments"])


def is_place_of_origin(span: Span, text: str) -> bool:
    """A country right after "from", "made in", «en provenance de»: where things come from, not who sends them."""
    if country_code(span.text) is None and not country_code(" ".join(words(span.text)[-1:])):
        return False
    before = " ".join(words(text[max(0, span.start - 40):span.start])[-4:])
    return any(before.endswith(marker) or before.endswith(marker + " la") or before.endswith(marker + " l")
               for marker in _lists()["origin_markers"])


def is_heading(span: Span, text: str) -> bool:
    """Words that stand alone on their line ("Background", "Contexte"): a heading, not a source."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line = text[line_start:line_end if line_end != -1 else len(text)]
    return bool(line.strip()) and fold(line.strip(" :.-")) == fold(span.text.strip(" :.-"))


def repair(mention: ClaimMention, analysis: Analysis, spans: dict[str, Span]) -> Optional[ClaimMention]:
    """Leave open the roles that cannot be what the parse made them; None when nothing is left.

    spans: role -> the argument's span in the article (for the words around it)."""
    text = analysis.document.text
    args, names = mention.arguments, mention.names
    for role in ACTOR_ROLES:
        span = spans.get(role)
        if span is None or role not in args:
            continue
        # A pronoun the analysis resolved ("he" -> Lin Jian) or a spokesperson keyed on whom they speak for is kept.
        resolved = not args[role].startswith("txt:")
        craft = craft_country(span.text) if not resolved else None
        if craft is not None:  # a state's warplanes are that state
            args[role], names[role] = f"state:{craft}", state_name(craft)
            continue
        if (not resolved and (is_fragment(span.text) or is_speaker(span.text) or is_thing(span.text, mention.item)
                              or is_not_a_name(span.text))) or is_place_of_origin(span, text):
            del args[role], names[role]
        elif mention.type in ACTS and is_outlet_name(names.get(role, span.text)):
            del args[role], names[role]  # "the Daily News ... shot": an outlet reports an act, it does not do it
    for role in ("location",):
        if args.get(role, "").startswith("state:"):  # "in Ukraine": the place, not its government
            names[role] = country_name(args[role].split(":", 1)[1]) or names[role]
    for role in ("recipient", "target", "owned"):
        span = spans.get(role)
        if span is not None and args.get(role, "").startswith("txt:") and is_fragment(span.text):
            del args[role], names[role]
        elif span is not None and role in args and mention.type in ACTS and is_outlet_name(names.get(role, span.text)):
            del args[role], names[role]  # "... told AFP": an outlet reports an act, it does not receive it
    pair = DISTINCT.get(mention.type)
    if pair and pair[0] in args and args.get(pair[0]) == args.get(pair[1]):
        del args[pair[1]], names[pair[1]]  # "Russia supplies drones to Russia": the second one is a misread
    if mention.item is not None and is_fragment(mention.item) and not args.get("item", "txt:").startswith("txt:"):
        mention.item = names["item"]  # «les» resolved to the L550E engines: compare on the engines
    elif mention.item is not None and (is_fragment(mention.item) or _is_actor_item(mention, spans)):
        mention.item = None
        if args.get("item", "").startswith("txt:"):
            del args["item"], names["item"]
    if not args and mention.item is None:
        return None
    return mention


def _is_actor_item(mention: ClaimMention, spans: dict[str, Span]) -> bool:
    """An item that is only a country ("the EU supplies China to Russia"): a misread actor."""
    span = spans.get("item")
    return mention.type in ("SUPPLY", "PRODUCE", "DEVELOP", "USE") and span is not None \
        and country_code(span.text) is not None


def role_problems(mention: ClaimMention) -> list[str]:
    """What is still absurd about an event mention's roles (for the report)."""
    problems = []
    pair = DISTINCT.get(mention.type)
    if pair and pair[0] in mention.arguments and mention.arguments.get(pair[0]) == mention.arguments.get(pair[1]):
        problems.append(f"{pair[0]} = {pair[1]}")
    if mention.item is not None and is_fragment(mention.item):
        problems.append("fragment item")
    if mention.type != "STATEMENT" and mention.item and country_code(mention.item) and mention.type != "ACCUSE":
        problems.append("country as item")
    for role in ACTOR_ROLES:
        name = mention.names.get(role)
        if name and (is_fragment(name) or (is_speaker(name) and mention.type != "DENY")):
            problems.append(f"{role} is a pronoun or speaker")
    return problems


def origin_problem(origin: Origin, chain: tuple[ChainLink, ...] = ()) -> Optional[str]:
    """Why an origin could not have known, or None: a pronoun, a time phrase, a bare common noun. An article's
    unnamed source left as a pronoun ("he (in The Courier)") is one: pronouns resolve before they become origins."""
    if origin.key.startswith("anon:") and is_pronoun(origin.name.split(" (in ")[0].split(" (via ")[0]):
        return "pronoun"
    if is_cue_words(origin.name.split(" (in ")[0].split(" (via ")[0]) and origin.name[:1].islower():
        return "cue words"  # "reportedly (in The Courier)", "are believed (via a wire)": no one said it
    if origin.key.startswith(("story:", "anon:", "state:")) or origin.type in ORIGIN_KINDS_THAT_KNOW:
        return None
    name = origin.name.split(" (via ")[0].split(" (in ")[0]
    if is_fragment(name):
        return "pronoun"
    if is_time_phrase(name):
        return "time phrase"
    quoted = " (via " in origin.name  # an outlet's unnamed source ("the sources (via Reuters)") is the outlet
    if not quoted and name == name.lower() and len(words(name)) <= 2 and not key_country(origin.key):
        return "common noun"
    return None


def self_denials(supporters: list[Origin], deniers: list[Origin]) -> list[str]:
    """Origins that both assert and deny one claim."""
    return sorted({o.key for o in supporters} & {o.key for o in deniers})


__all__ = ["is_fragment", "is_heading", "is_place_of_origin", "is_speaker", "is_time_phrase", "origin_problem",
           "repair", "role_problems", "self_denials"]


def is_heading_text(words_: str, text: str) -> bool:
    """`words_` stand alone on a line of `text` somewhere (a section heading such as "Background")."""
    target = fold(words_.strip(" :.-"))
    return bool(target) and any(fold(line.strip(" :.-")) == target for line in text.splitlines() if line.strip())


def is_outlet_name(name: str) -> bool:
    """A name that reads as a news outlet's: its last word, or its first after an article, is an
    outlet word ("the Morning Courier", "Harbour Gazette", «Le Veilleur de l'Est»)."""
    tokens = [t for t in words(name.split(" (")[0]) if t not in ("the", "le", "la", "l", "les")]
    last, first = _outlet_words()  # an English name ends with its head noun, a French one starts with it
    return bool(tokens) and (tokens[-1] in last or tokens[0] in first or " ".join(tokens) in WIRE_NAMES)


@lru_cache(maxsize=1)
def _outlet_words() -> tuple[frozenset[str], frozenset[str]]:
    data = yaml.safe_load(ROLES.read_text(encoding="utf-8"))["outlet_words"]
    return frozenset(fold(str(w)) for w in data["en"]), frozenset(fold(str(w)) for w in data["fr"])


def is_speculation(source: str) -> bool:
    """A source that is a wondering, not a voice: "speculation", «des rumeurs», "questions"."""
    tokens = words(source)
    return bool(tokens) and tokens[-1] in _lists()["speculation"]
