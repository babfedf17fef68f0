"""Dagster resources, configured from the environment (operations.md, Configuration)."""

from datetime import date
from pathlib import Path

import dagster as dg

from wmo_monitor import config


class WmoSettings(dg.ConfigurableResource):
    """The product's settings; an empty field falls back to the WMO_* environment variable or its default.

    `wmo-monitor run` fills the fields from its flags, `dagster dev` leaves them empty so the environment rules.
    """

    landing_dir: str = ""
    warehouse: str = ""
    peildatum: str = ""

    def settings(self) -> config.Settings:
        base = config.from_env()
        return base.with_overrides(
            landing_dir=Path(self.landing_dir) if self.landing_dir else None,
            warehouse=Path(self.warehouse) if self.warehouse else None,
            peildatum=date.fromisoformat(self.peildatum) if self.peildatum else None,
        )
