"""Which dbt nodes a run must rebuild when only some raw tables changed (operations.md: "models rebuild what
depends on new data").

A model's table is a function of its parents, the dbt project and the vars. When the project, the vars and the
date are those of the last successful build (`build_memo`), only the models downstream of a changed raw table can
come out differently; every other model keeps the table that build made. The data tests to run are those with at
least one rebuilt parent: dbt's `cautious` indirect selection drops exactly the tests whose parents are all
excluded, so `--exclude <unchanged models and seeds>` over the whole project runs what this module computes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

_BUILT = ("model.", "seed.", "snapshot.")


class Plan(NamedTuple):
    rebuild: set[str]
    """unique_ids of the models (and seeds, snapshots) downstream of a changed raw table."""
    unchanged: list[str]
    """unique_ids of the other models, seeds and snapshots, in manifest order."""

    def exclude_args(self, manifest: Mapping[str, Any]) -> list[str]:
        """dbt arguments that leave out the unchanged nodes and the tests on only those."""
        # by file: a bare name could also match a folder of the same name, and a path names exactly one node
        paths = " ".join(f"path:{manifest['nodes'][uid]['original_file_path']}" for uid in self.unchanged)
        return ["--exclude", paths, "--indirect-selection", "cautious"]


def plan(manifest: Mapping[str, Any], changed_tables: Iterable[str], source_name: str = "raw") -> Plan:
    changed = set(changed_tables)
    start = [
        unique_id
        for unique_id, source in manifest["sources"].items()
        if source["source_name"] == source_name and source["name"] in changed
    ]
    children = manifest["child_map"]
    rebuild: set[str] = set()
    todo = list(start)
    while todo:
        for child in children.get(todo.pop(), []):
            if child.startswith(_BUILT) and child not in rebuild:
                rebuild.add(child)
                todo.append(child)
    unchanged = [uid for uid in manifest["nodes"] if uid.startswith(_BUILT) and uid not in rebuild]
    return Plan(rebuild, unchanged)
