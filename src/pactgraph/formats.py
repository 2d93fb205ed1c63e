"""Rendering query results and graphs for people and programs."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox

from .errors import ParameterError
from .namespaces import PREFIXES

__all__ = ["RDF_FORMATS", "RESULT_FORMATS", "compact", "render_results", "render_rows"]

RESULT_FORMATS = ("table", "json", "csv", "tsv")
RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nquads": ox.RdfFormat.N_QUADS, "ntriples": ox.RdfFormat.N_TRIPLES,
               "trig": ox.RdfFormat.TRIG, "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD}
_ORDERED_PREFIXES = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def compact(iri: str) -> str:
    """``prefix:local`` for IRIs under a known namespace.

    >>> compact("https://w3id.org/pactgraph/ontology#party")
    'pact:party'
    """
    for prefix, ns in _ORDERED_PREFIXES:
        if iri.startswith(ns) and "/" not in iri[len(ns):].strip("/") or iri.startswith(ns) and prefix == "id":
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def render_table(header: list[str], rows: list[list[str]], width: int = 60) -> str:
    """A plain-text table with columns sized to their content (cells cut at ``width``)."""
    cut = [[c if len(c) <= width else c[: width - 1] + "…" for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cut]) for i, h in enumerate(header)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    out = [line(header), line(["-" * w for w in widths])] + [line(r) for r in cut]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def render_results(results, fmt: str = "table") -> str:
    """Render pyoxigraph query results: SELECT/ASK in a result format, CONSTRUCT/DESCRIBE in an RDF syntax."""
    if isinstance(results, ox.QueryTriples):
        rdf_fmt = RDF_FORMATS.get("turtle" if fmt == "table" else fmt)
        if rdf_fmt is None:
            raise ParameterError(f"--format {fmt!r} does not fit a CONSTRUCT query; use one of {', '.join(RDF_FORMATS)}")
        if rdf_fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            rdf_fmt = ox.RdfFormat.N_TRIPLES if rdf_fmt == ox.RdfFormat.N_QUADS else ox.RdfFormat.TURTLE
        prefixes = PREFIXES if rdf_fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML, ox.RdfFormat.JSON_LD) else None
        return ox.serialize(iter(results), format=rdf_fmt, prefixes=prefixes).decode()
    if fmt not in RESULT_FORMATS:
        raise ParameterError(f"--format {fmt!r} does not fit a SELECT or ASK query; use one of {', '.join(RESULT_FORMATS)}")
    if isinstance(results, ox.QueryBoolean):
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(results)})
        return "true" if results else "false"
    if fmt == "json":
        return results.serialize(format=ox.QueryResultsFormat.JSON).decode()
    if fmt == "tsv":
        return results.serialize(format=ox.QueryResultsFormat.TSV).decode()
    header = [v.value for v in results.variables]
    rows = [[_cell(solution[name]) for name in header] for solution in results]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")
    return render_table(header, rows)


def render_rows(rows: list[dict], fmt: str = "table") -> str:
    """Render a list of dicts (the library's plain rows) as a table, JSON, CSV or TSV."""
    header = list(rows[0]) if rows else []
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False, default=str)
    text_rows = [["" if r.get(h) is None else compact(str(r[h])) for h in header] for r in rows]
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(text_rows)
        return buffer.getvalue().rstrip("\n")
    if fmt != "table":
        raise ParameterError(f"--format {fmt!r}: use one of {', '.join(RESULT_FORMATS)}")
    return render_table(header, text_rows) if rows else "(0 rows)"
