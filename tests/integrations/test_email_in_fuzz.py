"""Generated MIME messages through the real parser: it never raises and never gives up.

The generator builds what strangers' mail programs (and spam tools) send: odd and
valueless parameters, RFC 2231 parameters, unknown and NUL-containing charsets,
broken or missing boundaries, deep nesting, raw 8-bit and malformed headers, broken
transfer encodings. :func:`read_email` (the strict reader, without the "unreadable
message" fallback) must read every one of them.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careops_desktop.integrations.email_in import UNREADABLE_NOTE, parse_email, read_email

CHARSETS = st.sampled_from(
    [
        "utf-8",
        "UTF-8",
        "iso-8859-1",
        "windows-1252",
        "us-ascii",
        "klingon",
        "utf-\x008",
        "\x00",
        "",
        '"',
        "utf-16",
        "utf-7",
        "base64",
        "zlib",
        "rot13",
        "idna",
        "x-unknown-8bit",
        "iso-2022-jp",
        "utf-8'en'",
        "=?utf-8?q?x?=",
    ]
)
TOKEN = st.text(
    alphabet=st.characters(min_codepoint=0, max_codepoint=0x7F, blacklist_characters="\r\n"),
    max_size=12,
)
EIGHT_BIT = st.binary(max_size=24).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b""))
PARAM = st.one_of(
    st.sampled_from(
        [
            b"filename*",
            b"filename*=",
            b"filename*0*=utf-8''%E2%82",
            b'filename*1="x',
            b"name",
            b"=value",
            b";;",
            b'filename="unterminated',
            b"filename*=bogus''%ZZ%",
            b"filename*=utf-8'en'caf%C3%A9.pdf",
            b"filename==?utf-8?b?w6k=?=",
            b"charset",
        ]
    ),
    st.builds(lambda t: b"name=" + t.encode("ascii", "replace"), TOKEN),
    st.builds(lambda b: b"filename=" + b, EIGHT_BIT),
)
ENCODING = st.sampled_from(
    [b"", b"base64", b"quoted-printable", b"8bit", b"7bit", b"binary", b"x-uuencode", b"b\x00se64"]
)
HEADER_VALUE = st.one_of(
    EIGHT_BIT,
    TOKEN.map(lambda t: t.encode("ascii", "replace")),
    st.sampled_from(
        [
            b"=?utf-8?q?Zo=C3=AB?= <zoe@example.org>",
            b"=?bogus?Q?x?= <x@y>",
            b"=?utf-8?b?!!!?=",
            b"<<<>>>",
            b'"unterminated <a@b',
            b"a@b, , @, <>",
            b"group: a@b, c@d;",
            b"Ren\xe9e <r@example.org>",
            b"Ren\xc3\xa9e <r@example.org>",
            b"(comment (nested) a@b",
            b"\x00",
            b"",
        ]
    ),
)


@st.composite
def headers(draw: st.DrawFn) -> bytes:
    names = st.sampled_from(
        [b"From", b"Subject", b"Reply-To", b"Message-ID", b"In-Reply-To", b"References",
         b"Date", b"X-\xff\xfe", b"Bad Header", b"", b"To"]
    )  # fmt: skip
    lines = [draw(names) + b": " + draw(HEADER_VALUE) for _ in range(draw(st.integers(0, 6)))]
    if draw(st.booleans()):
        lines.append(b"no colon on this line")
    if draw(st.booleans()):
        lines.append(b" a continuation line \xff")
    return b"\r\n".join(lines)


def content_headers(draw: st.DrawFn, content_type: bytes) -> bytes:
    params = b"; ".join(draw(st.lists(PARAM, max_size=3)))
    charset = draw(CHARSETS).encode("latin-1", "replace")
    lines = [b"Content-Type: " + content_type + b'; charset="' + charset + b'"; ' + params]
    if draw(st.booleans()):
        disposition = draw(st.sampled_from([b"attachment", b"inline", b"", b"\xff"]))
        lines.append(b"Content-Disposition: " + disposition + b"; " + draw(PARAM))
    if draw(st.booleans()):
        flowed = draw(st.sampled_from([b"format=flowed", b"format=flowed; delsp=yes", b"format"]))
        lines[0] += b"; " + flowed
    lines.append(b"Content-Transfer-Encoding: " + draw(ENCODING))
    return b"\r\n".join(lines)


@st.composite
def mime_part(draw: st.DrawFn, depth: int = 0) -> bytes:
    if depth < 8 and draw(st.integers(0, 3)) == 0:
        boundary = draw(st.sampled_from([b"b", b"", b"b\x00", b"--", b"\xffb", b"a b"]))
        declared = boundary if draw(st.booleans()) else boundary + b"x"  # broken boundaries
        kind = draw(st.sampled_from([b"mixed", b"alternative", b"related", b"report", b"digest"]))
        children = draw(st.lists(mime_part(depth + 1), max_size=3))
        body = b"".join(b"--" + boundary + b"\r\n" + child + b"\r\n" for child in children)
        if draw(st.booleans()):
            body += b"--" + boundary + b"--\r\n"
        head = b"Content-Type: multipart/" + kind + b'; boundary="' + declared + b'"'
        return head + b"\r\n\r\n" + body
    content_type = draw(
        st.sampled_from(
            [b"text/plain", b"text/html", b"application/pdf", b"image/jpeg", b"message/rfc822",
             b"text", b"/", b"text/plain/extra", b"\xff/\xfe", b""]
        )
    )  # fmt: skip
    body = draw(
        st.one_of(
            st.binary(max_size=200),
            st.text(max_size=200).map(lambda t: t.encode("utf-8")),
            st.sampled_from(
                [b"=E2=82=AC =\r\nsoft", b"!!!not base64===", b"PGI+aGk8L2I+", b"<div>x</span>"
                 b"</blockquote><blockquote type=cite>q</div></blockquote>", b"> q \r\n> r"]
            ),
        )
    )  # fmt: skip
    return content_headers(draw, content_type) + b"\r\n\r\n" + body


@st.composite
def messages(draw: st.DrawFn) -> bytes:
    return draw(headers()) + b"\r\n" + draw(mime_part())


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messages())
def test_the_reader_never_raises(raw: bytes) -> None:
    parsed = read_email(raw)
    assert parsed.raw == raw
    assert parsed.sender_address
    assert isinstance(parsed.content, str) and isinstance(parsed.subject, str)
    for attachment in parsed.attachments:
        assert isinstance(attachment["name"], str) and attachment["size"] >= 0


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_at_all(raw: bytes) -> None:
    parsed = parse_email(raw)
    assert parsed.raw == raw and parsed.content != UNREADABLE_NOTE


def test_nesting_deeper_than_any_mail_program_writes() -> None:
    raw = b"From: deep@example.org\r\n"
    for level in range(2000):
        raw += b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (level, level)
    raw += b"Content-Type: text/plain\r\n\r\nbottom\r\n"
    parsed = parse_email(raw)  # the reader may give up here; the message is still recorded
    assert parsed.raw == raw and parsed.sender_address == "deep@example.org"
