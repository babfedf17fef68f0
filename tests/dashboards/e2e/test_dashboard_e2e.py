"""End-to-end: a real headless Chromium logs in, opens two pages, downloads a table and saves screenshots."""

from __future__ import annotations

import json

import pytest
from dashboard_warehouse import ARTEFACTEN
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def login(page: Page, server: str, naam: str, wachtwoord: str) -> None:
    page.goto(server)
    page.get_by_label("Gebruikersnaam").fill(naam)
    page.get_by_label("Wachtwoord", exact=True).fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()


def test_contractmanager_browses_and_downloads(page: Page, server: str, _bestanden) -> None:
    login(page, server, "contractmanager", _bestanden.wachtwoorden["contractmanager"])
    expect(page.get_by_role("heading", name="Scorekaart aanbieder")).to_be_visible(timeout=20_000)
    page.get_by_role("link", name="Overzicht").click()
    expect(page.get_by_role("heading", name="Overzicht")).to_be_visible(timeout=20_000)
    expect(page.get_by_text("70,0 %").first).to_be_visible()
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
    knop = page.get_by_test_id("stDownloadButton").first
    expect(knop).to_be_visible(timeout=20_000)
    with page.expect_download(timeout=20_000) as info:
        knop.get_by_role("button").click()
    download = info.value
    doel = ARTEFACTEN / download.suggested_filename
    download.save_as(str(doel))
    inhoud = doel.read_bytes().decode("utf-8-sig")
    assert inhoud.splitlines()[0].startswith("Aanbieder;AGB-code;Volgens plan")
    assert "Zorg Plus BV" in inhoud and "<10" in inhoud
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
