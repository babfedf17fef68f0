"""parse_verantwoording on workbooks written with xlsxwriter: values, sheets, columns, row faults."""

from __future__ import annotations

import datetime as dt

import pytest
from tabular_files import (
    PRODUCTIE,
    RESULTATEN,
    TEVREDENHEID,
    VALID_BSN,
    VALID_BSN_2,
    expected_pseudonym,
    write_xlsx,
)

from ingest.model import Rejection
from ingest.raw_schema import RAW_TABLES
from ingest.verantwoording import parse_verantwoording

SHA = "cd" * 32
SUBRESULTATEN = {"1.1", "1.4", "2.3"}


def aanbieder(**override):
    fields = {
        "aanbieder_agb": 1234567,
        "aanbieder_naam": "Thuiszorg De Linde B.V.",
        "boekjaar": 2024,
        "versie": 2,
        "omzet_wmo_totaal": "1.250.000,50",
        "datum_productieverantwoording": dt.date(2025, 3, 31),
        "soort_verklaring": "Accountantsverklaring",
        "datum_verklaring": "15-04-2025",
    }
    fields.update(override)
    return [["Veld", "Waarde"]] + [[k, v] for k, v in fields.items() if v is not ...]


def workbook(**sheets):
    base = {
        "Aanbieder": aanbieder(),
        "Productie": [
            PRODUCTIE,
            [957, 2, "02A01", 14, 1200, "1.234,56", 25],
            ["0935", "02", "02A02", "04", 300, 1234.56, 4],
            ["GM0957", "03", "03B01", "01", 10, "1234.56", 1],
        ],
        "Resultaten": [
            RESULTATEN,
            [
                957,
                4711,
                VALID_BSN,
                "1.4",
                "Verbetering",
                "Deels behaald",
                dt.date(2024, 6, 30),
                "Herindicatie lichter",
            ],
            [957, 4712, 111222333, "2.3", "stabilisatie", "behaald", "01-07-2024", None],
        ],
        "Tevredenheid": [
            TEVREDENHEID,
            [957, 4711, VALID_BSN, dt.date(2024, 11, 2), 8, "cliënt"],
            [957, 4712, VALID_BSN_2, 45600, 10, "Vertegenwoordiger"],
        ],
    }
    base.update(sheets)
    return base


def parse(tmp_path, sheets, pseudonymiser, naam="verantwoording 2024.xlsx"):
    data = write_xlsx(tmp_path / "w.xlsx", sheets)
    return parse_verantwoording(
        data,
        naam=naam,
        bestand_sha256=SHA,
        bestand_volgnummer=3,
        pseudonymiser=pseudonymiser,
        bekende_subresultaten=SUBRESULTATEN,
    )


def rejection(tmp_path, sheets, pseudonymiser, **kw) -> Rejection:
    with pytest.raises(Rejection) as exc:
        parse(tmp_path, sheets, pseudonymiser, **kw)
    return exc.value


def test_full_valid_workbook(tmp_path, pseudonymiser):
    result = parse(tmp_path, workbook(), pseudonymiser)
    assert result.quarantaine == []
    key = {
        "bestand_sha256": SHA,
        "bestand_volgnummer": 3,
        "aanbieder_agb": "01234567",
        "boekjaar": 2024,
        "versie": 2,
    }
    assert result.tables["verantwoording_aanbieder"] == [
        {
            **key,
            "rij": 2,
            "aanbieder_naam": "Thuiszorg De Linde B.V.",
            "omzet_wmo_totaal_cent": 125000050,
            "datum_productieverantwoording": dt.date(2025, 3, 31),
            "soort_verklaring": "accountantsverklaring",
            "datum_verklaring": dt.date(2025, 4, 15),
        }
    ]
    productie = result.tables["verantwoording_productie"]
    assert productie[0] == {
        **key,
        "rij": 2,
        "gemeentecode": "0957",
        "productcategorie": "02",
        "productcode": "02A01",
        "eenheid": "14",
        "volume": 1200,
        "bedrag_cent": 123456,
        "aantal_clienten": 25,
    }
    # '1.234,56' text, 1234.56 number cell and '1234.56' text: all exactly 123456 cent
    assert [r["bedrag_cent"] for r in productie] == [123456, 123456, 123456]
    assert [(r["gemeentecode"], r["eenheid"], r["rij"]) for r in productie] == [
        ("0957", "14", 2),
        ("0935", "04", 3),
        ("0957", "01", 4),
    ]
    resultaten = result.tables["verantwoording_resultaten"]
    assert resultaten[0] == {
        **key,
        "rij": 2,
        "gemeentecode": "0957",
        "toewijzingnummer": 4711,
        "client_pseudoniem": expected_pseudonym(VALID_BSN),
        "subresultaat": "1.4",
        "inschatting_vooraf": "verbetering",
        "resultaat": "deels behaald",
        "evaluatiedatum": dt.date(2024, 6, 30),
        "vervolgadvies": "herindicatie lichter",
    }
    assert resultaten[1]["client_pseudoniem"] == expected_pseudonym("111222333")  # BSN typed as a number
    assert resultaten[1]["evaluatiedatum"] == dt.date(2024, 7, 1)
    assert resultaten[1]["vervolgadvies"] is None
    tevredenheid = result.tables["verantwoording_tevredenheid"]
    assert tevredenheid[0] == {
        **key,
        "rij": 2,
        "gemeentecode": "0957",
        "toewijzingnummer": 4711,
        "client_pseudoniem": expected_pseudonym(VALID_BSN),
        "datum": dt.date(2024, 11, 2),
        "cijfer": 8,
        "respondent": "client",
    }
    assert (tevredenheid[1]["datum"], tevredenheid[1]["cijfer"]) == (dt.date(2024, 11, 4), 10)
    for table, rows in result.tables.items():
        assert list(rows[0]) == [c for c, _ in RAW_TABLES[table]]
    assert VALID_BSN not in repr(result.tables)


def test_sheet_names_in_other_case(tmp_path, pseudonymiser):
    sheets = {
        name.upper() if i % 2 else f" {name.lower()} ": rows
        for i, (name, rows) in enumerate(workbook().items())
    }
    result = parse(tmp_path, sheets, pseudonymiser)
    assert len(result.tables["verantwoording_productie"]) == 3
    assert result.quarantaine == []


def test_missing_sheet(tmp_path, pseudonymiser):
    sheets = workbook()
    del sheets["Tevredenheid"]
    exc = rejection(tmp_path, sheets, pseudonymiser)
    assert exc.reden_code == "TABBLAD_ONTBREEKT"
    assert "'Tevredenheid'" in exc.melding


def test_missing_column_names_column_and_sheet(tmp_path, pseudonymiser):
    sheets = workbook(Resultaten=[[c for c in RESULTATEN if c != "evaluatiedatum"]])
    exc = rejection(tmp_path, sheets, pseudonymiser)
    assert exc.reden_code == "KOLOM_ONTBREEKT"
    assert "'evaluatiedatum'" in exc.melding and "'Resultaten'" in exc.melding


def test_optional_vervolgadvies_column_may_be_absent(tmp_path, pseudonymiser):
    sheets = workbook(
        Resultaten=[RESULTATEN[:-1], [957, 1, VALID_BSN, "1.1", "verbetering", "behaald", "2024-01-01"]]
    )
    (row,) = parse(tmp_path, sheets, pseudonymiser).tables["verantwoording_resultaten"]
    assert row["vervolgadvies"] is None


def test_bad_grades(tmp_path, pseudonymiser):
    rows = [TEVREDENHEID] + [
        [957, 10 + i, VALID_BSN, "2024-05-01", g, "client"] for i, g in enumerate([0, 11, "goed", 7.5, 7, -1])
    ]
    result = parse(tmp_path, workbook(Tevredenheid=rows), pseudonymiser)
    assert [r["cijfer"] for r in result.tables["verantwoording_tevredenheid"]] == [7]
    assert [(q.locatie, q.reden_code) for q in result.quarantaine] == [
        (f"Tevredenheid rij {n}, kolom cijfer", "CIJFER_ONGELDIG") for n in (2, 3, 4, 5, 7)
    ]
    assert "'goed'" in result.quarantaine[2].melding and "1 t/m 10" in result.quarantaine[2].melding


def test_resultaten_row_faults(tmp_path, pseudonymiser):
    rows = [
        RESULTATEN,
        [957, 1, VALID_BSN, "9.9", "verbetering", "behaald", "2024-01-01", None],  # 2 unknown subresult
        [957, 2, VALID_BSN, "1.4", "verbetering", "grotendeels", "2024-01-01", None],  # 3 result outside list
        [957, 3, VALID_BSN, "1,4", "beter", "behaald", "2024-01-01", None],  # 4 unknown inschatting
        [
            957,
            4,
            VALID_BSN,
            "1.4",
            "verbetering",
            "behaald",
            "2024-01-01",
            "stoppen",
        ],  # 5 unknown vervolgadvies
        [957, 5, "123456789", "1.4", "verbetering", "behaald", "2024-01-01", None],  # 6 BSN fails 11-proef
        [957, 6, None, "1.4", "verbetering", "behaald", "2024-01-01", None],  # 7 BSN required here
        [957, "T-7", VALID_BSN, "1.4", "verbetering", "behaald", "2024-01-01", None],  # 8 toewijzingnummer
        [957, 8, VALID_BSN, "1,4", "Volledig Zelfredzaam", "niet behaald", "31/12/2024", None],  # 9 good
    ]
    result = parse(tmp_path, workbook(Resultaten=rows), pseudonymiser)
    good = result.tables["verantwoording_resultaten"]
    assert [(r["rij"], r["subresultaat"], r["inschatting_vooraf"]) for r in good] == [
        (9, "1.4", "volledig zelfredzaam")
    ]
    assert [(q.locatie, q.reden_code) for q in result.quarantaine] == [
        ("Resultaten rij 2, kolom subresultaat", "SUBRESULTAAT_ONBEKEND"),
        ("Resultaten rij 3, kolom resultaat", "WAARDE_ONBEKEND"),
        ("Resultaten rij 4, kolom inschatting_vooraf", "WAARDE_ONBEKEND"),
        ("Resultaten rij 5, kolom vervolgadvies", "WAARDE_ONBEKEND"),
        ("Resultaten rij 6, kolom bsn", "BSN_ONGELDIG"),
        ("Resultaten rij 7, kolom bsn", "VERPLICHT_VELD_LEEG"),
        ("Resultaten rij 8, kolom toewijzingnummer", "GETAL_ONGELDIG"),
    ]
    assert "'9.9'" in result.quarantaine[0].melding
    assert (
        "'grotendeels'" in result.quarantaine[1].melding
        and "'deels behaald'" in result.quarantaine[1].melding
    )


def test_productie_row_faults(tmp_path, pseudonymiser):
    rows = [
        PRODUCTIE,
        [957, "02", "02A01", "14", 10, "1.234", 1],  # 2 ambiguous amount
        [957, "02", "02A01", "14", 10, "12,345", 1],  # 3 ambiguous amount
        [957, "02", "02A01", "14", "tien", "10,00", 1],  # 4 volume not a number
        [957, "02", "02A01", "14", 10, "-10,00", 1],  # 5 negative amount
        [12345, "02", "02A01", "14", 10, "10", 1],  # 6 gemeentecode too long
        [957, "02", "02A01", "14", 10, "1.234.567,8", 1],  # 7 good
        [957, "02", "02A01", "14", 10, 0.1 + 0.2, 1],  # 8 good: float noise of a formula
    ]
    result = parse(tmp_path, workbook(Productie=rows), pseudonymiser)
    assert [(r["rij"], r["bedrag_cent"]) for r in result.tables["verantwoording_productie"]] == [
        (7, 123456780),
        (8, 30),
    ]
    assert [(q.locatie, q.reden_code) for q in result.quarantaine] == [
        ("Productie rij 2, kolom bedrag", "GETAL_ONGELDIG"),
        ("Productie rij 3, kolom bedrag", "GETAL_ONGELDIG"),
        ("Productie rij 4, kolom volume", "GETAL_ONGELDIG"),
        ("Productie rij 5, kolom bedrag", "GETAL_ONGELDIG"),
        ("Productie rij 6, kolom gemeentecode", "CODE_ONGELDIG"),
    ]


def test_trailing_and_inner_empty_rows_are_skipped(tmp_path, pseudonymiser):
    rows = [
        TEVREDENHEID,
        [957, 1, VALID_BSN, "2024-01-01", 6, "client"],
        [None] * 6,
        [],
        [957, 2, VALID_BSN, "2024-01-01", 9, "client"],
        [None] * 6,
        [None] * 6,
    ]
    result = parse(tmp_path, workbook(Tevredenheid=rows), pseudonymiser)
    assert [r["rij"] for r in result.tables["verantwoording_tevredenheid"]] == [2, 5]
    assert result.quarantaine == []


def test_empty_data_sheet_with_header_is_valid(tmp_path, pseudonymiser):
    result = parse(tmp_path, workbook(Tevredenheid=[TEVREDENHEID]), pseudonymiser)
    assert result.tables["verantwoording_tevredenheid"] == []


@pytest.mark.parametrize(
    ("override", "code", "fragment"),
    [
        ({"versie": 0}, "GETAL_ONGELDIG", "versie"),
        ({"versie": "twee"}, "GETAL_ONGELDIG", "'twee'"),
        ({"boekjaar": "24"}, "GETAL_ONGELDIG", "'24'"),
        ({"aanbieder_agb": "ABC"}, "CODE_ONGELDIG", "'ABC'"),
        ({"omzet_wmo_totaal": "veel"}, "GETAL_ONGELDIG", "'veel'"),
        ({"datum_productieverantwoording": "31-02-2025"}, "DATUM_ONGELDIG", "'31-02-2025'"),
        ({"soort_verklaring": "controleverklaring"}, "WAARDE_ONBEKEND", "'controleverklaring'"),
        ({"aanbieder_naam": None}, "VERPLICHT_VELD_LEEG", "aanbieder_naam"),
        ({"versie": ...}, "KOLOM_ONTBREEKT", "'versie'"),
    ],
)
def test_aanbieder_fault_refuses_the_workbook(tmp_path, pseudonymiser, override, code, fragment):
    exc = rejection(tmp_path, workbook(Aanbieder=aanbieder(**override)), pseudonymiser)
    assert exc.reden_code == code
    assert fragment in exc.melding
    if code != "KOLOM_ONTBREEKT":
        assert exc.locatie.startswith("Aanbieder rij ") and exc.locatie.endswith(", kolom waarde")


def test_aanbieder_optional_fields_empty(tmp_path, pseudonymiser):
    sheets = workbook(Aanbieder=aanbieder(soort_verklaring=None, datum_verklaring=...))
    (row,) = parse(tmp_path, sheets, pseudonymiser).tables["verantwoording_aanbieder"]
    assert row["soort_verklaring"] is None and row["datum_verklaring"] is None


def test_aanbieder_without_veld_waarde_header(tmp_path, pseudonymiser):
    exc = rejection(tmp_path, workbook(Aanbieder=[["aanbieder_agb", "12345678"]]), pseudonymiser)
    assert exc.reden_code == "KOLOM_ONTBREEKT" and "'Aanbieder'" in exc.melding


def test_not_xlsx(tmp_path, pseudonymiser):
    exc = rejection(tmp_path, workbook(), pseudonymiser, naam="verantwoording.csv")
    assert exc.reden_code == "BESTANDSTYPE_ONBEKEND"
    with pytest.raises(Rejection) as unreadable:
        parse_verantwoording(
            b"geen werkmap",
            naam="x.xlsx",
            bestand_sha256=SHA,
            bestand_volgnummer=1,
            pseudonymiser=pseudonymiser,
            bekende_subresultaten=SUBRESULTATEN,
        )
    assert unreadable.value.reden_code == "BESTAND_ONLEESBAAR"


def test_tevredenheid_bad_dates_and_respondents_are_row_faults(tmp_path, pseudonymiser):
    """A bad `datum` or a respondent outside the list costs that row only: the good rows of the sheet and the other
    sheets load, and the steward reads in Dutch which value in which column to fix."""
    rows = [
        TEVREDENHEID,
        [957, 1, VALID_BSN, "2024-02-30", 7, "client"],  # 2 impossible date
        [957, 2, VALID_BSN, "gisteren", 7, "client"],  # 3 not a date
        [957, 3, VALID_BSN, "2024-05-01", 7, "buurman"],  # 4 respondent outside the list
        [957, 4, VALID_BSN_2, "01-05-2024", 6, "Vertegenwoordiger"],  # 5 good
    ]
    result = parse(tmp_path, workbook(Tevredenheid=rows), pseudonymiser)
    assert [(q.locatie, q.reden_code) for q in result.quarantaine] == [
        ("Tevredenheid rij 2, kolom datum", "DATUM_ONGELDIG"),
        ("Tevredenheid rij 3, kolom datum", "DATUM_ONGELDIG"),
        ("Tevredenheid rij 4, kolom respondent", "WAARDE_ONBEKEND"),
    ]
    good = result.tables["verantwoording_tevredenheid"]
    assert [(r["rij"], r["toewijzingnummer"], r["datum"], r["respondent"]) for r in good] == [
        (5, 4, dt.date(2024, 5, 1), "vertegenwoordiger")
    ]
    assert len(result.tables["verantwoording_productie"]) == 3
    assert len(result.tables["verantwoording_resultaten"]) == 2
    datum, woord, respondent = (q.melding for q in result.quarantaine)
    assert datum.startswith("De datum '2024-02-30' in kolom datum is geen geldige datum.")
    assert woord.startswith("De datum 'gisteren' in kolom datum is geen geldige datum.")
    assert respondent.startswith("De waarde 'buurman' in kolom respondent is onbekend.")
    assert "'client', 'vertegenwoordiger'" in respondent  # says what is allowed


@pytest.mark.parametrize(
    ("override", "locatie", "fragment"),
    [
        ({"datum_verklaring": "31-02-2025"}, "Aanbieder rij 9, kolom waarde", "'31-02-2025'"),
        ({"datum_verklaring": "morgen"}, "Aanbieder rij 9, kolom waarde", "'morgen'"),
        ({"datum_productieverantwoording": "gisteren"}, "Aanbieder rij 7, kolom waarde", "'gisteren'"),
        ({"datum_productieverantwoording": "2025-13-01"}, "Aanbieder rij 7, kolom waarde", "'2025-13-01'"),
    ],
)
def test_bad_aanbieder_date_refuses_the_workbook_at_its_row(
    tmp_path, pseudonymiser, override, locatie, fragment
):
    """Aanbieder fields describe the whole workbook (docs/tabular-inputs.md), so a bad date there, even in the
    optional datum_verklaring, refuses the workbook instead of one row; the locatie is the field's own row."""
    exc = rejection(tmp_path, workbook(Aanbieder=aanbieder(**override)), pseudonymiser)
    (veld,) = override
    assert (exc.reden_code, exc.locatie) == ("DATUM_ONGELDIG", locatie)
    assert f"De datum {fragment} in kolom waarde (veld {veld}) is geen geldige datum." in exc.melding
    assert exc.melding.endswith("De werkmap is daarom niet geladen.")
