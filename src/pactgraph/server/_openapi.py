"""The OpenAPI 3.1 description of the named-query API, generated from the query library."""

from __future__ import annotations

__all__ = ["openapi_document"]

_SCHEMA_OF_TYPE = {
    "actor": {"type": "string", "description": "label, acronym, Wikidata QID, ISO code or IRI"},
    "iri": {"type": "string", "format": "iri"},
    "concept": {"type": "string", "description": "concept IRI or its id path, e.g. value/democracy"},
    "date": {"type": "string", "format": "date"},
    "integer": {"type": "integer"},
    "string": {"type": "string"},
}


def openapi_document(queries, server_url: str) -> dict:
    """An OpenAPI 3.1 document with one ``GET /api/queries/NAME`` operation per named query."""
    from .. import __version__

    paths: dict = {
        "/api/queries": {"get": {
            "operationId": "listQueries", "summary": "List the named queries with their parameters",
            "responses": {"200": {"description": "The named queries",
                                  "content": {"application/json": {"schema": {"type": "object"}}}}},
        }},
        "/sparql": {"get": {
            "operationId": "sparql", "summary": "SPARQL 1.1 Protocol endpoint (GET; POST is also accepted)",
            "parameters": [{"name": "query", "in": "query", "required": False, "schema": {"type": "string"},
                            "description": "A SPARQL query; without it the service description is returned."}],
            "responses": {"200": {"description": "Results, negotiated with the Accept header"},
                          "400": {"description": "Invalid or refused query"},
                          "503": {"description": "The query ran past the time limit"}},
        }},
    }
    for query in queries:
        parameters = []
        for param in query.params:
            schema = dict(_SCHEMA_OF_TYPE.get(param.get("type", "string"), {"type": "string"}))
            if "default" in param:
                schema["default"] = param["default"]
            entry = {"name": param["name"], "in": "query",
                     "required": bool(param.get("required", True)) and "default" not in param,
                     "description": param.get("description", ""), "schema": schema}
            if param["name"] in query.example:
                entry["example"] = str(query.example[param["name"]])
            parameters.append(entry)
        parameters.append({"name": "format", "in": "query", "required": False,
                           "schema": {"type": "string", "enum": ["json", "csv", "tsv", "sparql-json"],
                                      "default": "json"},
                           "description": "Rows as JSON (default), CSV, TSV or SPARQL JSON results."})
        paths[f"/api/queries/{query.name}"] = {"get": {
            "operationId": query.name.replace("-", "_"),
            "summary": query.summary,
            "description": (query.description or "").strip(),
            "tags": list(query.tags),
            "parameters": parameters,
            "responses": {
                "200": {"description": "The rows", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Rows"}},
                    "text/csv": {"schema": {"type": "string"}}}},
                "400": {"description": "A parameter is missing or invalid"},
                "503": {"description": "The query ran past the time limit"},
            },
        }}
    return {
        "openapi": "3.1.0",
        "info": {"title": "pactgraph", "version": __version__,
                 "description": "Named SPARQL queries over a knowledge graph of international security "
                                "partnerships, as a read-only HTTP API."},
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": {"schemas": {"Rows": {
            "type": "object", "required": ["query", "columns", "rows", "truncated"],
            "properties": {"query": {"type": "string"}, "params": {"type": "object"},
                           "columns": {"type": "array", "items": {"type": "string"}},
                           "rows": {"type": "array", "items": {"type": "object"}},
                           "truncated": {"type": "boolean"}}}}},
    }
