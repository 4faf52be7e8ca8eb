"""The actor most tests act as: the app itself, allowed everything.

``OWNER`` was defined alike in a dozen test modules. Tests that need a signed-in
user (a user id, a role, permissions by role) still build their own ``Actor``.
"""

from __future__ import annotations

from careops_desktop.core.permissions import Actor

OWNER = Actor.system("Test owner")
