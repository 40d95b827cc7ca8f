"""A claim's readable label: canonical actors in English, item words as the first article gave them."""
from __future__ import annotations

from claimgraph.model.claims import ClaimMention

TEMPLATES: dict[str, str] = {
    "SUPPLY": "{agent} supplies {item} to {recipient} via {via}",
    "PRODUCE": "{agent} produces {item} in {location}",
    "DEVELOP": "{agent} develops {item}",
    "OWNERSHIP": "{owner} owns {owned}",
    "ACCUSE": "{agent} accuses {target} of {item}",
    "DENY": "{agent} denies {item}",
    "SANCTION": "{agent} sanctions {target}",
    "USE": "{agent} uses {item} in {location}",
    "OTHER": "{agent}: {item}",
}
LABEL_MAX = 160
# The verbs of TEMPLATES after a plural actor ("Chinese companies (unnamed)", "Iran and North Korea").
PLURAL_VERBS = {"supplies": "supply", "produces": "produce", "develops": "develop", "owns": "own",
                "accuses": "accuse", "denies": "deny", "sanctions": "sanction", "uses": "use"}


class _Slots(dict):  # type: ignore[type-arg]
    def __missing__(self, role: str) -> str:
        # "(unspecified)", not a made-up word: "Russia uses goods in Ukraine" reads as a claim about goods.
        return {"agent": "someone", "item": "(unspecified)", "owner": "someone"}.get(role, "?")


def claim_label(mention: ClaimMention) -> str:
    """`Chinese companies (unnamed) supplies «des armes» to Russia`; a STATEMENT is its content."""
    if mention.type == "STATEMENT":
        text = " ".join((mention.item or "").split())
        return text if len(text) <= LABEL_MAX else text[:LABEL_MAX - 1].rstrip() + "…"
    slots = _Slots(mention.names)
    if mention.item and "item" in mention.names:
        slots["item"] = f"«{' '.join(mention.names['item'].split())}»"
    template = TEMPLATES.get(mention.type, TEMPLATES["OTHER"])
    actor = mention.names.get("agent") or mention.names.get("owner") or ""
    if _plural(actor):
        for verb, base in PLURAL_VERBS.items():
            template = template.replace(f"}} {verb} ", f"}} {base} ", 1)
    label = template.format_map(slots)
    for empty in (" in ?", " to ?", " of ?", " via ?"):
        label = label.replace(empty, "")
    return label


# Quote marks an item's words may carry from the sentence they were cut from ("semer la discorde » en Asie").
_PAIRS = (("«", "»"), ("“", "”"), ('"', '"'))


def item_words(text: str) -> str:
    """An item's words fit to stand inside «...»: a quote mark left unpaired by the cut is dropped, a paired «x» or
    "x" inside reads “x”, so the label's own «» are the only guillemets ("semer la discorde » en Asie" -> "semer la
    discorde en Asie"; "a «decisive enabler» role" -> "a “decisive enabler” role")."""
    chars = list(text)
    for opening, closing in _PAIRS:
        open_at: list[int] = []
        shown: dict[int, str] = {}
        for i, ch in enumerate(chars):
            if ch == opening and not (opening == closing and open_at):
                open_at.append(i)
            elif ch == closing and open_at:
                shown[open_at.pop()], shown[i] = "“", "”"
        chars = [shown.get(i, "") if ch in (opening, closing) else ch for i, ch in enumerate(chars)]
    return " ".join("".join(chars).split()).replace("“ ", "“").replace(" ”", "”")


def _plural(actor: str) -> bool:
    """Unnamed groups are named in the plural ("Chinese companies (unnamed)"); so are coordinated actors."""
    return actor.endswith("(unnamed)") or " and " in actor
