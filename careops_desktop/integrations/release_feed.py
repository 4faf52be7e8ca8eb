"""The signed release feed: what it holds, how it is signed and how it is checked.

A feed is one small JSON document::

    {"format": 1,
     "release": {"version": "0.2.0", "published": "2027-01-15",
                 "url": "https://…/careops-0.2.0", "notes": "What changed, in plain text."},
     "signature": "<base64 of the Ed25519 signature>"}

The signature covers :data:`SIGNING_CONTEXT` followed by the *canonical* bytes of the
``release`` object (keys sorted, no spaces, ASCII only: :func:`canonical_bytes`), so the
feed may be re-indented or re-encoded without breaking it, while any change of a value
does. Every value in ``release`` must be a string, which keeps the canonical form exact.
The public key ships in ``resources/release-feed.pub`` (a minisign-style two-line file:
a comment, then the 32 raw key bytes in base64); ``scripts/sign-release-feed.py`` signs
with the private key, which never enters the repository.

Nothing in the feed is trusted before the signature is checked, and its text stays
untrusted after: notes are shown as plain text, the link only when it is https.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.i18n import _

FEED_FORMAT = 1
SIGNING_CONTEXT = b"careops-release-feed-v1\n"
PUBLIC_KEY_FILE = "release-feed.pub"
MAX_NOTES_CHARS = 20_000
_VERSION = re.compile(r"^\d{1,6}(\.\d{1,6}){0,3}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


class FeedError(CareOpsError):
    """The feed could not be read or checked; ``str()`` says why, for the person."""


class FeedNotVerified(FeedError):
    """The feed's signature does not match the release key: nothing of it may be shown."""


@dataclass(frozen=True)
class Release:
    """A release the feed announces (checked: version format, https link, plain notes)."""

    version: str
    published: str
    url: str
    notes: str


def canonical_bytes(release: dict[str, str]) -> bytes:
    """The exact bytes the signature covers for ``release``."""
    body = json.dumps(release, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return SIGNING_CONTEXT + body.encode("ascii")


def sign_release(release: dict[str, str], key: Ed25519PrivateKey) -> dict[str, Any]:
    """The whole feed document for ``release``, signed with ``key``."""
    _string_values(release)
    signature = key.sign(canonical_bytes(release))
    return {
        "format": FEED_FORMAT,
        "release": release,
        "signature": base64.b64encode(signature).decode("ascii"),
    }


def public_key_text(key: Ed25519PublicKey, comment: str = "CareOps release feed key") -> str:
    """The two-line public key file for ``key``."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    raw = key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return f"untrusted comment: {comment}\n{base64.b64encode(raw).decode('ascii')}\n"


def load_public_key(text: str) -> Ed25519PublicKey:
    """The key in a two-line public key file (comment lines are skipped)."""
    lines = [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.startswith("untrusted comment:")
    ]
    try:
        raw = base64.b64decode(lines[0], validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (IndexError, ValueError, binascii.Error) as exc:
        raise FeedError(_("The release key shipped with CareOps is damaged.")) from exc


def version_key(version: str) -> tuple[int, ...]:
    """``"1.2.10"`` → ``(1, 2, 10, 0)`` for comparing; refuses anything but dotted numbers."""
    if not _VERSION.match(version):
        raise FeedError(
            _("The release feed names a version CareOps does not understand: {version}.").format(
                version=repr(version[:40])
            )
        )
    parts = [int(part) for part in version.split(".")]
    return tuple(parts + [0] * (4 - len(parts)))


def _string_values(release: object) -> dict[str, str]:
    if not isinstance(release, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in release.items()
    ):
        raise FeedError(_("The update server's answer is not a CareOps release feed."))
    return release


def plain_notes(text: str) -> str:
    """Release notes safe to show as plain text: no control or direction characters, capped."""
    cleaned = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if len(cleaned) > MAX_NOTES_CHARS:
        cleaned = cleaned[:MAX_NOTES_CHARS] + "\n…"
    return cleaned


def parse_feed(raw: bytes, key: Ed25519PublicKey) -> Release:
    """The verified release in ``raw``; raises :class:`FeedNotVerified` when the signature
    does not match and :class:`FeedError` when the document is not a feed at all."""
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise FeedError(
            _("The update server's answer is not a CareOps release feed (it is not valid JSON).")
        ) from exc
    if not isinstance(document, dict) or document.get("format") != FEED_FORMAT:
        raise FeedError(_("The update server's answer is not a CareOps release feed."))
    release = _string_values(document.get("release"))
    signature_text = document.get("signature")
    try:
        signature = base64.b64decode(str(signature_text), validate=True)
        key.verify(signature, canonical_bytes(release))
    except (InvalidSignature, ValueError, binascii.Error) as exc:
        raise FeedNotVerified(
            _(
                "The release information could not be verified: its signature does not match "
                "the CareOps release key, so it was ignored. Nothing from it is shown."
            )
        ) from exc
    version = release.get("version", "")
    version_key(version)
    url = release.get("url", "")
    if not url.startswith("https://") or any(ch.isspace() for ch in url) or len(url) > 500:
        url = ""
    return Release(
        version=version,
        published=plain_notes(release.get("published", ""))[:40],
        url=url,
        notes=plain_notes(release.get("notes", "")),
    )
