"""Who may read what the product writes (issue 24 item 6, docs/security.md): nothing for other accounts, the
configured group read-only when `WMO_BESTANDEN_GROEP` is set."""

from __future__ import annotations

import grp
import os
import stat
from pathlib import Path

import duckdb
import pytest

from dashboards import auth
from runtime import config, private_files, workdb


@pytest.fixture
def modes():
    """The process's umask and file modes as they were: `apply` changes both for the whole process."""
    umask = os.umask(0o022)
    os.umask(umask)
    yield
    private_files.apply(None)
    os.umask(umask)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def open_to_others(paths: list[Path]) -> list[str]:
    """Each of `paths` and everything below it that group or other accounts may read, write or enter."""
    found = [p for top in paths for p in [top, *(top.rglob("*") if top.is_dir() else [])]]
    return [f"{oct(mode(p))} {p}" for p in found if mode(p) & 0o077]


def test_a_run_leaves_nothing_that_other_accounts_can_read(two_deliveries):
    """The template is a real `wmo-monitor run`: publication, work database, logs, dbt artefacts, reminders."""
    folder = two_deliveries["template"]
    written = [folder / "wh.duckdb", folder / "wh.work.duckdb", folder / "wh.state"]
    assert list((folder / "wh.state" / "logs").glob("*.jsonl")) and list((folder / "wh.state").rglob("*.csv"))
    leaks = open_to_others(written)
    assert not leaks, "leesbaar voor anderen:\n" + "\n".join(leaks)


def test_writers_create_private_files_and_tighten_old_ones(tmp_path, modes):
    state = tmp_path / "wh.state"
    state.mkdir(mode=0o755)
    old_log = auth.audit_pad(state)
    old_log.write_text("", encoding="utf-8")
    old_log.chmod(0o644)  # as an older version left them
    auth.audit(state, "login", "anna")
    with workdb.run_lock(state):
        pass
    chosen = tmp_path / "gedeeld"  # a folder the administrator made and pointed WMO_USERS_FILE into
    chosen.mkdir()
    chosen.chmod(0o755)
    shared_users = chosen / "gebruikers.json"
    new_users = tmp_path / "nieuw" / "gebruikers.json"
    for users in (shared_users, new_users):
        auth.create_user(users, "anna", "een-wachtwoord", "beheerder", iteraties=200_000)
    assert (mode(state), mode(old_log), mode(state / "run.lock")) == (0o700, 0o600, 0o600)
    assert (mode(shared_users), mode(new_users), mode(new_users.parent)) == (0o600, 0o600, 0o700)
    assert mode(chosen) == 0o755  # left as the administrator made it


def test_duckdb_files_get_the_umask_that_apply_sets(tmp_path, modes):
    private_files.apply(None)
    work_db = tmp_path / "data" / "wh.work.duckdb"
    with workdb.connect(work_db) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
        wal = work_db.with_name(work_db.name + ".wal")
        assert wal.exists()  # not checkpointed yet while the connection is open
        assert mode(wal) == 0o600
    assert (mode(work_db), mode(work_db.parent)) == (0o600, 0o700)


def _other_group() -> grp.struct_group:
    if os.geteuid() != 0:
        pytest.skip("alleen als root kan de test een bestand aan een willekeurige groep geven")
    candidates = [g for g in grp.getgrall() if g.gr_gid != os.getegid()]
    if not candidates:
        pytest.skip("geen andere groep op dit systeem")
    return candidates[0]


def test_a_configured_group_may_read_and_new_files_inherit_it(tmp_path, modes):
    group = _other_group()
    settings = config.from_env({"WMO_BESTANDEN_GROEP": group.gr_name})
    private_files.apply(settings.bestanden_groep)
    state = private_files.private_dir(tmp_path / "wh.state")
    log = private_files.private_file(state / "logs" / "run.jsonl")
    with duckdb.connect(str(state / "later.duckdb")):
        pass  # created by DuckDB with the umask, in a setgid folder
    assert (mode(state), mode(log.parent), mode(log)) == (0o2750, 0o2750, 0o640)
    assert mode(state / "later.duckdb") == 0o640
    assert {p.stat().st_gid for p in (state, log.parent, log, state / "later.duckdb")} == {group.gr_gid}


@pytest.mark.parametrize("value", ["bestaat-niet-als-groep", "987654"])
def test_an_unknown_group_is_refused_at_start(value):
    with pytest.raises(config.ConfigError, match=f"WMO_BESTANDEN_GROEP={value!r}: De groep"):
        config.from_env({"WMO_BESTANDEN_GROEP": value})
