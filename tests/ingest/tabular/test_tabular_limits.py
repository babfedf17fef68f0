"""Hostile tables (issue 21 item 3, issue 24 item 4): a 50 MB complaints CSV, an XLSX with a million rows, wrong
encodings and formula-looking cells, as real files (the large ones generated here in tmp_path). The large ones are
loaded by the real Loader in a fresh process whose peak RSS is measured (`tests/pipeline/peak_rss.py`)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from tabular_files import RESULTATEN, write_csv

from ingest.klachten import parse_klachten
from ingest.model import Rejection
from ingest.tabular import open_workbook
from runtime.config import Limits
from tests.pipeline.peak_rss import load_measured

HEADER = (
    "aanbieder_agb;gemeentecode;klacht_id;datum_ontvangst;datum_afgehandeld;categorie;uitkomst;omschrijving"
)
ROW = "12345678;0935;K-{i:07d};2024-01-15;2024-02-01;kwaliteit;gegrond;De cliënt had het gevoel niet gehoord te worden"


def _parse(data: bytes, pseudonymiser, naam: str = "klachten.csv", **limits):
    return parse_klachten(
        data,
        naam=naam,
        bestand_sha256="ab" * 32,
        bestand_volgnummer=1,
        pseudonymiser=pseudonymiser,
        limits=Limits(**limits),
    )


def _klachten_landing(tmp_path: Path) -> Path:
    folder = tmp_path / "landing" / "klachten"
    folder.mkdir(parents=True)
    (folder / "goed.csv").write_text(HEADER + "\n" + ROW.format(i=1) + "\n", encoding="utf-8")
    return tmp_path / "landing"


def _write_big_csv(path: Path, megabytes: int) -> int:
    """A real register of `megabytes` MB (about 110 bytes a row); returns the number of data rows."""
    rows = megabytes * 10**6 // len(ROW.format(i=0).encode()) + 1
    with path.open("w", encoding="utf-8", newline="\r\n") as handle:
        handle.write(HEADER + "\n")
        for start in range(0, rows, 100_000):
            handle.write("".join(ROW.format(i=i) + "\n" for i in range(start, min(start + 100_000, rows))))
    return rows


def test_a_50_mb_complaints_csv_is_refused_for_its_rows_with_bounded_memory(tmp_path):
    """Under WMO_TABEL_MAX_BYTES (64 MiB) the file is read, but its 460,000 rows are over WMO_TABEL_MAX_RIJEN
    (100,000): refused before the rows are validated, which is what cost memory per row."""
    landing = _klachten_landing(tmp_path)
    rows = _write_big_csv(landing / "klachten" / "groot.csv", 50)
    assert (landing / "klachten" / "groot.csv").stat().st_size > 50 * 10**6
    outcome = load_measured(landing, tmp_path / "w.duckdb")
    [(locatie, code, melding)] = outcome["quarantaine"]
    assert (locatie, code) == ("klachten/groot.csv", "TE_VEEL_RIJEN")
    assert f"In het bestand staan {rows:,} rijen".replace(",", ".") in melding
    assert "de grens is 100.000 rijen (WMO_TABEL_MAX_RIJEN)" in melding
    assert outcome["bestanden"]["klachten/goed.csv"] == "geladen"
    assert outcome["groei_mb"] < 600, outcome["groei_mb"]  # measured 2026-12-07: see docs/tabular-inputs.md


def test_a_file_over_wmo_tabel_max_bytes_is_refused_before_it_is_read(tmp_path):
    landing = _klachten_landing(tmp_path)
    _write_big_csv(landing / "klachten" / "groot.csv", 50)
    outcome = load_measured(landing, tmp_path / "w.duckdb", WMO_TABEL_MAX_BYTES=str(10 * 1024**2))
    [(locatie, code, melding)] = outcome["quarantaine"]
    assert (locatie, code) == ("klachten/groot.csv", "BESTAND_TE_GROOT")
    assert "de grens is 10.485.760 bytes (WMO_TABEL_MAX_BYTES)" in melding
    assert outcome["groei_mb"] < 20, outcome["groei_mb"]  # only hashed, in 1 MiB pieces


def _write_raw_xlsx(path: Path, rows: int) -> None:
    """A minimal but real .xlsx (the parts Excel needs) with a header row and `rows` one-cell rows, streamed into the
    zip: xlsxwriter takes two minutes for a million rows."""
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Klachten" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>klacht_id</t></is>'
                b"</c></row>"
            )
            for start in range(2, rows + 2, 100_000):
                sheet.write(
                    b"".join(
                        b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r)
                        for r in range(start, min(start + 100_000, rows + 2))
                    )
                )
            sheet.write(b"</sheetData></worksheet>")


def test_an_xlsx_with_a_million_rows_is_refused_for_its_rows_with_bounded_memory(tmp_path):
    """calamine holds a whole sheet in memory, so the workbook's uncompressed size (here 40 MB, under the 64 MiB of
    WMO_TABEL_MAX_BYTES) bounds what reading costs; the million rows are then over WMO_TABEL_MAX_RIJEN."""
    landing = _klachten_landing(tmp_path)
    path = landing / "klachten" / "miljoen.xlsx"
    _write_raw_xlsx(path, 1_000_000)
    expanded = sum(info.file_size for info in zipfile.ZipFile(path).infolist())
    assert 30 * 10**6 < expanded < 64 * 1024**2
    outcome = load_measured(landing, tmp_path / "w.duckdb")
    [(locatie, code, melding)] = outcome["quarantaine"]
    assert (locatie, code) == ("klachten/miljoen.xlsx", "TE_VEEL_RIJEN")
    assert "Op het tabblad 'Klachten' staan 1.000.000 rijen met gegevens" in melding
    assert outcome["groei_mb"] < 600, outcome["groei_mb"]  # measured 2026-12-07: see docs/tabular-inputs.md


def test_an_xlsx_that_expands_over_the_cap_is_refused_before_calamine_reads_it(
    tmp_path, pseudonymiser, monkeypatch
):
    import fastexcel

    path = tmp_path / "groot.xlsx"
    _write_raw_xlsx(path, 20_000)
    monkeypatch.setattr(fastexcel, "read_excel", lambda data: pytest.fail("calamine opened the workbook"))
    with pytest.raises(Rejection) as info:
        _parse(path.read_bytes(), pseudonymiser, naam="groot.xlsx", tabel_max_bytes=500_000)
    assert info.value.reden_code == "BESTAND_TE_GROOT"
    assert "De werkmap pakt uit tot meer dan 500.000 bytes" in info.value.melding


def test_a_workbook_part_with_a_bomb_ratio_is_refused(tmp_path):
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (4 * 1024**2))
    with pytest.raises(Rejection) as info:
        open_workbook(path.read_bytes())
    assert info.value.reden_code == "ZIP_COMPRESSIE_TE_HOOG"
    assert "'xl/worksheets/sheet1.xml' van de werkmap" in info.value.melding


def test_the_row_cap_names_the_sheet_of_a_workbook(tmp_path):
    from tabular_files import write_xlsx

    data = write_xlsx(
        tmp_path / "w.xlsx", {"Resultaten": [RESULTATEN] + [["0935", str(i)] for i in range(1, 12)]}
    )
    with pytest.raises(Rejection) as info:
        open_workbook(data, Limits(tabel_max_rijen=10)).sheet("Resultaten")
    assert info.value.reden_code == "TE_VEEL_RIJEN"
    assert (
        "Op het tabblad 'Resultaten' staan 11 rijen met gegevens; de grens is 10 rijen" in info.value.melding
    )
    assert open_workbook(data, Limits(tabel_max_rijen=11)).sheet("Resultaten").grid.height == 11


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ((HEADER + "\n" + ROW.format(i=1)).encode("utf-16-le"), "binaire gegevens"),  # UTF-16 without its BOM
        (
            (HEADER + "\n" + ROW.format(i=1)).encode("utf-8").replace(b"\xc3\xab", b"\xc3\x81\x81"),
            "Windows-1252",
        ),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "binaire gegevens"),
    ],
    ids=["utf16-zonder-bom", "utf8-en-1252-ongeldig", "afbeelding-als-csv"],
)
def test_wrong_encodings_are_unreadable_with_a_dutch_reason(data, fragment, pseudonymiser):
    with pytest.raises(Rejection) as info:
        _parse(data, pseudonymiser)
    assert info.value.reden_code == "BESTAND_ONLEESBAAR"
    assert fragment in info.value.melding


def test_latin1_declared_nowhere_is_read_as_windows_1252(tmp_path, pseudonymiser):
    data = write_csv(
        tmp_path / "k.csv", [HEADER.replace(";", "|"), ROW.format(i=1).replace(";", "|")], encoding="cp1252"
    )
    [row] = _parse(data, pseudonymiser).tables["klachten_omschrijving"]
    assert row["omschrijving"].startswith("De cliënt")


def test_formula_looking_cells_are_stored_as_text_and_never_evaluated(tmp_path, pseudonymiser):
    """CSV injection is a risk where a value is opened in a spreadsheet again; at ingest a cell is text: stored as
    sent (in the restricted raw layer for omschrijving), never evaluated. An XLSX formula cell is read as the value
    Excel saved for it, not its formula."""
    formules = [
        '=HYPERLINK(""http://x.invalid"",""klik"")',
        "+31 6 1234",
        "-2+3",
        "@SUM(A1:A9)",
        "=cmd|' /C calc'!A0",
    ]
    lines = [HEADER] + [
        f'12345678;0935;=K{i};2024-01-15;;kwaliteit;;"{formule}"' for i, formule in enumerate(formules)
    ]
    data = ("\r\n".join(lines) + "\r\n").encode("utf-8")
    result = _parse(data, pseudonymiser)
    assert result.quarantaine == []
    assert [r["klacht_id"] for r in result.tables["klachten"]] == [f"=K{i}" for i in range(len(formules))]
    assert [r["omschrijving"] for r in result.tables["klachten_omschrijving"]] == [
        f.replace('""', '"') for f in formules
    ]

    path = tmp_path / "k.xlsx"
    workbook = xlsxwriter.Workbook(path)
    sheet = workbook.add_worksheet("Klachten")
    sheet.write_row(0, 0, HEADER.split(";"))
    sheet.write_row(1, 0, ["12345678", "0935"])
    sheet.write_formula(1, 2, '="K"&"-9"', None, "K-9")  # the value Excel saved: K-9
    sheet.write_row(1, 3, ["2024-01-15", "", "kwaliteit"])
    workbook.close()
    [row] = _parse(path.read_bytes(), pseudonymiser, naam="k.xlsx").tables["klachten"]
    assert row["klacht_id"] == "K-9"
