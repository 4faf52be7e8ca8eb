"""CareOps Desktop: the front office of one service business in one program."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "CareOps"
APP_ID = "careops-desktop"
