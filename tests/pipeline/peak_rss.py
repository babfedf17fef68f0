"""Loading a landing folder in a fresh process and measuring what it cost in memory (peak RSS, `getrusage`).

A fresh process, because `ru_maxrss` is the peak over a process's life: the test process has already been larger.
The load itself is the real Loader over every family, with the limits from the environment (`WMO_*_MAX_*`), as
the ingest assets use it. Files named `goed*` are loaded first, before the baseline: the first file of a family
starts polars' and DuckDB's thread pools and arenas (about 90 MiB for one small CSV), which is not what the large
file under test costs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_SCRIPT = """
import json, resource, sys
from datetime import datetime
from pathlib import Path

import duckdb
import fastexcel, polars, ingest.klachten, ingest.referentie, ingest.verantwoording  # imported before the baseline
from ingest.landing import scan
from ingest.loader import Loader
from ingest.pseudonymise import Pseudonymiser
from ingest.raw_schema import create_all
from runtime import config
from tests.pipeline.loading import FAMILY_ORDER

landing, db = Path(sys.argv[1]), sys.argv[2]
con = duckdb.connect(db)
create_all(con)
loader = Loader(con, pseudonymiser=Pseudonymiser("k"), run_id="r", now=datetime(2024, 1, 1),
                limits=config.from_env().limits, workers=1)
fresh = loader.new_files(scan(landing))
warm = [item for item in fresh if item[0].pad.rpartition("/")[2].startswith("goed")]
for familie in FAMILY_ORDER:  # the first file of a family starts polars' and DuckDB's pools: not the file's cost
    loader.load_family(familie, warm)
baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
for familie in FAMILY_ORDER:
    loader.load_family(familie, [item for item in fresh if item not in warm])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({
    "groei_mb": (peak - baseline) / 1024,
    "bestanden": dict(con.execute("SELECT pad, status FROM audit.bestanden").fetchall()),
    "quarantaine": con.execute("SELECT locatie, reden_code, melding FROM audit.quarantaine ORDER BY locatie").fetchall(),
}))
"""


def load_measured(landing: Path, db: Path, **env: str) -> dict:
    """{'groei_mb': peak RSS growth of the load in MiB, 'bestanden': {pad: status}, 'quarantaine': [(locatie,
    reden_code, melding)]}; `env` sets WMO_* limits for that process."""
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(landing), str(db)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.splitlines()[-1])
    outcome["quarantaine"] = [tuple(item) for item in outcome["quarantaine"]]
    return outcome
