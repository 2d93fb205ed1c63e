"""How much ``pactgraph ingest --workers N`` gains over one process (a benchmark, not a test).

Writes a deterministic synthetic corpus, then ingests it into a fresh store through
the command line, as a user would, in three set-ups (alternating, several rounds):

* ``sequential``: one process, extraction and store writes one after the other
  (``PACTGRAPH_WRITER_THREAD=0``, the pipeline without any overlap);
* ``--workers 1``: one process; the store writes run in a thread while the next
  texts are extracted (the default);
* ``--workers N``: N extraction processes, the single writer in the main process.

It prints medians, min-max, KB/s, CPU seconds and the speedups. The load average is
printed too: on a busy machine the wall-clock figures mean little.

    python tests/benchmarks/ingest_workers.py --docs 1500 --rounds 3 --workers 2
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run_once(corpus: Path, store: Path, workers: int, sequential: bool = False) -> tuple[float, float]:
    """Wall seconds and CPU seconds (all processes) of one ``pactgraph ingest``."""
    shutil.rmtree(store, ignore_errors=True)
    env = {**os.environ, "PACTGRAPH_WRITER_THREAD": "0" if sequential else "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pactgraph", "ingest", str(corpus), "--store", str(store),
                    "--workers", str(workers)], check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1500, help="documents in the synthetic corpus")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    from pactgraph.synthetic import write_corpus

    with tempfile.TemporaryDirectory(prefix="pactgraph-workers-") as tmp:
        corpus = Path(tmp) / "corpus"
        info = write_corpus(corpus, args.docs, seed=args.seed)
        (corpus / "facts.jsonl").unlink(missing_ok=True)
        print(f"corpus: {len(info.paths)} texts, {info.bytes / 1024:.0f} KB; cores: {os.cpu_count()}; "
              f"load average before: {os.getloadavg()[0]:.2f}")
        setups = {"sequential": (1, True), "--workers 1": (1, False),
                  f"--workers {args.workers}": (args.workers, False)}
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in setups}
        for _ in range(args.rounds):
            for name, (workers, sequential) in setups.items():
                results[name].append(run_once(corpus, Path(tmp) / "store", workers, sequential))
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        print("| set-up | median s | min-max s | KB/s | CPU s |\n|---|---|---|---|---|")
        medians = {}
        for name, runs in results.items():
            walls = [w for w, _ in runs]
            medians[name] = statistics.median(walls)
            print(f"| {name} | {medians[name]:.2f} | {min(walls):.2f}-{max(walls):.2f} | "
                  f"{info.bytes / 1024 / medians[name]:.0f} | {statistics.median(c for _, c in runs):.2f} |")
        many = f"--workers {args.workers}"
        print(f"speedup of {many}: {medians['--workers 1'] / medians[many]:.2f}x over --workers 1, "
              f"{medians['sequential'] / medians[many]:.2f}x over sequential (medians)")


if __name__ == "__main__":
    main()
