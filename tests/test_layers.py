"""The layering of docs/architecture.md holds: `lint-imports` with the contracts of pyproject.toml.

Run as a test so that `make test` (and so CI) fails on a new upward import."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    executable = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(executable), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_import_contracts_hold() -> None:
    result = _lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_every_python_package_is_in_a_layer() -> None:
    """A new top-level package outside the contracts would escape them unnoticed."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["importlinter"]
    packages = {p.parent.name for p in REPO.glob("*/__init__.py")}
    assert packages == set(config["root_packages"])


def test_an_upward_import_breaks_the_contract(tmp_path: Path) -> None:
    """The same contracts on a copy of the tree in which the ground imports the CLI: the linter must refuse."""
    for name in [
        *tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
    ]:
        shutil.copytree(REPO / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    cores = tmp_path / "runtime" / "cores.py"
    cores.write_text(cores.read_text() + "\nimport wmo_monitor.cli  # noqa\n")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert "runtime.cores -> wmo_monitor.cli" in result.stdout
