"""Login form."""

import math

import streamlit as st

from dashboards import auth, db
from dashboards.throttle import client_address

st.title("Wmo-monitor")
st.caption("Monitoring van resultaatgestuurde Wmo-ondersteuning · log in met je gebruikersnaam en wachtwoord")

settings = db.settings()
gebruikers_bestand = settings.effective_users_file
if "afgemeld" in st.session_state:
    st.warning(st.session_state.pop("afgemeld"))
if not gebruikers_bestand.is_file():
    st.info(
        f"Er zijn nog geen gebruikers ({gebruikers_bestand} bestaat niet). Maak er een aan met "
        "`wmo-monitor gebruikers toevoegen NAAM --rol ROL` (zie de handleiding), of start `wmo-monitor demo`, "
        "dat per rol een demogebruiker aanmaakt. WMO_USERS_FILE wijst een ander gebruikersbestand aan."
    )

with st.form("inloggen", clear_on_submit=False, width=420):
    naam = st.text_input("Gebruikersnaam", key="login_naam", autocomplete="username")
    wachtwoord = st.text_input(
        "Wachtwoord", type="password", key="login_wachtwoord", autocomplete="current-password"
    )
    verstuurd = st.form_submit_button("Inloggen", type="primary", icon=":material/login:")

if verstuurd:
    naam = (naam or "").strip()
    # The TCP peer of this browser session; behind a trusted reverse proxy its X-Forwarded-For (docs/security.md).
    adres = client_address(st.context.ip_address, st.context.headers, settings.dashboard_proxies)
    try:
        with st.spinner("Bezig met inloggen…"):
            uitkomst = auth.attempt_login(gebruikers_bestand, naam, wachtwoord or "", adres)
    except auth.GebruikersFout as exc:
        st.error(str(exc))
    else:
        if uitkomst.weiger_seconden > 0:
            auth.audit(settings.state_dir, "login_geblokkeerd", naam, adres=adres)
            st.error(
                "Te veel mislukte pogingen voor deze gebruiker vanaf dit netwerkadres. Probeer het over "
                f"{math.ceil(uitkomst.weiger_seconden)} seconden opnieuw."
            )
        elif uitkomst.gebruiker is None:
            auth.audit(settings.state_dir, "login_mislukt", naam, adres=adres)
            st.error("Onbekende gebruikersnaam of onjuist wachtwoord.")
        else:
            gebruiker = uitkomst.gebruiker
            auth.audit(settings.state_dir, "login", gebruiker.gebruikersnaam, rol=gebruiker.rol, adres=adres)
            # Start the signed-in session from a clean slate: nothing set before the login (filters, an earlier
            # flow in this tab) carries over into it.
            for key in list(st.session_state.keys()):
                del st.session_state[key]
            st.session_state["gebruiker"] = gebruiker
            st.rerun()
