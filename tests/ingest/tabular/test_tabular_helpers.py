"""The shared helpers: encoding, delimiter, headers, dates, amounts, row numbering, sheets."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from tabular_files import write_csv, write_xlsx

from ingest.model import Rejection
from ingest.tabular import ROW, decode_text, detect_delimiter, normalise_header, open_workbook, read_csv_table
from ingest.tabular import values as v
from ingest.tabular.values import euro_to_cent


def test_decode_utf8_bom_windows1252_and_utf16():
    assert decode_text(b"\xef\xbb\xbfcaf\xc3\xa9") == "café"
    assert decode_text("café – €".encode("cp1252")) == "café – €"
    assert decode_text("café".encode("utf-16")) == "café"


@pytest.mark.parametrize("data", [b"", b"  \r\n", b"PK\x03\x04\x00\x00binary", b"\x81\x8d\x8f\x90\x9d"])
def test_decode_refuses_empty_binary_and_undecodable(data):
    with pytest.raises(Rejection) as exc:
        decode_text(data)
    assert exc.value.reden_code == "BESTAND_ONLEESBAAR"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a;b;c\n1,5;2;3", ";"), ("a,b,c\n1;2,3", ","), ("\n\na,b\n", ","), ("a\n1", ";"), ("a;b,c;d", ";")],
)
def test_detect_delimiter_from_header_line(text, expected):
    assert detect_delimiter(text) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (" Aanbieder_AGB ", "aanbieder_agb"),
        ("Datum ontvangst", "datum_ontvangst"),
        ("\ufeffBSN", "bsn"),
        ("klacht-id", "klacht_id"),
        (None, ""),
    ],
)
def test_normalise_header(raw, expected):
    assert normalise_header(raw) == expected


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1.234,56", 123456),
        ("1234.56", 123456),
        ("1234,56", 123456),
        ("1,234.56", 123456),
        ("1234,5", 123450),
        ("0,29", 29),
        ("1.234.567", 123456700),
        ("12.345,6", 1234560),
        ("€ 1.234,56", 123456),
        ("1 234,56", 123456),
        ("1234", 123400),
        ("0", 0),
        ("1.234", None),  # ambiguous: thousands group or 3 decimals
        ("1,234", None),
        ("12,345", None),
        ("1234.567", None),
        ("-5,00", None),
        ("12a", None),
        ("1.23.4", None),
        ("", None),
    ],
)
def test_euro_to_cent_is_exact(text, cents):
    assert euro_to_cent(text) == cents


def _parse(parser, cells):
    return parser(pl.Series(cells, dtype=pl.String), "kolom_x")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2024-01-15", dt.date(2024, 1, 15)),
        ("15-01-2024", dt.date(2024, 1, 15)),
        ("15/01/2024", dt.date(2024, 1, 15)),
        ("5-1-2024", dt.date(2024, 1, 5)),
        ("45306", dt.date(2024, 1, 15)),  # Excel serial
        ("45306.75", dt.date(2024, 1, 15)),  # Excel serial with a time part
        ("2024-01-15 10:30:00", dt.date(2024, 1, 15)),  # datetime cell as fastexcel renders it
        ("2024-02-29", dt.date(2024, 2, 29)),
        ("2023-02-29", None),
        ("30-02-2024", None),
        ("2024/01/15", None),
        ("15.01.2024", None),
        ("20240115", None),
        ("12", None),
        ("morgen", None),
    ],
)
def test_date_formats(cell, expected):
    parsed = _parse(v.date(), [cell])
    assert parsed.value[0] == expected
    assert bool(parsed.ok[0]) is (expected is not None)
    if expected is None:
        assert parsed.code == "DATUM_ONGELDIG"
        assert f"'{cell}'" in parsed.message[0]


def test_codes_are_left_padded_and_checked():
    agb = _parse(v.code(8, "AGB-code"), ["1234567", "01234567", "1234567.0", "123456789", "12A", None])
    assert agb.value.to_list() == ["01234567", "01234567", "01234567", None, None, None]
    assert agb.ok.to_list() == [True, True, True, False, False, True]
    gemeente = _parse(v.code(4, "gemeentecode", prefix="GM"), ["957", "0957", "GM0957", "gm957", "12345"])
    assert gemeente.value.to_list() == ["0957", "0957", "0957", "0957", None]


def test_integer_grade_choice():
    assert _parse(
        v.integer(1), ["12", "12.0", "0", "1,5", "abc", "99999999999999999999"]
    ).value.to_list() == [12, 12, None, None, None, None]
    assert _parse(v.grade(), ["1", "10", "0", "11", "7.5", "goed", "7.0"]).value.to_list() == [
        1,
        10,
        None,
        None,
        None,
        None,
        7,
    ]
    parsed = _parse(v.choice({"deels gegrond", "gegrond"}), [" Deels  Gegrond ", "GEGROND", "half"])
    assert parsed.value.to_list() == ["deels gegrond", "gegrond", None]
    assert parsed.code == "WAARDE_ONBEKEND"


def test_csv_row_numbers_count_blank_lines_and_skip_empty_rows(tmp_path):
    data = write_csv(
        tmp_path / "x.csv",
        ["", "A;B", "1;2", "", ";", '3;"twee', 'regels"', "4;5", ";;", ""],
        newline="\n",
    )
    table = read_csv_table(data)
    assert table.headers == ["a", "b"]
    frame = table.columns(["a", "b"])
    assert frame.rows() == [("1", "2", 3), ("3", "twee\nregels", 6), ("4", "5", 7)]
    assert frame[ROW].dtype == pl.Int64


def test_csv_extra_and_missing_columns(tmp_path):
    table = read_csv_table(write_csv(tmp_path / "x.csv", ["a;extra;b", "1;x;2"]))
    assert table.columns(["b", "a"], optional=["c"]).rows() == [("2", "1", None, 2)]
    with pytest.raises(Rejection) as exc:
        table.columns(["a", "d", "e"])
    assert exc.value.reden_code == "KOLOM_ONTBREEKT"
    assert "'d', 'e'" in exc.value.melding


def test_duplicate_known_column_is_refused(tmp_path):
    table = read_csv_table(write_csv(tmp_path / "x.csv", ["a;A ;b", "1;2;3"]))
    with pytest.raises(Rejection) as exc:
        table.columns(["a", "b"])
    assert exc.value.reden_code == "BESTAND_ONLEESBAAR"
    assert "'a'" in exc.value.melding


def test_sheet_lookup_is_case_insensitive_and_rows_keep_sheet_numbers(tmp_path):
    data = write_xlsx(
        tmp_path / "w.xlsx",
        {
            "Blad1": [["x"]],
            " productie ": [[], [], ["Code", "Waarde"], [957, "a"], [], [None, None], ["12", 3.5]],
        },
    )
    workbook = open_workbook(data)
    table = workbook.sheet("Productie")
    assert table.sheet == "Productie"
    assert table.columns(["code", "waarde"]).rows() == [("957", "a", 4), ("12", "3.5", 7)]
    assert table.place(7, "waarde") == "Productie rij 7, kolom waarde"
    with pytest.raises(Rejection) as exc:
        workbook.sheet("Resultaten")
    assert exc.value.reden_code == "TABBLAD_ONTBREEKT"
    assert "'Resultaten'" in exc.value.melding


def test_corrupt_workbook_is_unreadable(tmp_path):
    good = write_xlsx(tmp_path / "w.xlsx", {"a": [["x"]]})
    for data in (good[: len(good) // 2], b"aanbieder_agb;x\n1;2\n"):
        with pytest.raises(Rejection) as exc:
            open_workbook(data)
        assert exc.value.reden_code == "BESTAND_ONLEESBAAR"
