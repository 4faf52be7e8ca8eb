#!/usr/bin/env python3
"""Make the release signing key, or sign a release feed with it.

    # once: a new key pair (the private key stays with the maintainer, never in git)
    python scripts/sign-release-feed.py keygen --private ~/careops-release.key
    #   → writes resources/release-feed.pub; commit that file

    # each release: the feed the update check reads (publish the output as is)
    CAREOPS_RELEASE_FEED_KEY_FILE=~/careops-release.key \
    python scripts/sign-release-feed.py sign --version 0.2.0 --published 2027-01-15 \
        --url https://example.org/careops/0.2.0 --notes-file notes.txt > release-feed.json

The private key is read from ``--key FILE``, else the file named by
``CAREOPS_RELEASE_FEED_KEY_FILE``, else the PEM text in ``CAREOPS_RELEASE_FEED_KEY``
(a CI secret). The format is in ``careops_desktop/integrations/release_feed.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from cryptography.hazmat.primitives.serialization import (  # noqa: E402
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)

from careops_desktop.integrations.release_feed import (  # noqa: E402
    PUBLIC_KEY_FILE,
    public_key_text,
    sign_release,
    version_key,
)


def read_private_key(path: str | None) -> Ed25519PrivateKey:
    """The signing key from ``path``, the key-file variable or the PEM variable."""
    path = path or os.environ.get("CAREOPS_RELEASE_FEED_KEY_FILE")
    pem = (
        Path(path).read_bytes() if path else os.environ.get("CAREOPS_RELEASE_FEED_KEY", "").encode()
    )
    if not pem:
        raise SystemExit("No private key: pass --key FILE or set CAREOPS_RELEASE_FEED_KEY_FILE.")
    key = load_pem_private_key(pem, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise SystemExit("The private key is not an Ed25519 key.")
    return key


def keygen(args: argparse.Namespace) -> int:
    private = Path(args.private)
    if private.exists():
        raise SystemExit(f"{private} exists; not overwritten.")
    key = Ed25519PrivateKey.generate()
    private.write_bytes(key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    private.chmod(0o600)
    public = Path(args.public)
    public.write_text(public_key_text(key.public_key()), encoding="utf-8")
    print(f"private key: {private} (keep it safe, never commit it)\npublic key: {public}")
    return 0


def sign(args: argparse.Namespace) -> int:
    version_key(args.version)
    notes = Path(args.notes_file).read_text(encoding="utf-8") if args.notes_file else ""
    release = {
        "version": args.version,
        "published": args.published,
        "url": args.url,
        "notes": notes,
    }
    feed = sign_release(release, read_private_key(args.key))
    print(json.dumps(feed, indent=2, ensure_ascii=False))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(required=True)
    make = commands.add_parser("keygen", help="make a new key pair")
    make.add_argument("--private", required=True, help="where to write the private key (PEM)")
    make.add_argument("--public", default=str(ROOT / "resources" / PUBLIC_KEY_FILE))
    make.set_defaults(run=keygen)
    feed = commands.add_parser("sign", help="print a signed feed for one release")
    feed.add_argument("--version", required=True)
    feed.add_argument("--published", required=True, help="the release date, YYYY-MM-DD")
    feed.add_argument("--url", required=True, help="the release's download page (https)")
    feed.add_argument("--notes-file", help="the release notes, plain text")
    feed.add_argument("--key", help="the private key file (PEM)")
    feed.set_defaults(run=sign)
    args = parser.parse_args()
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
