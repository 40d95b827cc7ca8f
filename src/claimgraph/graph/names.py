"""Names in a question that the graph does not know (`brief "Acme Drones"`).

A capitalised word of a question that is no function word (`graph/data/questions.yaml`),
no country or nationality and no surface form the graph has seen is a name; a name given
in part ("Limbach" for "Xiamen Limbach Aircraft Engine") finds the graph's names that hold
it as a whole word. What stays unfound is unknown: a brief for a question that names only
unknown actors says "no evidence found" instead of answering with unrelated claims.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from sqlalchemy import Connection, or_, select

from claimgraph.graph.keys import country_code, fold, nationality
from claimgraph.store import tables as t

QUESTIONS = Path(__file__).parent / "data" / "questions.yaml"
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
# Parts shorter than this are not looked up inside longer names ("Air" would find too much).
MIN_PART = 4
PART_MATCHES = 20


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    data = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    return frozenset(fold(str(w)) for words in data["function_words"].values() for w in words)


def name_runs(question: str) -> list[str]:
    """Runs of capitalised words that may name someone ("Xiamen Limbach", "Acme Drones Ltd")."""
    runs: list[list[str]] = []
    previous_end: int | None = None  # the end of the last token when it was capitalised
    for match in _TOKEN.finditer(question):
        token = match.group().strip(".'’-")
        capital = token[:1].isupper()
        if capital and runs and previous_end is not None and question[previous_end:match.start()].strip() == "":
            runs[-1].append(token)
        elif capital:
            runs.append([token])
        previous_end = match.end() if capital else None
    # "Are", "Is the": question words; a run keeps its function words only after a name ("Acme Drones").
    out = []
    for run in runs:
        while run and fold(run[0]) in function_words():
            run = run[1:]
        if run:
            out.append(" ".join(run))
    return out


def _is_place(run: str) -> bool:
    folded = fold(run)
    return bool(country_code(run) or nationality(run)) and len(folded.split()) <= 3


def _names_holding(connection: Connection, part: str) -> set[str]:
    n = t.graph_names.c.name
    query = (select(t.graph_names.c.key)
             .where(or_(n.like(f"{part} %"), n.like(f"% {part}"), n.like(f"% {part} %"))).limit(PART_MATCHES))
    return set(connection.execute(query).scalars())


def unknown_names(connection: Connection, question: str, keys: set[str]) -> list[str]:
    """The names of `question` the graph knows nothing of; adds to `keys` the names found by a part."""
    known = {fold(r) for r in connection.execute(
        select(t.graph_names.c.name).where(t.graph_names.c.key.in_(sorted(keys)))).scalars()} if keys else set()
    unknown = []
    for run in name_runs(question):
        folded = fold(run)
        padded = f" {folded} "
        if _is_place(run) or any(f" {name} " in padded or padded in f" {name} " for name in known):
            continue
        found: set[str] = set()
        for part in folded.split():
            if len(part) >= MIN_PART and part not in function_words():
                found |= _names_holding(connection, part)
        if found:
            keys.update(found)
        else:
            unknown.append(run)
    return unknown


__all__ = ["name_runs", "unknown_names"]
