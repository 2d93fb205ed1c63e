"""Dates as diplomatic texts write them: "2 April 2014", "April 2, 2014", "5 Sept. 2016", "23/05/2018"."""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["find_dates", "find_relative_dates", "find_yearless_dates", "month_number"]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
# the year of a date written in full, back to the treaties of the Middle Ages ("March 20, 1833"); a bare year
# is read from 1900 on only (_YEAR: "1800 troops" is a number), and four digits before 1900 that a time's unit or a
# plural follows are a time of day or a count ("on 10 May 1700 hrs", "on 15 March 1200 soldiers crossed")
_YEAR_FROM_1000 = r"(?:(?:19|20)\d{2}|1[0-8]\d{2}(?!\s*(?:hours|hrs?|h|GMT|UTC|personnel|people|men)\b" \
    r"|(?-i:\s+(?!(?:was|has|is|as|his|its|this|thus)\b)[a-z]+s\b)))"
_FULL_YEAR = r"(?P<year>" + _YEAR_FROM_1000 + r")"
_DAY_FIRST = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+" + _FULL_YEAR + r"\b", re.I)
_MONTH_FIRST = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _FULL_YEAR + r"\b", re.I)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
# Day first, as datelines outside the United States write it: 23/05/2018, 23.05.2018
_NUMERIC = re.compile(r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>(?:19|20)\d{2})\b")


def month_number(word: str) -> int | None:
    """The month a word names ("April", "Sept"), else ``None``."""
    return _MONTHS.get(word.lower().rstrip("."))


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, iso_date)`` for each full date written in ``text``.

    Examples
    --------
    >>> [d for _, _, d in find_dates("signed on 2 April 2014 and on Sept. 5, 2016")]
    ['2014-04-02', '2016-09-05']
    >>> find_dates("Today (3 May 2019)")[0][2]
    '2019-05-03'
    >>> find_dates("Brussels, 23/05/2018")[0][2]
    '2018-05-23'
    """
    found = []
    for pattern in (_DAY_FIRST, _MONTH_FIRST, _ISO, _NUMERIC):
        for match in pattern.finditer(text):
            month = match.group("month")
            month_number = int(month) if month.isdigit() else _MONTHS[month.lower()]
            try:
                date = dt.date(int(match.group("year")), month_number, int(match.group("day")))
            except ValueError:
                continue
            if not any(s <= match.start() < e for s, e, _ in found):
                found.append((match.start(), match.end(), date.isoformat()))
    return sorted(found)


_DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?![\w.]*,?\s+"
                        + _YEAR_FROM_1000 + r"\b)\b", re.I)
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+" + _YEAR_FROM_1000 + r"\b)",
                        re.I)


_SAID_YEAR = re.compile(r",?\s+(?P<which>last|this)\s+year\b", re.I)  # ("31 May last year")
_THAT_YEAR = re.compile(r",?\s+(?:of\s+)?that\s+(?:same\s+)?year\b", re.I)  # ("In 1994 … on 5 December of that year")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_SAID_YEAR_BEFORE = re.compile(r"\b(?P<which>last|this)\s+year,?\s+(?:on\s+)?$", re.I)  # ("Last year, on 18 July")
# a year the text is set in before the date: "In 2024, …", "in the course of 2024: …", "during 2024", "in 2024: …"
_SET_IN_YEAR = re.compile(r"(?:^\s*[Ii]n\s+|\b(?:in\s+the\s+course\s+of|[Dd]uring)\s+|\b[Ii]n\s+(?=(?:19|20)\d{2}\s*:))"
                          r"(?P<year>(?:19|20)\d{2})\b")


def find_yearless_dates(text: str, reference: dt.date) -> list[tuple[int, int, str]]:
    """Dates written without a year ("On 6 October", "on September 12"), in the year of ``reference`` (the
    document's date), or the year before when that would put them after it.

    >>> [d for _, _, d in find_yearless_dates("signed on 6 October in Canberra", dt.date(2025, 11, 3))]
    ['2025-10-06']
    >>> [d for _, _, d in find_yearless_dates("On 20 December the ministers met", dt.date(2025, 1, 15))]
    ['2024-12-20']
    >>> find_yearless_dates("on 6 October 2024", dt.date(2025, 11, 3))
    []

    "last year" or "this year" beside the date names its year:

    >>> [d for _, _, d in find_yearless_dates("On 31 May last year, in Stockholm", dt.date(2025, 10, 9))]
    ['2024-05-31']
    >>> [d for _, _, d in find_yearless_dates("Last year, on 18 July, we signed", dt.date(2025, 6, 1))]
    ['2024-07-18']

    "of that year" takes the year written last before the date:

    >>> [d for _, _, d in find_yearless_dates("In 1994 we signed it on 5 December of that year", dt.date(2025, 6, 1))]
    ['1994-12-05']

    and so does a year the sentence is set in ("In 2024, …", "in the course of 2024", "during 2024", "in 2024: …"):

    >>> [d for _, _, d in find_yearless_dates("each signed one in the course of 2024: the UK on 12 January",
    ...                                       dt.date(2025, 2, 12))]
    ['2024-01-12']
    >>> [d for _, _, d in find_yearless_dates("each signed one in 2024: on 12 January the UK", dt.date(2025, 2, 12))]
    ['2024-01-12']
    """
    found = []
    set_in_years = [(m.end(), int(m.group("year"))) for m in _SET_IN_YEAR.finditer(text)]  # (read once, not per date)
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for match in pattern.finditer(text):
            month = _MONTHS[match.group("month").lower()]
            said = _SAID_YEAR.match(text, match.end()) or _SAID_YEAR_BEFORE.search(text, 0, match.start())
            year = reference.year - (said.group("which").lower() == "last") if said else reference.year
            years = _YEAR.findall(text, 0, match.start()) if _THAT_YEAR.match(text, match.end()) else []
            if years:
                year, said = int(years[-1]), True
            set_in = {year for end, year in set_in_years if end <= match.start()}
            if not said and len(set_in) == 1 and min(set_in) <= reference.year:
                year, said = min(set_in), True  # ("had each concluded one in the course of 2024: … on 12 January")
            try:
                date = dt.date(year, month, int(match.group("day")))
            except ValueError:
                continue
            if date > reference and not said:
                try:
                    date = date.replace(year=reference.year - 1)
                except ValueError:
                    continue
            if not any(s <= match.start() < e for s, e, _ in found):
                found.append((match.start(), match.end(), date.isoformat()))
    return sorted(found)


_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
# "on Monday", "last Tuesday", "yesterday"; not "on Wednesday (8 October 2025)", whose date is written out
_RELATIVE = re.compile(r"\b(?:(?:[Oo]n|[Ll]ast|[Tt]his\s+past)\s+(?P<weekday>" + "|".join(d.title() for d in _WEEKDAYS)
                       + r")\b(?!\s*(?:\(|,?\s*\d|,?\s*the\s+\d))|(?P<yesterday>\b[Yy]esterday\b))")


def find_relative_dates(text: str, reference: dt.date) -> list[tuple[int, int, str]]:
    """Days named relative to the document's date: "yesterday", a weekday ("on Monday", "last Tuesday"), the last
    such day up to ``reference``, and "seventy-five years ago today".

    >>> [d for _, _, d in find_relative_dates("On Monday the ministers signed it", dt.date(2025, 6, 26))]
    ['2025-06-23']
    >>> [d for _, _, d in find_relative_dates("They met yesterday in Rome", dt.date(2025, 6, 26))]
    ['2025-06-25']
    >>> find_relative_dates("on Wednesday (8 October 2025)", dt.date(2025, 10, 9))
    []
    >>> [d for _, _, d in find_relative_dates("Seventy-five years ago today, they signed", dt.date(2024, 4, 4))]
    ['1949-04-04']
    """
    found = []
    for match in _RELATIVE.finditer(text):
        if match.group("yesterday"):
            date = reference - dt.timedelta(days=1)
        else:
            date = reference - dt.timedelta(days=(reference.weekday() - _WEEKDAYS[match.group("weekday").lower()]) % 7)
        found.append((match.start(), match.end(), date.isoformat()))
    for match in _YEARS_AGO_TODAY.finditer(text):
        years = _count(match.group("count"))
        if years and years < reference.year - 1800:
            day = 28 if (reference.month, reference.day) == (2, 29) else reference.day
            found.append((match.start(), match.end(), reference.replace(year=reference.year - years, day=day).isoformat()))
    return sorted(found)


# "Seventy-five years ago today", "exactly one year ago to the day", "30 years ago today": the same day that many
# years before the document's date (also "seventy five years ago today", without the hyphen)
_YEARS_AGO_TODAY = re.compile(r"\b(?P<count>\d{1,3}|an?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                              r"[-\s]+)?[a-z]+)\s+years?\s+ago\s+(?:today|to\s+the\s+day)\b", re.I)
_UNITS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}


def _count(word: str) -> int | None:
    """The number a count of years is written as: "30", "thirty", "seventy-five", "a" (None for other words)."""
    word = "-".join(word.lower().split())  # ("seventy five": "seventy-five")
    if word.isdigit():
        return int(word)
    tens, _, unit = word.partition("-")
    if unit:
        return _TENS[tens] + _UNITS[unit] if tens in _TENS and unit in _UNITS and _UNITS[unit] < 10 else None
    return _UNITS.get(word) or _TENS.get(word)
