"""AppTest tests of access control (issue 21 item 5, issue 24 item 3): the login lockout scenario from the audit, and
that neither query parameters nor state from before the login can switch role or municipality.

AppTest cannot set a client address (every session is `lokaal`), so the lockout test sets the address a login page
sees through `dashboards.throttle.client_address`, which the page calls on every submit.
"""

from __future__ import annotations

from typing import Any

import pytest
from dashboard_warehouse import APP, UTRECHT, ZEIST
from streamlit.testing.v1 import AppTest
from test_dashboard_app import audit_regels, login, open_pagina, tabel

from dashboards import auth, throttle

Omgeving = Any


@pytest.fixture
def vanaf(monkeypatch: pytest.MonkeyPatch):
    """`vanaf("10.0.0.66")`: the next logins come from that client address. Time stands still for the throttle, so
    a slow test machine cannot let a back-off run out between two attempts."""
    adres = {"nu": throttle.LOCAL}
    monkeypatch.setattr(throttle, "client_address", lambda *_args, **_kw: adres["nu"])
    monkeypatch.setattr(auth, "THROTTLE", throttle.LoginThrottle(lambda: 1000.0), raising=False)

    def zet(nieuw: str) -> None:
        adres["nu"] = nieuw

    return zet


def test_five_wrong_passwords_do_not_lock_out_the_real_user_from_a_fresh_browser(
    omgeving: Omgeving, vanaf
) -> None:
    """Issue 24 item 3: five wrong passwords for `controller`, then the right one from a fresh browser elsewhere."""
    voor = len(audit_regels(omgeving))
    vanaf("10.0.0.66")
    for _ in range(throttle.FREE_FAILURES):
        at = login(omgeving, "controller", "fout")
        assert any("onjuist wachtwoord" in e.value for e in at.error)
    for _ in range(5 - throttle.FREE_FAILURES):  # the guesser is now held back, without a password check
        at = login(omgeving, "controller", "fout")
        assert any("Te veel mislukte pogingen" in e.value for e in at.error)
    at = login(omgeving, "controller")  # even the right password, from the guessing address
    assert "gebruiker" not in at.session_state

    vanaf("10.0.0.7")
    at = login(omgeving, "controller")
    assert at.session_state["gebruiker"].rol == "controller"
    assert [t.value for t in at.title] == ["Overzicht"]

    nieuw = [(r["gebeurtenis"], r["gebruikersnaam"], r.get("adres")) for r in audit_regels(omgeving)[voor:]]
    assert nieuw == [
        *[("login_mislukt", "controller", "10.0.0.66")] * throttle.FREE_FAILURES,
        *[("login_geblokkeerd", "controller", "10.0.0.66")] * (6 - throttle.FREE_FAILURES),
        ("login", "controller", "10.0.0.7"),
    ]


def test_query_parameters_do_not_change_role_or_municipality(omgeving: Omgeving) -> None:
    at = AppTest.from_file(str(APP), default_timeout=30)
    for sleutel, waarde in {
        "rol": "controller", "gebruiker": "beheerder", "gemeente": ZEIST, "gemeenten": ZEIST, "flt_gemeente": ZEIST,
        "page": "rechtmatigheid",
    }.items():  # fmt: skip
        at.query_params[sleutel] = waarde
    at.run()
    assert [t.value for t in at.title] == ["Wmo-monitor"] and "gebruiker" not in at.session_state
    at.text_input(key="login_naam").input("utrecht")
    at.text_input(key="login_wachtwoord").input(omgeving.wachtwoorden["utrecht"])
    at.button[0].click().run()
    g = at.session_state["gebruiker"]
    assert (g.rol, g.gemeenten) == ("contractmanager", (UTRECHT,))
    open_pagina(at, "app_pages/overzicht.py")  # the landing page is the scorecard of one provider
    assert at.sidebar.multiselect(key="flt_gemeente").options == ["Utrecht"]
    assert set(tabel(at, "Aanbieder", "Zorg Plus BV")["Aanbieder"]) == {"Zorg Plus BV"}
    with pytest.raises(ValueError):
        at.switch_page("app_pages/rechtmatigheid.py")
    open_pagina(at, "app_pages/benchmark.py")
    for df in at.dataframe:
        assert not df.value.isin(["Zeist", "De Bilt"]).any().any()


def test_state_from_before_the_login_does_not_carry_over(omgeving: Omgeving) -> None:
    gewoon = login(omgeving, "utrecht").sidebar.selectbox(key="flt_jaar")
    ander_jaar = next(j for j in gewoon.options if j != gewoon.value)
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.session_state["flt_jaar"] = int(ander_jaar)  # the widget shows the years as text
    at.run()
    at.text_input(key="login_naam").input("utrecht")
    at.text_input(key="login_wachtwoord").input(omgeving.wachtwoorden["utrecht"])
    at.button[0].click().run()
    assert not at.exception
    assert at.sidebar.selectbox(key="flt_jaar").value == gewoon.value


def test_logout_clears_the_session(omgeving: Omgeving) -> None:
    at = login(omgeving, "controller")
    at.sidebar.button(key="uitloggen").click().run()
    assert "gebruiker" not in at.session_state
    assert [t.value for t in at.title] == ["Wmo-monitor"]
    with pytest.raises(ValueError):
        at.switch_page("app_pages/overzicht.py")
