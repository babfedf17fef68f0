"""The quarantine record keeps the Dutch melding for the user apart from a library's own text (`technisch`)."""

from __future__ import annotations

import zipfile

import duckdb
import pytest
from iwmo_testdata import fixture_path

from ingest.iwmo.archive import iter_berichten
from ingest.model import QuarantineItem, Rejection
from ingest.raw_schema import AUDIT_TABLES, create_all
from ingest.tabular.csv_source import read_csv_table
from ingest.tabular.excel_source import open_workbook

LIBRARY_ENGLISH = ("Error", "error", "expected", "line ", "codec", "File is not", "not a zip", "Opening and")
"""Words of lxml, zipfile, csv and calamine messages that must stay out of a melding."""


def _rejected(action) -> Rejection:
    with pytest.raises(Rejection) as info:
        action()
    return info.value


def test_a_rejection_raised_from_a_library_error_carries_its_text_without_asking():
    def refuse():
        try:
            int("x")
        except ValueError as exc:
            raise Rejection("WAARDE_ONGELDIG", "De waarde is geen getal.") from exc

    rej = _rejected(refuse)
    assert rej.technisch == "ValueError: invalid literal for int() with base 10: 'x'"
    item = QuarantineItem.of(rej, "klachten/a.csv")
    assert (item.melding, item.technisch) == ("De waarde is geen getal.", rej.technisch)
    assert Rejection("X", "Eigen regel.").technisch is None, "our own rules have no technical text"


def test_malformed_xml_melding_is_dutch_and_lxml_text_is_technical(parse):
    rej = _rejected(lambda: parse(fixture_path("fout_niet_welgevormd.xml").read_bytes()))
    assert rej.reden_code == "XML_NIET_WELGEVORMD"
    assert rej.melding.startswith("Het bestand is geen welgevormde XML (regel ")
    assert not [w for w in LIBRARY_ENGLISH if w in rej.melding], rej.melding
    assert rej.technisch.startswith("XMLSyntaxError: ")


def test_corrupt_zip_melding_is_dutch_and_the_zip_error_is_technical(tmp_path):
    archive = tmp_path / "kapot.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.xml", "<a/>" * 100)
    archive.write_bytes(archive.read_bytes()[:60])
    rej = _rejected(lambda: list(iter_berichten(archive, max_expanded_bytes=1 << 20)))
    assert rej.reden_code == "ZIP_CORRUPT"
    assert not [w for w in LIBRARY_ENGLISH if w in rej.melding], rej.melding
    assert rej.technisch and rej.technisch.split(":")[0] in {"BadZipFile", "EOFError", "error", "OSError"}


def test_unreadable_workbook_and_csv_keep_the_library_text_apart():
    for rej in (
        _rejected(lambda: open_workbook(b"geen werkmap")),
        _rejected(lambda: read_csv_table(b'a;b\n"open;1\n2;3\n')),
    ):
        assert rej.reden_code == "BESTAND_ONLEESBAAR"
        assert not [w for w in LIBRARY_ENGLISH if w in rej.melding], rej.melding
        assert rej.technisch, rej.melding


def test_an_audit_table_of_an_older_version_gets_the_new_column(tmp_path):
    with duckdb.connect(str(tmp_path / "oud.duckdb")) as con:
        old_columns = [c for c in AUDIT_TABLES["quarantaine"] if c[0] != "technisch"]
        con.execute("CREATE SCHEMA audit")
        con.execute(f"CREATE TABLE audit.quarantaine ({', '.join(f'{n} {t}' for n, t in old_columns)})")
        con.execute("INSERT INTO audit.quarantaine (pad, reden_code) VALUES ('a.xml', 'X')")
        create_all(con)
        assert con.execute("SELECT pad, technisch FROM audit.quarantaine").fetchall() == [("a.xml", None)]
        create_all(con)  # idempotent
