"""Render a Markdown reference for the pactgraph ontology.

The reference is generated from the Turtle file, never written by hand, so it
cannot drift from the ontology.  Regenerate it with::

    python -m pactgraph.ontodoc ontology/pactgraph.ttl > ontology/REFERENCE.md

The output is deterministic: terms are sorted by local name and every
multi-valued field is sorted, so a diff of ``REFERENCE.md`` shows exactly what
changed in the ontology.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Sequence

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

__all__ = ["EXAMPLE_PREAMBLE", "PREFIXES", "main", "render_reference"]

#: Prefixes used to abbreviate IRIs in the reference (and assumed by examples).
PREFIXES: dict[str, str] = {
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "pact": "https://w3id.org/pactgraph/ontology#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "sh": "http://www.w3.org/ns/shacl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "time": "http://www.w3.org/2006/time#",
    "vann": "http://purl.org/vocab/vann/",
    "wd": "http://www.wikidata.org/entity/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

#: Base IRI against which the relative IRIs of ``skos:example`` snippets resolve.
EXAMPLE_BASE = "https://w3id.org/pactgraph/id/"

#: Turtle directives that make every ``skos:example`` snippet parse on its own.
EXAMPLE_PREAMBLE = f"@base <{EXAMPLE_BASE}> .\n" + "".join(
    f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in sorted(PREFIXES.items())
)

_DEFAULT_NAMESPACE = PREFIXES["pact"]
_VANN = Namespace(PREFIXES["vann"])

_CLASS_TYPES = (OWL.Class, RDFS.Class)
_PROPERTY_KINDS = (
    (OWL.ObjectProperty, "object property"),
    (OWL.DatatypeProperty, "datatype property"),
    (OWL.AnnotationProperty, "annotation property"),
    (RDF.Property, "property"),
)
_CHARACTERISTICS = (
    (OWL.SymmetricProperty, "symmetric"),
    (OWL.TransitiveProperty, "transitive"),
    (OWL.FunctionalProperty, "functional"),
    (OWL.InverseFunctionalProperty, "inverse functional"),
)


def render_reference(ontology_path: str | os.PathLike[str]) -> str:
    """Render the Markdown reference of an ontology file.

    Parameters
    ----------
    ontology_path : str or os.PathLike
        Path of the ontology in Turtle.

    Returns
    -------
    str
        The Markdown text, ending with a single newline: the header metadata,
        then a section on classes and a section on properties.  Each term lists
        its label, definition, super-terms, domain and range, and examples.

    Raises
    ------
    FileNotFoundError
        If ``ontology_path`` does not exist.
    rdflib.plugins.parsers.notation3.BadSyntax
        If the file is not valid Turtle.

    Examples
    --------
    >>> from pathlib import Path
    >>> from tempfile import TemporaryDirectory
    >>> ttl = (
    ...     "@prefix owl: <http://www.w3.org/2002/07/owl#> .\\n"
    ...     "@prefix dcterms: <http://purl.org/dc/terms/> .\\n"
    ...     "<https://w3id.org/pactgraph/ontology> a owl:Ontology ;\\n"
    ...     '    dcterms:title "tiny ontology"@en .\\n'
    ... )
    >>> with TemporaryDirectory() as tmp:
    ...     path = Path(tmp, "tiny.ttl")
    ...     _ = path.write_text(ttl, encoding="utf-8")
    ...     text = render_reference(path)
    >>> text.splitlines()[0]
    '# tiny ontology: reference'
    """
    graph = Graph()
    graph.parse(os.fspath(ontology_path), format="turtle")
    return _Renderer(graph).render()


def main(argv: Sequence[str] | None = None) -> int:
    """Write the Markdown reference of an ontology to standard output or a file.

    Parameters
    ----------
    argv : sequence of str, optional
        Command-line arguments without the program name; ``sys.argv[1:]`` when
        omitted.

    Returns
    -------
    int
        The exit status: 0 on success, 1 if the ontology cannot be read.
    """
    parser = argparse.ArgumentParser(
        prog="python -m pactgraph.ontodoc",
        description="Render a Markdown reference of an OWL ontology in Turtle.",
    )
    parser.add_argument("ontology", help="path of the ontology (Turtle)")
    parser.add_argument(
        "-o", "--output", help="write to this file instead of standard output"
    )
    args = parser.parse_args(argv)
    try:
        text = render_reference(args.ontology)
    except Exception as error:  # one line, no traceback, for a command-line user
        detail = " ".join(str(error).split()) or type(error).__name__
        print(f"error: cannot render {args.ontology}: {detail}", file=sys.stderr)
        return 1
    data = text.encode("utf-8")
    if args.output:
        with open(args.output, "wb") as handle:
            handle.write(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0


class _Renderer:
    """Turn one parsed ontology graph into Markdown."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.ontology = self._ontology_node()
        namespace = self._value(self.ontology, _VANN.preferredNamespaceUri)
        self.namespace = str(namespace) if namespace else _DEFAULT_NAMESPACE
        self.classes = self._terms(_CLASS_TYPES)
        self.properties = self._terms(kind for kind, _ in _PROPERTY_KINDS)

    # -- collecting ----------------------------------------------------------

    def _ontology_node(self) -> URIRef | None:
        nodes = sorted(
            node
            for node in self.graph.subjects(RDF.type, OWL.Ontology)
            if isinstance(node, URIRef)
        )
        return nodes[0] if nodes else None

    def _terms(self, types: Iterable[URIRef]) -> list[URIRef]:
        found = {
            node
            for rdf_type in types
            for node in self.graph.subjects(RDF.type, rdf_type)
            if isinstance(node, URIRef) and str(node).startswith(self.namespace)
        }
        return sorted(found, key=lambda node: (self._local(node).casefold(), str(node)))

    def _local(self, node: URIRef) -> str:
        return str(node)[len(self.namespace) :]

    def _value(self, subject: URIRef | None, predicate: URIRef) -> Literal | None:
        values = self._literals(subject, predicate)
        return values[0] if values else None

    def _literals(self, subject: URIRef | None, predicate: URIRef) -> list[Literal]:
        """Literals of ``subject``, English or untagged first, then sorted."""
        if subject is None:
            return []
        values = [
            value
            for value in self.graph.objects(subject, predicate)
            if isinstance(value, Literal)
        ]
        return sorted(
            values,
            key=lambda lit: (lit.language not in (None, "en"), str(lit), lit.language or ""),
        )

    def _nodes(self, subject: URIRef, predicate: URIRef) -> list[URIRef | BNode]:
        values = [
            value
            for value in self.graph.objects(subject, predicate)
            if not isinstance(value, Literal)
        ]
        return sorted(values, key=self._describe)

    # -- formatting ----------------------------------------------------------

    def _curie(self, iri: URIRef) -> str:
        text = str(iri)
        best = max(
            (item for item in PREFIXES.items() if text.startswith(item[1])),
            key=lambda item: len(item[1]),
            default=None,
        )
        if best is None or len(text) == len(best[1]):
            return f"<{text}>"
        return f"{best[0]}:{text[len(best[1]):]}"

    def _anchor(self, node: URIRef) -> str | None:
        if node in self.classes:
            return f"class-{self._local(node)}"
        if node in self.properties:
            return f"property-{self._local(node)}"
        return None

    def _link(self, node: URIRef) -> str:
        label = self._curie(node)
        anchor = self._anchor(node)
        if anchor:
            return f"[{label}](#{anchor})"
        if label.startswith("<"):
            return f"<{node}>"
        return f"[{label}]({node})"

    def _describe(self, node: URIRef | BNode | Literal) -> str:
        """Markdown for a node; unions of classes read as ``A or B``."""
        if isinstance(node, URIRef):
            return self._link(node)
        if isinstance(node, Literal):
            return _cell(str(node))
        for keyword, joiner in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and ")):
            members = self.graph.value(node, keyword)
            if members is not None:
                parts = [self._describe(item) for item in Collection(self.graph, members)]
                return joiner.join(parts)
        return "(anonymous class)"

    def _join(self, nodes: Iterable[URIRef | BNode]) -> str:
        return ", ".join(self._describe(node) for node in nodes)

    # -- sections ------------------------------------------------------------

    def render(self) -> str:
        lines: list[str] = []
        lines += self._header()
        lines += self._section("Classes", self.classes, self._class_rows)
        lines += self._section("Properties", self.properties, self._property_rows)
        while lines and lines[-1] == "":
            lines.pop()
        return "\n".join(lines) + "\n"

    def _header(self) -> list[str]:
        node = self.ontology
        title = self._value(node, DCTERMS.title)
        heading = f"{title}: reference" if title else "Ontology reference"
        lines = [
            f"# {heading}",
            "",
            "<!-- Generated by `python -m pactgraph.ontodoc`; do not edit by hand. -->",
            "",
        ]
        description = self._value(node, DCTERMS.description)
        if description:
            lines += [str(description), ""]
        rows: list[tuple[str, str]] = []
        if node is not None:
            rows.append(("Ontology IRI", f"<{node}>"))
        version = self._value(node, OWL.versionInfo)
        if version:
            rows.append(("Version", str(version)))
        for version_iri in self._nodes(node, OWL.versionIRI) if node else []:
            rows.append(("Version IRI", f"<{version_iri}>"))
        created = self._value(node, DCTERMS.created)
        if created:
            rows.append(("Created", str(created)))
        for licence in self._nodes(node, DCTERMS.license) if node else []:
            rows.append(("Licence", f"<{licence}>"))
        prefix = self._value(node, _VANN.preferredNamespacePrefix)
        rows.append(
            ("Namespace", f"`{self.namespace}`" + (f" (prefix `{prefix}:`)" if prefix else ""))
        )
        see_also = self._nodes(node, RDFS.seeAlso) if node else []
        if see_also:
            rows.append(("See also", ", ".join(f"<{iri}>" for iri in see_also)))
        rows.append(("Terms", f"{len(self.classes)} classes, {len(self.properties)} properties"))
        lines += _table(("Field", "Value"), rows)
        notes = self._literals(node, SKOS.changeNote) + self._literals(node, SKOS.historyNote)
        if notes:
            lines += ["", "## Changes", ""]
            lines += [f"- {_cell(str(note))}" for note in notes]
        lines += [
            "",
            "## Reading the examples",
            "",
            "Every term comes with a Turtle example.  The examples use relative IRIs",
            f"for pactgraph instances (`<state/jpn>` is `{EXAMPLE_BASE}state/jpn`)",
            "and assume these directives:",
            "",
            "```turtle",
            EXAMPLE_PREAMBLE.rstrip("\n"),
            "```",
            "",
        ]
        return lines

    def _section(
        self,
        name: str,
        terms: list[URIRef],
        rows: Callable[[URIRef], list[tuple[str, str]]],
    ) -> list[str]:
        lines = [f"## {name}", ""]
        if not terms:
            return lines + ["(none)", ""]
        index = [
            (
                self._link(term),
                _cell(str(self._value(term, RDFS.label) or "")),
                _cell(str(self._value(term, SKOS.definition) or "")),
            )
            for term in terms
        ]
        lines += _table(("Term", "Label", "Definition"), index)
        lines.append("")
        for term in terms:
            lines += self._term(term, rows(term))
        return lines

    def _term(self, term: URIRef, rows: list[tuple[str, str]]) -> list[str]:
        label = self._value(term, RDFS.label)
        definition = self._value(term, SKOS.definition)
        lines = [f'<a id="{self._anchor(term)}"></a>', "", f"### {self._curie(term)}", ""]
        if self.graph.value(term, OWL.deprecated) == Literal(True):
            lines += ["**Deprecated.**", ""]
        summary = f"**{label or self._local(term)}**"
        if definition:
            summary += f": {definition}"
        lines += [summary, ""]
        rows = [("IRI", f"`{term}`")] + rows
        for note in self._literals(term, SKOS.scopeNote):
            rows.append(("Note", _cell(str(note))))
        see_also = self._nodes(term, RDFS.seeAlso)
        if see_also:
            rows.append(("See also", self._join(see_also)))
        defined_by = self._nodes(term, RDFS.isDefinedBy)
        if defined_by:
            rows.append(("Defined by", self._join(defined_by)))
        lines += _table(("Field", "Value"), rows)
        for example in self._literals(term, SKOS.example):
            lines += ["", "```turtle", str(example).strip("\n"), "```"]
        lines.append("")
        return lines

    def _class_rows(self, term: URIRef) -> list[tuple[str, str]]:
        rows = []
        parents = self._nodes(term, RDFS.subClassOf)
        if parents:
            rows.append(("Subclass of", self._join(parents)))
        children = sorted(
            (
                child
                for child in self.graph.subjects(RDFS.subClassOf, term)
                if child in self.classes
            ),
            key=self._describe,
        )
        if children:
            rows.append(("Subclasses", self._join(children)))
        for field, predicate in (("Domain of", RDFS.domain), ("Range of", RDFS.range)):
            used = sorted(
                (prop for prop in self.properties if self._mentions(prop, predicate, term)),
                key=self._describe,
            )
            if used:
                rows.append((field, self._join(used)))
        return rows

    def _mentions(self, prop: URIRef, predicate: URIRef, cls: URIRef) -> bool:
        """True if ``cls`` is the domain/range of ``prop`` or a member of its union."""
        for value in self.graph.objects(prop, predicate):
            if value == cls:
                return True
            members = self.graph.value(value, OWL.unionOf) if isinstance(value, BNode) else None
            if members is not None and cls in list(Collection(self.graph, members)):
                return True
        return False

    def _property_rows(self, term: URIRef) -> list[tuple[str, str]]:
        types = set(self.graph.objects(term, RDF.type))
        kind = next((name for rdf_type, name in _PROPERTY_KINDS if rdf_type in types), "property")
        traits = [name for rdf_type, name in _CHARACTERISTICS if rdf_type in types]
        rows = [("Kind", kind + (f" ({', '.join(traits)})" if traits else ""))]
        for field, predicate in (
            ("Subproperty of", RDFS.subPropertyOf),
            ("Inverse of", OWL.inverseOf),
            ("Domain", RDFS.domain),
            ("Range", RDFS.range),
        ):
            values = self._nodes(term, predicate)
            if values:
                rows.append((field, self._join(values)))
        return rows


def _cell(text: str) -> str:
    """Make ``text`` safe inside one Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _table(header: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
