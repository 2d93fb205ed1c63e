"""The web explorer in a real headless browser: Debian's chromium driven by Playwright.

Loads the query page, runs a query, opens an entity from the results, and
checks that the ego-network view is drawn (a canvas with coloured pixels and
Cytoscape nodes). Also checks that the page loads nothing from other hosts.

Needs ``apt-get install chromium`` and ``pip install playwright`` (never
``playwright install``: the system chromium is used).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extras are not installed (pip install 'pactgraph[serve]')")
pytest.importorskip("uvicorn", reason="the web extras are not installed (pip install 'pactgraph[serve]')")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")

from serving import start_pactgraph

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed (apt-get install chromium)")

QUERY = """SELECT ?actor ?label WHERE {
  ?agreement pact:party ?actor . ?actor rdfs:label ?label .
  FILTER(?actor = <https://w3id.org/pactgraph/id/state/jpn>)
}"""


@pytest.fixture(scope="module")
def server(built_store, tmp_path_factory):
    store = tmp_path_factory.mktemp("browser") / "store"
    shutil.copytree(built_store, store)
    srv = start_pactgraph(store, "--timeout", "10", log_dir=tmp_path_factory.mktemp("logs"))
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        except Exception as exc:  # noqa: BLE001 - a broken browser install is a skip, not a failure
            pytest.skip(f"chromium did not start: {str(exc).splitlines()[0]}")
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.requests_seen = []
    page.errors_seen = []
    page.on("request", lambda request: page.requests_seen.append(request.url))
    page.on("pageerror", lambda error: page.errors_seen.append(str(error)))
    yield page
    context.close()


def _coloured_pixels(page) -> int:
    """Non-transparent pixels over all canvases of the graph view (Cytoscape draws on several layers)."""
    return page.evaluate("""() => {
        let count = 0;
        for (const canvas of document.querySelectorAll('#graph canvas')) {
            if (!canvas.width || !canvas.height) continue;
            const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
        }
        return count;
    }""")


def test_query_entity_and_graph_view(page, server, tmp_path):
    page.goto(server.url + "/")
    assert page.title().startswith("Query")
    assert page.locator("button.example").count() > 0  # the named queries are offered as examples

    page.fill("#query", QUERY)
    page.click("#run")
    page.wait_for_selector("#results-table tbody tr")
    assert page.locator("#results-table th").all_inner_texts() == ["actor", "label"]
    assert "Japan" in page.locator("#results-table tbody").inner_text()
    assert "row" in page.locator("#status").inner_text()

    with page.expect_download() as download:
        page.click("#download-csv")
    saved = tmp_path / "results.csv"
    download.value.save_as(saved)
    assert saved.read_text().splitlines()[0] == "actor,label"

    page.click("#results-table a[href='/id/state/jpn']")
    page.wait_for_url("**/id/state/jpn")
    assert page.locator("h1").inner_text() == "Japan"
    assert page.locator("#partners blockquote").count() > 0  # each fact with its quote…
    assert page.locator("#partners .source a[href^='/id/source/']").count() > 0  # …and a link to its source

    page.wait_for_function("() => window.pactgraphCy && window.pactgraphCy.nodes().length > 1")
    assert page.locator("#graph canvas").count() > 0
    nodes = page.evaluate("() => window.pactgraphCy.nodes().map(n => n.data('label'))")
    assert "Japan" in nodes and "NATO" in nodes
    page.wait_for_function("() => window.pactgraphCy.nodes().every(n => n.renderedPosition().x > 0)")
    assert _coloured_pixels(page) > 500

    local = server.url + "/"
    assert all(url.startswith((local, "data:", "blob:")) for url in page.requests_seen), \
        [u for u in page.requests_seen if not u.startswith(local)]
    assert page.errors_seen == []


def test_example_query_and_error_message(page, server):
    page.goto(server.url + "/")
    page.locator("button.example").first.click()
    page.wait_for_selector("#results-table, #query-error, p.boolean")
    assert page.locator("#query-error").count() == 0
    page.fill("#query", "SELECT ?x WHERE { ?x ?y }")
    page.focus("#query")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#query-error")
    assert "invalid SPARQL" in page.locator("#query-error").inner_text()
    assert "400" in page.locator("#status").inner_text()


def test_agreement_page_and_browse(page, server):
    page.goto(server.url + "/browse")
    page.click("text=Joint Political Declaration")
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Joint Political Declaration"
    assert page.locator("#parties a[href='/id/org/nato']").count() == 1
    assert page.locator("#shared-values blockquote").count() > 0
