"""End-to-end: in a real browser, the user that `wmo-monitor gebruikers toevoegen` created while following the user
guide (tests/onboarding) logs in to the dashboard on the region's own published warehouse."""

from __future__ import annotations

import pytest
from dashboard_warehouse import ARTEFACTEN
from playwright.sync_api import Page, expect

from tests.onboarding.handleiding_stappen import GEBRUIKER, EigenRegio, landing_title

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_created_user_logs_in_and_sees_only_their_municipality(
    page: Page, eigen_server: str, eigen_regio: EigenRegio
) -> None:
    page.goto(eigen_server)
    expect(page.get_by_role("button", name="Inloggen")).to_be_visible(timeout=20_000)
    expect(page.get_by_text("Er zijn nog geen gebruikers")).to_have_count(0)
    page.get_by_label("Gebruikersnaam").fill(GEBRUIKER)
    page.get_by_label("Wachtwoord", exact=True).fill(eigen_regio.wachtwoord)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name=landing_title("contractmanager"))).to_be_visible(timeout=30_000)
    expect(page.get_by_text(GEBRUIKER).first).to_be_visible()
    expect(page.get_by_text("Gemeenten: Roermond")).to_be_visible()
    page.wait_for_timeout(1000)
    page.screenshot(path=str(ARTEFACTEN / "dashboard-eigen-regio.png"), full_page=True)
