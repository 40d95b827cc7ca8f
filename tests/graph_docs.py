"""Hand-built analyses for the graph tests: a `Doc` builder (spans found by their words) and sample articles."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from claimgraph.graph import claim_mentions, select_claim_ids, summaries, sync
from claimgraph.model import Analysis, Argument, Attribution, Document, Entity, Event, Source, Span
from claimgraph.store import SqlStore

# Where words are looked for: their first occurrence, or (words, after) for the first one after an
# offset or after a text ("Russia" after "\n" is the body's Russia, not the headline's).
After = Union[int, str]
Words = Union[str, tuple[str, After]]
# An event argument: (words, entity local id), or (words, entity, after).
Role = Union[tuple[str, Optional[str]], tuple[str, Optional[str], After]]


class Doc:
    """Build one analysis by hand: spans are found in the text by their words."""

    def __init__(self, doc_id: str, text: str, lang: str, date: str, source: Optional[str] = None) -> None:
        self.analysis = Analysis(Document(id=doc_id, text=text, lang=lang, date=date, source=source, title=doc_id))
        self.text = text

    def span(self, words: Words, after: After = 0) -> Span:
        """The first `words` at or after `after`: an offset, or the end of the first occurrence of a text."""
        if not isinstance(words, str):
            words, after = words
        offset = self.text.index(after) + len(after) if isinstance(after, str) else after
        start = self.text.index(words, offset)
        return Span(start, start + len(words), words)

    def entity(self, local: str, name: str, type: str, *surfaces: Words, wikidata: Optional[str] = None) -> str:
        self.analysis.entities.append(Entity(local, name, type, wikidata=wikidata,
                                             mentions=[self.span(s) for s in surfaces]))
        return local

    def attribution(self, local: str, source: Words, source_type: str, content: Words, entity: Optional[str] = None,
                    certainty: str = "certain", polarity: str = "positive", parent: Optional[str] = None) -> str:
        self.analysis.attributions.append(Attribution(local, Source(self.span(source), source_type, entity), None,
                                                      self.span(content), "according_to", certainty, polarity, parent))
        return local

    def event(self, local: str, type: str, trigger: Words, attribution: Optional[str] = None, polarity: str = "positive",
              certainty: str = "certain", **roles: Role) -> None:
        arguments = {role: Argument(self.span(words, *where), entity) for role, (words, entity, *where) in roles.items()}
        self.analysis.events.append(Event(local, type, self.span(trigger), arguments, None, attribution, certainty, polarity))


def times_en() -> Analysis:
    d = Doc("times-en", "Chinese companies have supplied weapons to Russia, according to The Times.", "en", "2024-09-13",
            "Morning Courier")
    d.entity("e1", "Russia", "GPE", "Russia")
    d.entity("e2", "The Times", "ORG", "The Times")
    d.attribution("a1", "The Times", "media", "Chinese companies have supplied weapons to Russia", entity="e2")
    d.event("v1", "SUPPLY", "supplied", "a1", agent=("Chinese companies", None), recipient=("Russia", "e1"),
            item=("weapons", None))
    return d.analysis


def times_fr() -> Analysis:
    d = Doc("times-fr", "Des entreprises chinoises auraient fourni des armes à la Russie, selon le Times.", "fr", "2024-09",
            "Le Matin")
    d.entity("e1", "Russia", "GPE", "Russie")
    d.attribution("a1", "le Times", "media", "Des entreprises chinoises auraient fourni des armes à la Russie",
                  certainty="probable")
    d.event("v1", "SUPPLY", "fourni", "a1", certainty="probable", agent=("Des entreprises chinoises", None),
            recipient=("Russie", "e1"), item=("des armes", None))
    return d.analysis


def government_claim() -> Analysis:
    d = Doc("gov-en", "The Chinese government supplied weapons to Russia, a Western official said.", "en", "2024-09-14")
    d.entity("e1", "Government of China", "ORG", "The Chinese government")
    d.entity("e2", "Russia", "GPE", "Russia")
    d.attribution("a1", "a Western official", "anonymous_person", "The Chinese government supplied weapons to Russia")
    d.event("v1", "SUPPLY", "supplied", "a1", agent=("The Chinese government", "e1"), recipient=("Russia", "e2"),
            item=("weapons", None))
    return d.analysis


WIRE = ("(Reuters) - Xiamen Limbach Aircraft Engine shipped L550E engines to IEMZ Kupol, the maker of the Garpiya-3 "
        "attack drone, documents seen by Reuters show. Kupol did not reply to questions sent by email on Tuesday.")


def wire(doc_id: str, source: str, date: str, extra: str = "") -> Analysis:
    d = Doc(doc_id, WIRE + extra, "en", date, source)
    d.entity("e1", "Xiamen Limbach Aircraft Engine", "ORG", "Xiamen Limbach Aircraft Engine")
    d.entity("e2", "IEMZ Kupol", "ORG", "IEMZ Kupol")
    d.event("v1", "SUPPLY", "shipped", agent=("Xiamen Limbach Aircraft Engine", "e1"), recipient=("IEMZ Kupol", "e2"),
            item=("L550E engines", None))
    return d.analysis


def wire_with_own_source() -> Analysis:
    """A copy of the wire story that adds its own diplomat saying the same."""
    d = Doc("wire-b", WIRE + " A Western diplomat in Brussels said Xiamen Limbach Aircraft Engine shipped engines to "
            "IEMZ Kupol.", "en", "2024-09-26", "Northern Post")
    base = wire("wire-b", "Northern Post", "2024-09-26")
    d.analysis.entities, d.analysis.events = base.entities, base.events
    after = "Brussels said"
    d.attribution("a1", "A Western diplomat in Brussels", "anonymous_person",
                  ("Xiamen Limbach Aircraft Engine shipped engines to IEMZ Kupol", after))
    d.event("v2", "SUPPLY", ("shipped", after), "a1", agent=("Xiamen Limbach Aircraft Engine", "e1", after),
            recipient=("IEMZ Kupol", "e2", after), item=("engines", None, after))
    return d.analysis


def outlet_reports_building(doc_id: str, maker: str, maker_type: str, item: str, where: str, outlet: str,
                            date: str) -> Analysis:
    """An English article in which `outlet` reports that `maker` builds `item` `where` (a PRODUCE event it tells)."""
    content = f"{maker} builds {item} {where}"
    d = Doc(doc_id, f"{content}, the {outlet} reported.", "en", date, outlet)
    d.entity("e1", maker, maker_type, maker)
    d.entity("e2", outlet, "ORG", f"the {outlet}")
    d.attribution("a1", f"the {outlet}", "media", content, entity="e2")
    d.event("v1", "PRODUCE", "builds", "a1", agent=(maker, "e1"), item=(item, None))
    return d.analysis


def denial() -> Analysis:
    d = Doc("deny-en", "Beijing denied the reports. China has never supplied lethal weapons to any party, Lin Jian said.",
            "en", "2024-09-27", "Pacific Ledger")
    d.entity("e1", "Government of China", "ORG", "Beijing")
    d.entity("e2", "China", "GPE", "China")
    d.entity("e3", "Lin Jian", "PERSON", "Lin Jian")
    d.attribution("a1", "Lin Jian", "named_person", "China has never supplied lethal weapons to any party", entity="e3",
                  polarity="negative")
    d.event("v1", "DENY", "denied", agent=("Beijing", "e1"), item=("the reports", None))
    d.event("v2", "SUPPLY", "supplied", "a1", polarity="negative", agent=("China", "e2"), recipient=("any party", None),
            item=("lethal weapons", None))
    return d.analysis


def store_with(tmp_path: Path, analyses: list[Analysis], name: str = "g.db") -> SqlStore:
    store = SqlStore(str(tmp_path / name))
    for analysis in analyses:
        store.put_analysis(analysis)
    sync(store)
    return store


def claims_of(store: SqlStore) -> dict[str, object]:
    with store.engine.connect() as connection:
        return {c.id: c for c in summaries(connection, select_claim_ids(connection, limit=100))}


def limbach_supply(doc_id: str, name: str, text: str, date: str) -> Analysis:
    """An engine maker (named `name`, written as the text's first words) supplying IEMZ Kupol."""
    surface = text.split(" shipped")[0]
    d = Doc(doc_id, text, "en", date, f"Outlet {doc_id}")
    d.entity("e1", name, "ORG", surface, wikidata="Q99999901")  # one (wrong) QID: the store merges the two makers
    d.entity("e2", "IEMZ Kupol", "ORG", "IEMZ Kupol")
    d.event("v1", "SUPPLY", "shipped", agent=(surface, "e1"), recipient=("IEMZ Kupol", "e2"), item=("engines", None))
    return d.analysis


def makers() -> list[Analysis]:
    return [limbach_supply("xiamen", "Xiamen Limbach Aircraft Engine",
                           "Xiamen Limbach Aircraft Engine shipped L550E engines to IEMZ Kupol last spring.", "2024-09-25"),
            limbach_supply("flugmotoren", "Limbach Flugmotoren",
                           "Limbach Flugmotoren shipped engines to IEMZ Kupol, a German court heard.", "2024-09-26")]


def state_supply(doc_id: str, lang: str, text: str, agent: str, item: str) -> Analysis:
    d = Doc(doc_id, text, lang, "2024-10-01", f"Outlet {doc_id}")
    d.entity("e1", "China", "GPE", agent)
    d.entity("e2", "Russia", "GPE", "Russia" if lang == "en" else "Russie")
    d.event("v1", "SUPPLY", text.split()[1], agent=(agent, "e1"), recipient=("Russia" if lang == "en" else "Russie", "e2"),
            item=(item, None))
    return d.analysis


def origins_by_record(analysis: Analysis) -> dict[str, str]:
    """Each claim mention's origin key, by record id (no store: the article alone)."""
    return {m.record_id: m.origin.key for m in claim_mentions(analysis)}


def relay_with_own_confirmation(holder: str, confirmed: str) -> Analysis:
    """A relay of a Reuters story whose own Western diplomat confirms it; `holder` holds the event,
    `confirmed` is the attribution the diplomat confirms (the report, or the documents it cites)."""
    text = ("Reuters reported on Wednesday, citing company documents, that Xiamen Limbach had shipped engines to "
            "IEMZ Kupol. Kupol builds the Garpiya-3, Le Monde reported. "
            "The agency's account of the shipments was confirmed by a Western diplomat in Brussels.")
    d = Doc("relay", text, "en", "2024-09-26", "Euro Defence Review")
    d.entity("e1", "Xiamen Limbach Aircraft Engine", "ORG", "Xiamen Limbach")
    d.entity("e2", "IEMZ Kupol", "ORG", "IEMZ Kupol")
    d.entity("e3", "Reuters", "ORG", "Reuters")
    d.entity("e4", "Le Monde", "ORG", "Le Monde")
    content = "Xiamen Limbach had shipped engines to IEMZ Kupol"
    d.attribution("a1", "Reuters", "media", content, entity="e3")
    d.attribution("a2", "company documents", "document", content, parent="a1")
    d.attribution("a3", "Le Monde", "media", "Kupol builds the Garpiya-3", entity="e4")
    d.attribution("a4", "a Western diplomat in Brussels", "anonymous_person", "The agency's account of the shipments",
                  parent=confirmed)
    d.event("v1", "SUPPLY", "shipped", holder, agent=("Xiamen Limbach", "e1"), recipient=("IEMZ Kupol", "e2"),
            item=("engines", None))
    return d.analysis


def paragraphs_after_an_outlet() -> Analysis:
    """The Times quoted, then its official again in a new paragraph, then the article's own sources."""
    text = ("Selon le Times, Xiamen Limbach a livré des moteurs à IEMZ Kupol.\n\n"
            "Le responsable a ajouté que Kupol produisait des drones en Chine.\n\n"
            "D'après des sources proches du dossier, Kupol aurait testé des drones en Chine. "
            "Selon l'une d'elles, Kupol aurait construit une usine en Chine.")
    d = Doc("paragraphs", text, "fr", "2024-10", "Revue stratégique")
    d.entity("e1", "The Times", "ORG", "Times")
    d.entity("e2", "IEMZ Kupol", "ORG", "IEMZ Kupol", ("Kupol", "ajouté"), ("Kupol", "dossier"), ("Kupol", "elles"))
    d.attribution("a1", "le Times", "media", "Xiamen Limbach a livré des moteurs à IEMZ Kupol", entity="e1")
    d.attribution("a2", "Le responsable", "anonymous_person", "Kupol produisait des drones en Chine")
    d.attribution("a3", "des sources proches du dossier", "anonymous_person", "Kupol aurait testé des drones en Chine")
    d.attribution("a4", "l'une d'elles", "anonymous_person", "Kupol aurait construit une usine en Chine")
    d.event("v2", "PRODUCE", "produisait", "a2", agent=(("Kupol", "ajouté"), "e2"), item=("des drones", None))
    d.event("v3", "DEVELOP", "testé", "a3", agent=(("Kupol", "dossier"), "e2"), item=(("des drones", "dossier"), None))
    d.event("v4", "PRODUCE", "construit", "a4", agent=(("Kupol", "elles"), "e2"), item=("une usine", None))
    return d.analysis


def voices_on_beijing() -> Analysis:
    """Unnamed voices and the organisations named near them: commentators whose words name Beijing,
    Europeans who met NATO, a researcher the article interviewed, a diplomat who spoke to Le Monde,
    Chinese officials."""
    text = ("Certains experts spéculent que les livraisons passaient par Pékin. "
            "Des diplomates européens, réunis avec l'OTAN, estiment que les moteurs venaient de Chine. "
            "Un chercheur interrogé par Revue stratégique juge que Pékin était au courant des livraisons. "
            "Un diplomate a confié au Monde que Pékin connaissait les livraisons. "
            "Des responsables chinois affirment que Pékin ignorait tout des livraisons. "
            "Les autorités chinoises savaient tout de ces livraisons.")
    d = Doc("beijing", text, "fr", "2024-10", "Revue stratégique")
    d.entity("e1", "Government of China", "ORG", *[("Pékin", m) for m in ("", "juge", "confié", "affirment")])
    d.entity("e2", "Le Monde", "ORG", "Monde")
    d.entity("e3", "Revue stratégique", "ORG", "Revue stratégique")
    d.entity("e4", "NATO", "ORG", "OTAN")
    voices = [("Certains experts", "Les autorités chinoises savaient tout de ces livraisons"),  # content: a later sentence
              ("Des diplomates européens", "les moteurs venaient de Chine"),
              ("Un chercheur", "Pékin était au courant des livraisons"),
              ("Un diplomate", "Pékin connaissait les livraisons"),
              ("Des responsables chinois", "Pékin ignorait tout des livraisons")]
    for i, (source, content) in enumerate(voices, 1):
        d.attribution(f"a{i}", source, "anonymous_person", content)
    return d.analysis


def institutions() -> list[Analysis]:
    """A NATO story citing its summit declaration and "the allies"; an EU story citing the legal texts."""
    nato = Doc("nato", "NATO calls China a decisive enabler of the war\n\nThe summit declaration says that Iran "
               "supplies drones to Russia. The allies said China was a decisive enabler of the war in Ukraine.",
               "en", "2024-07-10", "Atlantic Wire")
    nato.entity("e1", "NATO", "ORG", "NATO")
    nato.entity("e2", "Iran", "GPE", "Iran")
    nato.entity("e3", "Russia", "GPE", "Russia")
    nato.attribution("a1", "The summit declaration", "document", "Iran supplies drones to Russia")
    nato.attribution("a2", "The allies", "organization", "China was a decisive enabler of the war in Ukraine")
    nato.event("v1", "SUPPLY", "supplies", "a1", agent=("Iran", "e2"), recipient=("Russia", "e3"), item=("drones", None))
    eu = Doc("eu", "EU sanctions Chinese engine makers\n\nThe European Union imposed sanctions on two Chinese companies, "
             "according to the legal texts. The texts state that Redlepus delivered engines to IEMZ Kupol.",
             "en", "2024-12-16", "Brussels Monitor")
    eu.entity("e1", "European Union", "ORG", "EU", "European Union")
    eu.entity("e2", "Redlepus Vector Industry", "ORG", "Redlepus")
    eu.entity("e3", "IEMZ Kupol", "ORG", "IEMZ Kupol")
    eu.attribution("a1", "the legal texts", "document", "The European Union imposed sanctions on two Chinese companies")
    eu.attribution("a2", "The texts", "document", "Redlepus delivered engines to IEMZ Kupol")
    eu.event("v1", "SANCTION", "imposed sanctions", "a1", agent=("European Union", "e1"),
             target=("two Chinese companies", None))
    eu.event("v2", "SUPPLY", "delivered", "a2", agent=("Redlepus", "e2"), recipient=("IEMZ Kupol", "e3"),
             item=("engines", None))
    return [nato.analysis, eu.analysis]


def times_citing_an_official() -> Analysis:
    text = ("Une entreprise chinoise a expédié des drones en Russie. "
            "C'est ce qu'affirme le quotidien The Times, qui cite un responsable occidental.")
    d = Doc("citing", text, "fr", "2024-09-13", "Le Matin")
    d.entity("e1", "The Times", "ORG", "The Times")
    d.entity("e2", "Russia", "GPE", "Russie")
    content = "Une entreprise chinoise a expédié des drones en Russie"
    d.attribution("a1", "le quotidien The Times", "media", content, entity="e1")
    d.attribution("a2", "un responsable occidental", "anonymous_person", content, parent="a1")
    d.event("v1", "SUPPLY", "expédié", "a2", agent=("Une entreprise chinoise", None), recipient=("Russie", "e2"),
            item=("des drones", None))
    return d.analysis


def told_twice(doc_id: str = "twice") -> Analysis:
    """A headline telling what the article's own diplomat says in its body."""
    d = Doc(doc_id, "China ships drones to Russia\n\nChina ships drones to Russia, a Western diplomat said.", "en",
            "2024-10-01", "Northern Post")
    d.entity("e1", "China", "GPE", "China", ("China", "\n"))
    d.entity("e2", "Russia", "GPE", "Russia", ("Russia", "\n"))
    d.attribution("a1", "a Western diplomat", "anonymous_person", ("China ships drones to Russia", "\n"))
    d.event("v1", "SUPPLY", "ships", agent=("China", "e1"), recipient=("Russia", "e2"), item=("drones", None))
    d.event("v2", "SUPPLY", ("ships", "\n"), "a1", agent=("China", "e1", "\n"), recipient=("Russia", "e2", "\n"),
            item=(("drones", "\n"), None))
    return d.analysis
