"""Pictures of a projection: the partnership network, or one actor's ego network.

matplotlib is optional: it is imported only when a picture is drawn, and a
missing matplotlib raises :class:`~pactgraph.errors.PactgraphError` with the
command that installs it. Drawing uses matplotlib's object API (no ``pyplot``
state), so it works in scripts, servers and notebooks alike.

Nodes are sized by degree and coloured by type (state, organization, mission…)
or by Louvain community; edges are drawn solid for a shared agreement and dashed
for a partnership stated without one, thicker with more support. Each connected
component is laid out on its own and the components are packed largest first,
so small groups do not drift to the margins.
"""

from __future__ import annotations

import math
from pathlib import Path

from .errors import PactgraphError, ParameterError

__all__ = ["TYPE_COLOURS", "plot_graph"]

#: Colour of each node type (colour-blind-safe Tableau 10 hues).
TYPE_COLOURS = {
    "State": "#4e79a7",
    "InternationalOrganization": "#f28e2b",
    "InformalGrouping": "#edc948",
    "Mission": "#59a14f",
    "Person": "#b07aa1",
    "PartnershipFramework": "#bab0ac",
    "SharedValue": "#76b7b2",
    "SecurityChallenge": "#e15759",
    "CooperationArea": "#9c755f",
}
_TYPE_NAMES = {"State": "state", "InternationalOrganization": "international organization",
               "InformalGrouping": "informal grouping", "Mission": "mission or operation", "Person": "person", "PartnershipFramework": "partnership framework",
               "SharedValue": "shared value", "SecurityChallenge": "security challenge",
               "CooperationArea": "cooperation area"}
_COMMUNITY_COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#edc948", "#76b7b2", "#ff9da7",
                      "#9c755f", "#bab0ac"]


def _ego_layout(G, centre) -> dict:
    """Concentric rings: the centre, its partners, then theirs; each ring ordered to keep links short."""
    import networkx as nx

    H = G.to_undirected(as_view=True) if G.is_directed() else G
    distance = nx.single_source_shortest_path_length(H, centre)
    rings: dict[int, list] = {}
    for node, d in distance.items():
        rings.setdefault(d, []).append(node)
    positions = {centre: (0.0, 0.0)}
    angle_of = {centre: 0.0}
    for d in sorted(rings)[1:]:
        ring = sorted(rings[d], key=lambda n: str(G.nodes[n].get("label", n)))
        count = len(ring)
        radius = 1.4 * d * max(1.0, count / 14)
        if d == 1:
            angles = {n: 2 * math.pi * i / count for i, n in enumerate(ring)}
        else:
            # Place each node at the (circular) mean angle of its inner neighbours, then push
            # apart nodes that would sit too close together.
            target = {}
            for n in ring:
                inner = [angle_of[q] for q in H[n] if distance.get(q, d) < d]
                target[n] = math.atan2(sum(map(math.sin, inner)), sum(map(math.cos, inner))) % (2 * math.pi)
            ring.sort(key=lambda n: (target[n], str(G.nodes[n].get("label", n))))
            gap = 2 * math.pi / max(count, 3 * d * 6)
            angles, previous = {}, None
            for n in ring:
                angle = target[n] if previous is None else max(target[n], previous + gap)
                angles[n] = previous = angle
        for node, angle in angles.items():
            angle_of[node] = angle
            positions[node] = (radius * math.cos(angle), radius * math.sin(angle))
    return positions


def _spread(positions: dict, gap: float = 0.62, rounds: int = 60) -> dict:
    """Push apart nodes closer than ``gap`` (so dense clusters keep room for their labels)."""
    if len(positions) > 400:
        return positions
    nodes = list(positions)
    pos = {n: list(positions[n]) for n in nodes}
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                dx, dy = pos[b][0] - pos[a][0], pos[b][1] - pos[a][1]
                dist = math.hypot(dx, dy)
                if dist < gap:
                    if dist < 1e-9:
                        dx, dy, dist = 1e-3 * (i + 1), 1e-3, math.hypot(1e-3 * (i + 1), 1e-3)
                    push = (gap - dist) / 2 / dist
                    pos[a][0] -= dx * push
                    pos[a][1] -= dy * push
                    pos[b][0] += dx * push
                    pos[b][1] += dy * push
                    moved = True
        if not moved:
            break
    return {n: tuple(p) for n, p in pos.items()}


def _layout(G, seed: int) -> dict:
    """Spring layout per connected component, components packed in rows, largest first."""
    import networkx as nx

    if G.graph.get("ego") in G:
        return _ego_layout(G, G.graph["ego"])
    H = G.to_undirected(as_view=True) if G.is_directed() else G
    components = sorted(nx.connected_components(H), key=lambda c: (-len(c), min(map(str, c))))
    placed, boxes = {}, []
    for component in components:
        sub = H.subgraph(component)
        if len(component) == 1:
            local = {next(iter(component)): (0.0, 0.0)}
        else:
            local = nx.spring_layout(sub, seed=seed, weight=None, k=2.4 / math.sqrt(len(component)), iterations=300)
        xs = [p[0] for p in local.values()]
        ys = [p[1] for p in local.values()]
        width, height = (max(xs) - min(xs)) or 0.0, (max(ys) - min(ys)) or 0.0
        scale = len(component) ** 0.62 / max(width, height, 1e-9) if len(component) > 1 else 0.0
        scaled = _spread({n: ((x - min(xs)) * scale, (y - min(ys)) * scale) for n, (x, y) in local.items()})
        xs = [p[0] for p in scaled.values()]
        ys = [p[1] for p in scaled.values()]
        boxes.append(({n: (x - min(xs), y - min(ys)) for n, (x, y) in scaled.items()},
                      max(xs) - min(xs), max(ys) - min(ys)))
    # Shelf packing: the largest component first, then rows of smaller ones beneath it.
    row_width = max([b[1] for b in boxes] + [math.sqrt(len(G)) * 1.2])
    x = y = row_height = 0.0
    gap = 0.9
    for positions, width, height in boxes:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y - row_height - gap, 0.0
        for node, (px, py) in positions.items():
            placed[node] = (x + px, y - height + py)
        x += width + gap
        row_height = max(row_height, height)
    return placed


def _short(label: str, width: int = 22) -> str:
    if len(label) <= width:
        return label
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines[:3])


def plot_graph(G, paths, color_by: str = "type", title: str | None = None, seed: int = 7,
               max_labels: int = 60, size: tuple[float, float] | None = None) -> list[Path]:
    """Draw a projection to one or more image files (PNG, SVG or PDF, by suffix).

    Parameters
    ----------
    G : networkx graph
        A projection, or an ego network from :func:`pactgraph.analysis.ego_network`
        (its centre is ringed).
    paths : str, Path or list of them
        Files to write; the suffix picks the format.
    color_by : {"type", "community"}
        Colour nodes by their type, or by Louvain community (seeded, reproducible).
    title : str, optional
        Title above the picture; a subtitle gives the counts and the date.
    seed : int
        Seed of the layout (and of the communities), for pictures that do not move.
    max_labels : int
        Label at most this many nodes, the best connected first.
    size : (width, height), optional
        Figure size in inches; by default it grows with the graph.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    PactgraphError
        If matplotlib is not installed, the graph is empty or a suffix is not supported.
    """
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.lines import Line2D
        from matplotlib.patheffects import withStroke
    except ImportError:
        raise PactgraphError("plotting needs matplotlib, which is not installed (pip install matplotlib)") from None
    if color_by not in ("type", "community"):
        raise ParameterError(f"color_by {color_by!r}: use type or community")
    if len(G) == 0:
        raise PactgraphError("nothing to draw: the graph has no nodes (check --as-of and --projection)")
    paths = [Path(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]
    for path in paths:
        if path.suffix.lower() not in (".png", ".svg", ".pdf"):
            raise ParameterError(f"{path}: use a .png, .svg or .pdf file name")

    positions = _layout(G, seed)
    degree = dict(G.degree())
    centre = G.graph.get("ego")
    label_of = {n: G.nodes[n].get("label") or str(n) for n in G}
    if color_by == "community":
        from .analysis import louvain_partition

        partition = louvain_partition(G, seed=seed)
        colour = {n: _COMMUNITY_COLOURS[partition.get(n, 0) % len(_COMMUNITY_COLOURS)] for n in G}
        groups: dict[int, list] = {}
        for n, c in partition.items():
            groups.setdefault(c, []).append(n)
        legend_nodes = []
        for c in sorted(groups):
            hub = max(groups[c], key=lambda n: (degree[n], label_of[n]))
            legend_nodes.append((_COMMUNITY_COLOURS[c % len(_COMMUNITY_COLOURS)],
                                 f"community {c + 1}: {label_of[hub]} and {len(groups[c]) - 1} more"
                                 if len(groups[c]) > 1 else f"community {c + 1}: {label_of[hub]}"))
    else:
        colour = {n: TYPE_COLOURS.get(G.nodes[n].get("type"), "#bab0ac") for n in G}
        present = sorted({G.nodes[n].get("type") for n in G}, key=lambda t: list(TYPE_COLOURS).index(t)
                         if t in TYPE_COLOURS else 99)
        legend_nodes = [(TYPE_COLOURS.get(t, "#bab0ac"), _TYPE_NAMES.get(t, str(t or "other"))) for t in present]

    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    if size is None:
        width = min(max(8.0, 2.2 * math.sqrt(len(G)) + 4), 22)
        size = (width, min(max(6.0, width * (span_y + 1.2) / (span_x + 1.2)), 18))
    fig = Figure(figsize=size, dpi=150, facecolor="white")
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.02, 0.02, 0.96, 0.80))
    ax.set_axis_off()
    ax.set_aspect("equal", adjustable="datalim")
    pad = 0.6
    ax.set_xlim(min(xs) - pad, max(xs) + pad)
    ax.set_ylim(min(ys) - pad, max(ys) + pad)

    seen_styles = set()
    pairs = {}
    for u, v, data in G.edges(data=True):  # a multigraph's parallel edges are drawn once, thicker
        key = tuple(sorted((str(u), str(v))))
        entry = pairs.setdefault(key, {"u": u, "v": v, "weight": 0, "agreement": False})
        entry["weight"] += data.get("weight", 1) or 1
        entry["agreement"] |= bool(data.get("agreements")) or G.is_multigraph()
    top_weight = max([e["weight"] for e in pairs.values()] + [1])
    for entry in pairs.values():
        (x1, y1), (x2, y2) = positions[entry["u"]], positions[entry["v"]]
        style = "-" if entry["agreement"] else (0, (4, 3))
        seen_styles.add(entry["agreement"])
        ax.plot([x1, x2], [y1, y2], linestyle=style, color="#7f7f7f", alpha=0.75, zorder=1,
                linewidth=0.8 + 2.6 * entry["weight"] / top_weight, solid_capstyle="round")

    top_degree = max(degree.values()) or 1
    sizes = {n: 120 + 900 * (degree[n] / top_degree) ** 0.8 for n in G}
    nodes = list(G)
    ax.scatter([positions[n][0] for n in nodes], [positions[n][1] for n in nodes], s=[sizes[n] for n in nodes],
               c=[colour[n] for n in nodes], edgecolors="white", linewidths=1.2, zorder=2)
    if centre in positions:
        ax.scatter([positions[centre][0]], [positions[centre][1]], s=[sizes[centre] * 1.9], facecolors="none",
                   edgecolors="#333333", linewidths=1.6, zorder=2)
    labelled = sorted(G, key=lambda n: (-degree[n], label_of[n]))[:max_labels]
    halo = [withStroke(linewidth=3, foreground="white")]
    for n in labelled:
        x, y = positions[n]
        offset = math.sqrt(sizes[n]) / 2 + 3
        ax.annotate(_short(label_of[n]), (x, y), xytext=(0, -offset), textcoords="offset points", ha="center",
                    va="top", fontsize=8.5 if degree[n] < top_degree * 0.5 else 10,
                    fontweight="bold" if n == centre or degree[n] >= top_degree * 0.5 else "normal",
                    color="#222222", path_effects=halo, zorder=3)

    handles = [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=c, markeredgecolor="white",
                      label=text) for c, text in legend_nodes]
    if True in seen_styles:
        handles.append(Line2D([], [], color="#7f7f7f", linewidth=2, label="shared agreement"))
    if False in seen_styles:
        handles.append(Line2D([], [], color="#7f7f7f", linewidth=2, linestyle=(0, (4, 3)), label="stated partnership"))
    # The legend sits in its own band under the title, where it cannot hide a node.
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.015, 0.905), frameon=False, fontsize=9,
               ncol=min(len(handles), 4), handletextpad=0.4, columnspacing=1.6)

    projection = G.graph.get("projection", "graph")
    heading = title or (f"Ego network of {label_of[centre]}" if centre in label_of else f"pactgraph: {projection}")
    as_of = G.graph.get("as_of")
    sub = f"{G.number_of_nodes()} nodes, {len(pairs)} links" + (f" · as of {as_of}" if as_of else "")
    sub += " · node size: number of partners · line width: supporting statements"
    fig.text(0.02, 0.965, heading, fontsize=15, fontweight="bold", color="#222222", va="top")
    fig.text(0.02, 0.925, sub, fontsize=9.5, color="#555555", va="top")
    fig.text(0.98, 0.01, "pactgraph", fontsize=8, color="#999999", ha="right", va="bottom")

    written = []
    for path in paths:
        from .export import _atomic

        with _atomic(path, "wb") as handle:
            fig.savefig(handle, format=path.suffix.lower().lstrip("."), facecolor="white")
        written.append(path)
    return written
