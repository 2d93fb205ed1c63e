"""The SKOS vocabularies of shared values, security challenges and cooperation areas."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import ReferenceDataError
from .namespaces import ID, PACT, RDF, SKOS

__all__ = ["Concept", "load_concepts"]

#: Concept class local name → predicate local name linking an agreement or actor to it.
CONCEPT_PREDICATE = {
    "SharedValue": "affirmsValue",
    "SecurityChallenge": "addressesChallenge",
    "CooperationArea": "cooperationArea",
}


@dataclass(frozen=True, slots=True)
class Concept:
    """A concept of one of the three schemes, with the labels texts use for it."""

    iri: str
    kind: str  # SharedValue | SecurityChallenge | CooperationArea
    pref_label: str
    alt_labels: tuple[str, ...]

    @property
    def key(self) -> str:
        """Short id such as ``value/democracy``."""
        return self.iri.removeprefix(ID)

    @property
    def predicate(self) -> str:
        return PACT + CONCEPT_PREDICATE[self.kind]


@cache
def load_concepts(folder: Path | None = None) -> tuple[Concept, ...]:
    """Read every concept of the vocabularies in ``folder`` (bundled by default)."""
    import pyoxigraph as ox

    if folder is None:
        from .resources import ontology_dir

        folder = ontology_dir() / "vocabularies"
    kinds: dict[str, str] = {}
    pref: dict[str, str] = {}
    alts: dict[str, list[str]] = {}
    for path in sorted(folder.glob("*.ttl")):
        try:
            with path.open("rb") as handle:
                triples = list(ox.parse(handle, format=ox.RdfFormat.TURTLE, base_iri=path.as_uri()))
        except SyntaxError as exc:
            raise ReferenceDataError(f"{path}: {exc}") from None
        for t in triples:
            s, p, o = t.subject.value, t.predicate.value, t.object
            if p == RDF + "type" and o.value.startswith(PACT) and o.value[len(PACT):] in CONCEPT_PREDICATE:
                kinds[s] = o.value[len(PACT):]
            elif p == SKOS + "prefLabel" and getattr(o, "language", None) in (None, "en"):
                pref[s] = o.value
            elif p == SKOS + "altLabel" and getattr(o, "language", None) in (None, "en"):
                alts.setdefault(s, []).append(o.value)
    return tuple(
        Concept(iri=iri, kind=kind, pref_label=pref.get(iri, iri.rsplit("/", 1)[-1]), alt_labels=tuple(sorted(alts.get(iri, ()))))
        for iri, kind in sorted(kinds.items())
    )
