"""Unidentified press reports: sources that cite reporting without naming it.

"Media reports", "a news agency report", "earlier reports", "selon la presse",
"des informations de presse" point at reporting that exists elsewhere under a
name the article does not give: they are no voice of their own. Such a source
is marked (origin type `press_report`) when its chain names nobody, and the
claim listing (`graph.query`) counts it only when no named origin carried the
claim on or before its date. The words are per language, in
`lang/<code>/sources.yaml` (`press_words`, `press_report_heads`, `not_press_words`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimgraph.graph.keys import DETERMINERS, fold, nationality, words
from claimgraph.lang import available_languages, get_rules

# The origin type of an article's own story when its source is an unidentified press report.
PRESS_REPORT = "press_report"
# Source types (as extraction types them) a press word makes a press report of: a person ("a press
# officer", "a media executive") or an organisation ("the press service") speaks for itself.
PRESS_WORD_TYPES = ("media", "unspecified", "document")
# A report noun alone makes one only of a source extraction found nothing more specific in: a generic
# plural ("reports", "les rapports") or an outlet's report; "an intelligence report" is a document.
REPORT_HEAD_TYPES = ("media", "unspecified")


@dataclass(frozen=True)
class PressWords:
    """One language's press-report words, folded as `keys.words` folds them."""

    press: frozenset[str]
    heads: frozenset[str]
    excluded: frozenset[str]


@lru_cache(maxsize=None)
def press_words(lang: str) -> PressWords:
    """The words of `lang`; of every language for one without its own data (an undetected language)."""
    codes = [lang] if lang in available_languages() else available_languages()
    lists: dict[str, set[str]] = {"press_words": set(), "press_report_heads": set(), "not_press_words": set()}
    for code in codes:
        rules = get_rules(code)
        data = rules.data("sources") if rules.has("sources") else {}
        for name, found in lists.items():
            found.update(fold(str(word)) for word in data.get(name) or [])
    return PressWords(frozenset(lists["press_words"]), frozenset(lists["press_report_heads"]),
                      frozenset(lists["not_press_words"]))


def is_press_report(text: str, source_type: str, lang: str) -> bool:
    """True for a source that cites unnamed reporting: "Media reports", "a news agency report",
    "reports" (a generic plural), "informations de presse", "la presse russe"; False for a named one
    ("a Reuters report"), a document ("an internal report"), the outlet's own ("selon nos informations").

    text (str): the source's words. source_type (str): its type as extracted. lang (str): the article's language.
    """
    tokens = words(text)
    lexicon = press_words(lang)
    if not tokens or any(token in lexicon.excluded for token in tokens):
        return False
    cites_press = source_type in PRESS_WORD_TYPES and any(token in lexicon.press for token in tokens)
    cites_reports = source_type in REPORT_HEAD_TYPES and any(token in lexicon.heads for token in tokens)
    return (cites_press or cites_reports) and not _names_someone(text, lexicon)


def _names_someone(text: str, lexicon: PressWords) -> bool:
    """A capitalised word that is a name, not a determiner, a press word or a nationality ("Western media reports"
    names nobody, "Kyiv Post reports" does): past the first word (capitalised at a sentence start), or the first
    when a capitalised press word follows it, as outlets are named ("Sky News", "Channel TV"; not "Media reports")."""
    common = lexicon.press | lexicon.heads
    tokens = re.findall(r"[^\W\d_][\w\-\.]*", text)

    def name(token: str) -> bool:
        folded = fold(token)
        return token[:1].isupper() and folded not in DETERMINERS and folded not in common and not nationality(folded)

    if len(tokens) > 1 and name(tokens[0]) and tokens[1][:1].isupper() and fold(tokens[1]) in lexicon.press:
        return True
    return any(name(token) for token in tokens[1:])


__all__ = ["PRESS_REPORT", "PressWords", "is_press_report", "press_words"]
