"""``careops user add|passwd``: accounts from the command line.

Whoever can run commands on the machine that holds the database file is
trusted as the administrator (the same person can copy the file); the
commands still obey every rule the services keep (password rules, the first
account is an owner). Passwords are read twice without echo, or from
``CAREOPS_PASSWORD`` for scripts; they are never printed or logged.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

PASSWORD_ENV = "CAREOPS_PASSWORD"


def read_password(prompt: str = "Password") -> str | None:
    """The new password from ``CAREOPS_PASSWORD``, or typed twice; ``None`` if they differ."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env is not None:
        return from_env
    first = getpass.getpass(f"{prompt}: ")
    second = getpass.getpass(f"{prompt} again: ")
    if first != second:
        print("careops: the two passwords differ; nothing was changed.", file=sys.stderr)
        return None
    return first


def cmd_user_add(args: argparse.Namespace) -> int:
    """Add an account; the very first one must be an owner."""
    from careops_desktop.cli_database import open_database
    from careops_desktop.core.permissions import Actor
    from careops_desktop.core.services import auth, staff

    password = read_password()
    if password is None:
        return 1
    database = open_database(args)
    try:
        if database.call(auth.user_count) == 0:
            if args.role != "owner":
                print(
                    "careops: the first account must be an owner (add --role owner).",
                    file=sys.stderr,
                )
                return 2
            actor = database.call(
                auth.create_first_owner,
                email=args.email,
                password=password,
                full_name=args.name,
            )
            user_id = actor.user_id
        else:
            view = database.call(
                staff.add_staff,
                Actor.system("Command line"),
                email=args.email,
                full_name=args.name,
                password=password,
                role=args.role,
                can_manage_inbox=args.inbox,
                can_manage_bookings=args.bookings,
                can_view_inventory=args.inventory,
                can_manage_settings=args.settings,
            )
            user_id = view.user_id
    finally:
        database.close()
    print(f"Added {args.role} {args.email.strip().lower()} (account {user_id}).")
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    """Set an account's password (and lift a lockout)."""
    from careops_desktop.cli_database import open_database
    from careops_desktop.core.permissions import Actor
    from careops_desktop.core.services import auth

    password = read_password("New password")
    if password is None:
        return 1
    database = open_database(args)
    try:
        database.call(
            auth.reset_password_by_email, Actor.system("Command line"), args.email, password
        )
    finally:
        database.close()
    print(f"Password changed for {args.email.strip().lower()}; the account is unlocked.")
    return 0


def add_user_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``careops user add`` and ``careops user passwd``."""
    user = commands.add_parser("user", help="add accounts and set passwords")
    actions = user.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", help=f"add an account (password typed twice, or from {PASSWORD_ENV})"
    )
    add.add_argument("email")
    add.add_argument("--name", required=True, help="the person's full name")
    add.add_argument("--role", choices=("owner", "manager", "staff"), default="staff")
    add.add_argument("--inbox", action="store_true", help="staff: may answer the inbox")
    add.add_argument("--bookings", action="store_true", help="staff: may manage bookings")
    add.add_argument("--inventory", action="store_true", help="staff: may see inventory")
    add.add_argument("--settings", action="store_true", help="staff: may change settings")
    add.set_defaults(handler=cmd_user_add)
    passwd = actions.add_parser("passwd", help="set an account's password and unlock it")
    passwd.add_argument("email")
    passwd.set_defaults(handler=cmd_user_passwd)
