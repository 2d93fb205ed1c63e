"""The ``pactgraph`` command line: a thin click layer over the library.

Each command opens the knowledge graph, makes one library call and formats the
result. Library errors become a one-line message on stderr and the error's exit
code; a traceback is shown only with ``--debug``.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from .errors import PactgraphError

__all__ = ["main"]

FORMAT_HELP = "Output format: table (default), json, csv or tsv."


def _fail(message: str, code: int) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def command(func):
    """Wrap a command so library errors print one line and exit with their code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        ctx = click.get_current_context()
        debug = ctx.find_root().params.get("debug", False)
        try:
            return func(*args, **kwargs)
        except PactgraphError as exc:
            if debug:
                raise
            _fail(str(exc), exc.exit_code)
        except BrokenPipeError:  # output piped into `head` and closed: not an error
            sys.stderr.close()
            sys.exit(141)
        except KeyboardInterrupt:
            _fail("interrupted; the store holds the sources committed before", 130)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence for users
            if debug:
                raise
            _fail(f"internal error ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}); "
                  "rerun with --debug for details", 70)

    return wrapper


def store_option(func):
    # A plain string: a folder, or the URL of a SPARQL 1.1 endpoint (click.Path would mangle "http://").
    return click.option("--store", "store", type=str, envvar="PACTGRAPH_STORE", default=None, show_envvar=True,
                        help="Store folder or SPARQL endpoint URL (default: $PACTGRAPH_STORE or "
                             "~/.local/share/pactgraph/store).")(func)


def format_option(choices=("table", "json", "csv", "tsv"), default="table", help_text=FORMAT_HELP):
    def decorate(func):
        return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                            help=help_text)(func)

    return decorate


def _open(store, write=False, create=False):
    from .knowledge import KnowledgeGraph

    return KnowledgeGraph(store, write=write, create=create)


class _OneLineUsage(click.ClickException):
    """A usage error (an unknown option, a value outside a choice, a missing argument) in one line, as library errors
    are, with where to find the command's help."""

    exit_code = 2

    def __init__(self, error: click.UsageError):
        super().__init__(error.format_message())
        self.command_path = error.ctx.command_path if error.ctx is not None else "pactgraph"

    def show(self, file=None) -> None:
        click.echo(f"error: {self.format_message()} (see '{self.command_path} --help')", err=True)


class _Group(click.Group):
    """The ``pactgraph`` group: usage errors of its commands print one line."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            raise _OneLineUsage(error) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.version_option(package_name="pactgraph")
def main(debug: bool) -> None:
    """pactgraph: a knowledge graph of international security partnerships.

    Build the graph from the bundled sources, add your own texts, and ask it
    questions in SPARQL or through named queries. Every extracted fact keeps
    the quote, offsets, speaker and rule it came from.
    """


@main.command()
@store_option
@click.option("--release", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the built graph as sorted N-Quads to this file.")
@command
def build(store, release):
    """Load the ontology, vocabularies, actor register and bundled sources into the store."""
    with _open(store, write=True, create=True) as kg:
        counts = kg.build()
        if release:
            from .release import write_release

            write_release(kg, release)
        stats = kg.stats()
    click.echo(f"built {stats['store']}")
    click.echo(f"  ontology {counts['ontology']} triples, vocabularies {counts['vocabularies']}, "
               f"reference {counts['reference']}")
    click.echo(f"  {counts['sources']} source(s): {counts['statements']} statements, {stats['evidence']} evidence, "
               f"{stats['agreements']} agreement(s), {stats['persons']} person(s)")
    click.echo(f"  {stats['quads']} quads in {stats['graphs']} graphs")
    if release:
        click.echo(f"  release written to {release}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--encoding", default=None, help="Encoding to try when a file is not UTF-8 (e.g. cp1252).")
@click.option("--workers", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes extracting texts: this one and N-1 workers (the store keeps a single writer).")
@click.option("--force", is_flag=True, help="Re-extract files whose content is already in the store.")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="local: this machine's processes; spark: a Spark job (needs the 'spark' extra and Java).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: a line per file; json: the report as JSON.")
@store_option
@command
def ingest(paths, encoding, workers, force, engine, fmt, store):
    """Add texts and RDF files (folders are walked) to the store, each in its own named graph.

    Re-ingesting a changed source replaces it; one whose content is already stored
    is skipped (also a renamed copy). A bad file is reported with a reason code and
    the run goes on; the exit code is non-zero if any file failed. A progress bar
    shows on a terminal.
    """
    from .errors import SourceError
    from .progress import Progress

    if engine == "spark":
        _ingest_with_spark(paths, force, fmt, store)
        return
    bar = Progress(total=0)
    single = len(paths) == 1 and not Path(paths[0]).is_dir()

    def progress(report, done, total):
        bar.total = total
        if fmt == "table" and not (single and report.status == "failed"):
            bar.clear()
            click.echo(report.line_text(), err=report.status == "failed")
        bar.update(done, report.bytes, report.path)

    with _open(store, write=True, create=True) as kg:
        try:
            report = kg.ingest_paths(paths, encoding=encoding, workers=workers, progress=progress, force=force)
        finally:
            bar.clear()
    if fmt == "json":
        click.echo(json.dumps({"files": [f.as_dict() for f in report.files], "ok": report.ok,
                               "skipped": report.skipped, "failed": report.failed}, indent=2, ensure_ascii=False))
    elif not single:
        click.echo(report.summary())
    if report.failed:
        if single:
            error = SourceError(report.files[0].message)
            error.exit_code = 3
            raise error
        raise SourceError(f"{report.failed} of {len(report.files)} file(s) failed")


def _ingest_with_spark(paths, force, fmt, store) -> None:
    from .errors import SourceError
    from .spark import ingest_with_spark

    with _open(store, write=True, create=True) as kg:
        report = ingest_with_spark(kg, paths, force=force)
    if fmt == "json":
        click.echo(json.dumps({"files": [{"path": f.path, "status": f.status, "reason": f.reason, "message": f.message,
                                          "source": f.source, "quads": f.quads} for f in report.files]}, indent=2))
    else:
        for f in report.files:
            detail = f.message or f"{f.reason} {f.source} ({f.quads} quads, {f.statements} statements)"
            click.echo(f"{f.status:8} {f.path}: {detail}", err=f.status == "failed")
        click.echo(report.summary())
    if report.count("failed"):
        raise SourceError(f"{report.count('failed')} of {len(report.files)} file(s) failed")


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "nquads", "trig", "turtle"]), default="json",
              show_default=True, help="json: a readable summary; nquads/trig/turtle: the source's graph.")
@click.option("--encoding", default=None, help="Encoding to try when the file is not UTF-8.")
@click.option("--rules-only", is_flag=True, help="Run the rules alone: leave out the relations the pair model adds (rule "
              "pair-model) and the agreement model's conclusions and parties.")
@command
def extract(path, fmt, encoding, rules_only):
    """Print what a text yields, without storing anything."""
    from .extract import EXTRACTOR_VERSION
    from .extract import extract as run
    from .sources import read_source
    from .summary import summarize

    extraction = run(read_source(path, encoding=encoding), use_model=not rules_only)
    if fmt == "json":
        click.echo(json.dumps(summarize(extraction), indent=2, ensure_ascii=False))
        return
    import pyoxigraph as ox

    from .formats import RDF_FORMATS
    from .namespaces import PREFIXES
    from .rdfmap import extraction_quads

    quads = extraction_quads(extraction, EXTRACTOR_VERSION)
    if fmt == "turtle":
        data = ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads), format=ox.RdfFormat.TURTLE,
                            prefixes=PREFIXES)
    else:
        data = ox.serialize(quads, format=RDF_FORMATS[fmt], prefixes=PREFIXES if fmt == "trig" else None)
    click.echo(data.decode().rstrip("\n"))


@main.command()
@click.argument("source")
@store_option
@command
def remove(source, store):
    """Remove a source (its slug, file name or IRI) and every triple it contributed."""
    with _open(store, write=True) as kg:
        iri = kg.remove(source)
    click.echo(f"removed {iri}")


def guard_options(func):
    """--timeout, --max-rows and --allow-service: the query guard's limits for a command."""
    func = click.option("--allow-service", is_flag=True,
                        help="Allow SERVICE and FROM/FROM NAMED with external IRIs (network requests).")(func)
    func = click.option("--max-rows", type=int, default=10_000, show_default=True,
                        help="Most rows (or triples) returned; a note on stderr says when results were cut.")(func)
    return click.option("--timeout", type=float, default=30.0, show_default=True,
                        help="Seconds a query may run before it is stopped.")(func)


def _check_limits(timeout: float, max_rows: int) -> None:
    from .errors import ParameterError

    if not timeout > 0:
        raise ParameterError(f"--timeout {timeout:g}: give a number of seconds above 0")
    if max_rows < 0:
        raise ParameterError(f"--max-rows {max_rows}: give 0 or more")


def _render_guarded(result, fmt: str) -> str:
    """Render a :class:`pactgraph.guard.GuardedResult` (JSON or N-Triples) with the usual formatters."""
    import io

    import pyoxigraph as ox

    from .formats import render_results

    if result.kind == "construct":
        memory = ox.Store()
        memory.load(result.data, format=ox.RdfFormat.N_TRIPLES)
        return render_results(memory.query("CONSTRUCT WHERE { ?s ?p ?o }"), fmt)
    return render_results(ox.parse_query_results(io.BytesIO(result.data), format=ox.QueryResultsFormat.JSON), fmt)


def _echo_guarded(result, fmt: str, max_rows: int) -> None:
    click.echo(_render_guarded(result, fmt))
    if result.truncated:
        click.echo(f"note: results cut at {max_rows} rows (raise --max-rows to see more)", err=True)


@main.command()
@click.argument("query")
@store_option
@format_option(("table", "json", "csv", "tsv", "turtle", "ntriples", "jsonld", "rdfxml"),
               help_text="table/json/csv/tsv for SELECT and ASK; turtle/ntriples/jsonld/rdfxml for CONSTRUCT.")
@guard_options
@command
def sparql(query, store, fmt, timeout, max_rows, allow_service):
    """Run a SPARQL query (text, or a path to a .rq file) over all graphs.

    The query runs in a worker process under the query guard: it is stopped after
    --timeout seconds, its results are cut at --max-rows, and SERVICE, LOAD and
    FROM with external IRIs are refused unless --allow-service.
    """
    from .errors import QueryError
    from .guard import query_kind

    _check_limits(timeout, max_rows)
    looks_like_path = "{" not in query and "\n" not in query and len(query) < 250
    if query.endswith((".rq", ".sparql")) or (looks_like_path and Path(query).is_file()):
        try:
            query = Path(query).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{query}: cannot read query file: {exc}") from None
    wire = "ntriples" if query_kind(query) == "construct" else "json"
    with _open(store) as kg:
        result = kg.guarded(query, None, wire, timeout=timeout, max_rows=max_rows, allow_service=allow_service)
    _echo_guarded(result, fmt, max_rows)


@main.command()
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="K=V", help="A parameter value, e.g. actor=Japan.")
@click.option("--list", "list_", is_flag=True, help="List the named queries with their parameters.")
@click.option("--examples", is_flag=True, help="Run every named query with its example parameters.")
@store_option
@format_option()
@guard_options
@command
def query(name, params, list_, examples, store, fmt, timeout, max_rows, allow_service):
    """Run a named query from the library (see --list).

    Parameter values are bound as RDF terms, never pasted into the query text.
    """
    from .errors import ParameterError
    from .guard import query_kind
    from .queries import bind_params, list_queries, load_query

    if list_:
        for q in list_queries():
            ps = " ".join(f"--param {p['name']}=<{p.get('type', 'string')}>" for p in q.params)
            click.echo(f"{q.name:28} {q.summary}" + (f"\n{'':28}   {ps}" if ps else ""))
        return
    _check_limits(timeout, max_rows)
    limits = {"timeout": timeout, "max_rows": max_rows, "allow_service": allow_service}
    if examples:
        with _open(store) as kg:
            for q in list_queries():
                args = {k: str(v) for k, v in q.example.items()}
                shown = ", ".join(f"{k}={v}" for k, v in args.items())
                click.echo(f"\n## {q.summary}  [{q.name}{' ' + shown if shown else ''}]")
                wire = "ntriples" if query_kind(q.text) == "construct" else "json"
                _echo_guarded(kg.guarded(q.text, bind_params(q, args), wire, **limits), fmt, max_rows)
        return
    if not name:
        raise ParameterError("give a query name, or --list to see them")
    values = {}
    for item in params:
        if "=" not in item:
            raise ParameterError(f"--param {item!r}: expected NAME=VALUE")
        key, value = item.split("=", 1)
        values[key.strip()] = value
    named = load_query(name)
    substitutions = bind_params(named, values)
    wire = "ntriples" if query_kind(named.text) == "construct" else "json"
    with _open(store) as kg:
        result = kg.guarded(named.text, substitutions, wire, **limits)
    _echo_guarded(result, fmt, max_rows)


@main.command()
@store_option
@command
def validate(store):
    """Check the store against the SHACL shapes and the *-violation.rq checks."""
    with _open(store) as kg:
        report = kg.validate()
    for line in report.lines():
        click.echo(line)
    if not report.conforms:
        sys.exit(9)


@main.command()
@store_option
@click.option("--sources", "show_sources", is_flag=True, help="List the sources in the store.")
@format_option()
@command
def stats(store, show_sources, fmt):
    """Counts of what the store holds."""
    from .formats import render_rows

    with _open(store) as kg:
        if show_sources:
            click.echo(render_rows(kg.sources(), fmt))
            return
        counts = kg.stats()
    if fmt == "table":
        for key, value in counts.items():
            click.echo(f"{key:14} {value}")
    else:
        click.echo(render_rows([counts], fmt))


@main.command()
@click.argument("subject", required=False)
@click.argument("object_", metavar="OBJECT", required=False)
@click.option("--predicate", "-p", default=None, help="Predicate: pact:partnerOf, partnerOf, or a full IRI.")
@store_option
@format_option()
@command
def evidence(subject, object_, predicate, store, fmt):
    """The quotes behind a triple, or behind everything linking two actors.

    SUBJECT and OBJECT are actor names, acronyms, QIDs or IRIs, e.g.
    'pactgraph evidence NATO Japan' or 'pactgraph evidence NATO --predicate leads'.
    """
    from .formats import render_rows

    with _open(store) as kg:
        rows = kg.evidence(subject, predicate, object_)
    click.echo(render_rows(rows, fmt))




# Commands that live in their own modules (analysis, export, serving, benchmarks)
# register themselves on ``main``; each module imports its heavy dependencies lazily.
for _module in ("cli_analysis", "cli_serve", "cli_bench", "cli_evaluate"):
    try:
        __import__(f"pactgraph.{_module}", fromlist=["register"]).register(main)
    except ModuleNotFoundError as _exc:
        if _exc.name != f"pactgraph.{_module}":
            raise

