"""The new part of an email reply: quoted text and signatures stripped, for display only.

Mail programs quote the message they answer in a few well-known shapes:

- Gmail: ``On Mon, 4 May 2026 at 10:00, Harbour <desk@…> wrote:`` (sometimes
  wrapped over two lines), then ``> `` lines; in HTML a ``div.gmail_quote``.
- Outlook: ``-----Original Message-----``, or a rule of underscores followed by
  a ``From: … / Sent: … / To: … / Subject: …`` block; in HTML ``divRplyFwdMsg``.
- Apple Mail: ``On 4 May 2026, at 10:00, Harbour <desk@…> wrote:`` with the
  quote in ``> `` lines (``<blockquote type="cite">`` in HTML), and
  ``Sent from my iPhone``.

:func:`strip_reply` cuts the text at the first such marker and drops a
trailing signature (``-- `` and the mobile "Sent from …" lines). When nothing
is left (a reply that only quotes) the whole text is kept: nothing the
customer wrote is ever hidden for good, and the raw message is stored anyway.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_ATTRIBUTION = re.compile(
    r"^\s*(?:>\s*)?(?:On\s.+\swrote|Le\s.+\sa\s+écrit|Am\s.+\sschrieb|El\s.+\sescribió"
    r"|Il\s.+\sha\s+scritto|Op\s.+\sschreef)\s*:\s*$",
    re.IGNORECASE,
)
_ATTRIBUTION_START = re.compile(r"^\s*(?:>\s*)?(?:On|Le|Am|El|Il|Op)\s.+$", re.IGNORECASE)
_ATTRIBUTION_END = re.compile(
    r"(?:wrote|(?:a\s+)?écrit|schrieb|escribió|(?:ha\s+)?scritto|schreef)\s*:\s*$", re.IGNORECASE
)
_ORIGINAL = re.compile(
    r"^\s*-{2,}\s*(?:Original Message|Forwarded message|Ursprüngliche Nachricht|"
    r"Message d'origine)\s*-{2,}\s*$",
    re.IGNORECASE,
)
_RULE = re.compile(r"^\s*_{10,}\s*$")
_HEADER_FROM = re.compile(r"^\s*\*?(?:From|Von|De)\s*:\*?\s", re.IGNORECASE)
_HEADER_NEXT = re.compile(r"^\s*\*?(?:Sent|Date|Gesendet|Envoyé|To|Subject)\s*:\*?\s", re.I)
_SIGNATURE = re.compile(
    r"^\s*(?:Sent from my (?:iPhone|iPad|Android|Galaxy|mobile).*|"
    r"Sent from (?:Mail|Outlook) for .*|Get Outlook for (?:iOS|Android).*|"
    r"Sent from Yahoo Mail.*|Von meinem iPhone gesendet|Envoyé de mon iPhone)\s*$",
    re.IGNORECASE,
)


def _is_outlook_header(lines: list[str], index: int) -> bool:
    """``From:`` followed within four lines by ``Sent:``/``Date:``/``To:``/``Subject:``."""
    if not _HEADER_FROM.match(lines[index]):
        return False
    return any(_HEADER_NEXT.match(line) for line in lines[index + 1 : index + 5])


def _quote_start(lines: list[str]) -> int | None:
    """The index of the first line of quoted material, if any."""
    for i, line in enumerate(lines):
        if _ATTRIBUTION.match(line) or _ORIGINAL.match(line):
            return i
        if (
            _ATTRIBUTION_START.match(line)
            and i + 1 < len(lines)
            and _ATTRIBUTION_END.search(lines[i + 1])
            and len(line) + len(lines[i + 1]) < 300
        ):
            return i
        if _RULE.match(line) and any(
            _is_outlook_header(lines, j) for j in range(i + 1, min(i + 3, len(lines)))
        ):
            return i
        if _is_outlook_header(lines, i) and (i == 0 or not lines[i - 1].strip()):
            return i
    return None


def _drop_trailing_quotes(lines: list[str]) -> list[str]:
    """Remove a ``> `` block (and blank lines) at the end."""
    end = len(lines)
    while end and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith(">")):
        end -= 1
    return lines[:end]


def _drop_signature(lines: list[str]) -> list[str]:
    """Cut at a ``-- `` delimiter, or at a mobile sign-off among the last lines."""
    for i, line in enumerate(lines):
        if line.rstrip() == "--":
            return lines[:i]
    for i in range(max(0, len(lines) - 12), len(lines)):
        if _SIGNATURE.match(lines[i]):
            return lines[:i]
    return lines


def strip_reply(text: str) -> str:
    """The customer's new words in ``text``, without quotes and signature (see module doc)."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = normalized.split("\n")
    start = _quote_start(lines)
    kept = lines[:start] if start is not None else lines
    kept = _drop_trailing_quotes(kept)
    kept = _drop_signature(kept)
    result = "\n".join(kept).strip()
    return result or normalized.strip()


class _TextFromHtml(HTMLParser):
    """Visible text of an HTML mail body; quoted blocks of known mail programs are skipped."""

    BLOCK = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table", "hr"})
    SKIP = frozenset({"script", "style", "head", "title"})
    # Outlook's reply header: everything after it (siblings included) is the quoted message
    REST_IS_QUOTE = frozenset(
        {
            "divRplyFwdMsg",
            "x_divRplyFwdMsg",
            "appendonsend",
            "x_appendonsend",
            "mail-editor-reference-message-container",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0
        self._stack: list[tuple[str, bool]] = []
        self._rest_is_quote = False

    @staticmethod
    def _is_quote(tag: str, attrs: dict[str, str | None]) -> bool:
        classes = (attrs.get("class") or "").split()
        ident = attrs.get("id") or ""
        return (
            (tag == "blockquote" and (attrs.get("type") == "cite" or not classes))
            or "gmail_quote" in classes
            or "gmail_signature" in classes
            or ident in ("divRplyFwdMsg", "appendonsend", "x_divRplyFwdMsg")
            or "moz-cite-prefix" in classes
        )

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if (values.get("id") or "") in self.REST_IS_QUOTE:
            self._rest_is_quote = True  # Outlook: the quoted body follows as siblings
        skipping = tag in self.SKIP or self._is_quote(tag, values)
        if tag not in ("br", "hr", "img", "meta", "link", "input"):
            self._stack.append((tag, skipping))
            if skipping:
                self._skip_depth += 1
        if tag in self.BLOCK and not self._hidden:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        """Close ``tag`` and what is open inside it; a stray end tag (nothing open by that name
        inside the innermost quote) is ignored, so it cannot end a quote early."""
        for index in range(len(self._stack) - 1, -1, -1):
            open_tag, skipping = self._stack[index]
            if open_tag == tag:
                for _, closed_skipping in self._stack[index:]:
                    if closed_skipping:
                        self._skip_depth -= 1
                del self._stack[index:]
                break
            if skipping:
                return  # no such element open inside this quote
        if tag in self.BLOCK and not self._hidden:
            self.parts.append("\n")

    @property
    def _hidden(self) -> bool:
        return bool(self._skip_depth) or self._rest_is_quote

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML body (tags dropped, entities decoded, known quote blocks left out)."""
    parser = _TextFromHtml()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # html.parser is lenient; anything odd still yields the text so far
        pass
    text = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
