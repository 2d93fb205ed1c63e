"""pactgraph: a knowledge graph of international security partnerships.

The public surface for notebooks and pipelines::

    import pactgraph
    kg = pactgraph.open("store", write=True)       # a store folder on disk
    kg.build()                                     # ontology, vocabularies, register, bundled sources
    kg.ingest("my-texts/joint-statement.txt")      # your own text, in its own named graph
    kg.query("partners-of", actor="Japan")         # a named query, rows as dicts
    kg.sparql("SELECT * WHERE { ?s ?p ?o } LIMIT 5")
    kg.evidence("NATO", None, "Japan")             # the quotes behind what links them
    G = kg.to_networkx("actors", as_of="2020-01-01")   # a networkx graph (pactgraph.projections)
    kg.analyze("connect", source="Japan", target="Afghanistan")   # rows (pactgraph.analysis)
    kg.export("gexf", "partners.gexf")             # RDF syntaxes and graph formats (pactgraph.export)

Everything else lives in submodules; heavy dependencies (spaCy, networkx,
pyshacl) are imported only by the functions that need them.
"""

from __future__ import annotations

from .errors import (
    ParameterError,
    PactgraphError,
    QueryError,
    QueryTimeout,
    RDFSyntaxError,
    ReferenceDataError,
    SourceError,
    StoreError,
    StoreLocked,
)
from .knowledge import KnowledgeGraph
from .knowledge import open_graph as _open_graph
from .sources import Source, read_source, source_from_text

__all__ = [
    "KnowledgeGraph",
    "PactgraphError",
    "ParameterError",
    "QueryError",
    "QueryTimeout",
    "RDFSyntaxError",
    "ReferenceDataError",
    "Source",
    "SourceError",
    "StoreError",
    "StoreLocked",
    "__version__",
    "extract",
    "open",
    "read_source",
    "source_from_text",
]

__version__ = "0.1.0"

open = _open_graph  # noqa: A001 - ``pactgraph.open(store)`` is the documented entry point


def extract(source: Source, *, use_model: bool = True):
    """Extract entities and evidence-backed statements from a :class:`Source` (nothing is stored).

    ``use_model=False`` runs the rules alone, without the relations the pair model adds (rule ``pair-model``)
    and the agreements and parties the agreement model adds (rules ``agreement-conclusion-model`` and
    ``agreement-party-model``).

    >>> result = extract(source_from_text("NATO is leading the ISAF mission.", name="isaf.txt"))
    >>> result.statements[0].evidence[0].quote
    'NATO is leading the ISAF mission.'
    """
    from .extract import extract as _extract

    return _extract(source, use_model=use_model)
