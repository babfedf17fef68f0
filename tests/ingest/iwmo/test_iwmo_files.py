"""prepare_files: read once, hash once, parse, encode per chunk; worker processes give the same results in order."""

from __future__ import annotations

import hashlib
import pickle
import shutil
import zipfile

import pytest
from iwmo_testdata import TESTSLEUTEL, fixture_path, sample_path

from ingest.iwmo import files as iwmo_files
from ingest.iwmo.files import _is_zip, prepare_files
from ingest.pseudonymise import Pseudonymiser
from runtime.config import Limits

SAMPLES = ("WMO301.xml", "WMO305.xml", "WMO323.xml")


@pytest.fixture
def landing(tmp_path):
    """Samples, a refused message, a zip with two members (one not XML) and a corrupt zip."""
    folder = tmp_path / "berichten"
    folder.mkdir()
    for name in SAMPLES:
        shutil.copy(sample_path(name), folder / name)
    shutil.copy(fixture_path("WMO325_antwoord.xml"), folder / "WMO325.xml")
    shutil.copy(fixture_path("fout_bsn_elfproef.xml"), folder / "fout.xml")
    with zipfile.ZipFile(folder / "pakket.zip", "w") as archive:
        archive.writestr("in/WMO323.xml", fixture_path("WMO323_basis.xml").read_bytes())
        archive.writestr("lees-mij.txt", b"geen bericht")
    (folder / "kapot.zip").write_bytes(b"PK\x03\x04 dit is geen zip")
    return folder


def items_of(folder):
    return [(str(path), f"berichten/{path.name}", None) for path in sorted(folder.iterdir())]


def prepare(items, **kwargs):
    return list(
        prepare_files(
            items,
            pseudonymiser=Pseudonymiser(TESTSLEUTEL),
            xsd=None,
            limits=Limits(zip_max_bytes=10**8),
            **kwargs,
        )
    )


def summary(prepared):
    """Everything but the chunk objects, plus the rows each file's messages contribute, decoded."""
    out = []
    for p in prepared:
        nummers = [m.nummer for m in p.berichten if m.quarantaine is None]
        rows = {t: table.to_pylist() for t, table in p.chunk.select(nummers).items()} if nummers else {}
        messages = [m._replace(nummer=None) for m in p.berichten]
        out.append((p.sha256, messages, p.fout, rows))
    return out


def test_hash_is_of_the_file_bytes_and_reused_as_content_hash(landing):
    prepared = prepare(items_of(landing), workers=1)
    by_name = dict(zip(sorted(p.name for p in landing.iterdir()), prepared, strict=True))
    data = (landing / "WMO323.xml").read_bytes()
    wmo323 = by_name["WMO323.xml"]
    assert wmo323.sha256 == hashlib.sha256(data).hexdigest()
    assert [m.inhoud_sha256 for m in wmo323.berichten] == [wmo323.sha256]
    pakket = by_name["pakket.zip"]
    assert pakket.sha256 == hashlib.sha256((landing / "pakket.zip").read_bytes()).hexdigest()
    member = fixture_path("WMO323_basis.xml").read_bytes()
    assert pakket.berichten[0].inhoud_sha256 == hashlib.sha256(member).hexdigest()
    assert pakket.berichten[0].locatie == "berichten/pakket.zip!in/WMO323.xml"
    assert pakket.berichten[1].quarantaine.reden_code == "BESTANDSTYPE_ONBEKEND"
    assert by_name["kapot.zip"].fout.reden_code == "ZIP_CORRUPT"
    assert by_name["fout.xml"].berichten[0].quarantaine.reden_code == "BSN_ONGELDIG"


def test_a_given_sha_is_used_and_the_content_hash_computed(landing):
    item = (str(landing / "WMO301.xml"), "berichten/WMO301.xml", "a" * 64)
    [prepared] = prepare([item], workers=1)
    assert prepared.sha256 == "a" * 64
    data = (landing / "WMO301.xml").read_bytes()
    assert prepared.berichten[0].inhoud_sha256 == hashlib.sha256(data).hexdigest()


def test_worker_processes_give_the_same_results_in_the_same_order(landing, monkeypatch):
    monkeypatch.setattr(iwmo_files, "CHUNK_FILES", 2)  # several chunks, split over the workers
    monkeypatch.setattr(iwmo_files, "AHEAD_CHUNKS", 1)
    items = items_of(landing) * 3
    in_process = prepare(items, workers=1)
    in_workers = prepare(items, workers=2)
    assert summary(in_workers) == summary(in_process)
    assert len(in_workers) == len(items)


def test_read_ahead_changes_nothing_and_leaves_no_descriptor_open(landing, monkeypatch):
    import os

    items = items_of(landing)
    before = set(os.listdir("/proc/self/fd"))
    with_read_ahead = prepare(items, workers=1)
    assert set(os.listdir("/proc/self/fd")) == before
    monkeypatch.setattr(iwmo_files, "_FADVISE", None)  # a platform without posix_fadvise
    assert summary(prepare(items, workers=1)) == summary(with_read_ahead)


def test_a_file_that_cannot_be_opened_ahead_is_opened_when_read(landing, monkeypatch):
    real_open = iwmo_files.os.open
    refused = []

    def open_once_refused(path, flags):
        if path.endswith("WMO305.xml") and not refused:
            refused.append(path)
            raise PermissionError(path)
        return real_open(path, flags)

    monkeypatch.setattr(iwmo_files.os, "open", open_once_refused)
    prepared = prepare(items_of(landing), workers=1)
    assert refused  # the read-ahead could not open it ...
    by_name = dict(zip(sorted(p.name for p in landing.iterdir()), prepared, strict=True))
    assert by_name["WMO305.xml"].berichten[0].quarantaine is None  # ... and reading it later still did


def test_small_inputs_stay_in_process(landing, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("no worker processes for a handful of files")

    monkeypatch.setattr(iwmo_files, "_in_workers", no_pool)
    assert len(prepare(items_of(landing))) == len(items_of(landing))


def test_chunk_select_takes_the_rows_of_the_given_messages(landing):
    items = [(str(landing / n), f"berichten/{n}", None) for n in ("WMO323.xml", "WMO301.xml", "WMO323.xml")]
    first, second, third = prepare(items, workers=1)
    chunk = first.chunk
    assert second.chunk is chunk and third.chunk is chunk
    everything = chunk.select([0, 1, 2])
    assert all(everything[t] is chunk.tabellen[t] for t in chunk.tabellen)  # used as is, not copied
    only_301 = {t: table.to_pylist() for t, table in chunk.select([1]).items()}
    assert set(only_301) == {"iwmo_berichten", "iwmo_301_clienten", "iwmo_301_toegewezen_producten"}
    alles = chunk.tabellen["iwmo_berichten"].to_pylist()
    assert only_301["iwmo_berichten"] == [alles[1]]
    assert [row["berichttype"] for row in alles] == ["WMO323", "WMO301", "WMO323"]
    without_middle = chunk.select([0, 2])
    assert without_middle["iwmo_323_prestaties"] is chunk.tabellen["iwmo_323_prestaties"]  # the 301 has none
    assert without_middle["iwmo_berichten"].to_pylist() == [alles[0], alles[2]]
    assert chunk.select([]) == {}


def test_a_chunk_crosses_processes_with_its_typed_tables_and_counts(landing):
    """What a worker sends the loader (pickled, the tables as Arrow IPC streams) is what it built."""
    items = [(str(landing / n), f"berichten/{n}", None) for n in ("WMO323.xml", "fout.xml", "WMO301.xml")]
    chunk = prepare(items, workers=1)[0].chunk
    copy = pickle.loads(pickle.dumps(chunk))
    assert (copy.berichten, copy.aantallen) == (3, chunk.aantallen)
    assert copy.aantallen["iwmo_323_prestaties"][:2] == [chunk.tabellen["iwmo_323_prestaties"].num_rows, 0]
    assert set(copy.tabellen) == set(chunk.tabellen)
    for name, table in chunk.tabellen.items():
        assert copy.tabellen[name].schema == table.schema  # dates, times and integers keep their types
        assert copy.tabellen[name].to_pylist() == table.to_pylist()


@pytest.mark.parametrize(
    "path", ["/a/b.zip", "/a/b.ZIP", "/a/.zip", "/a/b.zip.", "/a/b.xml", "/a/x.zip/b", "b.zip", "/a/b..zip"]
)
def test_is_zip_matches_pathlib(path):
    from pathlib import Path

    assert _is_zip(path) == (Path(path).suffix.lower() == ".zip")
