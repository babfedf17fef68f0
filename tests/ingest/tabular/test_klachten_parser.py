"""parse_klachten on real CSV and XLSX files: values, row-level quarantine, file-level rejections, privacy."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from tabular_files import INVALID_BSN, VALID_BSN, VALID_BSN_2, expected_pseudonym, write_csv, write_xlsx

from ingest.klachten import parse_klachten
from ingest.model import Rejection
from ingest.raw_schema import RAW_TABLES, RESTRICTED_TABLES

HEADER = "aanbieder_agb|gemeentecode|klacht_id|datum_ontvangst|datum_afgehandeld|categorie|uitkomst|toewijzingnummer|bsn|omschrijving"
SHA = "ab" * 32


def parse(data: bytes, pseudonymiser, naam: str = "klachten.csv"):
    return parse_klachten(
        data, naam=naam, bestand_sha256=SHA, bestand_volgnummer=7, pseudonymiser=pseudonymiser
    )


def by_id(result) -> dict[str, dict]:
    return {row["klacht_id"]: row for row in result.tables["klachten"]}


def test_csv_semicolon_windows1252(tmp_path, pseudonymiser):
    data = write_csv(
        tmp_path / "klachten.csv",
        [
            "Aanbieder_AGB|GemeenteCode| Klacht_ID |Datum_Ontvangst|datum_afgehandeld|Categorie|Uitkomst|"
            "toewijzingnummer|BSN|Omschrijving|interne_notitie",
            f"1234567|957|K-001|2024-01-15|20-02-2024| Bejegening |Deels Gegrond|12345|{VALID_BSN}|"
            '"Cliënt voelde zich niet gehoord; café-gesprek"|intern',
            "87654321|0935|K-002|15/03/2024||kwaliteit||||  |",
        ],
        delimiter=";",
        encoding="cp1252",
    )
    assert b"\xe9" in data  # really Windows-1252 on disk
    result = parse(data, pseudonymiser)
    assert result.quarantaine == []
    rows = by_id(result)
    assert rows["K-001"] == {
        "bestand_sha256": SHA,
        "bestand_volgnummer": 7,
        "rij": 2,
        "aanbieder_agb": "01234567",
        "gemeentecode": "0957",
        "klacht_id": "K-001",
        "datum_ontvangst": dt.date(2024, 1, 15),
        "datum_afgehandeld": dt.date(2024, 2, 20),
        "categorie": "bejegening",
        "uitkomst": "deels gegrond",
        "toewijzingnummer": 12345,
        "client_pseudoniem": expected_pseudonym(VALID_BSN),
    }
    assert rows["K-002"]["rij"] == 3
    assert rows["K-002"]["datum_ontvangst"] == dt.date(2024, 3, 15)
    assert rows["K-002"]["datum_afgehandeld"] is None
    assert rows["K-002"]["uitkomst"] is None
    assert rows["K-002"]["client_pseudoniem"] is None
    assert result.tables["klachten_omschrijving"] == [
        {
            "bestand_sha256": SHA,
            "rij": 2,
            "aanbieder_agb": "01234567",
            "klacht_id": "K-001",
            "omschrijving": "Cliënt voelde zich niet gehoord; café-gesprek",
        }
    ]


def test_csv_comma_utf8_bom(tmp_path, pseudonymiser):
    data = write_csv(
        tmp_path / "k.csv",
        [
            HEADER,
            f'12345678,GM0957,K9,2024-06-01,2024-06-03,overig,Ingetrokken,,{VALID_BSN_2},"tekst, met komma"',
        ],
        delimiter=",",
        bom=True,
        newline="\n",
    )
    assert data.startswith(b"\xef\xbb\xbf")
    result = parse(data, pseudonymiser)
    assert result.quarantaine == []
    (row,) = result.tables["klachten"]
    assert (row["aanbieder_agb"], row["gemeentecode"], row["uitkomst"]) == ("12345678", "0957", "ingetrokken")
    assert row["client_pseudoniem"] == expected_pseudonym(VALID_BSN_2)
    assert result.tables["klachten_omschrijving"][0]["omschrijving"] == "tekst, met komma"


def test_xlsx_first_sheet_with_excel_types(tmp_path, pseudonymiser):
    data = write_xlsx(
        tmp_path / "klachten.xlsx",
        {
            "Klachten Q1": [
                HEADER.split("|"),
                [
                    1234567,
                    957,
                    "K1",
                    dt.date(2024, 1, 15),
                    45310,
                    "Communicatie",
                    "gegrond",
                    777,
                    123456782,
                    "é",
                ],
                [
                    "01234567",
                    "0957",
                    2,
                    "2024-01-16",
                    dt.datetime(2024, 1, 20, 14, 5),
                    "financieel",
                    None,
                    None,
                    None,
                    None,
                ],
                [None] * 10,
                ["12345678", "957", "K3", "x", None, "overig", None, None, None, None],
                [],
                [],
            ],
            "Toelichting": [["niet lezen"]],
        },
    )
    result = parse(data, pseudonymiser, naam="Q1 KLACHTEN.XLSX")
    rows = by_id(result)
    assert set(rows) == {"K1", "2"}
    assert rows["K1"]["aanbieder_agb"] == "01234567"
    assert rows["K1"]["gemeentecode"] == "0957"
    assert rows["K1"]["datum_ontvangst"] == dt.date(2024, 1, 15)
    assert rows["K1"]["datum_afgehandeld"] == dt.date(2024, 1, 19)  # Excel serial 45310
    assert rows["K1"]["toewijzingnummer"] == 777
    assert rows["K1"]["client_pseudoniem"] == expected_pseudonym(VALID_BSN)
    assert rows["2"]["datum_afgehandeld"] == dt.date(2024, 1, 20)
    assert rows["2"]["rij"] == 3
    (item,) = result.quarantaine
    assert (item.locatie, item.reden_code) == ("Klachten Q1 rij 5, kolom datum_ontvangst", "DATUM_ONGELDIG")


def test_bad_rows_are_quarantined_and_good_rows_load(tmp_path, pseudonymiser):
    lines = [
        HEADER,
        f"1234567|957|GOED1|2024-01-15|2024-01-20|kwaliteit|gegrond|1|{VALID_BSN}|tekst",  # 2
        "1234567|957||2024-01-15||kwaliteit|||||",  # 3 klacht_id empty
        "1234567|957|B2|2024-02-30||kwaliteit|||||",  # 4 impossible date
        "1234567|957|B3|2024-01-15||klantvriendelijkheid|||||",  # 5 unknown category
        "1234567|957|B4|2024-01-15||kwaliteit|half gegrond||||",  # 6 unknown outcome
        "1234567|957|B5|15-01-2024|14-01-2024|kwaliteit|gegrond||||",  # 7 afgehandeld before ontvangst
        f"1234567|957|B6|2024-01-15||kwaliteit|||{INVALID_BSN}|geheim",  # 8 11-proef fails
        "1234567|957|B7|2024-01-15||kwaliteit||12a|||",  # 9 toewijzingnummer not a number
        "123456789|957|B8|2024-01-15||kwaliteit|||||",  # 10 AGB of 9 digits
        "1234567|95700|B9|2024-01-15||kwaliteit|||||",  # 11 gemeentecode of 5 digits
        "|957|B10|2024-01-15||kwaliteit|||||",  # 12 AGB empty
        "1234567|957|GOED2|2024-01-15||overig|||||",  # 13
    ]
    result = parse(write_csv(tmp_path / "k.csv", lines), pseudonymiser)
    assert sorted(by_id(result)) == ["GOED1", "GOED2"]
    assert by_id(result)["GOED2"]["rij"] == 13
    got = [(q.locatie, q.reden_code) for q in result.quarantaine]
    assert got == [
        ("rij 3, kolom klacht_id", "VERPLICHT_VELD_LEEG"),
        ("rij 4, kolom datum_ontvangst", "DATUM_ONGELDIG"),
        ("rij 5, kolom categorie", "WAARDE_ONBEKEND"),
        ("rij 6, kolom uitkomst", "WAARDE_ONBEKEND"),
        ("rij 7, kolom datum_afgehandeld", "AFGEHANDELD_VOOR_ONTVANGST"),
        ("rij 8, kolom bsn", "BSN_ONGELDIG"),
        ("rij 9, kolom toewijzingnummer", "GETAL_ONGELDIG"),
        ("rij 10, kolom aanbieder_agb", "CODE_ONGELDIG"),
        ("rij 11, kolom gemeentecode", "CODE_ONGELDIG"),
        ("rij 12, kolom aanbieder_agb", "VERPLICHT_VELD_LEEG"),
    ]
    meldingen = {q.locatie: q.melding for q in result.quarantaine}
    assert "'2024-02-30'" in meldingen["rij 4, kolom datum_ontvangst"]
    assert "'klantvriendelijkheid'" in meldingen["rij 5, kolom categorie"]
    assert "bejegening" in meldingen["rij 5, kolom categorie"]  # says what is allowed
    assert "14-01-2024" in meldingen["rij 7, kolom datum_afgehandeld"]
    assert "'12a'" in meldingen["rij 9, kolom toewijzingnummer"]
    assert "'123456789'" in meldingen["rij 10, kolom aanbieder_agb"]
    assert INVALID_BSN not in meldingen["rij 8, kolom bsn"]  # never repeat a BSN in the audit trail
    assert all("opnieuw aan" in m for m in meldingen.values())
    # the free text of a rejected row is not kept either
    assert [r["klacht_id"] for r in result.tables["klachten_omschrijving"]] == ["GOED1"]


def test_a_row_with_several_faults_is_one_item_naming_the_others(tmp_path, pseudonymiser):
    data = write_csv(tmp_path / "k.csv", [HEADER, "1234567|957|K1|gisteren||onzin|||1|"])
    (item,) = parse(data, pseudonymiser).quarantaine
    assert (item.locatie, item.reden_code) == ("rij 2, kolom datum_ontvangst", "DATUM_ONGELDIG")
    assert "categorie en bsn" in item.melding


def test_bsn_never_leaves_the_parser(tmp_path, pseudonymiser):
    data = write_csv(
        tmp_path / "k.csv",
        [
            HEADER,
            f"1234567|957|K1|2024-01-15||kwaliteit|||{VALID_BSN}|x",
            f"1234567|957|K2|2024-01-15||kwaliteit|||{INVALID_BSN}|",
        ],
    )
    result = parse(data, pseudonymiser)
    everything = repr(result.tables) + repr(result.quarantaine)
    assert VALID_BSN not in everything and INVALID_BSN not in everything
    assert "bsn" not in result.tables["klachten"][0]


def test_columns_match_the_raw_schema_exactly(tmp_path, pseudonymiser):
    data = write_csv(tmp_path / "k.csv", [HEADER, "1234567|957|K1|2024-01-15||kwaliteit||||tekst"])
    result = parse(data, pseudonymiser)
    assert list(result.tables["klachten"][0]) == [c for c, _ in RAW_TABLES["klachten"]]
    assert list(result.tables["klachten_omschrijving"][0]) == [
        c for c, _ in RESTRICTED_TABLES["klachten_omschrijving"]
    ]


def test_optional_columns_may_be_absent(tmp_path, pseudonymiser):
    data = write_csv(
        tmp_path / "k.csv",
        ["klacht_id;categorie;datum_ontvangst;gemeentecode;aanbieder_agb", "K1;overig;2024-01-01;957;1"],
    )
    result = parse(data, pseudonymiser)
    (row,) = result.tables["klachten"]
    assert row["aanbieder_agb"] == "00000001"
    assert row["client_pseudoniem"] is None and row["toewijzingnummer"] is None
    assert result.tables["klachten_omschrijving"] == []


def test_missing_required_column_rejects_the_file(tmp_path, pseudonymiser):
    data = write_csv(tmp_path / "k.csv", ["aanbieder_agb;klacht_id;datum_ontvangst", "1;K1;2024-01-01"])
    with pytest.raises(Rejection) as exc:
        parse(data, pseudonymiser)
    assert exc.value.reden_code == "KOLOM_ONTBREEKT"
    assert "'gemeentecode', 'categorie'" in exc.value.melding


def test_missing_column_in_xlsx_names_the_sheet(tmp_path, pseudonymiser):
    data = write_xlsx(
        tmp_path / "k.xlsx", {"Blad1": [["aanbieder_agb", "gemeentecode", "klacht_id", "categorie"]]}
    )
    with pytest.raises(Rejection) as exc:
        parse(data, pseudonymiser, naam="k.xlsx")
    assert exc.value.reden_code == "KOLOM_ONTBREEKT"
    assert "'datum_ontvangst'" in exc.value.melding and "'Blad1'" in exc.value.melding


@pytest.mark.parametrize("naam", ["klachten.xls", "klachten.txt", "klachten", "klachten.csv.zip"])
def test_unknown_extension(tmp_path, pseudonymiser, naam):
    data = write_csv(tmp_path / "k.csv", [HEADER])
    with pytest.raises(Rejection) as exc:
        parse(data, pseudonymiser, naam=naam)
    assert exc.value.reden_code == "BESTANDSTYPE_ONBEKEND"


@pytest.mark.parametrize("damage", ["truncated", "sheet_overwritten"])
def test_corrupt_xlsx_is_unreadable(tmp_path, pseudonymiser, damage):
    good = write_xlsx(tmp_path / "k.xlsx", {"Blad1": [HEADER.split("|"), ["1", "957", "K1"]]})
    if damage == "truncated":  # an interrupted upload
        bad = good[: len(good) // 2]
    else:  # garbage over the compressed worksheet
        offset = zipfile.ZipFile(io.BytesIO(good)).getinfo("xl/worksheets/sheet1.xml").header_offset + 60
        bad = good[:offset] + b"\xff" * 200 + good[offset + 200 :]
    corrupt = tmp_path / "corrupt.xlsx"
    corrupt.write_bytes(bad)
    with pytest.raises(Rejection) as exc:
        parse(corrupt.read_bytes(), pseudonymiser, naam="corrupt.xlsx")
    assert exc.value.reden_code == "BESTAND_ONLEESBAAR"


def test_binary_csv_is_unreadable(tmp_path, pseudonymiser):
    xlsx = write_xlsx(tmp_path / "k.xlsx", {"Blad1": [HEADER.split("|")]})
    with pytest.raises(Rejection) as exc:
        parse(xlsx, pseudonymiser, naam="k.csv")
    assert exc.value.reden_code == "BESTAND_ONLEESBAAR"


def test_header_only_file_has_no_rows(tmp_path, pseudonymiser):
    result = parse(write_csv(tmp_path / "k.csv", [HEADER]), pseudonymiser)
    assert result.tables == {"klachten": [], "klachten_omschrijving": []}
    assert result.quarantaine == []


def test_unparseable_datum_afgehandeld_rejects_the_row(tmp_path, pseudonymiser):
    """The optional `datum_afgehandeld` is still checked when filled in: an impossible or worded date costs that
    row (once, as DATUM_ONGELDIG, not also as AFGEHANDELD_VOOR_ONTVANGST), the other rows load."""
    lines = [
        HEADER,
        "1234567|957|K1|2024-01-15|32-01-2024|kwaliteit|gegrond||||",  # 2 day 32
        "1234567|957|K2|2024-01-15|morgen|kwaliteit|||||",  # 3 a word
        "1234567|957|K3|2024-01-15|31/01/2024|kwaliteit|gegrond||||",  # 4 good
        "1234567|957|K4|2024-01-15||overig|||||",  # 5 good, still open
    ]
    result = parse(write_csv(tmp_path / "k.csv", lines), pseudonymiser)
    assert [(q.locatie, q.reden_code) for q in result.quarantaine] == [
        ("rij 2, kolom datum_afgehandeld", "DATUM_ONGELDIG"),
        ("rij 3, kolom datum_afgehandeld", "DATUM_ONGELDIG"),
    ]
    assert result.quarantaine[0].melding.startswith(
        "De datum '32-01-2024' in kolom datum_afgehandeld is geen geldige datum."
    )
    assert "'morgen'" in result.quarantaine[1].melding
    rows = by_id(result)
    assert sorted(rows) == ["K3", "K4"]
    assert rows["K3"]["datum_afgehandeld"] == dt.date(2024, 1, 31)
    assert rows["K4"]["datum_afgehandeld"] is None


def test_a_quote_typed_inside_an_unquoted_cell_is_text_not_a_broken_file(tmp_path, pseudonymiser):
    """`12"-scherm` typed by hand in the free-text column: polars refuses such a line, Excel and Python's csv read
    the quote as text. The file loads, the text keeps its quote, and the next row is still its own row."""
    path = tmp_path / "k.csv"
    data = write_csv(
        path,
        [
            HEADER.replace("|", ";"),
            f'12345678;0957;K1;2024-06-01;2024-06-03;bejegening;gegrond;;{VALID_BSN};het 12"-scherm van de alarmknop',
            f"12345678;0957;K2;2024-06-02;;kwaliteit;;;{VALID_BSN_2};tweede",
        ],
    )
    result = parse(path.read_bytes(), pseudonymiser)
    assert data == path.read_bytes() and result.quarantaine == []
    assert sorted(by_id(result)) == ["K1", "K2"]
    teksten = {row["klacht_id"]: row["omschrijving"] for row in result.tables["klachten_omschrijving"]}
    assert teksten == {"K1": 'het 12"-scherm van de alarmknop', "K2": "tweede"}


def test_a_quoted_cell_that_is_never_closed_refuses_the_file_naming_the_line(tmp_path, pseudonymiser):
    """An opening quote without its closing one would swallow every following row into one cell: refused as a
    whole (nothing is silently merged), with the line where the record begins."""
    path = tmp_path / "k.csv"
    write_csv(
        path,
        [
            HEADER.replace("|", ";"),
            f"12345678;0957;K1;2024-06-01;;bejegening;;;{VALID_BSN};eerste",
            f'12345678;0957;K2;2024-06-02;;kwaliteit;;;{VALID_BSN_2};"begint maar sluit niet',
            f"12345678;0957;K3;2024-06-03;;kwaliteit;;;{VALID_BSN};derde",
        ],
    )
    with pytest.raises(Rejection) as exc:
        parse(path.read_bytes(), pseudonymiser)
    assert exc.value.reden_code == "BESTAND_ONLEESBAAR"
    assert "regel 3 heeft een aanhalingsteken" in exc.value.melding
    assert "dubbel" in exc.value.melding
