"""``python -m pactgraph``: the command line."""

from pactgraph.cli import main

main()
