"""Benchmarks: what pactgraph costs on top of its engine, and against what users would pick instead.

:func:`run_bench` measures, on the same synthetic data in the same run:

==================  ==========================================  ===============================================
operation           pactgraph                                   baseline
==================  ==========================================  ===============================================
text ingest         ``KnowledgeGraph.ingest_paths`` (1 core)    spaCy ``blank("en")`` + sentencizer, same texts
parallel ingest     ``ingest_paths(workers=N)``                 the same with ``workers=1``
RDF ingest          :func:`pactgraph.bulk.bulk_ingest_rdf`      ``pyoxigraph.Store.bulk_load`` of the same file
                    (N-Quads); ``KnowledgeGraph.ingest`` of     (for the N-Triples: into the source's named
                    the same triples as N-Triples (≤ 1M)        graph with ``to_graph=``, and into the default
                                                                graph)
named queries       ``KnowledgeGraph.query`` (each ``.rq``)     the same SPARQL and bindings on raw pyoxigraph,
                                                                and on rdflib's in-memory engine
actor projection    ``projections.actor_projection``            ``rdflib_to_networkx_multidigraph``
start-up            ``pactgraph --help``                        ``python -c pass``
==================  ==========================================  ===============================================

Every measured operation runs in a fresh Python process (``python -m
pactgraph._bench_tasks``), so its peak resident memory is its own. Each figure
is the median of several rounds with the minimum and maximum; rounds of the
subject and of its baseline alternate. rdflib loads the graph once per size and
runs all its queries in one process; its memory per query is the high-water mark
reset before each query (``/proc/self/clear_refs``), so it includes the graph.

Synthetic data (:mod:`pactgraph.synthetic`) is generated once into
``data_dir`` and reused while the generator and register do not change.
"""

from __future__ import annotations

import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

__all__ = [
    "BenchConfig",
    "BenchReport",
    "Row",
    "Stat",
    "default_data_dir",
    "fit_growth",
    "render_markdown",
    "render_table",
    "run_bench",
]

#: Targets of the performance issue: (comparison, threshold) by row kind.
TARGETS = {
    "text-ingest": ("rate", 0.3),  # and ≥ 200 KB/s per core in absolute terms
    "parallel-ingest": ("rate", 1.7),
    "rdf-ingest": ("rate", 0.8),
    "query-raw": ("time", 1.1),
    "query-rdflib": ("speedup", 20.0),
    "projection": ("speedup", 10.0),
    "startup": ("absolute", 0.3),
}


#: Seconds a worker may take to start (import pactgraph, open a store) before its clock starts.
_STARTUP = 15.0


def default_data_dir() -> Path:
    """Where synthetic data and scratch stores go: ``$PACTGRAPH_BENCH_DIR`` or ``<tmp>/pactgraph-bench``."""
    import tempfile

    return Path(os.environ.get("PACTGRAPH_BENCH_DIR") or Path(tempfile.gettempdir()) / "pactgraph-bench")


# -- results ---------------------------------------------------------------------


@dataclass(slots=True)
class Stat:
    """Median, minimum and maximum of a figure over rounds, and the peak RSS (MiB)."""

    median: float | None = None
    low: float | None = None
    high: float | None = None
    runs: int = 0
    rss_mb: float | None = None
    note: str = ""

    @classmethod
    def of(cls, values: list[float], rss_mb: float | None = None, note: str = "") -> "Stat":
        if not values:
            return cls(rss_mb=rss_mb, note=note)
        return cls(statistics.median(values), min(values), max(values), len(values), rss_mb, note)


@dataclass(slots=True)
class Row:
    """One line of the report: an operation on one size, against its baseline.

    ``compare`` says how the ratio reads: ``rate`` (pactgraph ÷ baseline
    throughput, higher is better), ``time`` (pactgraph ÷ baseline time, lower is
    better), ``speedup`` (baseline time ÷ pactgraph time, higher is better) or
    ``absolute`` (the pactgraph figure against the target itself).
    """

    group: str
    name: str
    size: str
    unit: str
    value: Stat
    baseline_name: str = ""
    baseline: Stat = field(default_factory=Stat)
    compare: str = "rate"
    target: float | None = None
    extra_target: str = ""

    @property
    def ratio(self) -> float | None:
        a, b = self.value.median, self.baseline.median
        if self.compare == "absolute":
            return None
        if a is None or b is None or a == 0 or b == 0:
            return None
        return b / a if self.compare == "speedup" else a / b

    @property
    def meets(self) -> bool | None:
        if self.target is None:
            return None
        if self.compare == "absolute":
            return None if self.value.median is None else self.value.median < self.target
        ratio = self.ratio
        if ratio is None:
            bound = self.speedup_bound
            if bound is not None:
                return bound >= self.target
            if self.value.note.startswith(">") and self.baseline.median is not None:
                return False  # ours was stopped at the time limit, the baseline finished
            return None
        return ratio <= self.target if self.compare == "time" else ratio >= self.target

    @property
    def speedup_bound(self) -> float | None:
        """When the baseline was stopped at its time limit: the least speed-up (limit ÷ ours)."""
        if self.compare != "speedup" or not self.baseline.note.startswith(">") or not self.value.median:
            return None
        seconds = float(self.baseline.note[1:].split()[0])
        return seconds * (1000 if self.unit == "ms" else 1) / self.value.median

    def as_dict(self) -> dict:
        data = asdict(self)
        data["ratio"], data["meets"], data["speedup_bound"] = self.ratio, self.meets, self.speedup_bound
        return data


@dataclass(slots=True)
class BenchReport:
    """Everything one run measured, with the machine and versions it ran on."""

    command: str
    config: dict
    environment: dict
    rows: list[Row] = field(default_factory=list)
    growth: list[dict] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {"command": self.command, "config": self.config, "environment": self.environment,
                "rows": [r.as_dict() for r in self.rows], "growth": self.growth, "seconds": self.seconds}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, default=str)


@dataclass(slots=True)
class BenchConfig:
    """What to measure. Sizes are triple counts of the synthetic graphs; docs are corpus sizes."""

    sizes: tuple[int, ...] = (100_000, 1_000_000)
    docs: tuple[int, ...] = (200,)
    rounds: int = 3
    seed: int = 0
    data_dir: Path = field(default_factory=default_data_dir)
    query_timeout: float = 10.0  # seconds one run of one query may take
    query_budget: float = 7.5  # seconds of rounds per query and engine, after the first
    rdflib_max: int = 1_000_000  # largest size rdflib is loaded at (memory: ~1.7 GB per 1M)
    insert_max: int = 1_000_000  # largest size the front door's ingest of an N-Triples copy is timed at
    queries: tuple[str, ...] | None = None  # named queries to run (all by default)
    workers: int = 2
    keep: bool = False  # keep scratch stores


# -- running workers -------------------------------------------------------------


def _run_worker(task: dict, timeout: float | None = None, first_timeout: float | None = None) -> dict:
    """Run one task in a fresh interpreter and return its last JSON answer.

    A worker prints ``{"ready": true}`` when its setup is done (imports, opening
    the store) and a JSON line after every timed run. Counted from ``ready`` (or
    from the start, plus :data:`_STARTUP`, if it never says it), it is killed
    when it has no timed run after ``first_timeout`` seconds or still runs after
    ``timeout``; the answer then keeps the runs done so far and ``timeout: True``.
    """
    import threading

    cmd = [sys.executable, "-m", "pactgraph._bench_tasks"]
    # Its own process group, so that stopping it also stops what it started (query-guard workers).
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONWARNINGS": "ignore"}, start_new_session=True)
    out: list[str] = []
    err: list[str] = []
    readers = [threading.Thread(target=lambda s=stream, b=buf: b.extend(s), daemon=True)
               for stream, buf in ((proc.stdout, out), (proc.stderr, err))]
    for reader in readers:
        reader.start()
    proc.stdin.write(json.dumps(task))
    proc.stdin.close()
    start, killed, ready_at = time.monotonic(), False, None
    while proc.poll() is None:
        now = time.monotonic()
        if ready_at is None and any(line.startswith('{"ready"') for line in out):
            ready_at = now
        elapsed = now - ready_at if ready_at is not None else now - start - _STARTUP
        answered = any(line.startswith("{") and not line.startswith('{"ready"') for line in out)
        if (timeout and elapsed > timeout) or (first_timeout and not answered and elapsed > first_timeout):
            _kill_group(proc)
            killed = True
            break
        time.sleep(0.02)
    proc.wait()
    _kill_group(proc)  # anything the worker left running
    for reader in readers:
        reader.join(timeout=5)
    answers = [line for line in out if line.startswith("{") and not line.startswith('{"ready"')]
    result = json.loads(answers[-1]) if answers else {}
    if killed:
        result["timeout"] = True
        result.setdefault("error", f"stopped after {time.monotonic() - start:.0f} s")
    elif proc.returncode != 0 or not answers:
        tail = ("".join(err).strip().splitlines() or ["no output"])[-1]
        result.setdefault("error", f"worker {task['task']} failed: {tail}")
    return result


def _kill_group(proc: subprocess.Popen) -> None:
    import signal

    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):
        if proc.poll() is None:
            proc.kill()


def _warm_file(path: Path) -> None:
    """Read a file once so every round starts with it in the page cache."""
    with open(path, "rb") as handle:
        while handle.read(1 << 24):
            pass


# -- the benchmark ---------------------------------------------------------------


def _environment() -> dict:
    from importlib import metadata

    versions = {}
    for package in ("pactgraph", "pyoxigraph", "rdflib", "spacy", "networkx", "pyspark"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count()
    memory = None
    try:
        memory = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30, 1)
    except (ValueError, OSError, AttributeError):
        pass
    return {"python": platform.python_version(), "machine": platform.machine(), "system": platform.system(),
            "cores": cores, "memory_gib": memory, "versions": versions,
            "date": time.strftime("%Y-%m-%d %H:%M", time.localtime())}


def _stat_of_runs(runs: list[dict], key: str = "seconds", scale: Callable[[float], float] = lambda s: s) -> Stat:
    errors = [r["error"] for r in runs if "error" in r]
    values = [scale(r[key]) for r in runs if key in r]
    rss = max((r["rss_mb"] for r in runs if r.get("rss_mb") is not None), default=None)
    return Stat.of(values, rss, errors[0] if errors and not values else "")


def _alternate(tasks: list[tuple[str, dict]], rounds: int, timeout: float | None,
               progress: Callable[[str], None]) -> dict[str, list[dict]]:
    """Run each (label, task) ``rounds`` times, alternating between them."""
    out: dict[str, list[dict]] = {label: [] for label, _ in tasks}
    for r in range(rounds):
        for label, task in tasks:
            progress(f"{label} (round {r + 1}/{rounds})")
            out[label].append(_run_worker(task, timeout))
    return out


def _query_params(named) -> dict[str, str]:
    return {k: str(v) for k, v in (named.example or {}).items()}


def run_bench(config: BenchConfig | None = None, progress: Callable[[str], None] | None = None,
              command: str = "pactgraph bench") -> BenchReport:
    """Run the benchmarks of ``config``; ``progress`` receives a line before each step."""
    from .queries import list_queries
    from .synthetic import format_size, graph_cache_key, write_corpus, write_graph

    config = config or BenchConfig()
    progress = progress or (lambda line: None)
    began = time.perf_counter()
    data = Path(config.data_dir)
    data.mkdir(parents=True, exist_ok=True)
    scratch = data / f"scratch-{os.getpid()}"
    report = BenchReport(command, {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(config).items()},
                         _environment())
    rows = report.rows
    try:
        rows += _bench_startup(config, progress)
        for n in config.docs:
            corpus = write_corpus(data / f"corpus-{n}-s{config.seed}", n, config.seed)
            rows += _bench_text(config, corpus, scratch, progress)
        named = [q for q in list_queries() if config.queries is None or q.name in config.queries]
        for size in config.sizes:
            label = format_size(size)
            path = data / graph_cache_key(size, config.seed)
            if not path.exists():
                progress(f"generating the {label} synthetic graph into {path}")
                write_graph(path, size, config.seed)
            meta = json.loads(path.with_name(path.name + ".json").read_text())
            nt_path = None
            if size <= config.insert_max:
                nt_path = data / graph_cache_key(size, config.seed, ".nt")
                if not nt_path.exists():
                    write_graph(nt_path, size, config.seed, n_triples=True)
            rows += _bench_size(config, label, path, nt_path, meta["quads"], named, scratch, progress)
        report.growth = fit_growth(rows)
    finally:
        if not config.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    report.seconds = time.perf_counter() - began
    return report


def _bench_startup(config: BenchConfig, progress) -> list[Row]:
    progress("start-up time of pactgraph --help")
    exe = Path(sys.executable).with_name("pactgraph")
    cmd = [str(exe), "--help"] if exe.exists() else [sys.executable, "-m", "pactgraph.cli", "--help"]
    ours, bare = [], []
    for _ in range(max(config.rounds, 5)):
        for target, argv in ((ours, cmd), (bare, [sys.executable, "-c", "pass"])):
            start = time.perf_counter()
            subprocess.run(argv, capture_output=True, check=False)
            target.append(time.perf_counter() - start)
    return [Row("startup", "pactgraph --help", "-", "s", Stat.of(ours), "python -c pass", Stat.of(bare),
                "absolute", TARGETS["startup"][1])]


def _bench_text(config: BenchConfig, corpus, scratch: Path, progress) -> list[Row]:
    files = [str(p) for p in corpus.paths]
    kb = corpus.bytes / 1000
    size = f"{len(files)} docs ({kb:,.0f} KB)"
    tasks = [("text ingest: pactgraph", {"task": "text_ingest", "files": files, "store": str(scratch / "text")}),
             ("text ingest: bare spaCy", {"task": "spacy", "files": files})]
    parallel = config.workers > 1
    if parallel:
        tasks.append((f"text ingest: pactgraph, {config.workers} workers",
                      {"task": "text_ingest", "files": files, "store": str(scratch / "text-n"),
                       "workers": config.workers}))
    runs = _alternate(tasks, config.rounds, None, progress)
    rate = lambda s: kb / s  # noqa: E731 - one process: KB/s per core
    one = _stat_of_runs(runs["text ingest: pactgraph"], scale=rate)
    rows = [Row("text-ingest", "text ingest (ingest_paths, 1 process)", size, "KB/s per core", one,
                "spaCy blank('en') + sentencizer", _stat_of_runs(runs["text ingest: bare spaCy"], scale=rate),
                "rate", TARGETS["text-ingest"][1], "≥ 200 KB/s per core")]
    if parallel:
        n = config.workers
        rows.append(Row("parallel-ingest", f"text ingest (ingest_paths, workers={n})", size, "KB/s",
                        _stat_of_runs(runs[f"text ingest: pactgraph, {n} workers"], scale=rate), "workers=1", one,
                        "rate", TARGETS["parallel-ingest"][1]))
    return rows


def _bench_size(config: BenchConfig, label: str, path: Path, nt_path: Path | None, quads: int, named,
                scratch: Path, progress) -> list[Row]:
    from .synthetic import parse_size

    nominal = parse_size(label)
    rows: list[Row] = []
    _warm_file(path)
    rate = lambda s: quads / s  # noqa: E731
    tasks = [("RDF ingest: raw bulk_load", {"task": "bulk_load", "file": str(path), "store": str(scratch / "raw")}),
             ("RDF ingest: pactgraph bulk", {"task": "rdf_ingest", "path": "bulk", "file": str(path),
                                              "store": str(scratch / "bulk")})]
    runs = _alternate(tasks, config.rounds, None, progress)
    raw = _stat_of_runs(runs["RDF ingest: raw bulk_load"], scale=rate)
    rows.append(Row("rdf-ingest", "RDF ingest (bulk_ingest_rdf)", label, "triples/s",
                    _stat_of_runs(runs["RDF ingest: pactgraph bulk"], scale=rate), "pyoxigraph bulk_load", raw,
                    "rate", TARGETS["rdf-ingest"][1]))
    if nt_path is not None:
        # The front door lets a file write only its own source graph: time it on the same triples as N-Triples.
        # pactgraph stores them in the file's source graph, which costs pyoxigraph itself about 1.6 times a load
        # into the default graph (six indexes instead of three): the target row compares like with like, the
        # next row shows the figure against the default-graph load as well.
        from .namespaces import ID, slugify

        _warm_file(nt_path)
        source_graph = f"{ID}source/{slugify(nt_path.stem)}"
        runs = _alternate([
            ("RDF ingest .nt: raw bulk_load", {"task": "bulk_load", "file": str(nt_path), "store": str(scratch / "raw")}),
            ("RDF ingest .nt: raw bulk_load to_graph", {"task": "bulk_load", "file": str(nt_path),
                                                        "store": str(scratch / "raw"), "to_graph": source_graph}),
            ("RDF ingest .nt: pactgraph ingest", {"task": "rdf_ingest", "path": "ingest", "file": str(nt_path),
                                                  "store": str(scratch / "insert")}),
        ], config.rounds, None, progress)
        ours = _stat_of_runs(runs["RDF ingest .nt: pactgraph ingest"], scale=rate)
        rows.append(Row("rdf-ingest", "RDF ingest (KnowledgeGraph.ingest, .nt, streamed)", label, "triples/s", ours,
                        "pyoxigraph bulk_load into the source graph (to_graph=)",
                        _stat_of_runs(runs["RDF ingest .nt: raw bulk_load to_graph"], scale=rate), "rate",
                        TARGETS["rdf-ingest"][1]))
        rows.append(Row("rdf-ingest", "RDF ingest (KnowledgeGraph.ingest, .nt) vs default graph", label,
                        "triples/s", ours, "pyoxigraph bulk_load into the default graph",
                        _stat_of_runs(runs["RDF ingest .nt: raw bulk_load"], scale=rate), "rate", None))
    store = scratch / "bulk"  # the last library round's store: what the queries run on
    timeout = config.query_timeout
    lib_stats: dict[str, Stat] = {}
    for query in named:
        params = _query_params(query)
        stats = {}
        for engine in ("raw", "library"):
            if engine == "library" and stats["raw"].note.startswith(">"):
                stats[engine] = Stat(note=f">{timeout:g} s (not run: raw pyoxigraph timed out)")
                continue
            progress(f"{label}: query {query.name} ({engine})")
            result = _run_worker({"task": "query", "engine": engine, "store": str(store), "name": query.name,
                                  "params": params, "rounds": config.rounds, "budget": config.query_budget},
                                 timeout=timeout + config.query_budget, first_timeout=timeout)
            if result.get("timeout") and not result.get("times"):
                stats[engine] = Stat(note=f">{timeout:g} s")
            else:
                stats[engine] = Stat.of([t * 1000 for t in result.get("times", [])], result.get("rss_mb"),
                                        result.get("error", ""))
        lib_stats[query.name] = stats["library"]
        rows.append(Row("query-raw", f"query {query.name}", label, "ms", stats["library"], "raw pyoxigraph",
                        stats["raw"], "time", TARGETS["query-raw"][1]))
    progress(f"{label}: actor projection")
    proj = _run_worker({"task": "projection", "store": str(store), "rounds": config.rounds,
                        "budget": config.query_budget * 2}, timeout=timeout * 6)
    proj_stat = Stat.of(proj.get("times", []), proj.get("rss_mb"), proj.get("error", ""))
    rdflib_rows: list[Row] = []
    if nominal <= config.rdflib_max:
        progress(f"{label}: rdflib (parse, {len(named)} queries, networkx conversion)")
        budget = quads / 20_000 + len(named) * (timeout + config.query_budget) + timeout * 6 + 60
        res = _run_worker({"task": "rdflib", "file": str(path), "rounds": config.rounds, "budget": config.query_budget,
                           "timeout": timeout, "projection": True,
                           "queries": [(q.name, _query_params(q)) for q in named]}, timeout=budget)
        if "parse" in res:
            rows.append(Row("rdf-ingest", "rdflib Dataset.parse (in memory)", label, "triples/s",
                            Stat.of([quads / res["parse"]["seconds"]], res["parse"]["rss_mb"]),
                            "pyoxigraph bulk_load", raw, "rate", None))
        for query in named:
            entry = res.get("queries", {}).get(query.name, {"error": res.get("error", "not run")})
            base = Stat(note=f">{entry['timeout']:g} s", rss_mb=entry.get("rss_mb")) if "timeout" in entry else \
                Stat.of([t * 1000 for t in entry.get("times", [])], entry.get("rss_mb"), entry.get("error", ""))
            rdflib_rows.append(Row("query-rdflib", f"query {query.name}", label, "ms", lib_stats[query.name],
                                   "rdflib (in memory)", base, "speedup", TARGETS["query-rdflib"][1]))
        p = res.get("projection", {"error": res.get("error", "not run")})
        base = Stat(note=f">{p['timeout']:g} s", rss_mb=p.get("rss_mb")) if "timeout" in p else \
            Stat.of(p.get("times", []), p.get("rss_mb"), p.get("error", ""))
        rows.append(Row("projection", "actor projection (networkx)", label, "s", proj_stat,
                        "rdflib_to_networkx_multidigraph", base, "speedup", TARGETS["projection"][1]))
    else:
        rows.append(Row("projection", "actor projection (networkx)", label, "s", proj_stat,
                        "rdflib (not loaded at this size)", Stat(), "speedup", None))
    return rows + rdflib_rows


# -- growth ----------------------------------------------------------------------


def _power_fit(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Least-squares fit of ``y = a · x^b`` on logarithms; returns ``(a, b)``."""
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    sxx = sum((x - mx) ** 2 for x in lx)
    b = sum((x - mx) * (y - my) for x, y in zip(lx, ly)) / sxx if sxx else 0.0
    return math.exp(my - b * mx), b


def fit_growth(rows: list[Row]) -> list[dict]:
    """How time and memory grow with size: ``cost = a · size^b`` for every operation measured at 2+ sizes.

    Rates are turned back into seconds first, so ``b`` near 1 means linear growth
    and ``b`` near 0 means a cost that does not depend on size.
    """
    from .synthetic import parse_size

    series: dict[str, list[tuple[float, float | None, float | None]]] = {}
    for row in rows:
        if row.value.median is None or row.group in ("startup", "parallel-ingest"):
            continue
        if row.group == "text-ingest":
            n = float(row.size.split()[0])
            amount = float(row.size.split("(")[1].split()[0].replace(",", ""))  # KB
            seconds = amount / row.value.median
        else:
            try:
                n = float(parse_size(row.size))
            except ValueError:
                continue
            if row.unit == "triples/s":
                seconds = n / row.value.median  # near enough: sizes are within one source of n
            elif row.unit == "ms":
                seconds = row.value.median / 1000
            else:
                seconds = row.value.median
        key = f"{row.name}" if row.group != "query-rdflib" else ""
        if key:
            series.setdefault(key, []).append((n, seconds, row.value.rss_mb))
    out = []
    for name, points in series.items():
        points = sorted(set(points))
        if len({p[0] for p in points}) < 2:
            continue
        xs = [p[0] for p in points]
        entry = {"operation": name, "sizes": xs, "seconds": [p[1] for p in points],
                 "rss_mb": [p[2] for p in points]}
        a, b = _power_fit(xs, [max(p[1], 1e-9) for p in points])
        entry["time_exponent"] = round(b, 2)
        if all(p[2] for p in points):
            _, c = _power_fit(xs, [p[2] for p in points])
            entry["memory_exponent"] = round(c, 2)
        out.append(entry)
    return out


# -- rendering -------------------------------------------------------------------


def _num(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit in ("triples/s",):
        return f"{value / 1000:,.0f}k" if value >= 10_000 else f"{value:,.0f}"
    if unit == "s":
        return f"{value:.2f}" if value < 10 else f"{value:.1f}"
    if unit == "ms":
        return f"{value:.1f}" if value < 100 else f"{value:,.0f}"
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def _cell(stat: Stat, unit: str) -> str:
    if stat.median is None:
        note = stat.note or "–"
        return note if len(note) <= 48 else note[:47] + "…"
    text = _num(stat.median, unit)
    if stat.runs > 1:
        text += f" [{_num(stat.low, unit)}–{_num(stat.high, unit)}]"
    return text


def _ratio_cell(row: Row) -> str:
    ratio = row.ratio
    if row.compare == "absolute":
        return ""
    if ratio is None:
        bound = row.speedup_bound
        if bound is not None:
            return f"> {bound:,.1f}× faster"
        if row.compare == "speedup" and row.value.note.startswith(">") and row.baseline.median:
            ours = float(row.value.note[1:].split()[0]) * (1000 if row.unit == "ms" else 1)
            return f"> {ours / row.baseline.median:,.1f}× slower"
        return "–"
    if row.compare == "speedup":
        if ratio < 1:
            return f"{1 / ratio:,.1f}× slower"
        return f"{ratio:,.1f}× faster" if ratio < 100 else f"{ratio:,.0f}× faster"
    return f"{ratio:.2f}×"


def _target_cell(row: Row) -> str:
    if row.target is None:
        return ""
    sign = {"rate": "≥", "time": "≤", "speedup": "≥", "absolute": "<"}[row.compare]
    unit = " s" if row.compare == "absolute" else "×"
    text = f"{sign} {row.target:g}{unit}"
    if row.extra_target:
        text += f", {row.extra_target}"
    meets = row.meets
    if row.extra_target and row.value.median is not None and "KB/s" in row.extra_target:
        meets = (meets is not False) and row.value.median >= 200
    return text + ("" if meets is None else (" ✓" if meets else " ✗"))


def _rss(row: Row) -> str:
    a, b = row.value.rss_mb, row.baseline.rss_mb
    fmt = lambda v: "–" if v is None else f"{v:,.0f}"  # noqa: E731
    return f"{fmt(a)} / {fmt(b)}"


_HEADERS = ("operation", "size", "pactgraph", "baseline", "vs baseline", "target", "peak RSS MiB (ours / base)")


def _table_rows(report: BenchReport) -> list[tuple[str, ...]]:
    out = []
    for row in report.rows:
        ours = _cell(row.value, row.unit) + (f" {row.unit}" if row.value.median is not None else "")
        out.append((f"{row.name}", row.size, ours,
                    f"{row.baseline_name}: {_cell(row.baseline, row.unit)}" if row.baseline_name else "",
                    _ratio_cell(row), _target_cell(row), _rss(row)))
    return out


def _growth_lines(report: BenchReport) -> list[str]:
    from .synthetic import format_size

    lines = []
    for g in report.growth:
        sizes = ", ".join(format_size(int(x)) for x in g["sizes"])
        secs = ", ".join(f"{s:.3g}" for s in g["seconds"])
        mem = ", ".join("–" if m is None else f"{m:,.0f}" for m in g["rss_mb"])
        line = f"{g['operation']}: sizes {sizes} → seconds {secs} (time ∝ n^{g['time_exponent']})" \
               f"; peak RSS MiB {mem}"
        if "memory_exponent" in g:
            line += f" (∝ n^{g['memory_exponent']})"
        lines.append(line)
    return lines


def _environment_line(report: BenchReport) -> str:
    env = report.environment
    versions = ", ".join(f"{k} {v}" for k, v in env.get("versions", {}).items())
    return (f"{env.get('date')} · {env.get('system')} {env.get('machine')}, {env.get('cores')} cores, "
            f"{env.get('memory_gib')} GiB · Python {env.get('python')} · {versions}")


def render_table(report: BenchReport) -> str:
    """A plain-text table of the report, for a terminal."""
    rows = _table_rows(report)
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(_HEADERS)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    out = [line(_HEADERS), line(["-" * w for w in widths])] + [line(r) for r in rows]
    growth = _growth_lines(report)
    if growth:
        out += ["", "growth with size (fitted cost = a·n^b):"] + [f"  {g}" for g in growth]
    out += ["", _environment_line(report), f"{report.command}  ({report.seconds:.0f} s)"]
    return "\n".join(out)


def render_markdown(report: BenchReport) -> str:
    """The report as a Markdown table (for the README)."""
    esc = lambda s: s.replace("|", "\\|")  # noqa: E731
    out = ["| " + " | ".join(_HEADERS) + " |", "|" + "---|" * len(_HEADERS)]
    out += ["| " + " | ".join(esc(c) for c in r) + " |" for r in _table_rows(report)]
    growth = _growth_lines(report)
    if growth:
        out += ["", "Growth with size (least-squares fit of cost = a·n^b on the sizes above):", ""]
        out += [f"- {g}" for g in growth]
    out += ["", f"Measured {_environment_line(report)}, with `{report.command}` ({report.seconds:.0f} s)."]
    return "\n".join(out) + "\n"
