"""The loader's promises: registry by content, duplicates, conflicts, unknown folders, re-delivery, atomic batches."""

from __future__ import annotations

import shutil
from datetime import datetime

import duckdb
import pytest

from ingest.landing import scan
from ingest.loader import Loader
from ingest.pseudonymise import Pseudonymiser
from ingest.raw_schema import create_all
from tests.pipeline.loading import load, new_loader


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


def in_another_form(message: bytes) -> bytes:
    """The same message as another sender's software writes it: LF line ends, another prefix, a comment and an
    ISO-8859-1 declaration (a BOM and a default namespace: `test_iwmo_inhoud`)."""
    text = (
        message.decode("utf-8")
        .replace("\r\n", "\n")
        .replace("wmo323:", "b:")
        .replace("xmlns:wmo323=", "xmlns:b=")
    )
    text = text.replace('encoding="UTF-8"?>', 'encoding="ISO-8859-1"?>\n<!-- opnieuw verzonden -->', 1)
    assert "wmo323:" not in text and "\r" not in text
    return text.encode("iso-8859-1")


def test_same_message_sent_again_in_another_form_is_a_duplicate_not_a_conflict(con, landing):
    import zipfile

    original = (landing / "berichten/2023/WMO323.xml").read_bytes()
    resent = in_another_form(original)
    with zipfile.ZipFile(
        landing / "berichten/pakket.zip", "w"
    ) as archive:  # same run, the original not written yet
        archive.writestr("opnieuw/WMO323.xml", resent)
    first = load(con, landing)
    (landing / "berichten/opnieuw.xml").write_bytes(resent)  # a later run: the original is in DuckDB
    second = load(con, landing, "r2")
    assert con.execute("SELECT count(*) FROM audit.quarantaine").fetchall() == [(0,)]
    assert statuses(con)["berichten/pakket.zip"] == "duplicaat"
    assert statuses(con)["berichten/opnieuw.xml"] == "duplicaat"
    assert first.summary.family("berichten").duplicaat == second.summary.family("berichten").duplicaat == 1
    assert con.execute("SELECT count(*) FROM raw.iwmo_323_prestaties").fetchall() == [(4,)]


def test_a_resent_archive_is_compared_member_by_member_opening_each_archive_once(con, landing, monkeypatch):
    """A provider's software may re-export a whole archive (other line ends, other prefixes): every member then
    collides with a loaded one. Each archive is verified and opened once, not once per member."""
    import zipfile

    import ingest.iwmo.teruglezen as teruglezen

    wmo323 = (landing / "berichten/2023/WMO323.xml").read_bytes()
    members = {f"m{i}.xml": wmo323.replace(b"765432198", str(765432100 + i).encode()) for i in range(30)}
    with zipfile.ZipFile(landing / "berichten/maart.zip", "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    load(con, landing)
    with zipfile.ZipFile(landing / "berichten/maart-opnieuw.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(f"export/{name}", in_another_form(data))
    hashed = []
    original = teruglezen.sha256_of
    monkeypatch.setattr(teruglezen, "sha256_of", lambda path: hashed.append(path.name) or original(path))
    second = load(con, landing, "r2")
    assert second.summary.family("berichten").duplicaat == 1
    assert con.execute("SELECT count(*) FROM audit.quarantaine").fetchall() == [(0,)]
    assert sorted(hashed) == ["maart-opnieuw.zip", "maart.zip"]


def test_a_changed_value_in_another_form_is_still_a_conflict(con, landing):
    load(con, landing)
    changed = in_another_form(
        (landing / "berichten/2023/WMO323.xml").read_bytes().replace(b"RN004", b"RN099")
    )
    (landing / "berichten/gewijzigd.xml").write_bytes(changed)
    load(con, landing, "r2")
    rows = con.execute("SELECT pad, reden_code, melding FROM audit.quarantaine").fetchall()
    assert [row[:2] for row in rows] == [("berichten/gewijzigd.xml", "BERICHT_CONFLICT")]
    assert "met andere inhoud" in rows[0][2]


def test_a_resent_message_whose_original_file_is_gone_is_a_conflict_that_says_why(con, landing):
    original = landing / "berichten/2023/WMO323.xml"
    load(con, landing)
    resent = in_another_form(original.read_bytes())
    original.unlink()
    (landing / "berichten/opnieuw.xml").write_bytes(resent)
    load(con, landing, "r2")
    rows = con.execute("SELECT pad, reden_code, melding FROM audit.quarantaine").fetchall()
    assert [row[:2] for row in rows] == [("berichten/opnieuw.xml", "BERICHT_CONFLICT")]
    assert "uit berichten/2023/WMO323.xml" in rows[0][2]
    assert "niet meer ongewijzigd in de landingsmap" in rows[0][2]


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


# -- parallel parsing, hashing once, batches, the JSON write path and the scan ---------------------------------


def dump(con) -> dict[str, list]:
    """Every raw and audit table in insertion order (run ids and timestamps are equal between the loads)."""
    from ingest.raw_schema import SCHEMAS

    return {
        f"{schema}.{table}": con.execute(f"SELECT * FROM {schema}.{table}").fetchall()
        for schema, tables in SCHEMAS.items()
        for table in tables
    }


@pytest.fixture
def busy_landing(landing, reference_dir):
    """Messages loaded, duplicated (file and message), conflicting and refused, in plain files and zips."""
    import zipfile

    berichten = landing / "berichten"
    samples = reference_dir / "iwmo-3.2" / "samples"
    for name in ("WMO305.xml", "WMO307.xml", "WMO315.xml", "WMO317.xml", "WMO319.xml"):
        shutil.copy(samples / name, berichten / name)
    shutil.copy(samples / "WMO301.xml", berichten / "kopie-301.xml")
    wmo323 = (samples / "WMO323.xml").read_text(encoding="utf-8")
    (berichten / "conflict.xml").write_text(wmo323.replace("RN004", "RN099"), encoding="utf-8")
    (berichten / "kapot.xml").write_text("<Bericht><niet-af>", encoding="utf-8")
    with zipfile.ZipFile(berichten / "pakket.zip", "w") as archive:  # one new, one known, one conflicting
        archive.writestr("a/WMO315.xml", (samples / "WMO315.xml").read_bytes().replace(b"2023", b"2022"))
        archive.writestr("b/WMO305.xml", (samples / "WMO305.xml").read_bytes())
        archive.writestr("c/WMO323.xml", wmo323.replace("RN004", "RN098").encode())
    return landing


def test_worker_processes_load_exactly_what_one_process_loads(tmp_path, busy_landing, monkeypatch):
    import ingest.iwmo.files as iwmo_files
    import ingest.loader as loader_module

    monkeypatch.setattr(iwmo_files, "CHUNK_FILES", 3)  # chunks split over workers and over write batches
    monkeypatch.setattr(loader_module, "BATCH_RECORDS", 7)
    results = {}
    for workers in (1, 2):
        connection = duckdb.connect(str(tmp_path / f"w{workers}.duckdb"))
        create_all(connection)
        loader = new_loader(connection, workers=workers)
        loader.load_family("berichten", loader.new_files(scan(busy_landing)))
        results[workers] = (dump(connection), loader.summary)
        connection.close()
    assert results[2] == results[1]
    tables, summary = results[1]
    reasons = sorted(row[4] for row in tables["audit.quarantaine"])
    assert reasons == ["BERICHT_CONFLICT", "BERICHT_CONFLICT", "XML_NIET_WELGEVORMD"]
    assert summary.family("berichten").duplicaat == 1  # kopie-301.xml
    volgnummers = [row[7] for row in tables["audit.bestanden"]]
    assert volgnummers == list(range(1, len(volgnummers) + 1))


def test_new_files_hashes_only_paths_that_were_registered_before(con, landing, monkeypatch):
    import ingest.loader as loader_module

    load(con, landing)
    (landing / "berichten/nieuw.xml").write_bytes((landing / "berichten/2023/WMO323.xml").read_bytes())
    touched = landing / "berichten/2023/WMO301.xml"
    touched.touch()  # same content, new mtime: hashed, then recognised
    hashed = []
    original = loader_module.sha256_of
    monkeypatch.setattr(loader_module, "sha256_of", lambda path: hashed.append(path.name) or original(path))
    loader = Loader(con, pseudonymiser=Pseudonymiser("k"), run_id="r2", now=datetime(2024, 1, 2))
    fresh = loader.new_files(scan(landing))
    assert hashed == ["WMO301.xml"]
    assert [(f.pad, sha) for f, sha in fresh] == [("berichten/nieuw.xml", None)]
    loader.load_family("berichten", fresh)
    registered = con.execute(
        "SELECT status, sha256 FROM audit.bestanden WHERE pad = 'berichten/nieuw.xml'"
    ).fetchall()
    import hashlib

    assert registered == [
        ("duplicaat", hashlib.sha256((landing / "berichten/nieuw.xml").read_bytes()).hexdigest())
    ]


def test_any_unseen_reads_nothing_and_tells_a_registered_file_from_a_new_or_touched_one(
    con, landing, monkeypatch
):
    import ingest.loader as loader_module

    load(con, landing)
    monkeypatch.setattr(loader_module, "sha256_of", lambda path: pytest.fail(f"{path} gelezen"))

    def any_unseen() -> bool:
        loader = Loader(con, pseudonymiser=Pseudonymiser("k"), run_id="r", now=datetime.now())
        return loader.any_unseen(scan(landing))

    assert not any_unseen()
    (landing / "berichten/2023/WMO301.xml").touch()  # same content, new mtime: may be new until it is hashed
    assert any_unseen()


def test_arrow_rows_round_trip_exactly(con):
    from datetime import date, time

    from ingest.writer import arrow_table, insert_rows

    tricky = "é \u20ac \"quoted\" \\ back\nnew line \U0001f600 'single'"
    rows = [
        {
            "pad": tricky,
            "sha256": "s",
            "bytes": 2**62,
            "familie": "berichten",
            "eerst_gezien": datetime(2024, 2, 29, 1, 2, 3, 4),
            "status": "geladen",
            "aantal_records": 0,
            "volgnummer": 1,
            "mtime_ns": 1,
            "run_id": "",
        },
        {"pad": "b", "sha256": None},  # missing columns are NULL
    ]
    assert insert_rows(con, "bestanden", [arrow_table("bestanden", rows)]) == 2
    got = con.execute(
        "SELECT pad, sha256, bytes, eerst_gezien, run_id, status FROM audit.bestanden"
    ).fetchall()
    assert got == [
        (tricky, "s", 2**62, datetime(2024, 2, 29, 1, 2, 3, 4), "", "geladen"),
        ("b", None, None, None, None, None),
    ]
    toewijzing = {
        "bericht_id": "x",
        "toewijzingsdatum": date(2023, 1, 2),
        "toewijzingstijd": time(11, 28, 55, 7),
    }
    insert_rows(
        con,
        "iwmo_301_toegewezen_producten",
        [arrow_table("iwmo_301_toegewezen_producten", [toewijzing])],
    )
    assert con.execute(
        "SELECT toewijzingsdatum, toewijzingstijd FROM raw.iwmo_301_toegewezen_producten"
    ).fetchall() == [(date(2023, 1, 2), time(11, 28, 55, 7))]
    with pytest.raises(KeyError, match="onzin"):
        arrow_table("bestanden", [{"pad": "c", "onzin": 1}])
    assert insert_rows(con, "bestanden", []) == 0
    assert insert_rows(con, "bestanden", [arrow_table("bestanden", [])]) == 0


def test_scan_skips_hidden_temporary_and_linked_files(tmp_path):
    import os

    root = tmp_path / "landing"
    (root / "berichten" / ".verborgen").mkdir(parents=True)
    (root / "klachten").mkdir()
    for name in ("a.xml", "b.tmp", "c.part", ".swp", ".verborgen/d.xml", "e.tmp.xml"):
        (root / "berichten" / name).write_text("x")
    (root / "los.txt").write_text("x")
    (root / "overig" / "berichten").mkdir(parents=True)  # only the top folder decides the family
    (root / "overig" / "berichten" / "f.xml").write_text("x")
    (root / "berichten" / "2024" / "maart").mkdir(parents=True)
    (root / "berichten" / "2024" / "maart" / "g.xml").write_text("x")
    os.symlink(root / "berichten" / "a.xml", root / "berichten" / "link.xml")
    os.symlink(root / "berichten", root / "klachten" / "map-link")
    os.utime(root / "los.txt", ns=(1, 1))
    found = [(f.pad, f.familie, f.bytes) for f in scan(root)]
    assert found[0] == ("los.txt", "onbekend", 1)
    assert sorted(found[1:]) == [
        ("berichten/2024/maart/g.xml", "berichten", 1),
        ("berichten/a.xml", "berichten", 1),
        ("berichten/e.tmp.xml", "berichten", 1),
        ("overig/berichten/f.xml", "onbekend", 1),
    ]
    assert all(f.path == root / f.pad for f in scan(root))


def test_a_file_gone_after_the_scan_is_reported_not_registered_and_loaded_by_the_next_run(
    con, landing, tmp_path
):
    """A sender may take a file back while a run is busy: the run goes on without it, says so, and the next run,
    which finds it again, loads it."""
    (landing / "klachten").mkdir()
    klacht = landing / "klachten" / "register.csv"
    klacht.write_text("ontvangen;afgehandeld\n", encoding="utf-8")
    bewaard = tmp_path / "bewaard"
    bewaard.mkdir()
    meldingen: list[str] = []
    loader = new_loader(con, progress=meldingen.append)
    fresh = loader.new_files(scan(landing))
    for gone in (landing / "berichten/2023/WMO323.xml", klacht):  # both routes: iWmo files and tabular files
        shutil.move(gone, bewaard / gone.name)
    for familie in ("berichten", "klachten"):
        loader.load_family(familie, fresh)
    assert statuses(con) == {"berichten/2023/WMO301.xml": "geladen"}
    assert loader.summary.family("berichten").onleesbaar == 1
    assert loader.summary.family("klachten").onleesbaar == 1
    assert any(
        m.startswith("berichten/2023/WMO323.xml: kan niet worden gelezen (FileNotFoundError")
        for m in meldingen
    )
    assert any("klachten/register.csv: kan niet worden gelezen" in m for m in meldingen)

    shutil.move(bewaard / "WMO323.xml", landing / "berichten/2023/WMO323.xml")
    load(con, landing, "r2")
    assert statuses(con)["berichten/2023/WMO323.xml"] == "geladen"
    assert con.execute("SELECT count(*) FROM raw.iwmo_323_prestaties").fetchall()[0][0] > 0


def test_a_bug_while_reading_refuses_only_that_file_and_the_next_run_tries_it_again(
    con, landing, monkeypatch
):
    """INTERNE_FOUT is wmo-monitor's fault, not the sender's: the file is quarantined (visible), the others load,
    and it is not registered as known, so the run after the fix loads it without a new delivery."""
    import ingest.iwmo.files as iwmo_files
    import ingest.klachten as klachten

    (landing / "klachten").mkdir()
    (landing / "klachten" / "register.csv").write_text("ontvangen;afgehandeld\n", encoding="utf-8")
    real_parse = iwmo_files.parse_message

    def buggy(data, *, locatie, **kwargs):
        if locatie.endswith("WMO301.xml"):
            raise KeyError("ToewijzingNummer")
        return real_parse(data, locatie=locatie, **kwargs)

    def buggy_klachten(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    with monkeypatch.context() as patched:
        patched.setattr(iwmo_files, "parse_message", buggy)
        patched.setattr(klachten, "parse_klachten", buggy_klachten)
        loader = new_loader(con, workers=1)
        fresh = loader.new_files(scan(landing))
        for familie in ("berichten", "klachten"):
            loader.load_family(familie, fresh)
    rows = con.execute("SELECT pad, reden_code, melding FROM audit.quarantaine ORDER BY pad").fetchall()
    assert [row[:2] for row in rows] == [
        ("berichten/2023/WMO301.xml", "INTERNE_FOUT"),
        ("klachten/register.csv", "INTERNE_FOUT"),
    ]
    assert "KeyError: 'ToewijzingNummer'" in rows[0][2] and "meld dit aan de beheerder" in rows[0][2]
    assert statuses(con)["berichten/2023/WMO323.xml"] == "geladen"

    second = load(con, landing, "r2")  # the bug is fixed
    assert second.summary.total("nieuw") == 2
    assert statuses(con)["berichten/2023/WMO301.xml"] == "geladen"
    reasons = con.execute("SELECT reden_code FROM audit.quarantaine WHERE run_id = 'r2'").fetchall()
    assert reasons == [("KOLOM_ONTBREEKT",)]  # the real parser's verdict on the register
    assert con.execute("SELECT count(*) FROM raw.iwmo_301_toegewezen_producten").fetchall()[0][0] > 0
    assert load(con, landing, "r3").summary.total("nieuw") == 0


def test_a_file_in_berichten_that_is_no_xml_or_zip_is_an_unknown_file_type(con, landing):
    """The extension decides the format, as for archive members and the tabular families (docs/iwmo-parser.md):
    a PDF is not 'bad XML', and a message saved as .txt is refused with a message that says how to deliver it."""
    (landing / "berichten/brief.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (landing / "berichten/bericht.txt").write_bytes(
        (landing / "berichten/2023/WMO301.xml").read_bytes() + b"\n"
    )
    (landing / "berichten/HOOFDLETTERS.XML").write_bytes(
        (landing / "berichten/2023/WMO323.xml").read_bytes() + b"\n"
    )
    load(con, landing)
    rows = con.execute(
        "SELECT pad, locatie, reden_code, melding FROM audit.quarantaine ORDER BY pad"
    ).fetchall()
    assert [row[:3] for row in rows] == [
        ("berichten/bericht.txt", "berichten/bericht.txt", "BESTANDSTYPE_ONBEKEND"),
        ("berichten/brief.pdf", "berichten/brief.pdf", "BESTANDSTYPE_ONBEKEND"),
    ]
    assert "Het bestand 'bericht.txt' is geen .xml-bestand" in rows[0][3] and "extensie .xml" in rows[0][3]
    assert (
        statuses(con)["berichten/HOOFDLETTERS.XML"] == "duplicaat"
    )  # same message as WMO323.xml, other bytes


def test_files_with_the_same_modification_time_are_taken_in_order_of_their_name_not_their_folder(tmp_path):
    """inputs.md: files found in the same run are taken in order of modification time, then name (klacht_id:
    the later delivery replaces the earlier). A generator or a copy tool gives a whole delivery one mtime."""
    import os

    klachten = tmp_path / "landing" / "klachten"
    (klachten / "2024").mkdir(parents=True)
    for pad in ("2024/z.csv", "a.csv", "2024/m.csv", "b/a.csv"):
        (klachten / pad).parent.mkdir(parents=True, exist_ok=True)
        (klachten / pad).write_text("klacht_id\n", encoding="utf-8")
        os.utime(klachten / pad, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    (klachten / "eerder.csv").write_text("klacht_id\n", encoding="utf-8")
    os.utime(klachten / "eerder.csv", ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    assert [f.pad for f in scan(tmp_path / "landing")] == [
        "klachten/eerder.csv",
        "klachten/a.csv",
        "klachten/b/a.csv",
        "klachten/2024/m.csv",
        "klachten/2024/z.csv",
    ]
