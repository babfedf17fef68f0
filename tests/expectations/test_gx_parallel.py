"""Suites validated side by side in worker processes report exactly what they report one after the other; the
workers come from a fork server that imported Great Expectations before they were started."""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor

from gx_rows import KNOWN, clean_rows, database, prestatie

from expectations import parallel
from expectations.parallel import validate_suites


def test_suites_in_worker_processes_give_the_same_outcomes_in_the_same_order(tmp_path):
    rows = clean_rows()
    header = {
        k: rows["iwmo_323_prestaties"][0][k]
        for k in ("bericht_id", "berichtcode", "identificatie", "dagtekening", "afzender", "ontvanger")
    }
    rows["iwmo_323_prestaties"].append(prestatie(header, "RN009", bedrag_cent=-5))
    rows["verantwoording_tevredenheid"][0]["cijfer"] = 11
    path = tmp_path / "werk.duckdb"
    con = database(rows)
    con.execute(f"ATTACH '{path}' AS bestand")
    con.execute("COPY FROM DATABASE memory TO bestand")
    con.close()
    suites = ["iwmo_berichten", "iwmo_prestaties", "verantwoording", "iwmo_retour"]

    side_by_side = validate_suites(path, suites, KNOWN, workers=2)
    one_by_one = validate_suites(path, suites, KNOWN, workers=1)

    assert [o.family for o in side_by_side] == suites
    assert side_by_side == one_by_one
    berichten, prestaties, verantwoording, retour = side_by_side
    assert berichten.success and berichten.evaluated > 0 and retour.success
    (bedrag,) = prestaties.blocking_failures
    assert (bedrag["column"], bedrag["sample"]) == ("bedrag_cent", [-5])
    (cijfer,) = verantwoording.blocking_failures
    assert (cijfer["column"], cijfer["sample"]) == ("cijfer", [11])


def _gx_already_imported() -> bool:
    return "great_expectations" in sys.modules


def test_after_warm_up_a_worker_starts_with_great_expectations_imported():
    parallel.warm_up()
    context = parallel._context()
    assert context.get_start_method() == "forkserver"
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        assert pool.submit(_gx_already_imported).result()
