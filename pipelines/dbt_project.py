"""The dbt project as Dagster sees it: where it lives and how its nodes map onto asset keys."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtProject

DBT_PROJECT_DIR = Path(__file__).resolve().parents[1] / "dbt_project"

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)

_SOURCE_FAMILY_PREFIXES = (
    ("iwmo_", "berichten"),
    ("klachten", "klachten"),
    ("verantwoording_", "verantwoording"),
    ("ref_", "referentie"),
)


def family_of_source(table: str) -> str:
    """The landing family whose ingest asset writes this raw table."""
    for prefix, familie in _SOURCE_FAMILY_PREFIXES:
        if table.startswith(prefix):
            return familie
    raise ValueError(f"Ruwe tabel {table!r} hoort bij geen enkele familie")


class WmoDbtTranslator(DagsterDbtTranslator):
    """Raw sources are the ingest assets' tables (`raw/<table>`); models are grouped by their layer folder."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey(["raw", dbt_resource_props["name"]])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        fqn = dbt_resource_props.get("fqn", [])
        if dbt_resource_props["resource_type"] == "seed":
            return "referentiedata"
        return fqn[1] if len(fqn) > 2 else "dbt"
