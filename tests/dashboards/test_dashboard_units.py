"""Unit tests: password hashing and users file, suppression, Dutch formatting, exports."""

from __future__ import annotations

import io
import json
import math
import stat
from pathlib import Path

import pandas as pd
import pytest

import dashboards
from dashboards import auth, downloads, formatting, suppression

# --- auth ----------------------------------------------------------------------------------------------------


def test_hash_is_salted_pbkdf2_and_verifies() -> None:
    h1 = auth.hash_wachtwoord("geheim")
    h2 = auth.hash_wachtwoord("geheim")
    algoritme, iteraties, zout, _ = h1.split("$")
    assert algoritme == "pbkdf2_sha256" and int(iteraties) >= 200_000
    assert h1 != h2 and zout != h2.split("$")[2]  # per-user random salt
    assert auth.controleer_wachtwoord("geheim", h1)
    assert not auth.controleer_wachtwoord("Geheim", h1)
    assert not auth.controleer_wachtwoord("geheim", "onzin")
    assert not auth.controleer_wachtwoord("geheim", h1.replace("pbkdf2_sha256", "md5"))


def test_too_few_iterations_refused() -> None:
    with pytest.raises(auth.GebruikersFout):
        auth.hash_wachtwoord("x", iteraties=1000)
    weak = auth.hash_wachtwoord("x", iteraties=200_000).replace("$200000$", "$1000$")
    assert not auth.controleer_wachtwoord("x", weak)


def test_create_user_and_authenticate(tmp_path) -> None:
    path = tmp_path / "gebruikers.json"
    auth.create_user(path, "anna", "welkom-123", "controller", ["0344"], iteraties=200_000)
    data = json.loads(path.read_text())
    record = data["gebruikers"][0]
    assert record["gebruikersnaam"] == "anna" and record["gemeenten"] == ["0344"]
    assert "welkom-123" not in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    g = auth.authenticate(path, "anna", "welkom-123")
    assert g == auth.Gebruiker("anna", "controller", ("0344",)) and g.beperkt
    assert auth.authenticate(path, "anna", "fout") is None
    assert auth.authenticate(path, "onbekend", "welkom-123") is None
    auth.create_user(path, "anna", "nieuw-wachtwoord", "beheerder", iteraties=200_000)  # replaces
    assert auth.laad_gebruikers(path)["anna"].rol == "beheerder"
    with pytest.raises(auth.GebruikersFout):
        auth.create_user(path, "bob", "x", "directeur")
    with pytest.raises(auth.GebruikersFout):
        auth.create_user(path, "bob", "x", "controller", ["Utrecht"])


def test_write_demo_users_one_per_role(tmp_path) -> None:
    path = tmp_path / "gebruikers.json"
    auth.create_user(path, "eigen", "wachtwoord", "controller", iteraties=200_000)
    wachtwoorden = auth.write_demo_users(path)
    gebruikers = auth.laad_gebruikers(path)
    assert {gebruikers[n].rol for n in wachtwoorden} == set(auth.ROLLEN)
    assert "eigen" in gebruikers  # other users are kept
    for naam, wachtwoord in wachtwoorden.items():
        assert len(wachtwoord) >= 12
        assert auth.authenticate(path, naam, wachtwoord) is not None


def test_audit_log_is_json_lines(tmp_path) -> None:
    auth.audit(tmp_path, "login", "anna", rol="controller")
    auth.audit(tmp_path, "export", "anna", tabel="x", formaat="csv", rijen=3)
    regels = auth.lees_audit(tmp_path)
    assert [r["gebeurtenis"] for r in regels] == ["login", "export"]
    assert regels[1]["rijen"] == 3 and "tijdstip" in regels[0]
    with auth.audit_pad(tmp_path).open("a", encoding="utf-8") as fh:
        fh.write('{"tijdstip": "2025-01-0')  # cut short by a crash mid-write
    assert len(auth.lees_audit(tmp_path)) == 2


# --- suppression ---------------------------------------------------------------------------------------------


def test_count_and_ratio_rules() -> None:
    assert suppression.count_text(9, 10) == "<10"
    assert suppression.count_text(0, 10) == "<10"
    assert suppression.count_text(10, 10) == "10"
    assert suppression.count_text(1234, 10) == "1.234"
    assert suppression.ratio_value(3, 9, 10) is None
    assert suppression.ratio_value(3, 12, 10) == pytest.approx(0.25)
    assert suppression.ratio_value(3, None, 10) is None


def test_suppress_frame_masks_counts_and_ratios() -> None:
    df = pd.DataFrame({"n": [30, 5], "behaald": [18, 3], "pct": [0.6, 0.6], "naam": ["a", "b"]})
    res = suppression.suppress_frame(df, 10, aantallen=["n", "behaald"], ratios={"pct": "n"})
    assert res.frame.loc[0, "n"] == 30 and res.frame.loc[0, "pct"] == 0.6
    assert math.isnan(res.frame.loc[1, "n"]) and math.isnan(res.frame.loc[1, "pct"])
    assert math.isnan(res.frame.loc[1, "behaald"]) and math.isnan(res.frame.loc[0, "behaald"]) is False
    assert res.aantal_onderdrukt == 3
    assert df.loc[1, "n"] == 5  # input untouched


def test_suppression_respects_configured_minimum() -> None:
    df = pd.DataFrame({"n": [5]})
    assert suppression.suppress_frame(df, 5, aantallen=["n"]).frame.loc[0, "n"] == 5
    assert suppression.label(5) == "<5"


# --- formatting and exports ----------------------------------------------------------------------------------


def test_dutch_formatting() -> None:
    assert formatting.euro(123456, cent=True) == "€ 1.234,56"
    assert formatting.euro(-1234.565) == "€ -1.234,57"
    assert formatting.procent(0.825, fractie=True) == "82,5 %"
    assert formatting.getal(7.25, 1) == "7,3"
    assert formatting.aantal(1234567) == "1.234.567"
    assert formatting.getal(None) == "–"
    assert formatting.datum(pd.Timestamp("2024-12-31")) == "31-12-2024"


def test_csv_is_dutch_excel_friendly() -> None:
    df = pd.DataFrame({"Aanbieder": ["Zorg Plus"], "Bedrag": [1234.5], "Aantal": ["<10"]})
    tekst = downloads.csv_bytes(df).decode("utf-8-sig")
    assert tekst.splitlines() == ["Aanbieder;Bedrag;Aantal", "Zorg Plus;1234,5;<10"]


def test_xlsx_roundtrip() -> None:
    df = pd.DataFrame({"Aanbieder": ["Zorg Plus"], "Bedrag": [1234.5], "Aantal": ["<10"]})
    data = downloads.xlsx_bytes(df, {"Bedrag": "euro"}, "Test")
    terug = pd.read_excel(io.BytesIO(data), engine="openpyxl")
    assert terug.to_dict("records") == [{"Aanbieder": "Zorg Plus", "Bedrag": 1234.5, "Aantal": "<10"}]
    assert downloads.bestandsnaam("Uitval per aanbieder", "csv").startswith("wmo-uitval-per-aanbieder-")


def test_default_year_is_the_peildatum_year_not_a_stray_later_one():
    from datetime import date

    from dashboards.ui import standaard_jaar

    assert standaard_jaar([2023, 2024, 2025], date(2024, 12, 31)) == 2024
    assert standaard_jaar([2023, 2024], None) == 2024
    assert standaard_jaar([2026], date(2024, 12, 31)) == 2026


def test_pages_have_no_bare_strings_that_streamlit_would_render():
    """Streamlit's magic writes every bare string statement of a page to the screen (only the module docstring is
    skipped): an English note meant for developers would appear on a Dutch page."""
    import ast

    pages = [
        Path(dashboards.__file__).parent / "app.py",
        *sorted((Path(dashboards.__file__).parent / "app_pages").glob("*.py")),
    ]
    found = []
    for page in pages:
        for node in ast.parse(page.read_text(encoding="utf-8")).body[1:]:
            if (
                isinstance(node, ast.Expr)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                found.append(f"{page.name}:{node.lineno}")
    assert not found, found


def test_euro_kort_fits_a_tile_and_keeps_small_amounts_exact():
    assert formatting.euro_kort(1_977_447_012, cent=True) == "€ 19,8 mln"
    assert formatting.euro_kort(-2_500_000) == "€ -2,5 mln"
    assert formatting.euro_kort(99_999_999, cent=True) == "€ 999.999,99"
    assert formatting.euro_kort(None) == formatting.LEEG
