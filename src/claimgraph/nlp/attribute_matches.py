"""The attribute ruler's matches, the same list found with table lookups instead of a Matcher run.

spaCy's `attribute_ruler` (after the tagger and parser: tag map, morphology and lemma exceptions)
runs a `Matcher` of all its rules over every token: 179 rules in English, where it took about a
tenth of the bare parse's CPU. Most rules are exact values of a token's columns ({"TAG": "NN"},
{"LOWER": "n't", "TAG": "RB"}): those are found here by comparing the Doc's columns (`to_array`)
with each value, and only the rules with an operator or a set or a pattern ({"IN": [...]},
{"REGEX": ...}) go through a `Matcher` of their own. Each rule keeps its key, so `match` returns
exactly the ruler's list (rule order, then position; one match per rule and span, as the Matcher
gives), and the ruler's own `set_annotations` writes the attributes as it always did. A ruler
with a rule this module cannot read stays as it is.
"""
from __future__ import annotations

from typing import Any, Optional

import numpy
from spacy.attrs import IDS
from spacy.matcher import Matcher
from spacy.tokens import Doc

# Token attributes whose values `to_array` gives as the Matcher compares them.
COLUMNS = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT")

# A check of one token of a pattern: (position, column index, "==" or "in" or "not in", value or values).
Check = tuple[int, int, str, Any]
# One pattern read as checks: its length and its checks.
Exact = tuple[int, tuple[Check, ...]]
# Set operators read here (as the Matcher reads them: values compared as string ids).
SET_OPERATORS = {"IN": "in", "NOT_IN": "not in"}


class AttributeMatches:
    """`AttributeRuler.match` for one ruler, built from its rules (see the module's docstring)."""

    def __init__(self, ruler: Any, rules: list[tuple[int, list[Exact]]], columns: list[int],
                 rest: Optional[Matcher]) -> None:
        self.ruler = ruler
        self.columns = columns
        self.rest = rest
        # One-token patterns of exact values by the columns they read: {values: match ids}; the others
        # (longer, or with a set of values) compared column by column over the whole Doc.
        self.single: dict[tuple[int, ...], dict[tuple[int, ...], list[int]]] = {}
        self.scanned: list[tuple[int, Exact]] = []
        for match_id, patterns in rules:
            for length, checks in patterns:
                if length != 1 or any(op != "==" for _, _, op, _ in checks):
                    self.scanned.append((match_id, (length, checks)))
                    continue
                values = dict((column, value) for _, column, _, value in sorted(checks))
                if len(values) != len({(column, value) for _, column, _, value in checks}):
                    continue  # one column asked two values ("TEXT" and "ORTH"): never matches
                index = self.single.setdefault(tuple(values), {})
                ids = index.setdefault(tuple(values.values()), [])
                if match_id not in ids:
                    ids.append(match_id)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        strings = self.ruler.vocab.strings
        found: set[tuple[int, int, int]] = set()
        if len(doc) and self.columns:
            table = doc.to_array(self.columns)
            if table.ndim == 1:
                table = table.reshape(-1, 1)
            columns = table.T.tolist()
            for read, index in self.single.items():
                for start, key in enumerate(zip(*(columns[c] for c in read))):
                    ids = index.get(key)
                    if ids is not None:
                        found.update((match_id, start, start + 1) for match_id in ids)
            for match_id, (length, checks) in self.scanned:
                count = len(doc) - length + 1
                if count <= 0:
                    continue
                hits = numpy.ones(count, dtype=bool)
                for position, column, op, value in checks:
                    cells = table[position:position + count, column]
                    if op == "==":
                        hits &= cells == value
                    else:
                        hits &= numpy.isin(cells, value, invert=op == "not in")
                found.update((match_id, int(start), int(start) + length) for start in numpy.flatnonzero(hits))
        if self.rest is not None:
            found.update(self.rest(doc, allow_missing=True, as_spans=False))  # type: ignore[arg-type]
        matches = [(int(strings[match_id]), match_id, start, end) for match_id, start, end in found]
        matches.sort()
        return matches


def fast_matches(ruler: Any) -> Optional[AttributeMatches]:
    """The table matcher of an `AttributeRuler`, or None when one of its rules is not a plain Matcher
    pattern this module reads (then the ruler keeps its own `match`)."""
    vocab = ruler.vocab
    columns: list[str] = []
    rules: list[tuple[int, list[Exact]]] = []
    rest = Matcher(vocab)
    has_rest = False
    for index, patterns in enumerate(_rule_patterns(ruler)):
        if patterns is None:
            return None
        key = str(index)
        match_id = vocab.strings.add(key)
        exact: list[Exact] = []
        complex_patterns = []
        for pattern in patterns:
            checks = _exact(pattern, vocab, columns)
            if checks is None:
                complex_patterns.append(pattern)
            else:
                exact.append((len(pattern), checks))
        if complex_patterns:
            rest.add(key, complex_patterns)
            has_rest = True
        if exact:
            rules.append((match_id, exact))
    return AttributeMatches(ruler, rules, [IDS[name] for name in columns], rest if has_rest else None)


def _rule_patterns(ruler: Any) -> list[Optional[list[list[dict[str, Any]]]]]:
    """Each rule's Matcher patterns, by the rule's index (the ruler's key for it)."""
    out: list[Optional[list[list[dict[str, Any]]]]] = []
    for index in range(len(ruler.attrs)):
        key = str(index)
        if key not in ruler.matcher:
            out.append(None)
            continue
        on_match, patterns = ruler.matcher.get(key)
        out.append(None if on_match is not None else [list(p) for p in patterns])
    return out


def _exact(pattern: list[dict[str, Any]], vocab: Any, columns: list[str]) -> Optional[tuple[Check, ...]]:
    """The pattern as checks when every token of it is exact values or sets of values ({"IN": [...]},
    {"NOT_IN": [...]}) of known columns; None when one has an operator, a regular expression, a
    comparison or another attribute."""
    if not pattern:
        return None
    checks = []
    for position, spec in enumerate(pattern):
        if not isinstance(spec, dict) or not spec:
            return None
        for attr, value in spec.items():
            name = attr.upper() if isinstance(attr, str) else None
            name = "ORTH" if name == "TEXT" else name
            if name not in COLUMNS:
                return None
            if isinstance(value, dict):
                if len(value) != 1 or next(iter(value)) not in SET_OPERATORS:
                    return None
                operator, values = next(iter(value.items()))
                if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                    return None
                check: Check = (position, _column(name, columns), SET_OPERATORS[operator],
                                numpy.array([vocab.strings.add(v) for v in values], dtype=numpy.uint64))
            elif isinstance(value, (str, bool)):
                check = (position, _column(name, columns), "==",
                         int(value) if isinstance(value, bool) else vocab.strings.add(value))
            else:
                return None
            checks.append(check)
    return tuple(checks)


def _column(name: str, columns: list[str]) -> int:
    if name not in columns:
        columns.append(name)
    return columns.index(name)


def speed_up_attribute_ruler(nlp: Any) -> None:
    """Give the pipeline's attribute ruler, if any, the table matcher (its matches unchanged)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not hasattr(ruler, "matcher") or not hasattr(ruler, "attrs") or isinstance(ruler.__dict__.get("match"), AttributeMatches):
        return
    matches = fast_matches(ruler)
    if matches is not None:
        ruler.match = matches
