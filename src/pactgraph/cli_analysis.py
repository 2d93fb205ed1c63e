"""``pactgraph analyze``, ``export`` and ``plot``: the command-line face of the analyses.

Each command opens the store read-only, builds one projection, makes one
library call and formats the result; networkx, matplotlib and rdflib are
imported only when a command runs.
"""

from __future__ import annotations

from pathlib import Path

import click

from .cli import command, format_option, store_option

__all__ = ["register"]

PROJECTION_CHOICES = ("actors", "relations", "concepts", "signatories", "memberships")
EXPORT_CHOICES = ("turtle", "ntriples", "nquads", "trig", "jsonld", "graphml", "gexf", "cytoscape", "dot", "csv",
                  "neo4j", "d3")


def _projection_option(default: str):
    return click.option("--projection", type=click.Choice(PROJECTION_CHOICES), default=default, show_default=True,
                        help="Which graph to analyse (see 'pactgraph analyze --help').")


def _as_of_option(func):
    return click.option("--as-of", "as_of", default=None, metavar="DATE",
                        help="Only what was valid on DATE (YYYY-MM-DD; a bare year means its last day).")(func)


def _open(store):
    from .knowledge import KnowledgeGraph

    return KnowledgeGraph(store)


def _graph(store, projection: str, as_of):
    from .projections import project

    with _open(store) as kg:
        return project(kg, projection, as_of=as_of)


def _emit(rows: list[dict], fmt: str, empty: str = "(0 rows)") -> None:
    """Print rows: lists joined with '; ' and IRI columns dropped in a table, everything in JSON."""
    from .formats import render_rows

    if fmt == "json":
        click.echo(render_rows(rows, "json"))
        return
    if not rows:
        click.echo(empty)
        return
    shown = []
    for row in rows:
        out = {}
        for key, value in row.items():
            if fmt == "table" and (key.endswith("_node") or key in ("node", "nodes")):
                continue
            out[key] = "; ".join(map(str, value)) if isinstance(value, (list, tuple)) else value
        shown.append(out)
    click.echo(render_rows(shown, fmt))


ANALYZE_HELP = """Answer relationship questions with network analyses.

\b
Projections (--projection):
  actors       actors linked by a shared agreement or pact:partnerOf
  relations    every actor-actor link (adds leads, mandates, contributions, memberships)
  concepts     actors and the values, challenges and areas they share (bipartite)
  signatories  persons linked by the agreements they both signed
  memberships  members and the organizations they belong to
"""


def register(main: click.Group) -> None:
    """Add the ``analyze`` group and the ``export`` and ``plot`` commands to ``main``."""

    @main.group(help=ANALYZE_HELP)
    def analyze():
        pass

    @analyze.command()
    @store_option
    @_projection_option("actors")
    @_as_of_option
    @click.option("--measure", "measures", multiple=True,
                  type=click.Choice(["degree", "betweenness", "eigenvector", "pagerank"]),
                  help="Measures to compute (repeatable; default: all four).")
    @click.option("--sort", default=None, type=click.Choice(["degree", "betweenness", "eigenvector", "pagerank"]),
                  help="Measure to rank by (default: betweenness).")
    @click.option("--top", type=click.IntRange(min=1), default=None, help="Show only the first N actors.")
    @format_option()
    @command
    def centrality(store, projection, as_of, measures, sort, top, fmt):
        """Rank actors by degree, betweenness, eigenvector centrality and PageRank."""
        from .analysis import MEASURES, centrality as run

        G = _graph(store, projection, as_of)
        _emit(run(G, measures=measures or MEASURES, sort=sort, top=top), fmt)

    @analyze.command()
    @store_option
    @_projection_option("actors")
    @_as_of_option
    @click.option("--seed", type=int, default=42, show_default=True, help="Random seed (same seed, same result).")
    @click.option("--resolution", type=float, default=1.0, show_default=True,
                  help="Above 1: smaller communities; below 1: larger ones.")
    @format_option()
    @command
    def communities(store, projection, as_of, seed, resolution, fmt):
        """Find communities of actors with the Louvain method."""
        from .analysis import communities as run

        _emit(run(_graph(store, projection, as_of), seed=seed, resolution=resolution), fmt)

    @analyze.command()
    @click.argument("source")
    @click.argument("target")
    @store_option
    @_projection_option("relations")
    @_as_of_option
    @click.option("--max-paths", type=click.IntRange(min=1), default=3, show_default=True,
                  help="Shortest paths to show at most.")
    @format_option()
    @command
    def connect(source, target, store, projection, as_of, max_paths, fmt):
        """What connects SOURCE and TARGET: shortest paths, each hop with its agreement or relation and a quote.

        Actors are given by name, acronym, Wikidata QID or ISO code, e.g.
        'pactgraph analyze connect Japan Afghanistan'.
        """
        from .analysis import connect as run

        rows = run(_graph(store, projection, as_of), source, target, max_paths=max_paths)
        _emit(rows, fmt, empty=f"no path between {source} and {target} in the {projection} projection")

    @analyze.command()
    @click.argument("actor", required=False)
    @store_option
    @_as_of_option
    @click.option("--by", "by", type=click.Choice(["values", "challenges", "areas", "all"]), default="all",
                  show_default=True, help="Which portfolio to compare.")
    @click.option("--metric", type=click.Choice(["jaccard", "cosine"]), default="jaccard", show_default=True,
                  help="Jaccard on sets of concepts, or cosine on their weights.")
    @click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Pairs to show.")
    @format_option()
    @command
    def similar(actor, store, as_of, by, metric, top, fmt):
        """Actors whose value, challenge or area portfolios are most alike (to ACTOR, or any pair)."""
        from .analysis import similar as run

        kinds = None if by == "all" else [by.rstrip("s")]
        _emit(run(_graph(store, "concepts", as_of), actor, metric=metric, kinds=kinds, top=top), fmt)

    @analyze.command()
    @click.argument("actor")
    @store_option
    @_projection_option("actors")
    @_as_of_option
    @click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True, help="Hops from ACTOR.")
    @format_option()
    @command
    def ego(actor, store, projection, as_of, depth, fmt):
        """The network around ACTOR: every link within --depth hops."""
        from .analysis import ego_network, ego_rows

        _emit(ego_rows(ego_network(_graph(store, projection, as_of), actor, depth)), fmt)

    @analyze.command()
    @click.argument("actor", required=False)
    @store_option
    @_projection_option("actors")
    @click.option("--from", "start", type=int, default=None, metavar="YEAR", help="First year.")
    @click.option("--to", "end", type=int, default=None, metavar="YEAR", help="Last year.")
    @format_option()
    @command
    def growth(actor, store, projection, start, end, fmt):
        """How the network (or ACTOR's partners) grew year by year."""
        from .analysis import growth as run

        _emit(run(_graph(store, projection, None), actor, start=start, end=end), fmt)

    @main.command(name="export")
    @click.argument("fmt", metavar="FORMAT", type=click.Choice(EXPORT_CHOICES))
    @click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
                  help="File to write (for csv and neo4j: NAME.csv gives NAME-nodes.csv and NAME-edges.csv).")
    @store_option
    @click.option("--projection", type=click.Choice(PROJECTION_CHOICES), default=None,
                  help="Graph formats: which projection to write (default: actors).")
    @_as_of_option
    @command
    def export_(fmt, output, store, projection, as_of):
        """Write the graph for other tools.

        \b
        RDF: turtle, ntriples, nquads, trig, jsonld (the whole store).
        Graph software (a projection): graphml (yEd, Gephi), gexf (Gephi, with
        time intervals), cytoscape (Cytoscape.js), dot (Graphviz), csv (Gephi
        spreadsheet import), neo4j (neo4j-admin import), d3 (node-link JSON).
        """
        from .export import export

        with _open(store) as kg:
            written = export(kg, fmt, output, projection=projection, as_of=as_of)
        for path in written:
            click.echo(f"wrote {path}")

    @main.command()
    @click.option("-o", "--output", "outputs", type=click.Path(path_type=Path), multiple=True,
                  help="Image file, .png, .svg or .pdf (repeatable; default: partnerships.png and .svg).")
    @store_option
    @_projection_option("actors")
    @_as_of_option
    @click.option("--actor", default=None, help="Draw this actor's ego network instead of the whole graph.")
    @click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True,
                  help="Hops around --actor.")
    @click.option("--color-by", "color_by", type=click.Choice(["type", "community"]), default="type",
                  show_default=True, help="Colour nodes by type or by Louvain community.")
    @click.option("--title", default=None, help="Title above the picture.")
    @click.option("--seed", type=int, default=7, show_default=True, help="Layout seed.")
    @command
    def plot(outputs, store, projection, as_of, actor, depth, color_by, title, seed):
        """Draw the partnership network, or an actor's ego network, to PNG and SVG (needs matplotlib)."""
        from .plot import plot_graph

        G = _graph(store, projection, as_of)
        if actor:
            from .analysis import ego_network

            G = ego_network(G, actor, depth)
        paths = list(outputs) or [Path("partnerships.png"), Path("partnerships.svg")]
        for path in plot_graph(G, paths, color_by=color_by, title=title, seed=seed):
            click.echo(f"wrote {path}")
