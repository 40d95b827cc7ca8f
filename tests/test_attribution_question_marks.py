"""Only an asking cue leaves its opening "whether"/« si » out of the content (ANNOTATION 1.9); a condition
inside a that/que clause, or a "whether" clause that is the subject of the content, stays. Invented sentences."""
from __future__ import annotations

from typing import Any

import pytest
from attribution_checks import only_record


@pytest.fixture(scope="module")
def analyse(analyzer):  # type: ignore[no-untyped-def]
    def read(text: str, lang: str = "en") -> list[dict[str, Any]]:
        return [a.to_dict() for a in analyzer.analyze_text(text, lang=lang).attributions]
    return read


@pytest.mark.parametrize("lang,text,content", [
    ("fr", "La porte-parole a déclaré que si le convoi franchissait la frontière, le gouvernement protesterait.",
     "si le convoi franchissait la frontière, le gouvernement protesterait"),
    ("fr", "Le général a affirmé que s'il le fallait, l'armée rappellerait ses réservistes.",
     "s'il le fallait, l'armée rappellerait ses réservistes"),
    ("en", "The spokeswoman said that if the convoy crossed the border, the government would protest.",
     "if the convoy crossed the border, the government would protest"),
    ("en", "The mayor said whether the bridge reopens depends on the engineers.",
     "whether the bridge reopens depends on the engineers"),
])
def test_a_condition_or_subject_clause_keeps_its_mark(analyse, lang: str, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    record = only_record(analyse(text, lang), content.split(",")[0].split()[-1])
    assert record["content"]["text"] == content


@pytest.mark.parametrize("lang,text,content", [
    ("en", "Journalists asked whether the harbour had been closed.", "the harbour had been closed"),
    ("fr", "Les habitants se demandent si le barrage tiendra.", "le barrage tiendra"),
])
def test_an_asking_cue_leaves_out_its_opening_mark(analyse, lang: str, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    record = only_record(analyse(text, lang), content.split()[1])
    assert (record["content"]["text"], record["certainty"]) == (content, "underspecified")
