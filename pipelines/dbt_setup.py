"""dagster-dbt reads dbt's manifest when the definitions are imported, so it must exist before that."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

DBT_PROJECT_DIR = Path(__file__).resolve().parents[1] / "dbt_project"
MANIFEST = DBT_PROJECT_DIR / "target" / "manifest.json"


def venv_dbt() -> Path:
    """The dbt next to this Python: the one of the dbt-core package this process imports (the project's venv)."""
    return Path(sys.executable).with_name("dbt")


def dbt_executable() -> str:
    """The dbt next to this Python, else the one on PATH."""
    local = venv_dbt()
    return str(local) if local.exists() else (shutil.which("dbt") or "dbt")


def _newest_source_mtime() -> float:
    paths = [
        p for folder in ("models", "macros", "seeds", "tests") for p in (DBT_PROJECT_DIR / folder).rglob("*")
    ]
    paths.append(DBT_PROJECT_DIR / "dbt_project.yml")
    return max((p.stat().st_mtime for p in paths if p.is_file()), default=0.0)


def ensure_manifest(force: bool = False) -> Path:
    """Run `dbt parse` when the manifest is missing or older than the project's files."""
    if force or not MANIFEST.exists() or MANIFEST.stat().st_mtime < _newest_source_mtime():
        env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
        env.setdefault("WMO_WORK_DB", str(DBT_PROJECT_DIR / "target" / "parse.duckdb"))
        subprocess.run(
            [dbt_executable(), "parse", "--profiles-dir", str(DBT_PROJECT_DIR), "--quiet"],
            cwd=DBT_PROJECT_DIR,
            env=env,
            check=True,
        )
    return MANIFEST
