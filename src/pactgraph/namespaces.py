"""IRIs of the pactgraph vocabulary, its instances and the vocabularies it reuses."""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "DCTERMS",
    "GRAPH",
    "ID",
    "ORG",
    "OWL",
    "PACT",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "TIME",
    "WD",
    "XSD",
    "slugify",
]

PACT = "https://w3id.org/pactgraph/ontology#"
ID = "https://w3id.org/pactgraph/id/"
GRAPH = "https://w3id.org/pactgraph/graph/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"
TIME = "http://www.w3.org/2006/time#"
WD = "http://www.wikidata.org/entity/"

#: Prefixes known to every query run through pactgraph (and used in RDF output).
PREFIXES: dict[str, str] = {
    "pact": PACT,
    "id": ID,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "org": ORG,
    "time": TIME,
    "wd": WD,
}


def slugify(text: str) -> str:
    """Return a lowercase ASCII slug of ``text`` for use in an IRI.

    Examples
    --------
    >>> slugify("Anders Fogh Rasmussen")
    'anders-fogh-rasmussen'
    >>> slugify("Côte d'Ivoire")
    'cote-d-ivoire'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"
