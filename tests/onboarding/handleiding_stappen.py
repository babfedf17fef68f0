"""The user guide's steps (docs/handleiding/README.md), done once per test session in a temporary folder.

A municipality's own data is simulated with `wmo-monitor generate` into a scratch folder; only the four family
folders are copied into the landing folder, the way a region drops its own files (no `manifest.json`). Every other step is the guide's own command, run as its own process through the installed
`wmo-monitor` entry point, with only the settings the guide tells the user to set.
"""

from __future__ import annotations

import csv
import os
import secrets
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

WMO_MONITOR = str(Path(sys.executable).with_name("wmo-monitor"))
FAMILIES = ("berichten", "klachten", "verantwoording", "referentie")
GEBRUIKER = "anne.de.vries"


@dataclass(frozen=True)
class EigenRegio:
    root: Path
    env: dict[str, str]
    gemeente: str
    wachtwoord: str
    outputs: dict[str, subprocess.CompletedProcess]

    @property
    def warehouse(self) -> Path:
        return Path(self.env["WMO_WAREHOUSE"])

    @property
    def users_file(self) -> Path:
        """Not set by the guide: the default next to the warehouse."""
        return self.warehouse.with_name("gebruikers.json")


def guide_env(root: Path) -> dict[str, str]:
    """This environment without any WMO_* setting, plus the three the guide puts in `wmo-monitor.env`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WMO_")}
    return {
        **env,
        "WMO_LANDING_DIR": str(root / "landing"),
        "WMO_WAREHOUSE": str(root / "data" / "warehouse.duckdb"),
        "WMO_PSEUDONIEM_SLEUTEL_FILE": str(root / "sleutel.txt"),
    }


def wmo(env: dict[str, str], cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [WMO_MONITOR, *args], env=env, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=900
    )


def own_region_files(bron: Path, landing: Path) -> None:
    """Step 3 of the guide: the region's files in the four family folders, without the generator's manifest."""
    for family in FAMILIES:
        shutil.copytree(bron / family, landing / family)


def follow_guide(root: Path) -> EigenRegio:
    env = guide_env(root)
    outputs: dict[str, subprocess.CompletedProcess] = {}
    generated = wmo(
        env,
        root,
        "generate",
        "--out",
        str(root / "bron"),
        "--scale",
        "0.02",
        "--years",
        "2023-2024",
        "--seed",
        "5",
    )
    assert generated.returncode == 0, generated.stderr
    own_region_files(root / "bron", root / "landing")
    sleutel = root / "sleutel.txt"
    sleutel.write_text(secrets.token_hex(32) + "\n", encoding="utf-8")
    sleutel.chmod(0o600)
    outputs["run"] = wmo(env, root, "run")
    with (root / "landing" / "referentie" / "gemeenten.csv").open(encoding="utf-8") as fh:
        gemeente = next(csv.DictReader(fh))["gemeentecode"]
    wachtwoord = secrets.token_urlsafe(18)
    outputs["toevoegen"] = wmo(
        env, root, "gebruikers", "toevoegen", GEBRUIKER, "--rol", "contractmanager", "--gemeente", gemeente,
        "--wachtwoord-stdin", stdin=wachtwoord + "\n",
    )  # fmt: skip
    outputs["lijst"] = wmo(env, root, "gebruikers", "lijst")
    outputs["status"] = wmo(env, root, "status")
    outputs["export"] = wmo(env, root, "export", "--parquet", str(root / "bi"))
    return EigenRegio(root, env, gemeente, wachtwoord, outputs)


@pytest.fixture(scope="session")
def eigen_regio(tmp_path_factory: pytest.TempPathFactory) -> EigenRegio:
    """The guide followed once; the tests check each step's outcome."""
    return follow_guide(tmp_path_factory.mktemp("eigen-regio"))
