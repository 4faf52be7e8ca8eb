"""SQLAlchemy 2.x typed models, split by area. Import models from here."""

from __future__ import annotations

from careops_desktop.core.models.answers import (
    REMINDER_CHANNELS,
    STANDARD_RULE,
    ReminderRule,
    ReminderSend,
    SmsOptOut,
    TypeAutomation,
)
from careops_desktop.core.models.base import Base, UTCDateTime, utcnow
from careops_desktop.core.models.bookings import BOOKING_SOURCES, BOOKING_STATUSES, Booking
from careops_desktop.core.models.business import (
    Availability,
    BookingType,
    BookingTypeStock,
    Business,
    Closure,
    Provider,
    Staff,
    User,
    booking_type_forms,
    booking_type_providers,
)
from careops_desktop.core.models.calendar import BookingCalendarEvent, CalendarLink, ExternalBusy
from careops_desktop.core.models.classes import ClassSession
from careops_desktop.core.models.delivery import AddressFailure
from careops_desktop.core.models.desks import ChangeRecord, DeskPresence
from careops_desktop.core.models.forms import FIELD_TYPES, Form, FormSubmission
from careops_desktop.core.models.imports import ImportBatch, ImportRow
from careops_desktop.core.models.inventory import InventoryItem, StockMovement
from careops_desktop.core.models.people import Contact, Conversation, Message
from careops_desktop.core.models.replies import SavedReply
from careops_desktop.core.models.series import BookingSeries
from careops_desktop.core.models.system import AuditEntry, Integration, OutboxMessage
from careops_desktop.core.models.time_blocks import TimeBlock, TimeBlockSkip
from careops_desktop.core.models.waitlist import WaitlistEntry, WaitlistOffer

__all__ = [
    "BOOKING_SOURCES",
    "BOOKING_STATUSES",
    "FIELD_TYPES",
    "REMINDER_CHANNELS",
    "STANDARD_RULE",
    "AddressFailure",
    "AuditEntry",
    "Availability",
    "Base",
    "Booking",
    "BookingCalendarEvent",
    "BookingSeries",
    "BookingType",
    "BookingTypeStock",
    "Business",
    "CalendarLink",
    "ChangeRecord",
    "ClassSession",
    "Closure",
    "Contact",
    "Conversation",
    "DeskPresence",
    "ExternalBusy",
    "Form",
    "FormSubmission",
    "ImportBatch",
    "ImportRow",
    "Integration",
    "InventoryItem",
    "Message",
    "OutboxMessage",
    "Provider",
    "ReminderRule",
    "ReminderSend",
    "SavedReply",
    "SmsOptOut",
    "Staff",
    "StockMovement",
    "TimeBlock",
    "TimeBlockSkip",
    "TypeAutomation",
    "UTCDateTime",
    "User",
    "WaitlistEntry",
    "WaitlistOffer",
    "booking_type_forms",
    "booking_type_providers",
    "utcnow",
]
