"""The verdict's sentences on denials: who denies, how many allegations each denier answers, and how.

A denier answers an allegation when the graph links one of its asserted denying rows to it
(graph.denials). That says less than it seems: a state's "rejected the charge" or "was not aware of
the matter" is linked to every allegation of its article, and a denial of "lethal weapons" to an
allegation of dual-use components. A fact-checker says which allegations a denial answers by
naming what they allege (a class of the allegation's item, `graph/data/items.yaml`: weapons,
engines, components ...), and which only meet general rejections or denials of other things.

The denier's words are quoted once, from all its denying rows: the most telling wording (one that
names what is alleged and says it is denied, in the reader's language, by a named speaker), with
how many articles carry its denials and over which dates. Nothing here counts DENY claims: one
DENY claim of the graph may hold a ministry's many answers, and a count of them would mislead.
"""
from __future__ import annotations

from typing import Iterable, Optional, Sequence

from claimgraph.graph.denials import ASSERTED
from claimgraph.graph.firmness import is_headline, says_denial
from claimgraph.graph.items import item_classes
from claimgraph.graph.reader import LANGUAGE_NAMES, READER, language_of
from claimgraph.graph.verdict_scope import item_of, named_classes
from claimgraph.model.claims import ClaimSummary, Evidence

# A denier's words are quoted when this short at most (else the next best wording).
QUOTE_CHARS = 200
# At most this many allegations named in "no denial answers ...".
NAMED = 3


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def alleged_classes(claim: ClaimSummary) -> frozenset[str]:
    """The item classes an allegation alleges ("«des armes»" -> {weapons}); none for a statement."""
    item = item_of(claim)
    return item_classes(item, language_of(item or "")) if item else frozenset()


def _rows(claim: ClaimSummary, denier: str) -> list[Evidence]:
    return [e for e in claim.evidence if e.stance == "denies" and e.origin.key == denier and e.certainty in ASSERTED]


def names_it(claim: ClaimSummary, rows: Iterable[Evidence]) -> frozenset[str]:
    """The classes of `claim`'s item that some of `rows` name (empty: they answer it only in general)."""
    alleged = alleged_classes(claim)
    if not alleged:
        return frozenset()
    out: set[str] = set()
    for e in rows:
        out |= alleged & named_classes(e.quote.text, e.lang)
    return frozenset(out)


def _telling(rows: Sequence[Evidence], specific: frozenset[str]) -> Optional[Evidence]:
    """The wording to quote: one that fits, is no headline, in the reader's language, names what is alleged, says it
    is denied, said by a named speaker, the longest; else the first row."""
    fitting = [e for e in rows if len(" ".join(e.quote.text.split())) <= QUOTE_CHARS]
    if not fitting:
        return rows[0] if rows else None
    # An outlet's headline ("Beijing denies arming Russia after ...") is the outlet's words, not the denier's.
    return max(fitting, key=lambda e: (not is_headline(e), e.lang == READER,
                                       bool(specific & named_classes(e.quote.text, e.lang)),
                                       says_denial(e.quote.text), bool(e.chain and e.chain[0].name),
                                       len(e.quote.text), e.document_id))


def _quoted(row: Evidence, dated: bool, denier: str) -> str:
    quote = " ".join(row.quote.text.split())
    if len(quote) > QUOTE_CHARS:
        quote = quote[:QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
    speaker = row.chain[0].name if row.chain and row.chain[0].name and row.chain[0].name not in denier else None
    notes = [n for n in (speaker, row.date if dated else None,
                         f"in {LANGUAGE_NAMES[row.lang]}" if row.lang and row.lang != READER
                         and row.lang in LANGUAGE_NAMES else None) if n]
    return f"«{quote}»" + (f" ({', '.join(notes)})" if notes else "")


def _how(answered: list[ClaimSummary], specific: dict[str, frozenset[str]]) -> str:
    """ ", 3 by a denial that names what is alleged (engines, weapons), the other 5 only by general rejections or
    denials of other things" (nothing when no answered allegation names an item: statements only)."""
    if not any(alleged_classes(c) for c in answered):
        return ""
    named = [c for c in answered if specific[c.id]]
    classes = ", ".join(sorted(set().union(*(specific[c.id] for c in named)))) if named else ""
    rest = len(answered) - len(named)
    if not named:
        return ", none by a denial that names what is alleged (only general rejections or denials of other things)"
    if not rest:
        return f", each by a denial that names what is alleged ({classes})"
    return (f", {len(named)} by a denial that names what is alleged ({classes}), the other {rest} only by general "
            f"rejections or denials of other things")


def _one(how: str) -> str:
    """`_how` of a single allegation: ", by a denial that names what is alleged (weapons)", ", only by general
    rejections or denials of other things", or nothing."""
    if how.startswith(", each by"):
        return ", by" + how[len(", each by"):]
    if how.startswith(", none by"):
        return ", only by general rejections or denials of other things"
    return how


def denier_sentence(name: str, key: str, asserted: Sequence[ClaimSummary]) -> str:
    """ "Denied by X: 8 of the 8 allegations answered, 3 by a denial that names ...; in 14 articles from A to B, in
    words such as «...» (speaker, date)." """
    answered = [c for c in asserted if any(o.key == key for o in c.denied_by)]
    rows_of = {c.id: _rows(c, key) for c in answered}
    specific = {c.id: names_it(c, rows_of[c.id]) for c in answered}
    how = _how(answered, specific)
    if len(asserted) == 1 or len(answered) == 1:
        # One allegation: "Denied by X, only by general rejections ..." ("1 of the 1 allegation answered" says nothing).
        said = f"Denied by {name}" + _one(how)
        if len(asserted) > 1:  # "1 of the 7 allegations answered, each by ..." says "each" of one
            said = f"Denied by {name}: 1 of the {_count(len(asserted), 'allegation')} answered" + _one(how)
    else:
        said = f"Denied by {name}: {len(answered)} of the {_count(len(asserted), 'allegation')} answered" + how
    rows = [e for c in answered for e in rows_of[c.id]]
    unique = list({(e.document_id, e.record_id, e.quote.start): e for e in rows}.values())
    articles = sorted({e.document_id for e in unique})
    dates = sorted(e.date for e in unique if e.date)
    quote = _telling(unique, frozenset().union(*specific.values()) if specific else frozenset())
    if len(articles) > 1:
        span = f" from {dates[0]} to {dates[-1]}" if dates and dates[0] != dates[-1] else ""
        said += f"; in {len(articles)} articles{span}"
        if quote is not None:
            said += f", in words such as {_quoted(quote, dated=True, denier=name)}"
    elif quote is not None:
        said += f", in the words {_quoted(quote, dated=False, denier=name)}"
    return said + "."


def unanswered(asserted: Sequence[ClaimSummary]) -> Optional[str]:
    """ "No denial answers X; Y." when some allegations are answered and a few are not (None otherwise)."""
    open_ = [c.label for c in asserted if not c.denied_by]
    if not open_ or len(open_) == len(asserted) or len(open_) > NAMED:
        return None
    return f"No denial answers {'; '.join(open_)}."


__all__ = ["alleged_classes", "denier_sentence", "names_it", "unanswered"]
