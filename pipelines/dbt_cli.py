"""The dbt CLI resource without two start-up costs that dagster-dbt pays before every `dbt.cli(...)` call.

Measured on 2026-12-02 (2 cores): `DbtCliResource.cli` took 6.8 s before dbt itself started, on a run whose
whole dbt step took 27 s.

* `_cli_version` runs `dbt --version` in a subprocess (4.0 s: a whole dbt start-up) to tell dbt Core from the
  Fusion engine. The dbt next to this Python is the dbt-core package this process can import, so its version
  is read in-process. Any other executable is still asked.
* `_initialize_dbt_core_adapter` loads the dbt profile, project and every macro in this process, to build an
  adapter. dagster-dbt only uses that adapter for `fetch_row_counts()` and `fetch_column_metadata()`, which we
  do not call. dagster-dbt's own fallback when the adapter cannot be built is None, so None is what we give.

Both are private methods of the pinned dagster-dbt (`requirements.lock`). `tests/pipeline/test_dbt_cli.py`
fails when an upgrade renames them, so the saving cannot vanish without anyone noticing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

from dagster_dbt import DbtCliResource
from packaging import version

from pipelines.dbt_setup import venv_dbt


class WmoDbtCliResource(DbtCliResource):
    """`DbtCliResource` for a project that streams dbt events and reads run_results.json, nothing more."""

    @cached_property
    def _cli_version(self) -> version.Version:
        if Path(self.dbt_executable) == venv_dbt():
            from dbt.version import __version__

            return version.parse(__version__)
        return super()._cli_version

    def _initialize_dbt_core_adapter(self, args: Sequence[str]) -> None:
        return None
