"""The language switcher at the top of every booking page: links to the same page in each language.

``?lang=xx`` is read by :mod:`careops_desktop.web.language`, which remembers the choice in a
cookie; these links keep the path and the rest of the query, so a chosen day or provider stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from aiohttp import web

from careops_desktop.core import i18n

PARAM = "lang"
# what a page's address may carry that the same page in another language needs
KEPT = frozenset({"date", "provider", "start", "choice", "booked", "moved", "sent"})
POST_ONLY = "/cancel"  # /manage/<token>/cancel has no page of its own


@dataclass(frozen=True)
class Choice:
    """One entry of the language switcher."""

    code: str
    name: str
    href: str
    current: bool


def switcher_links(request: web.Request, current: str) -> list[Choice]:
    """The shipped languages, each named in its own words, linked to this page in it.

    The links keep the path and the page's own query values (a chosen day or provider stays).
    A page answering a form (a POST) links to the page the form came from, which a GET opens.
    """
    path = request.path
    if request.method != "GET" and path.endswith(POST_ONLY):
        path = path[: -len(POST_ONLY)]
    path = quote(path, safe="/")
    kept = [(k, v) for k, v in request.query.items() if k in KEPT]
    links: list[Choice] = []
    for code in i18n.SHIPPED:
        href = f"{path}?{urlencode([*kept, (PARAM, code)])}"
        links.append(Choice(code, i18n.NATIVE_NAMES[code], href, code == current))
    return links
