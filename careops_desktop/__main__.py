"""``python -m careops_desktop`` runs the same command line as ``careops``."""

from __future__ import annotations

import sys

from careops_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
