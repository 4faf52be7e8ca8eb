"""Word lists the demo data is made from: names, streets, message phrases.

Plain tuples, nothing random here; the builders pick from them with a seeded
``random.Random`` so the same seed and the same ``today`` give the same data.
A few names carry apostrophes, hyphens and accents on purpose, so the demo
shows how the app handles real-world text.
"""

from __future__ import annotations

# fmt: off

FIRST_NAMES = (
    "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia",
    "Grace", "Freya", "Ella", "Evie", "Florence", "Poppy", "Charlotte", "Willow", "Sienna",
    "Daisy", "Phoebe", "Zoë", "Chloé", "Aoife", "Siobhan", "Niamh", "Priya", "Aisha", "Fatima",
    "Mei", "Yuki", "Noor", "Leila", "Hannah", "Ruby", "Matilda", "Emily", "Alice", "Harriet",
    "Noah", "Oliver", "George", "Leo", "Arthur", "Muhammad", "Oscar", "Harry", "Archie",
    "Jack", "Henry", "Charlie", "Freddie", "Theodore", "Thomas", "Finley", "Alfie", "Jacob",
    "William", "Isaac", "Tommy", "Rory", "Callum", "Ewan", "Dylan", "Rhys", "Owain", "Seán",
    "Ravi", "Arjun", "Kwame", "Tunde", "Mateo", "Luca", "Andrzej", "Tomás", "Björn", "Yusuf",
    "Omar", "Daniel", "Samuel", "Joseph", "Benjamin", "Edward", "Max", "Reuben", "Elliot",
)

LAST_NAMES = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
    "Thomas", "Clarke", "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper",
    "Hill", "Ward", "Hughes", "Moore", "Clark", "King", "Harrison", "Lewis", "Baker", "Lee",
    "Allen", "Morris", "Khan", "Scott", "Watson", "Davis", "Parker", "James", "Bennett",
    "Young", "Phillips", "Richardson", "Mitchell", "Bailey", "Carter", "Cook", "Singh",
    "Shaw", "Bell", "Collins", "Morgan", "Kelly", "Begum", "Miller", "Cox", "Hussain",
    "O'Brien", "O'Connor", "McDonald", "MacLeod", "Fitzgerald", "Ní Bhriain", "Kowalski",
    "Nowak", "Okafor", "Adeyemi", "Mensah", "Chen", "Wang", "Nguyen", "Tanaka", "Kim",
    "García", "Fernández", "Rossi", "Müller", "Jensen", "Smith-Jones", "Ahmed", "Ali",
)

EMAIL_DOMAINS = (
    "example.com", "example.org", "example.net", "mail.example.co.uk", "post.example.com",
)

STREETS = (
    "High Street", "Station Road", "Church Lane", "Mill Road", "Victoria Road", "Green Lane",
    "Park Avenue", "Queen's Road", "Kingsway", "Orchard Close", "Willow Lane", "Castle Street",
)

# A customer's question and the answer staff give (first message of an exchange, reply).
EXCHANGES = (
    ("Hi, do you have anything free on {day} afternoon?",
     "Hi {name}, yes — we have {time} on {day}. Shall I book it for you?"),
    ("Hello, I'd like to book a follow-up with {provider} if possible.",
     "Hi {name}, {provider} has {time} on {day} free. Would that suit?"),
    ("Can I move my appointment to later in the week? Something came up at work.",
     "No problem, {name}. I've moved it to {day} at {time}; a new confirmation is on its way."),
    ("Is there parking near the clinic?",
     "Hi {name}, there's free parking behind the building on Willow Lane."),
    ("How long does an initial assessment take, and what should I wear?",
     "Hi {name}, it takes an hour. Comfortable clothes you can move in are best."),
    ("My back has been much better since the last session, thank you! Should I book again?",
     "Lovely to hear, {name}! One more in two weeks would be ideal — {day} at {time}?"),
    ("Do you accept payment by card on the day?",
     "Yes, we take card and contactless on the day."),
    ("I'm running about 10 minutes late, sorry!",
     "Thanks for letting us know, {name} — see you shortly."),
    ("Could you send me a receipt for my last visit for my insurance claim?",
     "Of course, {name}. I've emailed it to you; let us know if your insurer needs more."),
    ("Is the sauna suitable if I'm pregnant?",
     "Hi {name}, we'd suggest checking with your midwife first — happy to talk it through."),
    ("Hi, I filled in the form but I'm not sure it went through.",
     "Thanks {name}, it came through fine. Nothing else to do."),
    ("Can my partner come along to the appointment?",
     "Of course, they're very welcome."),
    ("Do you do gift vouchers?",
     "We do! Vouchers can be bought at reception or over the phone."),
    ("I need to cancel tomorrow, I've come down with a cold. Sorry for the short notice.",
     "Sorry to hear that, {name}. I've cancelled it — get well soon."),
    ("What's the difference between the sports massage and a follow-up session?",
     "A follow-up is physiotherapy treatment; a sports massage is 45 minutes of deep tissue work."),
    ("Is the Saturday morning slot still available?",
     "Hi {name}, yes it is — shall I book it?"),
    ("Thanks for today, feeling much looser already.",
     "So glad to hear it, {name}. Keep up the exercises!"),
    ("Do you have wheelchair access?",
     "Yes, there's step-free access through the side entrance on Willow Lane."),
)

# What customers add when the thread goes on.
CUSTOMER_FOLLOW_UPS = (
    "Great, thanks!",
    "Perfect, see you then.",
    "That works for me.",
    "Thank you, that's really helpful.",
    "Could we make it half an hour later?",
    "Lovely, thanks very much.",
    "OK, I'll fill it in tonight.",
    "Brilliant 👍",
)

SYSTEM_CONFIRMATION = "Booking confirmed: {booking_type} with {provider} on {when}."
SYSTEM_REMINDER = "Reminder: {booking_type} with {provider} on {when}."
SYSTEM_CANCELLED = "Booking cancelled: {booking_type} on {when}."

CANCEL_REASONS = (
    "Unwell",
    "Work commitment",
    "Childcare fell through",
    "Booked by mistake",
    "Moved to another day",
    "",
)

BOOKING_NOTES = (
    "",
    "",
    "",
    "",
    "Prefers a female practitioner",
    "Left knee — post-op week 6",
    "Bring previous scan results",
    "Paid in advance",
    "Gift voucher #2231",
    "Lower back, desk job",
)

CONTACT_NOTES = (
    "",
    "",
    "",
    "",
    "",
    "Prefers text messages",
    "Allergic to nut oils",
    "Referred by GP",
    "Runs marathons",
    "Hard of hearing — speak clearly",
    "Insurance: AXA",
)
# fmt: on
