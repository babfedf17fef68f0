"""Wmo-monitor dashboard: login, role-based navigation and the sidebar frame (runs on every rerun).

Start with `streamlit run dashboards/app.py` (or `wmo-monitor serve`). Reads the published warehouse
(`WMO_WAREHOUSE`) read-only and the users file (`WMO_USERS_FILE`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:  # `streamlit run dashboards/app.py` puts only dashboards/ on the path
    sys.path.insert(0, str(_ROOT))

import streamlit as st  # noqa: E402
from streamlit.runtime.scriptrunner import get_script_run_ctx  # noqa: E402

from dashboards import auth, db, formatting, ui  # noqa: E402
from dashboards.navigatie import PAGINAS  # noqa: E402
from runtime import private_files  # noqa: E402

# The audit log this process appends to gets the configured modes (`wmo-monitor serve` passes its umask on
# already; `streamlit run` started by hand does not).
private_files.apply(db.settings().bestanden_groep)
# A local SVG (sent as a data: URL): a Material icon as favicon would be fetched from fonts.gstatic.com.
st.set_page_config(
    page_title="Wmo-monitor", page_icon=str(_ROOT / "dashboards" / "favicon.svg"), layout="wide"
)
# Every export must go through the logged CSV/Excel buttons (downloads.py): hide the table toolbar's own download.
st.html('<style>button[aria-label="Download as CSV"] { display: none !important; }</style>')

# Keep filter choices when switching pages (Streamlit drops the state of widgets that are not rendered).
for _key in ui.FILTER_KEYS:
    if _key in st.session_state:
        st.session_state[_key] = st.session_state[_key]


def _uitloggen() -> None:
    g = st.session_state.get("gebruiker")
    if g is not None:
        auth.audit(db.settings().state_dir, "uitloggen", g.gebruikersnaam)
    for key in list(st.session_state.keys()):
        del st.session_state[key]


def _zijbalk(gebruiker: auth.Gebruiker) -> None:
    sb = st.sidebar
    sb.markdown(f"**{gebruiker.gebruikersnaam}** · {auth.ROL_LABELS.get(gebruiker.rol, gebruiker.rol)}")
    if gebruiker.beperkt:
        namen = ui.gemeente_namen() if db.heeft_tabel("marts.dim_gemeente") else {}
        sb.caption("Gemeenten: " + ", ".join(namen.get(g, g) for g in gebruiker.gemeenten))
    try:
        pub = db.publicatie()
    except db.WarehouseFout as exc:
        sb.warning(str(exc))
    else:
        sb.caption(
            f"Peildatum: **{formatting.datum(pub.peildatum) if pub.peildatum else 'onbekend'}**  \n"
            f"Laatste geslaagde run: **{formatting.datum(pub.laatste_run) if pub.laatste_run else 'onbekend'}**"
            + (
                f"  \n(status laatste run: {pub.run_status})"
                if pub.run_status and pub.run_status.lower() not in db.SUCCES_STATUSSEN
                else ""
            )
        )
    sb.button("Uitloggen", on_click=_uitloggen, icon=":material/logout:", key="uitloggen")
    sb.divider()


def _geen_toegang() -> None:
    """Shown at the address of a page the signed-in role may not open (typed, bookmarked or from a link)."""
    st.title("Geen toegang")
    st.warning(
        "Deze pagina hoort niet bij je rol. Kies een pagina in het menu links.", icon=":material/block:"
    )


def _onbekend_adres() -> str | None:
    """The page address the browser asked for when no page has it (a typo, an old bookmark), else None.

    Streamlit answers such an address with an English "Page not found" pop-up; registering it as a hidden alias of
    the start page avoids that. Streamlit has no public API for the requested name, so this reads the script run
    context and gives up quietly (pop-up and all) if that ever changes.
    """
    try:
        naam = get_script_run_ctx().pages_manager.intended_page_name  # type: ignore[union-attr]
    except AttributeError:
        return None
    bekend = {"inloggen", *(url for _bestand, _titel, url, *_ in PAGINAS)}
    if naam and naam not in bekend and re.fullmatch(r"[A-Za-z0-9_.~-]{1,100}", naam):
        return naam
    return None


def _actuele_gebruiker(gebruiker: auth.Gebruiker | None) -> auth.Gebruiker | None:
    """The session's user as the users file has them now (`wmo-monitor gebruikers wijzigen|verwijderen`).

    A changed role or set of municipalities counts from the next click on; a removed user (or one whose role
    became unknown) is logged out, so access ends without a restart of the server.
    """
    if gebruiker is None:
        return None
    try:
        actueel = auth.laad_gebruikers(db.settings().effective_users_file).get(gebruiker.gebruikersnaam)
    except auth.GebruikersFout:
        actueel = None
    if actueel is None or actueel.rol not in auth.ROLLEN:
        _uitloggen()
        st.session_state["afgemeld"] = (
            "Je bent afgemeld: je account bestaat niet meer of heeft geen geldige rol."
        )
        return None
    st.session_state["gebruiker"] = actueel
    return actueel


gebruiker = _actuele_gebruiker(st.session_state.get("gebruiker"))
# Reruns on that page (submitting the login form) name it by its hash, not its address: keep the alias registered.
onbekend = _onbekend_adres() or st.session_state.get("onbekend_adres")
if onbekend:
    st.session_state["onbekend_adres"] = onbekend
if gebruiker is None:
    # Every page address shows the login form while signed out (instead of Streamlit's English "Page not found"),
    # and nothing of the page itself runs. After login the same address is resolved again for the user's role.
    pg = st.navigation(
        [
            st.Page(
                "app_pages/inloggen.py",
                title="Inloggen",
                icon=":material/login:",
                url_path="inloggen",
                default=True,
            ),
            *(
                st.Page("app_pages/inloggen.py", title="Inloggen", url_path=url, visibility="hidden")
                for url in [
                    *(url for _bestand, _titel, url, *_ in PAGINAS),
                    *([onbekend] if onbekend else []),
                ]
            ),
        ],
        position="hidden",
    )
else:
    secties: dict[str, list[st.Page]] = {}
    verboden: list[st.Page] = []
    eerste = True
    for bestand, titel, url, icoon, rollen, sectie in PAGINAS:
        if gebruiker.rol in rollen:
            secties.setdefault(sectie, []).append(
                st.Page(bestand, title=titel, url_path=url, icon=icoon, default=eerste)
            )
            eerste = False
        else:
            verboden.append(st.Page(_geen_toegang, title="Geen toegang", url_path=url, visibility="hidden"))
    startpagina = next(iter(secties.values()))[0]
    # The login address (bookmarked, or typed after signing in) and unknown addresses lead to the role's first page.
    verboden.extend(
        st.Page(lambda: st.switch_page(startpagina), title="Inloggen", url_path=url, visibility="hidden")
        for url in ["inloggen", *([onbekend] if onbekend else [])]
    )
    # Hidden pages are never listed in the menu; they exist so that their addresses get a Dutch answer.
    next(iter(secties.values())).extend(verboden)
    pg = st.navigation(secties)
    _zijbalk(gebruiker)

try:
    pg.run()
except db.WarehouseBezet as exc:
    st.warning(str(exc), icon=":material/sync:")
    st.button("Opnieuw proberen", key="opnieuw")
except db.WarehouseFout as exc:
    st.warning(str(exc), icon=":material/warning:")
