"""Named SPARQL queries: one ``.rq`` file per query in ``queries/``.

Each file starts with a header of ``#+`` lines holding YAML::

    #+ summary: Partners of an actor
    #+ description: Actors linked to ACTOR by pact:partnerOf or a shared agreement.
    #+ params:
    #+   - name: actor
    #+     type: actor
    #+     description: the actor (label, acronym, QID, ISO code or IRI)
    #+ example:
    #+   actor: Japan

Parameters are SPARQL variables bound by the engine (pyoxigraph
``substitutions``), never pasted into the query text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import ParameterError
from .namespaces import ID, XSD

__all__ = ["NamedQuery", "bind_params", "list_queries", "load_query", "rdflib_query", "resolve_actor"]

PARAM_TYPES = ("actor", "iri", "string", "date", "integer", "concept")


@dataclass(slots=True)
class NamedQuery:
    """A query file: its name (the file stem), header fields and text."""

    name: str
    path: Path
    text: str
    summary: str = ""
    description: str = ""
    params: list[dict] = field(default_factory=list)
    example: dict = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)


def _parse(path: Path) -> NamedQuery:
    import yaml

    text = path.read_text(encoding="utf-8")
    header = "\n".join(line[3:] if line.startswith("#+ ") else line[2:]
                       for line in text.splitlines() if line.startswith("#+"))
    try:
        meta = yaml.safe_load(header) or {}
    except yaml.YAMLError as exc:
        raise ParameterError(f"{path}: malformed '#+' header: {exc}") from None
    params = meta.get("params") or []
    for param in params:
        if param.get("type", "string") not in PARAM_TYPES:
            raise ParameterError(f"{path}: parameter {param.get('name')!r} has unknown type {param.get('type')!r}")
        if not re.search(r"\?" + re.escape(param["name"]) + r"\b", text):
            raise ParameterError(f"{path}: parameter {param['name']!r} is not a variable of the query")
    return NamedQuery(name=path.stem, path=path, text=text, summary=meta.get("summary", ""),
                      description=meta.get("description", ""), params=params,
                      example=meta.get("example") or {}, tags=meta.get("tags") or [])


def list_queries(folder: Path | None = None) -> list[NamedQuery]:
    """All named queries in ``folder`` (the bundled library by default), sorted by name."""
    if folder is None:
        from .resources import queries_dir

        folder = queries_dir()
    return [_parse_cached(p, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.rq"))]


@functools.lru_cache(maxsize=512)
def _parse_cached(path: Path, mtime_ns: int) -> NamedQuery:
    """A query file parsed once per version of the file (its modification time is part of the key)."""
    return _parse(path)


def load_query(name: str, folder: Path | None = None) -> NamedQuery:
    """The named query ``name``; raise :class:`ParameterError` listing the known names otherwise."""
    queries = {q.name: q for q in list_queries(folder)}
    if name not in queries:
        close = [n for n in queries if name.split("-")[0] in n]
        hint = f" (did you mean {', '.join(close[:3])}?)" if close else f"; known: {', '.join(queries)}"
        raise ParameterError(f"unknown query {name!r}{hint}")
    return queries[name]


def resolve_actor(value: str) -> str:
    """IRI of the actor named by ``value``: an IRI, ``id`` key, QID, ISO code, label, acronym or alias.

    Examples
    --------
    >>> resolve_actor("Japan")
    'https://w3id.org/pactgraph/id/state/jpn'
    >>> resolve_actor("Q7184")
    'https://w3id.org/pactgraph/id/org/nato'
    """
    from .reference import load_register

    value = value.strip()
    if value.startswith(("http://", "https://")):
        return value
    register = load_register()
    if value in register.entities:
        return ID + value
    folded = value.casefold()
    for entity in register.entities.values():
        if entity.wikidata == value or value.upper() in {entity.iso2, entity.iso3} and len(value) in (2, 3):
            return entity.iri
    for entity in register.entities.values():
        forms = {entity.label, *entity.names, *entity.acronyms, *register.aliases.get(entity.key, ())}
        if folded in {f.casefold() for f in forms}:
            return entity.iri
    if re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", value):
        return ID + value
    raise ParameterError(f"unknown actor {value!r}: give a label, acronym, QID, ISO code or IRI")


def _term(param: dict, value: str):
    kind = param.get("type", "string")
    name = param["name"]
    if kind == "actor":
        try:
            return ox.NamedNode(resolve_actor(value))
        except ValueError:
            raise ParameterError(f"parameter {name!r}: {value!r} is not an actor or an IRI") from None
    if kind in ("iri", "concept"):
        if kind == "concept" and not value.startswith(("http://", "https://")):
            value = ID + value.strip("/")
        try:
            return ox.NamedNode(value)
        except ValueError:
            raise ParameterError(f"parameter {name!r}: {value!r} is not an IRI") from None
    if kind == "date":
        try:
            return ox.Literal(dt.date.fromisoformat(value).isoformat(), datatype=ox.NamedNode(XSD + "date"))
        except ValueError:
            raise ParameterError(f"parameter {name!r}: {value!r} is not a date (YYYY-MM-DD)") from None
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", value.strip()):
            raise ParameterError(f"parameter {name!r}: {value!r} is not an integer")
        return ox.Literal(value.strip(), datatype=ox.NamedNode(XSD + "integer"))
    return ox.Literal(value)


def bind_params(query: NamedQuery, values: dict[str, str]) -> dict:
    """Check ``values`` against the query's parameters and return pyoxigraph substitutions."""
    declared = {p["name"]: p for p in query.params}
    for name in values:
        if name not in declared:
            known = ", ".join(declared) or "none"
            raise ParameterError(f"query {query.name!r} has no parameter {name!r} (parameters: {known})")
    substitutions = {}
    for name, param in declared.items():
        if name in values:
            substitutions[ox.Variable(name)] = _term(param, str(values[name]))
        elif "default" in param:
            substitutions[ox.Variable(name)] = _term(param, str(param["default"]))
        elif param.get("required", True):
            raise ParameterError(f"query {query.name!r} needs parameter {name!r} ({param.get('description', '')})")
    return substitutions


def rdflib_query(query: NamedQuery, values: dict[str, str]) -> tuple:
    """The named query prepared for rdflib's engine and its parameters as rdflib terms: ``(prepared, bindings)`` for
    ``dataset.query(prepared, initBindings=bindings)``. pactgraph runs on pyoxigraph; this serves comparisons
    between engines (the benchmark, the portability test). Imports rdflib."""
    import pyoxigraph as ox
    import rdflib
    from rdflib.plugins.sparql import prepareQuery

    from .namespaces import PREFIXES

    def term(value):
        if isinstance(value, ox.NamedNode):
            return rdflib.URIRef(value.value)
        if value.language:
            return rdflib.Literal(value.value, lang=value.language)
        return rdflib.Literal(value.value, datatype=rdflib.URIRef(value.datatype.value))

    prepared = prepareQuery(query.text, initNs={k: rdflib.Namespace(v) for k, v in PREFIXES.items()})
    bindings = {rdflib.Variable(k.value): term(v) for k, v in bind_params(query, values).items()}
    return prepared, bindings
