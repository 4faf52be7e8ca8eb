<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AddPersonDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/waitlist_forms.py" line="+53"/>
        <location line="+1"/>
        <source>Add to the waitlist</source>
        <translation>Auf die Warteliste setzen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Booking type</source>
        <translation>Terminart</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+16"/>
        <source>With</source>
        <translation>Bei</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+13"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+11"/>
        <source>Mobile phone</source>
        <translation>Mobiltelefon</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+10"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+10"/>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Booking</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The offer goes by email, or by text message without an email.</source>
        <translation>Das Angebot wird per E-Mail verschickt, ohne E-Mail-Adresse per SMS.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Please choose a booking type.</source>
        <translation>Bitte wählen Sie eine Terminart.</translation>
    </message>
</context>
<context>
    <name>AttendeesDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/attendees_dialog.py" line="+70"/>
        <source>Class attendees</source>
        <translation>Kursteilnehmer</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email or phone</source>
        <translation>E-Mail oder Telefon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attendees</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Arrived (Ctrl+Shift+A)</source>
        <translation>Eingetroffen (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove… (Del)</source>
        <translation>Entfernen… (Entf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add attendee… (Ctrl+N)</source>
        <translation>Teilnehmer hinzufügen… (Strg+N)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove and free the seat</source>
        <translation>Entfernen und Platz freigeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add to this session</source>
        <translation>Zu diesem Termin hinzufügen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find the person to add, then choose Add to this session.</source>
        <translation>Suchen Sie die Person und wählen Sie dann „Zu diesem Termin hinzufügen“.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+4"/>
        <source>Move the session to</source>
        <translation>Termin verschieben auf</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Move everyone and tell them</source>
        <translation>Alle verschieben und benachrichtigen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{type} with {provider}, {when}</source>
        <translation>{type} bei {provider}, {when}</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Remove {name} from this session? Their seat is freed and they are told.</source>
        <translation>{name} aus diesem Termin entfernen? Der Platz wird frei und die Person wird benachrichtigt.</translation>
    </message>
</context>
<context>
    <name>BlockUndo</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/block_undo.py" line="+31"/>
        <source>everyone</source>
        <translation>alle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{reason} for {who} was blocked every week from {day}.</source>
        <translation>{reason} für {who} ist ab {day} jede Woche gesperrt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{reason} for {who} on {day} was blocked.</source>
        <translation>{reason} für {who} am {day} ist gesperrt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The blocked time {reason} for {who} on {day} was changed.</source>
        <translation>Die gesperrte Zeit {reason} für {who} am {day} wurde geändert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{reason} for {who} is no longer blocked in any week.</source>
        <translation>{reason} für {who} ist in keiner Woche mehr gesperrt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{reason} for {who} on {day} is no longer blocked.</source>
        <translation>{reason} für {who} am {day} ist nicht mehr gesperrt.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The blocked time {reason} was taken back.</source>
        <translation>Die gesperrte Zeit {reason} wurde zurückgenommen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The blocked time {reason} is back as it was.</source>
        <translation>Die gesperrte Zeit {reason} ist wieder wie vorher.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The blocked time {reason} is blocked again.</source>
        <translation>Die Zeit {reason} ist wieder gesperrt.</translation>
    </message>
</context>
<context>
    <name>BlockedTime</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/blocked_time.py" line="+76"/>
        <source>everyone</source>
        <translation>alle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{reason} · {who}</source>
        <translation>{reason} · {who}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{time} — blocked: {reasons}</source>
        <translation>{time} — gesperrt: {reasons}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Blocked time</source>
        <translation>Gesperrte Zeit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This time is blocked ({reasons}). Book anyway?</source>
        <translation>Diese Zeit ist gesperrt ({reasons}). Trotzdem buchen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blocked time</source>
        <translation>gesperrte Zeit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Book anyway</source>
        <translation>Trotzdem buchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose another time</source>
        <translation>Andere Zeit wählen</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/dialogs.py" line="+299"/>
        <source>New booking</source>
        <translation>Neue Buchung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book</source>
        <translation>Buchen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose a contact, or tick “New contact”.</source>
        <translation>Wählen Sie einen Kontakt oder kreuzen Sie „Neuer Kontakt“ an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a free start time.</source>
        <translation>Wählen Sie eine freie Startzeit.</translation>
    </message>
</context>
<context>
    <name>BookingList</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/page_data.py" line="+336"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking type</source>
        <translation>Terminart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With</source>
        <translation>Bei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked</source>
        <translation>Gebucht am</translation>
    </message>
</context>
<context>
    <name>BookingPanel</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/panel.py" line="+59"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking type</source>
        <translation>Terminart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With</source>
        <translation>Bei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No notes</source>
        <translation>Keine Notizen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Arrived</source>
        <translation>Eingetroffen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reschedule…</source>
        <translation>Verschieben…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel…</source>
        <translation>Stornieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open contact</source>
        <translation>Kontakt öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class attendees…</source>
        <translation>Kursteilnehmer…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{action} ({keys})</source>
        <translation>{action} ({keys})</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No booking selected</source>
        <translation>Keine Buchung ausgewählt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click a booking in the calendar or the list.</source>
        <translation>Klicken Sie auf eine Buchung im Kalender oder in der Liste.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Arrived at {time}</source>
        <translation>Eingetroffen um {time}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Confirmed by the customer at {when}.</source>
        <translation>Vom Kunden bestätigt am {when}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A visit of a recurring series.</source>
        <translation>Ein Termin einer wiederkehrenden Serie.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{when}
on the booking page</source>
        <translation>{when}
auf der Buchungsseite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{when}
at the desk</source>
        <translation>{when}
am Empfang</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{when} — {reason}</source>
        <translation>{when} — {reason}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Visit {number} of a series: {rule}.</source>
        <translation>Termin {number} einer Serie: {rule}.</translation>
    </message>
</context>
<context>
    <name>BookingSheet</name>
    <message>
        <location filename="../../../careops_desktop/ui/printing/booking_sheet.py" line="+25"/>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>Eingetroffen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+53"/>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>{when} on the booking page</source>
        <translation>{when} auf der Buchungsseite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{when} at the desk</source>
        <translation>{when} am Empfang</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Booking type</source>
        <translation>Terminart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With</source>
        <translation>Bei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forms</source>
        <translation>Formulare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Booking</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed {when}</source>
        <translation>Gedruckt am {when}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No notes.</source>
        <translation>Keine Notizen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Booking · {name}</source>
        <translation>Buchung · {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{business} — {footer}</source>
        <translation>{business} — {footer}</translation>
    </message>
</context>
<context>
    <name>BookingStatus</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/page_data.py" line="-297"/>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>Eingetroffen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
</context>
<context>
    <name>BookingsView</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/view.py" line="+107"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date shown</source>
        <translation>Angezeigtes Datum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All providers</source>
        <translation>Alle Anbieter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New booking…</source>
        <translation>Neue Buchung…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Block time…</source>
        <translation>Zeit sperren…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Block time for lunch, a meeting or training (Ctrl+Shift+B). You can also drag down over an empty part of the calendar.</source>
        <translation>Zeit für Mittagspause, Besprechung oder Schulung sperren (Strg+Umschalt+B). Sie können auch über einen leeren Bereich des Kalenders nach unten ziehen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print day sheet…</source>
        <translation>Tagesplan drucken…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print the day shown, for the provider chosen beside it or for everyone (Ctrl+P).</source>
        <translation>Den angezeigten Tag drucken, für den daneben gewählten Anbieter oder für alle (Strg+P).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waitlist…</source>
        <translation>Warteliste…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>People waiting for a time to free up (Ctrl+Shift+W).</source>
        <translation>Personen, die auf einen frei werdenden Termin warten (Strg+Umschalt+W).</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any booking type</source>
        <translation>Jede Terminart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search contact, type or provider…</source>
        <translation>Kontakt, Terminart oder Anbieter suchen…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location line="+203"/>
        <source>{first} – {last}</source>
        <translation>{first} – {last}</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>%Ln booking(s)</source>
        <translation>
            <numerusform>%Ln Buchung</numerusform>
            <numerusform>%Ln Buchungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarAccess</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/calendar_access.py" line="+26"/>
        <source>Calendar of bookings. Arrow keys move from booking to booking and Enter moves the chosen one; the List tab shows the same bookings as a table, for screen readers.</source>
        <translation>Kalender der Buchungen. Mit den Pfeiltasten wechseln Sie von Buchung zu Buchung, die Eingabetaste verschiebt die gewählte; der Reiter „Liste“ zeigt dieselben Buchungen als Tabelle, für Bildschirmleser.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+8"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calendar: {contact}, {type} with {provider}, {when}, {status}</source>
        <translation>Kalender: {contact}, {type} bei {provider}, {when}, {status}</translation>
    </message>
</context>
<context>
    <name>CalendarHooks</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/calendar_hooks.py" line="+33"/>
        <source>Too narrow to read: show the day view</source>
        <translation>Zu schmal zum Lesen: Tagesansicht zeigen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Some bookings sit side by side in lanes too narrow for names; the day view gives each provider a column.</source>
        <translation>Einige Buchungen stehen nebeneinander in Spalten, die für Namen zu schmal sind; die Tagesansicht gibt jedem Anbieter eine eigene Spalte.</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/page_data.py" line="+114"/>
        <source>{type} · {provider}</source>
        <translation>{type} · {provider}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Arrived {time} · {details}</source>
        <translation>Eingetroffen {time} · {details}</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/dialogs.py" line="+130"/>
        <location line="+1"/>
        <source>Cancel booking</source>
        <translation>Buchung stornieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep booking</source>
        <translation>Buchung behalten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel {contact}&apos;s {type} on {when}? The customer is told two minutes later (until then the cancel can be undone), stock used comes back and unanswered forms are withdrawn.</source>
        <translation>{type} von {contact} am {when} stornieren? Der Kunde wird zwei Minuten später benachrichtigt (bis dahin lässt sich die Stornierung rückgängig machen), verbrauchter Bestand wird zurückgebucht und unbeantwortete Formulare werden zurückgezogen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reason (shown to staff; optional)</source>
        <translation>Grund (nur für Mitarbeiter sichtbar; optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>CancelFollowingDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/series_actions.py" line="+80"/>
        <location line="+1"/>
        <source>Cancel visits</source>
        <translation>Termine stornieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep visits</source>
        <translation>Termine behalten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel {name}&apos;s {type} on {when} and every later visit of the series? The customer gets one message listing them.</source>
        <translation>{type} von {name} am {when} und alle späteren Termine der Serie stornieren? Der Kunde erhält eine Nachricht, in der sie aufgeführt sind.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reason (shown to staff; optional)</source>
        <translation>Grund (nur für Mitarbeiter sichtbar; optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <location filename="../../../careops_desktop/ui/bookings/words.py" line="+28"/>
        <source>%Ln booking(s)</source>
        <translation>
            <numerusform>%Ln Buchung</numerusform>
            <numerusform>%Ln Buchungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln attendee(s)</source>
        <translation>
            <numerusform>%Ln Teilnehmer</numerusform>
            <numerusform>%Ln Teilnehmer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln free time(s)</source>
        <translation>
            <numerusform>%Ln freie Zeit</numerusform>
            <numerusform>%Ln freie Zeiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>{taken} of %Ln seat(s) taken, {left} left.</source>
        <translation>
            <numerusform>{taken} von %Ln Platz belegt, {left} frei.</numerusform>
            <numerusform>{taken} von %Ln Plätzen belegt, {left} frei.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/desk_actions.py" line="+95"/>
        <source>There is nothing to undo.</source>
        <translation>Es gibt nichts rückgängig zu machen.</translation>
    </message>
</context>
<context>
    <name>DropDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/drop_dialog.py" line="+38"/>
        <source>{provider} is closed that day. Move the booking anyway?</source>
        <translation>{provider} hat an diesem Tag geschlossen. Buchung trotzdem verschieben?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That time is outside {provider}&apos;s opening hours. Move the booking anyway?</source>
        <translation>Diese Zeit liegt außerhalb der Öffnungszeiten von {provider}. Buchung trotzdem verschieben?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{provider} is busy in their own calendar then. Move the booking anyway?</source>
        <translation>{provider} ist zu dieser Zeit im eigenen Kalender belegt. Buchung trotzdem verschieben?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{provider} does not work at that time (opening hours or a closure). Move the booking anyway?</source>
        <translation>{provider} arbeitet zu dieser Zeit nicht (Öffnungszeiten oder Schließtag). Buchung trotzdem verschieben?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This time is blocked ({reason}). Move anyway?</source>
        <translation>Diese Zeit ist gesperrt ({reason}). Trotzdem verschieben?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That time is taken: {provider} has another booking then. Nothing was changed.</source>
        <translation>Diese Zeit ist vergeben: {provider} hat dann eine andere Buchung. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That time has already passed. Nothing was changed.</source>
        <translation>Diese Zeit ist bereits vorbei. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{provider} does not offer this booking type. Nothing was changed.</source>
        <translation>{provider} bietet diese Terminart nicht an. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Change booking length</source>
        <translation>Buchungsdauer ändern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move booking</source>
        <translation>Buchung verschieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+140"/>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Tell the customer</source>
        <translation>Kunden benachrichtigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the customer the new time (email or text, as usual).</source>
        <translation>Dem Kunden die neue Zeit senden (wie üblich per E-Mail oder SMS).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Free times</source>
        <translation>Freie Zeiten</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{day} {start}–{end}</source>
        <translation>{day} {start}–{end}</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Make {name}&apos;s booking {when} (%n minute(s))?</source>
        <translation>
            <numerusform>Buchung von {name} auf {when} ändern (%n Minute)?</numerusform>
            <numerusform>Buchung von {name} auf {when} ändern (%n Minuten)?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move {name}&apos;s booking to {when} with {provider}?</source>
        <translation>Buchung von {name} auf {when} bei {provider} verschieben?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>blocked time</source>
        <translation>gesperrte Zeit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move anyway</source>
        <translation>Trotzdem verschieben</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>No free time was found near it. Nothing was changed.</source>
        <translation>In der Nähe wurde keine freie Zeit gefunden. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>A class session keeps its booking type&apos;s length; it cannot be resized.</source>
        <translation>Ein Kurstermin behält die Dauer seiner Terminart; seine Länge lässt sich nicht ändern.</translation>
    </message>
</context>
<context>
    <name>MoveFollowingDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/series_actions.py" line="+26"/>
        <source>Move this and the following visits</source>
        <translation>Diesen und die folgenden Termine verschieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move visits</source>
        <translation>Termine verschieben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every later visit of the series moves by the same number of days to the same time. The customer gets one message listing the changes.</source>
        <translation>Jeder spätere Termin der Serie wird um dieselbe Anzahl Tage auf dieselbe Uhrzeit verschoben. Der Kunde erhält eine Nachricht mit allen Änderungen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a free start time.</source>
        <translation>Wählen Sie eine freie Startzeit.</translation>
    </message>
</context>
<context>
    <name>OfferTimeDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/waitlist_forms.py" line="+40"/>
        <source>Offer a time</source>
        <translation>Termin anbieten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send offer</source>
        <translation>Angebot senden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} is waiting for {type} with {provider}.</source>
        <translation>{name} wartet auf {type} bei {provider}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} is waiting for {type}.</source>
        <translation>{name} wartet auf {type}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+8"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Free time</source>
        <translation>Freie Zeit</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Looking for free times…</source>
        <translation>Freie Zeiten werden gesucht…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose a time; the offer goes at once and can be claimed for 2 hours.</source>
        <translation>Wählen Sie eine Zeit; das Angebot wird sofort gesendet und kann 2 Stunden lang angenommen werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There are no free times on this day for this booking. Choose another day.</source>
        <translation>An diesem Tag gibt es keine freien Zeiten für diese Buchung. Wählen Sie einen anderen Tag.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Please choose a free time.</source>
        <translation>Bitte wählen Sie eine freie Zeit.</translation>
    </message>
</context>
<context>
    <name>OutsideBusy</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/outside_busy.py" line="+63"/>
        <source>{calendar} · {provider}</source>
        <translation>{calendar} · {provider}</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>{time} — busy in {calendars}</source>
        <translation>{time} — belegt in {calendars}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Busy in another calendar</source>
        <translation>In einem anderen Kalender belegt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This time is busy in {calendars}. Book anyway? The person may be double-booked.</source>
        <translation>Diese Zeit ist in {calendars} belegt. Trotzdem buchen? Die Person ist dann womöglich doppelt gebucht.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Book anyway</source>
        <translation>Trotzdem buchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose another time</source>
        <translation>Andere Zeit wählen</translation>
    </message>
</context>
<context>
    <name>Poster</name>
    <message>
        <location filename="../../../careops_desktop/ui/printing/poster_pdf.py" line="+41"/>
        <source>Book your next appointment online</source>
        <translation>Buchen Sie Ihren nächsten Termin online</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan the code with your phone&apos;s camera, or type this address:</source>
        <translation>Scannen Sie den Code mit der Kamera Ihres Telefons oder geben Sie diese Adresse ein:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your phone must be on our Wi-Fi.</source>
        <translation>Ihr Telefon muss mit unserem WLAN verbunden sein.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Our booking page</source>
        <translation>Unsere Buchungsseite</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Booking page — {business}</source>
        <translation>Buchungsseite — {business}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Phone: {number}</source>
        <translation>Telefon: {number}</translation>
    </message>
</context>
<context>
    <name>PrintJobs</name>
    <message>
        <location filename="../../../careops_desktop/ui/printing/print_jobs.py" line="+45"/>
        <source>{title} — {period}</source>
        <translation>{title} — {period}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Booking — {name}</source>
        <translation>Buchung — {name}</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location line="+31"/>
        <source>Print preview — {title}</source>
        <translation>Druckvorschau — {title}</translation>
    </message>
</context>
<context>
    <name>QrPaint</name>
    <message>
        <location filename="../../../careops_desktop/ui/printing/qr_paint.py" line="+31"/>
        <source>A QR code needs between 1 and 2,000 characters.</source>
        <translation>Ein QR-Code braucht zwischen 1 und 2.000 Zeichen.</translation>
    </message>
</context>
<context>
    <name>RepeatDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/repeat_dialog.py" line="+49"/>
        <source>Choose a time or Skip…</source>
        <translation>Zeit wählen oder überspringen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip this date</source>
        <translation>Diesen Termin überspringen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book as planned</source>
        <translation>Wie geplant buchen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Repeat booking</source>
        <translation>Buchung wiederholen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book all</source>
        <translation>Alle buchen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>First visit {when}. Choose how it repeats; every date is checked before anything is booked.</source>
        <translation>Erster Termin {when}. Wählen Sie, wie er sich wiederholt; jeder Termin wird geprüft, bevor etwas gebucht wird.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> week(s)</source>
        <translation> Woche(n)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat every</source>
        <translation>Wiederholen alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>On</source>
        <comment>weekdays</comment>
        <translation>Am</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After</source>
        <translation>Nach</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> visits</source>
        <translation> Terminen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <comment>the last date</comment>
        <translation>Am</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check dates</source>
        <translation>Termine prüfen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check every date again (Ctrl+R)</source>
        <translation>Alle Termine erneut prüfen (Strg+R)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The rule changed: press Check dates (Ctrl+R).</source>
        <translation>Die Regel hat sich geändert: Klicken Sie auf „Termine prüfen“ (Strg+R).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking every date…</source>
        <translation>Alle Termine werden geprüft…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The dates could not be checked.</source>
        <translation>Die Termine konnten nicht geprüft werden.</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>{total} dates; %n clash(es): choose another time or Skip for each.</source>
        <translation>
            <numerusform>{total} Termine; %n Konflikt: Wählen Sie eine andere Zeit oder „Überspringen“.</numerusform>
            <numerusform>{total} Termine; %n Konflikte: Wählen Sie für jeden eine andere Zeit oder „Überspringen“.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{total} dates, all free.</source>
        <translation>{total} Termine, alle frei.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choice for {date}</source>
        <translation>Auswahl für {date}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{when} — {provider}</source>
        <translation>{when} — {provider}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Press Check dates first.</source>
        <translation>Klicken Sie zuerst auf „Termine prüfen“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose another time or Skip for {dates}.</source>
        <translation>Wählen Sie für {dates} eine andere Zeit oder „Überspringen“.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Every date is skipped: there is nothing to book.</source>
        <translation>Alle Termine werden übersprungen: Es gibt nichts zu buchen.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Repeat…</source>
        <translation>Wiederholen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Book this every week or every few weeks (Ctrl+Shift+R)</source>
        <translation>Dies jede Woche oder alle paar Wochen buchen (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a saved contact to book a series.</source>
        <translation>Wählen Sie einen gespeicherten Kontakt, um eine Serie zu buchen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the first visit&apos;s start time.</source>
        <translation>Wählen Sie die Startzeit des ersten Termins.</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <location filename="../../../careops_desktop/ui/printing/report_pdf.py" line="+111"/>
        <source>{business} — {title} — {period}</source>
        <translation>{business} — {title} — {period}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{title} · {period}</source>
        <translation>{title} · {period}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot draw on the printer or the PDF file.</source>
        <translation>Auf dem Drucker oder in der PDF-Datei kann nicht gezeichnet werden.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{period}  ·  {time_zone}</source>
        <translation>{period}  ·  {time_zone}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Generated {when} UTC by CareOps Desktop</source>
        <translation>Erstellt am {when} UTC von CareOps Desktop</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No data for this period.</source>
        <translation>Keine Daten für diesen Zeitraum.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{title} (continued)</source>
        <translation>{title} (Fortsetzung)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Page {number} of {pages}</source>
        <translation>Seite {number} von {pages}</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/dialogs.py" line="-97"/>
        <source>Reschedule booking</source>
        <translation>Buchung verschieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{contact} — {type}, now {when} with {provider}</source>
        <translation>{contact} — {type}, derzeit {when} bei {provider}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose a free start time.</source>
        <translation>Wählen Sie eine freie Startzeit.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/restore_dialog.py" line="+31"/>
        <location line="+1"/>
        <source>Restore booking</source>
        <translation>Buchung wiederherstellen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restore {contact}&apos;s {type} on {when} with {provider}? It is confirmed again if the time is still free.</source>
        <translation>{type} von {contact} am {when} bei {provider} wiederherstellen? Sie wird wieder bestätigt, wenn die Zeit noch frei ist.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tell the customer (the confirmation is sent again)</source>
        <translation>Kunden benachrichtigen (die Bestätigung wird erneut gesendet)</translation>
    </message>
</context>
<context>
    <name>SeriesActions</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/series_actions.py" line="-119"/>
        <source>This visit only</source>
        <translation>Nur diesen Termin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This and the following visits</source>
        <translation>Diesen und die folgenden Termine</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A visit of a series</source>
        <translation>Ein Termin einer Serie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This booking is one visit of a series. Which visits do you want to cancel?</source>
        <translation>Diese Buchung ist ein Termin einer Serie. Welche Termine möchten Sie stornieren?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This booking is one visit of a series. Which visits do you want to move?</source>
        <translation>Diese Buchung ist ein Termin einer Serie. Welche Termine möchten Sie verschieben?</translation>
    </message>
</context>
<context>
    <name>SlotChooser</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/dialogs.py" line="-397"/>
        <source>First free</source>
        <translation>Erster freier</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{name} ({minutes} min)</source>
        <translation>{name} ({minutes} Min.)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(type no longer offered)</source>
        <translation>(Terminart nicht mehr angeboten)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Booking type</source>
        <translation>Terminart</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With</source>
        <translation>Bei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Add a booking type in Settings first.</source>
        <translation>Legen Sie zuerst in den Einstellungen eine Terminart an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Looking for free times…</source>
        <translation>Freie Zeiten werden gesucht…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{time} — {provider}</source>
        <translation>{time} — {provider}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No free time that day.</source>
        <translation>An diesem Tag ist keine Zeit frei.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{time} is not free; the next free time is chosen instead.</source>
        <translation>{time} ist nicht frei; stattdessen ist die nächste freie Zeit gewählt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{time} is not free, nor any time after it that day.</source>
        <translation>{time} ist nicht frei, und an diesem Tag auch keine spätere Zeit.</translation>
    </message>
</context>
<context>
    <name>SyncNowButton</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/outside_busy.py" line="+17"/>
        <source>Calendars are synced by the booking page&apos;s jobs, which do not run in this window.</source>
        <translation>Kalender werden von den Hintergrundaufgaben der Buchungsseite abgeglichen, die in diesem Fenster nicht laufen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sync calendars</source>
        <translation>Kalender abgleichen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Calendars read: {calendars}, changes: {changes}.</source>
        <translation>Gelesene Kalender: {calendars}, Änderungen: {changes}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The calendar sync failed ({error}).</source>
        <translation>Der Kalenderabgleich ist fehlgeschlagen ({error}).</translation>
    </message>
</context>
<context>
    <name>TimeBlockDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/time_block_dialog.py" line="+38"/>
        <source>Everyone (the whole business)</source>
        <translation>Alle (der ganze Betrieb)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+81"/>
        <source>Lunch</source>
        <translation>Mittagspause</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Meeting</source>
        <translation>Besprechung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>Schulung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin time</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Edit blocked time</source>
        <translation>Gesperrte Zeit bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Block time</source>
        <translation>Zeit sperren</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+39"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+26"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Repeat every week</source>
        <translation>Jede Woche wiederholen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last week</source>
        <translation>Letzte Woche der Serie</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>With</source>
        <translation>Für</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From – to</source>
        <translation>Von – bis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes apply to every week of this series.</source>
        <translation>Änderungen gelten für jede Woche dieser Serie.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Remove blocked time</source>
        <translation>Gesperrte Zeit entfernen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove “{reason}” on {day} only, or every week of the series?</source>
        <translation>„{reason}“ nur am {day} entfernen oder in jeder Woche der Serie?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only this week</source>
        <translation>Nur diese Woche</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The whole series</source>
        <translation>Die ganze Serie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove “{reason}” on {day}? The time becomes bookable again.</source>
        <translation>„{reason}“ am {day} entfernen? Die Zeit ist dann wieder buchbar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep it</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Edit blocked time…</source>
        <translation>Gesperrte Zeit bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove blocked time…</source>
        <translation>Gesperrte Zeit entfernen…</translation>
    </message>
</context>
<context>
    <name>UndoNotice</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/undo_notice.py" line="+116"/>
        <source>Undo notice</source>
        <translation>Hinweis zum Rückgängigmachen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo this change (Ctrl+Z)</source>
        <translation>Diese Änderung rückgängig machen (Strg+Z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss the notice</source>
        <translation>Hinweis ausblenden</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>{name}&apos;s booking on {when} was cancelled.</source>
        <translation>Die Buchung von {name} am {when} wurde storniert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}&apos;s booking on {when} was marked as a no-show.</source>
        <translation>Die Buchung von {name} am {when} wurde als „nicht erschienen“ markiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}&apos;s booking on {when} was marked as completed.</source>
        <translation>Die Buchung von {name} am {when} wurde als abgeschlossen markiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} was marked as arrived.</source>
        <translation>{name} wurde als eingetroffen markiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}&apos;s booking was moved to {when}.</source>
        <translation>Die Buchung von {name} wurde auf {when} verschoben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}&apos;s booking on {when} was given a new length.</source>
        <translation>Die Buchung von {name} am {when} hat eine neue Dauer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}&apos;s booking on {when} was changed.</source>
        <translation>Die Buchung von {name} am {when} wurde geändert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{said} The customer is told in 2 minutes unless you undo it.</source>
        <translation>{said} Der Kunde wird in 2 Minuten benachrichtigt, sofern Sie es nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The change to {name}&apos;s booking was undone.</source>
        <translation>Die Änderung an der Buchung von {name} wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The message to the customer was withdrawn; nothing was sent.</source>
        <translation>Die Nachricht an den Kunden wurde zurückgezogen; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The customer had already been sent a message about the change. Please let them know it was undone.</source>
        <translation>Der Kunde hatte bereits eine Nachricht über die Änderung erhalten. Bitte teilen Sie ihm mit, dass sie rückgängig gemacht wurde.</translation>
    </message>
</context>
<context>
    <name>WaitingStrip</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/waiting_strip.py" line="+36"/>
        <source>{name} — just arrived, booked {time} with {provider}</source>
        <translation>{name} — gerade eingetroffen, gebucht {time} bei {provider}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} — waiting {minutes} min, booked {time} with {provider}</source>
        <translation>{name} — wartet seit {minutes} Min., gebucht {time} bei {provider}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Customers waiting</source>
        <translation>Wartende Kunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting now:</source>
        <translation>Im Wartebereich:</translation>
    </message>
</context>
<context>
    <name>Waitlist</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/waitlist_forms.py" line="-192"/>
        <location filename="../../../careops_desktop/ui/bookings/waitlist_view.py" line="+151"/>
        <source>Anyone</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>{time} with {provider}</source>
        <translation>{time} bei {provider}</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/waitlist_view.py" line="-104"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email or mobile</source>
        <translation>E-Mail oder Mobiltelefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With</source>
        <translation>Bei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates</source>
        <translation>Zeiträume</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting since</source>
        <translation>Wartet seit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offers</source>
        <translation>Angebote</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>offer open</source>
        <translation>Angebot offen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>booked</source>
        <translation>gebucht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not claimed in time</source>
        <translation>nicht rechtzeitig angenommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withdrawn</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>taken by someone else</source>
        <translation>von jemand anderem gebucht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{first} – {last}</source>
        <translation>{first} – {last}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>None yet</source>
        <translation>Noch keine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} sent (last: {day} {time}, {outcome})</source>
        <translation>{count} gesendet (zuletzt: {day} {time}, {outcome})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{status}; {offers}</source>
        <translation>{status}; {offers}</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{day} {time}</source>
        <translation>{day} {time}</translation>
    </message>
</context>
<context>
    <name>WaitlistWindow</name>
    <message>
        <location line="+26"/>
        <location line="+1"/>
        <source>Waitlist</source>
        <translation>Warteliste</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>People waiting</source>
        <translation>Wartende Personen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show booked and removed</source>
        <translation>Gebuchte und entfernte zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add person…</source>
        <translation>Person hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer a time…</source>
        <translation>Termin anbieten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Put someone who phoned or came in on the list (Ctrl+N).</source>
        <translation>Jemanden, der angerufen hat oder vorbeigekommen ist, auf die Liste setzen (Strg+N).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the chosen person a free time to claim (Ctrl+O).</source>
        <translation>Der gewählten Person eine freie Zeit zum Annehmen senden (Strg+O).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the chosen person off the list (Delete).</source>
        <translation>Die gewählte Person von der Liste nehmen (Entf).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>People are offered a freed time in the order they joined. An offer can be claimed for 2 hours; then it goes to the next person.</source>
        <translation>Frei gewordene Zeiten werden in der Reihenfolge der Anmeldung angeboten. Ein Angebot kann 2 Stunden lang angenommen werden; danach geht es an die nächste Person.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Nobody is waiting.</source>
        <translation>Niemand wartet.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln [person is|people are] waiting.</source>
        <translation>
            <numerusform>%Ln Person wartet.</numerusform>
            <numerusform>%Ln Personen warten.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Remove from the waitlist</source>
        <translation>Von der Warteliste entfernen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Take {name} off the waitlist for {type}? An offer they have not claimed yet is withdrawn.</source>
        <translation>{name} von der Warteliste für {type} nehmen? Ein noch nicht angenommenes Angebot wird zurückgezogen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
</context>
</TS>
