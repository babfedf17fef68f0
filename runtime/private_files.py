"""Files and folders that only the service account may read, or a configured group (docs/security.md).

The work database holds restricted free text (complaint descriptions), the publication, the run logs and the
dashboard's audit log hold pseudonymised data and user names: none of it may be readable by every account on
the server, which is what the usual umask (022) gives. Two layers keep it private:

* `apply(settings.bestanden_groep)` sets the process umask once, at each entry point (the CLI, a Dagster run step, the
  dashboard), so that files this code does not create itself (DuckDB's `.wal` and temporary files, dbt's
  artefacts, Dagster's storage) are private from their first byte, and child processes inherit it;
* every writer in the product creates its folders with `private_dir` / `ensure_dir` and its files with
  `private_file` (or sets them with `restrict` right after DuckDB created them), which also tightens files an
  older version left at 0644 and does not depend on the umask of whoever calls the function.

With `WMO_BESTANDEN_GROEP` set, folders become 2750 (setgid, so new files inherit the group) and files 0640,
owned by that group: for a separate dashboard or backup account that reads the publication.
"""

from __future__ import annotations

import grp
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileModes:
    folder: int
    file: int
    umask: int
    gid: int | None


PRIVATE = FileModes(folder=0o700, file=0o600, umask=0o077, gid=None)

_modes = PRIVATE
"""The modes of this process: private until an entry point calls `apply` (a safe default for library use)."""


def group_modes(group: str) -> FileModes:
    """Modes that let `group` (a name or a number) read, not write.

    ValueError, with a Dutch message, when the group does not exist or this account may not give files to it
    (only its members and root may): better at start-up than as a failed chown halfway through a run."""
    try:
        entry = grp.getgrgid(int(group)) if group.isdigit() else grp.getgrnam(group)
    except KeyError:
        raise ValueError(f"De groep {group!r} bestaat niet op deze server.") from None
    if os.geteuid() != 0 and entry.gr_gid not in {os.getegid(), *os.getgroups()}:
        raise ValueError(
            f"Dit account is geen lid van de groep {entry.gr_name!r} en kan er dus geen bestanden aan geven; "
            f"voeg het toe (usermod -aG {entry.gr_name} <account>) of kies een andere groep."
        )
    return FileModes(folder=0o2750, file=0o640, umask=0o027, gid=entry.gr_gid)


def apply(group: str | None) -> None:
    """Make `group` (`Settings.bestanden_groep`) decide this process's file modes, set the umask to match.

    Process-wide on purpose, as the umask is; the CLI, each Dagster run step and the dashboard apply the same
    setting, so calling it again changes nothing."""
    global _modes
    _modes = group_modes(group) if group else PRIVATE
    os.umask(_modes.umask)


def _own(path: Path, mode: int) -> None:
    """Set mode and group, on what this account owns: a file of another account (the dashboard's account
    appending to a log the pipeline made) keeps what its owner gave it, and chmod would fail there anyway."""
    if os.geteuid() not in (0, path.stat().st_uid):
        return
    os.chmod(path, mode)
    if _modes.gid is not None:
        os.chown(path, -1, _modes.gid)


def ensure_dir(path: Path) -> Path:
    """Create `path` and missing parents with the private folder mode; existing folders are left as they are.

    For folders the user chose (the warehouse's folder may be a shared one like /srv or the current directory)."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=_modes.folder & 0o777)
        except FileExistsError:
            continue  # created by a concurrent process between the check and here
        _own(folder, _modes.folder)
    return path


def private_dir(path: Path) -> Path:
    """`ensure_dir`, and the folder itself gets the private mode even if it existed: it is the product's own."""
    ensure_dir(path)
    _own(path, _modes.folder)
    return path


def private_file(path: Path) -> Path:
    """Create `path` (empty) with the private file mode if it does not exist, else set that mode; returns it.

    Callers open it afterwards as usual (append, or write over it): the content is never readable by others,
    not even in the moment between creating and writing."""
    ensure_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, _modes.file)
    os.close(fd)
    _own(path, _modes.file)
    return path


def restrict(path: Path) -> None:
    """Give a file another program created (DuckDB) the private file mode; absent files are skipped."""
    if path.exists():
        _own(path, _modes.file)
