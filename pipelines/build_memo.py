"""Skip the dbt build when nothing it depends on changed since the last successful build (operations.md:
"models rebuild what depends on new data").

The models are a pure function of the raw layer, the dbt project (models, macros, seeds: all in the manifest),
the vars and, only when no message was ever loaded, today's date (the fallback peildatum). After a successful
build the fingerprint of those inputs and of the relations it produced is stored next to the warehouse; a run
whose inputs and relations match it has nothing to rebuild, so its dbt step reports the stored test counts and
the publish step republishes the same marts. A run killed during dbt never stored a fingerprint for its data,
so the next run builds again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb

from expectations.memo import load_json, store_json, table_digest

UNCHANGED = "Invoer ongewijzigd sinds de vorige geslaagde dbt-bouw: uitkomst van die bouw hergebruikt."


def fingerprint(work_db: Path, manifest: Path, dbt_vars: dict, today: date | None = None) -> str:
    """Hash of every raw table's rows, the manifest, the vars, today, and the relations dbt built."""
    digest = hashlib.sha256(manifest.read_bytes())
    digest.update(json.dumps(dbt_vars, sort_keys=True).encode())
    digest.update((today or date.today()).isoformat().encode())
    with duckdb.connect(str(work_db), read_only=True) as con:
        relations = con.execute(
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_catalog = current_database() AND table_schema IN ('raw', 'staging', 'intermediate', "
            "'marts') ORDER BY 1, 2"
        ).fetchall()
        for schema, table in relations:
            digest.update(f"{schema}.{table}\n".encode())
            if schema == "raw":
                digest.update(table_digest(con, table).encode())
    return digest.hexdigest()


def _path(state_dir: Path) -> Path:
    return state_dir / "dbt-bouw.json"


def last_build(state_dir: Path, key: str, selected: Iterable[dg.AssetKey]) -> dict | None:
    """The last successful build (`tests`, `assets`, `checks`) if it had exactly these inputs and built every
    selected asset, else None."""
    stored = load_json(_path(state_dir)) or {}
    if stored.get("sleutel") != key:
        return None
    built = {dg.AssetKey(path) for path in stored.get("assets", [])}
    return stored if set(selected) <= built else None


def record_build(
    state_dir: Path, key: str, counts: dict[str, int], assets: list[list[str]], checks: list[dict]
) -> None:
    store_json(_path(state_dir), {"sleutel": key, "tests": counts, "assets": assets, "checks": checks})


def forget_build(state_dir: Path) -> None:
    """Before a build starts: a build that dies half-way must not leave the old fingerprint standing."""
    _path(state_dir).unlink(missing_ok=True)


def check_record(result: dg.AssetCheckResult) -> dict:
    """What a dbt test's asset check said, to be said again while its inputs are unchanged."""
    return {
        "asset": list(result.asset_key.path),
        "check": result.check_name,
        "passed": result.passed,
        "severity": result.severity.value,
    }


def replay(context: dg.AssetExecutionContext, remembered: dict) -> Iterator:
    """Every selected model as materialised (unchanged), in the order dbt built them (Dagster wants a multi-asset's
    outputs in topological order), then every selected dbt test with its remembered outcome."""
    selected = context.selected_asset_keys
    for path in remembered["assets"]:
        if dg.AssetKey(path) in selected:
            yield dg.MaterializeResult(asset_key=dg.AssetKey(path), metadata={"ongewijzigd": True})
    selected_checks = context.selected_asset_check_keys
    for check in remembered["checks"]:
        key = dg.AssetCheckKey(dg.AssetKey(check["asset"]), check["check"])
        if key in selected_checks:
            yield dg.AssetCheckResult(
                asset_key=key.asset_key,
                check_name=key.name,
                passed=check["passed"],
                severity=dg.AssetCheckSeverity(check["severity"]),
                description=UNCHANGED,
            )
