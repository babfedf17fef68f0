"""Dagster resources, configured from the environment (operations.md, Configuration)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import dagster as dg

from runtime import config, private_files

ENV_FIELDS: dict[str, str] = {
    "landing_dir": "WMO_LANDING_DIR",
    "warehouse": "WMO_WAREHOUSE",
    "peildatum": "WMO_PEILDATUM",
}
"""WmoSettings field -> the environment variable it is read from under `dagster dev`."""


def set_env_fields(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The fields whose environment variable is set (and not empty) in `env` (default: the process)."""
    env = os.environ if env is None else env
    return {field: var for field, var in ENV_FIELDS.items() if env.get(var)}


class WmoSettings(dg.ConfigurableResource):
    """The product's settings; an empty field falls back to the WMO_* environment variable or its default.

    `wmo-monitor run` fills the fields from its flags; `dagster dev` uses `from_environment()`, which binds
    each field whose variable is set to a `dg.EnvVar` (resolved when the run starts, shown as such in the UI).
    """

    landing_dir: str = ""
    warehouse: str = ""
    peildatum: str = ""

    @classmethod
    def from_environment(cls, env: Mapping[str, str] | None = None) -> WmoSettings:
        """EnvVar for every variable that is set; unset ones stay empty so that the defaults apply.

        `dg.EnvVar` fails a run when its variable is missing, and an optional setting must not do that.
        """
        return cls(**{field: dg.EnvVar(var) for field, var in set_env_fields(env).items()})

    def settings(self) -> config.Settings:
        """The settings of this run step, whose file modes become the process's (steps may run in a process of
        their own under `dagster dev`, and every step that writes asks for its settings first)."""
        # The remaining settings (key, XSD folder, cell size, users file) and the defaults come from here.
        base = config.from_env()
        private_files.apply(base.bestanden_groep)
        return base.with_overrides(
            landing_dir=Path(self.landing_dir) if self.landing_dir else None,
            warehouse=Path(self.warehouse) if self.warehouse else None,
            peildatum=config.parse_date(self.peildatum, "peildatum") if self.peildatum else None,
        )


def run_config(**fields: str) -> dict:
    """Run config for the `wmo` resource: the given fields, the others from the environment as above.

    Run config for a resource replaces its configured values as a whole, so a schedule that sets one field
    must name the environment variables for the others again (as `{"env": VAR}`, resolved in the run).
    """
    values: dict[str, object] = {field: {"env": var} for field, var in set_env_fields().items()}
    values.update(fields)
    return {"resources": {"wmo": {"config": values}}}
