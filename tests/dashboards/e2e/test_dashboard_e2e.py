"""End-to-end: a real headless Chromium logs in, opens pages, downloads tables as CSV and Excel and reads the files,
and saves screenshots."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest
from dashboard_warehouse import ARTEFACTEN
from playwright.sync_api import Page, expect

from runtime.spreadsheet import FORMULE_BEGIN

pytestmark = pytest.mark.e2e


def login(page: Page, server: str, naam: str, wachtwoord: str) -> None:
    page.goto(server)
    page.get_by_label("Gebruikersnaam").fill(naam)
    page.get_by_label("Wachtwoord", exact=True).fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()


def _download(page: Page, knop_index: int) -> bytes:
    """Click the n-th download button of the page and return the file the browser saved."""
    knop = page.get_by_test_id("stDownloadButton").nth(knop_index)
    expect(knop).to_be_visible(timeout=20_000)
    with page.expect_download(timeout=20_000) as info:
        knop.get_by_role("button").click()
    download = info.value
    doel = ARTEFACTEN / download.suggested_filename
    download.save_as(str(doel))
    return doel.read_bytes()


def _geen_formules(xlsx: bytes) -> list[list[object]]:
    blad = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    for rij in blad.iter_rows():
        for cel in rij:
            assert cel.data_type != "f", (cel.coordinate, cel.value)
            assert not (isinstance(cel.value, str) and cel.value.startswith(FORMULE_BEGIN)), cel.value
    return [[c.value for c in r] for r in blad.iter_rows()]


def test_contractmanager_browses_and_downloads(page: Page, server: str, _bestanden) -> None:
    login(page, server, "contractmanager", _bestanden.wachtwoorden["contractmanager"])
    expect(page.get_by_role("heading", name="Scorekaart aanbieder")).to_be_visible(timeout=20_000)
    page.get_by_role("link", name="Overzicht").click()
    expect(page.get_by_role("heading", name="Overzicht")).to_be_visible(timeout=20_000)
    expect(page.get_by_text("7,3", exact=True).first).to_be_visible(timeout=20_000)  # mean grade tile
    expect(page.get_by_text("Peildatum: ").first).to_be_visible()
    page.wait_for_timeout(1000)
    page.screenshot(path=str(ARTEFACTEN / "dashboard-overzicht.png"), full_page=True)

    page.get_by_role("link", name="Doelrealisatie").click()
    expect(page.get_by_role("heading", name="Doelrealisatie")).to_be_visible(timeout=20_000)
    expect(page.get_by_text("Realisatiescore per aanbieder").first).to_be_visible(timeout=20_000)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTEFACTEN / "dashboard-doelrealisatie.png"), full_page=True)

    page.get_by_role("link", name="Uitval").click()
    expect(page.get_by_role("heading", name="Uitval")).to_be_visible(timeout=20_000)
    expect(page.get_by_text("onderdrukt").first).to_be_visible(timeout=20_000)
    regels = list(csv.reader(io.StringIO(_download(page, 0).decode("utf-8-sig")), delimiter=";"))
    assert regels[0][0].startswith("Toelichting: Cellen met ‘onderdrukt’ zijn weggelaten")
    kop, *rijen = regels[2:]
    assert kop[:3] == ["Aanbieder", "AGB-code", "Volgens plan"] and kop[-1] == "Onderdrukt"
    zorgplus = dict(zip(kop, next(r for r in rijen if r[0] == "Zorg Plus BV"), strict=True))
    assert zorgplus["Overstap (38)"] == "" and "Overstap (38)" in zorgplus["Onderdrukt"]  # empty, and said so
    blad = _geen_formules(_download(page, 1))
    assert blad[2] == kop and any(
        r[0] == "Zorg Plus BV" and r[kop.index("Overstap (38)")] is None for r in blad
    )
    page.wait_for_timeout(1000)
    page.screenshot(path=str(ARTEFACTEN / "dashboard-uitval.png"), full_page=True)

    log = _bestanden.warehouse.parent / f"{_bestanden.warehouse.stem}.state" / "dashboard-audit.jsonl"
    regels = [json.loads(r) for r in log.read_text(encoding="utf-8").splitlines()]
    assert any(r["gebeurtenis"] == "export" and r["tabel"] == "Uitval per aanbieder" for r in regels)


def test_controller_sees_benchmark_funnel(page: Page, server: str, _bestanden) -> None:
    login(page, server, "controller", _bestanden.wachtwoorden["controller"])
    expect(page.get_by_role("heading", name="Overzicht")).to_be_visible(timeout=20_000)
    page.get_by_role("link", name="Benchmark").click()
    expect(page.get_by_role("heading", name="Benchmark")).to_be_visible(timeout=20_000)
    page.get_by_test_id("stSelectbox").filter(has_text="Indicator").click()
    page.get_by_role("option", name="Uitvalpercentage (K3)").click()
    expect(page.get_by_text("Trechtergrafiek").first).to_be_visible(timeout=20_000)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTEFACTEN / "dashboard-benchmark.png"), full_page=True)
    page.get_by_role("link", name="Rechtmatigheid").click()
    expect(page.get_by_role("heading", name="Detail: declaratieregels met signalen")).to_be_visible(
        timeout=20_000
    )
    # The table toolbar's own CSV download is hidden: every export must go through the logged buttons.
    expect(page.get_by_role("button", name="Download as CSV")).to_have_count(0)


def test_a_formula_typed_as_user_name_reaches_the_audit_log_downloads_as_text(
    page: Page, server: str, _bestanden
) -> None:
    """Issue 24: no account needed. The typed name goes into the audit log; the beheerder's downloads hold it as
    text, not as a live formula."""
    boos = '=HYPERLINK("http://evil.example/","klik")'
    login(page, server, boos, "geen-wachtwoord")
    expect(page.get_by_text("onjuist wachtwoord").first).to_be_visible(timeout=20_000)
    page.context.clear_cookies()
    login(page, server, "beheerder", _bestanden.wachtwoorden["beheerder"])
    expect(page.get_by_role("heading", name="Datakwaliteit")).to_be_visible(timeout=20_000)
    expect(page.get_by_role("heading", name="Auditlog dashboard")).to_be_visible(timeout=20_000)
    knoppen = page.get_by_test_id("stDownloadButton")
    laatste = knoppen.count() - 2  # the audit log is the last table: CSV, then Excel
    tekst = _download(page, laatste).decode("utf-8-sig")
    cellen = [c for r in csv.reader(io.StringIO(tekst), delimiter=";") for c in r]
    assert "'" + boos in cellen and not any(c.startswith(FORMULE_BEGIN) for c in cellen)
    blad = _geen_formules(_download(page, laatste + 1))
    assert "'" + boos in [v for r in blad for v in r]
