"""Reading source texts: strict decoding, normalization and the metadata header.

A source is a UTF-8 text file. It may begin with a metadata header in YAML
between two ``---`` lines::

    ---
    title: NATO and Japan sign Political Declaration for a stronger partnership
    date: 2013-04-15
    place: Tokyo
    publisher: NATO
    language: en
    ---
    The text itself …

Character offsets recorded as evidence are offsets into the whole decoded,
normalized file (header included), so ``text[charStart:charEnd]`` re-checks a
quote against the file as it is stored.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .dates import find_dates
from .errors import SourceError
from .namespaces import ID, slugify

__all__ = ["HEADER_FIELDS", "MAX_SOURCE_BYTES", "Source", "dateline", "dateline_words", "decode", "looks_like_html",
           "read_source", "source_from_text"]

#: Fields a metadata header may carry, with what each one means.
HEADER_FIELDS: dict[str, str] = {
    "title": "title of the document",
    "date": "date the text was issued or spoken (YYYY-MM-DD)",
    "place": "city where it was issued, signed or spoken",
    "publisher": "organization or government that published it",
    "language": "language code (only 'en' is extracted)",
    "url": "where the text was published",
    "genre": "press-release, joint-declaration, joint-statement, speech, …",
    "speaker": "who speaks, for a speech or statement by one person",
    "id": "slug used in the source IRI (defaults to the file name)",
}

#: Files larger than this are refused as sources (bytes).
MAX_SOURCE_BYTES = 20 * 1024 * 1024

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE | re.DOTALL)


def _error(message: str, reason: str, line: int | None = None, offset: int | None = None) -> SourceError:
    """A :class:`SourceError` carrying a reason code and the line/byte offset it concerns."""
    exc = SourceError(message)
    exc.reason, exc.line, exc.offset = reason, line, offset
    return exc


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts like an HTML page (a saved web page rather than its text)."""
    return _HTML.match(text[:4096]) is not None


@dataclass(slots=True)
class Source:
    """A decoded, normalized source text and its metadata."""

    name: str  # file name or a label for in-memory text
    slug: str
    text: str  # the whole normalized text, header included
    body_start: int  # offset where the body begins
    metadata: dict[str, str] = field(default_factory=dict)
    dateline: tuple[int, int] | None = None  # where in ``text`` the date was read, when no header gave it

    @property
    def iri(self) -> str:
        """IRI of the source; also the name of its graph."""
        return f"{ID}source/{self.slug}"

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @property
    def content_hash(self) -> str:
        """``sha256:`` digest of the normalized text."""
        return "sha256:" + hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def title(self) -> str:
        return self.metadata.get("title", "")

    @property
    def date(self) -> str | None:
        return self.metadata.get("date")


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode ``data`` strictly: a BOM first, then UTF-8, then ``encoding``.

    Raises
    ------
    SourceError
        If the data is empty, binary, or not valid in any allowed encoding.
    """
    if not data.strip():
        raise _error(f"{name}: file is empty", "empty")
    skipped = 0
    if data.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte-order mark: the rest must be UTF-8
        data, skipped, encoding = data[3:], 3, None
    boms = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
            (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")) if not skipped else ()
    for bom, codec in boms:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise _error(f"{name}: byte {exc.start + len(bom)}: invalid {codec} after its byte-order mark",
                             "encoding", offset=exc.start + len(bom)) from None
            if not text.strip():
                raise _error(f"{name}: file is empty", "empty")
            return text
    if b"\x00" in data:
        raise _error(f"{name}: byte {data.index(0) + skipped}: binary file (NUL byte), not a text", "binary",
                     offset=data.index(0) + skipped)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        if encoding is None:
            after = " after its byte-order mark" if skipped else " (give --encoding if the file uses another encoding)"
            raise _error(f"{name}:{line}: byte {exc.start + skipped}: not valid UTF-8{after}",
                         "encoding", line, exc.start + skipped) from None
    try:
        return data.decode(encoding)
    except LookupError:
        raise _error(f"{name}: unknown encoding {encoding!r}", "encoding") from None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _error(f"{name}:{line}: byte {exc.start}: not valid UTF-8, nor {encoding}: {exc.reason}",
                     "encoding", line, exc.start) from None


def _normalize(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.replace("\x85", "\n")
    text = unicodedata.normalize("NFC", text)
    return _CONTROL.sub("", text)


def _parse_header(text: str, name: str) -> tuple[dict[str, str], int]:
    if not text.startswith("---\n"):
        return {}, 0
    end = text.find("\n---", 3)
    while end != -1 and text[end + 4 : end + 5] not in ("\n", ""):
        end = text.find("\n---", end + 4)
    if end == -1:
        raise _error(f"{name}:1: metadata header opened with '---' is never closed", "header", 1)
    import yaml

    raw = text[4 : end + 1]
    try:
        # libyaml's loader where PyYAML was built with it: the same safe loading, four times faster
        data = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) if raw.strip() else {}
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or "invalid YAML"
        data = _flat_header(raw) if "mapping values are not allowed" in problem else None
        if data is None:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            raise _error(f"{name}:{line}: malformed metadata header: {problem}", "header", line) from None
    if not isinstance(data, dict):
        raise _error(f"{name}:2: malformed metadata header: expected 'field: value' lines", "header", 2)
    metadata: dict[str, str] = {}
    lines = raw.split("\n")
    for key, value in data.items():
        line = next((i + 2 for i, ln in enumerate(lines) if ln.startswith(f"{key}:")), 2)
        if key not in HEADER_FIELDS:
            allowed = ", ".join(HEADER_FIELDS)
            raise _error(f"{name}:{line}: unknown header field {key!r} (allowed: {allowed})", "header", line)
        if value is None:
            continue
        if key == "date":
            value = _parse_date(value, name, line)
        elif isinstance(value, (dict, list)):
            raise _error(f"{name}:{line}: header field {key!r} must be a single value", "header", line)
        metadata[key] = str(value).strip()
    body_start = end + 4
    if text[body_start : body_start + 1] == "\n":
        body_start += 1
    return metadata, body_start


_FLAT_FIELD = re.compile(r"([A-Za-z_][\w-]*):[ \t]+(.*)")


def _flat_header(raw: str) -> dict[str, str] | None:
    """A header of one ``field: value`` per line whose value holds ": " unquoted ("title: Annual Report 2024 -
    Chapter IV: Peace Operations"), which YAML refuses: each value is the rest of its line (a trailing " # …" is a
    comment, surrounding quotes are dropped). ``None`` when a line is not of that form."""
    data: dict[str, str] = {}
    for line in raw.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _FLAT_FIELD.fullmatch(line.rstrip())
        if match is None:
            return None
        value = re.sub(r"[ \t]+#.*$", "", match.group(2)).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in {'"', "'"}:
            value = value[1:-1]
        data[match.group(1)] = value
    return data


def _parse_date(value: object, name: str, line: int) -> str:
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    try:
        return _dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise _error(f"{name}:{line}: header field 'date' must be YYYY-MM-DD, got {value!r}", "header", line) from None


def _default_title(body: str) -> str:
    for line in body.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


# words that may come before the date of a dateline ("Issued on 3 March 2024", "Last updated: 12 May 2025")
_DATELINE_WORDS = {"on", "updated", "issued", "published", "posted", "date", "dated", "last", "released", "the"}


def dateline_words(before: str) -> bool:
    """Whether the words before a date let it stand as a dateline: names in capitals or capitalised ("TOKYO, Jan 12
    (Reuters) -", "Brussels, 25 April 2019"), or words that announce a date ("Issued on 3 March 2024").

    >>> dateline_words("TOKYO, "), dateline_words("Last updated: "), dateline_words("The ministers met on ")
    (True, True, False)
    """
    return all(w[0].isupper() or w.lower() in _DATELINE_WORDS for w in re.findall(r"[^\W\d_][\w'’.-]*", before))


def dateline(body: str) -> tuple[str, int, int] | None:
    """The date a text gives itself at its head, for a text whose header gives none, and where it is written (start
    and end offsets in ``body``): the first full date of its first five lines that stands as a dateline ("Brussels,
    25 April 2019", "TOKYO, April 15, 2013 –", "Press release | 12 May 2025", "Issued on 3 March 2024"), not one a
    sentence or a headline is about ("The Treaty of 2 April 1949 turns 75").

    >>> dateline("NATO and Japan sign a declaration\\n\\nTokyo, 15 April 2013 – The Secretary General …")
    ('2013-04-15', 42, 55)
    >>> dateline("Seventy-five years of the Treaty signed on 4 April 1949\\n\\nThe Alliance …") is None
    True
    """
    latest = (_dt.date.today() + _dt.timedelta(days=366)).isoformat()
    at, seen = 0, 0
    for line in body.split("\n"):
        line_start, at = at, at + len(line) + 1
        if not line.strip():
            continue
        seen += 1
        if seen > 5:
            break
        for start, end, iso in find_dates(line):
            before, after = line[:start], line[end:].strip()
            label = any(mark in before for mark in "|•·")  # ("Press release | 12 May 2025")
            sentence = re.match(r"[,;]\s*[a-z]", after) is not None or "(" in before
            # ("On 4 April 1949, twelve nations signed …", "Since 1 January 2020, …", "the Treaty (6 January 2022)")
            if len(before) <= 60 and (label or dateline_words(before)) \
                    and (not after or not after[0].isalnum()) and not sentence and iso <= latest:
                return iso, line_start + start, line_start + end
            break  # (a line's first date decides)
    return None


def source_from_text(text: str, name: str = "<text>", metadata: dict[str, str] | None = None) -> Source:
    """Build a :class:`Source` from a string (normalized; header parsed).

    ``metadata`` given here overrides fields of the text's own header.

    Examples
    --------
    >>> src = source_from_text("---\\ntitle: T\\ndate: 2020-01-02\\n---\\nBody.", name="t.txt")
    >>> src.metadata["date"], src.body, src.slug
    ('2020-01-02', 'Body.', 't')
    """
    text = _normalize(text)
    if not text.strip():
        raise _error(f"{name}: file is empty", "empty")
    header, body_start = _parse_header(text, name)
    if not text[body_start:].strip():
        raise _error(f"{name}: no text after the metadata header", "empty")
    meta = {**header, **{k: str(v) for k, v in (metadata or {}).items() if v is not None}}
    unknown = set(meta) - set(HEADER_FIELDS)
    if unknown:
        raise SourceError(f"{name}: unknown metadata field {sorted(unknown)[0]!r}")
    if "date" in (metadata or {}):
        meta["date"] = _parse_date(meta["date"], name, 1)
    meta.setdefault("title", _default_title(text[body_start:]))
    found = None if "date" in meta else dateline(text[body_start:])  # (a text saved without a header often opens
    # with its dateline)
    if found:
        meta["date"] = found[0]
    meta.setdefault("language", "en")
    stem = Path(name).name.rsplit(".", 1)[0] if name != "<text>" else hashlib.sha256(text.encode()).hexdigest()[:16]
    slug = slugify(meta.get("id") or stem)
    return Source(name=name, slug=slug, text=text, body_start=body_start, metadata=meta,
                  dateline=(body_start + found[1], body_start + found[2]) if found else None)


def read_source(path: str | Path, encoding: str | None = None, max_bytes: int = MAX_SOURCE_BYTES) -> Source:
    """Read, decode and normalize a source file.

    Raises
    ------
    SourceError
        If the file is missing, empty, binary, too large, not decodable, or
        its metadata header is malformed. The message names the file.
    """
    path = Path(path)
    if not path.exists():
        raise SourceError(f"{path}: no such file")
    if not path.is_file():
        raise SourceError(f"{path}: not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        raise SourceError(f"{path}: file is {size} bytes, over the {max_bytes}-byte limit for a source")
    data = path.read_bytes()
    text = decode(data, str(path), encoding)
    if looks_like_html(text):
        raise _error(f"{path}:1: looks like HTML; save the text of the page as plain text first", "html", 1)
    return source_from_text(text, name=str(path))
