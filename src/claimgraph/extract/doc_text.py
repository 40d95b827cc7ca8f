"""The text of a parsed Doc, built once: spaCy's `Doc.text` joins every token again on each access."""
from __future__ import annotations

from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc, Span, Token

TEXT_KEY = "claimgraph.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc and kept in its user_data. Extraction never changes the
    tokens, so the cached string stays exact; an article of a few thousand short sentences
    otherwise took minutes (one join of the whole Doc per cue, per trigger, per mention)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


SENTENCE_STARTS_KEY = "claimgraph.sentence_starts"


def sentence_starts(doc: Doc) -> list[int]:
    """`token.sent.start` of every token by its index, built once per Doc: `token.sent` walks to its
    sentence's bounds token by token on each access, which per token of a loop is quadratic in the
    sentence's length. The parse's sentences never change once extraction starts."""
    starts: list[int] = doc.user_data.get(SENTENCE_STARTS_KEY)
    if starts is None:
        starts = []
        for sentence in doc.sents:
            starts.extend([sentence.start] * (sentence.end - sentence.start))
        doc.user_data[SENTENCE_STARTS_KEY] = starts
    return starts


SENTENCE_ENDS_KEY = "claimgraph.sentence_ends"


def sentence_of(token: Token) -> Span:
    """`token.sent` from the sentence bounds built once per Doc: `token.sent` walks from the token to
    both ends of its sentence on each access (the same Span: its start, end and root)."""
    doc = token.doc
    ends: list[int] = doc.user_data.get(SENTENCE_ENDS_KEY)
    if ends is None:
        ends = []
        for sentence in doc.sents:
            ends.extend([sentence.end] * (sentence.end - sentence.start))
        doc.user_data[SENTENCE_ENDS_KEY] = ends
    return doc[sentence_starts(doc)[token.i]:ends[token.i]]


WORDS_KEY = "claimgraph.words"


def words_of(doc: Doc) -> tuple[list[str], list[str]]:
    """(lowercased lemma, lowercased form) of every token by its index, read once per Doc: the extractors'
    cheap first tests, run for every word, look a word up without making a Token each time."""
    words: tuple[list[str], list[str]] = doc.user_data.get(WORDS_KEY)
    if words is None:
        # `token.lemma_` and `token.lower_` are these strings of the vocabulary, read without making each Token
        strings = doc.vocab.strings
        lemmas, lowers = (doc.to_array([LEMMA, LOWER]).T.tolist() if len(doc) else ([], []))
        words = doc.user_data[WORDS_KEY] = ([strings[h].lower() for h in lemmas], [strings[h] for h in lowers])
    return words


TEXTS_KEY = "claimgraph.texts"


def texts_of(doc: Doc) -> list[str]:
    """`token.text` of every token by its index, read once per Doc without making each Token (a scan over
    every word for a capital or a digit only makes the Tokens that pass)."""
    texts: list[str] = doc.user_data.get(TEXTS_KEY)
    if texts is None:
        strings = doc.vocab.strings
        texts = doc.user_data[TEXTS_KEY] = [strings[h] for h in doc.to_array([ORTH]).ravel().tolist()]
    return texts


BOUNDS_KEY = "claimgraph.token_bounds"


def token_bounds(doc: Doc) -> tuple[dict[int, int], dict[int, int]]:
    """Token index by character offset, built once per Doc: where each token starts ({t.idx: t.i}) and
    where each ends ({t.idx + len(t.text): t.i + 1}, the end of a token range). Several entity stages
    map character spans back to tokens; each built both maps by walking every token."""
    bounds: tuple[dict[int, int], dict[int, int]] = doc.user_data.get(BOUNDS_KEY)
    if bounds is None:
        columns = doc.to_array([IDX, LENGTH]).tolist()
        starts = {start: i for i, (start, _) in enumerate(columns)}
        ends = {start + length: i + 1 for i, (start, length) in enumerate(columns)}
        bounds = doc.user_data[BOUNDS_KEY] = (starts, ends)
    return bounds


LABELS_KEY = "claimgraph.labels"


def labels_of(doc: Doc) -> tuple[list[str], list[str], list[str]]:
    """(`pos_`, `tag_`, `dep_`) of every token by its index, read once per Doc: the cue readers test a word's
    labels before they need the word itself (the vocabulary's strings, as the Token's properties give them)."""
    labels: tuple[list[str], list[str], list[str]] = doc.user_data.get(LABELS_KEY)
    if labels is None:
        strings = doc.vocab.strings
        rows = doc.to_array([POS, TAG, DEP]).T.tolist() if len(doc) else ([], [], [])
        labels = doc.user_data[LABELS_KEY] = tuple([strings[h] for h in row] for row in rows)
    return labels


CHILDREN_KEY = "claimgraph.children"


def children_of(doc: Doc) -> list[list[int]]:
    """The indices of each token's syntactic children in text order (`[c.i for c in token.children]`), read
    once per Doc from the parse's heads."""
    children: list[list[int]] = doc.user_data.get(CHILDREN_KEY)
    if children is None:
        children = [[] for _ in range(len(doc))]
        if len(doc):
            for i, offset in enumerate(doc.to_array([HEAD]).astype("int64").ravel().tolist()):
                if offset:
                    children[i + offset].append(i)
        doc.user_data[CHILDREN_KEY] = children
    return children
