"""Analyses and documents cross between processes pickled by field (claimgraph.workers.register_reducers)."""
from __future__ import annotations

import dataclasses
import io
import pickle

from multiprocessing.reduction import ForkingPickler

from claimgraph import workers
from claimgraph.model import claims, records
from claimgraph.model.records import Analysis, Argument, Attribution, Document, Entity, Event, Source, Span, TimeRef


def _analysis() -> Analysis:
    text = "Mara Quist said the bridge at Orsket was closed on Monday."
    name = Span(0, 10, "Mara Quist")
    content = Span(16, 44, "the bridge at Orsket was closed")
    entity = Entity("e1", "Mara Quist", "PERSON", aliases=["Quist"], mentions=[name])
    attribution = Attribution("a1", Source(name, "person", "e1"), Span(11, 15, "said"), content,
                              certainty="probable", polarity="negative")
    event = Event("v1", "CLOSE", Span(36, 42, "closed"), {"theme": Argument(Span(16, 26, "the bridge"))},
                  TimeRef(Span(46, 52, "Monday"), "2026-12-07"), attribution="a1")
    document = Document("d1", text, title="Closed", lang="en", notes=("decoded as cp1252",))
    return Analysis(document, [entity], [attribution], [event], ["a warning"], prepared={"mentions": [1, 2]})


def test_an_analysis_comes_back_equal_with_what_was_prepared_and_shared_spans() -> None:
    analysis = _analysis()
    back = pickle.loads(ForkingPickler.dumps(analysis))
    assert back == analysis
    assert back.prepared == {"mentions": [1, 2]}
    # one Span object named twice (the entity's mention and the source's span) stays one object
    assert back.entities[0].mentions[0] is back.attributions[0].source.span
    assert back.document.notes == ("decoded as cp1252",)


def test_every_model_dataclass_pickles_by_field() -> None:
    table = ForkingPickler(io.BytesIO()).dispatch_table
    found = [value for module in (records, claims) for value in vars(module).values()
             if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == module.__name__]
    assert Span in found and Analysis in found
    for cls in found:
        assert cls in table, cls
    span = Span(3, 7, "word")
    assert table[Span](span) == (Span, (3, 7, "word"))


def test_a_class_that_post_processes_its_fields_is_left_to_plain_pickling() -> None:
    @dataclasses.dataclass
    class Doubled:
        value: int

        def __post_init__(self) -> None:
            self.value *= 2

    Doubled.__module__ = records.__name__
    records.Doubled = Doubled  # type: ignore[attr-defined]
    try:
        workers.register_reducers()
        assert Doubled not in ForkingPickler(io.BytesIO()).dispatch_table
    finally:
        del records.Doubled  # type: ignore[attr-defined]
