"""Every command has help text and appears in the README; the README's commands are real.

The README's "Command reference" is generated from the commands' own help:
``python tests/test_docs.py`` rewrites it, and a test checks it is current.
"""

from __future__ import annotations

import re

import click
import pytest

from pactgraph.cli import main

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "pactgraph"):
    for name, cmd in sorted(group.commands.items()):
        yield f"{prefix} {name}", cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, f"{prefix} {name}")


@pytest.mark.parametrize("path,cmd", list(_commands(main)), ids=lambda v: v if isinstance(v, str) else "")
def test_command_has_help_and_is_documented(path, cmd):
    assert (cmd.help or "").strip(), f"{path} has no help text"
    for param in cmd.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert (param.help or "").strip() or param.is_flag and param.name in ("help",), f"{path} {param.opts} has no help"
    top = " ".join(path.split()[:2])
    assert top in README, f"{top} is not mentioned in README.md"


def test_readme_two_commands_match_ci():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = re.search(r"^python3 -m venv .*pytest$", README, re.M).group(0)
    assert test_command in ci


def render_reference() -> str:
    """The README's command reference, from the click commands (``--store`` is described once)."""
    def leaves(group: click.Group, prefix: str = "pactgraph"):
        for name in sorted(group.commands):
            cmd = group.commands[name]
            if isinstance(cmd, click.Group):
                yield from leaves(cmd, f"{prefix} {name}")
            else:
                yield f"{prefix} {name}", cmd

    out = ["## Command reference", "",
           "Generated from the commands' own `--help` by `python tests/test_docs.py`; a test keeps it current.",
           "Every command also takes `--store` (a store folder or a SPARQL endpoint URL; default",
           "`$PACTGRAPH_STORE` or `~/.local/share/pactgraph/store`).", ""]
    for path, cmd in leaves(main):
        args = " ".join(p.human_readable_name.upper() for p in cmd.params if isinstance(p, click.Argument))
        summary = (cmd.help or "").strip().split("\n\n")[0].replace("\n", " ")
        out.append(f"- **`{path}{(' ' + args) if args else ''}`**: {summary}")
        for param in cmd.params:
            if isinstance(param, click.Option) and not {"--help", "--store"} & set(param.opts):
                names = ", ".join(f"`{o}`" for o in sorted(param.opts, key=len, reverse=True))
                out.append(f"  - {names}: {(param.help or '').strip()}")
    return "\n".join(out) + "\n"


def _readme_reference(text: str) -> str:
    start = text.index("## Command reference")
    end = text.index("\n## ", start + 1) + 1
    return text[start:end]


def test_command_reference_is_current():
    assert _readme_reference(README).strip() == render_reference().strip(), \
        "README's command reference is stale: run python tests/test_docs.py"


if __name__ == "__main__":
    current = _readme_reference(README)
    (ROOT / "README.md").write_text(README.replace(current, render_reference() + "\n"), encoding="utf-8")
