"""The English forms of a counted text, written in the source as ``word(s)`` or ``[one|other]``.

English is the source language, so nobody translates into it; but a counted text such as
``"%n booking(s)"`` must read "1 booking" and "3 bookings". The English catalog of plural
forms is made from the source texts by this rule (``scripts/i18n.py compile``): ``word(s)``
is ``word`` for one and ``words`` otherwise, ``[person is|people are]`` the first for one
and the second otherwise.
"""

from __future__ import annotations

import re

_SUFFIX = re.compile(r"(?<=\w)\((\w+)\)")
_CHOICE = re.compile(r"\[([^\[\]|]*)\|([^\[\]|]*)\]")


def english_form(text: str, n: int) -> str:
    """``text`` with its plural marks resolved for ``n``."""
    text = _CHOICE.sub(lambda m: m[1] if n == 1 else m[2], text)
    return _SUFFIX.sub(lambda m: "" if n == 1 else m[1], text)
