"""Every command has help text and appears in the README; the README's commands are real."""

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
