#!/bin/sh
# The measurement behind the README's performance section: three graph sizes and
# three corpus sizes, so the growth of time and memory can be fitted.
# About 40 minutes and 2.5 GB of disk on 2 cores; the synthetic data is generated
# once into $PACTGRAPH_BENCH_DIR (default: /tmp/pactgraph-bench) and reused.
set -eu
out="${1:-bench-results}"
mkdir -p "$out"
pactgraph bench --sizes 100k,1M,10M --docs 100,300,1000 --rounds 3 \
    --json "$out/bench.json" --markdown "$out/bench.md" | tee "$out/bench.txt"
