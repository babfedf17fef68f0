"""Parse the bytes and decide what message this is: from the root namespace and Header/BerichtCode, never the name.

Order of the checks (first failure wins):
1. well-formed XML without a DOCTYPE                                   -> XML_NIET_WELGEVORMD
2. root element in an iWmo namespace (`http://www.istandaarden.nl/iwmo/...`) -> GEEN_IWMO_BERICHT
3. release in that namespace supported (3.0, 3.1, 3.2)                -> RELEASE_NIET_ONDERSTEUND
4. root is a `Bericht` of a message schema (not the basisschema)       -> GEEN_IWMO_BERICHT
5. wmoNNN of the namespace is a supported type                        -> BERICHTTYPE_ONBEKEND
6. Header present with BerichtCode                                    -> VERPLICHT_ELEMENT_ONTBREEKT
7. BerichtCode is the code of that type (e.g. 414 for wmo301)         -> BERICHTTYPE_ONBEKEND
8. BerichtVersie 3 and BerichtSubversie = the namespace's minor        -> RELEASE_NIET_ONDERSTEUND
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ingest.iwmo import rules as r
from ingest.iwmo.namespaces import IWMO_NAMESPACE, ONDERSTEUNDE_RELEASES, Names, basis_namespace, names
from ingest.iwmo.xsd import maskeer_xsd_melding
from ingest.model import Rejection


@dataclass(frozen=True)
class BerichtSoort:
    nnn: str  # '301'
    berichtcode: str  # '414'
    afzender_gemeente: bool  # Afzender is a gemeentecode (else an AGB code); retours copy the heen header
    soort: str  # 'heen', 'retour' or '325'

    @property
    def berichttype(self) -> str:
        return f"WMO{self.nnn}"


SOORTEN: dict[str, BerichtSoort] = {
    s.nnn: s
    for s in (
        BerichtSoort("301", "414", True, "heen"),
        BerichtSoort("302", "415", True, "retour"),
        BerichtSoort("305", "418", False, "heen"),
        BerichtSoort("306", "419", False, "retour"),
        BerichtSoort("307", "420", False, "heen"),
        BerichtSoort("308", "421", False, "retour"),
        BerichtSoort("315", "444", False, "heen"),
        BerichtSoort("316", "445", False, "retour"),
        BerichtSoort("317", "480", False, "heen"),
        BerichtSoort("318", "481", False, "retour"),
        BerichtSoort("319", "482", True, "heen"),
        BerichtSoort("320", "483", True, "retour"),
        BerichtSoort("323", "484", False, "heen"),
        BerichtSoort("325", "485", True, "325"),
    )
}

_PARSER = etree.XMLParser(
    remove_comments=True,
    remove_pis=True,
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    # Whitespace between elements (a pretty-printer's indentation) is not kept: iWmo records have element-only
    # content, so nothing is lost, and without those text nodes libxml2 parses about a fifth faster. A leaf with
    # only whitespace keeps it (libxml2 keeps blanks in an otherwise empty element), so <Code> </Code> still
    # counts as present and empty.
    remove_blank_text=True,
    collect_ids=False,  # iWmo has no xml:id, so no ID table
)


class Detectie:
    """What detect() found: the type, the release, the namespaces and the (flattened) Header."""

    __slots__ = ("B", "M", "header", "header_flat", "release", "soort")

    def __init__(
        self, soort: BerichtSoort, release: str, M: Names, B: Names, header, header_flat: dict
    ) -> None:
        self.soort = soort
        self.release = release  # '3.2'
        self.M = M  # message namespace names
        self.B = B  # basisschema namespace names
        self.header = header
        self.header_flat = header_flat  # rules.vlak (heen) or rules.vlak2 (retour, 325) of the Header

    def sleutel(self, parent: str, child: str):
        """Key of a composite child in header_flat."""
        return child if self.soort.soort == "heen" else (parent, child)


# root tag -> (soort, release, M, B, major, minor) for tags already recognised; failures are not cached
_HERKEND: dict[str, tuple] = {}


def parse_xml(data: bytes):
    """The root element, or XML_NIET_WELGEVORMD. A DOCTYPE is refused: iWmo messages never carry one."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        regel = f" (regel {exc.lineno})" if getattr(exc, "lineno", None) else ""
        raise Rejection(
            "XML_NIET_WELGEVORMD",
            f"Het bestand is geen welgevormde XML{regel}: {maskeer_xsd_melding(exc.msg)}. Laat de afzender een correct XML-bericht "
            "sturen.",
        ) from None
    except ValueError as exc:  # e.g. an unsupported encoding declaration
        raise Rejection(
            "XML_NIET_WELGEVORMD",
            f"Het bestand kan niet als XML worden gelezen: {exc}. Laat de afzender een correct XML-bericht sturen.",
        ) from None
    if root is None:
        raise Rejection("XML_NIET_WELGEVORMD", "Het bestand bevat geen XML-element.")
    if root.getroottree().docinfo.internalDTD is not None:
        raise Rejection(
            "XML_NIET_WELGEVORMD",
            "Het bestand bevat een DOCTYPE-declaratie; een iWmo-bericht heeft die niet en entiteiten worden om "
            "veiligheidsredenen niet verwerkt. Laat de afzender het bericht zonder DOCTYPE sturen.",
        )
    return root


def detect(root) -> Detectie:
    return _header(root, *herken(root))


def herken(root) -> tuple[BerichtSoort, str, Names, Names, str, str]:
    """Checks 2-5 from the root element alone: (soort, release, M, B, major, minor), or the Rejection."""
    tag = root.tag
    herkend = _HERKEND.get(tag) if isinstance(tag, str) else None
    if herkend is None:
        herkend = _herken(tag)
        _HERKEND[tag] = herkend
    return herkend


def _herken(tag) -> tuple:
    namespace = tag[1:].partition("}")[0] if isinstance(tag, str) and tag.startswith("{") else ""
    lokaal = tag.rpartition("}")[2] if isinstance(tag, str) else ""
    match = IWMO_NAMESPACE.match(namespace)
    if match is None:
        wat = f"namespace '{namespace}'" if namespace else "geen namespace"
        raise Rejection(
            "GEEN_IWMO_BERICHT",
            f"Het hoofdelement {lokaal or '?'} heeft {wat}; dit is geen iWmo-bericht (verwacht "
            "http://www.istandaarden.nl/iwmo/3_2/wmoNNN/schema). Plaats alleen iWmo-berichten in berichten/.",
        )
    major, minor, schema, _ = match.groups()
    segment = f"{major}_{minor}"
    release = ONDERSTEUNDE_RELEASES.get(segment)
    if release is None:
        raise Rejection(
            "RELEASE_NIET_ONDERSTEUND",
            f"Het bericht is van iWmo-release {major}.{minor} (namespace {namespace}); alleen iWmo 3.0, 3.1 en "
            "3.2 worden ingelezen. Laat de afzender het bericht in iWmo 3.2 sturen.",
        )
    if lokaal != "Bericht" or schema == "basisschema":
        raise Rejection(
            "GEEN_IWMO_BERICHT",
            f"Het hoofdelement is {lokaal} in namespace {namespace}; een iWmo-bericht begint met het element "
            "Bericht van een berichtschema (wmoNNN).",
        )
    nnn = schema[3:]
    soort = SOORTEN.get(nnn)
    if soort is None:
        raise Rejection(
            "BERICHTTYPE_ONBEKEND",
            f"Berichttype WMO{nnn} (namespace {namespace}) wordt niet ondersteund; ondersteund zijn WMO301, 302, "
            "305-308, 315-320, 323 en 325.",
        )
    return soort, release, names(namespace), names(basis_namespace(segment)), major, minor


def _header(root, soort: BerichtSoort, release: str, M: Names, B: Names, major: str, minor: str) -> Detectie:
    waar = ("Bericht", None, root)
    header = None
    for child in root:
        if child.tag == M.Header:
            header = child
            break
    if header is None:
        raise Rejection(r.VERPLICHT, f"Verplicht element Header ontbreekt in {r.plaats(waar)}; {r.OPNIEUW}.")
    # A heen header has no repeated composite names, so the fast one-pass flattening is exact; the retour and 325
    # headers repeat XsdVersie/Identificatie children and get exact (parent, child) keys.
    flat = r.vlak(header) if soort.soort == "heen" else r.vlak2(header)
    hwaar = ("Header", None, header)
    berichtcode = r.tekst(flat, M.BerichtCode, "BerichtCode", hwaar)
    if berichtcode != soort.berichtcode:
        raise Rejection(
            "BERICHTTYPE_ONBEKEND",
            f"BerichtCode {berichtcode[:10]} in {r.plaats(hwaar)} hoort niet bij berichttype {soort.berichttype} "
            f"(verwacht {soort.berichtcode}); corrigeer de BerichtCode of de namespace en {r.OPNIEUW}.",
        )
    versie = r.tekst(flat, M.BerichtVersie, "BerichtVersie", hwaar)
    subversie = r.tekst(flat, M.BerichtSubversie, "BerichtSubversie", hwaar)
    if versie != major or subversie != minor:
        raise Rejection(
            "RELEASE_NIET_ONDERSTEUND",
            f"BerichtVersie {versie[:5]} en BerichtSubversie {subversie[:5]} in {r.plaats(hwaar)} passen niet bij "
            f"de namespace van release {release}; stuur het bericht als iWmo {release} met versie {major} en "
            f"subversie {minor}.",
        )
    return Detectie(soort, release, M, B, header, flat)
