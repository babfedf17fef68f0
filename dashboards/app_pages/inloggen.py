"""Login form."""

import streamlit as st

from dashboards import auth, db

st.title("Wmo-monitor")
st.caption("Monitoring van resultaatgestuurde Wmo-ondersteuning · log in met je gebruikersnaam en wachtwoord")

settings = db.settings()
gebruikers_bestand = settings.effective_users_file
if not gebruikers_bestand.is_file():
    st.info(
        f"Er zijn nog geen gebruikers ({gebruikers_bestand} bestaat niet). `wmo-monitor demo` maakt per rol een "
        "gebruiker aan en toont de wachtwoorden; zet WMO_USERS_FILE om een ander gebruikersbestand te gebruiken."
    )

with st.form("inloggen", clear_on_submit=False, width=420):
    naam = st.text_input("Gebruikersnaam", key="login_naam", autocomplete="username")
    wachtwoord = st.text_input(
        "Wachtwoord", type="password", key="login_wachtwoord", autocomplete="current-password"
    )
    verstuurd = st.form_submit_button("Inloggen", type="primary", icon=":material/login:")

if verstuurd:
    naam = (naam or "").strip()
    if auth.geblokkeerd(naam):
        auth.audit(settings.state_dir, "login_geblokkeerd", naam)
        st.error("Te veel mislukte pogingen voor deze gebruiker. Probeer het over enkele minuten opnieuw.")
    else:
        try:
            gebruiker = auth.authenticate(gebruikers_bestand, naam, wachtwoord or "")
        except auth.GebruikersFout as exc:
            st.error(str(exc))
            gebruiker = None
        if gebruiker is None:
            auth.audit(settings.state_dir, "login_mislukt", naam)
            st.error("Onbekende gebruikersnaam of onjuist wachtwoord.")
        else:
            auth.audit(settings.state_dir, "login", gebruiker.gebruikersnaam, rol=gebruiker.rol)
            st.session_state.pop("login_wachtwoord", None)
            st.session_state["gebruiker"] = gebruiker
            st.rerun()
