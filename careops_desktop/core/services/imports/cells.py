"""A row's cells gathered by field, as the mapping says (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from careops_desktop.core.i18n import _

JOINED = {"address": ", ", "notes": "\n"}


def gather(row: Sequence[str], mapping: Sequence[str]) -> dict[str, str]:
    """Field → text for one row: first non-empty cell, or the cells joined for address/notes."""
    out: dict[str, str] = {}
    for cell, field in zip(row, mapping, strict=False):
        if not field:
            continue
        text = cell.strip()
        if not text:
            continue
        if field in JOINED and field in out:
            out[field] = out[field] + JOINED[field] + text
        elif field not in out:
            out[field] = text
    return out


def person_name(values: dict[str, str]) -> str:
    """The name from "name", else first and last name joined."""
    if values.get("name"):
        return values["name"]
    return " ".join(p for p in (values.get("first_name", ""), values.get("last_name", "")) if p)


def notes_with_extras(values: dict[str, str]) -> str:
    """The notes, with a date of birth and an address (CareOps keeps them in the notes)."""
    parts = [values["notes"]] if values.get("notes") else []
    if values.get("birthday"):
        parts.append(_("Date of birth: {date}").format(date=values["birthday"]))
    if values.get("address"):
        parts.append(_("Address: {address}").format(address=values["address"]))
    return "\n".join(parts)
