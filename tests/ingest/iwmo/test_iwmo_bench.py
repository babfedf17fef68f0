"""The benchmark helper works (no timing assertions: speed is measured by the benchmark command, not by tests)."""

from __future__ import annotations

from iwmo_testdata import fixture_path

from ingest.iwmo.bench import measure


def test_measure_reports_ratio_fields():
    result = measure([fixture_path("WMO323_basis.xml")], copies=3, repeats=1)
    assert set(result) == {"lxml_only_s", "parse_s", "ratio", "files", "mb", "rejected"}
    assert result["files"] == 3 and result["rejected"] == 0
