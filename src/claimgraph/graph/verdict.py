"""The brief's opening paragraph: what is alleged, by how many independent origins, how
firmly, who denies it, and what is only speculation (`Brief.verdict`).

Read from the claims the brief chose, never from other words: every figure in the
paragraph is one the claims below it show. An allegation is a claim some origin asserts;
speculation is an allegation no origin states as more than possible (could, may, if
confirmed, questions: certainty `possible` or `underspecified`).
"""
from __future__ import annotations

from typing import Callable, Iterable, Mapping, Optional, Sequence

from claimgraph.graph.firmness import SAID, Firmness, says_denial
from claimgraph.graph.reader import LANGUAGE_NAMES, READER, language_of
from claimgraph.graph.verdict_scope import denials_miss
from claimgraph.model.claims import ClaimSummary, Evidence, Origin

NO_EVIDENCE = "No evidence found"
# Claims whose best supporting certainty is one of these say no more than that something may be so.
SPECULATIVE = ("possible", "underspecified")
# At most this many claims named in a sentence of the paragraph; the rest are counted.
NAMED = 3
# Allegations named after the best one.
ALSO = 2
# A general denial's own words shorter than this are shown with their sentence instead, cut at this many
# characters.
SHORT_DENIAL_WORDS, QUOTE_CHARS = 3, 200


def _names(origins: Iterable[Origin]) -> list[str]:
    seen: dict[str, str] = {}
    for origin in origins:
        seen.setdefault(origin.key, origin.name)
    return list(seen.values())


def _listed(values: list[str]) -> str:
    shown = values[:NAMED]
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


def no_evidence(question: str, unknown: list[str]) -> str:
    why = f": the store knows no actor named {', '.join(repr(u) for u in unknown)}" if unknown else ""
    return f"{NO_EVIDENCE} for “{question}”{why}. No stored claim answers it."


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def _alleged(claim: ClaimSummary, firm: Optional[Firmness]) -> str:
    origins = _names(claim.origins)
    how = firm.said({o.key: o.name for o in claim.origins}) if firm else _firmness(claim)
    return (f"{claim.label} ({_count(len(origins), 'independent origin')}: {_listed(origins)}; {how}; "
            f"{_count(len(claim.articles), 'article')} in {', '.join(claim.languages)} since "
            f"{claim.first_seen or 'an unknown date'})")


def _briefly(claim: ClaimSummary) -> str:
    """ "label (2 origins: A; B)" """
    names = _names(claim.origins)
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


def _fullest(rows: list[Evidence]) -> Evidence | None:
    """The most telling of a statement's sentences: the longest that fits the verdict, else the first."""
    fitting = [e for e in rows if len(e.quote.text) <= QUOTE_CHARS]
    # A named speaker's own words in the reader's language first ("China has never provided lethal weapons ...",
    # said by its spokesman), before an outlet's narration of the denial.
    return max(fitting, key=lambda e: (e.lang == READER, says_denial(e.quote.text), bool(e.chain and e.chain[0].name),
                                       len(e.quote.text))) \
        if fitting else (rows[0] if rows else None)


def _denied_words(statement: ClaimSummary, row: Evidence | None) -> str:
    """What a general denial denies, as the verdict says it: the DENY's own words, unless they are too short to
    stand alone ("denies «the case»", a knowledge denial's object), then the sentence that carries it (a quote in
    another language than the brief's says which: "(in French)"). A denial repeated in several articles says over
    which dates, and its quote is one of its wordings ("in words such as"), dated."""
    denied = statement.label.split(" denies ", 1)[1]
    if denied.startswith("«") and "»" in denied:
        denied = denied[:denied.index("»") + 1]  # the DENY's words, without the reader's gloss after them
    repeated = len(statement.articles) > 1
    span = (f"repeated in {len(statement.articles)} articles from {statement.first_seen or '?'} to "
            f"{statement.last_seen or '?'}, " if repeated else "")
    if row is not None and (repeated or len(denied.strip("«»").split()) < SHORT_DENIAL_WORDS):
        quote = " ".join(row.quote.text.split())
        shown = quote if len(quote) <= QUOTE_CHARS else quote[:QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
        speaker = row.chain[0].name if row.chain and row.chain[0].name else None
        notes = [n for n in (speaker, row.date if repeated else None, f"in {LANGUAGE_NAMES[row.lang]}"
                             if row.lang != READER and row.lang in LANGUAGE_NAMES else None) if n]
        return (f"{span}in {'words such as' if repeated else 'the words'} «{shown}»"
                + (f" ({', '.join(notes)})" if notes else ""))
    return f"{span}denying {'that ' if _clause(denied) else ''}{denied}"


def _clause(denied: str) -> bool:
    """Denied words that are a clause with its own subject ("«Beijing had ever provided weapons»"): "denying that"."""
    words = denied.strip("«»").split()
    return len(words) >= 4 and words[0][:1].isupper()


def _general_denials(asserted: Sequence[ClaimSummary], statements: Sequence[ClaimSummary]) -> dict[str, str]:
    """Deniers whose denials are fewer than the allegations they answer: denier name -> how to say it.

    A statement is one DENY claim (however many articles carry it, however it is worded); a denying mention of
    no DENY claim ("China has never provided lethal weapons", a negated act) is the statement its article's DENY
    by the same denier makes, else its article's own. A denier counts here when fewer statements than
    allegations answer at least two allegations."""
    deny_of = {e.document_id + "#" + e.record_id: d for d in statements for e in d.evidence if e.stance == "supports"}
    rows = [(claim, e) for claim in asserted for e in claim.evidence
            if e.stance == "denies" and e.origin.key in {o.key for o in claim.denied_by}]
    in_article = {(e.origin.key, e.document_id): deny_of[e.document_id + "#" + e.record_id].id
                  for _, e in rows if e.document_id + "#" + e.record_id in deny_of}
    answered: dict[str, dict[str, set[str]]] = {}  # denier key -> statement -> allegations it answers
    names: dict[str, str] = {}
    by_id = {d.id: d for d in statements}
    quotes = {d.id: _fullest([e for e in d.evidence if e.stance == "supports"]) for d in statements}
    for claim, e in rows:
        row = e.document_id + "#" + e.record_id
        statement = deny_of[row].id if row in deny_of else in_article.get((e.origin.key, e.document_id),
                                                                           "doc:" + e.document_id)
        answered.setdefault(e.origin.key, {}).setdefault(statement, set()).add(claim.id)
        names.setdefault(e.origin.key, next(o.name for o in claim.denied_by if o.key == e.origin.key))
    out = {}
    for key, by_statement in answered.items():
        claims = set().union(*by_statement.values())
        if len(claims) < 2 or len(by_statement) >= len(claims):
            continue
        broadest, covered = max(by_statement.items(), key=lambda kv: (len(kv[1]), kv[0]))
        total = f"{_count(len(by_statement), 'denial statement')} in all, not {len(claims)} separate denials"
        statement = by_id.get(broadest)
        if len(covered) >= 2 and statement is not None and " denies " in statement.label:
            said = (f"mostly one general denial, {_denied_words(statement, quotes.get(broadest))}, which answers "
                    f"{len(covered)} of the {_count(len(asserted), 'allegation')} ({total})")
        else:
            said = f"{len(claims)} allegations answered by {total}"
        out[names[key]] = said
    return out


def _unanswered(asserted: Sequence[ClaimSummary]) -> str:
    """ "; none answers X" : the allegations no denial answers, named (the first few), when some are answered."""
    open_ = [c.label for c in asserted if not c.denied_by]
    if not open_ or len(open_) == len(asserted) or len(open_) > ALSO:
        return ""  # none answered, or too many to name: the count says it
    return f"; no denial answers {_listed(open_)}"


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
            statements: Sequence[ClaimSummary] = (), firmness: Optional[Mapping[str, Firmness]] = None,
            actors: Optional[Mapping[str, str]] = None) -> str:
    """One paragraph answering `question` from `claims` (allegations, ranked best first) and
    `denials` (DENY claims and claims only denied, listed apart); `statements`: every DENY claim the
    allegations' denials come from (default: `denials`), to tell one general denial from many;
    `firmness`: how firmly the brief may say each claim is asserted (graph.firmness; default: the stored
    certainty); `actors`: the brief's section of each claim ("Statements about China"), to count a statement's
    subject among the alleged actors."""
    firm = dict(firmness or {})
    asserted = [c for c in claims if c.origins and (firm[c.id].asserted if c.id in firm
                                                    else c.certainty not in SPECULATIVE)]
    speculative = [c for c in claims if c not in asserted]
    deniers = _names([o for c in asserted for o in c.denied_by] + [o for c in denials for o in c.origins]
                     + [o for c in denials for o in c.denied_by])
    if not asserted and not speculative and not denials:
        return no_evidence(question, [])
    sentences = []
    if asserted:
        top = asserted[0]
        sentences.append(f"Alleged: {_alleged(top, firm.get(top.id))}.")
        actor = _who(top)
        elsewhere = [c for c in asserted[1:] if _other_actor(_who(c), actor)]
        also = [c for c in asserted[1:] if c not in elsewhere][:ALSO]
        if also:
            sentences.append("Also alleged: " + "; ".join(_briefly(c) for c in also) + ".")
        # What is alleged of other actors ("Chinese companies", a named firm) is not what is alleged of the
        # question's first actor: said apart, the best-evidenced claim of each.
        firsts: dict[str | None, ClaimSummary] = {}
        for c in elsewhere:
            firsts.setdefault(_who(c), c)
        if firsts:
            sentences.append("Alleged of other actors: " + "; ".join(_briefly(c) for c in list(firsts.values())[:ALSO])
                             + ".")
        if len(asserted) > 1:
            everyone = _names(o for c in asserted for o in c.origins)
            stated = sum(1 for c in asserted if _level(c, firm) == "certain")
            single = sum(1 for c in asserted if c.single_sourced)
            sentences.append(
                f"In all, {_count(len(asserted), 'allegation')}{_actors(asserted, actors)}, from "
                f"{_count(len(everyone), 'distinct independent origin')}"
                f"; {stated} stated as fact by at least one origin, {len(asserted) - stated} only hedged"
                f"; {single} rest on a single origin.")
        elif top.single_sourced:
            sentences.append("It rests on a single origin.")
    else:
        sentences.append(f"No origin asserts what “{question}” asks" + (
            f"; on record: {_listed([c.label for c in denials])}." if denials else "."))
    answered = [c for c in asserted if c.denied_by]
    general = _general_denials(asserted, list(statements) or list(denials))
    if deniers and general:
        # One broad denial ("China has never supplied lethal weapons to any party") answering every allegation is
        # one statement, not as many denials as there are allegations.
        # "...which answers 8 of the 8 allegations ...; 8 of the 8 allegations answered" says it twice.
        said_all = len(general) == 1 and len(answered) == len(asserted) and any(
            f"answers {len(asserted)} of the " in said for said in general.values())
        sentences.append("Denied by " + "; ".join(f"{name}: {said}" for name, said in general.items()) + (
            "." if said_all else f"; {len(answered)} of the {_count(len(asserted), 'allegation')} answered"
                                 f"{_unanswered(asserted)}."))
        others = [d for d in deniers if d not in general]
        if others:
            sentences.append(f"Also denied by {_listed(others)}.")
    elif deniers and (asserted or not all(d in " ".join(c.label for c in denials) for d in deniers)):
        # (With nothing asserted, the denials on record already name who denies: "DJI denies ...".)
        sentences.append(f"Denied by {_listed(deniers)}" + (
            f" ({len(answered)} of the {_count(len(asserted), 'allegation')} answered{_unanswered(asserted)})."
            if asserted else "."))
    elif asserted:
        sentences.append("No denial is on record.")
    missed = denials_miss(asserted[0]) if asserted and asserted[0].denied_by else None
    if missed:
        # "Denied" must not read as "the components were denied" when the denials name only weapons.
        sentences.append(missed)
    if speculative:
        sentences.append("Never asserted by any origin: " + _listed([_noted(c.label, _unasserted(c, firm))
                                                                      for c in speculative]) + ".")
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
