"""Validation of a store: SHACL shapes (pyshacl) and the ``queries/checks/*-violation.rq`` checks."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ValidationReport", "validate_store"]


@dataclass(slots=True)
class ValidationReport:
    """Violations found in a store; it conforms when there are none."""

    shacl_results: list[dict] = field(default_factory=list)
    check_results: dict[str, list[dict]] = field(default_factory=dict)
    triples: int = 0

    @property
    def conforms(self) -> bool:
        return not self.shacl_results and not any(self.check_results.values())

    def lines(self) -> list[str]:
        """A readable report, one violation per line."""
        out = [f"checked {self.triples} triples against shapes.ttl and {len(self.check_results)} checks"]
        for r in self.shacl_results:
            out.append(f"SHACL {r['severity']}: {r['focus']} {r['path']}: {r['message']}")
        for name, rows in sorted(self.check_results.items()):
            for row in rows:
                out.append(f"check {name}: " + ", ".join(f"{k}={v}" for k, v in row.items()))
        out.append("conforms" if self.conforms else f"{len(self.shacl_results) + sum(map(len, self.check_results.values()))} violation(s)")
        return out


def validate_store(kg) -> ValidationReport:
    """Run pyshacl over all graphs of ``kg``'s store (the ontology aside) and run the check queries."""
    import pyoxigraph as ox
    import rdflib
    from pyshacl import validate

    from .knowledge import ONTOLOGY_GRAPH, rows_as_dicts
    from .queries import _parse
    from .resources import ontology_dir, queries_dir
    from .store import META_GRAPH

    buffer = ox.serialize(
        (ox.Triple(q.subject, q.predicate, q.object) for q in kg.store.db.quads_for_pattern(None, None, None)
         if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value not in (META_GRAPH, ONTOLOGY_GRAPH)),
        format=ox.RdfFormat.N_TRIPLES,
    )
    data = rdflib.Graph()
    data.parse(data=buffer.decode("utf-8"), format="nt")
    shapes = rdflib.Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    _, results_graph, _ = validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    report = ValidationReport(triples=len(data))
    for result in results_graph.subjects(rdflib.RDF.type, sh.ValidationResult):
        severity = str(results_graph.value(result, sh.resultSeverity)).rsplit("#", 1)[-1]
        if severity != "Violation":
            continue
        report.shacl_results.append({
            "severity": severity,
            "focus": str(results_graph.value(result, sh.focusNode)),
            "path": str(results_graph.value(result, sh.resultPath) or ""),
            "message": str(results_graph.value(result, sh.resultMessage) or ""),
        })
    report.shacl_results.sort(key=lambda r: (r["focus"], r["path"]))
    for path in sorted((queries_dir() / "checks").glob("*-violation.rq")):
        check = _parse(path)
        report.check_results[check.name] = rows_as_dicts(kg._trusted(check.text))
    return report
