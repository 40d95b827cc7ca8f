"""Which words of a sentence can name an event's participants.

The tests a role filler asks of a word before it takes it for a role: can it
stand for someone ("the Russian army", a name, a pronoun), does it refer at all
("à la Russie" does, "à double usage" does not), which name does a description
carry ("au fabricant russe IEMZ Kupol"), which noun does an ownership noun
describe.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from claimgraph.extract.event.lexicon import EventLexicon
from claimgraph.extract.event.syntax import NOMINAL_POS, any_subject, prepositional_phrases, preposition_of, subject_of
from claimgraph.extract.event.triggers import Trigger
from claimgraph.extract.parse_table import morph_values

# spaCy labels of "Russian", "chinois": a noun they qualify names a participant even without an article.
NATIONALITY_LABELS = frozenset({"NORP", "GPE"})
# spaCy labels (English and French models) of words that stand for someone: « les Européens » is LOC.
ACTOR_LABELS = frozenset({"ORG", "GPE", "NORP", "PERSON", "PER", "LOC"})


def is_quantity(word: Token) -> bool:
    """"50 %", "20%", "two thirds": an amount, which no place or participant is."""
    return word.ent_type_ in ("PERCENT", "MONEY", "QUANTITY") or word.text == "%" or (
        word.pos_ == "NUM" and not any(c.pos_ in ("NOUN", "PROPN") for c in word.children))


def _in_headline(token: Token) -> bool:
    """Whether `token` is in a headline: a sentence that ends with no punctuation."""
    words = [t for t in token.sent if not t.is_space]
    return bool(words) and not words[-1].is_punct


class ParticipantWords:
    """Word tests over one document's entities, shared by the role filler."""

    def __init__(self, lexicon: EventLexicon, entity_tokens: set[int],
                 thing_tokens: frozenset[int] | set[int] = frozenset()) -> None:
        self.lexicon = lexicon
        self.entity_tokens = entity_tokens
        self.thing_tokens = thing_tokens  # inside a named product ("the Garpiya-3"): no actor

    def _actor(self, noun: Token) -> bool:
        """Whether a noun can stand for someone who acts or receives: a named organisation, place
        or person, a pronoun, or a noun for people or organisations ("the Russian army", "Iran")."""
        if noun.i in self.thing_tokens:
            return False
        if noun.i in self.entity_tokens or noun.pos_ in ("PROPN", "PRON") or self._collective_or_named(noun) \
                or noun.ent_type_ in ACTOR_LABELS:
            return True  # a name, a pronoun, « les Européens »
        return noun.lemma_.lower() in self.lexicon.actor_nouns

    def _collective_or_named(self, word: Token) -> bool:
        """A modifier that names an actor: a name, a nationality, or a group of states ("Western")."""
        return word.i in self.entity_tokens or word.ent_type_ in NATIONALITY_LABELS \
            or word.lemma_.lower() in self.lexicon.collective_actors or word.lower_ in self.lexicon.collective_actors

    def _referential(self, noun: Token) -> bool:
        """Whether a noun can name a participant: a name, a pronoun, a determined or plural noun.

        "à la Russie", "to Kupol", "aux forces russes" can; "à double usage",
        "à longue portée" (bare singular modifiers) cannot.
        """
        if noun.i in self.entity_tokens or noun.pos_ in ("PROPN", "PRON"):
            return True
        if any(c.dep_ in ("det", "poss", "nummod", "det:poss") for c in noun.children):
            return True
        if any(c.lower_ in self.lexicon.contractions and c.lower_ not in ("d'", "l'") for c in noun.children):
            return True
        if any(c.ent_type_ in NATIONALITY_LABELS and c.i < noun.i for c in noun.subtree):
            return True  # headline style, no article: "to Russian drone maker"
        if (noun.lemma_.lower() in self.lexicon.actor_nouns or any(
                c.dep_ in self.lexicon.dep("compound") and c.i < noun.i for c in noun.children)) and _in_headline(noun):
            return True  # a headline drops articles: "air attack on refugee camp", "sold rifles to militia"
        return "Plur" in morph_values(noun, "Number") or noun.tag_ in ("NNS", "NNPS")

    def _is_relative(self, token: Token) -> bool:
        # "weapons that the army has used": the parser may tag the relative "that" as a conjunction
        return "Rel" in morph_values(token, "PronType") or token.tag_ in ("WDT", "WP") or (
            token.pos_ == "SCONJ" and token.head.dep_ in self.lexicon.dep("relative") and token.i < token.head.i)

    def _denies_a_claim(self, trigger: Trigger, item: Optional[tuple[Token, bool]]) -> bool:
        """Whether a DENY trigger turns down something said: "rejected the accusations" (the restricted
        verbs need a claim noun), not "rejected the proposal", nor "refuted the idea of a loan" (a proposal
        noun with no clause saying what it holds)."""
        lex = self.lexicon
        if trigger.lemma in lex.deny_restricted and (
                item is None or (not item[1] and item[0].lemma_.lower() not in lex.deny_objects)):
            return False
        return item is None or item[0].lemma_.lower() not in lex.proposal_nouns or any(
            c.dep_ in lex.dep("clause") and c.pos_ in ("VERB", "AUX") for c in item[0].children)

    def _marked(self, clause: Token) -> bool:
        return any(c.dep_ == "mark" for c in clause.children)

    def _nested_phrases(self, obj: Token) -> list[tuple[str, Token]]:
        """PPs on the object and on the nouns it is made of: "une vingtaine de moteurs à IEMZ Kupol"
        hangs the recipient two levels down, sometimes under a label the parser invented."""
        lex = self.lexicon
        found = [(prep, noun) for prep, noun, _ in prepositional_phrases(obj, lex)]
        for inner in [c for c in obj.children if c.pos_ in NOMINAL_POS and c.i > obj.i]:
            found += [(prep, noun) for prep, noun, _ in prepositional_phrases(inner, lex)]
            for noun in inner.children:  # a PP read as a clause or modifier ("à IEMZ Kupol" as acl)
                prep = preposition_of(noun, lex)
                if prep and noun.pos_ in NOMINAL_POS and noun.dep_ not in lex.dep("oblique"):
                    found.append((prep, noun))
        return found

    def _named_by(self, noun: Token) -> Optional[Token]:
        """The word that names whom `noun` stands for: the noun itself when it is a name or
        carries one, or the name right after a description ("au fabricant russe IEMZ Kupol",
        even when the parser hung the name elsewhere)."""
        if noun.i in self.entity_tokens or noun.pos_ == "PROPN":
            return noun
        if any(c.i in self.entity_tokens and c.pos_ == "PROPN" and c.i > noun.i for c in noun.children):
            return noun
        following = max(t.i for t in noun.subtree) + 1
        doc = noun.doc
        if following < len(doc) and following in self.entity_tokens:
            name = doc[following]
            while name.i + 1 in self.entity_tokens and name.pos_ != "PROPN":
                name = doc[name.i + 1]
            return name if name.pos_ == "PROPN" else None
        return None

    def _bearer(self, trigger: Trigger) -> Optional[Token]:
        """The noun a role noun ("subsidiary", "recipient") describes: apposition, copula subject, the
        name it is a title of, or the name before its comma."""
        lex = self.lexicon
        noun = trigger.head
        if noun.dep_ in lex.dep("appos") and noun.head.pos_ in NOMINAL_POS:
            return noun.head
        subject = subject_of(noun, lex)
        if subject is not None:
            return subject
        if noun.dep_ in ("attr",) and subject_of(noun.head, lex) is not None:
            subject = subject_of(noun.head, lex)
            if subject is not None and self._is_relative(subject) and noun.head.dep_ in lex.dep("relative"):
                # "Duke, which was a recipient of ...": the noun the relative describes, the whole
                # coordination when it hangs on the last name ("Duke and the University of X, which ...")
                return self._coordination_head(noun.head.head)
            return subject
        if noun.dep_ in lex.dep("compound") and noun.head.pos_ == "PROPN" and noun.head.i > noun.i:
            return noun.head  # "Virgin owner Richard Branson": the title before a name
        # "IEMZ Kupol, une filiale de ...": the name right before the comma.
        doc = noun.doc
        for named in (c for c in noun.children if c.i < noun.i and c.i in self.entity_tokens):
            if any(t.text == "," for t in doc[named.i + 1:noun.i]):
                return named  # the parser hung the name on the noun that describes it
        first = min(t.i for t in noun.subtree if t.i <= noun.i)
        j = first - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        if j >= 1 and doc[j].text == "," and doc[j - 1].i in self.entity_tokens:
            return doc[j - 1]
        return None

    def _coordination_head(self, word: Token) -> Token:
        """The first conjunct of the coordination `word` ends ("A and the University of B": A), climbing
        out of a name's own prepositional phrase ("of B"); `word` itself when it is in none."""
        lex = self.lexicon
        top = word
        while top.dep_ in lex.dep("pobj") and top.head.dep_ in lex.dep("prep") and top.head.head.pos_ == "PROPN":
            top = top.head.head
        while top.dep_ in lex.dep("conj"):
            top = top.head
        return top if any(c.dep_ in lex.dep("conj") for c in top.children) else word

    def _named(self, head: Token) -> Token:
        """"un nouveau modèle de drone appelé Garpiya-3": the item is the name."""
        for child in head.children:
            if child.lemma_.lower() in self.lexicon.naming_words:
                for name in child.subtree:
                    if name.i != child.i and name.i in self.entity_tokens and name.pos_ == "PROPN":
                        return name
        return head

    def _adjectives_after(self, noun: Token) -> list[Token]:
        """« des frappes russes », whatever word the parser hung « russes » on: the adjectives
        right after the noun."""
        found = []
        for word in noun.doc[noun.i + 1:noun.i + 3]:
            if word.pos_ != "ADJ":
                break
            found.append(word)
        return found

    def _participle_pps(self, noun: Token) -> list[tuple[str, Token, Token]]:
        """« les sanctions prises contre la Russie », "sanctions adopted by Europe", « l'embargo imposé
        sur le gaz »: a participle after the trigger noun carries the noun's own participants."""
        lex = self.lexicon
        found: list[tuple[str, Token, Token]] = []
        for modifier in noun.children:
            if modifier.i > noun.i and modifier.dep_ in lex.dep("clause") and modifier.dep_ not in lex.dep("relative") \
                    and modifier.pos_ in ("VERB", "ADJ", "NOUN") and any_subject(modifier, lex) is None:
                found += [(p, n, d) for p, n, d in prepositional_phrases(modifier, lex)
                          if not (d.dep_ in lex.dep("passive_agent") and p not in ("par", "by"))]
                # « des sanctions affectant le gaz », "sanctions targeting banks": the participle itself is
                # the preposition of the type's table (noun_preps: affectant, targeting)
                found += [(modifier.lower_, o, modifier) for o in modifier.children if o.dep_ in lex.dep("object")]
        return found
