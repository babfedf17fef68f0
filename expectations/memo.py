"""Remember a family's validation outcome for as long as the raw data it judged is unchanged.

Validating is a pure function of (suites, raw table contents, known reference codes), so when none of those
changed since the last validation the stored outcome is the outcome: GX is then not even imported, which saves
its 10-15 s import and the per-expectation overhead on every run that brings nothing new for a family. A failed
outcome is remembered just as faithfully as a passed one, so an unchanged bad raw layer keeps blocking.

The fingerprint is content-based (DuckDB's `hash` of every row, summed so row order does not matter), so a
rebuilt or replaced work database with other contents never matches an old entry.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from expectations.runner import FAMILIES, SUITES_DIR


def table_digest(con, table: str) -> str:
    """Row count and order-independent content hash of one raw table (also the dbt build's fingerprint)."""
    count, total = con.execute(
        f"select count(*), coalesce(sum(hash(t)), 0) from raw.{table} as t"
    ).fetchall()[0]
    return f"{table}\0{count}\0{total}\n"


def load_json(path: Path) -> dict | None:
    """A stored memo, or None when it is absent or unreadable (a memo is only ever an optimisation)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def store_json(path: Path, payload: dict) -> None:
    """Store atomically: a run killed while writing leaves the previous memo or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def fingerprint(con, suites: list[str], known: dict[str, set[str]]) -> str:
    """Hash of the suites' JSON, the rows of every table they validate and the known reference codes."""
    digest = hashlib.sha256()
    for suite in suites:
        digest.update((SUITES_DIR / f"{suite}.json").read_bytes())
        for table in FAMILIES[suite]:
            digest.update(table_digest(con, table).encode())
    for key in sorted(known):
        digest.update(f"{key}\0{','.join(sorted(known[key]))}\n".encode())
    return digest.hexdigest()


def _path(state_dir: Path, familie: str) -> Path:
    return state_dir / "gx" / f"{familie}.json"


def recall(state_dir: Path, familie: str, key: str) -> dict | None:
    """The stored outcome for exactly this fingerprint, or None."""
    stored = load_json(_path(state_dir, familie)) or {}
    return stored["uitkomst"] if stored.get("sleutel") == key else None


def remember(state_dir: Path, familie: str, key: str, outcome: dict) -> None:
    store_json(_path(state_dir, familie), {"sleutel": key, "uitkomst": outcome})
