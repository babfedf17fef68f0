"""The ingest steps of one run share one scan of the landing folder; the next run scans again."""

from __future__ import annotations


def test_one_scan_per_run_and_a_new_scan_for_the_next_run(tmp_path, monkeypatch):
    import pipelines.assets.ingest as ingest_assets

    landing = tmp_path / "landing"
    (landing / "berichten").mkdir(parents=True)
    (landing / "berichten" / "a.xml").write_bytes(b"<a/>")
    scans = []
    real_scan = ingest_assets.scan
    monkeypatch.setattr(ingest_assets, "scan", lambda folder: scans.append(folder) or real_scan(folder))

    first = [ingest_assets.landing_files("run-1", landing) for _ in ingest_assets.FAMILIES]
    assert scans == [landing] and all(files == first[0] for files in first)
    (landing / "berichten" / "b.xml").write_bytes(b"<b/>")  # arrives during run-1: waits for run-2
    assert [f.pad for f in ingest_assets.landing_files("run-1", landing)] == ["berichten/a.xml"]
    assert sorted(f.pad for f in ingest_assets.landing_files("run-2", landing)) == [
        "berichten/a.xml",
        "berichten/b.xml",
    ]
    assert scans == [landing, landing]
    assert (
        ingest_assets.landing_files("run-3", tmp_path / "weg") == []
    )  # no landing folder yet: nothing to load
