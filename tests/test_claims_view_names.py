"""The claims listing names a handful of origins and deniers, then says how many more (JSON keeps them all)."""
from __future__ import annotations

from rich.console import Console

from claimgraph.graph.render import NAMES_SHOWN, claims_table, claims_view, named
from claimgraph.model.claims import ClaimSummary, Origin


def _claim(origins: int, deniers: int) -> ClaimSummary:
    return ClaimSummary(id="c1", type="SUPPLY", label="Ruritania supplies lamps to Freedonia", arguments={},
                        origins=[Origin(key=f"o{i}", name=f"Witness {i}", type="named_person") for i in range(origins)],
                        denied_by=[Origin(key=f"d{i}", name=f"Minister {i}", type="named_person") for i in range(deniers)],
                        articles=["a1"], languages=["en"])


def _text(renderable, width: int) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def test_few_names_are_all_shown():
    assert named(_claim(3, 0).origins) == "Witness 0; Witness 1; Witness 2"


def test_many_names_end_with_how_many_more():
    text = named(_claim(NAMES_SHOWN + 5, 0).origins)
    assert text.endswith(f"Witness {NAMES_SHOWN - 1} and 5 more")
    assert f"Witness {NAMES_SHOWN}" not in text


def test_narrow_and_wide_listings_cut_origins_and_deniers():
    claim = _claim(40, 30)
    narrow = _text(claims_view([claim], 60), 60)
    wide = _text(claims_table([claim]), 200)
    for text in (narrow, wide):
        assert "and 32 more" in text and "and 22 more" in text
        assert "Witness 39" not in text and "Minister 29" not in text
