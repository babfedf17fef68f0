"""The benchmark helper works (no timing assertions: speed is measured by the benchmark command, not by tests)."""

from __future__ import annotations

from iwmo_testdata import fixture_path

from ingest.iwmo.bench import measure


def test_measure_reports_ratio_fields():
    result = measure([fixture_path("WMO323_basis.xml")], copies=3, repeats=1)
    assert set(result) == {
        "lxml_only_s",
        "parse_s",
        "ratio",
        "files",
        "mb",
        "rejected",
        "files_per_s",
        "messages_per_s",
        "mb_per_s",
    }
    assert result["files"] == 3 and result["rejected"] == 0


def test_measure_counts_rejected_messages_in_the_rates():
    paths = [fixture_path("WMO323_basis.xml"), fixture_path("fout_bedrag_negatief.xml")]
    result = measure(paths, copies=2, repeats=1)
    assert result["files"] == 4 and result["rejected"] == 2
    assert result["messages_per_s"] == result["files_per_s"] > 0


def test_bench_ingest_counts_every_parsed_message_over_the_same_bytes(tmp_path):
    """`wmo-monitor bench`: messages parsed (loaded, duplicate, rejected) = the messages the lxml baseline parsed."""
    import zipfile

    from wmo_monitor.bench import bench_ingest

    berichten = tmp_path / "landing" / "berichten"
    berichten.mkdir(parents=True)
    good = fixture_path("WMO323_basis.xml").read_bytes()
    (berichten / "a.xml").write_bytes(good)
    (berichten / "kopie.xml").write_bytes(good)  # identical re-delivery: duplicate, but parsed
    (berichten / "fout.xml").write_bytes(fixture_path("fout_bedrag_negatief.xml").read_bytes())
    with zipfile.ZipFile(berichten / "pak.zip", "w") as archive:
        archive.writestr("x/WMO306.xml", fixture_path("WMO306_retour.xml").read_bytes())
        archive.writestr("x/WMO302.xml", fixture_path("WMO302_alleen_header.xml").read_bytes())
    r = bench_ingest(tmp_path / "landing", repeats=2)
    assert (r["bestanden"], r["bestanden_baseline"]) == (4, 4)
    assert (r["berichten"], r["berichten_baseline"]) == (5, 5)
    assert r["analist_cpu_s"] > 0 and r["ingest_cpu_s"] > 0
    assert r["analist_ratio_cpu"] == r["analist_cpu_s"] / r["ingest_cpu_s"]
    assert r["berichten_geladen"] == 3
    assert r["berichten_per_s"] > 0 and r["bestanden_per_s"] > 0 and r["mb_per_s"] > 0
    # every turn is a fresh ingest (the same counts each time); the ratio is that of the two best times
    assert r["herhalingen"] == 2
    assert r["ratio"] == r["ingest_s"] / r["lxml_s"]
    assert 0 < r["ratio_min"] <= r["ratio_max"]


def test_the_analyst_script_reads_each_message_type_into_its_own_table():
    from wmo_monitor.analyst_baseline import read_like_an_analyst

    blobs = [
        fixture_path(n).read_bytes() for n in ("WMO323_basis.xml", "WMO323_basis.xml", "WMO306_retour.xml")
    ]
    assert read_like_an_analyst([*blobs, b"<geen xml"]) == {"wmo323": 2, "wmo306": 1}
