"""Unit tests: password hashing and users file, Dutch formatting, exports (formats, suppressed cells, formulas)."""

from __future__ import annotations

import csv
import io
import json
import stat
from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import dashboards
from dashboards import auth, downloads, formatting
from runtime.spreadsheet import FORMULE_BEGIN, veilige_cel

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


# --- formatting and exports ----------------------------------------------------------------------------------


def test_dutch_formatting() -> None:
    assert formatting.euro(123456, cent=True) == "€ 1.234,56"
    assert formatting.euro(-1234.565) == "€ -1.234,57"
    assert formatting.procent(0.825, fractie=True) == "82,5 %"
    assert formatting.getal(7.25, 1) == "7,3"
    assert formatting.aantal(1234567) == "1.234.567"
    assert formatting.getal(None) == "–"
    assert formatting.datum(pd.Timestamp("2024-12-31")) == "31-12-2024"
    assert formatting.datum(pd.NaT) == "–"
    assert formatting.tijdstip(pd.Timestamp("2025-01-02 08:01:05", tz="UTC")) == "02-01-2025 09:01:05"


def _csv_regels(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_csv_is_dutch_excel_friendly() -> None:
    df = pd.DataFrame(
        {"Aanbieder": ["Zorg Plus"], "Bedrag": [1234.5], "Aandeel (%)": [11.1111], "Aantal": [12]}
    )
    tekst = downloads.csv_bytes(df, {"Bedrag": "euro", "Aandeel (%)": "pct", "Aantal": "aantal"})
    assert tekst.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    assert tekst.decode("utf-8-sig").splitlines() == [
        "Aanbieder;Bedrag;Aandeel (%);Aantal",
        "Zorg Plus;1234,50;11,1;12",
    ]


def test_csv_has_the_explanation_above_the_header_and_empty_suppressed_cells() -> None:
    df = pd.DataFrame({"Aanbieder": ["A", "B"], "Klachten": [12.0, None], "Onderdrukt": [None, "Klachten"]})
    regels = _csv_regels(
        downloads.csv_bytes(df, {"Klachten": "aantal"}, toelichting="Uitleg over onderdrukking.")
    )
    assert regels[0] == ["Toelichting: Uitleg over onderdrukking."]
    assert regels[1] == []
    assert regels[2:] == [["Aanbieder", "Klachten", "Onderdrukt"], ["A", "12", ""], ["B", "", "Klachten"]]


def test_moments_keep_their_time_in_amsterdam_and_dates_stay_dates() -> None:
    df = pd.DataFrame(
        {
            "Tijdstip": pd.to_datetime(["2025-07-01T10:15:30Z"], utc=True),
            "Peildatum": [pd.Timestamp("2024-12-31")],
        }
    )
    soorten = {"Tijdstip": "tijdstip", "Peildatum": "datum"}
    assert _csv_regels(downloads.csv_bytes(df, soorten))[1] == ["01-07-2025 12:15:30", "31-12-2024"]
    blad = openpyxl.load_workbook(io.BytesIO(downloads.xlsx_bytes(df, soorten))).active
    assert blad["A2"].value == datetime(2025, 7, 1, 12, 15, 30)
    assert blad["A2"].number_format == "dd-mm-yyyy hh:mm:ss"
    assert blad["B2"].value == datetime(2024, 12, 31) and blad["B2"].number_format == "dd-mm-yyyy"


def test_xlsx_roundtrip_with_formats_and_note() -> None:
    df = pd.DataFrame(
        {"Aanbieder": ["Zorg Plus"], "Bedrag": [1234.567], "Uitval (%)": [25.04], "Aantal": [None]}
    )
    data = downloads.xlsx_bytes(
        df, {"Bedrag": "euro", "Uitval (%)": "pct", "Aantal": "aantal"}, "Test", toelichting="Uitleg."
    )
    blad = openpyxl.load_workbook(io.BytesIO(data)).active
    assert blad["A1"].value == "Toelichting: Uitleg."
    assert [c.value for c in blad[3]] == ["Aanbieder", "Bedrag", "Uitval (%)", "Aantal"]
    assert [c.value for c in blad[4]] == [
        "Zorg Plus",
        1234.57,
        25.0,
        None,
    ]  # rounded as shown; empty stays empty
    assert blad["B4"].number_format == "€ #,##0.00;€ -#,##0.00" and blad["C4"].number_format == "#,##0.0"
    terug = pd.read_excel(io.BytesIO(data), engine="openpyxl", header=2)
    assert list(terug.columns) == ["Aanbieder", "Bedrag", "Uitval (%)", "Aantal"]
    assert downloads.bestandsnaam("Uitval per aanbieder", "csv").startswith("wmo-uitval-per-aanbieder-")


GEVAARLIJK = [
    '=HYPERLINK("http://evil.example/","klik")',
    "+1+1",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("tekst", GEVAARLIJK)
def test_the_neutraliser_follows_owasp(tekst: str) -> None:
    assert veilige_cel(tekst) == "'" + tekst
    assert veilige_cel("Zorg = goed") == "Zorg = goed" and veilige_cel(-5) == -5 and veilige_cel(None) is None


def assert_geen_formules(xlsx: bytes) -> list[str]:
    """Open the file as Excel would and check that no cell is a formula; returns all text cells."""
    boek = openpyxl.load_workbook(io.BytesIO(xlsx))
    teksten = []
    for blad in boek.worksheets:
        for rij in blad.iter_rows():
            for cel in rij:
                assert cel.data_type != "f", (cel.coordinate, cel.value)
                if isinstance(cel.value, str):
                    assert not cel.value.startswith(FORMULE_BEGIN), (cel.coordinate, cel.value)
                    teksten.append(cel.value)
    return teksten


def test_no_text_becomes_a_formula_in_either_export() -> None:
    df = pd.DataFrame({GEVAARLIJK[0]: GEVAARLIJK, "Aantal": range(len(GEVAARLIJK))})
    teksten = assert_geen_formules(downloads.xlsx_bytes(df, {"Aantal": "aantal"}, toelichting="=1+1"))
    assert "'" + GEVAARLIJK[0] in teksten and "'=1+1" not in teksten  # the note is prefixed "Toelichting: "
    for regel in _csv_regels(downloads.csv_bytes(df, {"Aantal": "aantal"})):
        for cel in regel:
            assert not cel.startswith(FORMULE_BEGIN), cel
    assert _csv_regels(downloads.csv_bytes(df))[1][0] == "'" + GEVAARLIJK[0]


def test_a_complaint_register_with_formulas_loads_and_exports_as_text() -> None:
    """A provider's register as it arrives: the complaint id is a formula, a category too (quarantined with the
    value in its message). Both the loaded rows and the quarantine messages go out as text in CSV and XLSX."""
    from ingest.klachten.parser import parse_klachten

    register = (
        b"aanbieder_agb;gemeentecode;klacht_id;datum_ontvangst;categorie;uitkomst\n"
        b'11111111;0344;=HYPERLINK("http://evil.example/","klik");2024-04-01;bejegening;gegrond\n'
        b'11111111;0344;K2;2024-04-02;=HYPERLINK("http://evil.example/","klik");gegrond\n'
        b"11111111;0344;@SUM(1+1)*cmd|' /C calc'!A0;2024-04-03;kwaliteit;\n"
    )
    parsed = parse_klachten(
        register, naam="klachten.csv", bestand_sha256="0" * 64, bestand_volgnummer=1, pseudonymiser=str
    )
    rijen = pd.DataFrame(parsed.tables["klachten"])
    assert sorted(rijen["klacht_id"]) == sorted(
        ['=HYPERLINK("http://evil.example/","klik")', "@SUM(1+1)*cmd|' /C calc'!A0"]
    )
    meldingen = [q.melding for q in parsed.quarantaine]
    tabel = pd.DataFrame(
        {
            "Klacht": [*rijen["klacht_id"], *["" for _ in meldingen]],
            "Categorie": [*rijen["categorie"], *["" for _ in meldingen]],
            "Melding": [*["" for _ in range(len(rijen))], *meldingen],
        }
    )
    teksten = assert_geen_formules(downloads.xlsx_bytes(tabel))
    assert '\'=HYPERLINK("http://evil.example/","klik")' in teksten
    cellen = [c for r in _csv_regels(downloads.csv_bytes(tabel)) for c in r]
    assert '\'=HYPERLINK("http://evil.example/","klik")' in cellen
    assert not any(c.startswith(FORMULE_BEGIN) for c in cellen)
    assert any("=HYPERLINK" in m for m in meldingen)


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
