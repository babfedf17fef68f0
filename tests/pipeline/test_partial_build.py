"""A delivery of messages rebuilds only the models that depend on the raw tables it changed (operations.md:
"models rebuild what depends on new data"), and the published marts are exactly those of a full rebuild."""

from __future__ import annotations

import re

from tests.pipeline.cli_runs import cli_run
from tests.pipeline.conftest import second_delivery
from tests.pipeline.fingerprints import marts_fingerprint


def _dbt_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if "dbt:" in line]


def test_new_messages_rebuild_part_of_the_models_with_the_marts_of_a_full_rebuild(two_deliveries, tmp_path):
    landing, warehouse = second_delivery(two_deliveries, tmp_path / "deels")
    partial = cli_run(landing, warehouse)
    assert partial.returncode == 0, partial.stdout + partial.stderr
    (plan_line,) = [line for line in _dbt_lines(partial.stdout) if "opnieuw bouwen" in line]
    rebuilt, total = map(int, re.search(r"dbt: (\d+) van de (\d+) modellen en seeds", plan_line).groups())
    assert 0 < rebuilt < total, plan_line
    assert "iwmo_berichten" in plan_line and "klachten," not in plan_line
    assert marts_fingerprint(warehouse) == two_deliveries["reference"]

    # the same delivery without the memo of the first build: dbt builds everything
    landing, warehouse = second_delivery(two_deliveries, tmp_path / "alles")
    (warehouse.parent / "wh.state" / "dbt-bouw.json").unlink()
    full = cli_run(landing, warehouse)
    assert full.returncode == 0, full.stdout + full.stderr
    assert any("dbt: modellen bouwen en testen" in line for line in _dbt_lines(full.stdout))
    assert marts_fingerprint(warehouse) == two_deliveries["reference"]
    assert _counts(full.stdout) == _counts(partial.stdout), "the partial build counts the unchanged tests too"


def _counts(output: str) -> list[str]:
    return [line.split("dbt: ", 1)[1] for line in _dbt_lines(output) if "tests geslaagd" in line]
