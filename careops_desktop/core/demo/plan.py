"""What the demo business is: its size, people, hours, booking types, forms and stock.

Plain specifications only (no database, no randomness). ``plan_for("small")``
and ``plan_for("large")`` say how much history to make; the catalogue below
is the same for both sizes, the large one just has more providers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Any, Literal

DemoSizeName = Literal["small", "large"]

BUSINESS_NAME = "Willow Lane Physio & Wellbeing"
TIMEZONE = "Europe/London"
DEMO_DOMAIN = "demo.careops.local"
# the business's public address must pass the profile's email check (".local" is reserved)
BUSINESS_EMAIL = "hello@demo-clinic.example.com"

# The demo accounts (documented in README.md). Demo only: never reuse these.
OWNER_EMAIL = f"owner@{DEMO_DOMAIN}"
OWNER_PASSWORD = "demo-owner-pass"
MANAGER_EMAIL = f"manager@{DEMO_DOMAIN}"
MANAGER_PASSWORD = "demo-manager-pass"
STAFF_EMAIL = f"staff@{DEMO_DOMAIN}"
STAFF_PASSWORD = "demo-staff-pass"


@dataclass(frozen=True)
class DemoPlan:
    """How much the demo holds; ``fill`` is the share of opening hours booked."""

    size: DemoSizeName
    practitioners: int
    rooms: int
    history_days: int
    ahead_days: int
    contacts: int
    messages: int
    fill: float
    seed: int
    outbox_recent: int
    audit_days: int


PLANS: dict[str, DemoPlan] = {
    "small": DemoPlan(
        size="small",
        practitioners=2,
        rooms=1,
        history_days=21,
        ahead_days=10,
        contacts=400,
        messages=1_500,
        fill=0.6,
        seed=20_240_501,
        outbox_recent=12,
        audit_days=10_000,
    ),
    "large": DemoPlan(
        size="large",
        practitioners=8,
        rooms=2,
        history_days=4 * 365 + 1,
        ahead_days=91,
        contacts=20_000,
        messages=500_000,
        fill=0.6,
        seed=20_240_502,
        outbox_recent=40,
        audit_days=90,
    ),
}


def plan_for(size: str) -> DemoPlan:
    """The plan of a demo size; raises ``KeyError`` for an unknown size."""
    return PLANS[size]


Hours = tuple[tuple[int, time, time], ...]  # (weekday, start, end); Monday = 0


def _days(weekdays: range | tuple[int, ...], *ranges: tuple[time, time]) -> Hours:
    return tuple((day, start, end) for day in weekdays for start, end in ranges)


HOUR_PATTERNS: tuple[Hours, ...] = (
    # Monday to Friday with a lunch break
    _days(range(5), (time(8, 0), time(12, 30)), (time(13, 30), time(19, 0))),
    # Tuesday to Friday late, Saturday
    _days((1, 2, 3, 4), (time(9, 0), time(13, 0)), (time(13, 30), time(20, 0)))
    + _days((5,), (time(8, 0), time(15, 0))),
    # long days Monday, Wednesday, Thursday; shorter Friday and Saturday
    _days((0, 2, 3), (time(8, 0), time(20, 0)))
    + _days((4,), (time(8, 0), time(15, 0)))
    + _days((5,), (time(9, 0), time(13, 0))),
)
ROOM_HOURS: Hours = _days(range(6), (time(8, 0), time(20, 0))) + _days(
    (6,), (time(10, 0), time(16, 0))
)

PRACTITIONER_NAMES = (
    "Dr Olivia Hart",
    "Sam Patel",
    "Megan O'Sullivan",
    "Kwame Mensah",
    "Hannah Lewis",
    "Tomás García",
    "Priya Shah",
    "Ewan MacLeod",
)
ROOM_NAMES = ("Recovery Suite", "Sauna Room 2")
PROVIDER_COLORS = (
    "#2563eb", "#16a34a", "#db2777", "#ea580c", "#7c3aed",
    "#0891b2", "#ca8a04", "#4b5563", "#dc2626", "#0d9488",
)  # fmt: skip


@dataclass(frozen=True)
class ItemSpec:
    name: str
    unit: str
    low_threshold: int  # per provider; scaled by the number of providers
    par: int  # restock up to this, per provider
    ends_low: bool = False


ITEMS: tuple[ItemSpec, ...] = (
    ItemSpec("Couch roll", "sheets", 40, 220),
    ItemSpec("Nitrile gloves", "pairs", 30, 150),
    ItemSpec("Massage oil", "ml", 300, 2_000),
    ItemSpec("Kinesiology tape", "strips", 20, 120, ends_low=True),
    ItemSpec("Disposable towels", "pcs", 40, 250),
    ItemSpec("Exercise band", "pcs", 4, 20, ends_low=True),
    ItemSpec("Ultrasound gel", "ml", 100, 600),
    ItemSpec("Hand sanitiser", "bottles", 2, 8),
)


@dataclass(frozen=True)
class BookingTypeSpec:
    name: str
    slug: str
    duration: int
    price_minor: int | None
    buffer_before: int
    buffer_after: int
    weight: float  # how often it is booked, relative
    offered_by: Literal["practitioner", "room"]
    forms: tuple[str, ...] = ()
    stock: tuple[tuple[str, int], ...] = ()  # (item name, quantity per booking)
    location: str = "Willow Lane clinic"
    first_visit: bool = False  # usually a new customer's first booking
    description: str = ""


BOOKING_TYPES: tuple[BookingTypeSpec, ...] = (
    BookingTypeSpec(
        "Initial assessment", "initial-assessment", 60, 7_500, 0, 15, 1.0, "practitioner",
        forms=("New patient intake", "Treatment consent"),
        stock=(("Couch roll", 1), ("Nitrile gloves", 1), ("Exercise band", 1),
               ("Ultrasound gel", 10)),
        first_visit=True,
        description="A full assessment and a treatment plan. Wear comfortable clothes.",
    ),
    BookingTypeSpec(
        "Follow-up session", "follow-up", 30, 4_500, 0, 10, 4.0, "practitioner",
        stock=(("Couch roll", 1), ("Nitrile gloves", 1)),
        description="Treatment and exercises, following your plan.",
    ),
    BookingTypeSpec(
        "Sports massage", "sports-massage", 45, 5_500, 5, 10, 1.3, "practitioner",
        forms=("Health questionnaire",),
        stock=(("Couch roll", 1), ("Massage oil", 20), ("Disposable towels", 1)),
        description="Deep tissue massage for recovery and performance.",
    ),
    BookingTypeSpec(
        "Taping and strapping", "taping", 20, 2_500, 0, 5, 0.8, "practitioner",
        stock=(("Kinesiology tape", 4), ("Nitrile gloves", 1)),
        description="Kinesiology taping for support during sport.",
    ),
    BookingTypeSpec(
        "Free phone consultation", "phone-consultation", 15, None, 0, 0, 0.9, "practitioner",
        location="By phone", first_visit=True,
        description="Fifteen minutes to talk through whether we can help.",
    ),
    BookingTypeSpec(
        "Infrared sauna", "infrared-sauna", 40, 3_000, 0, 20, 1.0, "room",
        forms=("Health questionnaire",),
        stock=(("Disposable towels", 2),),
        location="Recovery Suite",
        description="A private infrared sauna session. Towels provided.",
    ),
)  # fmt: skip


def _field(key: str, label: str, kind: str, required: bool = False, **extra: Any) -> dict[str, Any]:
    return {"key": key, "label": label, "type": kind, "required": required, **extra}


FORMS: dict[str, tuple[str, list[dict[str, Any]]]] = {
    "New patient intake": (
        "About you and your health, before your first visit.",
        [
            _field("date_of_birth", "Date of birth", "date", True),
            _field("gp_name", "GP practice", "text"),
            _field("conditions", "Medical conditions", "textarea"),
            _field("medications", "Current medications", "textarea"),
            _field("emergency_name", "Emergency contact", "text", True),
            _field("emergency_phone", "Emergency contact phone", "phone", True),
            _field(
                "heard_from",
                "How did you hear about us?",
                "select",
                options=["Friend", "GP referral", "Search engine", "Social media", "Other"],
            ),
        ],
    ),
    "Treatment consent": (
        "Your consent to assessment and treatment.",
        [
            _field("consent", "I consent to assessment and treatment", "checkbox", True),
            _field("signed_name", "Full name", "text", True),
        ],
    ),
    "Health questionnaire": (
        "A few questions so the session is safe for you.",
        [
            _field("pain_level", "Pain today (0–10)", "number", True, min=0, max=10),
            _field("injuries", "Recent injuries", "textarea"),
            _field("heart_condition", "I have a heart condition", "checkbox"),
            _field(
                "pregnant",
                "Are you pregnant?",
                "select",
                True,
                options=["No", "Yes", "Prefer not to say"],
            ),
            _field("contact_email", "Email for your receipt", "email"),
        ],
    ),
}
