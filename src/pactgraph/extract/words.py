"""Words several rule modules read: the number words of counted groups, the forms of "take" (part), ordinals, the
nouns that head the names of agreements, and the names of the months."""

from __future__ import annotations

__all__ = ["GENRE_NOUNS", "MONTH_NAMES", "NUMBER_WORDS", "ORDINALS", "TAKE", "singular"]

#: "the three countries", "all eight of us", "Contingents from five participating States": the count each word gives.
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12}

#: "take part in", "has taken part in", "took part in".
TAKE = frozenset({"take", "takes", "took", "taking", "taken"})

#: "the thirtieth member", "the first EU-Central Asia summit".
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                      "eleventh", "twelfth", "twentieth", "thirtieth", "thirty-first", "thirty-second", "twenty-eighth",
                      "twenty-seventh"})

#: The nouns that head the name of an agreement of some genre ("the Status of Forces Agreement", "a joint statement").
GENRE_NOUNS = frozenset({"agreement", "treaty", "partnership", "declaration", "memorandum", "programme", "program",
                         "plan", "framework", "protocol", "statement", "accord", "pact", "charter", "convention",
                         "arrangement"})

#: The months, as written (capitalised: "May" the month, not "may").
MONTH_NAMES = frozenset({"January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"})


def singular(word: str) -> str:
    """ "treaties" → "treaty", "accords" → "accord"."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word
