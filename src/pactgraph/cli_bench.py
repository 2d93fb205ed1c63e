"""``pactgraph bench``: the benchmark suite on synthetic data (see :mod:`pactgraph.bench`).

Nothing heavy is imported until the command runs.
"""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["register"]


def _sizes(text: str, option: str) -> tuple[int, ...]:
    from .errors import ParameterError
    from .synthetic import parse_size

    try:
        values = tuple(parse_size(part) for part in text.split(",") if part.strip())
    except ValueError as exc:
        raise ParameterError(f"{option}: {exc}") from None
    if not values or min(values) <= 0:
        raise ParameterError(f"{option} {text!r}: give one or more positive sizes, e.g. 100k,1M")
    return values


def register(main: click.Group) -> None:
    """Add the ``bench`` command to the ``pactgraph`` group."""
    from .cli import command  # here, not at the top: pactgraph.cli imports this module

    @main.command()
    @click.option("--sizes", default="100k,1M", show_default=True,
                  help="Sizes of the synthetic graphs, in triples (e.g. 100k,1M,10M).")
    @click.option("--docs", default="200", show_default=True,
                  help="Sizes of the synthetic text corpora, in documents (e.g. 100,300,1000).")
    @click.option("--rounds", type=click.IntRange(1, 50), default=3, show_default=True,
                  help="Rounds of each measurement; the table shows the median and min–max.")
    @click.option("--quick", is_flag=True,
                  help="A short run: 100k triples, 50 documents, 1 round, 5 s per query.")
    @click.option("--queries", default=None, help="Only these named queries (comma-separated).")
    @click.option("--timeout", type=click.FloatRange(0.5, 3600), default=10.0, show_default=True,
                  help="Seconds one run of one query may take before it is stopped.")
    @click.option("--rdflib-max", default="1M", show_default=True,
                  help="Largest size rdflib is loaded at (it needs about 1.7 GB of memory per 1M triples).")
    @click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
                  help="Workers for the parallel-ingest figure (when 'pactgraph ingest --workers' exists).")
    @click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                  envvar="PACTGRAPH_BENCH_DIR", show_envvar=True,
                  help="Where synthetic data is generated once and reused (default: <tmp>/pactgraph-bench).")
    @click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="Also write the full report (every round, versions, machine) as JSON.")
    @click.option("--markdown", "md_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="Also write the table as Markdown (for the README).")
    @click.option("--quiet", "-q", is_flag=True, help="No progress lines on stderr.")
    @command
    def bench(sizes, docs, rounds, quick, queries, timeout, rdflib_max, workers, data_dir, json_path, md_path,
              quiet):
        """Measure pactgraph against raw pyoxigraph, rdflib and bare spaCy on synthetic data.

        \b
        text ingest       KB/s per core vs spaCy blank('en') + sentencizer
        RDF ingest        triples/s vs pyoxigraph Store.bulk_load of the same file (into the source graph)
        named queries     latency vs the same SPARQL on raw pyoxigraph and on rdflib
        actor projection  vs rdflib_to_networkx_multidigraph
        start-up          pactgraph --help

        Every operation runs in a fresh process, so each peak RSS is its own.
        The default sizes take a few minutes; 10M triples takes about half an hour.
        """
        import sys

        from .bench import BenchConfig, default_data_dir, render_markdown, render_table, run_bench

        if quick:
            sizes, docs, rounds, timeout = "100k", "50", 1, min(timeout, 5.0)
        config = BenchConfig(
            sizes=_sizes(sizes, "--sizes"), docs=_sizes(docs, "--docs"), rounds=rounds,
            data_dir=data_dir or default_data_dir(), query_timeout=timeout, query_budget=max(timeout * 0.75, 1.0),
            rdflib_max=_sizes(rdflib_max, "--rdflib-max")[0], workers=workers,
            queries=tuple(q.strip() for q in queries.split(",") if q.strip()) if queries else None,
        )
        if config.queries:
            from .queries import load_query

            for name in config.queries:
                load_query(name)  # an unknown name fails here, with the list of known ones
        shown = "pactgraph bench --quick" if quick else f"pactgraph bench --sizes {sizes} --docs {docs} --rounds {rounds}"
        if queries:
            shown += f" --queries {queries}"
        if timeout != 10.0 and not quick:
            shown += f" --timeout {timeout:g}"
        interactive = not quiet and sys.stderr.isatty()

        def progress(line: str) -> None:
            if interactive:
                click.echo(f"· {line}", err=True)

        report = run_bench(config, progress=progress, command=shown)
        click.echo(render_table(report))
        if json_path:
            json_path.write_text(report.to_json() + "\n", encoding="utf-8")
        if md_path:
            md_path.write_text(render_markdown(report), encoding="utf-8")
