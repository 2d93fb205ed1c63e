"""How much ``pactgraph ingest --workers N`` gains over one process (a benchmark, not a test).

Writes a deterministic synthetic corpus, then ingests it into a fresh store with
``--workers 1`` and ``--workers N`` (alternating, several rounds) through the command
line, as a user would, and prints the medians, min-max, the speedup and the CPU
seconds used. The load average is printed too: on a busy machine the wall-clock
figures mean little.

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


def run_once(corpus: Path, store: Path, workers: int) -> tuple[float, float]:
    """Wall seconds and CPU seconds (all processes) of one ``pactgraph ingest``."""
    shutil.rmtree(store, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pactgraph", "ingest", str(corpus), "--store", str(store),
                    "--workers", str(workers)], check=True, stdout=subprocess.DEVNULL)
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
        results: dict[int, list[tuple[float, float]]] = {1: [], args.workers: []}
        for _ in range(args.rounds):
            for workers in (1, args.workers):
                results[workers].append(run_once(corpus, Path(tmp) / "store", workers))
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        print(f"{'workers':>8} {'median s':>9} {'min-max s':>14} {'KB/s':>8} {'CPU s':>7}")
        medians = {}
        for workers, runs in results.items():
            walls = [w for w, _ in runs]
            medians[workers] = statistics.median(walls)
            print(f"{workers:>8} {medians[workers]:>9.2f} {min(walls):>6.2f}-{max(walls):<7.2f} "
                  f"{info.bytes / 1024 / medians[workers]:>8.0f} {statistics.median(c for _, c in runs):>7.2f}")
        print(f"speedup with {args.workers} workers: {medians[1] / medians[args.workers]:.2f}x (median), "
              f"{min(w for w, _ in results[1]) / min(w for w, _ in results[args.workers]):.2f}x (best)")


if __name__ == "__main__":
    main()
