"""Load test of ``pactgraph serve``: N concurrent clients for T seconds, compared with pyoxigraph directly.

Usage::

    python tests/benchmarks/serve_load.py [--store DIR] [--clients 8] [--seconds 10] [--workers 2] [--json]

Without ``--store`` a temporary store is built from the bundled graph. The
server runs as a subprocess on 127.0.0.1. Each client keeps one HTTP connection
and sends the same query (``partners-of`` for Japan, as SPARQL) as a form POST
in a loop. Afterwards the same query runs on the same store directly through
pyoxigraph (read-only, results fully read), first from one thread, then from as
many threads as there were clients, and the script prints the server's p50/p99
latency as a ratio to the one-thread figures. It reports; it asserts nothing
except that no request failed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

QUERY = """SELECT ?actor ?partner ?label (GROUP_CONCAT(DISTINCT ?agreementLabel; separator="; ") AS ?agreements)
WHERE {
  VALUES ?actor { <https://w3id.org/pactgraph/id/state/jpn> }
  { ?actor pact:partnerOf ?partner } UNION { ?partner pact:partnerOf ?actor }
  UNION { ?shared pact:party ?actor, ?partner }
  FILTER(?partner != ?actor)
  ?partner rdfs:label ?label .
  OPTIONAL { ?agreement pact:party ?actor, ?partner ; rdfs:label ?agreementLabel }
}
GROUP BY ?actor ?partner ?label ORDER BY ?label"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def client(base: str, deadline: float, latencies: list[float], errors: list[str], body: bytes) -> None:
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"}
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        try:
            connection.request("POST", "/sparql", body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            if response.status != 200:
                errors.append(f"HTTP {response.status}: {data[:200]!r}")
                continue
            json.loads(data)
        except (OSError, http.client.HTTPException, ValueError) as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
            connection.close()
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
            continue
        latencies.append(time.perf_counter() - started)
    connection.close()


def direct(store: Path, seconds: float, threads: int = 1) -> list[float]:
    """The same query on pyoxigraph in this process (results fully read), from ``threads`` threads at once."""
    import pyoxigraph as ox

    from pactgraph.namespaces import PREFIXES

    db = ox.Store.read_only(str(store))
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    def loop():
        mine = []
        while time.perf_counter() < deadline or len(mine) < 50:
            started = time.perf_counter()
            rows = [[solution[v] for v in ("actor", "partner", "label", "agreements")]
                    for solution in db.query(QUERY, prefixes=PREFIXES, use_default_graph_as_union=True)]
            mine.append(time.perf_counter() - started)
            assert rows
        latencies.extend(mine)

    workers = [threading.Thread(target=loop) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=None, help="store folder (default: build one)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2, help="the server's --workers")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    from serving import start_pactgraph

    scratch = Path(tempfile.mkdtemp(prefix="pactgraph-load-"))
    store = args.store
    if store is None:
        from click.testing import CliRunner

        from pactgraph.cli import main as cli

        store = scratch / "store"
        result = CliRunner().invoke(cli, ["build", "--store", str(store)])
        if result.exit_code != 0:
            print(result.output, file=sys.stderr)
            return 1
    server = start_pactgraph(store, "--workers", str(args.workers), log_dir=scratch)
    try:
        body = urllib.parse.urlencode({"query": QUERY}).encode()
        for _ in range(20):  # warm up the workers and the connection path
            client(server.url, time.perf_counter() + 0.05, [], [], body)
        latencies: list[float] = []
        errors: list[str] = []
        deadline = time.perf_counter() + args.seconds
        threads = [threading.Thread(target=client, args=(server.url, deadline, latencies, errors, body))
                   for _ in range(args.clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        server.stop()
    baseline = direct(store, min(args.seconds, 5.0))
    concurrent = direct(store, min(args.seconds, 5.0), threads=args.clients)
    figures = {
        "clients": args.clients, "seconds": round(elapsed, 2), "server_workers": args.workers,
        "requests": len(latencies), "errors": len(errors), "throughput_rps": round(len(latencies) / elapsed, 1),
        "server_p50_ms": round(percentile(latencies, 50) * 1000, 2),
        "server_p99_ms": round(percentile(latencies, 99) * 1000, 2),
        "direct_runs": len(baseline),
        "direct_p50_ms": round(percentile(baseline, 50) * 1000, 3),
        "direct_p99_ms": round(percentile(baseline, 99) * 1000, 3),
        "direct_concurrent_p50_ms": round(percentile(concurrent, 50) * 1000, 3),
        "direct_concurrent_p99_ms": round(percentile(concurrent, 99) * 1000, 3),
    }
    figures["p50_ratio"] = round(figures["server_p50_ms"] / figures["direct_p50_ms"], 1)
    figures["p99_ratio"] = round(figures["server_p99_ms"] / figures["direct_p99_ms"], 1)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{args.clients} clients for {figures['seconds']} s against pactgraph serve (--workers {args.workers}): "
              f"{figures['requests']} requests, {figures['errors']} errors, {figures['throughput_rps']} req/s")
        print(f"  server  p50 {figures['server_p50_ms']} ms   p99 {figures['server_p99_ms']} ms")
        print(f"  direct  p50 {figures['direct_p50_ms']} ms   p99 {figures['direct_p99_ms']} ms  "
              f"(pyoxigraph in-process, one thread, {figures['direct_runs']} runs)")
        print(f"  direct, {args.clients} threads at once: p50 {figures['direct_concurrent_p50_ms']} ms   "
              f"p99 {figures['direct_concurrent_p99_ms']} ms")
        print(f"  ratio   p50 {figures['p50_ratio']}x   p99 {figures['p99_ratio']}x  (server under load / direct, one thread)")
        if latencies:
            print(f"  server mean {statistics.fmean(latencies) * 1000:.2f} ms")
    for message in errors[:5]:
        print("error:", message, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
