"""The accountability officer's countdown and the council report per municipality (XLSX and PDF).

Hand-made rows: for Utrecht, boekjaar 2024, Zorg & Welzijn Geïntegreerd delivered on time with its auditor's
statement in order (verantwoord € 1.234,56 = goedgekeurd) and Thuishulp delivered nothing while € 500,00 was
approved (verschil € -500,00, afwijking).
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import openpyxl
import pandas as pd
import pypdf
import pytest
from test_dashboard_app import login, metrics

from dashboards import raadsrapport, termijnen

STATUS_LABELS = {"akkoord": "Akkoord", "ontbreekt": "Ontbreekt"}
VERKLARINGEN = {"accountantsverklaring": "Accountantsverklaring"}


@pytest.mark.parametrize(
    ("termijn", "peildatum", "tekst"),
    [
        (date(2025, 3, 1), date(2025, 2, 28), "nog 1 dag"),
        (date(2025, 3, 1), date(2024, 12, 31), "nog 60 dagen"),
        (date(2025, 3, 1), date(2025, 3, 1), "vandaag"),
        (date(2025, 3, 1), date(2025, 3, 13), "verstreken, 12 dagen geleden"),
        (date(2025, 4, 1), date(2025, 4, 2), "verstreken, 1 dag geleden"),
    ],
)
def test_countdown(termijn: date, peildatum: date, tekst: str) -> None:
    assert termijnen.aftelling(termijn, peildatum) == tekst


def test_the_deadlines_are_in_the_year_after_the_boekjaar() -> None:
    assert termijnen.termijnen(2024) == {
        "productieverantwoording": date(2025, 3, 1),
        "verklaring": date(2025, 4, 1),
    }


def _rapport() -> raadsrapport.Raadsrapport:
    status = pd.DataFrame(
        {
            "boekjaar": [2024, 2024, 2024],
            "aanbieder_agb": ["1", "2", "3"],
            "aanbieder": ["Zorg & Welzijn Geïntegreerd", "Thuishulp", "Elders BV"],
            "ontvangen": [True, False, True],
            "productie_tijdig": [True, None, True],
            "verklaring_vereist": ["accountantsverklaring", None, None],
            "verklaring_ok": [True, None, True],
            "status": ["akkoord", "ontbreekt", "akkoord"],
        }
    )
    aansluiting = pd.DataFrame(
        {
            "boekjaar": [2024, 2024],
            "aanbieder_agb": ["2", "1"],
            "gemeentecode": ["0344", "0344"],
            "verantwoord_bedrag_cent": [None, 123456],
            "goedgekeurd_bedrag_cent": [50000, 123456],
            "verschil_cent": [-50000, 0],
            "afwijking": [True, False],
        }
    )
    return raadsrapport.build_raadsrapport(
        status,
        aansluiting,
        gemeente="Utrecht",
        boekjaar=2024,
        peildatum=date(2025, 3, 13),
        status_labels=STATUS_LABELS,
        verklaringen=VERKLARINGEN,
    )


def test_the_report_lists_the_providers_of_the_municipality_only() -> None:
    regels = _rapport().regels
    assert list(regels["aanbieder"]) == ["Thuishulp", "Zorg & Welzijn Geïntegreerd"]  # not Elders BV
    thuishulp, zorg = regels.iloc[0], regels.iloc[1]
    assert (thuishulp["status"], thuishulp["productie"], thuishulp["afwijking"]) == (
        "Ontbreekt",
        "niet ontvangen",
        "ja",
    )
    assert thuishulp["verklaring"] == "nog niet bekend"
    assert (zorg["productie"], zorg["verklaring"]) == ("op tijd", "Accountantsverklaring: in orde")


def test_xlsx_has_dutch_headings_and_euros() -> None:
    blad = openpyxl.load_workbook(io.BytesIO(raadsrapport.xlsx(_rapport()))).active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0][:5] == ("Aanbieder", "Status", "Productieverantwoording", "Verklaring", "Verantwoord")
    assert rijen[2][0] == "Zorg & Welzijn Geïntegreerd"
    assert rijen[2][4] == pytest.approx(1234.56)
    assert rijen[1][6] == pytest.approx(-500.0)


def test_pdf_shows_title_providers_and_dutch_amounts() -> None:
    tekst = "\n".join(
        p.extract_text() for p in pypdf.PdfReader(io.BytesIO(raadsrapport.pdf(_rapport()))).pages
    )
    assert "Verantwoording Wmo-aanbieders Utrecht, boekjaar 2024" in tekst
    assert "peildatum 13-03-2025" in tekst
    assert "Zorg & Welzijn Geïntegreerd" in tekst
    assert "€ 1.234,56" in tekst
    assert "€ -500,00" in tekst


def test_the_page_counts_down_and_offers_the_report(omgeving: Any) -> None:
    at = login(omgeving, "verantwoording")
    m = metrics(at)
    assert m["Termijn productieverantwoording 01-03-2025"] == "nog 60 dagen"  # peildatum 31-12-2024
    assert m["Termijn verklaring 01-04-2025"] == "nog 91 dagen"
    assert at.selectbox(key="raad_gemeente").options == ["De Bilt", "Utrecht"]
