"""CalDAV two-way sync through the ``caldav`` library (no hand-written WebDAV XML).

:class:`CalDavConnection` lists calendars, writes and deletes booking events with
a stable UID, and reads busy periods:

- **events with sync tokens** (RFC 6578) where the server has them: the first
  read lists every resource's ETag and fetches the bodies in batches
  (calendar-multiget); later reads ask only for what changed since the token,
  so a read with no change transfers no event bodies. Recurring events are
  expanded here (``ical_busy``) over a window reaching 30 days past the
  booking horizon; when the horizon passes that window, everything is read again;
- **the free-busy report** (RFC 4791) when the account says so, or in "auto" when
  the server has no sync tokens;
- **events by date range** as the last way out.

Every failure becomes a :class:`CalendarError` whose text a person can act on
(wrong password, wrong address, server not answering, certificate problem).
Calls block on the network: run them in a worker thread (``asyncio.to_thread``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, unquote, urlsplit
from zoneinfo import ZoneInfo

import caldav
import requests
from caldav.elements import dav
from caldav.lib import error as caldav_error
from icalendar import Calendar, Event

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.i18n import _
from careops_desktop.core.services.calendar import (
    BusyPeriod,
    CalendarToRead,
    EventPlan,
    WrittenEvent,
)
from careops_desktop.integrations.ical_busy import periods_from_event, periods_from_freebusy

log = logging.getLogger(__name__)

PRODID = "-//CareOps Desktop//Calendar sync//EN"
MULTIGET_BATCH = 250
WINDOW_SLACK = timedelta(days=30)


class CalendarError(CareOpsError):
    """Talking to the calendar server failed; ``str()`` says why in words.

    ``server_down`` is set when no request can work now (unreachable, refused
    credentials, certificate): the sender stops and keeps later changes waiting.
    """

    def __init__(self, message: str, *, server_down: bool = True) -> None:
        self.server_down = server_down
        super().__init__(message)


@dataclass(frozen=True)
class RemoteCalendar:
    """A calendar the account can see."""

    url: str
    name: str


@dataclass(frozen=True)
class ReadResult:
    """What one read of a calendar found (see ``calendar_store.apply_busy``)."""

    full: bool
    periods: tuple[BusyPeriod, ...]
    replaced_hrefs: tuple[str, ...]
    state: dict[str, Any]
    bodies_fetched: int = 0
    mode: str = "sync"


class _Bearer(requests.auth.AuthBase):
    """An OAuth access token in the Authorization header (Google's CalDAV endpoint)."""

    def __init__(self, token: str) -> None:
        self.token = token

    def __call__(self, request: Any) -> Any:
        request.headers["Authorization"] = f"Bearer {self.token}"
        return request


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


@contextmanager
def _words(action: str, url: str) -> Iterator[None]:
    """Turn library and network failures while doing ``action`` into :class:`CalendarError`.

    ``action`` is a translated sentence start: "Could not list the calendars"."""
    host = _host(url)
    failed = action
    try:
        yield
    except CalendarError:
        raise
    except requests.exceptions.SSLError as exc:
        detail = _("the certificate could not be verified")
        if "CERTIFICATE_VERIFY_FAILED" not in str(exc):
            detail = _(
                "the secure connection failed (is the address https:// on a server without TLS?)"
            )
        raise CalendarError(
            _(
                "{failed}: certificate problem with {host} — {detail}. Check the address; "
                "a server with a self-signed certificate needs it trusted on this computer."
            ).format(failed=failed, host=host, detail=detail)
        ) from None
    except requests.exceptions.Timeout:
        raise CalendarError(
            _("{failed}: {host} did not answer in time.").format(failed=failed, host=host)
        ) from None
    except requests.exceptions.ConnectionError:
        raise CalendarError(
            _(
                "{failed}: {host} cannot be reached. Check the address and the network, "
                "or try again when the server is up."
            ).format(failed=failed, host=host)
        ) from None
    except caldav_error.AuthorizationError as exc:
        if "forbidden" in str(exc.reason).lower():
            raise CalendarError(
                _(
                    "{failed}: {host} refused access (403). This account may not use "
                    "that calendar; choose another one."
                ).format(failed=failed, host=host),
                server_down=False,
            ) from None
        raise CalendarError(
            _(
                "{failed}: {host} refused the user name or password (401). Check them; "
                "iCloud, Fastmail and most others need an app password, not your usual one."
            ).format(failed=failed, host=host)
        ) from None
    except caldav_error.NotFoundError:
        raise CalendarError(
            _("{failed}: nothing was found at {url} (404). Check the address.").format(
                failed=failed, url=url
            ),
            server_down=False,
        ) from None
    except caldav_error.DAVError as exc:
        first = (str(exc.reason or "").strip().splitlines() or [_("no reason")])[0][:200]
        raise CalendarError(
            _("{failed}: {host} answered with an error ({reason}).").format(
                failed=failed, host=host, reason=first
            )
        ) from None
    except requests.exceptions.RequestException as exc:
        raise CalendarError(
            _("{failed}: {name}.").format(failed=failed, name=type(exc).__name__)
        ) from None


def render_event(plan: EventPlan, uid: str, sequence: int, now: datetime) -> str:
    """The VCALENDAR text of a booking's event: no organizer or attendees, so the server
    never mails the customer an invitation."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", plan.start.astimezone(UTC))
    event.add("dtend", plan.end.astimezone(UTC))
    event.add("sequence", sequence)
    event.add("summary", " ".join(plan.summary.split()))
    if plan.location:
        event.add("location", " ".join(plan.location.split()))
    event.add("description", plan.description)
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    calendar.add_component(event)
    return str(calendar.to_ical().decode("utf-8"))


@dataclass
class CalDavConnection:
    """One account on one server; cheap to make, closes its HTTP session on :meth:`close`."""

    url: str
    username: str
    secret: str
    auth: str = "password"
    timeout: int = 30
    bodies_fetched: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self._client: Any
        if self.auth == "token":
            self._client = caldav.DAVClient(
                self.url, auth=_Bearer(self.secret), timeout=self.timeout
            )
        else:
            self._client = caldav.DAVClient(
                self.url, username=self.username, password=self.secret, timeout=self.timeout
            )

    def close(self) -> None:
        self._client.session.close()

    def __enter__(self) -> CalDavConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- calendars ----------------------------------------------------------------------------

    def calendars(self) -> list[RemoteCalendar]:
        """The calendars the account can see (the "Test connection" button's check)."""
        with _words(_("Could not list the calendars"), self.url):
            principal = self._client.principal()
            found = []
            for calendar in principal.calendars():
                url = str(calendar.url)
                name = calendar.get_display_name() or url.rstrip("/").rsplit("/", 1)[-1]
                found.append(RemoteCalendar(url, " ".join(str(name).split())))
        return found

    def _calendar(self, url: str) -> Any:
        return self._client.calendar(url=url)

    # -- writing ------------------------------------------------------------------------------

    def write_event(self, calendar_url: str, uid: str, text: str, href: str = "") -> WrittenEvent:
        """Create or replace the event with ``uid`` (at ``href`` when it is known there)."""
        with _words(_("Could not save the booking in the calendar"), calendar_url):
            calendar = self._calendar(calendar_url)
            # a plain PUT of the whole resource: caldav's Event.save() would bump SEQUENCE
            # again, and our SEQUENCE already counts the booking's changes
            name = quote(uid.replace("/", "%2F"), safe="") + ".ics"
            url = str(calendar.url.join(href or name))
            response = self._client.put(url, text, {"Content-Type": "text/calendar; charset=utf-8"})
            if response.status not in (200, 201, 204):
                raise CalendarError(
                    _(
                        "Could not save the booking in the calendar: {host} answered "
                        "{status} {reason}."
                    ).format(
                        host=_host(calendar_url), status=response.status, reason=response.reason
                    ),
                    server_down=response.status >= 500,
                )
            etag = str(response.headers.get("ETag") or "")
            return WrittenEvent(calendar_url, uid, url, etag[:200], 0)

    def delete_event(self, href: str) -> None:
        """Delete an event; one that is already gone is not an error."""
        with _words(_("Could not remove the booking from the calendar"), href):
            try:
                caldav.Event(self._client, url=self._client.url.join(href)).delete()
            except caldav_error.NotFoundError:
                return

    # -- reading ------------------------------------------------------------------------------

    def read_busy(
        self,
        target: CalendarToRead,
        *,
        window: tuple[datetime, datetime],
        zone: ZoneInfo,
        source: str = "auto",
    ) -> ReadResult:
        """Busy periods of one calendar for ``window`` (see the module doc for the ways)."""
        failed = (
            _("Could not read the calendar {name}").format(name=target.calendar_name)
            if target.calendar_name
            else _("Could not read the calendar")
        )
        with _words(failed, target.calendar_url):
            calendar = self._calendar(target.calendar_url)
            mode = target.state.get("mode") or ("freebusy" if source == "freebusy" else "sync")
            if source == "events" and mode == "freebusy":
                mode = "sync"
            if mode == "sync":
                try:
                    return self._read_by_token(calendar, target, window, zone)
                except caldav_error.AuthorizationError as exc:
                    if "forbidden" not in str(exc.reason).lower() or source != "auto":
                        raise
                except caldav_error.ReportError:
                    if source != "auto":
                        raise
                mode = "freebusy"
            if mode == "freebusy":
                try:
                    return self._read_freebusy(calendar, window)
                except caldav_error.DAVError:
                    if source == "freebusy":
                        raise
            return self._read_by_date(calendar, window, zone)

    def _read_by_token(
        self,
        calendar: Any,
        target: CalendarToRead,
        window: tuple[datetime, datetime],
        zone: ZoneInfo,
    ) -> ReadResult:
        start, end = window
        covered = _covers(target.state, window)
        token = target.state.get("sync_token") if covered else None
        try:
            listing = calendar.objects_by_sync_token(token, load_objects=False)
        except caldav_error.DAVError:
            if not token:
                raise
            log.info("sync token of %s refused; listing again", target.calendar_url)
            token = None
            listing = calendar.objects_by_sync_token(None, load_objects=False)
        seen: dict[str, str] = {}
        removed: list[str] = []
        for obj in listing:
            href = _href(obj.url)
            etag = obj.props.get(dav.GetEtag.tag)
            if etag is None:
                removed.append(href)
            else:
                seen[href] = str(etag)
        if token is None and covered:
            removed += [href for href in target.known_etags if href not in seen]
        wanted = [
            href
            for href, etag in seen.items()
            if not covered or target.known_etags.get(href) != etag
        ]
        expand_until = end + WINDOW_SLACK if not covered else _window_of(target.state)[1]
        expand_from = start if not covered else _window_of(target.state)[0]
        periods = self._fetch_periods(calendar, wanted, seen, (expand_from, expand_until), zone)
        state = {
            "mode": "sync",
            "sync_token": str(listing.sync_token or ""),
            "window_start": expand_from.isoformat(),
            "window_end": expand_until.isoformat(),
        }
        return ReadResult(
            full=not covered,
            periods=tuple(periods),
            replaced_hrefs=tuple(wanted + removed),
            state=state,
            bodies_fetched=len(wanted),
        )

    def _fetch_periods(
        self,
        calendar: Any,
        hrefs: list[str],
        etags: dict[str, str],
        window: tuple[datetime, datetime],
        zone: ZoneInfo,
    ) -> list[BusyPeriod]:
        periods: list[BusyPeriod] = []
        for first in range(0, len(hrefs), MULTIGET_BATCH):
            batch = [calendar.url.join(h) for h in hrefs[first : first + MULTIGET_BATCH]]
            for url, data in calendar._multiget(batch):
                path = _href(calendar.url.join(url))
                self.bodies_fetched += 1
                periods += periods_from_event(
                    str(data), href=path, etag=etags.get(path, ""), window=window, zone=zone
                )
        return periods

    def _read_freebusy(self, calendar: Any, window: tuple[datetime, datetime]) -> ReadResult:
        reply = calendar.freebusy_request(*window)
        periods = periods_from_freebusy(str(reply.data), window=window)
        return ReadResult(True, tuple(periods), (), {"mode": "freebusy"}, 0, "freebusy")

    def _read_by_date(
        self, calendar: Any, window: tuple[datetime, datetime], zone: ZoneInfo
    ) -> ReadResult:
        periods: list[BusyPeriod] = []
        found = calendar.search(start=window[0], end=window[1], event=True, expand=False)
        for obj in found:
            self.bodies_fetched += 1
            periods += periods_from_event(
                str(obj.data), href=_href(obj.url), etag="", window=window, zone=zone
            )
        return ReadResult(True, tuple(periods), (), {"mode": "search"}, len(found), "search")


def _href(url: Any) -> str:
    """A resource's path, percent-decoded: servers spell "@" both ways in one response."""
    return unquote(str(url.path))


def _window_of(state: dict[str, Any]) -> tuple[datetime, datetime]:
    try:
        return (
            datetime.fromisoformat(str(state["window_start"])),
            datetime.fromisoformat(str(state["window_end"])),
        )
    except (KeyError, ValueError):
        epoch = datetime(1970, 1, 1, tzinfo=UTC)
        return epoch, epoch


def _covers(state: dict[str, Any], window: tuple[datetime, datetime]) -> bool:
    """Whether the stored expansion window holds ``window`` (else everything is read again)."""
    if not state.get("sync_token"):
        return False
    first, last = _window_of(state)
    return first <= window[0] and last >= window[1]
