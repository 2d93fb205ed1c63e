"""Words several rule modules read: the number words of counted groups and the forms of "take" (part)."""

from __future__ import annotations

__all__ = ["NUMBER_WORDS", "ORDINALS", "TAKE"]

#: "the three countries", "all eight of us", "Contingents from five participating States": the count each word gives.
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12}

#: "take part in", "has taken part in", "took part in".
TAKE = frozenset({"take", "takes", "took", "taking", "taken"})

#: "the thirtieth member", "the first EU-Central Asia summit".
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                      "eleventh", "twelfth", "twentieth", "thirtieth", "thirty-first", "thirty-second", "twenty-eighth",
                      "twenty-seventh"})
