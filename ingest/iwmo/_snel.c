/* The compiled fast path for the most frequent iWmo messages (WMO301, 305, 307, 315, 323).
 *
 * Why: a region-year is mostly declarations, assignments and starts, and the Python extractors spend most of an
 * ingest on interpreting one getter call per field (`ingest/iwmo/rules.py`). This module reads the same libxml2
 * tree that lxml parsed (so what is well-formed, how namespaces and encodings resolve, is lxml's decision) and
 * builds the same row dicts as `header.header_kolommen` and `parse_301/305/307/315/323.parse`, field by field, with the same checks.
 *
 * It only ever takes the happy path. Whatever is not plainly valid (a missing or repeated element, surrounding
 * whitespace, a value that fails a check, CDATA, a non-ASCII edge) makes it return None *before* it has produced
 * anything, and the caller runs the Python extractor, which stays the reference: it accepts or explains. So a
 * message loads with exactly the rows the Python extractor gives it, or is refused with exactly its melding;
 * `tests/ingest/iwmo/test_iwmo_snel.py` compares both on every message of a generated region and every sample.
 *
 * The element's libxml2 node is read from lxml's own object layout (`lxml/etree.h` of the pinned lxml), and only
 * struct fields are read: nothing of libxml2 is called or linked.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>
#include <string.h>

#include <libxml/tree.h>
#include "etree.h"

#ifndef SNEL_LXML_VERSIE
#error "SNEL_LXML_VERSIE (the lxml version whose headers are used) is set by setup.py"
#endif

/* -- configuration (set once by ingest/iwmo/snel.py) ------------------------------------------------------ */

static PyTypeObject *element_type = NULL;
static PyObject *lijst_productcategorie, *lijst_eenheid, *lijst_debetcredit, *lijst_geslacht, *lijst_adressoort,
    *lijst_frequentie, *lijst_redenwijziging, *lijst_statusaanlevering, *lijst_redenbeeindiging, *lijst_janee,
    *lijst_typeverwijzer;
static long long max_nummer, max_volume, max_bedrag, max_totaalbedrag;

/* Row keys, interned once. */
static PyObject *k_client_pseudoniem, *k_postcode4, *k_toewijzingnummer, *k_referentie_aanbieder,
    *k_productcategorie, *k_productcode, *k_toewijzingsdatum, *k_toewijzingstijd, *k_ingangsdatum, *k_einddatum,
    *k_reden_wijziging, *k_volume, *k_eenheid, *k_frequentie, *k_budget_cent, *k_toewijzing_ingangsdatum,
    *k_begindatum, *k_status_aanlevering, *k_reden_beeindiging, *k_declaratienummer, *k_periode_begin,
    *k_periode_eind, *k_declaratie_dagtekening, *k_totaal_bedrag_cent, *k_debet_credit, *k_referentienummer,
    *k_vorig_referentienummer, *k_geleverd_volume, *k_product_tarief_cent, *k_bedrag_cent, *k_toewijzing_einddatum,
    *k_verwijzer_type;
static PyObject *k_bericht_id, *k_berichtcode, *k_afzender, *k_ontvanger, *k_identificatie, *k_dagtekening;
static PyObject *t_301_clienten, *t_301_producten, *t_305, *t_307, *t_315, *t_323_declaraties, *t_323_prestaties;

/* A sentinel: "not plainly valid, let the Python extractor decide". NULL stays "a Python error is set". */
static PyObject FALLBACK_OBJ;
#define FALLBACK (&FALLBACK_OBJ)

/* -- namespaces ---------------------------------------------------------------------------------------------- */

enum { NS_ANDERS = 0, NS_M = 1, NS_B = 2 };

typedef struct {
    const char *m, *b;           /* the message namespace (wmoNNN) and the basisschema of the same release */
    const xmlNs *m_ns, *b_ns;    /* the last declarations seen with those URIs (one per prefix in scope) */
    PyObject *hdr, *pseudonymiser;
} Ctx;

static int ns_van(Ctx *c, const xmlNode *n) {
    const xmlNs *ns = n->ns;
    if (ns == NULL || ns->href == NULL) return NS_ANDERS;
    if (ns == c->m_ns) return NS_M;
    if (ns == c->b_ns) return NS_B;
    if (strcmp((const char *)ns->href, c->m) == 0) { c->m_ns = ns; return NS_M; }
    if (strcmp((const char *)ns->href, c->b) == 0) { c->b_ns = ns; return NS_B; }
    return NS_ANDERS;
}

static int is_tag(Ctx *c, const xmlNode *n, int ns, const char *naam) {
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, naam) == 0 && ns_van(c, n) == ns;
}

/* The children `naam` of `parent`: their number, and the first in *eerste. */
static int kinderen(Ctx *c, const xmlNode *parent, int ns, const char *naam, xmlNode **eerste) {
    int n = 0;
    *eerste = NULL;
    for (xmlNode *k = parent->children; k != NULL; k = k->next)
        if (is_tag(c, k, ns, naam) && n++ == 0) *eerste = k;
    return n;
}

/* Exactly one child `naam`, or NULL (absent or repeated: the Python extractor decides). */
static xmlNode *enig_kind(Ctx *c, const xmlNode *parent, int ns, const char *naam) {
    xmlNode *k;
    return kinderen(c, parent, ns, naam, &k) == 1 ? k : NULL;
}

/* -- a record flattened: the descendants we read, by (namespace, name) --------------------------------------- */

typedef struct { int ns; const char *naam; } Sleutel;
typedef struct { xmlNode *node; int aantal; } Vak;

/* Every element of the record's subtree (the record included) whose name is a key: how often, and where. The
 * Python `rules.vlak` keeps the last one of a repeated name; here a repeated name that is read as a value falls
 * back instead (see `waarde`). */
static void vlak(Ctx *c, xmlNode *record, const Sleutel *sleutels, int n, Vak *vakken) {
    memset(vakken, 0, sizeof(Vak) * (size_t)n);
    xmlNode *node = record;
    while (node != NULL) {
        if (node->type == XML_ELEMENT_NODE) {
            const char *naam = (const char *)node->name;
            int ns = -1;
            for (int i = 0; i < n; i++) {
                if (naam[0] != sleutels[i].naam[0] || strcmp(naam, sleutels[i].naam) != 0) continue;
                if (ns < 0) ns = ns_van(c, node);
                if (ns == sleutels[i].ns) { vakken[i].aantal++; vakken[i].node = node; }
            }
        }
        if (node->type == XML_ELEMENT_NODE && node->children != NULL) { node = node->children; continue; }
        while (node != record && node->next == NULL) node = node->parent;
        if (node == record) break;
        node = node->next;
    }
}

/* The text of a leaf as lxml's `.text` gives it: 1 with *tekst (NULL for an element without content), 0 when it is
 * not a plain leaf (child elements, CDATA, several text nodes). */
static int leaf_tekst(const xmlNode *n, const char **tekst, Py_ssize_t *lengte) {
    const xmlNode *k = n->children;
    if (k == NULL) { *tekst = NULL; *lengte = 0; return 1; }
    if (k->type != XML_TEXT_NODE || k->next != NULL || k->content == NULL) return 0;
    *tekst = (const char *)k->content;
    *lengte = (Py_ssize_t)strlen(*tekst);
    return 1;
}

/* A value that the Python getter takes as it is: one element, a plain leaf, not empty, and no character at either
 * end that `str.strip()` could remove (ASCII whitespace and the \x1c-\x1f separators; anything non-ASCII at an end
 * is left to Python). 1 = *tekst set, 0 = fall back. */
static int is_rand(unsigned char ch) {
    return ch == ' ' || (ch >= 0x09 && ch <= 0x0d) || (ch >= 0x1c && ch <= 0x1f) || ch >= 0x80;
}

static int waarde(const Vak *v, const char **tekst, Py_ssize_t *lengte) {
    if (v->aantal != 1 || !leaf_tekst(v->node, tekst, lengte) || *tekst == NULL || *lengte == 0) return 0;
    return !is_rand((unsigned char)(*tekst)[0]) && !is_rand((unsigned char)(*tekst)[*lengte - 1]);
}

/* -- typed values: a new reference, FALLBACK, or NULL with a Python error ------------------------------------- */

static PyObject *als_str(const char *s, Py_ssize_t n) { return PyUnicode_DecodeUTF8(s, n, "strict"); }

/* rules.lengte / lengte_o: 1..maximum characters. */
static PyObject *tekst_max(const Vak *v, Py_ssize_t maximum, int optioneel) {
    const char *s; Py_ssize_t n;
    if (optioneel && v->aantal == 0) Py_RETURN_NONE;
    if (!waarde(v, &s, &n)) return FALLBACK;
    PyObject *str = als_str(s, n);
    if (str == NULL) return NULL;
    if (PyUnicode_GET_LENGTH(str) > maximum) { Py_DECREF(str); return FALLBACK; }
    return str;
}

/* rules.alfanumeriek: [a-zA-Z0-9]{1,maximum}. */
static PyObject *alfanumeriek(const Vak *v, Py_ssize_t maximum) {
    const char *s; Py_ssize_t n;
    if (!waarde(v, &s, &n) || n > maximum) return FALLBACK;
    for (Py_ssize_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) return FALLBACK;
    }
    return als_str(s, n);
}

/* rules.code / code_o: a value of the code list as it stands. */
static PyObject *code(const Vak *v, PyObject *lijst, int optioneel) {
    const char *s; Py_ssize_t n;
    if (optioneel && v->aantal == 0) Py_RETURN_NONE;
    if (!waarde(v, &s, &n)) return FALLBACK;
    PyObject *str = als_str(s, n);
    if (str == NULL) return NULL;
    int in = PySet_Contains(lijst, str);
    if (in == 1) return str;
    Py_DECREF(str);
    return in < 0 ? NULL : FALLBACK;
}

/* rules.geheel / geheel_o / bedrag / bedrag_o: ASCII digits, at most `maximum`. */
static PyObject *getal(const Vak *v, long long maximum, int optioneel) {
    const char *s; Py_ssize_t n;
    if (optioneel && v->aantal == 0) Py_RETURN_NONE;
    if (!waarde(v, &s, &n) || n > 18) return FALLBACK;
    long long getal = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return FALLBACK;
        getal = getal * 10 + (s[i] - '0');
    }
    if (getal > maximum) return FALLBACK;
    return PyLong_FromLongLong(getal);
}

static int cijfers(const char *s, int n) {
    for (int i = 0; i < n; i++) if (s[i] < '0' || s[i] > '9') return -1;
    int r = 0;
    for (int i = 0; i < n; i++) r = r * 10 + (s[i] - '0');
    return r;
}

/* rules.datum / datum_o: JJJJ-MM-DD, a date that exists (year 1 to 9999, as `date.fromisoformat`). */
static PyObject *datum(const Vak *v, int optioneel) {
    const char *s; Py_ssize_t n;
    if (optioneel && v->aantal == 0) Py_RETURN_NONE;
    if (!waarde(v, &s, &n) || n != 10 || s[4] != '-' || s[7] != '-') return FALLBACK;
    int jaar = cijfers(s, 4), maand = cijfers(s + 5, 2), dag = cijfers(s + 8, 2);
    if (jaar < 1 || maand < 1 || maand > 12 || dag < 1) return FALLBACK;
    static const int dagen[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int schrikkel = (jaar % 4 == 0 && jaar % 100 != 0) || jaar % 400 == 0;
    if (dag > dagen[maand - 1] + (maand == 2 && schrikkel)) return FALLBACK;
    return PyDate_FromDate(jaar, maand, dag);
}

/* rules.tijd: UU:MM:SS with an optional fraction, no time zone. */
static PyObject *tijd(const Vak *v) {
    const char *s; Py_ssize_t n;
    if (!waarde(v, &s, &n) || n < 8 || s[2] != ':' || s[5] != ':') return FALLBACK;
    int uur = cijfers(s, 2), minuut = cijfers(s + 3, 2), seconde = cijfers(s + 6, 2);
    if (uur < 0 || uur > 23 || minuut < 0 || minuut > 59 || seconde < 0 || seconde > 59) return FALLBACK;
    int micro = 0;
    if (n > 8) {
        if (s[8] != '.' || n == 9) return FALLBACK;
        for (Py_ssize_t i = 9; i < n; i++) {
            if (s[i] < '0' || s[i] > '9') return FALLBACK;
            if (i < 15) micro = micro * 10 + (s[i] - '0');
        }
        for (Py_ssize_t i = n; i < 15; i++) micro *= 10;
    }
    return PyTime_FromTime(uur, minuut, seconde, micro);
}

/* rules.bsn: nine ASCII digits passing the 11-proef, not 000000000 (pseudonymise.is_valid_bsn). */
static PyObject *bsn(const Vak *v) {
    const char *s; Py_ssize_t n;
    if (!waarde(v, &s, &n) || n != 9 || cijfers(s, 9) < 0 || memcmp(s, "000000000", 9) == 0) return FALLBACK;
    int totaal = 0;
    for (int i = 0; i < 8; i++) totaal += (s[i] - '0') * (9 - i);
    totaal -= s[8] - '0';
    if (totaal % 11 != 0) return FALLBACK;
    return als_str(s, 9);
}

/* -- building rows -------------------------------------------------------------------------------------------- */

/* Set row[key] = value, stealing `value`. 1 = set, 0 = fallback, -1 = error. Used through ZET. */
static int zet(PyObject *row, PyObject *key, PyObject *value) {
    if (value == NULL) return -1;
    if (value == FALLBACK) return 0;
    int r = PyDict_SetItem(row, key, value);
    Py_DECREF(value);
    return r < 0 ? -1 : 1;
}

#define ZET(row, key, expr)                                   \
    do {                                                      \
        int _r = zet((row), (key), (expr));                   \
        if (_r <= 0) { uitkomst = _r < 0 ? NULL : FALLBACK; goto klaar; } \
    } while (0)

/* The client's pseudonym: bsn checked here, the key applied by the caller's (cached) pseudonymiser. */
static PyObject *pseudoniem(Ctx *c, const Vak *v) {
    PyObject *waarde = bsn(v);
    if (waarde == NULL || waarde == FALLBACK) return waarde;
    PyObject *p = PyObject_CallOneArg(c->pseudonymiser, waarde);
    Py_DECREF(waarde);
    return p;
}

static PyObject *nieuwe_rij(Ctx *c) { return PyDict_Copy(c->hdr); }

/* Append a row to tabellen[tabel], stealing the row. */
static int voeg_toe(PyObject *tabellen, PyObject *tabel, PyObject *row) {
    PyObject *lijst = PyDict_GetItemWithError(tabellen, tabel);
    if (lijst == NULL) {
        if (PyErr_Occurred()) { Py_DECREF(row); return -1; }
        lijst = PyList_New(0);
        if (lijst == NULL || PyDict_SetItem(tabellen, tabel, lijst) < 0) { Py_XDECREF(lijst); Py_DECREF(row); return -1; }
        Py_DECREF(lijst);
    }
    int r = PyList_Append(lijst, row);
    Py_DECREF(row);
    return r;
}

#define VOEG_TOE(tabel, row)                                              \
    do {                                                                  \
        PyObject *_row = (row);                                           \
        (row) = NULL;                                                     \
        if (voeg_toe(tabellen, (tabel), _row) < 0) { uitkomst = NULL; goto klaar; } \
    } while (0)

/* -- the client of 301/305/307/315 --------------------------------------------------------------------------- */

/* parse_305.client_met_producten: the one Client, its one product list `lijst` with at least one `klasse` (both
 * in *client and *producten), the checks of parse_301.client_persoon and then the pseudonym of the Bsn: a new
 * reference, FALLBACK or NULL. */
static PyObject *client_met_producten(Ctx *c, xmlNode *root, const char *lijst, const char *klasse,
                                      xmlNode **client, xmlNode **producten) {
    xmlNode *k;
    if ((*client = enig_kind(c, root, NS_M, "Client")) == NULL ||
        (*producten = enig_kind(c, *client, NS_M, lijst)) == NULL || kinderen(c, *producten, NS_M, klasse, &k) < 1 ||
        kinderen(c, *client, NS_M, "Geboortedatum", &k) < 1 || kinderen(c, *client, NS_M, "Naam", &k) < 1)
        return FALLBACK;
    Vak geslacht = {NULL, kinderen(c, *client, NS_M, "Geslacht", &k)};
    geslacht.node = k;
    PyObject *g = code(&geslacht, lijst_geslacht, 0);
    if (g == NULL || g == FALLBACK) return g;
    Py_DECREF(g);
    Vak v = {NULL, kinderen(c, *client, NS_M, "Bsn", &k)};
    v.node = k;
    return pseudoniem(c, &v);
}

/* Keys of a StartProduct / StopProduct / ToegewezenProduct. */
enum {
    P_PRODUCT, P_CATEGORIE, P_CODE, P_TOEWIJZINGNUMMER, P_TOEWIJZING_INGANG, P_BEGINDATUM, P_STATUS,
    P_REDEN_BEEINDIGING, P_EINDDATUM, P_OMVANG, P_VOLUME, P_EENHEID, P_FREQUENTIE, P_REFERENTIE_AANBIEDER,
    P_TOEWIJZINGSDATUM, P_TOEWIJZINGSTIJD, P_INGANGSDATUM, P_REDEN_WIJZIGING, P_BUDGET, P_VERWIJZER,
    P_BESCHIKKINGNUMMER, P_BESCHIKKING_INGANG, P_RAAMCONTRACT, P_TOEWIJZING_EIND, P_TYPE, P_AANTAL
};
static const Sleutel PRODUCT_SLEUTELS[P_AANTAL] = {
    {NS_M, "Product"}, {NS_B, "Categorie"}, {NS_B, "Code"}, {NS_M, "ToewijzingNummer"},
    {NS_M, "ToewijzingIngangsdatum"}, {NS_M, "Begindatum"}, {NS_M, "StatusAanlevering"},
    {NS_M, "RedenBeeindiging"}, {NS_M, "Einddatum"}, {NS_M, "Omvang"}, {NS_B, "Volume"}, {NS_B, "Eenheid"},
    {NS_B, "Frequentie"}, {NS_M, "ReferentieAanbieder"}, {NS_M, "Toewijzingsdatum"}, {NS_M, "Toewijzingstijd"},
    {NS_M, "Ingangsdatum"}, {NS_M, "RedenWijziging"}, {NS_M, "Budget"}, {NS_M, "Verwijzer"},
    {NS_M, "BeschikkingNummer"}, {NS_M, "BeschikkingIngangsdatum"}, {NS_M, "Raamcontract"},
    {NS_M, "ToewijzingEinddatum"}, {NS_B, "Type"},
};

/* parse_301.product: (Categorie, Code) when Product is there, else two Nones. */
static PyObject *product(PyObject *row, const Vak *k) {
    PyObject *uitkomst = Py_None;
    if (k[P_PRODUCT].aantal == 0) {
        ZET(row, k_productcategorie, Py_NewRef(Py_None));
        ZET(row, k_productcode, Py_NewRef(Py_None));
    } else {
        ZET(row, k_productcategorie, code(&k[P_CATEGORIE], lijst_productcategorie, 0));
        ZET(row, k_productcode, tekst_max(&k[P_CODE], 5, 1));
    }
klaar:
    return uitkomst;
}

/* parse_301.omvang: (Volume, Eenheid, Frequentie) when Omvang is there, else Nones. */
static PyObject *omvang(PyObject *row, const Vak *k) {
    PyObject *uitkomst = Py_None;
    if (k[P_OMVANG].aantal == 0) {
        ZET(row, k_volume, Py_NewRef(Py_None));
        ZET(row, k_eenheid, Py_NewRef(Py_None));
        ZET(row, k_frequentie, Py_NewRef(Py_None));
    } else {
        ZET(row, k_volume, getal(&k[P_VOLUME], max_volume, 0));
        ZET(row, k_eenheid, code(&k[P_EENHEID], lijst_eenheid, 0));
        ZET(row, k_frequentie, code(&k[P_FREQUENTIE], lijst_frequentie, 0));
    }
klaar:
    return uitkomst;
}

#define DEEL(expr)                                                   \
    do {                                                             \
        PyObject *_u = (expr);                                       \
        if (_u != Py_None) { uitkomst = _u; goto klaar; }            \
    } while (0)

/* parse_301.postcode4 of a Contact's Adres/Postcode: '1234 AB', '1234AB' or '1234' -> '1234', else None. */
static PyObject *postcode4(const char *s, Py_ssize_t n) {
    while (n > 0 && is_rand((unsigned char)s[0])) {
        if ((unsigned char)s[0] >= 0x80) return FALLBACK;
        s++; n--;
    }
    while (n > 0 && is_rand((unsigned char)s[n - 1])) {
        if ((unsigned char)s[n - 1] >= 0x80) return FALLBACK;
        n--;
    }
    if (n < 4 || cijfers(s, 4) < 0) Py_RETURN_NONE;
    const char *rest = s + 4;
    Py_ssize_t r = n - 4;
    if (r > 0 && rest[0] == ' ') { rest++; r--; if (r != 2) Py_RETURN_NONE; }
    if (r == 2) {
        for (int i = 0; i < 2; i++) {
            char ch = rest[i];
            if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) Py_RETURN_NONE;
        }
    } else if (r != 0 || n != 4) {
        Py_RETURN_NONE;
    }
    return als_str(s, 4);
}

/* The postcode of the first Contact with Soort 01 (BRP), every Contact's Soort checked: a str, None or FALLBACK. */
static PyObject *brp_postcode(Ctx *c, xmlNode *client) {
    xmlNode *gegevens = enig_kind(c, client, NS_M, "Contactgegevens"), *k;
    if (gegevens == NULL || kinderen(c, gegevens, NS_M, "Contact", &k) < 1) return FALLBACK;
    PyObject *gevonden = NULL;
    for (xmlNode *contact = gegevens->children; contact != NULL; contact = contact->next) {
        if (!is_tag(c, contact, NS_M, "Contact")) continue;
        Vak soort = {NULL, kinderen(c, contact, NS_M, "Soort", &k)};
        soort.node = k;
        PyObject *s = code(&soort, lijst_adressoort, 0);
        if (s == NULL || s == FALLBACK) { Py_XDECREF(gevonden); return s; }
        int brp = PyUnicode_CompareWithASCIIString(s, "01") == 0;
        Py_DECREF(s);
        if (!brp || gevonden != NULL) continue;
        xmlNode *adres = NULL, *postcode = NULL;
        int n_adres = kinderen(c, contact, NS_M, "Adres", &adres);
        if (n_adres > 1) return FALLBACK;
        if (n_adres == 1 && kinderen(c, adres, NS_B, "Postcode", &postcode) > 1) return FALLBACK;
        const char *tekst = NULL; Py_ssize_t lengte = 0;
        if (postcode != NULL && !leaf_tekst(postcode, &tekst, &lengte)) return FALLBACK;
        gevonden = tekst == NULL ? Py_NewRef(Py_None) : postcode4(tekst, lengte);
        if (gevonden == NULL || gevonden == FALLBACK) return gevonden;
    }
    return gevonden != NULL ? gevonden : Py_NewRef(Py_None);
}

static PyObject *body_301(Ctx *c, xmlNode *root, PyObject *tabellen) {
    PyObject *uitkomst = Py_None, *row = NULL, *pseudo = NULL, *postcode = NULL;
    xmlNode *client, *producten;
    pseudo = client_met_producten(c, root, "ToegewezenProducten", "ToegewezenProduct", &client, &producten);
    if (pseudo == NULL || pseudo == FALLBACK) return pseudo;
    postcode = brp_postcode(c, client);
    if (postcode == NULL || postcode == FALLBACK) { uitkomst = postcode; postcode = NULL; goto klaar; }
    if ((row = nieuwe_rij(c)) == NULL) { uitkomst = NULL; goto klaar; }
    ZET(row, k_client_pseudoniem, Py_NewRef(pseudo));
    ZET(row, k_postcode4, Py_NewRef(postcode));
    VOEG_TOE(t_301_clienten, row);
    for (xmlNode *tp = producten->children; tp != NULL; tp = tp->next) {
        if (!is_tag(c, tp, NS_M, "ToegewezenProduct")) continue;
        Vak v[P_AANTAL];
        vlak(c, tp, PRODUCT_SLEUTELS, P_AANTAL, v);
        if ((row = nieuwe_rij(c)) == NULL) { uitkomst = NULL; goto klaar; }
        ZET(row, k_client_pseudoniem, Py_NewRef(pseudo));
        ZET(row, k_toewijzingnummer, getal(&v[P_TOEWIJZINGNUMMER], max_nummer, 0));
        ZET(row, k_referentie_aanbieder, tekst_max(&v[P_REFERENTIE_AANBIEDER], 36, 1));
        DEEL(product(row, v));
        ZET(row, k_toewijzingsdatum, datum(&v[P_TOEWIJZINGSDATUM], 0));
        ZET(row, k_toewijzingstijd, tijd(&v[P_TOEWIJZINGSTIJD]));
        ZET(row, k_ingangsdatum, datum(&v[P_INGANGSDATUM], 0));
        ZET(row, k_einddatum, datum(&v[P_EINDDATUM], 1));
        ZET(row, k_reden_wijziging, code(&v[P_REDEN_WIJZIGING], lijst_redenwijziging, 1));
        DEEL(omvang(row, v));
        ZET(row, k_budget_cent, getal(&v[P_BUDGET], max_bedrag, 1));
        VOEG_TOE(t_301_producten, row);
    }
klaar:
    Py_XDECREF(row);
    Py_XDECREF(pseudo);
    Py_XDECREF(postcode);
    return uitkomst;
}

/* WMO305 (StartProducten/StartProduct) and WMO307 (StopProducten/StopProduct): parse_305.product_referentie. */
static PyObject *body_305_307(Ctx *c, xmlNode *root, PyObject *tabellen, int stop) {
    PyObject *uitkomst = Py_None, *row = NULL, *pseudo = NULL;
    const char *lijst = stop ? "StopProducten" : "StartProducten", *klasse = stop ? "StopProduct" : "StartProduct";
    xmlNode *client, *producten;
    pseudo = client_met_producten(c, root, lijst, klasse, &client, &producten);
    if (pseudo == NULL || pseudo == FALLBACK) return pseudo;
    for (xmlNode *el = producten->children; el != NULL; el = el->next) {
        if (!is_tag(c, el, NS_M, klasse)) continue;
        Vak v[P_AANTAL];
        vlak(c, el, PRODUCT_SLEUTELS, P_AANTAL, v);
        if ((row = nieuwe_rij(c)) == NULL) { uitkomst = NULL; goto klaar; }
        ZET(row, k_client_pseudoniem, Py_NewRef(pseudo));
        ZET(row, k_toewijzingnummer, getal(&v[P_TOEWIJZINGNUMMER], max_nummer, 1));
        DEEL(product(row, v));
        ZET(row, k_toewijzing_ingangsdatum, datum(&v[P_TOEWIJZING_INGANG], 1));
        ZET(row, k_begindatum, datum(&v[P_BEGINDATUM], 0));
        ZET(row, k_status_aanlevering, code(&v[P_STATUS], lijst_statusaanlevering, 0));
        if (stop) {
            ZET(row, k_reden_beeindiging, code(&v[P_REDEN_BEEINDIGING], lijst_redenbeeindiging, 0));
            ZET(row, k_einddatum, datum(&v[P_EINDDATUM], 0));
        }
        VOEG_TOE(stop ? t_307 : t_305, row);
    }
klaar:
    Py_XDECREF(row);
    Py_XDECREF(pseudo);
    return uitkomst;
}

/* A value the Python extractor checks but does not keep: 1 = valid (or absent), 0 = fall back, -1 = error. */
static int geldig(PyObject *waarde) {
    if (waarde == NULL) return -1;
    if (waarde == FALLBACK) return 0;
    Py_DECREF(waarde);
    return 1;
}

/* WMO315: every AangevraagdProduct (parse_315.parse). */
static PyObject *body_315(Ctx *c, xmlNode *root, PyObject *tabellen) {
    PyObject *uitkomst = Py_None, *row = NULL, *pseudo = NULL;
    xmlNode *client, *producten;
    pseudo = client_met_producten(c, root, "AangevraagdeProducten", "AangevraagdProduct", &client, &producten);
    if (pseudo == NULL || pseudo == FALLBACK) return pseudo;
    for (xmlNode *el = producten->children; el != NULL; el = el->next) {
        if (!is_tag(c, el, NS_M, "AangevraagdProduct")) continue;
        Vak v[P_AANTAL];
        vlak(c, el, PRODUCT_SLEUTELS, P_AANTAL, v);
        if (v[P_VERWIJZER].aantal == 0) { uitkomst = FALLBACK; goto klaar; }
        int g = geldig(getal(&v[P_BESCHIKKINGNUMMER], max_nummer, 1));
        if (g > 0) g = geldig(datum(&v[P_BESCHIKKING_INGANG], 1));
        if (g > 0) g = geldig(code(&v[P_RAAMCONTRACT], lijst_janee, 1));
        if (g <= 0) { uitkomst = g < 0 ? NULL : FALLBACK; goto klaar; }
        if ((row = nieuwe_rij(c)) == NULL) { uitkomst = NULL; goto klaar; }
        ZET(row, k_client_pseudoniem, Py_NewRef(pseudo));
        ZET(row, k_referentie_aanbieder, tekst_max(&v[P_REFERENTIE_AANBIEDER], 36, 0));
        DEEL(product(row, v));
        ZET(row, k_toewijzing_ingangsdatum, datum(&v[P_TOEWIJZING_INGANG], 0));
        ZET(row, k_toewijzing_einddatum, datum(&v[P_TOEWIJZING_EIND], 1));
        DEEL(omvang(row, v));
        ZET(row, k_budget_cent, getal(&v[P_BUDGET], max_bedrag, 1));
        ZET(row, k_verwijzer_type, code(&v[P_TYPE], lijst_typeverwijzer, 0));
        VOEG_TOE(t_315, row);
    }
klaar:
    Py_XDECREF(row);
    Py_XDECREF(pseudo);
    return uitkomst;
}

/* -- WMO323 ---------------------------------------------------------------------------------------------------- */

enum {
    D_REFERENTIE, D_PERIODE, D_INGEDIEND, D_REFERENTIENUMMER, D_VORIG, D_TOEWIJZINGNUMMER, D_CATEGORIE, D_CODE,
    D_BEGIN, D_EIND, D_VOLUME, D_EENHEID, D_TARIEF, D_BEDRAG, D_DEBETCREDIT, D_AANTAL
};
static const Sleutel PRESTATIE_SLEUTELS[D_AANTAL] = {
    {NS_M, "ProductReferentie"}, {NS_M, "ProductPeriode"}, {NS_M, "IngediendBedrag"}, {NS_B, "ReferentieNummer"},
    {NS_B, "VorigReferentieNummer"}, {NS_M, "ToewijzingNummer"}, {NS_M, "ProductCategorie"},
    {NS_M, "ProductCode"}, {NS_B, "Begindatum"}, {NS_B, "Einddatum"}, {NS_M, "GeleverdVolume"},
    {NS_M, "Eenheid"}, {NS_M, "ProductTarief"}, {NS_B, "Bedrag"}, {NS_B, "DebetCredit"},
};

/* A value child of one of `parent`'s children: vlak2's (tag, grandchild) key, where both occur once. */
static Vak kleinkind(Ctx *c, xmlNode *parent, const char *kind, const char *naam) {
    Vak v = {NULL, 0};
    xmlNode *k = enig_kind(c, parent, NS_M, kind);
    if (k != NULL) v.aantal = kinderen(c, k, NS_B, naam, &v.node);
    else v.aantal = -1;  /* absent or repeated composite: never plainly valid */
    return v;
}

static Vak kind(Ctx *c, xmlNode *parent, int ns, const char *naam) {
    Vak v = {NULL, 0};
    v.aantal = kinderen(c, parent, ns, naam, &v.node);
    return v;
}

static PyObject *body_323(Ctx *c, xmlNode *root, PyObject *tabellen) {
    PyObject *uitkomst = Py_None, *row = NULL, *nummer = NULL, *pseudo = NULL;
    xmlNode *declaratie = enig_kind(c, root, NS_M, "Declaratie"), *clienten, *k;
    if (declaratie == NULL || (clienten = enig_kind(c, declaratie, NS_M, "Clienten")) == NULL ||
        kinderen(c, clienten, NS_M, "Client", &k) < 1)
        return FALLBACK;
    Vak v_nummer = kind(c, declaratie, NS_M, "DeclaratieNummer");
    Vak v_dagtekening = kind(c, declaratie, NS_M, "DeclaratieDagtekening");
    Vak v_begin = kleinkind(c, declaratie, "DeclaratiePeriode", "Begindatum");
    Vak v_eind = kleinkind(c, declaratie, "DeclaratiePeriode", "Einddatum");
    Vak v_totaal = kleinkind(c, declaratie, "TotaalIngediendBedrag", "TotaalBedrag");
    Vak v_dc = kleinkind(c, declaratie, "TotaalIngediendBedrag", "DebetCredit");
    nummer = alfanumeriek(&v_nummer, 12);
    if (nummer == NULL || nummer == FALLBACK) return nummer;
    if ((row = nieuwe_rij(c)) == NULL) { uitkomst = NULL; goto klaar; }
    ZET(row, k_declaratienummer, Py_NewRef(nummer));
    ZET(row, k_periode_begin, datum(&v_begin, 0));
    ZET(row, k_periode_eind, datum(&v_eind, 0));
    ZET(row, k_declaratie_dagtekening, datum(&v_dagtekening, 0));
    ZET(row, k_totaal_bedrag_cent, getal(&v_totaal, max_totaalbedrag, 0));
    ZET(row, k_debet_credit, code(&v_dc, lijst_debetcredit, 0));
    VOEG_TOE(t_323_declaraties, row);
    for (xmlNode *client = clienten->children; client != NULL; client = client->next) {
        if (!is_tag(c, client, NS_M, "Client")) continue;
        Vak v_bsn = kind(c, client, NS_M, "Bsn");
        xmlNode *prestaties = enig_kind(c, client, NS_M, "Prestaties");
        if (prestaties == NULL || kinderen(c, prestaties, NS_M, "Prestatie", &k) < 1) { uitkomst = FALLBACK; goto klaar; }
        Py_XDECREF(pseudo);
        pseudo = pseudoniem(c, &v_bsn);
        if (pseudo == NULL || pseudo == FALLBACK) { uitkomst = pseudo; pseudo = NULL; goto klaar; }
        for (xmlNode *el = prestaties->children; el != NULL; el = el->next) {
            if (!is_tag(c, el, NS_M, "Prestatie")) continue;
            Vak v[D_AANTAL];
            vlak(c, el, PRESTATIE_SLEUTELS, D_AANTAL, v);
            if (v[D_REFERENTIE].aantal == 0 || v[D_PERIODE].aantal == 0 || v[D_INGEDIEND].aantal == 0) {
                uitkomst = FALLBACK;
                goto klaar;
            }
            if ((row = nieuwe_rij(c)) == NULL) { uitkomst = NULL; goto klaar; }
            ZET(row, k_declaratienummer, Py_NewRef(nummer));
            ZET(row, k_client_pseudoniem, Py_NewRef(pseudo));
            ZET(row, k_referentienummer, tekst_max(&v[D_REFERENTIENUMMER], 20, 0));
            ZET(row, k_vorig_referentienummer, tekst_max(&v[D_VORIG], 20, 1));
            ZET(row, k_toewijzingnummer, getal(&v[D_TOEWIJZINGNUMMER], max_nummer, 0));
            ZET(row, k_productcategorie, code(&v[D_CATEGORIE], lijst_productcategorie, 0));
            ZET(row, k_productcode, tekst_max(&v[D_CODE], 5, 0));
            ZET(row, k_periode_begin, datum(&v[D_BEGIN], 0));
            ZET(row, k_periode_eind, datum(&v[D_EIND], 0));
            ZET(row, k_geleverd_volume, getal(&v[D_VOLUME], max_volume, 0));
            ZET(row, k_eenheid, code(&v[D_EENHEID], lijst_eenheid, 0));
            ZET(row, k_product_tarief_cent, getal(&v[D_TARIEF], max_bedrag, 1));
            ZET(row, k_bedrag_cent, getal(&v[D_BEDRAG], max_bedrag, 0));
            ZET(row, k_debet_credit, code(&v[D_DEBETCREDIT], lijst_debetcredit, 0));
            VOEG_TOE(t_323_prestaties, row);
        }
    }
klaar:
    Py_XDECREF(row);
    Py_XDECREF(nummer);
    Py_XDECREF(pseudo);
    return uitkomst;
}

/* -- the header of a heen message (detect._header, header.header_kolommen) ---------------------------------- */

enum { H_CODE, H_VERSIE, H_SUBVERSIE, H_AFZENDER, H_ONTVANGER, H_BERICHTID, H_IDENTIFICATIE, H_DAGTEKENING,
       H_XSDVERSIE, H_BASIS_XSD, H_BERICHT_XSD, H_AANTAL };
static const Sleutel HEADER_SLEUTELS[H_AANTAL] = {
    {NS_M, "BerichtCode"}, {NS_M, "BerichtVersie"}, {NS_M, "BerichtSubversie"}, {NS_M, "Afzender"},
    {NS_M, "Ontvanger"}, {NS_M, "BerichtIdentificatie"}, {NS_B, "Identificatie"}, {NS_B, "Dagtekening"},
    {NS_M, "XsdVersie"}, {NS_B, "BasisschemaXsdVersie"}, {NS_B, "BerichtXsdVersie"},
};

static int is_gelijk(const Vak *v, const char *verwacht) {
    const char *s; Py_ssize_t n;
    return waarde(v, &s, &n) && (size_t)n == strlen(verwacht) && memcmp(s, verwacht, (size_t)n) == 0;
}

/* rules.cijfers: exactly `lengte` ASCII digits. */
static PyObject *cijfercode(const Vak *v, int lengte) {
    const char *s; Py_ssize_t n;
    if (!waarde(v, &s, &n) || n != lengte || cijfers(s, lengte) < 0) return FALLBACK;
    return als_str(s, n);
}

/* rules.versie: n.n.n, each part 0 or without a leading zero. */
static int is_versie(const Vak *v) {
    const char *s; Py_ssize_t n;
    if (!waarde(v, &s, &n)) return 0;
    int delen = 0;
    Py_ssize_t i = 0;
    while (i < n) {
        Py_ssize_t begin = i;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++;
        if (i == begin || (s[begin] == '0' && i - begin > 1)) return 0;
        delen++;
        if (i < n) {
            if (s[i] != '.' || delen == 3 || i == n - 1) return 0;
            i++;
        }
    }
    return delen == 3;
}

/* The six header columns every record row repeats (header.header_kolommen), or FALLBACK / NULL. */
static PyObject *header(Ctx *c, xmlNode *root, const char *berichtcode, int afzender_gemeente, const char *major,
                        const char *minor) {
    xmlNode *kop = enig_kind(c, root, NS_M, "Header");
    if (kop == NULL) return FALLBACK;
    Vak v[H_AANTAL];
    vlak(c, kop, HEADER_SLEUTELS, H_AANTAL, v);
    if (!is_gelijk(&v[H_CODE], berichtcode) || !is_gelijk(&v[H_VERSIE], major) ||
        !is_gelijk(&v[H_SUBVERSIE], minor) || v[H_BERICHTID].aantal == 0 || v[H_XSDVERSIE].aantal == 0 ||
        !is_versie(&v[H_BASIS_XSD]) || !is_versie(&v[H_BERICHT_XSD]))
        return FALLBACK;
    const char *dag; Py_ssize_t dag_n;
    PyObject *uitkomst = NULL, *hdr = PyDict_New();
    if (hdr == NULL) return NULL;
    ZET(hdr, k_berichtcode, PyUnicode_FromString(berichtcode));
    ZET(hdr, k_afzender, cijfercode(&v[H_AFZENDER], afzender_gemeente ? 4 : 8));
    ZET(hdr, k_ontvanger, cijfercode(&v[H_ONTVANGER], afzender_gemeente ? 8 : 4));
    ZET(hdr, k_identificatie, tekst_max(&v[H_IDENTIFICATIE], 12, 0));
    ZET(hdr, k_dagtekening, datum(&v[H_DAGTEKENING], 0));
    waarde(&v[H_DAGTEKENING], &dag, &dag_n);  /* JJJJ-MM-DD as it stands: what date.isoformat() gives back */
    ZET(hdr, k_bericht_id,
        PyUnicode_FromFormat("%U:%U:%U:%.10s", PyDict_GetItem(hdr, k_berichtcode), PyDict_GetItem(hdr, k_afzender),
                             PyDict_GetItem(hdr, k_identificatie), dag));
    uitkomst = hdr;
    hdr = NULL;
klaar:
    Py_XDECREF(hdr);
    return uitkomst;
}

/* -- module functions ------------------------------------------------------------------------------------------ */

PyDoc_STRVAR(bericht_doc,
    "bericht(nnn, root, message_ns, basis_ns, berichtcode, afzender_gemeente, major, minor, pseudonymiser)\n"
    "-> (hdr, {table: [row, ...]}) or None\n\n"
    "The six header columns and the record rows of a WMO301, 305, 307 or 323 message as the Python extractors\n"
    "make them, or None when the message is not plainly valid (then the Python extractors must run: they accept\n"
    "or explain).");

static PyObject *snel_bericht(PyObject *self, PyObject *args) {
    const char *nnn, *m, *b, *berichtcode, *major, *minor;
    PyObject *root, *pseudonymiser;
    int afzender_gemeente;
    (void)self;
    if (!PyArg_ParseTuple(args, "sOssspssO:bericht", &nnn, &root, &m, &b, &berichtcode, &afzender_gemeente,
                          &major, &minor, &pseudonymiser))
        return NULL;
    if (element_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "ingest.iwmo._snel is not configured");
        return NULL;
    }
    if (!PyObject_TypeCheck(root, element_type)) {
        PyErr_SetString(PyExc_TypeError, "root must be an lxml.etree._Element");
        return NULL;
    }
    xmlNode *node = ((struct LxmlElement *)root)->_c_node;
    Ctx c = {m, b, NULL, NULL, NULL, pseudonymiser};
    PyObject *hdr = header(&c, node, berichtcode, afzender_gemeente, major, minor);
    if (hdr == FALLBACK) Py_RETURN_NONE;
    if (hdr == NULL) return NULL;
    c.hdr = hdr;
    PyObject *tabellen = PyDict_New();
    if (tabellen == NULL) { Py_DECREF(hdr); return NULL; }
    PyObject *uitkomst;
    if (strcmp(nnn, "301") == 0) uitkomst = body_301(&c, node, tabellen);
    else if (strcmp(nnn, "305") == 0) uitkomst = body_305_307(&c, node, tabellen, 0);
    else if (strcmp(nnn, "307") == 0) uitkomst = body_305_307(&c, node, tabellen, 1);
    else if (strcmp(nnn, "315") == 0) uitkomst = body_315(&c, node, tabellen);
    else if (strcmp(nnn, "323") == 0) uitkomst = body_323(&c, node, tabellen);
    else uitkomst = FALLBACK;
    if (uitkomst == Py_None) {
        PyObject *paar = PyTuple_Pack(2, hdr, tabellen);
        Py_DECREF(hdr);
        Py_DECREF(tabellen);
        return paar;
    }
    Py_DECREF(hdr);
    Py_DECREF(tabellen);
    if (uitkomst == FALLBACK) Py_RETURN_NONE;
    return uitkomst;  /* NULL: a Python error is set */
}

static int zet_lijst(PyObject *kw, const char *naam, PyObject **doel) {
    PyObject *v = PyDict_GetItemString(kw, naam);
    if (v == NULL || !PyAnySet_Check(v)) {
        PyErr_Format(PyExc_TypeError, "configure: %s must be a frozenset", naam);
        return -1;
    }
    Py_XSETREF(*doel, Py_NewRef(v));
    return 0;
}

static int zet_getal(PyObject *kw, const char *naam, long long *doel) {
    PyObject *v = PyDict_GetItemString(kw, naam);
    if (v == NULL || !PyLong_Check(v)) {
        PyErr_Format(PyExc_TypeError, "configure: %s must be an int", naam);
        return -1;
    }
    *doel = PyLong_AsLongLong(v);
    return PyErr_Occurred() ? -1 : 0;
}

PyDoc_STRVAR(configure_doc, "configure(element_type, **code lists and maxima): once, from ingest/iwmo/snel.py.");

static PyObject *snel_configure(PyObject *self, PyObject *args, PyObject *kw) {
    PyObject *type;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!:configure", &PyType_Type, &type) || kw == NULL) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "configure: keyword arguments are required");
        return NULL;
    }
    if (zet_lijst(kw, "productcategorie", &lijst_productcategorie) || zet_lijst(kw, "eenheid", &lijst_eenheid) ||
        zet_lijst(kw, "debetcredit", &lijst_debetcredit) || zet_lijst(kw, "geslacht", &lijst_geslacht) ||
        zet_lijst(kw, "adressoort", &lijst_adressoort) || zet_lijst(kw, "frequentie", &lijst_frequentie) ||
        zet_lijst(kw, "redenwijziging", &lijst_redenwijziging) ||
        zet_lijst(kw, "statusaanlevering", &lijst_statusaanlevering) ||
        zet_lijst(kw, "redenbeeindiging", &lijst_redenbeeindiging) || zet_lijst(kw, "janee", &lijst_janee) ||
        zet_lijst(kw, "typeverwijzer", &lijst_typeverwijzer) || zet_getal(kw, "max_nummer", &max_nummer) ||
        zet_getal(kw, "max_volume", &max_volume) || zet_getal(kw, "max_bedrag", &max_bedrag) ||
        zet_getal(kw, "max_totaalbedrag", &max_totaalbedrag))
        return NULL;
    Py_XSETREF(element_type, (PyTypeObject *)Py_NewRef(type));
    Py_RETURN_NONE;
}

PyDoc_STRVAR(tag_doc, "tag(element) -> the local name libxml2 holds for it (a check of lxml's object layout).");

static PyObject *snel_tag(PyObject *self, PyObject *element) {
    (void)self;
    if (element_type == NULL || !PyObject_TypeCheck(element, element_type)) {
        PyErr_SetString(PyExc_TypeError, "tag() needs an lxml.etree._Element after configure()");
        return NULL;
    }
    return PyUnicode_FromString((const char *)((struct LxmlElement *)element)->_c_node->name);
}

static PyMethodDef methods[] = {
    {"bericht", snel_bericht, METH_VARARGS, bericht_doc},
    {"configure", (PyCFunction)(void (*)(void))snel_configure, METH_VARARGS | METH_KEYWORDS, configure_doc},
    {"tag", snel_tag, METH_O, tag_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_snel", NULL, -1, methods, NULL, NULL, NULL, NULL};

#define INTERN(var, text) if (((var) = PyUnicode_InternFromString(text)) == NULL) return NULL

PyMODINIT_FUNC PyInit__snel(void) {
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL) return NULL;
    INTERN(k_client_pseudoniem, "client_pseudoniem"); INTERN(k_postcode4, "postcode4");
    INTERN(k_toewijzingnummer, "toewijzingnummer"); INTERN(k_referentie_aanbieder, "referentie_aanbieder");
    INTERN(k_productcategorie, "productcategorie"); INTERN(k_productcode, "productcode");
    INTERN(k_toewijzingsdatum, "toewijzingsdatum"); INTERN(k_toewijzingstijd, "toewijzingstijd");
    INTERN(k_ingangsdatum, "ingangsdatum"); INTERN(k_einddatum, "einddatum");
    INTERN(k_reden_wijziging, "reden_wijziging"); INTERN(k_volume, "volume"); INTERN(k_eenheid, "eenheid");
    INTERN(k_frequentie, "frequentie"); INTERN(k_budget_cent, "budget_cent");
    INTERN(k_toewijzing_ingangsdatum, "toewijzing_ingangsdatum"); INTERN(k_begindatum, "begindatum");
    INTERN(k_status_aanlevering, "status_aanlevering"); INTERN(k_reden_beeindiging, "reden_beeindiging");
    INTERN(k_declaratienummer, "declaratienummer"); INTERN(k_periode_begin, "periode_begin");
    INTERN(k_periode_eind, "periode_eind"); INTERN(k_declaratie_dagtekening, "declaratie_dagtekening");
    INTERN(k_totaal_bedrag_cent, "totaal_bedrag_cent"); INTERN(k_debet_credit, "debet_credit");
    INTERN(k_referentienummer, "referentienummer"); INTERN(k_vorig_referentienummer, "vorig_referentienummer");
    INTERN(k_geleverd_volume, "geleverd_volume"); INTERN(k_product_tarief_cent, "product_tarief_cent");
    INTERN(k_bedrag_cent, "bedrag_cent"); INTERN(k_toewijzing_einddatum, "toewijzing_einddatum");
    INTERN(k_verwijzer_type, "verwijzer_type"); INTERN(t_315, "iwmo_315_aangevraagde_producten");
    INTERN(k_bericht_id, "bericht_id"); INTERN(k_berichtcode, "berichtcode"); INTERN(k_afzender, "afzender");
    INTERN(k_ontvanger, "ontvanger"); INTERN(k_identificatie, "identificatie"); INTERN(k_dagtekening, "dagtekening");
    INTERN(t_301_clienten, "iwmo_301_clienten"); INTERN(t_301_producten, "iwmo_301_toegewezen_producten");
    INTERN(t_305, "iwmo_305_startproducten"); INTERN(t_307, "iwmo_307_stopproducten");
    INTERN(t_323_declaraties, "iwmo_323_declaraties"); INTERN(t_323_prestaties, "iwmo_323_prestaties");
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && PyModule_AddStringConstant(m, "LXML_VERSIE", SNEL_LXML_VERSIE) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
