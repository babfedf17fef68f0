"""Skip the dbt build when nothing it depends on changed since the last successful build (operations.md:
"models rebuild what depends on new data").

The models are a pure function of the raw layer, the dbt project (models, macros, seeds: all in the manifest),
the vars and, only when no message was ever loaded, today's date (the fallback peildatum). After a successful
build the fingerprint of those inputs and of the relations it produced is stored next to the warehouse; a run
whose inputs and relations match it has nothing to rebuild, so its dbt step reports the stored test counts and
the publish step republishes the same marts. When only raw tables differ (the everyday case: a day of new
messages), only what depends on them is rebuilt (`pipelines.dbt_partial`). A run killed during dbt never stored
a fingerprint for its data, so the next run builds everything again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import NamedTuple

import dagster as dg
import duckdb

from expectations.memo import load_json, store_json, table_digest

UNCHANGED = "Invoer ongewijzigd sinds de vorige geslaagde dbt-bouw: uitkomst van die bouw hergebruikt."


class Fingerprint(NamedTuple):
    basis: str
    """Hash of the manifest, the vars, the list of relations (raw and built) and, without messages, today."""
    tabellen: tuple[tuple[str, str], ...]
    """(raw table, digest of its rows), sorted by table."""

    @property
    def sleutel(self) -> str:
        return hashlib.sha256(f"{self.basis}\n{self.tabellen}".encode()).hexdigest()


def fingerprint(work_db: Path, manifest: Path, dbt_vars: dict, today: date | None = None) -> Fingerprint:
    """Every raw table's rows, the manifest, the vars, the relations dbt built and, without messages, today."""
    digest = hashlib.sha256(manifest.read_bytes())
    digest.update(json.dumps(dbt_vars, sort_keys=True).encode())
    tabellen = []
    with duckdb.connect(str(work_db), read_only=True) as con:
        relations = con.execute(
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_catalog = current_database() AND table_schema IN ('raw', 'staging', 'intermediate', "
            "'marts') ORDER BY 1, 2"
        ).fetchall()
        for schema, table in relations:
            digest.update(f"{schema}.{table}\n".encode())
            if schema == "raw":
                tabellen.append((table, table_digest(con, table)))
        # Today is the peildatum only while no message was ever loaded (int_peildatum; no other model reads the
        # date): with messages, a new day changes nothing, and the everyday run need not rebuild everything.
        if ("raw", "iwmo_berichten") not in relations or not _rows(con, "raw.iwmo_berichten"):
            digest.update((today or date.today()).isoformat().encode())
    return Fingerprint(digest.hexdigest(), tuple(tabellen))


def _rows(con, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def _path(state_dir: Path) -> Path:
    return state_dir / "dbt-bouw.json"


def _covering(state_dir: Path, selected: Iterable[dg.AssetKey]) -> dict:
    """The last successful build if it built every selected asset, else {}."""
    stored = load_json(_path(state_dir)) or {}
    built = {dg.AssetKey(path) for path in stored.get("assets", [])}
    return stored if set(selected) <= built else {}


def last_build(state_dir: Path, key: Fingerprint, selected: Iterable[dg.AssetKey]) -> dict | None:
    """The last successful build (`tests`, `assets`, `checks`) if it had exactly these inputs and built every
    selected asset, else None."""
    stored = _covering(state_dir, selected)
    return stored if stored.get("sleutel") == key.sleutel else None


def changed_tables(
    state_dir: Path, key: Fingerprint, selected: Iterable[dg.AssetKey]
) -> tuple[dict, set[str]] | None:
    """(the last successful build, the raw tables whose rows changed since) when only rows of raw tables changed;
    None when anything else did (the project, the vars, the date, a relation added or gone) or no build covers
    the selection: then everything is built."""
    stored = _covering(state_dir, selected)
    if not stored or stored.get("basis") != key.basis:
        return None
    before = dict(map(tuple, stored.get("tabellen", [])))
    now = dict(key.tabellen)
    if before.keys() != now.keys():
        return None
    return stored, {table for table, digest in now.items() if before[table] != digest}


def record_build(
    state_dir: Path,
    key: Fingerprint,
    counts: dict[str, int],
    assets: list[list[str]],
    checks: list[dict],
    uitslagen: dict[str, str],
) -> None:
    """`uitslagen`: dbt status per test unique_id, so that a partial build can count every test."""
    store_json(
        _path(state_dir),
        {
            "sleutel": key.sleutel,
            "basis": key.basis,
            "tabellen": [list(pair) for pair in key.tabellen],
            "tests": counts,
            "assets": assets,
            "checks": checks,
            "uitslagen": uitslagen,
        },
    )


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
    """Every selected model as materialised (unchanged), then every selected dbt test with its remembered
    outcome."""
    yield from replay_assets(context, remembered)
    yield from replay_checks(context, remembered)


def replay_assets(
    context: dg.AssetExecutionContext, remembered: dict, only: set[dg.AssetKey] | None = None
) -> Iterator:
    """The selected models (of `only`, when given) as materialised and unchanged, in the order dbt built them:
    Dagster wants a multi-asset's outputs in topological order."""
    selected = context.selected_asset_keys
    for path in remembered["assets"]:
        key = dg.AssetKey(path)
        if key in selected and (only is None or key in only):
            yield dg.MaterializeResult(asset_key=key, metadata={"ongewijzigd": True})


def replay_checks(
    context: dg.AssetExecutionContext, remembered: dict, skip: set[dg.AssetCheckKey] = frozenset()
) -> Iterator:
    """The selected dbt tests (except those in `skip`, which ran) with their remembered outcome."""
    selected_checks = context.selected_asset_check_keys
    for check in remembered["checks"]:
        key = dg.AssetCheckKey(dg.AssetKey(check["asset"]), check["check"])
        if key in selected_checks and key not in skip:
            yield dg.AssetCheckResult(
                asset_key=key.asset_key,
                check_name=key.name,
                passed=check["passed"],
                severity=dg.AssetCheckSeverity(check["severity"]),
                description=UNCHANGED,
            )


def merged_checks(remembered: list[dict], ran: list[dict]) -> list[dict]:
    """The remembered check records with those of the tests that ran now in their place."""
    records = {(tuple(c["asset"]), c["check"]): c for c in remembered}
    records.update({(tuple(c["asset"]), c["check"]): c for c in ran})
    return list(records.values())
