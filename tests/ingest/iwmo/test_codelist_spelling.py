"""Code-list texts reach users (dashboard, meldingen): Dutch spelling with its diaeresis, not an ASCII rendering."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from ingest.iwmo.codelists import CODELIJSTEN

SEEDS = Path(__file__).resolve().parents[3] / "dbt_project" / "seeds"
ASCII_SPELLING = re.compile(r"(?<!Reden)beeindig|gei[nd]i|\bclient", re.IGNORECASE)
"""beëindigd, geïnitieerd, geïndiceerd, cliënt written without their diaeresis (the iWmo element name
RedenBeeindiging is spelled that way in the standard and stays)."""


def _seed_texts() -> list[str]:
    texts = []
    for path in SEEDS.rglob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                texts += [value for key, value in row.items() if key and "omschrijving" in key]
    return texts


@pytest.mark.parametrize(
    "texts",
    [
        pytest.param(_seed_texts(), id="dbt-seeds"),
        pytest.param([t for lijst in CODELIJSTEN.values() for t in lijst.values()], id="codelijsten"),
    ],
)
def test_code_list_texts_are_spelled_in_dutch(texts):
    assert texts, "geen omschrijvingen gevonden"
    assert not [t for t in texts if ASCII_SPELLING.search(t)]


def test_the_diaeresis_is_there():
    assert CODELIJSTEN["LDT_RedenBeeindiging"]["36"] == "Geïnitieerd door de gemeente"
    assert "Levering volgens plan beëindigd" in _seed_texts()
