"""``pactgraph serve`` over real HTTP: SPARQL clients, the API, Linked Data, protection, the W3C protocol suite.

Each server is a ``pactgraph serve`` subprocess on 127.0.0.1 and a free port,
serving a copy of the built store; answers are compared with the embedded store's.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import threading
import urllib.parse
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extras are not installed (pip install 'pactgraph[serve]')")
pytest.importorskip("uvicorn", reason="the web extras are not installed (pip install 'pactgraph[serve]')")

import rdflib
from serving import start_pactgraph

from pactgraph.knowledge import KnowledgeGraph, rows_as_dicts
from pactgraph.queries import list_queries

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "test-token-0123456789"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
PARTIES = ("SELECT ?agreement ?party ?label WHERE { ?agreement pact:party ?party . ?party rdfs:label ?label } "
           "ORDER BY ?party ?label")
JAPAN = "https://w3id.org/pactgraph/id/state/jpn"


# -- fixtures -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def served(built_store, tmp_path_factory) -> Path:
    """A private copy of the built store (nothing else writes to it while the servers run)."""
    target = tmp_path_factory.mktemp("served") / "store"
    shutil.copytree(built_store, target)
    return target


@pytest.fixture(scope="module")
def server(served, tmp_path_factory):
    srv = start_pactgraph(served, "--timeout", "3", "--max-rows", "500", "--max-request-size", "256KB",
                          "--workers", "2", log_dir=tmp_path_factory.mktemp("logs"))
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def kg(served):
    graph = KnowledgeGraph(served)
    yield graph
    graph.close()


@pytest.fixture(scope="module")
def writable_server(built_store, tmp_path_factory):
    store = tmp_path_factory.mktemp("writable") / "store"
    shutil.copytree(built_store, store)
    srv = start_pactgraph(store, "--allow-update", "--cors", log_dir=tmp_path_factory.mktemp("logs"),
                          env={"PACTGRAPH_SERVE_TOKEN": TOKEN})
    yield srv
    srv.stop()


def request(base: str, method: str, path: str, body: bytes | str | None = None, headers: dict | None = None):
    """One HTTP request with exactly the given headers; (status, headers, body)."""
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        data = body.encode("utf-8") if isinstance(body, str) else body
        connection.request(method, path, body=data, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def post_query(base: str, query: str, accept: str = "application/sparql-results+json"):
    return request(base, "POST", "/sparql", urllib.parse.urlencode({"query": query}),
                   {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})


def embedded_rows(kg, query: str) -> list[tuple]:
    solutions = kg.sparql(query)
    names = [v.value for v in solutions.variables]
    return [tuple(None if s[n] is None else s[n].value for n in names) for s in solutions]


# -- real SPARQL clients --------------------------------------------------------------------

@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_select_matches_embedded_store(server, kg, method):
    SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
    client = SPARQLWrapper.SPARQLWrapper(server.url + "/sparql")
    client.setQuery(PARTIES)
    client.setMethod(method)
    client.setReturnFormat(SPARQLWrapper.JSON)
    data = client.query().convert()
    names = data["head"]["vars"]
    rows = [tuple(row.get(n, {}).get("value") for n in names) for row in data["results"]["bindings"]]
    assert rows == embedded_rows(kg, PARTIES)
    assert any(row[1] == JAPAN for row in rows)


def test_sparqlwrapper_other_result_formats(server, kg):
    SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
    client = SPARQLWrapper.SPARQLWrapper(server.url + "/sparql")
    client.setQuery(PARTIES)
    expected = len(embedded_rows(kg, PARTIES))
    client.setReturnFormat(SPARQLWrapper.XML)
    document = client.query().convert()
    assert len(document.getElementsByTagName("result")) == expected
    client.setReturnFormat(SPARQLWrapper.CSV)
    lines = client.query().convert().decode().strip().splitlines()
    assert lines[0] == "agreement,party,label" and len(lines) == expected + 1
    client.setReturnFormat(SPARQLWrapper.TSV)
    lines = client.query().convert().decode().strip().splitlines()
    assert lines[0] == "?agreement\t?party\t?label" and len(lines) == expected + 1
    client.setQuery("ASK { ?a pact:party ?p }")
    client.setReturnFormat(SPARQLWrapper.JSON)
    assert client.query().convert()["boolean"] is True


@pytest.mark.parametrize("fmt", ["TURTLE", "N3", "XML", "JSONLD"])
def test_sparqlwrapper_construct_is_isomorphic_to_embedded(server, kg, fmt):
    SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
    from rdflib.compare import isomorphic

    query = "CONSTRUCT { ?a pact:party ?p . ?p rdfs:label ?l } WHERE { ?a pact:party ?p . ?p rdfs:label ?l }"
    client = SPARQLWrapper.SPARQLWrapper(server.url + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(getattr(SPARQLWrapper, fmt))
    converted = client.query().convert()
    remote = converted if isinstance(converted, rdflib.Graph) else rdflib.Graph().parse(
        data=converted, format={"TURTLE": "turtle", "N3": "turtle", "JSONLD": "json-ld"}[fmt])
    local = rdflib.Graph()
    for triple in kg.sparql(query):
        local.parse(data=f"{triple.subject} {triple.predicate} {triple.object} .", format="nt")
    assert len(local) > 0 and isomorphic(remote, local)


def test_rdflib_sparqlstore_matches_embedded_store(server, kg):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = rdflib.Graph(store=SPARQLStore(server.url + "/sparql"))
    rows = [tuple(None if t is None else str(t) for t in row) for row in graph.query(PARTIES)]
    assert rows == embedded_rows(kg, PARTIES)
    ask = graph.query(f"ASK {{ <{JAPAN}> rdfs:label 'Japan' }}")
    assert ask.askAnswer is True


# -- named queries, OpenAPI, Linked Data, service description ------------------------------------

def test_named_query_api_matches_library(server, kg):
    status, _, body = request(server.url, "GET", "/api/queries")
    assert status == 200
    listed = {q["name"]: q for q in json.loads(body)["queries"]}
    assert set(listed) == {q.name for q in list_queries()}
    for query in list_queries():
        params = {k: str(v) for k, v in query.example.items()}
        status, headers, body = request(server.url, "GET", f"/api/queries/{query.name}?{urllib.parse.urlencode(params)}")
        assert status == 200, body
        answer = json.loads(body)
        expected = json.loads(json.dumps(rows_as_dicts(kg.run_named(query.name, params))))
        assert answer["rows"] == expected, query.name
        assert answer["truncated"] is False
    status, headers, body = request(server.url, "GET", "/api/queries/partners-of?actor=Japan&format=csv")
    assert status == 200 and headers["content-type"].startswith("text/csv") and b"NATO" in body


def test_named_query_api_errors(server):
    assert request(server.url, "GET", "/api/queries/no-such-query")[0] == 404
    status, _, body = request(server.url, "GET", "/api/queries/partners-of")
    assert status == 400 and b"actor" in body
    status, _, body = request(server.url, "GET", "/api/queries/partners-of?actor=Japan&colour=red")
    assert status == 400 and b"colour" in body
    status, _, body = request(server.url, "GET", "/api/queries/partners-of?actor=Atlantis")
    assert status == 400 and b"Atlantis" in body


def test_openapi_describes_every_named_query(server):
    status, _, body = request(server.url, "GET", "/api/openapi.json")
    document = json.loads(body)
    assert status == 200 and document["openapi"].startswith("3.1")
    for query in list_queries():
        operation = document["paths"][f"/api/queries/{query.name}"]["get"]
        assert {p["name"] for p in operation["parameters"]} == {p["name"] for p in query.params} | {"format"}
    status, _, body = request(server.url, "GET", "/api")
    assert status == 200 and b"/api/queries/partners-of" in body


@pytest.mark.parametrize("accept,fmt", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                        ("application/n-triples", "nt"), ("application/rdf+xml", "xml")])
def test_linked_data_content_negotiation(server, accept, fmt):
    status, headers, body = request(server.url, "GET", "/id/state/jpn", headers={"Accept": accept})
    assert status == 200 and headers["content-type"].startswith(accept)
    graph = rdflib.Graph().parse(data=body, format=fmt)
    assert (rdflib.URIRef(JAPAN), rdflib.RDFS.label, rdflib.Literal("Japan")) in graph


def test_linked_data_html_page_has_quotes_and_sources(server):
    status, headers, body = request(server.url, "GET", "/id/state/jpn", headers={"Accept": "text/html"})
    page = body.decode()
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "<h1>Japan</h1>" in page and "Partners" in page and 'href="/id/org/nato"' in page
    assert "<blockquote>" in page and 'href="/id/source/' in page
    assert 'data-src="/api/ego/state/jpn"' in page and "/static/vendor/cytoscape/cytoscape.min.js" in page
    assert "content-security-policy" in headers
    status, _, body = request(server.url, "GET", "/id/agreement/joint-political-declaration-jpn-nato-2013",
                              headers={"Accept": "text/html"})
    assert status == 200 and b"Parties" in body and b"Shared values" in body and b"<blockquote>" in body
    assert request(server.url, "GET", "/id/state/zzz", headers={"Accept": "text/html"})[0] == 404
    assert request(server.url, "GET", "/id/state/zzz", headers={"Accept": "text/turtle"})[0] == 404
    status, _, body = request(server.url, "GET", "/api/ego/state/jpn")
    network = json.loads(body)
    assert status == 200 and any(n["data"]["id"].endswith("/org/nato") for n in network["nodes"])


def test_service_description(server):
    status, _, body = request(server.url, "GET", "/sparql", headers={"Accept": "text/turtle"})
    assert status == 200
    graph = rdflib.Graph().parse(data=body, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (None, sd.endpoint, rdflib.URIRef(server.url + "/sparql")) in graph
    assert (None, sd.supportedLanguage, sd.SPARQL11Update) not in graph
    assert request(server.url, "GET", "/sparql", headers={"Accept": "text/html"})[0] == 303


# -- protection -------------------------------------------------------------------------------

def test_updates_are_refused_without_allow_update(server, kg):
    before = embedded_rows(kg, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    for body, content_type in (("CLEAR ALL", "application/sparql-update"),
                               ("update=CLEAR%20ALL", "application/x-www-form-urlencoded")):
        status, _, message = request(server.url, "POST", "/sparql", body,
                                     {"Content-Type": content_type, "Authorization": f"Bearer {TOKEN}"})
        assert status == 403 and b"--allow-update" in message
    assert request(server.url, "GET", "/sparql?update=CLEAR%20ALL")[0] == 405
    assert post_query(server.url, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0] == 200
    assert embedded_rows(kg, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == before


def test_updates_need_the_token(writable_server):
    insert = f"INSERT DATA {{ GRAPH <urn:test:g> {{ <{JAPAN}> <urn:test:p> 'added' }} }}"
    direct = {"Content-Type": "application/sparql-update"}
    assert request(writable_server.url, "POST", "/sparql", insert, direct)[0] == 403
    assert request(writable_server.url, "POST", "/sparql", insert,
                   {**direct, "Authorization": "Bearer wrong-token-000000"})[0] == 403
    check = "ASK { GRAPH <urn:test:g> { ?s <urn:test:p> 'added' } }"
    assert json.loads(post_query(writable_server.url, check)[2])["boolean"] is False
    status, _, body = request(writable_server.url, "POST", "/sparql", insert,
                              {**direct, "Authorization": f"Bearer {TOKEN}"})
    assert status == 204, body
    assert json.loads(post_query(writable_server.url, check)[2])["boolean"] is True
    status, _, body = request(writable_server.url, "POST", "/sparql", "LOAD <http://example.org/data.ttl>",
                              {**direct, "Authorization": f"Bearer {TOKEN}"})
    assert status == 403 and b"LOAD" in body
    status, _, body = request(writable_server.url, "POST", "/sparql", "INSERT DATA { oops }",
                              {**direct, "Authorization": f"Bearer {TOKEN}"})
    assert status == 400 and b"invalid SPARQL update" in body


def test_remote_store_on_pactgraph_serve(writable_server):
    """pactgraph as a client of its own server: RemoteStore with the token writes through SPARQL Update."""
    import pyoxigraph as ox

    from pactgraph.errors import StoreError
    from pactgraph.remote import RemoteStore

    url = writable_server.url + "/sparql"
    graph = "https://w3id.org/pactgraph/id/source/remote-client-test"
    quad = ox.Quad(ox.NamedNode(JAPAN), ox.NamedNode("urn:test:seenBy"), ox.Literal("remote"), ox.NamedNode(graph))
    with pytest.raises(StoreError, match="403"):
        RemoteStore(url, write=True, token="wrong-token-000000").replace_graph(graph, [quad])
    store = RemoteStore(url, write=True, token=TOKEN)
    assert (store.union, store.update_url, store.gsp_url) == ("server", url, None)
    assert store.replace_graph(graph, [quad]) == 1
    assert store.has_graph(graph)
    rows = store.query("SELECT DISTINCT ?x ?l WHERE { ?x <urn:test:seenBy> ?v ; rdfs:label ?l }")
    assert [(r["x"].value, r["l"].value) for r in rows] == [(JAPAN, "Japan")]
    store.drop_graph(graph)
    assert not store.has_graph(graph)


def test_slow_query_is_cut_off_while_other_clients_are_answered(server):
    order: list[str] = []
    slow: dict = {}

    def run_slow():
        slow["answer"] = post_query(server.url, SLOW)
        order.append("slow")

    thread = threading.Thread(target=run_slow)
    thread.start()
    threading.Event().wait(0.5)  # let the slow query reach a worker first
    for _ in range(5):
        status, _, body = post_query(server.url, f"ASK {{ <{JAPAN}> rdfs:label 'Japan' }}")
        assert status == 200 and json.loads(body)["boolean"] is True
        order.append("fast")
    thread.join(60)
    status, _, body = slow["answer"]
    assert status == 503 and b"time limit" in body
    assert order.index("fast") < order.index("slow")
    assert post_query(server.url, "ASK {}")[0] == 200  # the killed worker was replaced


def test_row_cap_truncates_and_says_so(server):
    status, headers, body = post_query(server.url, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert status == 200 and headers["pactgraph-truncated"] == "true"
    assert len(json.loads(body)["results"]["bindings"]) == 500


def test_request_size_limit(server):
    body = urllib.parse.urlencode({"query": "ASK {}" + " " * 300_000})
    status, _, message = request(server.url, "POST", "/sparql", body,
                                 {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413 and b"limit" in message


def test_service_and_external_graphs_are_refused(server):
    status, _, body = post_query(server.url, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert status == 400 and b"SERVICE" in body
    status, _, body = post_query(server.url, "SELECT * FROM <http://example.org/elsewhere> WHERE { ?s ?p ?o }")
    assert status == 400


def test_cors_only_when_enabled(server, writable_server):
    headers = {"Origin": "https://yasgui.example", "Accept": "application/sparql-results+json"}
    _, plain, _ = request(server.url, "GET", "/sparql?query=ASK%7B%7D", headers=headers)
    assert "access-control-allow-origin" not in plain
    _, cors, _ = request(writable_server.url, "GET", "/sparql?query=ASK%7B%7D", headers=headers)
    assert cors["access-control-allow-origin"] == "*"


def test_bad_requests_get_one_line_errors(server):
    status, _, body = request(server.url, "GET", "/sparql?query=SELEC")
    assert status == 400 and body.startswith(b"invalid SPARQL")
    assert request(server.url, "GET", "/sparql?query=ASK%7B%7D", headers={"Accept": "image/png"})[0] == 406
    status, headers, body = request(server.url, "GET",
                                    "/sparql?" + urllib.parse.urlencode({"query": PARTIES, "format": "csv",
                                                                         "download": "1"}))
    assert status == 200 and "attachment" in headers["content-disposition"] and body.startswith(b"agreement,")


def test_serve_refuses_update_without_token(served):
    from click.testing import CliRunner

    from pactgraph.cli import main

    result = CliRunner().invoke(main, ["serve", "--store", str(served), "--allow-update"], env={"PACTGRAPH_SERVE_TOKEN": ""})
    assert result.exit_code != 0 and "--token" in result.output
    result = CliRunner().invoke(main, ["serve", "--store", "http://127.0.0.1:9/sparql"])
    assert result.exit_code != 0 and "already a SPARQL endpoint" in result.output


# -- the W3C SPARQL 1.1 Protocol tests ------------------------------------------------------------

def _protocol_dir() -> Path | None:
    candidates = [os.environ.get("PACTGRAPH_W3C_TESTS", ""), ROOT.parent / "shared" / "w3c-rdf-tests",
                  Path("/work/shared/w3c-rdf-tests")]
    for candidate in candidates:
        folder = Path(candidate) / "sparql" / "sparql11" / "protocol" if candidate else None
        if folder and (folder / "manifest.ttl").is_file():
            return folder
    return None


def _protocol_cases() -> list:
    folder = _protocol_dir()
    if folder is None:
        return [pytest.param(None, id="w3c-protocol",
                             marks=pytest.mark.skip(reason="W3C rdf-tests not found (set PACTGRAPH_W3C_TESTS)"))]
    from rdflib.collection import Collection

    mf = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
    ht = rdflib.Namespace("http://www.w3.org/2011/http#")
    cnt = rdflib.Namespace("http://www.w3.org/2011/content#")
    ut = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
    manifest = folder / "manifest.ttl"
    g = rdflib.Graph().parse(manifest, format="turtle", publicID=manifest.as_uri())
    root = next(g.subjects(mf.entries, None))
    cases = []
    for test in Collection(g, g.value(root, mf.entries)):
        requests = []
        for req in Collection(g, g.value(g.value(test, mf.action), ht.requests)):
            headers = {}
            head_list = g.value(req, ht.headers)
            for header in (Collection(g, head_list) if head_list is not None else []):
                headers[str(g.value(header, ht.fieldName))] = str(g.value(header, ht.fieldValue))
            body = g.value(g.value(req, ht.body), cnt.chars) if g.value(req, ht.body) is not None else None
            response = g.value(req, ht.resp)
            statuses = {str(s).rsplit("StatusCode", 1)[-1][0] for s in g.objects(response, mf.expectedStatus)}
            boolean = g.value(response, mf.expectedBoolean)
            fmt = g.value(response, mf.expectedFormat)
            requests.append({"method": str(g.value(req, ht.methodName)), "path": str(g.value(req, ht.absolutePath)),
                             "headers": headers, "body": None if body is None else str(body),
                             "statuses": statuses, "boolean": None if boolean is None else boolean.toPython(),
                             "format": None if fmt is None else str(fmt)})
        data = [(Path(urllib.parse.urlsplit(str(g.value(d, ut.graph))).path), str(g.value(d, rdflib.RDFS.label)))
                for d in g.objects(test, ut.graphData)]
        cases.append(pytest.param({"requests": requests, "data": data}, id=str(test).rsplit("#", 1)[-1]))
    return cases


@pytest.fixture(scope="module")
def protocol_server(tmp_path_factory):
    from pactgraph.store import Store

    store = tmp_path_factory.mktemp("w3c") / "store"
    Store(store, write=True, create=True).close()
    srv = start_pactgraph(store, "--allow-update", "--timeout", "10", log_dir=tmp_path_factory.mktemp("logs"),
                          env={"PACTGRAPH_SERVE_TOKEN": TOKEN})
    yield srv
    srv.stop()


_RESULT_TYPES = {"boolean": ("application/sparql-results+json", "application/sparql-results+xml"),
                 "tabular": ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                             "text/tab-separated-values"),
                 "RDF": ("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json")}


@pytest.mark.parametrize("case", _protocol_cases())
def test_w3c_sparql11_protocol(protocol_server, case):
    """The manifest's requests, in order; the harness adds the server's token (the suite has no auth)."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    update = {**auth, "Content-Type": "application/sparql-update"}
    assert request(protocol_server.url, "POST", "/sparql", "CLEAR ALL", update)[0] == 204
    for path, label in case["data"]:
        triples = path.read_text(encoding="utf-8")
        status, _, body = request(protocol_server.url, "POST", "/sparql",
                                  f"INSERT DATA {{ GRAPH <{label}> {{ {triples} }} }}", update)
        assert status == 204, body
    for req in case["requests"]:
        path = "/sparql" + req["path"][len("/sparql/"):] if req["path"].startswith("/sparql/") else req["path"]
        status, headers, body = request(protocol_server.url, req["method"], path, req["body"],
                                        {**req["headers"], **auth})
        assert str(status)[0] in req["statuses"], f"{req['method']} {path}: {status} {body[:300]!r}"
        media = headers.get("content-type", "").split(";")[0].strip()
        if req["format"]:
            assert media in _RESULT_TYPES[req["format"]], media
        if req["boolean"] is not None:
            if media.endswith("json"):
                answer = json.loads(body)["boolean"]
            else:
                answer = b"<boolean>true</boolean>" in body
            assert answer is req["boolean"]
