"""Text out of mail as the customer wrote it: bodies, headers and ``format=flowed``.

Mail programs are more forgiving than the standards, and customers expect us
to be as forgiving as their mail program. Every function here accepts any
input and never raises:

- :func:`decode_body` follows what mail programs (and the WHATWG Encoding
  standard) do: a body labelled ``iso-8859-1`` or ``us-ascii`` is read as
  windows-1252 (so ``0x80`` is ``€``); an unknown or broken label (``klingon``,
  a NUL inside) reads UTF-8 if the bytes are valid UTF-8, else windows-1252.
- :func:`unflow` joins the soft line breaks of ``format=flowed`` text (RFC 3676).
- :func:`header_text` / :func:`decode_words` read raw 8-bit header bytes as
  UTF-8, then windows-1252, and decode RFC 2047 encoded words.
"""

from __future__ import annotations

import codecs
from email.header import decode_header
from email.message import Message


# windows-1252 leaves five bytes undefined; browsers map them to the C1 controls, as latin-1 does
def _c1_controls(exc: UnicodeError) -> tuple[str, int]:
    if isinstance(exc, UnicodeDecodeError):
        return exc.object[exc.start : exc.end].decode("latin-1"), exc.end
    raise exc


codecs.register_error("careops-c1", _c1_controls)

_WINDOWS_1252_LABELS = frozenset(
    {
        "iso-8859-1",
        "iso8859-1",
        "iso_8859-1",
        "iso-8859-1:1987",
        "latin1",
        "latin-1",
        "l1",
        "cp819",
        "ibm819",
        "us-ascii",
        "ascii",
        "ansi_x3.4-1968",
        "windows-1252",
        "cp1252",
        "x-cp1252",
    }
)


def windows_1252(data: bytes) -> str:
    """``data`` read as windows-1252 (undefined bytes become the matching C1 controls)."""
    return data.decode("cp1252", "careops-c1")


def utf8_or_windows_1252(data: bytes) -> str:
    """``data`` as UTF-8 when it is valid UTF-8, else as windows-1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return windows_1252(data)


def _label(charset: str | None) -> str:
    return "".join(ch for ch in str(charset or "") if ch.isprintable()).strip(" \t\"'").lower()


def decode_body(data: bytes, charset: str | None) -> str:
    """The text of a body part whose bytes are ``data``, labelled ``charset`` (see module text)."""
    label = _label(charset)
    if not label:
        return utf8_or_windows_1252(data)
    if label in _WINDOWS_1252_LABELS:
        if label in ("us-ascii", "ascii", "ansi_x3.4-1968"):
            return utf8_or_windows_1252(data)  # an 8-bit body mislabelled as ASCII
        return windows_1252(data)
    try:
        if not codecs.lookup(label)._is_text_encoding:  # "base64", "zlib": not a charset
            return utf8_or_windows_1252(data)
        return data.decode(label, "replace")
    except Exception:  # LookupError, a NUL in the name (ValueError), a codec that fails oddly
        return utf8_or_windows_1252(data)


def unflow(text: str, *, delsp: bool = False) -> str:
    """``format=flowed`` text (RFC 3676) with its soft line breaks joined.

    A line ending in a space continues on the next line of the same quote depth;
    space-stuffing is undone; the signature separator ``-- `` never flows; with
    ``delsp=yes`` the space before a soft break is removed. Quoted lines come
    back as ``> `` lines (one ``>`` per level) so quote stripping still sees them.
    """
    out: list[str] = []
    held: str | None = None
    held_depth = 0
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        body = line[depth:]
        if body.startswith(" "):
            body = body[1:]
        flowed = body.endswith(" ") and body != "-- "
        if flowed and delsp:
            body = body[:-1]
        if held is not None and depth != held_depth:
            out.append(_quote_prefix(held_depth) + held)  # a broken paragraph: keep what we had
            held = None
        held = body if held is None else held + body
        held_depth = depth
        if not flowed:
            out.append(_quote_prefix(depth) + held)
            held = None
    if held is not None:
        out.append(_quote_prefix(held_depth) + held)
    return "\n".join(out)


def _quote_prefix(depth: int) -> str:
    return ">" * depth + " " if depth else ""


def raw_header_text(value: object) -> str:
    """A header value as parsed with ``compat32`` (8-bit bytes kept as surrogates) as text."""
    text = str(value or "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # raw 8-bit bytes in the header
        data = text.encode("ascii", "surrogateescape")
        text = utf8_or_windows_1252(data)
    except Exception:
        return ""
    return text


def decode_words(text: str) -> str:
    """``text`` with RFC 2047 encoded words decoded (unknown charsets as in :func:`decode_body`)."""
    if "=?" not in text:
        return text
    try:
        pieces = decode_header(text)
    except Exception:
        return text
    words: list[str] = []
    for chunk, charset in pieces:
        if isinstance(chunk, str):  # no encoded word after all
            words.append(chunk)
        else:
            words.append(decode_body(chunk, charset or "us-ascii"))
    return "".join(words)


def raw_header(message: Message, name: str) -> str:
    """The first header ``name`` of ``message`` as it came (8-bit bytes read as in
    :func:`raw_header_text`; encoded words left as they are), or ``""``."""
    wanted = name.lower()
    try:
        for key, value in message.raw_items():
            if key.lower() == wanted:
                return raw_header_text(value)
    except Exception:
        pass
    return ""


def header_text(message: Message, name: str) -> str:
    """Header ``name`` of ``message`` (parsed with ``compat32``) as one line of text, or ``""``."""
    return " ".join(decode_words(raw_header(message, name)).split())
