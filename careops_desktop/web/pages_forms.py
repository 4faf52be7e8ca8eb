"""``/forms/<token>``: an intake form rendered from its definition and answered by the customer.

The core checks the answers against the definition (``forms.submit_by_token``);
a refusal shows each message at its field with everything typed kept.
"""

from __future__ import annotations

from aiohttp import web

from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.services import forms
from careops_desktop.web.params import not_found, see_other
from careops_desktop.web.site import SITE

FIELD_PREFIX = "q_"
TOKEN_MAX = 100


def _token(request: web.Request) -> str:
    token = request.match_info["token"]
    if not token or len(token) > TOKEN_MAX:
        raise not_found(_("This form link is not valid. Please use the link from your email."))
    return token


async def _load(request: web.Request, token: str) -> forms.FormToFill:
    site = request.app[SITE]
    try:
        found: forms.FormToFill = await site.database.run(forms.get_form_by_token, token)
    except NotFound:
        raise not_found(
            _(
                "This form link is not valid (any more). Please use the link from your latest "
                "email, or contact us."
            )
        ) from None
    return found


def _render(
    request: web.Request,
    token: str,
    form: forms.FormToFill,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status: int = 200,
    sent: bool = False,
) -> web.Response:
    site = request.app[SITE]
    return site.page(
        request,
        "intake.html",
        status=status,
        token=token,
        form=form,
        values=values if values is not None else dict(form.answers),
        errors=errors or {},
        labels={field.key: field.label for field in form.fields},
        sent=sent,
    )


async def show(request: web.Request) -> web.Response:
    """The form to fill in, or its thank-you note once sent."""
    token = _token(request)
    form = await _load(request, token)
    return _render(request, token, form, sent=request.query.get("sent") == "1")


async def submit(request: web.Request) -> web.StreamResponse:
    """Store the answers (303 to the thank-you note), or show the form again with the errors."""
    token = _token(request)
    site = request.app[SITE]
    posted = await request.post()
    form = await _load(request, token)
    values: dict[str, str] = {}
    for field in form.fields:
        raw = posted.get(FIELD_PREFIX + field.key, "")
        values[field.key] = raw if isinstance(raw, str) else ""
    if not form.can_submit:
        return _render(request, token, form)
    try:
        await site.database.run(forms.submit_by_token, token, values)
    except NotFound:
        raise not_found(_("This form link is not valid (any more).")) from None
    except ValidationError as exc:
        return _render(request, token, form, values=values, errors=exc.fields, status=400)
    return see_other(f"/forms/{token}?sent=1")
