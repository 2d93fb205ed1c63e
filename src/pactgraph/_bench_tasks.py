"""The measured operations of :mod:`pactgraph.bench`, each run in a fresh interpreter.

``python -m pactgraph._bench_tasks`` reads one task as JSON on stdin, runs it
and prints JSON lines on stdout: ``{"ready": true}`` once its setup is done,
then the times so far after every timed run, then its final answer with its
peak RSS. Heavy libraries are imported by the task that needs them.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["TASKS", "fresh", "main"]


def _emit(result: dict) -> None:
    """Print a (partial) answer of a worker: one JSON line."""
    sys.stdout.write("\n" + json.dumps(result) + "\n")
    sys.stdout.flush()


def _peak_rss_mb() -> float:
    """Peak RSS of this process or of the largest child it waited for (a query-guard worker), in MiB."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # KiB on Linux


def fresh(path: Path) -> Path:
    """``path`` removed if it exists, its parent created: a place for a new store."""
    shutil.rmtree(path, ignore_errors=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


# -- worker tasks (run inside the fresh interpreter) -----------------------------


def _task_bulk_load(task: dict) -> dict:
    """``Store.bulk_load`` of a file into a fresh store; with ``to_graph``, its triples go to that named graph."""
    import pyoxigraph as ox

    store = fresh(Path(task["store"]))
    start = time.perf_counter()
    db = ox.Store(str(store))
    into = {"to_graph": ox.NamedNode(task["to_graph"])} if task.get("to_graph") else {}
    db.bulk_load(path=task["file"], format=ox.RdfFormat.N_QUADS, **into)
    db.flush()
    return {"seconds": time.perf_counter() - start}


def _task_rdf_ingest(task: dict) -> dict:
    import pactgraph

    store = fresh(Path(task["store"]))
    start = time.perf_counter()
    kg = pactgraph.open(store, write=True)
    if task["path"] == "bulk":
        from .bulk import bulk_ingest_rdf

        bulk_ingest_rdf(kg, task["file"])
    else:
        kg.ingest(task["file"])
    kg.close()
    return {"seconds": time.perf_counter() - start}


def _task_text_ingest(task: dict) -> dict:
    """``KnowledgeGraph.ingest_paths`` of a corpus into a fresh store (what ``pactgraph ingest`` does)."""
    import pactgraph
    from pactgraph.extract.pipeline import get_gazetteer, get_nlp

    warm = time.perf_counter()
    get_nlp(), get_gazetteer()
    warm = time.perf_counter() - warm
    store = fresh(Path(task["store"]))
    kg = pactgraph.open(store, write=True)
    start = time.perf_counter()
    report = kg.ingest_paths(task["files"], workers=task.get("workers", 1))
    kg.close()
    seconds = time.perf_counter() - start
    if report.failed:
        bad = next(f for f in report.files if f.status == "failed")
        raise RuntimeError(f"{report.failed} file(s) failed, e.g. {bad.path}: {bad.message}")
    return {"seconds": seconds, "setup": warm}


def _task_spacy(task: dict) -> dict:
    import spacy

    texts = [Path(p).read_text(encoding="utf-8") for p in task["files"]]
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 50_000_000
    start = time.perf_counter()
    sentences = 0
    for doc in nlp.pipe(texts):
        sentences += sum(1 for _ in doc.sents)
    return {"seconds": time.perf_counter() - start, "sentences": sentences}


def _consume(results) -> int:
    """Read every value of a pyoxigraph result, as a user of raw pyoxigraph would."""
    import pyoxigraph as ox

    if isinstance(results, ox.QueryBoolean):
        return 1
    if isinstance(results, ox.QueryTriples):
        return sum(1 for t in results if t.subject.value is not None)
    names = [v.value for v in results.variables]
    rows = 0
    for solution in results:
        [None if solution[n] is None else solution[n].value for n in names]
        rows += 1
    return rows


def _task_query(task: dict) -> dict:
    """Run one named query through the library or on raw pyoxigraph: rounds within a budget."""
    name, params = task["name"], task["params"]
    if task["engine"] == "library":
        import pactgraph

        kg = pactgraph.open(task["store"])

        def run() -> int:
            return len(kg.query(name, **params))
    else:
        import pyoxigraph as ox

        from .namespaces import PREFIXES
        from .queries import bind_params, load_query

        named = load_query(name)
        bindings = bind_params(named, params)
        db = ox.Store.read_only(task["store"])

        def run() -> int:
            return _consume(db.query(named.text, prefixes=PREFIXES, use_default_graph_as_union=True,
                                     substitutions=bindings))
    _emit({"ready": True})
    times, rows = _rounds(run, task["rounds"], task["budget"], warmup=True,
                          report=lambda t, n: _emit({"times": t, "rows": n}))
    if task["engine"] == "library":
        kg.close()  # stops the query guard's worker, so its peak RSS counts among the children
    return {"times": times, "rows": rows}


def _rounds(run: Callable[[], int], rounds: int, budget: float, warmup: bool,
            report: Callable[[list[float], int], None] | None = None) -> tuple[list[float], int]:
    """Time ``run`` up to ``rounds`` times within about ``budget`` seconds.

    A quick ``run`` gets an untimed warm-up first; a slow one counts its first
    run. ``report`` is called after every timed run with the times so far.
    """
    start = time.perf_counter()
    rows = run()
    first = time.perf_counter() - start
    times = [] if warmup and first < budget / (rounds + 1) else [first]
    if times and report:
        report(times, rows)
    spent = first
    while len(times) < rounds and spent + (statistics.median(times) if times else first) <= budget:
        start = time.perf_counter()
        rows = run()
        elapsed = time.perf_counter() - start
        times.append(elapsed)
        spent += elapsed
        if report:
            report(times, rows)
    return times, rows


def _task_projection(task: dict) -> dict:
    import pactgraph
    from pactgraph.projections import actor_projection

    kg = pactgraph.open(task["store"])
    holder = {}
    _emit({"ready": True})

    def run() -> int:
        holder["g"] = actor_projection(kg)
        return holder["g"].number_of_edges()

    times, edges = _rounds(run, task["rounds"], task["budget"], warmup=False,
                           report=lambda t, n: _emit({"times": t, "edges": n}))
    nodes = holder["g"].number_of_nodes()
    kg.close()
    return {"times": times, "edges": edges, "nodes": nodes}


class _Alarm(Exception):
    pass


def _guarded_rounds(run: Callable[[], int], task: dict, warmup: bool) -> dict:
    """:func:`_rounds` where each run is stopped by SIGALRM after ``task["timeout"]`` seconds (pure Python code)."""
    import signal

    def alarm(signum, frame):
        raise _Alarm()

    signal.signal(signal.SIGALRM, alarm)
    done: dict = {}

    def guarded() -> int:
        signal.setitimer(signal.ITIMER_REAL, task["timeout"])
        try:
            return run()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)

    def keep(times: list[float], rows: int) -> None:
        done.update(times=list(times), rows=rows)

    try:
        _rounds(guarded, task["rounds"], task["budget"], warmup, report=keep)
    except _Alarm:
        if not done:
            return {"timeout": task["timeout"]}
    return done or {"times": [], "rows": 0}


def _reset_hwm() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def _hwm_mb() -> float:
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return _peak_rss_mb()


def _task_rdflib(task: dict) -> dict:
    """Load the file into rdflib once; time its parse, each query and the networkx conversion."""
    import rdflib

    from .queries import load_query, rdflib_query

    out: dict = {"queries": {}}
    start = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(task["file"], format="nquads")
    out["parse"] = {"seconds": time.perf_counter() - start, "rss_mb": _hwm_mb()}

    for name, params in task["queries"]:
        prepared, bindings = rdflib_query(load_query(name), params)
        resettable = _reset_hwm()

        def run() -> int:
            rows = 0
            for row in ds.query(prepared, initBindings=bindings):
                _ = [None if v is None else str(v) for v in row]  # read every value, as a caller would
                rows += 1
            return rows

        try:
            entry = _guarded_rounds(run, task, warmup=True)
        except Exception as exc:  # noqa: BLE001 - an engine error is a result too
            entry = {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"}
        entry["rss_mb"] = _hwm_mb() if resettable else None
        out["queries"][name] = entry
    if task.get("projection"):
        from rdflib.extras.external_graph_libs import rdflib_to_networkx_multidigraph

        class Merged:  # the union of all graphs, as a triple iterable (what a ConjunctiveGraph yields)
            def __iter__(self):
                return iter(ds.triples((None, None, None)))

        resettable = _reset_hwm()
        out["projection"] = _guarded_rounds(lambda: rdflib_to_networkx_multidigraph(Merged()).number_of_edges(),
                                            task, warmup=False)
        out["projection"]["rss_mb"] = _hwm_mb() if resettable else None
    return out


TASKS = {
    "bulk_load": _task_bulk_load,
    "rdf_ingest": _task_rdf_ingest,
    "text_ingest": _task_text_ingest,
    "spacy": _task_spacy,
    "query": _task_query,
    "projection": _task_projection,
    "rdflib": _task_rdflib,
}


def main() -> None:
    task = json.loads(sys.stdin.read())
    try:
        result = TASKS[task["task"]](task)
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one line
        result = {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"}
    result.setdefault("rss_mb", _peak_rss_mb())
    _emit(result)


if __name__ == "__main__":  # pragma: no cover - started by pactgraph.bench
    main()
