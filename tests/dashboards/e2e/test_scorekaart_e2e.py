"""End-to-end: the contract manager's landing page, the provider scorecard, in a real Chromium at 1366 × 768."""

from __future__ import annotations

import pytest
from dashboard_warehouse import ARTEFACTEN, BREED_NAAM
from playwright.sync_api import Page, expect
from test_dashboard_e2e import login

pytestmark = pytest.mark.e2e


def test_scorecard_renders_readably_at_1366(page: Page, scorekaart_server: str, _bestanden) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    login(page, scorekaart_server, "contractmanager", _bestanden.wachtwoorden["contractmanager"])
    expect(page.get_by_role("heading", name="Scorekaart aanbieder")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name="Ontwikkeling door de jaren")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name="Alle aanbieders in 2024")).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("stDataFrame")).to_have_count(1, timeout=30_000)  # the scorecard
    expect(page.get_by_test_id("stTable")).to_have_count(2, timeout=30_000)  # drill-down and all providers
    # the long name wraps in the table of all providers, it is not cut off
    expect(page.get_by_test_id("stTable").get_by_text(BREED_NAAM, exact=True)).to_be_visible()
    tabellen = page.locator("[data-testid=stDataFrame], [data-testid=stTable]")
    hoofd = page.get_by_test_id("stMain").bounding_box()
    for i in range(3):  # no table wider than the page: the key columns need no horizontal scrolling
        vak = tabellen.nth(i).bounding_box()
        assert (
            vak is not None and hoofd is not None and vak["x"] + vak["width"] <= hoofd["x"] + hoofd["width"]
        )
    grafiek = page.get_by_test_id("stVegaLiteChart").first
    expect(grafiek).to_be_visible(timeout=30_000)
    vak = grafiek.bounding_box()
    assert vak is not None and vak["height"] >= 250
    page.wait_for_timeout(1500)
    ARTEFACTEN.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTEN / "scorekaart-1366x768.png"))
    # Streamlit scrolls inside its main block, so a full-page shot needs a viewport as tall as that block.
    hoogte = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": 1366, "height": int(hoogte)})
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTEFACTEN / "scorekaart.png"), full_page=True)
