"""Data quality gates (operations.md, Reliability): a failing blocking Great Expectations check stops the publish,
leaves the previous publication in place and says which check, which expectation and which values.

The bad delivery is a `gemeenten.csv` that names one municipality twice. Every row passes the parser (a valid
4-digit code and a name), so it loads into raw.ref_gemeenten; the blocking expectation
`expect_compound_columns_to_be_unique` on (bestand_sha256, gemeentecode) in expectations/suites/referentie.json
rejects it before dbt runs.
"""

from __future__ import annotations

import shutil

import duckdb
import pytest

from tests.pipeline.cli_runs import cli_run
from tests.pipeline.fingerprints import marts_fingerprint

pytestmark = pytest.mark.slow


def test_failing_blocking_expectation_keeps_the_previous_publication_and_says_why(two_deliveries, tmp_path):
    shutil.copytree(two_deliveries["template"], tmp_path / "w")  # a published warehouse and its landing zone
    landing, warehouse = tmp_path / "w" / "landing", tmp_path / "w" / "wh.duckdb"
    published = marts_fingerprint(warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        gemeenten_voor = con.execute("SELECT count(*) FROM marts.dim_gemeente").fetchall()[0][0]

    # A new delivery of the municipality list in which the first municipality appears twice.
    gemeenten = landing / "referentie" / "gemeenten.csv"
    header, first_row, *rest = gemeenten.read_text(encoding="utf-8").splitlines()
    code = first_row.split(",")[0]
    dubbel = f"{code},Dubbel ingevoerd,Elders"
    gemeenten.write_text("\n".join([header, first_row, *rest, dubbel]) + "\n", encoding="utf-8")

    second = cli_run(landing, warehouse)
    output = second.stdout + second.stderr
    assert second.returncode == 1, output
    assert "gx_referentie" in output, output
    assert "expect_compound_columns_to_be_unique" in output, output
    assert "tabel ref_gemeenten" in output, output
    assert f"gemeentecode={code}" in output, (
        "het voorbeeld hoort de dubbele gemeentecode te tonen:\n" + output
    )
    assert "De publicatie wordt tegengehouden" in output, output
    assert "De vorige publicatie blijft staan" in output, output

    assert marts_fingerprint(warehouse) == published, "de vorige publicatie hoort ongewijzigd te blijven"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM marts.dim_gemeente").fetchall()[0][0] == gemeenten_voor
        assert con.execute("SELECT count(*) FROM audit.runs WHERE status = 'mislukt'").fetchall()[0][0] == 0

    work_db = warehouse.with_name(f"{warehouse.stem}.work.duckdb")
    with duckdb.connect(str(work_db), read_only=True) as con:
        status, melding = con.execute(
            "SELECT status, melding FROM audit.runs ORDER BY start DESC LIMIT 1"
        ).fetchall()[0]
    assert status == "mislukt"
    assert "gx_referentie" in melding and "expect_compound_columns_to_be_unique" in melding
