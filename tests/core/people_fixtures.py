"""Fixtures for the people-side service tests: a set-up business, an owner, a plain staff member.

Passwords are hashed with real argon2id at small cost parameters, so tests stay fast;
one test in test_auth.py uses the library's default parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from argon2 import PasswordHasher

from careops_desktop.core.db import Database
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import auth, business, staff

OWNER_EMAIL = "owner@clinic.example"
OWNER_PASSWORD = "correct horse battery"


@dataclass(frozen=True)
class People:
    db: Database
    owner: Actor
    nobody: Actor  # a staff member with no permission flags
    system: Actor


@pytest.fixture
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> PasswordHasher:
    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(auth, "hasher", hasher)
    return hasher


@pytest.fixture
def people(db: Database, cheap_hasher: PasswordHasher) -> People:
    db.call(business.ensure_business, "Riverside Clinic", "Europe/London")
    owner = db.call(
        auth.create_first_owner, email=OWNER_EMAIL, password=OWNER_PASSWORD, full_name="Olive Owner"
    )
    view = db.call(
        staff.add_staff,
        owner,
        email="sam@clinic.example",
        full_name="Sam Staff",
        password="sam's long password",
    )
    nobody = db.call(auth.actor_for_user, view.user_id)
    return People(db, owner, nobody, Actor.system("Test"))
