"""Turn dbt's run results into a Dutch report that names the failing test or model and shows sample rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

SAMPLE_ROWS = 5


def failing_results(run_results: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in run_results.get("results", []) if r.get("status") in {"fail", "error"}]


def describe_failures(run_results: dict[str, Any], work_db: Path) -> str:
    """One paragraph per failing node; for failing tests the first rows the test's SQL returns."""
    failures = failing_results(run_results)
    if not failures:
        return "dbt is mislukt zonder falende test of model in run_results.json; zie de dbt-log."
    lines = [f"{len(failures)} dbt-controle(s) of model(len) mislukt; de publicatie is niet bijgewerkt."]
    for result in failures:
        node = result.get("unique_id", "?")
        lines.append(f"- {node}: {result.get('message') or result.get('status')}")
        sql = result.get("compiled_code")
        if node.startswith("test.") and sql:
            lines.extend(f"    {row}" for row in _sample(sql, work_db))
    return "\n".join(lines)


def _sample(sql: str, work_db: Path) -> list[str]:
    try:
        with duckdb.connect(str(work_db), read_only=True) as con:
            rel = con.sql(f"SELECT * FROM ({sql}) AS failing LIMIT {SAMPLE_ROWS}")
            columns = rel.columns
            return [
                ", ".join(f"{c}={v}" for c, v in zip(columns, row, strict=True)) for row in rel.fetchall()
            ]
    except duckdb.Error as exc:
        return [f"(voorbeeldrijen niet op te halen: {exc})"]


def test_statuses(run_results: dict[str, Any]) -> dict[str, str]:
    """dbt's status per test (data and unit tests) of one invocation, by unique_id."""
    return {
        r["unique_id"]: r.get("status")
        for r in run_results.get("results", [])
        if r.get("unique_id", "").startswith(("test.", "unit_test."))
    }


def counts_of(statuses: dict[str, str]) -> dict[str, int]:
    """Passed and failed tests; a warning or a skipped test is not a failure."""
    failed = sum(1 for status in statuses.values() if status in {"fail", "error"})
    return {"geslaagd": len(statuses) - failed, "gefaald": failed}


def write_counts(state_dir: Path, run_id: str, counts: dict[str, int]) -> None:
    """Leave the test counts for the publish step, which records them in audit.runs."""
    state_dir.mkdir(parents=True, exist_ok=True)
    payload = {"run_id": run_id, **counts}
    (state_dir / "dbt-tests.json").write_text(json.dumps(payload), encoding="utf-8")


def read_test_counts(state_dir: Path, run_id: str) -> dict[str, int]:
    path = state_dir / "dbt-tests.json"
    if not path.exists():
        return {}
    payload = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in payload.items() if k != "run_id"} if payload.get("run_id") == run_id else {}
