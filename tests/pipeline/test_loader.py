"""The loader's promises: registry by content, duplicates, conflicts, unknown folders, re-delivery, atomic batches."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from ingest.landing import scan
from ingest.loader import Loader
from ingest.pseudonymise import Pseudonymiser
from ingest.raw_schema import create_all


def load(con, landing: Path, run_id: str = "r") -> Loader:
    loader = Loader(
        con, pseudonymiser=Pseudonymiser("k"), run_id=run_id, now=datetime(2024, 1, 1), zip_max_bytes=10**8
    )
    fresh = loader.new_files(scan(landing))
    for familie in ("referentie", "onbekend", "berichten", "klachten", "verantwoording"):
        loader.load_family(familie, fresh)
    return loader


@pytest.fixture
def con(tmp_path):
    connection = duckdb.connect(str(tmp_path / "w.duckdb"))
    create_all(connection)
    yield connection
    connection.close()


@pytest.fixture
def landing(tmp_path, reference_dir):
    root = tmp_path / "landing"
    (root / "berichten" / "2023").mkdir(parents=True)
    for name in ("WMO301.xml", "WMO323.xml"):
        shutil.copy(reference_dir / "iwmo-3.2" / "samples" / name, root / "berichten" / "2023" / name)
    return root


def statuses(con) -> dict[str, str]:
    return dict(con.execute("SELECT pad, status FROM audit.bestanden").fetchall())


def test_copy_under_another_name_is_a_duplicate_and_a_second_run_changes_nothing(con, landing):
    shutil.copy(landing / "berichten/2023/WMO301.xml", landing / "berichten/kopie-301.xml")
    load(con, landing)
    assert statuses(con) == {
        "berichten/2023/WMO301.xml": "geladen",
        "berichten/2023/WMO323.xml": "geladen",
        "berichten/kopie-301.xml": "duplicaat",
    }
    before = con.execute("SELECT count(*) FROM raw.iwmo_323_prestaties").fetchall()
    second = load(con, landing, "r2")
    assert second.summary.total("nieuw") == 0
    assert con.execute("SELECT count(*) FROM audit.bestanden").fetchall() == [(3,)]
    assert con.execute("SELECT count(*) FROM raw.iwmo_323_prestaties").fetchall() == before == [(4,)]


def test_same_message_identity_with_other_content_is_a_conflict(con, landing):
    load(con, landing)
    changed = (landing / "berichten/2023/WMO323.xml").read_text(encoding="utf-8").replace("RN004", "RN099")
    (landing / "berichten/gewijzigd.xml").write_text(changed, encoding="utf-8")
    load(con, landing, "r2")
    rows = con.execute("SELECT pad, reden_code, bericht_id FROM audit.quarantaine").fetchall()
    assert rows == [("berichten/gewijzigd.xml", "BERICHT_CONFLICT", "484:65656055:765432198:2023-05-06")]
    assert statuses(con)["berichten/gewijzigd.xml"] == "quarantaine"


def test_file_outside_the_family_folders_is_quarantined_and_a_fixed_file_loads(con, landing):
    (landing / "los.xml").write_bytes((landing / "berichten/2023/WMO301.xml").read_bytes())
    broken = landing / "berichten/kapot.xml"
    broken.write_text("<Bericht><niet-af>", encoding="utf-8")
    load(con, landing)
    reasons = dict(con.execute("SELECT pad, reden_code FROM audit.quarantaine").fetchall())
    assert reasons == {"los.xml": "BESTANDSTYPE_ONBEKEND", "berichten/kapot.xml": "XML_NIET_WELGEVORMD"}
    sample = (landing / "berichten/2023/WMO301.xml").read_text(encoding="utf-8")
    broken.write_text(sample.replace("123456789012", "123456789099"), encoding="utf-8")
    load(con, landing, "r2")
    rows = con.execute(
        "SELECT status FROM audit.bestanden WHERE pad = 'berichten/kapot.xml' ORDER BY volgnummer"
    ).fetchall()
    assert rows == [("quarantaine",), ("geladen",)]


def test_a_failing_batch_writes_nothing(con, landing, monkeypatch):
    import ingest.loader as loader_module

    def explode(con_, table, rows):
        if table == "quarantaine":
            raise RuntimeError("schijf vol")
        return original(con_, table, rows)

    original = loader_module.insert_rows
    monkeypatch.setattr(loader_module, "insert_rows", explode)
    with pytest.raises(RuntimeError, match="schijf vol"):
        load(con, landing)
    assert con.execute("SELECT count(*) FROM audit.bestanden").fetchall() == [(0,)]
    assert con.execute("SELECT count(*) FROM raw.iwmo_berichten").fetchall() == [(0,)]
