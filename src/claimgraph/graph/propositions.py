"""What a statement asserts, as keys that survive rewording: "9 people died" and "the blast on Monday
killed 9 and hurt 14" share `kill:9`; "she waved a knife at the guards", "she raised a blade toward them" and
"she did not wave the knife" share `threaten:weapon` (words in graph/data/propositions.yaml).

Embedding similarity alone does not tell the same account worded apart from another claim of the same story
(docs/graph.md); two statements of one story that share such a key are one claim when their words are at least
loosely related (graph/scoring.py)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import yaml

from claimgraph.graph.keys import fold
from claimgraph.lang import LANG_DIR
from claimgraph.yaml_words import load_yaml_file

DATA = Path(__file__).parent / "data" / "propositions.yaml"
# "1,500" and «70 000» (thousands set apart by a space) are one figure each.
# A comma or full stop may follow the figure ("reached 70 000, officials said") unless a digit follows it.
_TOKEN = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|[,.]\d)|\d[\d,]*(?:\.\d+)?|[\w\-\.']+", re.UNICODE)
_SPACE = re.compile(r"[ \u00a0\u202f]")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_NOT = re.compile(r"n['\u2019]t\b", re.IGNORECASE)  # "didn't", "didn’t": folding would cut them into "didn", "t"
# How far from a count's word its figure may stand (words before, words after), and an act's object.
BEFORE, AFTER, OBJECT_WINDOW = 6, 4, 4
# Words after which a figure belongs to the next clause ("killed and 20 wounded").
LINKS = frozenset({"and", "et", "while", "but", "alors", "mais", "as"})
# The figure of a count said to be nought ("no one was killed", "there were no casualties").
ZERO = "0"
# How far before a count word a negation still makes it nought ("she saw no casualties").
NEGATION_REACH = 3
# The figure of harm reported with none ("reported deaths": `kill:some`), which only a nought answers.
SOME = "some"
# The key prefix of an occurrence a story tells beside its main event ("a landslide": `occurred:landslide`).
OCCURRENCE = "occurred"
# The key prefix of a bare headcount: a content that is only a figure of people ("at least 50 people", the count word
# in the sentence around the quote: "the Velmora Herald reckons "at least 50 people," were hurt"): `people:50`.
HEADCOUNT = "people"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data = dict(yaml.safe_load(DATA.read_text(encoding="utf-8")))

    def table(section: str) -> dict[str, str]:
        return {fold(w): name for name, per_lang in data[section].items() for forms in per_lang.values() for w in forms}

    numbers = {fold(str(w)): str(v) for per_lang in data["numbers"].values() for w, v in per_lang.items()}
    def word_list(section: str) -> set[str]:
        return {fold(w) for per_lang in data[section].values() for w in per_lang}

    return {"counts": table("counts"), "acts": table("acts"), "objects": table("objects"), "numbers": numbers,
            "judgements": table("judgements"), "zero": word_list("zero_words"), "negations": word_list("negations"),
            "counting": word_list("counting_words"), "covers": dict(data["covers"]),
            "negated_acts": table("negated_acts"), "determiners": word_list("object_determiners"),
            "participles": word_list("participles"), "filler": word_list("run_filler"),
            "privative": {tuple(_TOKEN.findall(fold(w))) for per_lang in data["privative"].values() for w in per_lang},
            "phrases": {tuple(_TOKEN.findall(fold(w))): key for key, per_lang in data.get("phrases", {}).items()
                        for forms in per_lang.values() for w in forms},
            "occurrences": {tuple(_TOKEN.findall(fold(w))): f"{OCCURRENCE}:{name}"
                            for name, per_lang in data.get("occurrences", {}).items()
                            for forms in per_lang.values() for w in forms},
            "implies": dict(data["implies"]), "count_names": frozenset(data["counts"]),
            "subject_ends": word_list("subject_ends"), "speech_ends": word_list("speech_ends"),
            "subject_links": word_list("subject_links"), "unit_only": word_list("unit_only"),
            "length_counts": frozenset(data["length_counts"]), "readings": frozenset(data.get("readings", ())), "bare": frozenset(data.get("bare_counts", ())),
            "ones": {fold(w): "1" for per_lang in data["one_articles"].values() for w in per_lang},
            "sum_links": word_list("sum_links"), "month_then_day": list(data["month_then_day"]), "people": word_list("people_nouns"),
            "headcount_words": word_list("headcount_words"), "headcount_counts": frozenset(data["headcount_counts"]),
            "headcount_auxiliaries": word_list("headcount_auxiliaries"),
            "units": {fold(w): float(v) for per_lang in data["length_units"].values() for w, v in per_lang.items()}}


def _negation(token: str) -> bool:
    return token in _data()["negations"] or token.endswith("n't")


def _zero(token: str) -> bool:
    """A word that makes the count after it nought ("no", "not", "didn't", «aucun»)."""
    return token in _data()["zero"] or _negation(token)


def _zero_before(tokens: list[str], j: int, i: int) -> bool:
    """Whether the word at `j` makes the count word at `i` nought: a quantifier not itself counted ("no one",
    «aucun»; not «une personne»), or a negation close before it ("were not killed", «n'a pas fait de morts»)."""
    token = tokens[j]
    if token in _data()["zero"]:
        return not (j > 0 and (tokens[j - 1] in _data()["counting"] or _number(tokens[j - 1]) is not None))
    return _negation(token) and i - j <= NEGATION_REACH


def _number(token: str) -> Optional[str]:
    plain = re.sub(r"[, \u00a0\u202f]", "", token).rstrip(".")
    if _FIGURE.fullmatch(plain):
        return plain.lstrip("0") or "0"  # "12", "6.1"
    return _data()["numbers"].get(token)


# Lengths told in several units ("12 kilometres (7.5 miles)", "300 metres", "984 feet"): a figure followed by a length
# unit is keyed in kilometres (propositions.yaml `length_units`), so two wire copies in two units meet.
def _unit(tokens: list[str], j: int) -> Optional[float]:
    return _data()["units"].get(tokens[j + 1]) if j + 1 < len(tokens) else None


def _in_km(tokens: list[str], j: int, figure: str) -> str:
    per_km = _unit(tokens, j)
    if per_km is None or per_km == 1 or not figure.replace(".", "", 1).isdigit():
        return figure
    km = float(figure) * per_km
    return str(round(km)) if km >= 1 else f"{km:.1g}"


def _summed(tokens: list[str], j: int, figure: str) -> str:
    """The figure at `j` added to the one a conjunction joins it to ("three miners and one driver died": 4;
    "a boy and two nurses were hurt": 3): one count told by its parts, each a figure and a noun of people
    (`people_nouns`; not "5 houses and 12 people", nor a year: "in 2019 and 40 people")."""
    data = _data()
    if j < 3 or tokens[j - 1] not in data["sum_links"] or not figure.isdigit():
        return figure
    if j + 1 >= len(tokens) or tokens[j + 1] not in data["people"] or tokens[j - 2] not in data["people"]:
        return figure
    first = _number(tokens[j - 3]) or data["ones"].get(tokens[j - 3])
    return str(int(first) + int(figure)) if first is not None and first.isdigit() else figure


def _figure(tokens: list[str], i: int) -> Optional[str]:
    """The figure of the count word at `i`: the nearer of the last number before it ("12 people were killed")
    and the first after it, up to the next link word or count ("killed 12 people and injured 20")."""
    data = _data()
    unit_only = tokens[i] in data["unit_only"]  # "12 km deep", not "a deep ravine"
    counts_lengths = data["counts"][tokens[i]] in data["length_counts"]  # a depth is a length; a toll is not
    before, linked = [], False
    for j in range(i - 1, max(0, i - BEFORE) - 1, -1):  # nearest first: "12 killed and no injuries", "no one was killed"
        if _zero_before(tokens, j, i):
            before.append((i - j, ZERO))
            break
        linked = linked or tokens[j] in LINKS
        if (n := _number(tokens[j])) is not None:
            if unit_only and _unit(tokens, j) is None:
                break
            if not counts_lengths and _unit(tokens, j) is not None:
                continue  # "at a depth of 12 kilometres, injured 200": a length counts no one
            before.append((i - j, ZERO if j > 0 and _zero(tokens[j - 1]) else _in_km(tokens, j, _summed(tokens, j, n))))
            break
    after = []
    for j in range(i + 1, min(len(tokens), i + 1 + AFTER)):
        if tokens[j] in LINKS or tokens[j] in data["counts"]:
            break
        if (n := _number(tokens[j])) is not None:
            if unit_only and _unit(tokens, j) is None:
                break
            if not counts_lengths and _unit(tokens, j) is not None:
                continue
            after.append((j - i, _in_km(tokens, j, n)))
            break
    if linked and after:  # "injured 200 people and damaged 300 houses": the figure before is the other count's
        return after[0][1]
    near = before + after
    return min(near)[1] if near else None


@lru_cache(maxsize=16_384)
def proposition_keys(text: Optional[str]) -> frozenset[str]:
    """The keys of what `text` asserts: `<count>:<figure>` for each count it gives a figure to, and
    `<act>:<object>` for each act it names with its object; empty when it says none of these.

    A clause set off by commas that opens with a relative word ("The storm, which reached the coast at 6 am, flooded
    some 400 homes": `aside_openers`) recalls what the story already told: when the rest of the
    sentence asserts something, the aside's figures are not what the statement asserts."""
    if not text:
        return frozenset()
    keys = _keys(asserted_text(text))
    if not keys and (head := _headcount(text)):
        return frozenset({f"{HEADCOUNT}:{head}"})
    if not keys and (told := _told_headcount(text)):  # '"at least 10 people," were arrested': `arrested:10`
        return frozenset({told})
    if not keys and (bare := bare_count(text)):  # "reported deaths": some killed
        return frozenset(f"{c}:{SOME}" for c in (_data()["covers"].get(bare) or (bare,)))  # casualties: both
    if _recalls_only(text):  # its figures are the recalled event's; an act it tells there is still its own
        return frozenset(k for k in keys if not is_count(k))
    return keys


def _headcount(text: str) -> Optional[str]:
    """The figure of a content that is only a figure of people ("at least 50 people", «au moins 50 personnes»), else
    None: its count is in the words around the quote, so it meets the story's count of that figure."""
    tokens = [t for t in _tokens(text) if t not in _data()["counting"] and t not in _data()["headcount_words"]]
    if len(tokens) != 2 or tokens[1] not in _data()["people"]:
        return None
    figure = _number(tokens[0])
    return figure if figure not in (None, ZERO) else None


# The words right after a quote: closing marks and commas, then words up to the next other mark.
_AFTER_QUOTE = re.compile(r"""^[\s"'\u201d\u2019\u00bb,]*([^\W\d_]+(?:[\s\u00a0]+[^\W\d_]+){0,3})""", re.UNICODE)


def with_count_verb(content: str, after: str) -> str:
    """A bare headcount's content read with the verb its sentence gives right after the quote ('"at least 10
    people," were arrested': the auxiliaries of propositions.yaml `headcount_auxiliaries` and the word after them);
    any other content as it is. A headcount so read keys on its verb: "were killed" is `kill:10`, "were arrested"
    nothing a count of the dead meets."""
    found = _AFTER_QUOTE.match(after) if _headcount(content) else None
    if found is None:
        return content
    told = found.group(1).split()
    aux = next((i for i, w in enumerate(told) if fold(w) not in _data()["headcount_auxiliaries"]), len(told))
    return f"{content} {' '.join(told[:aux + 1])}" if 0 < aux < len(told) else content


def _told_headcount(text: str) -> Optional[str]:
    """A headcount read with a verb that is no count of propositions.yaml ('"at least 10 people," were arrested',
    `with_count_verb`): `<verb>:<figure>`, which meets the same verb's figure and contradicts a count of the dead."""
    data = _data()
    tokens = [t for t in _tokens(text) if t not in data["counting"] and t not in data["headcount_words"]]
    if len(tokens) < 4 or tokens[1] not in data["people"] or not all(t in data["headcount_auxiliaries"] for t in tokens[2:-1]):
        return None
    figure = _number(tokens[0])
    return f"{tokens[-1]}:{figure}" if figure not in (None, ZERO) else None


def bare_count(text: Optional[str]) -> Optional[str]:
    """The count a content reports with no figure when it is that count's word alone ("deaths": "kill"), of the counts
    of harm (propositions.yaml `bare_counts`); else None."""
    tokens = [t for t in _tokens(text or "") if t not in _data()["counting"]]
    count = _data()["counts"].get(tokens[0]) if len(tokens) == 1 else None
    return count if count in _data()["bare"] else None


# Words a statement tells before a clause recalling the story's event, at least (propositions.yaml `recall_openers`).
RECALL_AFTER = 3


def _recalls_only(text: str) -> bool:
    """Whether a statement's figures all stand in a clause recalling the story's event after what it tells ("no early
    word of harm after the tremor hit 8 km down"): what it tells gives none. An
    act in the clause stays the statement's ("officers fired after he pointed a gun at them": `threaten:weapon`)."""
    folded = fold(text)  # «après»
    match = _recall().search(folded)
    if match is None or len(_TOKEN.findall(folded[:match.start()])) < RECALL_AFTER:
        return False
    return not _keys(asserted_text(folded[:match.start()]))


@lru_cache(maxsize=1)
def _recall() -> re.Pattern[str]:
    openers = "|".join(sorted(re.escape(w).replace(r"\ ", r"\s+") for per_lang in yaml.safe_load(
        DATA.read_text(encoding="utf-8")).get("recall_openers", {}).values() for w in per_lang))
    return re.compile(rf"\b(?:{openers})\b", re.IGNORECASE)


@lru_cache(maxsize=65_536)
def asserted_text(text: str) -> str:
    """`text` without its asides ("..., which reached the coast at 6 am, ...") when the rest asserts something
    (a figure or an act): what the statement tells, to be keyed and compared on its words."""
    main = _aside().sub(" ", text)
    return main if main != text and _keys(main) else text


@lru_cache(maxsize=1)
def _aside() -> re.Pattern[str]:
    openers = "|".join(sorted(re.escape(w) for per_lang in yaml.safe_load(DATA.read_text(encoding="utf-8"))
                              ["aside_openers"].values() for w in per_lang))
    return re.compile(rf",\s*(?:{openers})\b[^,;.]*,", re.IGNORECASE)


def _keys(text: str) -> frozenset[str]:
    data, out = _data(), set()
    tokens = []
    for token in _tokens(text):  # "5.4-magnitude", "magnitude-5.4": a figure run into its count word
        if token.endswith(".") and "." not in token[:-1]:  # "were killed." ends a sentence; "u.s." stays
            token = token[:-1]
        if (unit := re.fullmatch(r"(\d+(?:\.\d+)?)(km|mi)", token)):  # "10km"
            tokens += [unit.group(1), unit.group(2)]
            continue
        parts = token.split("-")
        tokens += parts if len(parts) > 1 and any(p in data["counts"] for p in parts) else [token]
    for phrase, key in (*data["phrases"].items(), *data["occurrences"].items()):  # "he was unarmed", "a landslide"
        if any(tuple(tokens[i:i + len(phrase)]) == phrase for i in range(len(tokens) - len(phrase) + 1)):
            out.add(key)
    for i, token in enumerate(tokens):
        count = data["counts"].get(token)
        if count is not None:
            figure = _figure(tokens, i)
            if figure is not None:
                out.add(f"{count}:{figure}")
                if figure == ZERO:  # "no casualties": no one killed, no one hurt
                    out |= {f"{covered}:{ZERO}" for covered in data["covers"].get(count, ())}
        judgement = data["judgements"].get(token) or data["judgements"].get(" ".join(tokens[i:i + 2]))
        if judgement is not None:
            out.add(f"judge:{judgement}")
        act = data["acts"].get(token)
        if act is None and token in data["negated_acts"] and any(_negation(t) for t in tokens[max(0, i - 2):i]):
            thing = _own_object(tokens, i)  # "did not have a gun", «n'avait pas d'arme»; not "his gun drawn"
            if thing is not None:
                negated = data["negated_acts"][token]
                out |= {f"{a}:{thing}" for a in (negated, *data["implies"].get(negated, ()))}
            continue
        if act is not None:
            around = tokens[max(0, i - OBJECT_WINDOW):i] + tokens[i + 1:i + 1 + OBJECT_WINDOW]
            for thing in {data["objects"][t] for t in around if t in data["objects"]}:
                out |= {f"{a}:{thing}" for a in (act, *data["implies"].get(act, ()))}
    return frozenset(_harm_over_readings(out))


def _harm_over_readings(keys: set[str]) -> set[str]:
    """A statement giving harm beside the event's readings ("a 5.4-magnitude quake struck, killing at least one") is
    about the harm: its readings recall the event, as an aside does (propositions.yaml `readings`)."""
    readings = _data()["readings"]
    if any(is_count(k) and k.split(":")[0] not in readings for k in keys):
        return {k for k in keys if k.split(":")[0] not in readings}
    return keys


def _tokens(text: str) -> list[str]:
    """The words and figures of `text`; a figure set apart by a space right after a month name of a language that
    writes the day after the month ("March 5 150 people") is the day and the next figure, not one figure."""
    out: list[str] = []
    for token in _TOKEN.findall(fold(_NOT.sub(" not", text))):
        if out and out[-1].rstrip(".") in _day_months() and _SPACE.search(token):
            out += _SPACE.split(token, maxsplit=1)
        else:
            out.append(token)
    return out


@lru_cache(maxsize=1)
def _day_months() -> frozenset[str]:
    """The month names (lang/<code>/time.yaml `months`) of the languages in propositions.yaml `month_then_day`."""
    out: set[str] = set()
    for code in _data()["month_then_day"]:
        months = (load_yaml_file(LANG_DIR / code / "time.yaml") or {}).get("months") or []
        out |= {fold(str(m).replace("\\", "")).rstrip(".") for m in months}
    return frozenset(out)


def _own_object(tokens: list[str], i: int) -> Optional[str]:
    """The object of the negated act at `i` when the act has one of its own: the next word ("guns"), or the one
    after a determiner ("a gun", "any weapons", «pas d'arme»), not followed by a participle ("his gun drawn")."""
    data, j = _data(), i + 1
    while j < len(tokens) and _negation(tokens[j]):  # «n'avait pas d'arme»
        j += 1
    if j < len(tokens) and tokens[j] in data["determiners"]:
        j += 1
    thing = data["objects"].get(tokens[j]) if j < len(tokens) else None
    after = tokens[j + 1] if j + 1 < len(tokens) else ""
    if thing is None or after in data["participles"] or (len(after) > 3 and after.endswith("ed")):
        return None
    return thing


@lru_cache(maxsize=16_384)
def privative_polarity(text: Optional[str]) -> Optional[str]:
    """The polarity a statement's words give its key when they tell having nothing ("the protesters were unarmed":
    "negative", it denies `carry:weapon`; "he was not unarmed": "positive"); None when they tell no such thing
    (then the statement's own polarity stands)."""
    if not text:
        return None
    tokens = _tokens(text)
    for phrase in _data()["privative"]:
        for i in range(len(tokens) - len(phrase) + 1):
            if tuple(tokens[i:i + len(phrase)]) == phrase:
                negated = any(_negation(t) for t in tokens[max(0, i - NEGATION_REACH):i])
                return "positive" if negated else "negative"
    return None


def filler_words() -> frozenset[str]:
    """Words a shared run of words may hold without telling anything (function words, stock phrases' words)."""
    return frozenset(_data()["filler"])



def is_count(key: str) -> bool:
    """Whether a key gives a count's figure ("kill:12"), not an act or a charge ("carry:weapon", "judge:murder")."""
    return key.split(":")[0] in _data()["count_names"]


def subject_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words that end a statement's subject, the speech verbs, and the words linking a subject to its verb
    (propositions.yaml; graph/statement_subjects.py)."""
    data = _data()
    return frozenset(data["subject_ends"]), frozenset(data["speech_ends"]), frozenset(data["subject_links"])


def data_words(section: str) -> frozenset[str]:
    """One word list of propositions.yaml as read (`readings`, `people_nouns`, ...), for graph/proposition_match.py."""
    return frozenset(_data()[section])
