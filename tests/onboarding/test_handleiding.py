"""Issue 19: from `git clone` to a region's own data with its own users, following only the README and the guide.

`eigen_regio` (handleiding_stappen.py) runs the guide's own shell blocks in a temporary folder; these tests check
what each step left behind, log in with the user the guide created, and check that the guide describes the
product as it is (commands, options, landing layout, reference files).
"""

from __future__ import annotations

import re
import stat
import subprocess

import click
import pytest
from streamlit.testing.v1 import AppTest

from dashboards import auth
from ingest.landing import FAMILIES
from ingest.referentie.parser import _FIELDS, REFERENTIE_BESTANDEN
from tests.onboarding.handleiding_stappen import (
    GEBRUIKER,
    GEMEENTE,
    HANDLEIDING,
    REPO,
    EigenRegio,
    code_blocks,
    guide_block,
    landing_title,
)
from wmo_monitor import cli

APP = REPO / "dashboards" / "app.py"
SPEC_INPUTS = REPO.parent / "shared" / "spec" / "inputs.md"
GUIDE = HANDLEIDING.read_text(encoding="utf-8")


@pytest.fixture
def dashboard(eigen_regio: EigenRegio, monkeypatch: pytest.MonkeyPatch) -> EigenRegio:
    """The dashboard process's environment as `wmo-monitor serve` gets it from the guide's settings file."""
    for naam in ("WMO_USERS_FILE", "WMO_PEILDATUM", "WMO_MIN_CELGROOTTE", "WMO_PSEUDONIEM_SLEUTEL"):
        monkeypatch.delenv(naam, raising=False)
    for naam, waarde in eigen_regio.settings.items():
        monkeypatch.setenv(naam, waarde)
    return eigen_regio


def login(naam: str, wachtwoord: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception, at.exception
    at.text_input(key="login_naam").input(naam)
    at.text_input(key="login_wachtwoord").input(wachtwoord)
    at.button[0].click().run()
    assert not at.exception, at.exception
    return at


def gebruikers(regio: EigenRegio, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        ["wmo-monitor", "gebruikers", *args], env=regio.env(), input=stdin, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result


# --- the steps -------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_first_run_on_own_data_publishes(eigen_regio: EigenRegio) -> None:
    uit = eigen_regio.outputs["run"].stdout
    assert ": GESLAAGD" in uit and "dbt-tests geslaagd" in uit
    assert eigen_regio.warehouse.is_file()
    assert stat.S_IMODE((eigen_regio.root / "sleutel.txt").stat().st_mode) == 0o600
    assert "Quarantaine per reden:" in eigen_regio.outputs["status"].stdout


@pytest.mark.slow
def test_the_user_is_created_next_to_the_warehouse(eigen_regio: EigenRegio) -> None:
    assert "WMO_USERS_FILE" not in eigen_regio.settings
    assert stat.S_IMODE(eigen_regio.users_file.stat().st_mode) == 0o600
    assert auth.laad_gebruikers(eigen_regio.users_file) == {
        GEBRUIKER: auth.Gebruiker(GEBRUIKER, "contractmanager", (GEMEENTE,))
    }
    assert eigen_regio.wachtwoord not in eigen_regio.users_file.read_text(encoding="utf-8")


@pytest.mark.slow
def test_login_with_the_created_user_sees_only_their_municipality(dashboard: EigenRegio) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not any("Er zijn nog geen gebruikers" in i.value for i in at.info)
    at = login(GEBRUIKER, dashboard.wachtwoord)
    assert at.session_state["gebruiker"] == auth.Gebruiker(GEBRUIKER, "contractmanager", (GEMEENTE,))
    assert [t.value for t in at.title] == [landing_title("contractmanager")]
    assert any(c.value == "Gemeenten: Roermond" for c in at.sidebar.caption)
    assert (at.metric or at.dataframe) and not at.error  # the landing page shows the region's numbers


@pytest.mark.slow
def test_a_wrong_password_does_not_log_in(dashboard: EigenRegio) -> None:
    at = login(GEBRUIKER, dashboard.wachtwoord + "x")
    assert "gebruiker" not in at.session_state
    assert any("onjuist wachtwoord" in e.value for e in at.error)


@pytest.mark.slow
def test_changes_to_a_user_reach_an_open_session(dashboard: EigenRegio) -> None:
    wachtwoord = "tijdelijk-wachtwoord-123"
    gebruikers(
        dashboard, "toevoegen", "tijdelijk", "--rol", "controller", "--wachtwoord-stdin", stdin=wachtwoord
    )
    at = login("tijdelijk", wachtwoord)
    assert at.session_state["gebruiker"].rol == "controller"

    gebruikers(dashboard, "wijzigen", "tijdelijk", "--rol", "beheerder", "--gemeente", GEMEENTE)
    at.run()
    assert at.session_state["gebruiker"] == auth.Gebruiker("tijdelijk", "beheerder", (GEMEENTE,))
    assert [t.value for t in at.title] == [
        "Geen toegang"
    ]  # the open page is a controller's, not a beheerder's
    at.switch_page("app_pages/datakwaliteit.py").run()
    assert [t.value for t in at.title] == ["Datakwaliteit"]

    gebruikers(dashboard, "verwijderen", "tijdelijk")
    at.run()
    assert "gebruiker" not in at.session_state
    assert [t.value for t in at.title] == ["Wmo-monitor"]
    assert any("Je bent afgemeld" in w.value for w in at.warning)


# --- the guide describes the product as it is ------------------------------------------------------------------


def test_readme_links_the_guide_and_the_data_dictionary() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "(docs/handleiding/README.md)" in readme
    assert "make docs" in readme and "static_index.html" in readme


def _commands_in_guide() -> list[list[str]]:
    regels = [r for b in code_blocks(GUIDE) for r in b.splitlines()]
    return [
        r.split("wmo-monitor ", 1)[1].split("#")[0].split()
        for r in regels
        if re.search(r"\bwmo-monitor [a-z]", r)
    ]


def test_every_command_and_option_in_the_guide_exists() -> None:
    gezien = set()
    for woorden in _commands_in_guide():
        commando: click.Command = cli.main
        pad = []
        while isinstance(commando, click.Group) and woorden and not woorden[0].startswith("-"):
            assert woorden[0] in commando.commands, (
                f"onbekend commando: wmo-monitor {' '.join([*pad, woorden[0]])}"
            )
            pad.append(woorden.pop(0))
            commando = commando.commands[pad[-1]]
        opties = {o for p in commando.params for o in p.opts}
        for woord in woorden:
            if woord.startswith("--"):
                assert woord in opties, f"wmo-monitor {' '.join(pad)} kent {woord} niet"
        gezien.add(" ".join(pad))
    assert {"run", "status", "serve", "export", "gebruikers toevoegen", "gebruikers wijzigen"} <= gezien
    assert {"gebruikers verwijderen", "gebruikers lijst"} <= gezien


def test_the_landing_layout_is_the_product_s() -> None:
    indeling = guide_block("landing/\n")
    mappen = re.findall(r"^  ([a-z]+)/", indeling, flags=re.MULTILINE)
    assert sorted(mappen) == sorted(FAMILIES)
    assert (
        guide_block("mkdir -p /srv/wmo-monitor/landing/")
        .strip()
        .endswith("{berichten,klachten,verantwoording,referentie}")
    )
    if SPEC_INPUTS.is_file():  # the customer's specification, next to the repository
        spec = SPEC_INPUTS.read_text(encoding="utf-8")
        spec_indeling = re.search(r"```\n<landing>/\n(.*?)```", spec, flags=re.DOTALL)
        assert spec_indeling is not None
        assert re.findall(r"^  ([a-z]+)/", spec_indeling.group(1), flags=re.MULTILINE) == mappen


def test_the_reference_files_and_columns_are_the_parser_s() -> None:
    rijen = dict(re.findall(r"^\| `([a-z]+\.csv)` \| (.*) \|$", GUIDE, flags=re.MULTILINE))
    assert set(rijen) == set(REFERENTIE_BESTANDEN)
    for bestand, tabel in REFERENTIE_BESTANDEN.items():
        assert re.findall(r"`([a-z0-9_]+)`", rijen[bestand]) == [f.name for f in _FIELDS[tabel]], bestand


def test_the_guide_names_every_role() -> None:
    tabel = GUIDE.split("| rol | ziet |", 1)[1].split("\n\n", 1)[0]
    assert re.findall(r"^\| `([a-z]+)` \|", tabel, flags=re.MULTILINE) == list(auth.ROLLEN)


def test_the_settings_file_names_only_real_settings() -> None:
    namen = re.findall(r"^(WMO_[A-Z_]+)=", guide_block("WMO_LANDING_DIR="), flags=re.MULTILINE)
    assert namen == ["WMO_LANDING_DIR", "WMO_WAREHOUSE", "WMO_PSEUDONIEM_SLEUTEL_FILE"]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert all(f"`{n}`" in readme for n in namen)
