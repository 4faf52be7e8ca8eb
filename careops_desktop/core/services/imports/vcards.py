"""vCard files (``.vcf``, versions 3.0 and 4.0) as a table, read with ``vobject``.

Each card becomes one row of the columns in :data:`HEADERS`; a card with several
emails or phones keeps the first (a mobile number first among phones).
"""

from __future__ import annotations

from typing import Any

from careops_desktop.core.i18n import _
from careops_desktop.core.services.imports.reading import ImportRefused

HEADERS = ("Full name", "First name", "Last name", "Email", "Phone", "Birthday", "Address", "Notes")


def _values(card: Any, name: str) -> list[Any]:
    return list(card.contents.get(name, []))


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value or "")


def _phone(card: Any) -> str:
    phones = _values(card, "tel")
    for line in phones:  # a mobile first
        kinds = {str(t).lower() for t in line.params.get("TYPE", [])}
        if "cell" in kinds:
            return _text(line.value).removeprefix("tel:")
    return _text(phones[0].value).removeprefix("tel:") if phones else ""


def _address(card: Any) -> str:
    lines = _values(card, "adr")
    if not lines:
        return ""
    value = lines[0].value
    parts = [
        getattr(value, "street", ""),
        getattr(value, "city", ""),
        getattr(value, "region", ""),
        getattr(value, "code", ""),
        getattr(value, "country", ""),
    ]
    flat = [" ".join(p) if isinstance(p, list) else _text(p) for p in parts]
    return ", ".join(p.strip() for p in flat if p and p.strip())


def _row(card: Any) -> tuple[str, ...]:
    full = _text(_values(card, "fn")[0].value) if _values(card, "fn") else ""
    first = last = ""
    if _values(card, "n"):
        n = _values(card, "n")[0].value
        given, family = getattr(n, "given", ""), getattr(n, "family", "")
        first = " ".join(given) if isinstance(given, list) else _text(given)
        last = " ".join(family) if isinstance(family, list) else _text(family)
    email = _text(_values(card, "email")[0].value) if _values(card, "email") else ""
    birthday = _text(_values(card, "bday")[0].value) if _values(card, "bday") else ""
    notes = "\n".join(_text(line.value) for line in _values(card, "note"))
    return (full, first, last, email, _phone(card), birthday, _address(card), notes)


def read_vcards(text: str, file_name: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The cards of ``text`` as rows under :data:`HEADERS`; :class:`ImportRefused` if unreadable."""
    import vobject  # lazy: only imports read vCards

    rows: list[tuple[str, ...]] = []
    try:
        for card in vobject.readComponents(text, ignoreUnreadable=True):
            if card.name.upper() != "VCARD":
                continue
            rows.append(_row(card))
    except Exception as exc:  # vobject raises many kinds on a broken file
        raise ImportRefused(
            _("The vCard file {file} cannot be read near card {number}: {reason}").format(
                file=file_name, number=len(rows) + 1, reason=exc
            )
        ) from None
    if not rows:
        raise ImportRefused(_("The vCard file {file} holds no cards.").format(file=file_name))
    return HEADERS, tuple(rows)
