"""``pactgraph evaluate DIR``: extraction quality against gold annotations, and extraction speed;
``pactgraph train DIR --out FILE [--model agreements]``: fit a model on gold annotations."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .layouts import LAYOUTS

__all__ = ["register"]


def _table(evaluation, speed, details: bool) -> str:
    lines = [f"{evaluation.folder}: {len(evaluation.documents)} texts", "",
             f"{'category':20} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for category, c in evaluation.totals().items():
        lines.append(f"{category:20} {c.precision:9.3f} {c.recall:7.3f} {c.f1:6.3f} {c.tp:5d} {c.fp:5d} {c.fn:5d}")
    titles, dates = evaluation.ratio("titles"), evaluation.ratio("dates")
    lines.append("")
    lines.append(f"position titles      {titles[0]}/{titles[1]} match leniently")
    lines.append(f"agreement dates      {dates[0]}/{dates[1]} correct (aligned agreements with a gold date)")
    bad = evaluation.bad_quotes
    lines.append(f"evidence quotes      {evaluation.evidence - len(bad)}/{evaluation.evidence} exactly text[charStart:charEnd]")
    for item in bad[:20]:
        lines.append(f"  bad quote: {item}")
    if speed is not None:
        lines.append(f"speed                extraction {speed.extract_rate:.0f} KB/s on one core; bare spaCy tokenization "
                     f"{speed.tokenize_rate:.0f} KB/s; ratio {speed.ratio:.2f} "
                     f"({speed.kilobytes:.1f} KB x {speed.passes} passes)")
    if details:
        for doc in evaluation.documents:
            if not doc.missed and not doc.spurious:
                continue
            lines.append("")
            lines.append(f"## {doc.name}")
            for category in doc.counts:
                for label, items in (("missed", doc.missed.get(category)), ("spurious", doc.spurious.get(category))):
                    if items:
                        lines.append(f"  {category} {label}: {'; '.join(items)}")
    return "\n".join(lines)


def register(main) -> None:
    """Add the ``evaluate`` and ``train`` commands to the ``pactgraph`` group."""
    from .cli import command, format_option

    @main.command()
    @click.argument("folder", type=click.Path(path_type=Path))
    @click.option("--speed/--no-speed", default=True, show_default=True,
                  help="Also time extraction against bare spaCy tokenization of the same texts.")
    @click.option("--seconds", type=click.FloatRange(0.1, 600), default=3.0, show_default=True,
                  help="CPU seconds of extraction to time (rounds repeat until reached).")
    @click.option("--details", is_flag=True, help="List what each text missed and what it found wrongly.")
    @click.option("--rules-only", is_flag=True, help="Score the rules alone, without the pair model's relations and the "
                  "agreement model's conclusions and parties.")
    @click.option("--layout", type=click.Choice(LAYOUTS), default="as-written", show_default=True,
                  help="Rewrite each text first as other tools save it: hard-wrapped, with no-break spaces, two "
                       "spaces after stops, a headline in capitals, without its header, or plain-text (without its "
                       "header, two spaces after stops, hard-wrapped); the gold stays the same. Speed is timed on "
                       "the texts as written.")
    @click.option("--min-f1", "min_f1", multiple=True, metavar="CATEGORY=F1",
                  help="Exit with status 1 if a category's F1 is below this (e.g. actors=0.9); repeatable.")
    @format_option(("table", "json"), help_text="table (default) or json.")
    @command
    def evaluate(folder, speed, seconds, details, rules_only, layout, min_f1, fmt):
        """Score extraction on FOLDER of NAME.txt + NAME.expected.json pairs.

        Prints precision, recall and F1 per category (actors, persons, positions,
        agreements, agreement parties, concepts, relations), checks that every
        evidence quote equals text[charStart:charEnd], and reports extraction
        speed on one core as KB/s and as a ratio to bare spaCy tokenization.
        """
        from .errors import ParameterError
        from .evaluate import CATEGORIES, evaluate_folder, gold_pairs, measure_speed

        thresholds = {}
        for item in min_f1:
            name, _, value = item.rpartition("=")
            if name not in CATEGORIES:
                raise ParameterError(f"--min-f1 {item!r}: unknown category (one of: {', '.join(CATEGORIES)})")
            try:
                thresholds[name] = float(value)
            except ValueError:
                raise ParameterError(f"--min-f1 {item!r}: {value!r} is not a number") from None
        evaluation = evaluate_folder(folder, use_model=not rules_only, layout=layout)
        timing = measure_speed([t for t, _ in gold_pairs(folder)], seconds) if speed else None
        if fmt == "json":
            data = evaluation.as_dict()
            data["layout"] = layout
            if timing is not None:
                data["speed"] = timing.as_dict()
            click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            click.echo(_table(evaluation, timing, details))
        totals = evaluation.totals()
        failed = [f"{c} F1 {totals[c].f1:.3f} < {t}" for c, t in thresholds.items() if totals[c].f1 < t]
        if evaluation.bad_quotes:
            failed.append(f"{len(evaluation.bad_quotes)} evidence quote(s) differ from the text")
        if failed:
            click.echo("below target: " + "; ".join(failed), err=True)
            sys.exit(1)

    @main.command()
    @click.argument("folders", nargs=-1, required=True, type=click.Path(path_type=Path))
    @click.option("--out", "out", required=True, type=click.Path(path_type=Path, dir_okay=False),
                  help="Where to write the model (JSON).")
    @click.option("--model", "which", type=click.Choice(["pairs", "agreements"]), default="pairs", show_default=True,
                  help="pairs: the relations between two actors of a sentence; agreements: agreements' "
                       "conclusion and parties.")
    @click.option("--regularization", type=float, default=0.3, show_default=True,
                  help="Inverse strength of the L2 penalty (scikit-learn's C).")
    @click.option("--threshold", "thresholds", multiple=True, metavar="NAME=SCORE",
                  help="Score at or above which the model says yes (repeatable). For pairs NAME is a relation "
                       "(replaces the defaults contributesTo, leads, mandatedBy, memberOf = 0.6); for agreements "
                       "it is concluded (default 0.5) or party (default 0.3).")
    @command
    def train(folders, out, which, regularization, thresholds):
        """Train a model on gold FOLDERS and write it to --out.

        The pair model: every pair of actors named in one sentence of a gold
        text is an example, labelled by whether its gold annotation relates
        them. The agreement model: every agreement mention (is it a concluded
        agreement of the gold?) and every candidate party of an agreement
        aligned with the gold (does the gold list it?). The extractor reads the
        shipped models in src/pactgraph/extract/; retrain them with:
        pactgraph train tests/devset --out src/pactgraph/extract/pair_model.json
        and pactgraph train tests/devset --model agreements --out
        src/pactgraph/extract/agreement_model.json. Needs scikit-learn
        (pip install 'pactgraph[train]').
        """
        from .errors import ParameterError
        from .training import train_agreement_model, train_pair_model

        chosen = {}
        for item in thresholds:
            name, _, value = item.rpartition("=")
            try:
                chosen[name] = float(value)
            except ValueError:
                raise ParameterError(f"--threshold {item!r}: {value!r} is not a number") from None
        if which == "agreements":
            model = train_agreement_model(folders, regularization, chosen or None)
            model.save(out)
            info = model.info
            click.echo(f"{out}: {len(model.concluded.weights)} + {len(model.party.weights)} weights from "
                       f"{info['concluded']['examples']} mentions ({info['concluded']['positive']} concluded) and "
                       f"{info['party']['examples']} candidate parties ({info['party']['positive']} parties) "
                       f"in {info['texts']} texts")
            return
        model = train_pair_model(folders, regularization, chosen or None)
        model.save(out)
        info = model.info
        click.echo(f"{out}: {len(model.weights)} weights from {info['examples']} pairs "
                   f"({info['related']} related) in {info['texts']} texts")
