"""Contacts: the business's customers, and the rules for their names, emails and phones.

``records`` creates, finds, searches and merges contacts (and offers the
lazy table's ``ids`` and ``rows_by_id``), ``fields`` checks and normalises
emails, phones and regions, ``person_names`` is the one rule for a person's
name. Code outside ``core/services`` imports this package, never a module
inside it.
"""

from __future__ import annotations

from careops_desktop.core.services.contacts.fields import (
    default_region,
    normalize_email,
    normalize_phone,
    region_for_timezone,
)
from careops_desktop.core.services.contacts.person_names import (
    NAME_MAX,
    check_person_name,
    name_problem,
    same_name,
)
from careops_desktop.core.services.contacts.records import (
    NOTES_MAX,
    ContactView,
    clear_duplicate_mark,
    count_possible_duplicates,
    create_contact,
    find_or_create_contact,
    merge_contacts,
    update_contact,
    view_of,
)
from careops_desktop.core.services.contacts.views import (
    ContactBooking,
    ContactConversation,
    ContactDetail,
    ContactFilter,
    ContactSubmission,
    count_contacts,
    get_contact,
    get_contact_detail,
    ids,
    rows_by_id,
    search_contacts,
)

__all__ = [
    "NAME_MAX",
    "NOTES_MAX",
    "ContactBooking",
    "ContactConversation",
    "ContactDetail",
    "ContactFilter",
    "ContactSubmission",
    "ContactView",
    "check_person_name",
    "clear_duplicate_mark",
    "count_contacts",
    "count_possible_duplicates",
    "create_contact",
    "default_region",
    "find_or_create_contact",
    "get_contact",
    "get_contact_detail",
    "ids",
    "merge_contacts",
    "name_problem",
    "normalize_email",
    "normalize_phone",
    "region_for_timezone",
    "rows_by_id",
    "same_name",
    "search_contacts",
    "update_contact",
    "view_of",
]
