"""`wmo-monitor gebruikers toevoegen|wijzigen|verwijderen|lijst`: the users file the dashboard logs in against."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from dashboards import auth
from wmo_monitor import cli

WACHTWOORD = "correct-paard-batterij"


@pytest.fixture
def bestand(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The users file through WMO_USERS_FILE, with no other WMO_* setting of the machine leaking in."""
    for naam in ("WMO_WAREHOUSE", "WMO_PSEUDONIEM_SLEUTEL", "WMO_PSEUDONIEM_SLEUTEL_FILE"):
        monkeypatch.delenv(naam, raising=False)
    pad = tmp_path / "config" / "gebruikers.json"
    monkeypatch.setenv("WMO_USERS_FILE", str(pad))
    return pad


def gebruikers(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli.main, ["gebruikers", *args], input=stdin)


def toevoegen(naam: str, *args: str, wachtwoord: str = WACHTWOORD) -> Result:
    return gebruikers("toevoegen", naam, *args, "--wachtwoord-stdin", stdin=wachtwoord + "\n")


def records(pad: Path) -> dict[str, dict]:
    return {r["gebruikersnaam"]: r for r in json.loads(pad.read_text(encoding="utf-8"))["gebruikers"]}


def test_toevoegen_with_password_from_stdin(bestand: Path) -> None:
    result = toevoegen("anne", "--rol", "contractmanager", "--gemeente", "0344,0355", "--gemeente", "0310")
    assert result.exit_code == 0, result.output
    assert "Gebruiker anne (rol contractmanager; 0344, 0355, 0310) toegevoegd" in result.output
    assert stat.S_IMODE(bestand.stat().st_mode) == 0o600
    gebruiker = auth.authenticate(bestand, "anne", WACHTWOORD)
    assert gebruiker == auth.Gebruiker("anne", "contractmanager", ("0344", "0355", "0310"))
    assert WACHTWOORD not in bestand.read_text(encoding="utf-8") and WACHTWOORD not in result.output


def test_toevoegen_asks_twice_without_echo_on_a_terminal(
    bestand: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_stdin_is_terminal", lambda: True)
    result = gebruikers("toevoegen", "bob", "--rol", "beheerder", stdin=f"{WACHTWOORD}\n{WACHTWOORD}\n")
    assert result.exit_code == 0, result.output
    assert "Wachtwoord: " in result.output and "Herhaal het wachtwoord: " in result.output
    assert WACHTWOORD not in result.output
    assert auth.authenticate(bestand, "bob", WACHTWOORD) == auth.Gebruiker("bob", "beheerder")


def test_toevoegen_refuses_two_different_passwords(bestand: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_stdin_is_terminal", lambda: True)
    result = gebruikers("toevoegen", "bob", "--rol", "beheerder", stdin=f"{WACHTWOORD}\nander-wachtwoord-1\n")
    assert result.exit_code == 2
    assert "De twee wachtwoorden zijn niet gelijk; er is niets gewijzigd." in result.output
    assert not bestand.exists()


def test_toevoegen_without_terminal_or_stdin_flag_says_how(bestand: Path) -> None:
    result = gebruikers("toevoegen", "bob", "--rol", "beheerder", stdin=f"{WACHTWOORD}\n")
    assert result.exit_code == 2
    assert "--wachtwoord-stdin" in result.output and not bestand.exists()


def test_toevoegen_refuses_a_short_password(bestand: Path) -> None:
    result = toevoegen("bob", "--rol", "beheerder", wachtwoord="kort")
    assert result.exit_code == 2
    assert f"korter dan {cli.MIN_WACHTWOORD_LENGTE} tekens" in result.output and not bestand.exists()


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (("--rol", "directeur"), "Onbekende rol 'directeur'; kies uit contractmanager"),
        (
            ("--rol", "controller", "--gemeente", "Utrecht"),
            "Gemeentecode 'Utrecht' is geen 4-cijferige CBS-code",
        ),
    ],
)
def test_toevoegen_checks_role_and_codes_before_the_password(
    bestand: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], melding: str
) -> None:
    monkeypatch.setattr(cli, "_stdin_is_terminal", lambda: True)
    result = gebruikers("toevoegen", "bob", *args, stdin="")  # no password typed: it must not be asked
    assert result.exit_code == 2
    assert melding in result.output and "Wachtwoord" not in result.output


def test_toevoegen_refuses_an_existing_user(bestand: Path) -> None:
    assert toevoegen("anne", "--rol", "controller").exit_code == 0
    voor = records(bestand)
    result = toevoegen("anne", "--rol", "beheerder", wachtwoord="een-ander-wachtwoord")
    assert result.exit_code == 2
    assert "Gebruiker 'anne' bestaat al; wijzig die met `wmo-monitor gebruikers wijzigen`." in result.output
    assert records(bestand) == voor


def test_the_help_names_every_role() -> None:
    assert cli._ROLLEN_HELP.replace(" of ", ", ").split(", ") == list(auth.ROLLEN)


def test_no_command_takes_a_password_as_argument() -> None:
    groep = cli.main.commands["gebruikers"]
    assert isinstance(groep, click.Group)
    assert set(groep.commands) == {"toevoegen", "wijzigen", "verwijderen", "lijst"}
    for commando in groep.commands.values():
        for optie in commando.params:
            if "wachtwoord" in optie.name:
                assert isinstance(optie, click.Option) and optie.is_flag, (commando.name, optie.name)


def test_wijzigen_changes_only_what_is_given(bestand: Path) -> None:
    assert toevoegen("anne", "--rol", "contractmanager", "--gemeente", "0344").exit_code == 0
    hash_voor = records(bestand)["anne"]["wachtwoord_hash"]

    result = gebruikers("wijzigen", "anne", "--rol", "controller")
    assert result.exit_code == 0, result.output
    assert "Gebruiker anne (rol controller; 0344) gewijzigd" in result.output
    assert records(bestand)["anne"]["wachtwoord_hash"] == hash_voor

    assert gebruikers("wijzigen", "anne", "--gemeente", "0355", "--gemeente", "0310").exit_code == 0
    assert auth.laad_gebruikers(bestand)["anne"].gemeenten == ("0355", "0310")
    assert gebruikers("wijzigen", "anne", "--alle-gemeenten").exit_code == 0
    assert "gemeenten" not in records(bestand)["anne"]
    assert auth.authenticate(bestand, "anne", WACHTWOORD) == auth.Gebruiker("anne", "controller")

    nieuw = "een-nieuw-lang-wachtwoord"
    assert gebruikers("wijzigen", "anne", "--wachtwoord-stdin", stdin=nieuw + "\n").exit_code == 0
    assert auth.authenticate(bestand, "anne", WACHTWOORD) is None
    assert auth.authenticate(bestand, "anne", nieuw) == auth.Gebruiker("anne", "controller")
    assert stat.S_IMODE(bestand.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        ((), "Er is niets te wijzigen"),
        (("--gemeente", "0344", "--alle-gemeenten"), "niet allebei"),
        (("--rol", "directeur"), "Onbekende rol 'directeur'"),
    ],
)
def test_wijzigen_refuses_and_changes_nothing(bestand: Path, args: tuple[str, ...], melding: str) -> None:
    assert toevoegen("anne", "--rol", "controller").exit_code == 0
    voor = records(bestand)
    result = gebruikers("wijzigen", "anne", *args)
    assert result.exit_code == 2 and melding in result.output
    assert records(bestand) == voor


def test_wijzigen_and_verwijderen_an_unknown_user(bestand: Path) -> None:
    assert toevoegen("anne", "--rol", "controller").exit_code == 0
    for args in (("wijzigen", "bob", "--rol", "beheerder"), ("verwijderen", "bob")):
        result = gebruikers(*args)
        assert result.exit_code == 2
        assert "Gebruiker 'bob' staat niet in" in result.output and "gebruikers lijst" in result.output


def test_verwijderen_keeps_the_others(bestand: Path) -> None:
    assert toevoegen("anne", "--rol", "controller").exit_code == 0
    assert toevoegen("bob", "--rol", "beheerder").exit_code == 0
    result = gebruikers("verwijderen", "anne")
    assert result.exit_code == 0 and "Gebruiker anne verwijderd" in result.output
    assert set(records(bestand)) == {"bob"}
    assert auth.authenticate(bestand, "anne", WACHTWOORD) is None


def test_verwijderen_removes_a_user_whose_record_is_broken(bestand: Path) -> None:
    bestand.parent.mkdir(parents=True)
    bestand.write_text(json.dumps({"gebruikers": [{"gebruikersnaam": "oud", "rol": "directeur"}]}), "utf-8")
    assert gebruikers("verwijderen", "oud").exit_code == 0
    assert records(bestand) == {}


def test_lijst(bestand: Path) -> None:
    leeg = gebruikers("lijst")
    assert leeg.exit_code == 0 and "Nog geen gebruikers in" in leeg.output
    assert toevoegen("zeist.cm", "--rol", "contractmanager", "--gemeente", "0355").exit_code == 0
    assert toevoegen("anne", "--rol", "controller").exit_code == 0
    regels = gebruikers("lijst").output.splitlines()
    assert regels[1].split() == ["gebruikersnaam", "rol", "gemeenten"]
    assert [r.split() for r in regels[2:]] == [
        ["anne", "controller", "alle"],
        ["zeist.cm", "contractmanager", "0355"],
    ]
    assert "pbkdf2" not in "".join(regels)


def test_default_users_file_is_next_to_the_warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WMO_USERS_FILE", raising=False)
    monkeypatch.setenv("WMO_WAREHOUSE", str(tmp_path / "data" / "warehouse.duckdb"))
    assert toevoegen("anne", "--rol", "controller").exit_code == 0
    assert (tmp_path / "data" / "gebruikers.json").is_file()
    eigen = tmp_path / "elders.json"
    assert toevoegen("bob", "--rol", "controller", "--gebruikersbestand", str(eigen)).exit_code == 0
    assert set(records(eigen)) == {"bob"}
