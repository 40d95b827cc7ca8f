"""How firmly a brief may say a claim is asserted: read from its counted origins' own words.

The stored certainty of a mention is the extraction's (the reporting verb, the conditional
mood). A brief says more, and must not overstate:

* a statement's quote whose first sentence holds a word of possibility ("may not want to admit it",
  «pourrait», `possibility` in `lang/<code>/brief.yaml`) is conditional wording, not a fact
  stated, whatever its reporting verb;
* a headline in the outlet's own voice (the quote is the article's title, no source named) is
  only a headline: the article's body may attribute it, and a headline alone never makes a
  claim "stated as fact";
* a statement that asks someone to do something ("expected Beijing to stop", `demands`)
  alleges nothing.

A claim's firmness is its best counted origin's; each origin's is its best row's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from claimgraph.lang import LANG_DIR
from claimgraph.model.claims import ClaimSummary, Evidence
from claimgraph.yaml_words import load_yaml_file

# Best first. `headline`: only a title says it; `possible`: only in conditional wording.
LEVELS = ("certain", "probable", "headline", "possible", "underspecified")
SAID = {"certain": "stated as fact", "probable": "hedged, as reported or alleged", "headline": "only in a headline",
        "possible": "only as a possibility", "underspecified": "only asked or supposed"}
SHORT = {"certain": "firm", "probable": "hedged", "headline": "headline only", "possible": "conditional",
         "underspecified": "asked or supposed"}
# The brief's section of what no origin asserts (asked, supposed, speculated, conditional or only a headline).
UNASSERTED = "Only asked, supposed, speculated or headlined: no origin states these as fact"
# Sections of statements (graph.brief): a subject, not an alleged actor ("Statements about China").
STATEMENT_SECTIONS = ("Statements about ", "Other statements")
_WORD = re.compile(r"[\w’'-]+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«\"“])")


@lru_cache(maxsize=1)
def brief_data() -> dict[str, dict]:
    """Each language's `lang/<code>/brief.yaml` (how a brief reads words), read once, by language code."""
    return {path.parent.name: load_yaml_file(path) or {} for path in sorted(LANG_DIR.glob("*/brief.yaml"))}


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[str, ...]]:
    out: dict[str, set[str]] = {"possibility": set(), "demands": set(), "denial_words": set(), "open_questions": set(),
                                "contrasts": set(), "undercuts": set(), "negated_abilities": set(),
                                "consequences": set(), "price_marks": set()}
    for data in brief_data().values():
        for name in out:
            out[name].update(" ".join(_WORD.findall(str(w).lower())) for w in data.get(name) or [])
    return {name: tuple(sorted(words)) for name, words in out.items()}


# A period that ends initials ("U.S.", "John F."), not a sentence; titles ("Mr.", "Mme.") are in lang/*/brief.yaml.
_INITIALS = re.compile(r"\b(?:[A-Z]\.)+$")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(str(w) for data in brief_data().values() for w in data.get("abbreviations") or [])


def _abbreviation_before(text: str) -> bool:
    """Whether `text` (up to a period and a space) ends with initials or a title, not a sentence."""
    last = text.rsplit(" ", 1)[-1]
    return bool(_INITIALS.search(last)) or last.rstrip(".") in _titles()


def first_sentence(text: str) -> str:
    """The text up to its first sentence end; "U.S. President Biden may ..." is one sentence."""
    flat = " ".join(text.split())
    for end in _SENTENCE_END.finditer(flat):
        if not _abbreviation_before(flat[:end.start()]):
            return flat[:end.start()]
    return flat


def _holds(phrases: Iterable[str], text: str, lowercase_only: bool = False) -> bool:
    tokens = _WORD.findall(text)
    if not lowercase_only:
        tokens = [t.lower() for t in tokens]
    padded = " " + " ".join(t.replace("’", "'") for t in tokens) + " "
    return any(f" {p.replace('’', chr(39))} " in padded for p in phrases)


def conditional(text: str) -> bool:
    """Whether the first sentence of `text` says only what may be ("may", "could", «pourrait»). Matched on
    lowercase words only, so that the month "May" is none.

    A clause after a contrast ("X may not want to admit it, but it will find it hard to hide its support",
    «mais»: `contrasts`) is what the sentence asserts: when it holds no word of possibility and does not undercut
    what comes before (a negation or a doubt: "but there is no proof", `undercuts`), the modal before the contrast
    bears on that clause only, and the sentence is no possibility."""
    sentence = first_sentence(text)
    possibility = _lexicon()["possibility"]
    if not _holds(possibility, sentence, lowercase_only=True):
        return False
    after = _after_contrast(sentence)
    return after is None or _holds(possibility, after, lowercase_only=True) or _holds(_lexicon()["undercuts"], after)


def _after_contrast(sentence: str) -> Optional[str]:
    """The words after the last contrast word of `sentence` ("but", «mais»), or None when it has none (or nothing
    follows it)."""
    tokens = _WORD.findall(sentence)
    lowered = [t.lower() for t in tokens]
    contrasts = _lexicon()["contrasts"]
    at = max((i for i, t in enumerate(lowered) if t in contrasts), default=None)
    if at is None or at == 0 or at == len(tokens) - 1:
        return None
    return " ".join(tokens[at + 1:]).replace("n’t", " n't").replace("n't", " n't")  # "isn't": "is n't"


def demand(text: str) -> bool:
    """Whether the first sentence of `text` asks someone to act ("expected Beijing to stop such transfers")."""
    return _holds(_lexicon()["demands"], first_sentence(text))


def warning(text: str) -> bool:
    """Whether the first sentence of `text` warns or makes a demand of someone rather than says what it does: a
    demand ("urged Beijing to stop"), or a negated ability with its price ("could not keep fuelling the war without
    consequences", «ne peut pas ... sans conséquences»: `negated_abilities`, `price_marks`, `consequences`; "could
    not deliver the engines without a licence" says what happened). Shown beside a claim's evidence as
    context, never as support of it."""
    sentence = first_sentence(text)
    lex = _lexicon()
    return demand(sentence) or (_holds(lex["negated_abilities"], sentence) and _holds(lex["price_marks"], sentence)
                                and _holds(lex["consequences"], sentence))


def open_question(text: str) -> bool:
    """Whether the first sentence of `text` asks what it does not answer ("are trying to establish whether Beijing
    knew", «cherchent à savoir si»): an inquiry or an open question, not a claim that something is so."""
    return _holds(_lexicon()["open_questions"], first_sentence(text))


def says_denial(text: str) -> bool:
    """Whether `text` says outright that something is denied ("He denied that ...", «n'a jamais fourni»)."""
    return _holds(_lexicon()["denial_words"], text)


def is_headline(evidence: Evidence) -> bool:
    """A title in the outlet's own voice: no source named, and the quote is (part of) the article's title."""
    if evidence.chain or not evidence.title:
        return False
    quote, title = " ".join(evidence.quote.text.split()).strip(" .").lower(), " ".join(evidence.title.split()).lower()
    return bool(quote) and quote in title


def row_level(evidence: Evidence, statement: bool = True) -> str:
    """How firmly one supporting row says its claim (one of LEVELS). Only a statement's quote is read for
    conditional words: an act's certainty already holds its own modal ("could supply" is possible), and the
    rest of its sentence is about other things ("... and said the US could impose sanctions")."""
    level = evidence.certainty if evidence.certainty in LEVELS else "underspecified"
    if statement and level in ("certain", "probable") and conditional(evidence.quote.text):
        level = "possible"
    if level == "certain" and is_headline(evidence):
        level = "headline"
    return level


def _best(levels: Iterable[str]) -> Optional[str]:
    found = [x for x in levels if x in LEVELS]
    return min(found, key=LEVELS.index) if found else None


@dataclass(slots=True)
class Firmness:
    """A claim's firmness in a brief: its level, and each counted origin's (origin key -> level)."""

    level: str
    by_origin: dict[str, str] = field(default_factory=dict)

    @property
    def asserted(self) -> bool:
        """Stated as fact or hedged by at least one counted origin: an allegation, not a possibility."""
        return self.level in ("certain", "probable")

    def said(self, names: dict[str, str]) -> str:
        """ "stated as fact by 3, only in conditional wording (may, could) by 1" (names: origin key -> name)."""
        counts: dict[str, int] = {}
        for key in names:
            level = self.by_origin.get(key, self.level)
            counts[level] = counts.get(level, 0) + 1
        if len(counts) <= 1:
            return SAID[self.level]
        return ", ".join(f"{SAID[level]} by {n}" for level, n in sorted(counts.items(), key=lambda x: LEVELS.index(x[0])))

    def to_dict(self) -> dict[str, object]:
        return {"level": self.level, "said": SAID[self.level], "by_origin": dict(self.by_origin)}


def firmness(claim: ClaimSummary) -> Firmness:
    """`claim`'s firmness from its supporting rows of counted origins. When some rows are left out of
    `claim.evidence` and none shown is stated as fact, the stored certainty stands (it may rest on a row
    not shown)."""
    counted = {o.key for o in claim.origins}
    by_origin: dict[str, list[str]] = {}
    for e in claim.evidence:
        if e.stance == "supports" and e.origin.key in counted and not warning(e.quote.text):
            by_origin.setdefault(e.origin.key, []).append(row_level(e, claim.type == "STATEMENT"))
    levels = {key: _best(values) or claim.certainty for key, values in by_origin.items()}
    best = _best(levels.values())
    if best is None or (claim.more_evidence and best != "certain"):
        best = claim.certainty if claim.certainty in LEVELS else "underspecified"
    return Firmness(best, levels)


__all__ = ["Firmness", "LEVELS", "SAID", "SHORT", "STATEMENT_SECTIONS", "UNASSERTED", "conditional", "demand", "firmness", "is_headline", "open_question", "row_level", "says_denial", "warning"]
