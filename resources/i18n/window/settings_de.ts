<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/staff_page.py" line="+63"/>
        <source>Add a person</source>
        <translation>Person hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
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
        <source>First password</source>
        <translation>Erstes Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/audit_page.py" line="+46"/>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every kind of record</source>
        <translation>Alle Arten von Einträgen</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>Record</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Who did what, to which record, and when. Times are the business&apos;s local time. The log holds no passwords and no message texts.</source>
        <translation>Wer hat was an welchem Eintrag wann getan. Die Zeiten sind die Ortszeit des Betriebs. Das Protokoll enthält keine Passwörter und keine Nachrichtentexte.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Owners and managers see the audit log.</source>
        <translation>Das Protokoll sehen nur Inhaber und Manager.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} (automatic)</source>
        <translation>{name} (automatisch)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>1 entry</source>
        <translation>1 Eintrag</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export the audit log</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exporting the audit log</source>
        <translation>Protokoll wird exportiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the CSV file…</source>
        <translation>CSV-Datei wird geschrieben…</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Exported %n entries to {file}.</source>
        <translation>
            <numerusform>%n Eintrag nach {file} exportiert.</numerusform>
            <numerusform>%n Einträge nach {file} exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
</context>
<context>
    <name>AutomationsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/automations_page.py" line="+45"/>
        <source>Welcome message to a new customer</source>
        <translation>Willkommensnachricht an neue Kunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Booking confirmation (with calendar invitation)</source>
        <translation>Buchungsbestätigung (mit Kalendereinladung)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reminder before each booking</source>
        <translation>Erinnerung vor jeder Buchung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reminder to fill in a form before it is due</source>
        <translation>Erinnerung, ein Formular vor Fristablauf auszufüllen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Low-stock alert to owners and managers</source>
        <translation>Warnung bei niedrigem Bestand an Inhaber und Leitung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Act on replies to reminders: C or YES confirms the visit, X or NO cancels it</source>
        <translation>Antworten auf Erinnerungen umsetzen: C oder JA bestätigt den Termin, X oder NEIN storniert ihn</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>After a no-show: “We missed you” with the booking page link</source>
        <translation>Nach Nichterscheinen: „Wir haben Sie vermisst“ mit Link zur Buchungsseite</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>After a completed visit: “Book your next visit” (days per type below)</source>
        <translation>Nach einem abgeschlossenen Termin: „Buchen Sie Ihren nächsten Termin“ (Tage je Terminart unten)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking confirmation</source>
        <translation>Buchungsbestätigung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking reminder</source>
        <translation>Terminerinnerung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form link</source>
        <translation>Formular-Link</translation>
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
        <source>Booking cancelled</source>
        <translation>Buchung storniert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking moved</source>
        <translation>Buchung verschoben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer to a reply that confirms</source>
        <translation>Antwort auf eine Bestätigung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer to a reply that cancels</source>
        <translation>Antwort auf eine Stornierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer to a reply that cancels too late</source>
        <translation>Antwort auf eine zu späte Stornierung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up after a no-show</source>
        <translation>Nachfassen nach Nichterscheinen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up: book your next visit</source>
        <translation>Nachfassen: nächsten Termin buchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series booked</source>
        <translation>Serie gebucht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series changed</source>
        <translation>Serie geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waitlist: a time has freed up</source>
        <translation>Warteliste: ein Termin ist frei geworden</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+41"/>
        <source>Your business</source>
        <translation>Ihr Betrieb</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Messages CareOps sends by itself. Each can be switched off.</source>
        <translation>Nachrichten, die CareOps selbst sendet. Jede lässt sich abschalten.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> hours before</source>
        <translation> Stunden vorher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standard reminder</source>
        <translation>Standard-Erinnerung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A message the mail or SMS service cannot take is tried again after 1 minute, then 2, 4, 8 … up to every 6 hours, for this long; then it is marked failed and can be retried from the Dashboard.</source>
        <translation>Eine Nachricht, die der E-Mail- oder SMS-Dienst nicht annimmt, wird nach 1 Minute erneut versucht, dann nach 2, 4, 8 … bis zu alle 6 Stunden, so lange wie hier eingestellt; danach gilt sie als fehlgeschlagen und kann in der Übersicht erneut gesendet werden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep trying to send for</source>
        <translation>Senden versuchen für</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Initial assessment</source>
        <translation>Erstuntersuchung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examination gloves</source>
        <translation>Untersuchungshandschuhe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 boxes</source>
        <translation>3 Schachteln</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reminders by booking type</source>
        <translation>Erinnerungen je Terminart</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Each customer gets messages in their own language (set on the contact), else in the business&apos;s language. Edit each language&apos;s text here.</source>
        <translation>Jeder Kunde erhält Nachrichten in seiner eigenen Sprache (beim Kontakt eingestellt), sonst in der Sprache des Betriebs. Bearbeiten Sie hier den Text jeder Sprache.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Save template</source>
        <translation>Vorlage speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the standard text</source>
        <translation>Zurück zum Standardtext</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Placeholders: {names}</source>
        <translation>Platzhalter: {names}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Message templates</source>
        <translation>Nachrichtenvorlagen</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Standard text.</source>
        <translation>Standardtext.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your text.</source>
        <translation>Ihr Text.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Subject: {subject}</source>
        <translation>Betreff: {subject}</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>As a text message: %n segment(s) ({encoding}, {count} characters).</source>
        <translation>
            <numerusform>Als SMS: %n Teil ({encoding}, {count} Zeichen).</numerusform>
            <numerusform>Als SMS: %n Teile ({encoding}, {count} Zeichen).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Long text messages cost more and may arrive split; consider a shorter text.</source>
        <translation>Lange SMS kosten mehr und kommen eventuell geteilt an; ein kürzerer Text ist besser.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/backups_page.py" line="+54"/>
        <location line="+136"/>
        <source>Copying the database…</source>
        <translation>Datenbank wird kopiert…</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>The backup could not be written to {folder}: {reason}.</source>
        <translation>Die Sicherung konnte nicht in {folder} geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Taken</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open backups folder</source>
        <translation>Sicherungsordner öffnen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Backups of {database} are kept in {folder}. CareOps takes one a day by itself (the last 7 days, 4 weeks and 12 months are kept) and one whenever you press “Back up now”. Backups hold no passwords: those stay in this computer&apos;s keyring. Copy a backup to a USB stick now and then.</source>
        <translation>Sicherungen von {database} werden in {folder} aufbewahrt. CareOps erstellt selbst eine pro Tag (die der letzten 7 Tage, 4 Wochen und 12 Monate bleiben erhalten) und eine, wann immer Sie auf „Jetzt sichern“ klicken. Sicherungen enthalten keine Passwörter: Diese bleiben im Schlüsselbund dieses Computers. Kopieren Sie ab und zu eine Sicherung auf einen USB-Stick.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This computer uses the PostgreSQL database {database}. Back it up on the server with PostgreSQL&apos;s own tools (pg_dump); the backups here are for a SQLite database file.</source>
        <translation>Dieser Computer verwendet die PostgreSQL-Datenbank {database}. Sichern Sie sie auf dem Server mit den Werkzeugen von PostgreSQL (pg_dump); die Sicherungen hier gelten für eine SQLite-Datenbankdatei.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Owners and managers restore backups.</source>
        <translation>Sicherungen stellen Inhaber und Manager wieder her.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backing up…</source>
        <translation>Wird gesichert…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backing up</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Backup written: {file}</source>
        <translation>Sicherung geschrieben: {file}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Checking {file}…</source>
        <translation>{file} wird geprüft…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{file} cannot be restored: it failed its integrity check ({problem}). Nothing was changed; choose another backup.</source>
        <translation>{file} kann nicht wiederhergestellt werden: Die Integritätsprüfung ist fehlgeschlagen ({problem}). Es wurde nichts geändert; wählen Sie eine andere Sicherung.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restore a backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore the backup of {taken}?</source>
        <translation>Die Sicherung vom {taken} wiederherstellen?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This replaces the database {database} with the backup {file}: everything done after {taken} will be gone from it.

A copy of the database as it is now is kept in {folder}.

CareOps will close this window, restore the backup and open again; you then sign in again.</source>
        <translation>Dies ersetzt die Datenbank {database} durch die Sicherung {file}: Alles, was nach {taken} geschehen ist, fehlt danach.

Eine Kopie der Datenbank im jetzigen Zustand wird in {folder} aufbewahrt.

CareOps schließt dieses Fenster, stellt die Sicherung wieder her und öffnet sich erneut; danach melden Sie sich wieder an.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restore and reopen</source>
        <translation>Wiederherstellen und neu öffnen</translation>
    </message>
</context>
<context>
    <name>BlocksList</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/blocks_list.py" line="+39"/>
        <source>Once</source>
        <translation>Einmal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every {weekday}</source>
        <translation>Jeden {weekday}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every {weekday} until {date}</source>
        <translation>Jeden {weekday} bis {date}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With</source>
        <translation>Bei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Blocked time</source>
        <translation>Gesperrte Zeit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove selected block…</source>
        <translation>Ausgewählte Sperre entfernen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Blocked time (lunch, meetings). Add it in the Bookings tab: drag on an empty part of the calendar, or use “Block time…”.</source>
        <translation>Gesperrte Zeit (Mittagspause, Besprechungen). Fügen Sie sie im Tab „Buchungen“ hinzu: Ziehen Sie auf einer freien Stelle des Kalenders oder verwenden Sie „Zeit sperren…“.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Remove blocked time</source>
        <translation>Gesperrte Zeit entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove “{reason}” ({repeat})? Its times become bookable again.</source>
        <translation>„{reason}“ ({repeat}) entfernen? Die Zeiten sind dann wieder buchbar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep it</source>
        <translation>Behalten</translation>
    </message>
</context>
<context>
    <name>BookingPageSettingsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/booking_page.py" line="+43"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The booking page is not running in this window; these are the addresses it will have.</source>
        <translation>Die Buchungsseite läuft nicht in diesem Fenster; dies sind die Adressen, die sie haben wird.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The page is listening, but the business is not active yet: customers see a &apos;not taking online bookings&apos; page. Activate it on the Business page.</source>
        <translation>Die Seite läuft, aber der Betrieb ist noch nicht aktiv: Kunden sehen eine Seite „Keine Online-Buchungen“. Aktivieren Sie ihn auf der Seite „Betrieb“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The page is listening, but online booking is switched off on the Business page.</source>
        <translation>Die Seite läuft, aber Online-Buchungen sind auf der Seite „Betrieb“ ausgeschaltet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The page listens on this computer only (loopback): other devices cannot reach it.</source>
        <translation>Die Seite ist nur auf diesem Computer erreichbar (Loopback): Andere Geräte erreichen sie nicht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customers on this network can book at these addresses.</source>
        <translation>Kunden in diesem Netzwerk können unter diesen Adressen buchen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Customers at the front desk tablet, in the waiting room or on the business Wi-Fi open the booking page at the address below: scan the code with a phone, or print a poster for the reception desk.</source>
        <translation>Kunden am Tablet am Empfang, im Wartezimmer oder im WLAN des Betriebs öffnen die Buchungsseite unter der Adresse unten: Scannen Sie den Code mit einem Telefon oder drucken Sie ein Plakat für den Empfang.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The address and port are set on the Business page; &apos;Address customers use&apos; there comes first here and in the messages customers get.</source>
        <translation>Adresse und Port werden auf der Seite „Betrieb“ festgelegt; die dortige „Adresse für Kunden“ steht hier und in den Nachrichten an Kunden an erster Stelle.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>This window runs no booking page (is `careops serve` running elsewhere?).</source>
        <translation>In diesem Fenster läuft keine Buchungsseite (läuft `careops serve` an anderer Stelle?).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The booking page&apos;s details could not be loaded: {reason}</source>
        <translation>Die Angaben zur Buchungsseite konnten nicht geladen werden: {reason}</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+2"/>
        <source>booking page</source>
        <translation>Buchungsseite</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{name} poster.pdf</source>
        <translation>{name} Plakat.pdf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the poster</source>
        <translation>Plakat speichern</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+6"/>
        <location line="+20"/>
        <source>Writing the poster…</source>
        <translation>Plakat wird geschrieben…</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Print poster</source>
        <translation>Plakat drucken</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Poster saved: {path}</source>
        <translation>Plakat gespeichert: {path}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The poster could not be written: {reason}</source>
        <translation>Das Plakat konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{path} could not be written (is the folder writable?).</source>
        <translation>{path} konnte nicht geschrieben werden (ist der Ordner beschreibbar?).</translation>
    </message>
</context>
<context>
    <name>BookingTypesSettingsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/booking_types_page.py" line="+59"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The services customers can book.</source>
        <translation>Die Leistungen, die Kunden buchen können.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>1 (one customer at a time)</source>
        <translation>1 (ein Kunde zur Zeit)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>More than 1 makes this a class: customers share a session.</source>
        <translation>Mehr als 1 macht daraus einen Kurs: Kunden teilen sich einen Termin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Offered to customers</source>
        <translation>Wird Kunden angeboten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With every visit</source>
        <translation>Bei jedem Termin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With the first visit only</source>
        <translation>Nur beim ersten Termin</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Booking type</source>
        <translation>Terminart</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free time before</source>
        <translation>Pufferzeit davor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free time after</source>
        <translation>Pufferzeit danach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seats per session</source>
        <translation>Plätze pro Termin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offered by</source>
        <translation>Angeboten von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forms in a series</source>
        <translation>Formulare in einer Serie</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{name} (not offered)</source>
        <translation>{name} (nicht angeboten)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New booking type…</source>
        <translation>Neue Terminart…</translation>
    </message>
</context>
<context>
    <name>BusinessSettingsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/business_page.py" line="+59"/>
        <source>The business as customers see it, and its booking page.</source>
        <translation>Der Betrieb, wie Kunden ihn sehen, und seine Buchungsseite.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Customers can book on the booking page</source>
        <translation>Kunden können auf der Buchungsseite buchen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>blank: this computer&apos;s address on the network; https://… when published</source>
        <translation>leer: die Adresse dieses Computers im Netzwerk; https://… wenn veröffentlicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>blank: none; the reverse proxy&apos;s address, such as 127.0.0.1 or 10.0.0.0/8</source>
        <translation>leer: keine; die Adresse des Reverse-Proxys, z. B. 127.0.0.1 oder 10.0.0.0/8</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Business name</source>
        <translation>Name des Betriebs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact email</source>
        <translation>Kontakt-E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking page</source>
        <translation>Buchungsseite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen on address</source>
        <translation>Auf Adresse lauschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address customers use</source>
        <translation>Adresse für Kunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted proxy addresses</source>
        <translation>Vertrauenswürdige Proxy-Adressen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Setup checklist</source>
        <translation>Checkliste zur Einrichtung</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+45"/>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Active: customers can book online.</source>
        <translation>Aktiv: Kunden können online buchen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not active yet.</source>
        <translation>Noch nicht aktiv.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{mark}  {step} — {hint}</source>
        <translation>{mark}  {step} – {hint}</translation>
    </message>
</context>
<context>
    <name>CalendarSettingsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/calendar_page.py" line="+54"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free-busy report</source>
        <translation>Frei/Gebucht-Abfrage</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+132"/>
        <source>App password</source>
        <translation>App-Passwort</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>OAuth token (Google)</source>
        <translation>OAuth-Token (Google)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Enter the app password first.</source>
        <translation>Geben Sie zuerst das App-Passwort ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The account has no calendars yet; make one in your calendar app.</source>
        <translation>Das Konto hat noch keine Kalender; legen Sie einen in Ihrer Kalender-App an.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved, but the password was not kept: {reason}</source>
        <translation>Gespeichert, aber das Passwort wurde nicht aufbewahrt: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved. The password is kept in the system keyring.</source>
        <translation>Gespeichert. Das Passwort liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not written to a calendar</source>
        <translation>Nicht in einen Kalender schreiben</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Never synced.</source>
        <translation>Noch nie abgeglichen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last read {moment} UTC.</source>
        <translation>Zuletzt gelesen: {moment} UTC.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>kept in the system keyring</source>
        <translation>im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All-day events block the whole day</source>
        <translation>Ganztägige Ereignisse sperren den ganzen Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tentative events block</source>
        <translation>Vorläufige Ereignisse sperren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the customer&apos;s booking notes into the event</source>
        <translation>Buchungsnotizen des Kunden in das Ereignis übernehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save account</source>
        <translation>Konto speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save calendars</source>
        <translation>Kalender speichern</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with</source>
        <translation>Anmelden mit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read busy time every</source>
        <translation>Belegte Zeit lesen alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Busy time from</source>
        <translation>Belegte Zeit aus</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Calendars of each provider</source>
        <translation>Kalender der einzelnen Anbieter</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connect a CalDAV account (iCloud, Fastmail, Nextcloud, Google and others). Each provider&apos;s bookings are written to their calendar, and busy times in the calendars you tick are never offered on the booking page.</source>
        <translation>Verbinden Sie ein CalDAV-Konto (iCloud, Fastmail, Nextcloud, Google und andere). Die Buchungen jedes Anbieters werden in seinen Kalender geschrieben, und belegte Zeiten in den angehakten Kalendern werden auf der Buchungsseite nie angeboten.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected. Calendars: {names}.</source>
        <translation>Verbunden. Kalender: {names}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+25"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved. Bookings of providers with a calendar are sent to it.</source>
        <translation>Gespeichert. Buchungen von Anbietern mit Kalender werden dorthin übertragen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{provider}: {problems}</source>
        <translation>{provider}: {problems}</translation>
    </message>
</context>
<context>
    <name>ConnectionCheck</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/connection_check.py" line="+39"/>
        <source>Connected to PostgreSQL {version}: it holds a CareOps database (schema {revision}).</source>
        <translation>Verbunden mit PostgreSQL {version}: Sie enthält eine CareOps-Datenbank (Schema {revision}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connected to PostgreSQL {version}: the database is empty; CareOps sets it up when it first opens it.</source>
        <translation>Verbunden mit PostgreSQL {version}: Die Datenbank ist leer; CareOps richtet sie beim ersten Öffnen ein.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SQLite file {path}</source>
        <translation>SQLite-Datei {path}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enter a PostgreSQL address, like {example}</source>
        <translation>Geben Sie eine PostgreSQL-Adresse ein, etwa {example}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This is not a database address. It looks like {example}</source>
        <translation>Das ist keine Datenbankadresse. Sie sieht so aus: {example}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give the server and the database name, like {example}</source>
        <translation>Geben Sie den Server und den Datenbanknamen an, etwa {example}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>(no user name)</source>
        <translation>(kein Benutzername)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing answers at {where}. Is PostgreSQL running there, and does it accept connections from this computer (listen_addresses and pg_hba.conf)?</source>
        <translation>Unter {where} antwortet nichts. Läuft PostgreSQL dort, und nimmt es Verbindungen von diesem Computer an (listen_addresses und pg_hba.conf)?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server refused the password for the user {user}.</source>
        <translation>Der Server hat das Passwort für den Benutzer {user} abgelehnt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server wants a password for the user {user}: enter it above.</source>
        <translation>Der Server verlangt ein Passwort für den Benutzer {user}: Geben Sie es oben ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server at {where} has no database called {database}. Create it first (createdb -O {user} {database}).</source>
        <translation>Der Server unter {where} hat keine Datenbank namens {database}. Legen Sie sie zuerst an (createdb -O {user} {database}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server at {where} has no user called {user}.</source>
        <translation>Der Server unter {where} hat keinen Benutzer namens {user}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server name {host} is not known on this network.</source>
        <translation>Der Servername {host} ist in diesem Netzwerk nicht bekannt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where} did not answer within {seconds} seconds.</source>
        <translation>{where} hat nicht innerhalb von {seconds} Sekunden geantwortet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server at {where} does not let this computer in (pg_hba.conf).</source>
        <translation>Der Server unter {where} lässt diesen Computer nicht zu (pg_hba.conf).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not connect to {where}: {detail}</source>
        <translation>Keine Verbindung zu {where}: {detail}</translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/connection_page.py" line="+60"/>
        <source>The password was not kept ({reason}); the server must accept this computer without it (e.g. ~/.pgpass).</source>
        <translation>Das Passwort wurde nicht aufbewahrt ({reason}); der Server muss diesen Computer ohne Passwort zulassen (z. B. ~/.pgpass).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved. CareOps opens this database from its next start on this computer.</source>
        <translation>Gespeichert. CareOps öffnet diese Datenbank ab dem nächsten Start auf diesem Computer.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Forgotten. CareOps opens the SQLite file in the data folder from its next start.</source>
        <translation>Vergessen. CareOps öffnet ab dem nächsten Start die SQLite-Datei im Datenordner.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This window works on: {database}</source>
        <translation>Dieses Fenster arbeitet mit: {database}</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+123"/>
        <source>This computer&apos;s saved connection: {database}</source>
        <translation>Gespeicherte Verbindung dieses Computers: {database}</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>No connection is saved: CareOps uses the SQLite file in the data folder (or --db / CAREOPS_DB when given).</source>
        <translation>Keine Verbindung gespeichert: CareOps verwendet die SQLite-Datei im Datenordner (oder --db / CAREOPS_DB, falls angegeben).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as this computer&apos;s database</source>
        <translation>Als Datenbank dieses Computers speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the SQLite file again</source>
        <translation>Wieder die SQLite-Datei verwenden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PostgreSQL address</source>
        <translation>PostgreSQL-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Several front desks share one PostgreSQL server: enter its address here on every desk (see the README, “Several front desks”). A SQLite file stays on one computer and is never shared over a network drive.</source>
        <translation>Mehrere Empfangsplätze teilen sich einen PostgreSQL-Server: Geben Sie seine Adresse hier an jedem Platz ein (siehe README, „Several front desks“). Eine SQLite-Datei bleibt auf einem Computer und wird nie über ein Netzlaufwerk geteilt.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Only an owner changes the database connection.</source>
        <translation>Nur ein Inhaber ändert die Datenbankverbindung.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was saved: {reason}.</source>
        <translation>Es wurde nichts gespeichert: {reason}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No connection is saved.</source>
        <translation>Keine Verbindung gespeichert.</translation>
    </message>
</context>
<context>
    <name>ImapSection</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/integrations_email.py" line="+304"/>
        <source>Replies from customers are read from this mailbox. Mail stays unread in your mail program unless you choose otherwise.</source>
        <translation>Antworten von Kunden werden aus diesem Postfach gelesen. E-Mails bleiben in Ihrem E-Mail-Programm ungelesen, sofern Sie nichts anderes wählen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Read replies from this mailbox</source>
        <translation>Antworten aus diesem Postfach lesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark fetched mail as read</source>
        <translation>Abgerufene E-Mails als gelesen markieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> seconds</source>
        <translation> Sekunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check every</source>
        <translation>Prüfen alle</translation>
    </message>
</context>
<context>
    <name>ImportUndo</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/import_undo.py" line="+47"/>
        <source>Undo this import…</source>
        <translation>Diesen Import rückgängig machen…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The import of {file} cannot be undone: {reasons}</source>
        <translation>Der Import von {file} kann nicht rückgängig gemacht werden: {reasons}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Undo the import</source>
        <translation>Import rückgängig machen</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The %n booking(s) it added will be removed.</source>
        <translation>
            <numerusform>Die %n dabei hinzugefügte Buchung wird entfernt.</numerusform>
            <numerusform>Die %n dabei hinzugefügten Buchungen werden entfernt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The %n contact(s) it added will be removed.</source>
        <translation>
            <numerusform>Der %n dabei hinzugefügte Kontakt wird entfernt.</numerusform>
            <numerusform>Die %n dabei hinzugefügten Kontakte werden entfernt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The %n contact(s) it merged into get back what they held before.</source>
        <translation>
            <numerusform>Der %n Kontakt, in den dabei zusammengeführt wurde, erhält seine früheren Angaben zurück.</numerusform>
            <numerusform>Die %n Kontakte, in die dabei zusammengeführt wurde, erhalten ihre früheren Angaben zurück.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undo the import of {file}?</source>
        <translation>Den Import von {file} rückgängig machen?</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The import was undone.</source>
        <translation>Der Import wurde rückgängig gemacht.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n contact(s) removed.</source>
        <translation>
            <numerusform>%n Kontakt entfernt.</numerusform>
            <numerusform>%n Kontakte entfernt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n booking(s) removed.</source>
        <translation>
            <numerusform>%n Buchung entfernt.</numerusform>
            <numerusform>%n Buchungen entfernt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n contact(s) restored.</source>
        <translation>
            <numerusform>%n Kontakt wiederhergestellt.</numerusform>
            <numerusform>%n Kontakte wiederhergestellt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntegrationSettings</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/integration_common.py" line="+17"/>
        <source>None (not encrypted)</source>
        <translation>Keine (unverschlüsselt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stored in the system keyring; leave blank to keep it</source>
        <translation>im Schlüsselbund des Systems gespeichert; leer lassen, um es zu behalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not stored yet</source>
        <translation>noch nicht gespeichert</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Last problem: {error}</source>
        <translation>Letztes Problem: {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working.</source>
        <translation>Funktioniert.</translation>
    </message>
</context>
<context>
    <name>IntegrationsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/integrations_page.py" line="+131"/>
        <source>Sending email</source>
        <translation>E-Mail senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading email</source>
        <translation>E-Mail lesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text messages</source>
        <translation>SMS</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/language_page.py" line="+100"/>
        <source>The language of the window belongs to this computer; the formats of dates, times, numbers and money belong to the business.</source>
        <translation>Die Sprache des Fensters gehört zu diesem Computer; die Formate für Datum, Uhrzeit, Zahlen und Geldbeträge gehören zum Betrieb.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+8"/>
        <source>Language of the window</source>
        <translation>Sprache des Fensters</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Follow the system</source>
        <translation>Systemeinstellung verwenden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The window shows the chosen language from the next start.</source>
        <translation>Das Fenster zeigt die gewählte Sprache ab dem nächsten Start.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+9"/>
        <source>Dates, times, numbers and money</source>
        <translation>Datum, Uhrzeit, Zahlen und Geld</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+45"/>
        <source>Automatic (from the time zone: {locale})</source>
        <translation>Automatisch (nach der Zeitzone: {locale})</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Preview of the formats</source>
        <translation>Vorschau der Formate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only people who may change the settings can choose the formats.</source>
        <translation>Die Formate können nur Personen wählen, die die Einstellungen ändern dürfen.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{date} at {time} · {money}</source>
        <translation>{date} um {time} · {money}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>MailServerSettings</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/integrations_email.py" line="-276"/>
        <source>Other server</source>
        <translation>Anderer Server</translation>
    </message>
    <message>
        <location line="+236"/>
        <source>Email was last read successfully at {moment}.</source>
        <translation>E-Mails wurden zuletzt am {moment} erfolgreich gelesen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Email has not been read successfully yet.</source>
        <translation>E-Mails wurden noch nicht erfolgreich gelesen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading email has failed since {since}; the last try at {moment} said: {error}</source>
        <translation>Das Lesen der E-Mails schlägt seit {since} fehl; der letzte Versuch am {moment} meldete: {error}</translation>
    </message>
</context>
<context>
    <name>PasswordPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/account_page.py" line="+21"/>
        <source>Change the password you sign in with.</source>
        <translation>Ändern Sie das Passwort, mit dem Sie sich anmelden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New password again</source>
        <translation>Neues Passwort wiederholen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two passwords are not the same.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>PolicySettingsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/business_page.py" line="-131"/>
        <source>Minimum notice</source>
        <translation>Mindestvorlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Book at most</source>
        <translation>Höchstens buchbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days ahead</source>
        <translation> Tage im Voraus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customers may cancel until</source>
        <translation>Kunden können stornieren bis</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source> hours before</source>
        <translation> Stunden vorher</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Offer a start every</source>
        <translation>Einen Beginn anbieten alle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Forms are due</source>
        <translation>Formulare sind fällig</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>The rules the booking page applies to customers.</source>
        <translation>Die Regeln, die die Buchungsseite für Kunden anwendet.</translation>
    </message>
</context>
<context>
    <name>ProvidersSettingsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/providers_page.py" line="+34"/>
        <source>A person</source>
        <translation>Eine Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A room, chair or machine</source>
        <translation>Ein Raum, Stuhl oder Gerät</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Who or what customers book, and when they are available.</source>
        <translation>Wen oder was Kunden buchen und wann sie verfügbar sind.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Takes bookings</source>
        <translation>Nimmt Buchungen an</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weekly hours</source>
        <translation>Wöchentliche Zeiten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Closed from</source>
        <translation>Geschlossen ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed until</source>
        <translation>Geschlossen bis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reason, e.g. Holiday</source>
        <translation>Grund, z. B. Urlaub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole business</source>
        <translation>Ganzer Betrieb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add closure</source>
        <translation>Schließtag hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove selected</source>
        <translation>Ausgewählte entfernen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Closures (days off, holidays)</source>
        <translation>Schließtage (freie Tage, Urlaub)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{name} (not taking bookings)</source>
        <translation>{name} (nimmt keine Buchungen an)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New provider…</source>
        <translation>Neuer Anbieter…</translation>
    </message>
</context>
<context>
    <name>ReminderListEditor</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/reminder_list.py" line="+37"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text message (SMS)</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{length} characters: 1 text message</source>
        <translation>{length} Zeichen: 1 SMS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{length} characters: {parts} text messages</source>
        <translation>{length} Zeichen: {parts} SMS</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+23"/>
        <source>Booking type</source>
        <translation>Terminart</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Add reminder</source>
        <translation>Erinnerung hinzufügen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> days after a completed visit</source>
        <translation> Tage nach einem abgeschlossenen Termin</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save reminders</source>
        <translation>Erinnerungen speichern</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;Book your next visit&quot;</source>
        <translation>„Buchen Sie Ihren nächsten Termin“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{name} (inactive)</source>
        <translation>{name} (inaktiv)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add a booking type first (Settings → Booking types).</source>
        <translation>Legen Sie zuerst eine Terminart an (Einstellungen → Terminarten).</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>This type has the standard reminder: one, %n hours before, by email (by text when there is no email address). Save to give it a list of its own.</source>
        <translation>
            <numerusform>Diese Terminart hat die Standard-Erinnerung: eine, %n Stunde vorher, per E-Mail (per SMS, wenn keine E-Mail-Adresse vorliegt). Speichern Sie, um ihr eine eigene Liste zu geben.</numerusform>
            <numerusform>Diese Terminart hat die Standard-Erinnerung: eine, %n Stunden vorher, per E-Mail (per SMS, wenn keine E-Mail-Adresse vorliegt). Speichern Sie, um ihr eine eigene Liste zu geben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>A booking type can have at most %n reminders.</source>
        <translation>
            <numerusform>Eine Terminart kann höchstens %n Erinnerung haben.</numerusform>
            <numerusform>Eine Terminart kann höchstens %n Erinnerungen haben.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reminder channel</source>
        <translation>Weg der Erinnerung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hours before the visit</source>
        <translation>Stunden vor dem Termin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> hours before</source>
        <translation> Stunden vorher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this reminder</source>
        <translation>Diese Erinnerung entfernen</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No reminders are sent for this booking type.</source>
        <translation>Für diese Terminart werden keine Erinnerungen gesendet.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>By text message, %n hours before the visit ({length}):</source>
        <translation>
            <numerusform>Per SMS, %n Stunde vor dem Termin ({length}):</numerusform>
            <numerusform>Per SMS, %n Stunden vor dem Termin ({length}):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>By email, %n hours before the visit:</source>
        <translation>
            <numerusform>Per E-Mail, %n Stunde vor dem Termin:</numerusform>
            <numerusform>Per E-Mail, %n Stunden vor dem Termin:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject: {subject}</source>
        <translation>Betreff: {subject}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>SavedRepliesPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/saved_replies_page.py" line="+37"/>
        <source>The text may use the placeholders of the message templates; they are filled from the conversation when a reply is inserted: {names}.</source>
        <translation>Der Text kann die Platzhalter der Nachrichtenvorlagen verwenden; sie werden beim Einfügen einer Antwort aus der Unterhaltung gefüllt: {names}.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved replies</source>
        <translation>Textbausteine</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+20"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Reply text</source>
        <translation>Antworttext</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New saved reply</source>
        <translation>Neuer Textbaustein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save saved reply</source>
        <translation>Textbaustein speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+146"/>
        <source>Delete saved reply</source>
        <translation>Textbaustein löschen</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Answers everyone at the business can insert into a reply.</source>
        <translation>Antworten, die alle im Betrieb in eine Antwort einfügen können.</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Delete the saved reply “{title}”? Replies already sent keep their text.</source>
        <translation>Den Textbaustein „{title}“ löschen? Bereits gesendete Antworten behalten ihren Text.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep it</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Deleted.</source>
        <translation>Gelöscht.</translation>
    </message>
</context>
<context>
    <name>SettingsFormPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/base.py" line="+32"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>SettingsPages</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/registry.py" line="+109"/>
        <source>Business</source>
        <translation>Betrieb</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Booking page</source>
        <translation>Buchungsseite</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Booking policy</source>
        <translation>Buchungsregeln</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Booking types</source>
        <translation>Terminarten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Staff</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Automations</source>
        <translation>Automatisierungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved replies</source>
        <translation>Textbausteine</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Integrations</source>
        <translation>Integrationen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Database connection</source>
        <translation>Datenbankverbindung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Audit log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Updates</source>
        <translation>Aktualisierungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
</context>
<context>
    <name>SmsSection</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/integrations_page.py" line="-98"/>
        <source>Text messages go through your Twilio account. The account SID and auth token are kept in the system keyring.</source>
        <translation>SMS laufen über Ihr Twilio-Konto. Konto-SID und Auth-Token liegen im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send and receive text messages</source>
        <translation>SMS senden und empfangen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> seconds</source>
        <translation> Sekunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Account SID</source>
        <translation>Konto-SID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auth token</source>
        <translation>Auth-Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Twilio number</source>
        <translation>Twilio-Nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check for replies every</source>
        <translation>Nach Antworten sehen alle</translation>
    </message>
</context>
<context>
    <name>SmtpSection</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/integrations_email.py" line="-137"/>
        <source>Email to customers leaves through this mail server. The password is kept in the system keyring, never in the database.</source>
        <translation>E-Mails an Kunden werden über diesen Mailserver versendet. Das Passwort liegt im Schlüsselbund des Systems, nie in der Datenbank.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>blank: the server needs no login</source>
        <translation>leer: der Server braucht keine Anmeldung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send as</source>
        <translation>Senden als</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender name</source>
        <translation>Absendername</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>send a test to this address</source>
        <translation>Test an diese Adresse senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send test email</source>
        <translation>Test-E-Mail senden</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Saved, but the password was not stored.</source>
        <translation>Gespeichert, aber das Passwort wurde nicht gespeichert.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter the address to send the test to.</source>
        <translation>Geben Sie die Adresse ein, an die der Test gehen soll.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending a test email to {address}…</source>
        <translation>Test-E-Mail wird an {address} gesendet…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sent. Look for it in {address}.</source>
        <translation>Gesendet. Sehen Sie im Postfach von {address} nach.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not sent: {reason}</source>
        <translation>Nicht gesendet: {reason}</translation>
    </message>
</context>
<context>
    <name>StaffSettings</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/staff_page.py" line="-44"/>
        <source>Staff</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inbox and contacts</source>
        <translation>Posteingang und Kontakte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bookings and contacts</source>
        <translation>Buchungen und Kontakte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See stock</source>
        <translation>Bestand sehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business settings</source>
        <translation>Einstellungen des Betriebs</translation>
    </message>
</context>
<context>
    <name>StaffSettingsPage</name>
    <message>
        <location line="+56"/>
        <source>People who can sign in. Staff see only what you allow.</source>
        <translation>Personen, die sich anmelden können. Mitarbeiter sehen nur, was Sie erlauben.</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+22"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Can sign in</source>
        <translation>Kann sich anmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a person…</source>
        <translation>Person hinzufügen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+52"/>
        <source>Turn off sign-in</source>
        <translation>Anmeldung sperren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Turn on sign-in</source>
        <translation>Anmeldung erlauben</translation>
    </message>
</context>
<context>
    <name>ThisComputerPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/account_page.py" line="+19"/>
        <source>These settings belong to this computer, not to the business.</source>
        <translation>Diese Einstellungen gehören zu diesem Computer, nicht zum Betrieb.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock the window after</source>
        <translation>Fenster sperren nach</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>UpdatesPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/updates_page.py" line="+60"/>
        <source>CareOps can ask its release feed whether a newer version exists. This is off until you turn it on. When on, CareOps asks once a day when it starts, and whenever you press Check now: one plain request to the address below, with nothing about you or your business in it. It never downloads or installs anything by itself.</source>
        <translation>CareOps kann in seinem Release-Feed nachsehen, ob es eine neuere Version gibt. Das ist ausgeschaltet, bis Sie es einschalten. Wenn es eingeschaltet ist, fragt CareOps einmal am Tag beim Start und immer dann, wenn Sie auf „Jetzt prüfen“ klicken: eine einfache Anfrage an die Adresse unten, ohne Angaben über Sie oder Ihren Betrieb. Es lädt und installiert nie etwas von selbst.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Check for updates</source>
        <translation>Nach Aktualisierungen suchen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The address of the signed release feed.</source>
        <translation>Die Adresse des signierten Release-Feeds.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release feed address</source>
        <translation>Adresse des Release-Feeds</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Release notes</source>
        <translation>Versionshinweise</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open the download page</source>
        <translation>Download-Seite öffnen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Asking the release feed…</source>
        <translation>Release-Feed wird abgefragt…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>You have the newest version of CareOps ({version}).</source>
        <translation>Sie haben die neueste Version von CareOps ({version}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CareOps {version} is available; you have {current}.</source>
        <translation>CareOps {version} ist verfügbar; Sie haben {current}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It was released on {date}.</source>
        <translation>Sie wurde am {date} veröffentlicht.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The update check failed: {reason}.</source>
        <translation>Die Suche nach Aktualisierungen ist fehlgeschlagen: {reason}.</translation>
    </message>
</context>
<context>
    <name>_MailServerSection</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/integrations_email.py" line="-170"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
</context>
</TS>
