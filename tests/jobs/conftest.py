"""Fixtures for the integration tests: the in-memory keyring."""

from __future__ import annotations

from tests.integrations.memory_keyring import memory_keyring

__all__ = ["memory_keyring"]
