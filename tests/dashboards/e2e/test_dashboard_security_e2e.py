"""Browser tests of the served dashboard's security (issues 18, 21 item 5, 24 items 3 and 5).

The server is started with `wmo_monitor.cli.streamlit_command`, the command line `wmo-monitor serve` runs, and
logs every address its process connects to or looks up (see `conftest.py`).
"""

from __future__ import annotations

import ast
import ipaddress
import json
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.e2e

_LOKAAL = {"127.0.0.1", "localhost", "::1"}


def _login(page: Page, url: str, naam: str, wachtwoord: str) -> None:
    page.goto(url)
    page.get_by_label("Gebruikersnaam").fill(naam)
    page.get_by_label("Wachtwoord", exact=True).fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()


def _is_lokaal(doel: object) -> bool:
    """A socket address from the server's log: a Unix socket path, or a host on this machine."""
    if isinstance(doel, str | bytes):
        return True  # AF_UNIX, or the hook's own start line
    host = str(doel[0])  # type: ignore[index]
    if host in _LOKAAL:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def test_served_app_fetches_nothing_from_the_internet_and_shows_no_streamlit_chrome(
    page: Page, server: str, _bestanden, netwerklog: Path
) -> None:
    verzoeken: list[str] = []
    page.on("request", lambda r: verzoeken.append(r.url))
    _login(page, server, "controller", _bestanden.wachtwoorden["controller"])
    expect(page.get_by_role("heading", name="Overzicht")).to_be_visible(timeout=20_000)
    for pagina in ("Doelrealisatie", "Benchmark", "Rechtmatigheid"):
        page.get_by_role("link", name=pagina).click()
        expect(page.get_by_role("heading", name=pagina).first).to_be_visible(timeout=20_000)
    page.wait_for_timeout(1500)

    buiten = [
        u
        for u in verzoeken
        if urlsplit(u).scheme not in {"data", "blob"} and urlsplit(u).hostname not in _LOKAAL
    ]
    assert verzoeken and not buiten, buiten
    favicon = page.locator("link[rel~='icon']").first.get_attribute("href") or ""
    assert favicon.startswith("data:image/svg+xml"), favicon[:80]
    expect(page.get_by_test_id("stAppDeployButton")).to_have_count(0)
    expect(page.get_by_test_id("stMainMenu")).to_have_count(0)
    expect(page.get_by_role("button", name="Deploy")).to_have_count(0)

    doelen = [ast.literal_eval(r) for r in netwerklog.read_text(encoding="utf-8").splitlines()]
    assert doelen[0] == "hook geladen"
    assert not [d for d in doelen if not _is_lokaal(d)]  # e.g. no checkip.amazonaws.com at start-up


def _sessie(browser: Browser, adres: str) -> Page:
    """A fresh browser whose connection arrives, through the trusted proxy, from client `adres`."""
    context = browser.new_context(extra_http_headers={"X-Forwarded-For": adres})
    return context.new_page()


def _pogingen(_bestanden, adres: str) -> list[str]:
    """The audit events of logins from `adres` so far (the server writes them before it answers)."""
    log = _bestanden.warehouse.parent / f"{_bestanden.warehouse.stem}.state" / "dashboard-audit.jsonl"
    regels = [json.loads(r) for r in log.read_text(encoding="utf-8").splitlines()] if log.is_file() else []
    return [r["gebeurtenis"] for r in regels if r.get("adres") == adres]


def test_wrong_passwords_for_controller_do_not_lock_out_the_real_user(
    browser: Browser, server: str, _bestanden
) -> None:
    """The audit's scenario: five wrong passwords for `controller`; the real user logs in from a fresh browser."""
    aanvaller = _sessie(browser, "10.20.30.66")
    aanvaller.goto(server)
    for i in range(8):  # five wrong passwords, more if a slow machine let a back-off run out in between
        if i >= 5 and _pogingen(_bestanden, "10.20.30.66")[-1] == "login_geblokkeerd":
            break
        aanvaller.get_by_label("Gebruikersnaam").fill("controller")
        aanvaller.get_by_label("Wachtwoord", exact=True).fill("fout-wachtwoord")
        aanvaller.get_by_role("button", name="Inloggen").click()
        deadline = time.monotonic() + 30
        while len(_pogingen(_bestanden, "10.20.30.66")) <= i:  # one attempt at a time
            assert time.monotonic() < deadline, "de inlogpoging komt niet in de auditlog"
            aanvaller.wait_for_timeout(200)
    pogingen = _pogingen(_bestanden, "10.20.30.66")
    assert pogingen[:3] == ["login_mislukt"] * 3 and pogingen[-1] == "login_geblokkeerd"
    expect(aanvaller.get_by_text("Te veel mislukte pogingen").first).to_be_visible(timeout=20_000)

    echt = _sessie(browser, "10.20.30.7")
    _login(echt, server, "controller", _bestanden.wachtwoorden["controller"])
    expect(echt.get_by_role("heading", name="Overzicht")).to_be_visible(timeout=20_000)
    assert _pogingen(_bestanden, "10.20.30.7") == ["login"]
    echt.context.close()
    aanvaller.context.close()


def _login_zonder_pop_up(page: Page, url: str, _bestanden, naam: str) -> None:
    """Open `url` signed out: the login form must show without Streamlit's English pop-up; then log in."""
    page.goto(url)
    expect(page.get_by_label("Gebruikersnaam")).to_be_visible(timeout=20_000)
    page.wait_for_timeout(1500)  # the pop-up, if any, arrives just after the page
    expect(page.get_by_text("Page not found")).to_have_count(0)
    page.get_by_label("Gebruikersnaam").fill(naam)
    page.get_by_label("Wachtwoord", exact=True).fill(_bestanden.wachtwoorden[naam])
    page.get_by_role("button", name="Inloggen").click()


def test_an_address_of_another_roles_page_shows_the_login_then_no_access(
    page: Page, server: str, _bestanden
) -> None:
    _login_zonder_pop_up(
        page, f"{server}/rechtmatigheid?rol=controller&gemeente=0355", _bestanden, "contractmanager"
    )
    expect(page.get_by_role("heading", name="Geen toegang")).to_be_visible(timeout=20_000)
    expect(page.get_by_text("Detail: declaratieregels met signalen")).to_have_count(0)
    expect(page.get_by_role("link", name="Rechtmatigheid")).to_have_count(0)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    page.get_by_role("link", name="Overzicht").click()
    expect(page.get_by_role("heading", name="Overzicht")).to_be_visible(timeout=20_000)


def test_an_unknown_address_shows_the_login_without_an_english_pop_up(
    page: Page, server: str, _bestanden
) -> None:
    _login_zonder_pop_up(page, f"{server}/bestaat-niet", _bestanden, "beheerder")
    expect(page.get_by_role("heading", name="Datakwaliteit")).to_be_visible(timeout=20_000)
    page.wait_for_timeout(1500)
    expect(page.get_by_text("Page not found")).to_have_count(0)
