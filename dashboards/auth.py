"""Dashboard users, password hashing, login throttling and the audit log (operations.md, Access control).

Users file (JSON, `Settings.effective_users_file`)::

    {"versie": 1, "gebruikers": [
        {"gebruikersnaam": "cm", "rol": "contractmanager", "gemeenten": ["0344"],
         "wachtwoord_hash": "pbkdf2_sha256$600000$<salt b64>$<hash b64>"}]}

`gemeenten` is optional: absent or empty means all municipalities. Passwords are stored only as salted
PBKDF2-HMAC-SHA256 hashes with a per-user random salt; verification is constant-time. The audit log is JSON lines in
`Settings.state_dir / "dashboard-audit.jsonl"`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import os
import secrets
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dashboards.throttle import LoginThrottle
from runtime import private_files

ROLLEN: tuple[str, ...] = ("contractmanager", "controller", "verantwoording", "beheerder", "beleid")
ROL_LABELS = {
    "contractmanager": "Contractmanager",
    "controller": "Controller",
    "verantwoording": "Verantwoording",
    "beheerder": "Beheerder (datakwaliteit)",
    "beleid": "Beleidsadviseur",
}
ALGORITME = "pbkdf2_sha256"
ITERATIES = 600_000
MIN_ITERATIES = 200_000
AUDIT_BESTAND = "dashboard-audit.jsonl"


class GebruikersFout(ValueError):
    """The users file or a user definition is wrong; the message says what to do."""


@dataclass(frozen=True)
class Gebruiker:
    gebruikersnaam: str
    rol: str
    gemeenten: tuple[str, ...] = ()

    @property
    def beperkt(self) -> bool:
        """True when the user may see only some municipalities."""
        return bool(self.gemeenten)


# --- hashing -------------------------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_wachtwoord(wachtwoord: str, *, iteraties: int = ITERATIES, zout: bytes | None = None) -> str:
    """`pbkdf2_sha256$<iterations>$<salt>$<hash>` with a fresh 16-byte random salt."""
    if iteraties < MIN_ITERATIES:
        raise GebruikersFout(f"Minstens {MIN_ITERATIES} iteraties vereist, niet {iteraties}.")
    if not wachtwoord:
        raise GebruikersFout("Een leeg wachtwoord is niet toegestaan.")
    zout = zout if zout is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", wachtwoord.encode("utf-8"), zout, iteraties)
    return f"{ALGORITME}${iteraties}${_b64(zout)}${_b64(digest)}"


def controleer_wachtwoord(wachtwoord: str, opgeslagen: str) -> bool:
    """Constant-time check of a password against a stored hash; False for any malformed hash."""
    try:
        algoritme, iteraties_txt, zout_b64, hash_b64 = opgeslagen.split("$")
        iteraties = int(iteraties_txt)
        zout = base64.b64decode(zout_b64, validate=True)
        verwacht = base64.b64decode(hash_b64, validate=True)
    except (ValueError, AttributeError):
        return False
    if algoritme != ALGORITME or iteraties < MIN_ITERATIES:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", wachtwoord.encode("utf-8"), zout, iteraties)
    return hmac.compare_digest(digest, verwacht)


_DUMMY_HASH = hash_wachtwoord("niet-bestaande-gebruiker", zout=b"\x00" * 16)


# --- users file ----------------------------------------------------------------------------------------------


def _lees(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GebruikersFout(f"Het gebruikersbestand {path} is geen geldige JSON: {exc}.") from exc
    gebruikers = data.get("gebruikers", []) if isinstance(data, dict) else data
    if not isinstance(gebruikers, list):
        raise GebruikersFout(f"Het gebruikersbestand {path} heeft geen lijst 'gebruikers'.")
    return gebruikers


def _schrijf(path: Path, gebruikers: list[dict[str, Any]]) -> None:
    tmp = private_files.private_file(path.with_name(f".{path.name}.{os.getpid()}.tmp"))
    tmp.write_text(
        json.dumps({"versie": 1, "gebruikers": gebruikers}, indent=2, ensure_ascii=False) + "\n", "utf-8"
    )
    os.replace(tmp, path)


def _naar_gebruiker(record: dict[str, Any]) -> Gebruiker:
    return Gebruiker(
        gebruikersnaam=str(record["gebruikersnaam"]),
        rol=str(record["rol"]),
        gemeenten=tuple(str(g) for g in (record.get("gemeenten") or ())),
    )


def laad_gebruikers(path: Path) -> dict[str, Gebruiker]:
    """All users in the file by name (without their hashes)."""
    return {str(r["gebruikersnaam"]): _naar_gebruiker(r) for r in _lees(Path(path)) if "gebruikersnaam" in r}


def _geldige_naam(gebruikersnaam: str) -> str:
    naam = gebruikersnaam.strip()
    if not naam:
        raise GebruikersFout("Gebruikersnaam mag niet leeg zijn.")
    if len(naam) > MAX_NAAM_LENGTE or not naam.isprintable():
        raise GebruikersFout(
            f"Gebruikersnaam {naam[:MAX_NAAM_LENGTE]!r} is te lang (meer dan {MAX_NAAM_LENGTE} tekens) of bevat "
            "onzichtbare tekens."
        )
    return naam


def _geldige_rol_en_gemeenten(rol: str, gemeenten: list[str] | tuple[str, ...] | None) -> list[str]:
    """The municipality codes cleaned up; raises when the role or a code is not one the dashboard knows."""
    if rol not in ROLLEN:
        raise GebruikersFout(f"Onbekende rol {rol!r}; kies uit {', '.join(ROLLEN)}.")
    gemeenten_lijst = [str(g).strip() for g in (gemeenten or ()) if str(g).strip()]
    for g in gemeenten_lijst:
        if not (len(g) == 4 and g.isdigit()):
            raise GebruikersFout(f"Gemeentecode {g!r} is geen 4-cijferige CBS-code.")
    return list(dict.fromkeys(gemeenten_lijst))


def _met_gemeenten(record: dict[str, Any], gemeenten: list[str]) -> dict[str, Any]:
    """The record with `gemeenten` set, or without the key when the user may see every municipality."""
    record = {k: v for k, v in record.items() if k != "gemeenten"}
    return {**record, "gemeenten": gemeenten} if gemeenten else record


def _index(gebruikers: list[dict[str, Any]], gebruikersnaam: str) -> int | None:
    return next((i for i, r in enumerate(gebruikers) if r.get("gebruikersnaam") == gebruikersnaam), None)


def _onbekend(gebruikersnaam: str, path: Path) -> GebruikersFout:
    return GebruikersFout(
        f"Gebruiker {gebruikersnaam!r} staat niet in {path}; `wmo-monitor gebruikers lijst` toont wie er wel in staan."
    )


def check_user(
    path: Path,
    gebruikersnaam: str,
    *,
    bestaat: bool,
    rol: str | None = None,
    gemeenten: list[str] | tuple[str, ...] | None = None,
) -> None:
    """Raise what adding (`bestaat=False`) or changing (`bestaat=True`) this user would raise.

    The CLI calls it before it asks for a password, so that a typo in a name, role or code is reported first.
    """
    path = Path(path)
    naam = _geldige_naam(gebruikersnaam)
    gebruikers = _lees(path)
    i = _index(gebruikers, naam)
    if bestaat and i is None:
        raise _onbekend(naam, path)
    if not bestaat and i is not None:
        raise GebruikersFout(
            f"Gebruiker {naam!r} bestaat al; wijzig die met `wmo-monitor gebruikers wijzigen`."
        )
    huidig = gebruikers[i] if i is not None else {}
    _geldige_rol_en_gemeenten(
        rol if rol is not None else str(huidig.get("rol")),
        huidig.get("gemeenten") if gemeenten is None else gemeenten,
    )


def create_user(
    path: Path,
    gebruikersnaam: str,
    wachtwoord: str,
    rol: str,
    gemeenten: list[str] | tuple[str, ...] | None = None,
    *,
    iteraties: int = ITERATIES,
    vervangen: bool = True,
) -> Gebruiker:
    """Add a user to the users file; a user with the same name is replaced, or refused when not `vervangen`."""
    path = Path(path)
    gebruikersnaam = _geldige_naam(gebruikersnaam)
    if not vervangen:
        check_user(path, gebruikersnaam, bestaat=False, rol=rol, gemeenten=gemeenten)
    record = _met_gemeenten(
        {
            "gebruikersnaam": gebruikersnaam,
            "rol": rol,
            "wachtwoord_hash": hash_wachtwoord(wachtwoord, iteraties=iteraties),
        },
        _geldige_rol_en_gemeenten(rol, gemeenten),
    )
    gebruikers = [r for r in _lees(path) if r.get("gebruikersnaam") != gebruikersnaam]
    gebruikers.append(record)
    _schrijf(path, gebruikers)
    return _naar_gebruiker(record)


def update_user(
    path: Path,
    gebruikersnaam: str,
    *,
    rol: str | None = None,
    gemeenten: list[str] | tuple[str, ...] | None = None,
    wachtwoord: str | None = None,
    iteraties: int = ITERATIES,
) -> Gebruiker:
    """Change what is given of an existing user and keep the rest (a kept password keeps its hash).

    `gemeenten=None` keeps the restriction, an empty list lifts it (all municipalities).
    """
    path = Path(path)
    check_user(path, gebruikersnaam, bestaat=True, rol=rol, gemeenten=gemeenten)
    gebruikers = _lees(path)
    i = _index(gebruikers, gebruikersnaam.strip())
    assert i is not None  # check_user found the user
    record = dict(gebruikers[i])
    record["rol"] = rol if rol is not None else record["rol"]
    record = _met_gemeenten(
        record,
        _geldige_rol_en_gemeenten(record["rol"], record.get("gemeenten") if gemeenten is None else gemeenten),
    )
    if wachtwoord is not None:
        record["wachtwoord_hash"] = hash_wachtwoord(wachtwoord, iteraties=iteraties)
    gebruikers[i] = record
    _schrijf(path, gebruikers)
    return _naar_gebruiker(record)


def remove_user(path: Path, gebruikersnaam: str) -> None:
    """Delete a user (also one with a broken record); their dashboard session ends at its next click (`app.py`)."""
    path = Path(path)
    naam = gebruikersnaam.strip()
    gebruikers = _lees(path)
    over = [r for r in gebruikers if r.get("gebruikersnaam") != naam]
    if len(over) == len(gebruikers):
        raise _onbekend(naam, path)
    _schrijf(path, over)


DEMO_GEBRUIKERS = {
    "contractmanager": "contractmanager",
    "controller": "controller",
    "verantwoording": "verantwoording",
    "beheerder": "beheerder",
    "beleid": "beleid",
}


def write_demo_users(path: Path) -> dict[str, str]:
    """Create one user per role (user name = role) with a fresh random password; returns name → password.

    Other users in the file are kept; existing demo users get a new password (only hashes are stored, so the
    demo can print the credentials only when it sets them).
    """
    wachtwoorden: dict[str, str] = {}
    for naam, rol in DEMO_GEBRUIKERS.items():
        wachtwoord = secrets.token_urlsafe(12)
        create_user(path, naam, wachtwoord, rol)
        wachtwoorden[naam] = wachtwoord
    return wachtwoorden


# --- login ---------------------------------------------------------------------------------------------------

# One throttle per server process: every browser session of the dashboard shares it (docs/security.md, Dashboard).
THROTTLE = LoginThrottle()
# PBKDF2 with 600,000 iterations costs about 0.3 s of one core; a flood of login attempts must not take every core
# (the pipeline may run on the same machine), so at most this many checks run at once and the rest wait their turn.
MAX_GELIJKTIJDIGE_CONTROLES = 2
_controles = threading.BoundedSemaphore(MAX_GELIJKTIJDIGE_CONTROLES)


@dataclass(frozen=True)
class LoginUitkomst:
    """The result of one login attempt: the user on success; `weiger_seconden > 0` when it was not even checked."""

    gebruiker: Gebruiker | None
    weiger_seconden: float = 0.0


def authenticate(path: Path, gebruikersnaam: str, wachtwoord: str) -> Gebruiker | None:
    """The user when name and password match, else None. Unknown names cost the same time as wrong passwords."""
    gebruikersnaam = gebruikersnaam.strip()
    record = next((r for r in _lees(Path(path)) if r.get("gebruikersnaam") == gebruikersnaam), None)
    opgeslagen = str(record.get("wachtwoord_hash", "")) if record else _DUMMY_HASH
    with _controles:
        ok = controleer_wachtwoord(wachtwoord, opgeslagen)
    if not ok or record is None or record.get("rol") not in ROLLEN:
        return None
    return _naar_gebruiker(record)


def attempt_login(
    path: Path,
    gebruikersnaam: str,
    wachtwoord: str,
    adres: str,
    *,
    throttle: LoginThrottle | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> LoginUitkomst:
    """One throttled login attempt from client `adres` (see `dashboards.throttle`).

    A refused attempt checks no password, so it neither costs CPU nor tells a guesser anything. Otherwise the global
    slow-down is waited out first (`sleep`, injectable for tests), then the password is checked and the outcome
    recorded for this (name, address) only: a wrong guess from one address never delays the same user elsewhere.
    """
    throttle = THROTTLE if throttle is None else throttle
    gebruikersnaam = gebruikersnaam.strip()
    oordeel = throttle.assess(gebruikersnaam, adres)
    if oordeel.refused:
        return LoginUitkomst(None, oordeel.refuse_seconds)
    if oordeel.wait_seconds > 0:
        sleep(oordeel.wait_seconds)
    gebruiker = authenticate(path, gebruikersnaam, wachtwoord)
    if gebruiker is None:
        throttle.record_failure(gebruikersnaam, adres)
    else:
        throttle.record_success(gebruikersnaam, adres)
    return LoginUitkomst(gebruiker)


# --- audit log -----------------------------------------------------------------------------------------------

_audit_lock = threading.Lock()


def audit_pad(state_dir: Path) -> Path:
    return Path(state_dir) / AUDIT_BESTAND


MAX_NAAM_LENGTE = 64
MAX_VELD_LENGTE = 256
# Control characters (Cc: newlines, ESC), format characters (Cf: bidi overrides that reorder what a reader sees)
# and line/paragraph separators (Zl, Zp) are removed before anything reaches the audit log.
_ONZICHTBAAR = frozenset({"Cc", "Cf", "Zl", "Zp"})


def schoon_veld(waarde: object, max_lengte: int = MAX_VELD_LENGTE) -> object:
    """An audit field made safe: numbers, booleans and None as they are; anything else as text without control
    characters, cut to `max_lengte`. Every logged field may come from a user (a typed name, a filter value)."""
    if (
        waarde is None
        or isinstance(waarde, bool | int)
        or (isinstance(waarde, float) and math.isfinite(waarde))
    ):
        return waarde
    tekst = "".join(c for c in str(waarde) if unicodedata.category(c) not in _ONZICHTBAAR)
    return tekst[:max_lengte]


def audit(state_dir: Path, gebeurtenis: str, gebruikersnaam: str, **details: Any) -> None:
    """Append one event (`login`, `login_mislukt`, `login_geblokkeerd`, `uitloggen`, `export`) to the audit log."""
    path = audit_pad(state_dir)
    regel = {
        "tijdstip": datetime.now(UTC).isoformat(timespec="seconds"),
        "gebeurtenis": schoon_veld(gebeurtenis, MAX_NAAM_LENGTE),
        "gebruikersnaam": schoon_veld(gebruikersnaam, MAX_NAAM_LENGTE),
        **{str(schoon_veld(k, MAX_NAAM_LENGTE)): schoon_veld(v) for k, v in details.items()},
    }
    with _audit_lock, private_files.private_file(path).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(regel, ensure_ascii=False, default=str) + "\n")


def lees_audit(state_dir: Path) -> list[dict[str, Any]]:
    path = audit_pad(state_dir)
    if not path.is_file():
        return []
    regels = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            regel = json.loads(line) if line.strip() else None
        except json.JSONDecodeError:
            continue  # a line cut short by a crash mid-write; the others still count
        if isinstance(regel, dict):
            regels.append(regel)
    return regels
