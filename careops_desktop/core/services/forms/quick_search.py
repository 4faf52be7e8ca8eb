"""Form submissions for "Search everywhere": by the contact or the form's name."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.i18n import N_, _
from careops_desktop.core.models import Contact, Form, FormSubmission
from careops_desktop.core.permissions import Actor, require_any
from careops_desktop.core.services.forms.submissions import READ_PERMISSIONS
from careops_desktop.core.services.search_text import SearchHit, SearchText, contains

STATUS_WORDS = {"pending": N_("waiting"), "completed": N_("filled in"), "overdue": N_("overdue")}


@read_only
def search_hits(
    session: Session,
    actor: Actor,
    query: SearchText,
    contact_ids: Sequence[int],
    limit: int,
) -> list[SearchHit]:
    """The submissions of the contacts ``contact_ids`` or of a form ``query`` names,
    newest first, at most ``limit``."""
    require_any(actor, *READ_PERMISSIONS)
    if limit <= 0:
        return []
    form_ids = list(
        session.scalars(select(Form.id).where(contains(session, Form.name, query.text)))
    )
    clauses: list[ColumnElement[bool]] = []
    if contact_ids:
        clauses.append(FormSubmission.contact_id.in_(list(contact_ids)))
    if form_ids:
        clauses.append(FormSubmission.form_id.in_(form_ids))
    if not clauses:
        return []
    found: set[tuple[datetime, int]] = set()
    for clause in clauses:  # submissions alone, on their indexes; the names come after
        newest = (
            select(FormSubmission.created_at, FormSubmission.id)
            .where(clause)
            .order_by(FormSubmission.created_at.desc(), FormSubmission.id.desc())
            .limit(limit)
        )
        found.update(session.execute(newest).all())
    chosen = [i for _, i in sorted(found, reverse=True)][:limit]
    details = (
        select(
            FormSubmission.id,
            FormSubmission.status,
            FormSubmission.created_at,
            Form.name,
            Contact.name,
        )
        .join(Form, Form.id == FormSubmission.form_id)
        .outerjoin(Contact, Contact.id == FormSubmission.contact_id)
        .where(FormSubmission.id.in_(chosen))
    )
    by_id = {row[0]: row for row in session.execute(details)}
    rows = [by_id[i] for i in chosen if i in by_id]
    return [
        SearchHit(
            "submission",
            submission_id,
            "{form} — {person}".format(form=form_name, person=person or _("no contact")),
            _(STATUS_WORDS[status]) if status in STATUS_WORDS else status,
            created_at,
        )
        for submission_id, status, created_at, form_name, person in rows
    ]
