<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Card</name>
    <message>
        <location filename="../../../careops_desktop/ui/dashboard/view.py" line="+151"/>
        <source>{title}: {value}</source>
        <translation>{title}: {value}</translation>
    </message>
</context>
<context>
    <name>ChoicesPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/imports/steps.py" line="+126"/>
        <source>Duplicates and clashes</source>
        <translation>Duplikate und Überschneidungen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Duplicates and clashes to decide</source>
        <translation>Zu entscheidende Duplikate und Überschneidungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Same email address or phone number as a contact (or as an earlier row of the file): %Ln row(s). What should happen to them?</source>
        <translation>
            <numerusform>Gleiche E-Mail-Adresse oder Telefonnummer wie ein Kontakt (oder eine frühere Zeile der Datei): %Ln Zeile. Was soll damit geschehen?</numerusform>
            <numerusform>Gleiche E-Mail-Adresse oder Telefonnummer wie ein Kontakt (oder eine frühere Zeile der Datei): %Ln Zeilen. Was soll damit geschehen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Merge into the existing contact (fill in what it lacks, add the notes)</source>
        <translation>Mit dem vorhandenen Kontakt zusammenführen (Fehlendes ergänzen, Notizen anfügen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+25"/>
        <source>Skip them</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Import them anyway, as new contacts</source>
        <translation>Trotzdem importieren, als neue Kontakte</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Clashing with another booking of the provider: %Ln visit(s); they are skipped, as the desk never double-books.</source>
        <translation>
            <numerusform>Überschneidung mit einer anderen Buchung des Anbieters: %Ln Termin; er wird übersprungen, da die Rezeption nie doppelt bucht.</numerusform>
            <numerusform>Überschneidung mit einer anderen Buchung des Anbieters: %Ln Termine; sie werden übersprungen, da die Rezeption nie doppelt bucht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Outside the provider&apos;s hours or on a closed day: %Ln visit(s). What should happen to those?</source>
        <translation>
            <numerusform>Außerhalb der Zeiten des Anbieters oder an einem Schließtag: %Ln Termin. Was soll damit geschehen?</numerusform>
            <numerusform>Außerhalb der Zeiten des Anbieters oder an einem Schließtag: %Ln Termine. Was soll damit geschehen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import them anyway, as a desk override</source>
        <translation>Trotzdem importieren, als Ausnahme der Rezeption</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/contacts/dialogs.py" line="+49"/>
        <source>Edit contact</source>
        <translation>Kontakt bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>name@example.com</source>
        <translation>name@beispiel.de</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+44 7911 123456</source>
        <translation>+49 151 23456789</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+11"/>
        <source>Language for messages</source>
        <translation>Sprache der Nachrichten</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The business&apos;s language</source>
        <translation>Sprache des Betriebs</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No follow-ups: the customer asked not to be contacted</source>
        <translation>Keine Nachfassaktionen: Der Kunde möchte nicht kontaktiert werden</translation>
    </message>
</context>
<context>
    <name>ContactTables</name>
    <message>
        <location filename="../../../careops_desktop/ui/contacts/tables.py" line="+18"/>
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
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location line="+34"/>
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
        <location line="+3"/>
        <source>Last contacted</source>
        <translation>Zuletzt kontaktiert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Duplicate check</source>
        <translation>Duplikatprüfung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possible duplicate</source>
        <translation>Mögliches Duplikat</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>When</source>
        <translation>Wann</translation>
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
        <location line="+32"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Form</source>
        <translation>Formular</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <location filename="../../../careops_desktop/ui/contacts/view.py" line="+62"/>
        <source>Search name, email or phone…</source>
        <translation>Name, E-Mail oder Telefon suchen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New contact…</source>
        <translation>Neuer Kontakt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possible duplicates only</source>
        <translation>Nur mögliche Duplikate</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Not a duplicate</source>
        <translation>Kein Duplikat</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No notes</source>
        <translation>Keine Notizen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge…</source>
        <translation>Zusammenführen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a message…</source>
        <translation>Nachricht schreiben…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bookings</source>
        <translation>Buchungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forms</source>
        <translation>Formulare</translation>
    </message>
    <message numerus="yes">
        <location line="+97"/>
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln Kontakt</numerusform>
            <numerusform>%Ln Kontakte</numerusform>
        </translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Possible duplicate of “{name}”: the booking page made this contact because another one has the same phone or email. Merge them if they are the same person.</source>
        <translation>Mögliches Duplikat von „{name}“: Die Buchungsseite hat diesen Kontakt angelegt, weil ein anderer dieselbe Telefonnummer oder E-Mail-Adresse hat. Führen Sie beide zusammen, wenn es dieselbe Person ist.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No contact selected</source>
        <translation>Kein Kontakt ausgewählt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a contact in the table, or add a new one.</source>
        <translation>Wählen Sie einen Kontakt in der Tabelle oder legen Sie einen neuen an.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Added {added} · last contacted {contacted}</source>
        <translation>Hinzugefügt {added} · zuletzt kontaktiert {contacted}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Added {added}</source>
        <translation>Hinzugefügt {added}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bookings ({count})</source>
        <translation>Buchungen ({count})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Conversations ({count})</source>
        <translation>Unterhaltungen ({count})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Forms ({count})</source>
        <translation>Formulare ({count})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Messages in the business&apos;s language</source>
        <translation>Nachrichten in der Sprache des Betriebs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages in {language}</source>
        <translation>Nachrichten auf {language}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The contact is no longer marked as a possible duplicate.</source>
        <translation>Der Kontakt ist nicht mehr als mögliches Duplikat markiert.</translation>
    </message>
</context>
<context>
    <name>CreateOwnerDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/login/owner.py" line="+35"/>
        <location line="+2"/>
        <source>Welcome to CareOps</source>
        <translation>Willkommen bei CareOps</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First, make your own account. You will be the owner: you can add your staff later under Settings → Staff.</source>
        <translation>Legen Sie zuerst Ihr eigenes Konto an. Sie werden Inhaber: Ihre Mitarbeiter können Sie später unter Einstellungen → Mitarbeiter hinzufügen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>at least {count} characters</source>
        <translation>mindestens {count} Zeichen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create my account</source>
        <translation>Mein Konto anlegen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The two passwords are not the same.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../../../careops_desktop/ui/dashboard/charts.py" line="+56"/>
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
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ahead</source>
        <translation>Bevorstehend</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Bookings per day — the last {past} days and the next {ahead}</source>
        <translation>Buchungen pro Tag — die letzten {past} Tage und die nächsten {ahead}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{day}: {booked} booked ({completed} completed, {no_show} no-show, {cancelled} cancelled)</source>
        <translation>{day}: {booked} gebucht ({completed} abgeschlossen, {no_show} nicht erschienen, {cancelled} storniert)</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>{weekday} {start}–{end} — bookings in {weeks} weeks: {count}</source>
        <translation>{weekday} {start}–{end} — Buchungen in {weeks} Wochen: {count}</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>No-show rate</source>
        <translation>Nichterscheinen</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>No-show rate — last {weeks} weeks</source>
        <translation>Nichterscheinen — letzte {weeks} Wochen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Week of {day}: {percent}% ({no_show} no-shows of {seen})</source>
        <translation>Woche ab {day}: {percent} % ({no_show} nicht erschienen von {seen})</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Busiest hours — bookings started in the last {weeks} weeks</source>
        <translation>Stoßzeiten — Buchungsbeginne der letzten {weeks} Wochen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bookings</source>
        <translation>Buchungen</translation>
    </message>
</context>
<context>
    <name>DashboardChartsPanel</name>
    <message>
        <location line="+138"/>
        <source>The charts could not be loaded: {error}</source>
        <translation>Die Diagramme konnten nicht geladen werden: {error}</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../../careops_desktop/ui/dashboard/view.py" line="-106"/>
        <source>Today&apos;s bookings</source>
        <translation>Buchungen heute</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting now</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Upcoming</source>
        <translation>Anstehend</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New inquiries</source>
        <translation>Neue Anfragen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pending forms</source>
        <translation>Offene Formulare</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Low stock</source>
        <translation>Niedriger Bestand</translation>
    </message>
    <message>
        <location line="+7"/>
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
    <message>
        <location line="+22"/>
        <source>Classes today: {attendees} attendees in {seats} seats ({percent}% filled) over {sessions} sessions.</source>
        <translation>Kurse heute: {attendees} Teilnehmer auf {seats} Plätzen ({percent} % belegt) in {sessions} Terminen.</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Needs attention</source>
        <translation>Erfordert Aufmerksamkeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing needs attention right now.</source>
        <translation>Im Moment ist nichts zu tun.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="-9"/>
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
        <location line="+7"/>
        <source>Latest message</source>
        <translation>Letzte Nachricht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recent bookings</source>
        <translation>Letzte Buchungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recent conversations</source>
        <translation>Letzte Unterhaltungen</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The dashboard could not be loaded: {error}</source>
        <translation>Die Übersicht konnte nicht geladen werden: {error}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Today, {date}</source>
        <translation>Heute, {date}</translation>
    </message>
</context>
<context>
    <name>DryRunPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/imports/steps.py" line="-156"/>
        <source>Preview and dry run</source>
        <translation>Vorschau und Probelauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing has been imported yet. This is what the import would do.</source>
        <translation>Es wurde noch nichts importiert. So würde der Import aussehen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview of the first rows as they will be stored</source>
        <translation>Vorschau der ersten Zeilen, wie sie gespeichert werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rows that would be refused, and why</source>
        <translation>Zeilen, die abgelehnt würden, und warum</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The first {count} rows, as they will be stored:</source>
        <translation>Die ersten {count} Zeilen, wie sie gespeichert werden:</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+8"/>
        <source>Checking every row…</source>
        <translation>Alle Zeilen werden geprüft…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This file was imported before (import {batch}); rows it brought in are not added again.</source>
        <translation>Diese Datei wurde schon einmal importiert (Import {batch}); die damals übernommenen Zeilen werden nicht erneut hinzugefügt.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%Ln row(s) would be refused:</source>
        <translation>
            <numerusform>%Ln Zeile würde abgelehnt:</numerusform>
            <numerusform>%Ln Zeilen würden abgelehnt:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No row would be refused.</source>
        <translation>Keine Zeile würde abgelehnt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The dry run was cancelled.</source>
        <translation>Der Probelauf wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>FailedMessageRow</name>
    <message>
        <location filename="../../../careops_desktop/ui/dashboard/attention.py" line="+93"/>
        <source>Retry now</source>
        <translation>Jetzt erneut senden</translation>
    </message>
</context>
<context>
    <name>FieldDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/forms/editor.py" line="+51"/>
        <location line="+14"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>e.g. allergies</source>
        <translation>z. B. allergien</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An answer is required</source>
        <translation>Eine Antwort ist erforderlich</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One choice per line (for a Choice question)</source>
        <translation>Eine Option pro Zeile (für eine Auswahlfrage)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choices</source>
        <translation>Optionen</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../../careops_desktop/ui/imports/wizard.py" line="+86"/>
        <source>Choose the file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A CSV file (from Acuity, Square, Fresha, Google or Outlook contacts, or any spreadsheet), a vCard file (.vcf) or a calendar file (.ics).</source>
        <translation>Eine CSV-Datei (aus Acuity, Square, Fresha, Google- oder Outlook-Kontakten oder einer beliebigen Tabelle), eine vCard-Datei (.vcf) oder eine Kalenderdatei (.ics).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File to import</source>
        <translation>Zu importierende Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file to import</source>
        <translation>Die zu importierende Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose the file to import</source>
        <translation>Zu importierende Datei auswählen</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+6"/>
        <source>Reading the file…</source>
        <translation>Die Datei wird gelesen…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Reading the file</source>
        <translation>Datei wird gelesen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading was cancelled.</source>
        <translation>Das Lesen wurde abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%Ln row(s) read.</source>
        <translation>
            <numerusform>%Ln Zeile gelesen.</numerusform>
            <numerusform>%Ln Zeilen gelesen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormEditor</name>
    <message>
        <location filename="../../../careops_desktop/ui/forms/editor.py" line="+40"/>
        <source>In use (sent for the booking types ticked below)</source>
        <translation>In Gebrauch (wird für die unten angehakten Terminarten gesendet)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Booking types that send this form</source>
        <translation>Terminarten, die dieses Formular senden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add question…</source>
        <translation>Frage hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change…</source>
        <translation>Ändern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save form</source>
        <translation>Formular speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Send for: {booking_type}</source>
        <translation>Senden bei: {booking_type}</translation>
    </message>
</context>
<context>
    <name>FormsTab</name>
    <message>
        <location filename="../../../careops_desktop/ui/forms/tab_data.py" line="+27"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+56"/>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Short text</source>
        <translation>Kurzer Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Long text</source>
        <translation>Langer Text</translation>
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
        <location line="+1"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choice</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick box</source>
        <translation>Kontrollkästchen</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+68"/>
        <source>Form</source>
        <translation>Formular</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{form} — {contact}</source>
        <translation>{form} — {contact}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Appointment: {when}</source>
        <translation>Termin: {when}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Due: {when}</source>
        <translation>Fällig: {when}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answered: {when}</source>
        <translation>Beantwortet: {when}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not answered yet.</source>
        <translation>Noch nicht beantwortet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+39"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+39"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>(no answer)</source>
        <translation>(keine Antwort)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required</source>
        <translation>Pflicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Booking types</source>
        <translation>Terminarten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copies sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In use</source>
        <translation>In Gebrauch</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{field}: {message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Question {number} (“{label}”)</source>
        <translation>Frage {number} („{label}“)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Question {number}</source>
        <translation>Frage {number}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{question}, {part}: {message}</source>
        <translation>{question}, {part}: {message}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{question}: {message}</source>
        <translation>{question}: {message}</translation>
    </message>
</context>
<context>
    <name>FormsView</name>
    <message>
        <location filename="../../../careops_desktop/ui/forms/view.py" line="+60"/>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every form</source>
        <translation>Alle Formulare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search contact or form…</source>
        <translation>Kontakt oder Formular suchen…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose a submission to read it.</source>
        <translation>Wählen Sie eine Einsendung, um sie zu lesen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>New form…</source>
        <translation>Neues Formular…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the starter form</source>
        <translation>Startformular hinzufügen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Submissions</source>
        <translation>Einsendungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Form definitions</source>
        <translation>Formularvorlagen</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>%Ln submission(s)</source>
        <translation>
            <numerusform>%Ln Einsendung</numerusform>
            <numerusform>%Ln Einsendungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Saved the form “{name}”.</source>
        <translation>Das Formular „{name}“ wurde gespeichert.</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/imports/steps.py" line="+114"/>
        <location line="+24"/>
        <source>Importing</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Send confirmations to the imported future bookings</source>
        <translation>Bestätigungen an die importierten künftigen Buchungen senden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Importing…</source>
        <translation>Import läuft…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Importing the rows…</source>
        <translation>Die Zeilen werden importiert…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{summary} No message was sent to anyone. The whole import (import {batch}) can be undone from Settings → Audit log.</source>
        <translation>{summary} Es wurde niemandem eine Nachricht gesendet. Der gesamte Import (Import {batch}) lässt sich unter Einstellungen → Protokoll rückgängig machen.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Send confirmations to the %Ln imported future booking(s)</source>
        <translation>
            <numerusform>Bestätigung an die %Ln importierte künftige Buchung senden</numerusform>
            <numerusform>Bestätigungen an die %Ln importierten künftigen Buchungen senden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>Der Import wurde abgebrochen; es wurde nichts importiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was imported: {error}</source>
        <translation>Es wurde nichts importiert: {error}</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%Ln confirmation(s) queued to be sent.</source>
        <translation>
            <numerusform>%Ln Bestätigung wartet auf den Versand.</numerusform>
            <numerusform>%Ln Bestätigungen warten auf den Versand.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../../careops_desktop/ui/imports/wizard.py" line="-116"/>
        <source>Files to import (*.csv *.txt *.vcf *.ics);;All files (*)</source>
        <translation>Importierbare Dateien (*.csv *.txt *.vcf *.ics);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading the file…</source>
        <translation>Die Datei wird gelesen…</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>Import contacts or bookings</source>
        <translation>Kontakte oder Buchungen importieren</translation>
    </message>
</context>
<context>
    <name>InboxChannels</name>
    <message>
        <location filename="../../../careops_desktop/ui/inbox/dialogs.py" line="+15"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../../careops_desktop/ui/inbox/model.py" line="+35"/>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bounced</source>
        <translation>Unzustellbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking page</source>
        <translation>Buchungsseite</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last message</source>
        <translation>Letzte Nachricht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Failed: {reason}</source>
        <translation>Fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bounced: {reason}</source>
        <translation>Unzustellbar: {reason}</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../../../careops_desktop/ui/inbox/view.py" line="+55"/>
        <location line="+279"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location line="-278"/>
        <location line="+278"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="-277"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Search conversations…</source>
        <translation>Unterhaltungen suchen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New conversation…</source>
        <translation>Neue Unterhaltung…</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+218"/>
        <source>Close conversation</source>
        <translation>Unterhaltung schließen</translation>
    </message>
    <message>
        <location line="-217"/>
        <source>Mark unread</source>
        <translation>Als ungelesen markieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>Antwort schreiben… (Strg+Eingabe sendet)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send by</source>
        <translation>Senden per</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message numerus="yes">
        <location line="+123"/>
        <source>%Ln conversation(s)</source>
        <translation>
            <numerusform>%Ln Unterhaltung</numerusform>
            <numerusform>%Ln Unterhaltungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+69"/>
        <source>No conversation selected</source>
        <translation>Keine Unterhaltung ausgewählt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a conversation on the left, or start a new one.</source>
        <translation>Wählen Sie links eine Unterhaltung oder beginnen Sie eine neue.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Subject: {subject}</source>
        <translation>Betreff: {subject}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Write a message first.</source>
        <translation>Schreiben Sie zuerst eine Nachricht.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Save the original email</source>
        <translation>Original-E-Mail speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email files (*.eml)</source>
        <translation>E-Mail-Dateien (*.eml)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The original email was saved to {path}.</source>
        <translation>Die Original-E-Mail wurde unter {path} gespeichert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save original email</source>
        <translation>Original-E-Mail speichern</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Inbox ({count})</source>
        <translation>Posteingang ({count})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
</context>
<context>
    <name>InventoryTables</name>
    <message>
        <location filename="../../../careops_desktop/ui/inventory/tables.py" line="+21"/>
        <source>Used by a booking</source>
        <translation>Von einer Buchung verbraucht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restock</source>
        <translation>Auffüllung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjustment</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned (cancelled booking)</source>
        <translation>Zurückgebucht (stornierte Buchung)</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+56"/>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>In stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+56"/>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Low at</source>
        <translation>Niedrig ab</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../careops_desktop/ui/inventory/view.py" line="+293"/>
        <source>Low stock</source>
        <translation>Niedriger Bestand</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last restocked</source>
        <translation>Zuletzt aufgefüllt</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Booking type</source>
        <translation>Terminart</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Used</source>
        <translation>Verbraucht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bookings</source>
        <translation>Buchungen</translation>
    </message>
</context>
<context>
    <name>InventoryView</name>
    <message>
        <location filename="../../../careops_desktop/ui/inventory/view.py" line="-244"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 365 days</source>
        <translation>Letzte 365 Tage</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Search items…</source>
        <translation>Artikel suchen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low stock only</source>
        <translation>Nur niedriger Bestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New item…</source>
        <translation>Neuer Artikel…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Restock…</source>
        <translation>Auffüllen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjust…</source>
        <translation>Korrigieren…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Movements, newest first</source>
        <translation>Bewegungen, neueste zuerst</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Stock used by bookings that started in the</source>
        <translation>Verbrauch durch Buchungen mit Beginn im Zeitraum:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usage per booking type</source>
        <translation>Verbrauch pro Terminart</translation>
    </message>
    <message numerus="yes">
        <location line="+59"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln Artikel</numerusform>
            <numerusform>%Ln Artikel</numerusform>
        </translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No item selected</source>
        <translation>Kein Artikel ausgewählt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an item to see its movements.</source>
        <translation>Wählen Sie einen Artikel, um seine Bewegungen zu sehen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{quantity} {unit} in stock; low at {threshold} or fewer.</source>
        <translation>{quantity} {unit} auf Lager; niedrig ab {threshold} oder weniger.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>LOW STOCK — {state}</source>
        <translation>NIEDRIGER BESTAND — {state}</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/inventory/dialogs.py" line="+29"/>
        <source>New stock item</source>
        <translation>Neuer Lagerartikel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pcs</source>
        <translation>Stk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In stock now</source>
        <translation>Aktueller Bestand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Low at or below</source>
        <translation>Niedrig bei höchstens</translation>
    </message>
</context>
<context>
    <name>KindPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/imports/wizard.py" line="-47"/>
        <source>What the file holds</source>
        <translation>Inhalt der Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Contacts (customers)</source>
        <translation>&amp;Kontakte (Kunden)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Bookings (visits, past and future)</source>
        <translation>&amp;Buchungen (Termine, vergangene und künftige)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Recognised: {layout}.</source>
        <translation>Erkannt: {layout}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The layout is not one CareOps knows; the columns are guessed from their names.</source>
        <translation>CareOps kennt dieses Format nicht; die Spalten werden anhand ihrer Namen zugeordnet.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>{file}: %Ln row(s). {layout}</source>
        <translation>
            <numerusform>{file}: %Ln Zeile. {layout}</numerusform>
            <numerusform>{file}: %Ln Zeilen. {layout}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/login/dialog.py" line="+39"/>
        <source>This account is locked after too many wrong passwords. Try again after {time}, or ask an owner to reset your password.</source>
        <translation>Dieses Konto ist nach zu vielen falschen Passwörtern gesperrt. Versuchen Sie es nach {time} erneut oder bitten Sie einen Inhaber, Ihr Passwort zurückzusetzen.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Unlock CareOps</source>
        <translation>CareOps entsperren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign in to CareOps</source>
        <translation>Bei CareOps anmelden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The window was locked. Enter your password to go on.</source>
        <translation>Das Fenster wurde gesperrt. Geben Sie Ihr Passwort ein, um fortzufahren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in with your email and password.</source>
        <translation>Melden Sie sich mit E-Mail-Adresse und Passwort an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>you@example.com</source>
        <translation>sie@beispiel.de</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Enter your email and password.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/imports/mapping_page.py" line="+12"/>
        <source>Not imported</source>
        <translation>Nicht importiert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Which column holds what</source>
        <translation>Welche Spalte was enthält</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The guesses come from the column names. Change any that are wrong; columns set to “Not imported” are left out.</source>
        <translation>Die Vorschläge stammen aus den Spaltennamen. Ändern Sie falsche Zuordnungen; Spalten mit „Nicht importiert“ werden ausgelassen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Columns and where each goes</source>
        <translation>Spalten und ihr Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First values</source>
        <translation>Erste Werte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Goes to</source>
        <translation>Ziel</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/contacts/dialogs.py" line="+32"/>
        <source>Merge contacts</source>
        <translation>Kontakte zusammenführen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep “{name}” and fold the contact chosen below into it: their bookings, conversations and form answers move over, missing email or phone is filled in, and the other contact is removed. This cannot be undone.</source>
        <translation>„{name}“ behalten und den unten gewählten Kontakt darin aufgehen lassen: Buchungen, Unterhaltungen und Formularantworten werden übernommen, fehlende E-Mail-Adresse oder Telefonnummer wird ergänzt und der andere Kontakt wird entfernt. Dies lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Merge in</source>
        <translation>Zusammenführen mit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the contact to merge in.</source>
        <translation>Wählen Sie den Kontakt, der zusammengeführt werden soll.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a different contact than the one kept.</source>
        <translation>Wählen Sie einen anderen Kontakt als den, der behalten wird.</translation>
    </message>
</context>
<context>
    <name>MessagingAttention</name>
    <message>
        <location filename="../../../careops_desktop/ui/dashboard/attention.py" line="-53"/>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmation</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome</source>
        <translation>Begrüßung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form link</source>
        <translation>Formularlink</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form reminder</source>
        <translation>Formular-Erinnerung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low-stock alert</source>
        <translation>Warnung: niedriger Bestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New time</source>
        <translation>Neue Uhrzeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancellation</source>
        <translation>Stornierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Calendar entry</source>
        <translation>Kalendereintrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar removal</source>
        <translation>Kalender-Löschung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} ({channel}) to {recipient} — {error}</source>
        <translation>{what} ({channel}) an {recipient} — {error}</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Send due reminders now</source>
        <translation>Fällige Erinnerungen jetzt senden</translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>%n booking reminder(s) due but not sent.</source>
        <translation>
            <numerusform>%n Buchungserinnerung ist fällig, aber nicht gesendet.</numerusform>
            <numerusform>%n Buchungserinnerungen sind fällig, aber nicht gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n booking reminder(s) due but not sent: the reminders job is not running in this window (is the app&apos;s booking page stopped?).</source>
        <translation>
            <numerusform>%n Buchungserinnerung ist fällig, aber nicht gesendet: Der Erinnerungsdienst läuft in diesem Fenster nicht (ist die Buchungsseite der App angehalten?).</numerusform>
            <numerusform>%n Buchungserinnerungen sind fällig, aber nicht gesendet: Der Erinnerungsdienst läuft in diesem Fenster nicht (ist die Buchungsseite der App angehalten?).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+46"/>
        <source>…and {count} more, marked in their Inbox threads.</source>
        <translation>…und {count} weitere, markiert in ihren Unterhaltungen im Posteingang.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Queued…</source>
        <translation>In Warteschlange…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The message will be sent again now.</source>
        <translation>Die Nachricht wird jetzt erneut gesendet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Retry now</source>
        <translation>Jetzt erneut senden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The reminders job is not running in this window.</source>
        <translation>Der Erinnerungsdienst läuft in diesem Fenster nicht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending the due reminders…</source>
        <translation>Die fälligen Erinnerungen werden gesendet…</translation>
    </message>
</context>
<context>
    <name>NamesPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/imports/names_page.py" line="+19"/>
        <source>Leave as written</source>
        <translation>Unverändert lassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Services and staff</source>
        <translation>Leistungen und Mitarbeiter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say which CareOps booking type or provider each name in the file means.</source>
        <translation>Geben Sie an, welche Terminart oder welchen Anbieter in CareOps jeder Name in der Datei meint.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Services and staff from the file and their match here</source>
        <translation>Leistungen und Mitarbeiter aus der Datei und ihre Entsprechung hier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In the file</source>
        <translation>In der Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In CareOps</source>
        <translation>In CareOps</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the booking types and providers…</source>
        <translation>Terminarten und Anbieter werden gelesen…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Every service and staff name in the file is already in CareOps.</source>
        <translation>Alle Leistungen und Mitarbeiter aus der Datei gibt es bereits in CareOps.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln name(s) in the file not in CareOps yet.</source>
        <translation>
            <numerusform>%Ln Name aus der Datei ist noch nicht in CareOps.</numerusform>
            <numerusform>%Ln Namen aus der Datei sind noch nicht in CareOps.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewConversationDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/inbox/dialogs.py" line="+19"/>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your message</source>
        <translation>Ihre Nachricht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send by</source>
        <translation>Senden per</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose who to write to.</source>
        <translation>Wählen Sie den Empfänger.</translation>
    </message>
</context>
<context>
    <name>OutcomesModel</name>
    <message>
        <location filename="../../../careops_desktop/ui/imports/rows_model.py" line="+25"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add as past visit</source>
        <translation>Als vergangenen Termin hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add (desk override)</source>
        <translation>Hinzufügen (Ausnahme der Rezeption)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already imported</source>
        <translation>Bereits importiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happens</source>
        <translation>Was passiert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>ReportExporter</name>
    <message>
        <location filename="../../../careops_desktop/ui/reports/export.py" line="+36"/>
        <source>CSV for Excel and other programs (*.csv)</source>
        <translation>CSV für Excel und andere Programme (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+164"/>
        <source>Writing {file}…</source>
        <translation>{file} wird geschrieben…</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>{file} could not be written (nothing was produced).</source>
        <translation>{file} konnte nicht geschrieben werden (es wurde nichts erzeugt).</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Export {report}</source>
        <translation>{report} exportieren</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export all bookings of the period</source>
        <translation>Alle Buchungen des Zeitraums exportieren</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Exporting {report}</source>
        <translation>{report} wird exportiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{report} saved as {file} in {folder}.</source>
        <translation>{report} als {file} in {folder} gespeichert.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Exporting all bookings of the period</source>
        <translation>Alle Buchungen des Zeitraums werden exportiert</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln booking(s) saved as {file} in {folder}.</source>
        <translation>
            <numerusform>%Ln Buchung als {file} in {folder} gespeichert.</numerusform>
            <numerusform>%Ln Buchungen als {file} in {folder} gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The export did not finish; no file was written.</source>
        <translation>Der Export wurde nicht abgeschlossen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export finished</source>
        <translation>Export abgeschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ReportFormat</name>
    <message>
        <location filename="../../../careops_desktop/ui/reports/format.py" line="+34"/>
        <source>{number} %</source>
        <translation>{number} %</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{number} min</source>
        <translation>{number} Min.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{number} h</source>
        <translation>{number} Std.</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../../careops_desktop/ui/reports/view.py" line="+43"/>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose dates</source>
        <translation>Zeitraum wählen</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show report</source>
        <translation>Bericht anzeigen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save this report as CSV, Excel (XLSX) or PDF ({shortcut})</source>
        <translation>Diesen Bericht als CSV, Excel (XLSX) oder PDF speichern ({shortcut})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export all bookings…</source>
        <translation>Alle Buchungen exportieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save every booking of the period, one row each, as CSV or Excel (XLSX)</source>
        <translation>Alle Buchungen des Zeitraums, eine pro Zeile, als CSV oder Excel (XLSX) speichern</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Working…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Exporting…</source>
        <translation>Export läuft…</translation>
    </message>
</context>
<context>
    <name>SavedRepliesButton</name>
    <message>
        <location filename="../../../careops_desktop/ui/inbox/saved_replies.py" line="+162"/>
        <source>Saved replies…</source>
        <translation>Textbausteine…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert a saved reply</source>
        <translation>Textbaustein einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert a saved reply ({shortcut})</source>
        <translation>Textbaustein einfügen ({shortcut})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open a conversation first.</source>
        <translation>Öffnen Sie zuerst eine Unterhaltung.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>This conversation has no value for {names}; it was left as written. Change it before sending.</source>
        <translation>Diese Unterhaltung hat keinen Wert für {names}; der Platzhalter blieb unverändert. Ändern Sie ihn vor dem Senden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The saved reply could not be inserted: {error}</source>
        <translation>Der Textbaustein konnte nicht eingefügt werden: {error}</translation>
    </message>
</context>
<context>
    <name>SavedReplyPicker</name>
    <message>
        <location line="-169"/>
        <source>Insert a saved reply</source>
        <translation>Textbaustein einfügen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filter saved replies</source>
        <translation>Textbausteine filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type to filter…</source>
        <translation>Zum Filtern tippen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved replies</source>
        <translation>Textbausteine</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved reply text</source>
        <translation>Text des Textbausteins</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No saved replies yet. Add them in Settings → Saved replies.</source>
        <translation>Noch keine Textbausteine. Legen Sie sie unter Einstellungen → Textbausteine an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter inserts, Esc closes.</source>
        <translation>Eingabe fügt ein, Esc schließt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved replies note</source>
        <translation>Hinweis zu Textbausteinen</translation>
    </message>
</context>
<context>
    <name>SearchEverywhere</name>
    <message>
        <location filename="../../../careops_desktop/ui/search_everywhere.py" line="+271"/>
        <source>&amp;Search everywhere…</source>
        <translation>Überall &amp;suchen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
</context>
<context>
    <name>SearchEverywhereDialog</name>
    <message>
        <location line="-236"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bookings</source>
        <translation>Buchungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form submissions</source>
        <translation>Formular-Einsendungen</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+6"/>
        <source>Search everywhere</source>
        <translation>Überall suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search contacts, bookings, conversations and forms…</source>
        <translation>Kontakte, Buchungen, Unterhaltungen und Formulare durchsuchen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Type a name, an email, a phone number, a booking type or a day.</source>
        <translation>Geben Sie einen Namen, eine E-Mail-Adresse, eine Telefonnummer, eine Terminart oder einen Tag ein.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The search could not be run: {error}</source>
        <translation>Die Suche konnte nicht ausgeführt werden: {error}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Type at least two characters.</source>
        <translation>Geben Sie mindestens zwei Zeichen ein.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing found for “{text}”.</source>
        <translation>Nichts gefunden für „{text}“.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} found. Up and Down choose, Enter opens, Esc closes.</source>
        <translation>{count} gefunden. Pfeiltasten wählen, Eingabe öffnet, Esc schließt.</translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/inventory/dialogs.py" line="+23"/>
        <source>Restock {item}</source>
        <translation>{item} auffüllen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adjust {item}</source>
        <translation>{item} korrigieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restock</source>
        <translation>Auffüllen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adjust</source>
        <translation>Korrigieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{item}”: {quantity} {unit} in stock.</source>
        <translation>„{item}“: {quantity} {unit} auf Lager.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. delivery note number</source>
        <translation>z. B. Lieferscheinnummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why: counted shelf, breakage…</source>
        <translation>Grund: Regal gezählt, Bruch…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount received</source>
        <translation>Erhaltene Menge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change (+ or −)</source>
        <translation>Änderung (+ oder −)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>ThreadView</name>
    <message>
        <location filename="../../../careops_desktop/ui/inbox/thread_view.py" line="+138"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Copy message text</source>
        <translation>Nachrichtentext kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save original email…</source>
        <translation>Original-E-Mail speichern…</translation>
    </message>
</context>
</TS>
