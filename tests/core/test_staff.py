"""Staff: adding, editing, deactivating; the last owner is always kept."""

from __future__ import annotations

import pytest

from careops_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from careops_desktop.core.permissions import Permission, Role
from careops_desktop.core.services import auth, staff
from tests.core import people_fixtures

people = people_fixtures.people
cheap_hasher = people_fixtures.cheap_hasher


def _manager(people):  # type: ignore[no-untyped-def]
    view = people.db.call(
        staff.add_staff,
        people.owner,
        email="mia@clinic.example",
        full_name="Mia Manager",
        password="manager password",
        role="manager",
    )
    return view, people.db.call(auth.actor_for_user, view.user_id)


def test_add_staff_with_flags_grants_those_permissions(people) -> None:
    db = people.db
    view = db.call(
        staff.add_staff,
        people.owner,
        email=" Rita@Clinic.Example ",
        full_name="Rita <Reception>",
        password="reception desk pw",
        can_manage_inbox=True,
        can_manage_bookings=True,
    )
    assert view.email == "rita@clinic.example"
    assert view.full_name == "Rita <Reception>"
    assert view.role == "staff" and view.is_active
    actor = db.call(auth.login, "rita@clinic.example", "reception desk pw")
    assert actor.permissions == {
        Permission.MANAGE_INBOX,
        Permission.MANAGE_BOOKINGS,
        Permission.MANAGE_CONTACTS,
    }


def test_add_staff_field_errors(people) -> None:
    with pytest.raises(ValidationError) as caught:
        people.db.call(
            staff.add_staff,
            people.owner,
            email="sam@CLINIC.example",  # taken, any case
            full_name="",
            password="short",
            role="king",
        )
    assert set(caught.value.fields) == {"email", "full_name", "password", "role"}
    assert "already" in caught.value.fields["email"]


def test_add_staff_needs_manage_staff(people) -> None:
    with pytest.raises(PermissionDenied) as caught:
        people.db.call(
            staff.add_staff,
            people.nobody,
            email="x@clinic.example",
            full_name="X",
            password="long enough pw",
        )
    assert caught.value.permission == "manage staff"


def test_only_owners_make_owners(people) -> None:
    _, manager = _manager(people)
    new = {"email": "new@clinic.example", "full_name": "New", "password": "long enough pw"}
    with pytest.raises(PermissionDenied):
        people.db.call(staff.add_staff, manager, **new, role="owner")
    with pytest.raises(PermissionDenied):
        people.db.call(staff.edit_staff, manager, manager.user_id, role="owner")
    # a manager may still add plain staff
    people.db.call(staff.add_staff, manager, **new)


def test_edit_staff(people) -> None:
    db = people.db
    sam = db.call(auth.find_user_id, "sam@clinic.example")
    view = db.call(
        staff.edit_staff,
        people.owner,
        sam,
        full_name="Samuel Staff",
        email="samuel@clinic.example",
        can_view_inventory=True,
        role="manager",
    )
    assert (view.full_name, view.email, view.role, view.can_view_inventory) == (
        "Samuel Staff",
        "samuel@clinic.example",
        "manager",
        True,
    )
    assert db.call(auth.login, "samuel@clinic.example", "sam's long password").role is Role.MANAGER
    with pytest.raises(ValidationError) as caught:
        db.call(staff.edit_staff, people.owner, sam, email="owner@clinic.example", role="boss")
    assert set(caught.value.fields) == {"email", "role"}
    with pytest.raises(NotFound):
        db.call(staff.edit_staff, people.owner, 999, full_name="Ghost")


def test_the_last_owner_cannot_be_demoted_or_turned_off(people) -> None:
    db = people.db
    with pytest.raises(ValidationError, match="last owner"):
        db.call(staff.edit_staff, people.owner, people.owner.user_id, role="manager")
    sam = db.call(auth.find_user_id, "sam@clinic.example")
    db.call(staff.edit_staff, people.owner, sam, role="owner")
    sam_actor = db.call(auth.actor_for_user, sam)
    # with two owners, one may go
    db.call(staff.deactivate_staff, sam_actor, people.owner.user_id)
    with pytest.raises(ValidationError, match="last owner"):
        db.call(staff.edit_staff, sam_actor, sam, role="staff")
    with pytest.raises(ValidationError, match="own account"):
        db.call(staff.deactivate_staff, sam_actor, sam)
    # the command line (system actor) cannot remove the last owner either
    with pytest.raises(ValidationError, match="last owner"):
        db.call(staff.deactivate_staff, people.system, sam)
    owners = [s for s in db.call(staff.list_staff, sam_actor) if s.role == "owner" and s.is_active]
    assert [o.user_id for o in owners] == [sam]


def test_deactivate_reactivate_and_list(people) -> None:
    db = people.db
    sam = db.call(auth.find_user_id, "sam@clinic.example")
    assert not db.call(staff.deactivate_staff, people.owner, sam).is_active
    assert [s.user_id for s in db.call(staff.list_staff, people.owner, False)] == [
        people.owner.user_id
    ]
    assert [s.role for s in db.call(staff.list_staff, people.owner)] == ["owner", "staff"]
    assert db.call(staff.reactivate_staff, people.owner, sam).is_active
    assert db.call(staff.get_staff, people.owner, sam).email == "sam@clinic.example"
    with pytest.raises(PermissionDenied):
        db.call(staff.list_staff, people.nobody)
    with pytest.raises(PermissionDenied):
        db.call(staff.deactivate_staff, people.nobody, people.owner.user_id)


def test_managers_cannot_turn_off_owners(people) -> None:
    _, manager = _manager(people)
    with pytest.raises(PermissionDenied):
        people.db.call(staff.deactivate_staff, manager, people.owner.user_id)
