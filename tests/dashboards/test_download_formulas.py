"""Downloads never carry a live formula (issue 24, OWASP CSV injection): text from delivered files or typed into the
login form that starts with = + - @ tab or CR is written as text, in CSV and in XLSX."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from dashboards import downloads

GEVAARLIJK = [
    '=HYPERLINK("http://aanvaller.example","klik")',
    "=cmd|' /C calc'!A0",
    "+31 6",
    "-2+3",
    "@SUM(A1)",
    "\tx",
]


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Aanbieder": [*GEVAARLIJK, "Zorg Plus BV"],
            "Bedrag": [-12.5, 1, 2, 3, 4, 5, 6],  # numbers stay numbers, also negative ones
            "=Kolom": ["a"] * 7,  # a header is text too
        }
    )


def test_csv_writes_formula_looking_text_behind_an_apostrophe(frame: pd.DataFrame) -> None:
    tekst = downloads.csv_bytes(frame, {"Bedrag": "euro"}).decode("utf-8-sig")
    regels = tekst.splitlines()
    assert regels[0].split(";")[2] == "'=Kolom"
    for regel in regels[1:]:
        assert not regel.startswith(("=", "+", "-", "@", "\t", '"=', '"+', '"-', '"@')), regel
    assert "-12,5" in regels[1]  # the negative amount is a number, not escaped text


def test_xlsx_has_no_formula_cell_and_keeps_numbers(frame: pd.DataFrame) -> None:
    blad = openpyxl.load_workbook(io.BytesIO(downloads.xlsx_bytes(frame, {"Bedrag": "euro"}))).active
    cellen = [c for rij in blad.iter_rows() for c in rij]
    assert not [c.coordinate for c in cellen if c.data_type == "f"]
    teksten = [c.value for c in cellen if isinstance(c.value, str)]
    assert not [t for t in teksten if t.startswith(("=", "+", "-", "@", "\t"))]
    assert blad["A2"].value == "'" + GEVAARLIJK[0]
    assert blad["B2"].value == -12.5
