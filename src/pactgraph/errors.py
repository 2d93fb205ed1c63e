"""The exceptions pactgraph raises.

Every error the library raises on bad input derives from one base class, so a
caller (the command line, a notebook, a server) catches one type::

    PactgraphError
    ├── SourceError        a source file or its metadata header is unusable
    ├── RDFSyntaxError     an RDF file does not parse
    ├── QueryError         a SPARQL query is invalid, refused or failed
    │   └── QueryTimeout   a query ran past its time limit
    ├── ParameterError     a named query or its parameters are unknown or invalid
    ├── ReferenceDataError a reference table or vocabulary is inconsistent
    └── StoreError         the store is missing, from another version, or unusable
        └── StoreLocked    another process holds the store open for writing

Messages are one line and name the file, line, query, parameter or IRI involved.
"""

from __future__ import annotations

__all__ = [
    "ParameterError",
    "PactgraphError",
    "QueryError",
    "QueryTimeout",
    "RDFSyntaxError",
    "ReferenceDataError",
    "SourceError",
    "StoreError",
    "StoreLocked",
]


class PactgraphError(Exception):
    """Base class of every error pactgraph raises on bad input or state."""

    #: Process exit code the command line uses for this kind of error.
    exit_code = 1


class SourceError(PactgraphError):
    """A source text or its metadata header cannot be used."""

    exit_code = 3


class RDFSyntaxError(PactgraphError):
    """An RDF document does not parse."""

    exit_code = 3


class QueryError(PactgraphError):
    """A SPARQL query is invalid, refused by the guard, or failed."""

    exit_code = 4


class QueryTimeout(QueryError):
    """A query ran longer than its time limit and was stopped."""

    exit_code = 5


class ParameterError(PactgraphError):
    """A named query, or one of its parameters, is unknown or invalid."""

    exit_code = 2


class ReferenceDataError(PactgraphError):
    """A curated reference table or vocabulary is inconsistent."""

    exit_code = 6


class StoreError(PactgraphError):
    """The store is missing, belongs to another version, or cannot be used."""

    exit_code = 7


class StoreLocked(StoreError):
    """Another process has the store open for writing."""

    exit_code = 8
