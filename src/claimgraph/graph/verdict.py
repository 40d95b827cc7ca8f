"""The brief's opening paragraph: what is alleged, by how many independent origins, how
firmly, who denies it, and what is only speculation (`Brief.verdict`).

Read from the claims the brief chose, never from other words: every figure in the
paragraph is one the claims below it show. An allegation is a claim some origin asserts;
speculation is an allegation no origin states as more than possible (could, may, if
confirmed, questions: certainty `possible` or `underspecified`).
"""
from __future__ import annotations

from typing import Callable, Iterable, Mapping, Optional, Sequence

from claimgraph.graph.firmness import SAID, Firmness, open_question
from claimgraph.graph.reader import READER, language_of
from claimgraph.graph.verdict_denials import denier_sentence, unanswered
from claimgraph.graph.verdict_scope import denials_miss
from claimgraph.model.claims import ClaimSummary, Origin

NO_EVIDENCE = "No evidence found"
# Claims whose best supporting certainty is one of these say no more than that something may be so.
SPECULATIVE = ("possible", "underspecified")
# What a speaker says among the denials that makes it a denier: a denial, or its statement in reply.
REPLIES = ("DENY", "STATEMENT")
# Deniers given a sentence each; the rest are named together.
NAMED = 3
# A list in a sentence (origins, claims never stated as fact, deniers) is given whole up to this many names: an
# analyst wants all of a few; a longer one names LISTED_CUT of them and counts the rest.
LISTED_WHOLE = 8
LISTED_CUT = 6
# Allegations named after the best one.
ALSO = 2


def _names_by_key(origins: Iterable[Origin]) -> dict[str, str]:
    """Each origin key once, by its plain name when some row gives one: "The summit declaration (via NATO)" and
    "NATO" are one origin (one key), named "NATO" wherever the verdict names it, so that a reader does not count two."""
    seen: dict[str, str] = {}
    for origin in origins:
        known = seen.get(origin.key)
        if known is None or (_relayed(known) and not _relayed(origin.name)):
            seen[origin.key] = origin.name
    return seen


def _relayed(name: str) -> bool:
    """A name that says who relays the origin rather than naming it ("un diplomate (via Reuters)", "x (in article ...)")."""
    return " (via " in name or " (in " in name


def _names(origins: Iterable[Origin], plain: Optional[Mapping[str, str]] = None) -> list[str]:
    """Origin names, one per key; `plain`: a name per key for the whole verdict (`_names_by_key` of all its origins)."""
    return [(plain or {}).get(key, name) for key, name in _names_by_key(origins).items()]


def _same_named(names: list[str]) -> list[str]:
    """Origin names, one that begins with another's whole name ("NATO leaders meeting in Washington" beside "NATO")
    marked as perhaps that one: the graph counts them apart, and the verdict keeps its count, but a reader must not
    take one body named twice for two independent sources without being told."""
    # `other` begins `name` followed by a space exactly when it is `name` cut at one of its spaces: one set lookup
    # per space instead of a test of every pair (a claim of 500 origins made 250,000 `startswith` calls a brief).
    first: dict[str, int] = {}
    for n, name in enumerate(names):
        first.setdefault(name, n)
    out = []
    for name in names:
        heads = [name[:i] for i, c in enumerate(name) if c == " " and name[:i] in first]
        head = min(heads, key=first.__getitem__) if heads else None  # the first in `names`, as before
        out.append(f"{name}, perhaps the same as {head}" if head else name)
    return out


def _listed(values: list[str]) -> str:
    shown = values if len(values) <= LISTED_WHOLE else values[:LISTED_CUT]
    more = len(values) - len(shown)
    text = "; ".join(shown)
    return text + (f" and {more} more" if more else "")


def _firmness(claim: ClaimSummary) -> str:
    if claim.certainty == "certain":
        return "stated as fact"
    if claim.certainty == "probable":
        return "hedged (reportedly, allegedly)"
    return "only as a possibility"


def _level(claim: ClaimSummary, firm: Mapping[str, Firmness]) -> str:
    if claim.id in firm:
        return firm[claim.id].level
    return claim.certainty if claim.certainty in SAID else "underspecified"


def _noted(label: str, note: str) -> str:
    """ "label (note)", or "label (in French; note)" when the label already ends with a note."""
    if label.endswith(")") and " (" in label:
        head, _, last = label.rpartition(" (")
        return f"{head} ({last[:-1]}; {note})"
    return f"{label} ({note})"


def _unasserted(claim: ClaimSummary, firm: Mapping[str, Firmness]) -> str:
    level = _level(claim, firm)
    if not claim.origins and level in ("certain", "probable"):
        return "no counted origin"
    return SAID[level]


def no_evidence(question: str, unknown: list[str], apart: Optional[list[str]] = None) -> str:
    """"No evidence found ...", with why: names the store does not know, or parties no stored claim links."""
    why = f": the store knows no actor named {', '.join(repr(u) for u in unknown)}" if unknown else ""
    if apart and not why:
        names = sorted(apart)
        why = f": no stored claim links {', '.join(names[:-1])} and {names[-1]}"
    return f"{NO_EVIDENCE} for “{question}”{why}. No stored claim answers it."


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def _alleged(claim: ClaimSummary, firm: Optional[Firmness], plain: Optional[Mapping[str, str]] = None) -> str:
    origins = _same_named(_names(claim.origins, plain))
    how = firm.said({o.key: o.name for o in claim.origins}) if firm else _firmness(claim)
    return (f"{claim.label} ({_count(len(origins), 'independent origin')}: {_listed(origins)}; {how}; "
            f"{_count(len(claim.articles), 'article')} in {', '.join(claim.languages)} since "
            f"{claim.first_seen or 'an unknown date'})")


def _briefly(claim: ClaimSummary, plain: Optional[Mapping[str, str]] = None) -> str:
    """ "label (2 origins: A; B)" """
    names = _same_named(_names(claim.origins, plain))
    return f"{claim.label} ({_count(len(names), 'origin')}: {_listed(names)})"


def _who(claim: ClaimSummary) -> str | None:
    """Who a claim alleges acts: an accusation's target, an act's agent or owner; none for a statement."""
    roles = ("target",) if claim.type == "ACCUSE" else ("agent", "owner") if claim.type != "STATEMENT" else ()
    return next((claim.arguments[r] for r in roles if claim.arguments.get(r)), None)


def _other_actor(who: str | None, actor: str | None) -> bool:
    """Another actor than `actor` ("Chinese companies (unnamed)" is not "China"; "Government of China" is)."""
    if who is None or actor is None:
        return False
    a, b = who.lower(), actor.lower()
    return not (a in b or b in a)


def _actors(asserted: Sequence[ClaimSummary], actors: Optional[Mapping[str, str]] = None) -> str:
    """ ", about China (4), Chinese companies (unnamed) (2)": who the allegations say acts (a statement: whom it is
    about), most alleged first."""
    counts: dict[str, int] = {}
    for c in asserted:
        who = _who(c) or (actors or {}).get(c.id, "").removeprefix("Statements about ") or None
        if who:
            counts[who] = counts.get(who, 0) + 1
    if len(counts) < 2:
        return ""
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    return ", about " + ", ".join(f"{who} ({n})" for who, n in ranked[:4]) + (
        f" and {len(ranked) - 4} more actors" if len(ranked) > 4 else "")




def verdict(question: str, claims: list[ClaimSummary], denials: Sequence[ClaimSummary] = (),
            firmness: Optional[Mapping[str, Firmness]] = None,
            actors: Optional[Mapping[str, str]] = None) -> str:
    """One paragraph answering `question` from `claims` (allegations, ranked best first) and
    `denials` (DENY claims and claims only denied, listed apart); `firmness`: how firmly the brief may say each claim is asserted (graph.firmness; default: the stored
    certainty); `actors`: the brief's section of each claim ("Statements about China"), to count a statement's
    subject among the alleged actors."""
    firm = dict(firmness or {})
    asserted = [c for c in claims if c.origins and (firm[c.id].asserted if c.id in firm
                                                    else c.certainty not in SPECULATIVE)]
    speculative = [c for c in claims if c not in asserted]
    # Who denies: the deniers of the allegations and the speakers of denials and of a party's statements in reply
    # ("Xland is not a party to the conflict"); a party's own accusation or act listed among its answers ("the UK
    # accuses Chinese companies of ...") makes it no denier.
    deniers = _names([o for c in asserted for o in c.denied_by] + [o for c in denials if c.type in REPLIES
                                                                    for o in c.origins]
                     + [o for c in denials for o in c.denied_by])
    if not asserted and not speculative and not denials:
        return no_evidence(question, [])
    sentences = []
    if asserted:
        top = asserted[0]
        plain = _names_by_key(o for c in asserted for o in c.origins)  # one name per origin in the whole verdict
        sentences.append(f"Alleged: {_alleged(top, firm.get(top.id), plain)}.")
        actor = _who(top)
        elsewhere = [c for c in asserted[1:] if _other_actor(_who(c), actor)]
        also = [c for c in asserted[1:] if c not in elsewhere][:ALSO]
        if also:
            sentences.append("Also alleged: " + "; ".join(_briefly(c, plain) for c in also) + ".")
        # What is alleged of other actors ("Chinese companies", a named firm) is not what is alleged of the
        # question's first actor: said apart, the best-evidenced claim of each.
        firsts: dict[str | None, ClaimSummary] = {}
        for c in elsewhere:
            firsts.setdefault(_who(c), c)
        if firsts:
            sentences.append("Alleged of other actors: " + "; ".join(_briefly(c, plain) for c in list(firsts.values())[:ALSO])
                             + ".")
        if len(asserted) > 1:
            everyone = _names(o for c in asserted for o in c.origins)
            stated = sum(1 for c in asserted if _level(c, firm) == "certain")
            single = sum(1 for c in asserted if c.single_sourced)
            hedged = len(asserted) - stated
            how = (f"all stated as fact by at least one origin" if not hedged else
                   f"all only hedged (reportedly, allegedly)" if not stated else
                   f"{stated} stated as fact by at least one origin, {hedged} only hedged")
            rest = (f"; {single} {'rests' if single == 1 else 'rest'} on a single origin" if single else "")
            sentences.append(
                f"In all, {_count(len(asserted), 'allegation')}{_actors(asserted, actors)}, from "
                f"{_count(len(everyone), 'distinct independent origin')}; {how}{rest}.")
        elif top.single_sourced:
            sentences.append("It rests on a single origin.")
    else:
        sentences.append(f"No origin asserts what “{question}” asks" + (
            f"; on record: {_listed([c.label for c in denials])}." if denials else "."))
    answered = [c for c in asserted if c.denied_by]
    if asserted and answered:
        # Each denier: how many allegations it answers, how many by naming what they allege, in its words.
        ranked = sorted(_names_by_key(o for c in asserted for o in c.denied_by).items(),
                        key=lambda kv: -sum(1 for c in asserted if any(o.key == kv[0] for o in c.denied_by)))
        sentences += [denier_sentence(name, key, asserted) for key, name in ranked[:NAMED]]
        if len(ranked) > NAMED:
            sentences.append(f"Also denied by {_listed([name for _, name in ranked[NAMED:]])}.")
        open_ = unanswered(asserted)
        if open_:
            sentences.append(open_)
        others = [d for d in deniers if d not in {name for _, name in ranked}]
        if others:
            sentences.append(f"Also denied by {_listed(others)}.")
    elif deniers and (asserted or not all(d in " ".join(c.label for c in denials) for d in deniers)):
        # (With nothing asserted, the denials on record already name who denies: "DJI denies ...".)
        sentences.append(f"Denied by {_listed(deniers)}" + (
            f", answering none of the {_count(len(asserted), 'allegation')}." if asserted else "."))
    elif asserted:
        sentences.append("No denial is on record.")
    missed = denials_miss(asserted[0]) if asserted and asserted[0].denied_by else None
    if missed:
        # "Denied" must not read as "the components were denied" when the denials name only weapons.
        sentences.append(missed)
    # An inquiry ("officials are trying to establish whether Beijing knew") asks what no origin answers: it is an
    # open question, said as one, not a claim that no origin asserts.
    asked = [c for c in speculative if _level(c, firm) == "underspecified" and open_question(c.label)]
    if asked:
        sentences.append("Open questions, asked and not answered: " + _listed([c.label for c in asked]) + ".")
    never = [c for c in speculative if c not in asked]
    if never:
        sentences.append("Stated as fact by no origin: " + _listed([_noted(c.label, _unasserted(c, firm))
                                                                      for c in never]) + ".")
    # One sentence a line: the Markdown and the page show them as a list, the JSON keeps one string.
    return "\n".join(sentences)


__all__ = ["NO_EVIDENCE", "merge_duplicates", "no_evidence", "verdict"]


def _one_accusation(claim: ClaimSummary) -> list[tuple[str, ...]]:
    """Who accuses whom when, apart from the words: the same origins accusing the same target on the same day
    ("the State Department accuses Beijing of «helping Moscow rebuild its arms industry»" and, in another
    outlet, «fournir à Moscou des composants»). One accusation in two wordings only if the items say the same
    thing too (`merge_duplicates`' `same_item`): they may accuse it of two things that day."""
    target = claim.arguments.get("target")
    day = claim.first_seen or ""
    if claim.type != "ACCUSE" or not target or not claim.origins or len(day) < 10:
        return []
    return [("ACCUSE", target.lower(), day, *sorted({o.key for o in claim.origins}))]


def _in_reader(label: str) -> bool:
    return language_of(label) in (None, READER)


def merge_duplicates(claims: list[ClaimSummary],
                     same_item: Optional[Callable[[str, str], bool]] = None) -> list[ClaimSummary]:
    """Claims the brief would show twice under one label (same type, roles and item words, kept
    apart by the graph), and one accusation reported in two wordings (`_one_accusation`, and `same_item` of the
    two claims' ids says their items say the same thing; None: never), read as one: origins, deniers, articles
    and evidence together."""
    kept: dict[tuple[str, ...], ClaimSummary] = {}
    # Same origins, target and day: each accusation so far with its first claim's id (its item's).
    accusations: dict[tuple[str, ...], list[tuple[str, ClaimSummary]]] = {}
    out: list[ClaimSummary] = []
    for claim in claims:
        label = (claim.type, " ".join(claim.label.lower().split()))
        told = _one_accusation(claim)
        first = kept.get(label) or next((c for k in told for item, c in accusations.get(k, [])
                                          if same_item is not None and same_item(item, claim.id)), None)
        if first is None:
            kept[label] = claim
            for k in told:
                accusations.setdefault(k, []).append((claim.id, claim))
            out.append(claim)
            continue
        if (len(claim.articles), _in_reader(claim.label)) > (len(first.articles), _in_reader(first.label)):
            # The wording more articles carry names the merged claim (its id, label and roles).
            first.id, first.label, first.arguments = claim.id, claim.label, claim.arguments
        first.origins += [o for o in claim.origins if o.key not in {x.key for x in first.origins}]
        first.denied_by += [o for o in claim.denied_by if o.key not in {x.key for x in first.denied_by}]
        first.articles += [a for a in claim.articles if a not in first.articles]
        first.languages = sorted(set(first.languages) | set(claim.languages))
        dates = [d for d in (first.first_seen, claim.first_seen) if d]
        first.first_seen = min(dates) if dates else None
        dates = [d for d in (first.last_seen, claim.last_seen) if d]
        first.last_seen = max(dates) if dates else None
        order = ("certain", "probable", "possible", "underspecified")
        first.certainty = min(first.certainty, claim.certainty, key=order.index)
        first.evidence += claim.evidence
        first.more_evidence += claim.more_evidence
    return out
