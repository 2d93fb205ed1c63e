"""What the trained models share: a logistic score over binary features, and reading and writing a model as
JSON.

>>> round(logistic({"a": 1.0, "b": -0.5}, 0.25, ["a", "b", "unknown"]), 3)
0.679
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from ..errors import ReferenceDataError

__all__ = ["logistic", "read_model", "summed", "write_model"]

T = TypeVar("T")


def summed(weights: dict[str, float], names: Iterable[str]) -> float:
    """The summed weights of the features ``names`` (a feature without a weight counts 0)."""
    return sum(filter(None, map(weights.get, names)))


def logistic(weights: dict[str, float], intercept: float, names: Iterable[str], extra: float = 0.0) -> float:
    """The probability a logistic model gives a case with the features ``names`` (plus ``extra``, weights summed
    beforehand)."""
    z = intercept + summed(weights, names) + extra
    return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0


def write_model(path: str | Path, data: dict, what: str) -> None:
    """Write a model's ``data`` as JSON, one key per line, so a retrained model's file diffs line by line.

    Raises
    ------
    ReferenceDataError
        If the file cannot be written (the message names ``what``: "pair model", "agreement model").
    """
    try:
        Path(path).write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ReferenceDataError(f"{path}: cannot write {what}: {exc.strerror or exc}") from None


def read_model(path: str | Path, form: str, what: str, parse: Callable[[dict], T]) -> T:
    """Read a model file written by :func:`write_model` whose ``format`` is ``form``, and build it with ``parse``.

    Raises
    ------
    ReferenceDataError
        In one line naming the file and ``what``, if it cannot be read, is not JSON, is not such a model, or
        ``parse`` finds a value missing or wrong (a ``ValueError``, ``KeyError``, ``TypeError`` or
        ``AttributeError``).
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("format") != form:
            raise ValueError(f"not a pactgraph {what}")
        return parse(data)
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ReferenceDataError(f"{path}: cannot read {what}: {exc}") from None
