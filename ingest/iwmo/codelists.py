"""iWmo 3.2 enumerations (basisschema 1.0.0) used by the structural validation in `rules.py`.

Written as our own data, after the code lists of the iWmo 3.2 basisschema (LDT_LandCode is left out: the
parser never reads addresses beyond the postcode). Keys are the datatype names of the basisschema; values map
code -> omschrijving so a melding can quote the meaning. Codes are strings and keep their leading zeros.
"""

from __future__ import annotations

CODELIJSTEN: dict[str, dict[str, str]] = {
    "LDT_AanduidingWoonadres": {
        "AB": "Aan boord",
        "BY": "Bij",
        "TO": "Tegenover",
        "WW": "Woonwagen",
    },
    "LDT_AdresSoort": {
        "01": "BRP-adres",
        "02": "Correspondentie-adres",
        "03": "Verblijfadres",
        "04": "Tijdelijk verblijfadres",
    },
    "LDT_Communicatievorm": {
        "1": "Tolk taal",
        "2": "Doventolk",
        "3": "Doofblindentolk",
    },
    "LDT_DatumGebruik": {
        "1": "dag onbekend; alleen maand en jaar gebruiken",
        "2": "dag en maand onbekend; alleen jaar gebruiken",
        "3": "dag, maand en jaar onbekend; onbekende datum",
    },
    "LDT_DebetCredit": {
        "C": "Creditbedrag en aantal",
        "D": "Debetbedrag en aantal",
    },
    "LDT_Eenheid": {
        "01": "Minuut",
        "04": "Uur",
        "14": "Etmaal",
        "16": "Dagdeel (4 uur)",
        "82": "Stuks (output)",
        "83": "Euro's",
        "84": "Stuks (inspanning)",
    },
    "LDT_Frequentie": {
        "1": "Per dag",
        "2": "Per week",
        "4": "Per maand",
        "6": "Totaal binnen geldigheidsduur toewijzing",
    },
    "LDT_Geslacht": {
        "0": "Onbekend",
        "1": "Mannelijk",
        "2": "Vrouwelijk",
    },
    "LDT_JaNee": {
        "1": "Ja",
        "2": "Nee",
    },
    "LDT_JuridischeStatus": {
        "01": "Rechterlijke machtiging (rm) voorlopig / voortgezette machtiging",
        "02": "RM op eigen verzoek",
        "03": "RM met voorwaardelijk ontslag",
        "04": "Onder toezichtstelling (ots)",
        "05": "In bewaring stelling (ibs)",
        "11": "Strafrechterlijke justitiele contacten: tbs",
        "12": "Strafrechterlijke justitiele contacten: overig",
    },
    "LDT_NaamGebruik": {
        "1": "Eigen naam",
        "2": "Naam echtgenoot of geregistreerd partner of alternatieve naam",
        "3": "Naam echtgenoot of geregistreerd partner gevolgd door eigen naam",
        "4": "Eigen naam gevolgd door naam echtgenoot of geregistreerd partner",
        "5": "Pseudoniem",
        "6": "Niet-natuurlijk persoon",
    },
    "LDT_ProductCategorie": {
        "01": "Hulp bij het huishouden",
        "02": "Begeleiding",
        "03": "Persoonlijke verzorging",
        "04": "Kortdurend verblijf",
        "05": "Woondiensten",
        "06": "Overige ondersteuning gericht op het individu of huishouden/gezin",
        "07": "Dagbesteding",
        "08": "Vervoerdiensten",
        "09": "Overige groepsgerichte ondersteuning",
        "10": "Overige maatwerk arrangementen",
        "11": "Rolstoelen",
        "12": "Vervoervoorzieningen",
        "13": "Woonvoorzieningen",
        "14": "Overige hulpmiddelen",
        "15": "Beschermd wonen",
        "16": "Opvang",
        "17": "Spoedopvang",
        "18": "Overige beschermd wonen en opvang",
    },
    "LDT_RedenAfwijzingVerzoek": {
        "1": "Geen wijziging, maar nieuwe aanvraag",
        "2": "Past niet binnen budget",
        "3": "Geen contract",
        "4": "Past niet binnen contract",
        "5": "Andere gemeente",
        "6": "Stapeling",
        "7": "Zorginhoudelijke afkeur",
        "8": "Woonplaatsbeginsel",
        "9": "Leeftijdsgrens is bereikt",
    },
    "LDT_RedenBeeindiging": {
        "02": "Overlijden",
        "19": "Levering volgens plan beeindigd",
        "20": "Levering is tijdelijk beeindigd",
        "21": "Levering is eenzijdig door client beeindigd",
        "22": "Levering is eenzijdig door aanbieder beeindigd",
        "23": "Levering is in overeenstemming voortijdig beeindigd",
        "31": "Verhuizing naar een andere gemeente",
        "36": "Geinitieerd door de gemeente",
        "37": "In verband met wijzigingsverzoek",
        "38": "Overstap naar andere aanbieder",
        "39": "Uitstroom naar ander domein",
    },
    "LDT_RedenVerzoek": {
        "1": "Verandering clientsituatie",
        "2": "Wijziging zorgplan",
    },
    "LDT_RedenWijziging": {
        "01": "Administratieve correctie (vervallen)",
        "02": "Client overleden",
        "03": "Contractwijziging",
        "04": "Herbeoordeling: verlenging toewijzing",
        "05": "Herbeoordeling: verkorting toewijzing",
        "06": "Uitstroom naar ander domein",
        "07": "Verhuizing naar een andere gemeente",
        "08": "Wijziging leveringsvorm",
        "09": "Overstap naar andere aanbieder",
        "10": "Overgang naar nieuwe bekostigingssystematiek",
        "11": "Gemeentelijke herindeling",
        "12": "Geinitieerd door de aanbieder",
        "13": "Verwijderd",
        "14": "Administratieve correctie",
    },
    "LDT_RetourCode": {
        "0001": "Bericht is afgekeurd om technische redenen.",
        "0200": "Geen opmerking over deze berichtklasse.",
        "0233": "Berichtklasse is niet beoordeeld.",
        "0611": "Het ingediende tarief komt niet overeen met het contractuele tarief",
        "8001": "Declaratie is volledig toegewezen.",
        "8017": "Van deze credit prestatie is geen debet prestatie bekend.",
        "8021": "Referentienummer prestatie is reeds aangeleverd.",
        "8187": "De prestatie hoort niet bij deze client.",
        "8214": "DeclaratiePeriode is niet de kalendermaand die volgt op voorgaande DeclaratiePeriode terwijl iedere declaratieperiode zorg geleverd is.",
        "8848": "Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen.",
        "9019": "Het regie bericht kan niet gekoppeld worden aan een toewijzing.",
        "9056": "Identificatie moet per berichtsoort uniek zijn voor de verzendende partij.",
        "9063": "Het bericht kan niet verwerkt worden omdat geen eerder bericht ontvangen is.",
        "9069": "Er is geen actueel startbericht met dezelfde sleutel.",
        "9071": "Het eerdere start bericht kan niet verwijderd worden omdat de zorg al beeindigd is",
        "9074": "Er is al een eerder bericht ontvangen met dezelfde sleutel.",
        "9307": "Begindatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing",
        "9308": "Einddatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing",
        "9319": "De ProductPeriode valt niet geheel binnen een DeclaratiePeriode.",
        "9321": "Het ingediende volume overschrijdt het toegewezen volume.",
        "9322": "De som van de ingediende volumes overschrijdt het  toegewezen volume",
        "9326": "De actuele levering is nog niet gestopt met een Stopbericht.",
        "9332": "Toewijzing heeft geen uniek nummer binnen wettelijk domein.",
        "9333": "Declaratienummer is niet uniek",
        "9338": "Niet iedere prestatie in een declaratiebericht is gerelateerd aan een toegewezen product op basis van het toewijzingnummer",
        "9339": "ProductCategorie in de prestatie is niet gelijk aan ProductCategorie in het ToegewezenProduct.",
        "9340": "ProductCode in de Prestatie is niet gelijk aan ProductCode in het ToegewezenProduct.",
        "9341": "Eenheid in de Prestatie past niet bij Eenheid in het ToegewezenProduct",
        "9346": "Eenheid is ongelijk is aan waarde 83 (Euro's), maar IngediendBedrag is niet gelijk aan GeleverdVolume vermenigvuldigd met (het onafgeronde) ProductTarief.",
        "9347": "ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein",
        "9349": "Het VOW bericht bevat niet alle actuele toegewezen producten van de client, hetzij in OngewijzigdProduct, hetzij in TeWijzigenProduct",
        "9350": "OngewijzigdProduct is niet gerelateerd aan een actueel toegewezen product op basis van het toewijzingnummer.",
        "9351": "TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing op basis van ToewijzingNummer.",
        "9355": "ReferentieAanbieder in het antwoordbericht komt niet voor in een eerder verzoek om toewijzing of verzoek om wijziging",
        "9357": "GewensteIngangsdatum is kleiner dan of gelijk aan de dagtekening, maar niet gelijk aan de ingangsdatum van het originele ToegewezenProduct.",
        "9359": "Er is al een toewijzing gestuurd met deze ReferentieAanbieder.",
        "9360": "Er is al een antwoordbericht met deze ReferentieAanbieder, terwijl antwoordbericht in VerzoekAntwoord waarde 2 (aanvraag in onderzoek) heeft.",
        "9361": "Het product komt vaker voor met overlappende zorgperiodes.",
        "9365": "Er is al een antwoordbericht met dezelfde ReferentieAanbieder waar VerzoekAntwoord niet de waarde 'Aanvraag in onderzoek' heeft.",
        "9366": "ProductReferentie komt niet voor in een Declaratiebericht",
        "9367": "De waarde komt niet overeen met de waarde uit heenbericht met gelijke ProductReferentie",
        "9369": "Budget is meegegeven, maar de som van GeleverdVolume in alle ingediende Prestaties passen niet binnen het toegewezen Budget.",
        "9373": "Budget is gewijzigd, maar GewensteIngangsdatum is niet gelijk aan die in de actuele toewijzing",
        "9374": "Er is al een verzoek onderhanden.",
        "9375": "Omvang is gevuld, terwijl Product in toewijzing met ToewijzingNummer leeg is en Einddatum groter dan 31-12-2020 of leeg is",
        "9379": "ReferentieAanbieder refereert niet naar een verzoek om toewijzing of verzoek om wijziging, is onterecht gevuld",
        "9384": 'Declaratie op toewijzing met RedenWijziging "13" (Verwijderd)',
        "9385": "Toewijzing heeft goedgekeurde declaratieregels",
        "9387": "Begindatum van de ProductPeriode is niet eerste dag van de kalendermaand waarop ProductPeriode betrekking heeft en Ingangsdatum van de toewijzing ligt niet later in deze betreffende maand",
        "9388": "Einddatum van de ProductPeriode is niet laatste dag van de kalendermaand waarop ProductPeriode betrekking heeft en Einddatum van de toewijzing ligt niet eerder in deze betreffende maand.",
        "9389": "Deze prestatie heeft een debetprestatie zonder bijbehorende creditprestatie",
        "9390": "Er is al een Prestatie met gelijk ProductReferentie met waarde Credit",
        "9411": "Omvang is leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer gevuld is.",
        "9412": "Omvang is niet leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer leeg is en einddatum groter dan 31-12-2020 of leeg is",
        "9413": "StatusAanlevering is waarde 1 of 2 en RedenBeeindiging heeft waarde 20, terwijl er al een ander StopProduct met hetzelfde Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging waarde 20 is.",
        "9414": "Einddatum is niet >= aan Einddatum uit actuele StopProduct met gelijk Bsn, ToewijzingNummer en Begindatum",
        "9415": "Er is al een StopProduct met gelijk Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging <> waarde 20 en StatusAanlevering heeft waarde 1 of 2.",
        "S300": "Gemeentecode komt niet voor in de lijst van CBS.",
        "S329": "ProductCode hoort niet bij de ProductCategorie.",
    },
    "LDT_SoortRelatie": {
        "03": "Curator (juridisch)",
        "04": "Financieel (gemachtigd)",
        "05": "Financieel (toetsing)",
        "06": "Leefeenheid",
        "07": "Hulpverlener",
        "08": "Specialist",
        "09": "Anders",
        "10": "Ouder",
        "11": "Voogd",
        "12": "Partner/echtgeno(o)t(e)",
        "13": "Pleegouder",
        "14": "Bewindvoerder",
        "15": "Mentor",
        "16": "Zoon/dochter",
        "17": "Familielid",
        "18": "Gezinslid",
        "19": "Buur",
        "20": "Vriend(in)/kennis",
        "21": "Clientondersteuner",
        "22": "Huisarts",
        "23": "Erven van",
        "24": "Werkgever",
        "25": "Wijkcoach",
    },
    "LDT_StatusAanlevering": {
        "1": "Eerste aanlevering",
        "2": "Gewijzigde aanlevering",
        "3": "Verwijderen aanlevering",
        "9": "Niet van toepassing (ongewijzigd)",
    },
    "LDT_TypeVerwijzer": {
        "01": "Gemeente",
        "02": "Huisarts",
        "03": "Jeugdarts",
        "04": "Gecertificeerde instelling",
        "05": "Medisch specialist",
        "06": "Zelfverwijzer/geen verwijzer",
        "08": "Rechter, Officier van Justitie, functionaris Justitiele jeugdinrichting",
    },
    "LDT_VerzoekAntwoord": {
        "1": "Verzoek afgewezen",
        "2": "Aanvraag in onderzoek",
    },
    "LDT_WettelijkeVertegenwoordiging": {
        "06": "Voogdij",
        "07": "Bewindvoering",
        "08": "Mentorschap",
        "09": "Onder curatele stelling",
        "10": "Zaakwaarneming",
    },
}

AANDUIDINGWOONADRES: frozenset[str] = frozenset(CODELIJSTEN["LDT_AanduidingWoonadres"])
ADRESSOORT: frozenset[str] = frozenset(CODELIJSTEN["LDT_AdresSoort"])
COMMUNICATIEVORM: frozenset[str] = frozenset(CODELIJSTEN["LDT_Communicatievorm"])
DATUMGEBRUIK: frozenset[str] = frozenset(CODELIJSTEN["LDT_DatumGebruik"])
DEBETCREDIT: frozenset[str] = frozenset(CODELIJSTEN["LDT_DebetCredit"])
EENHEID: frozenset[str] = frozenset(CODELIJSTEN["LDT_Eenheid"])
FREQUENTIE: frozenset[str] = frozenset(CODELIJSTEN["LDT_Frequentie"])
GESLACHT: frozenset[str] = frozenset(CODELIJSTEN["LDT_Geslacht"])
JANEE: frozenset[str] = frozenset(CODELIJSTEN["LDT_JaNee"])
JURIDISCHESTATUS: frozenset[str] = frozenset(CODELIJSTEN["LDT_JuridischeStatus"])
NAAMGEBRUIK: frozenset[str] = frozenset(CODELIJSTEN["LDT_NaamGebruik"])
PRODUCTCATEGORIE: frozenset[str] = frozenset(CODELIJSTEN["LDT_ProductCategorie"])
REDENAFWIJZINGVERZOEK: frozenset[str] = frozenset(CODELIJSTEN["LDT_RedenAfwijzingVerzoek"])
REDENBEEINDIGING: frozenset[str] = frozenset(CODELIJSTEN["LDT_RedenBeeindiging"])
REDENVERZOEK: frozenset[str] = frozenset(CODELIJSTEN["LDT_RedenVerzoek"])
REDENWIJZIGING: frozenset[str] = frozenset(CODELIJSTEN["LDT_RedenWijziging"])
RETOURCODE: frozenset[str] = frozenset(CODELIJSTEN["LDT_RetourCode"])
SOORTRELATIE: frozenset[str] = frozenset(CODELIJSTEN["LDT_SoortRelatie"])
STATUSAANLEVERING: frozenset[str] = frozenset(CODELIJSTEN["LDT_StatusAanlevering"])
TYPEVERWIJZER: frozenset[str] = frozenset(CODELIJSTEN["LDT_TypeVerwijzer"])
VERZOEKANTWOORD: frozenset[str] = frozenset(CODELIJSTEN["LDT_VerzoekAntwoord"])
WETTELIJKEVERTEGENWOORDIGING: frozenset[str] = frozenset(CODELIJSTEN["LDT_WettelijkeVertegenwoordiging"])
