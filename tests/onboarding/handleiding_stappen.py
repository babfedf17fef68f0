"""The user guide's steps (docs/handleiding/README.md), done once per test session in a temporary folder.

The shell blocks are taken from the guide itself and run with bash, with the guide's folder `/srv/wmo-monitor`
replaced by a temporary one: if the guide changes a command, a path or a setting, this follows, and if the guide's
command no longer works, the test fails. The one step the guide cannot spell out is the region's own files; they
are simulated with `wmo-monitor generate` into a scratch folder, of which only the four family folders are copied
into the landing folder (no `manifest.json`), the way a region drops its deliveries.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from dashboards.navigatie import PAGINAS
from ingest.landing import FAMILIES

REPO = Path(__file__).resolve().parents[2]
HANDLEIDING = REPO / "docs" / "handleiding" / "README.md"
GUIDE_ROOT = "/srv/wmo-monitor"
GEBRUIKER = "anne.de.vries"
GEMEENTE = "0957"
"""The user and municipality of the guide's example (step 6); Roermond is in the generated region."""


def landing_title(rol: str) -> str:
    """The title of the first page the role may open: where a login lands (navigatie.py)."""
    return next(titel for _bestand, titel, _url, _icoon, rollen, _sectie in PAGINAS if rol in rollen)


def code_blocks(text: str) -> list[str]:
    return re.findall(r"^```[a-z]*\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)


def guide_block(needle: str, *, exact: bool = False) -> str:
    """The one code block of the guide that contains `needle` (or, `exact`, is nothing else)."""
    blocks = [
        b
        for b in code_blocks(HANDLEIDING.read_text(encoding="utf-8"))
        if (b.strip() == needle if exact else needle in b)
    ]
    assert len(blocks) == 1, f"{len(blocks)} blokken in de handleiding bevatten {needle!r}"
    return blocks[0]


@dataclass(frozen=True)
class EigenRegio:
    root: Path
    wachtwoord: str
    outputs: dict[str, subprocess.CompletedProcess]

    @property
    def settings(self) -> dict[str, str]:
        """The settings file the guide had the user write (step 3), as name → value."""
        regels = (self.root / "wmo-monitor.env").read_text(encoding="utf-8").splitlines()
        return dict(r.split("=", 1) for r in regels if r.strip())

    @property
    def warehouse(self) -> Path:
        return Path(self.settings["WMO_WAREHOUSE"])

    @property
    def users_file(self) -> Path:
        """Not set by the guide: the default next to the warehouse."""
        return self.warehouse.with_name("gebruikers.json")

    def env(self) -> dict[str, str]:
        """This process's environment with the guide's settings instead of any WMO_* of the machine."""
        return {**_clean_env(), **self.settings}


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WMO_")}
    env["PATH"] = (
        f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"  # `wmo-monitor` as installed
    )
    return env


class Guide:
    """Runs the guide's blocks in `root` the way a user pastes them into a shell."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.outputs: dict[str, subprocess.CompletedProcess] = {}

    def block(self, needle: str, *, exact: bool = False) -> str:
        return guide_block(needle, exact=exact).replace(GUIDE_ROOT, str(self.root))

    def run(
        self, step: str, needle: str, *, exact: bool = False, settings: bool = True, **extra_env: str
    ) -> None:
        script = self.block(needle, exact=exact)
        if settings:  # step 3: every later step runs in a shell that loaded the settings file
            script = self.block("; set +a\n") + script
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script],
            cwd=self.root, env={**_clean_env(), **extra_env}, capture_output=True, text=True, timeout=900,
        )  # fmt: skip
        self.outputs[step] = result
        assert result.returncode == 0, (
            f"stap {step}: {script}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )


def own_region_files(root: Path, landing: Path) -> None:
    """The region's own deliveries: generated elsewhere, copied family by family into the landing folder."""
    bron = root / "bron"
    generated = subprocess.run(
        ["wmo-monitor", "generate", "--out", str(bron), "--scale", "0.02", "--years", "2023-2024", "--seed", "5"],
        env=_clean_env(), capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert generated.returncode == 0, generated.stderr
    for family in FAMILIES:
        shutil.copytree(bron / family, landing / family, dirs_exist_ok=True)


def follow_guide(root: Path) -> EigenRegio:
    guide = Guide(root)
    (root / "data").mkdir()  # step 1 (useradd, chown) needs root; its mkdir is all a run needs
    guide.run("sleutel", "secrets.token_hex", settings=False)
    (root / "wmo-monitor.env").write_text(guide.block("WMO_LANDING_DIR="), encoding="utf-8")
    guide.run("landingsmap", "mkdir -p /srv/wmo-monitor/landing/")
    own_region_files(root, root / "landing")
    guide.run("run", "wmo-monitor run", exact=True)
    guide.run("status", "wmo-monitor status", exact=True)
    wachtwoord = secrets.token_urlsafe(18)
    guide.run("toevoegen", "--wachtwoord-stdin", WACHTWOORD=wachtwoord)
    guide.run("export", "wmo-monitor export --parquet")
    return EigenRegio(root, wachtwoord, guide.outputs)


@pytest.fixture(scope="session")
def eigen_regio(tmp_path_factory: pytest.TempPathFactory) -> EigenRegio:
    """The guide followed once; the tests check each step's outcome."""
    return follow_guide(tmp_path_factory.mktemp("eigen-regio"))
