<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/about_dialog.py" line="+39"/>
        <source>(in memory)</source>
        <translation>(im Arbeitsspeicher)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About CareOps</source>
        <translation>Über CareOps</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CareOps Desktop {version}

The front office of one service business: inbox, bookings, contacts, intake forms and inventory, with your data on your own computer.</source>
        <translation>CareOps Desktop {version}

Der Empfang eines Dienstleistungsbetriebs: Posteingang, Buchungen, Kontakte, Aufnahmeformulare und Lager – mit Ihren Daten auf Ihrem eigenen Computer.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+9"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log folder</source>
        <translation>Protokollordner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading the libraries&apos; licences…</source>
        <translation>Die Lizenzen der Bibliotheken werden gelesen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Licences of the bundled libraries</source>
        <translation>Lizenzen der mitgelieferten Bibliotheken</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>CareOps is MIT-licensed. It ships with these %n libraries, each under its own licence:</source>
        <translation>
            <numerusform>CareOps steht unter der MIT-Lizenz. Es enthält diese %n Bibliothek unter ihrer eigenen Lizenz:</numerusform>
            <numerusform>CareOps steht unter der MIT-Lizenz. Es enthält diese %n Bibliotheken, jede unter ihrer eigenen Lizenz:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The list of the libraries&apos; licences could not be read ({error}).</source>
        <translation>Die Liste der Lizenzen konnte nicht gelesen werden ({error}).</translation>
    </message>
</context>
<context>
    <name>Accessible</name>
    <message>
        <location filename="../../../careops_desktop/ui/accessible.py" line="+183"/>
        <source>{column}, row {row}</source>
        <translation>{column}, Zeile {row}</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Table: {columns}</source>
        <translation>Tabelle: {columns}</translation>
    </message>
</context>
<context>
    <name>AddressRow</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/address_qr.py" line="+44"/>
        <source>Copy address</source>
        <translation>Adresse kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print poster…</source>
        <translation>Aushang drucken…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Copied.</source>
        <translation>Kopiert.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../../careops_desktop/ui/app.py" line="+168"/>
        <source>Opening CareOps</source>
        <translation>CareOps wird geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updating the database…</source>
        <translation>Die Datenbank wird aktualisiert…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>CareOps could not open its database. The details have been written to the log.</source>
        <translation>CareOps konnte seine Datenbank nicht öffnen. Die Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>CareOps demo</source>
        <translation>CareOps-Demo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filling the demo business with sample data…</source>
        <translation>Der Demo-Betrieb wird mit Beispieldaten gefüllt…</translation>
    </message>
</context>
<context>
    <name>BackupRows</name>
    <message>
        <location filename="../../../careops_desktop/ui/backup_rows.py" line="+22"/>
        <source>Daily (automatic)</source>
        <translation>Täglich (automatisch)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made by hand</source>
        <translation>Von Hand erstellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before an update</source>
        <translation>Vor einem Update</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before a restore</source>
        <translation>Vor einer Wiederherstellung</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%n byte(s)</source>
        <translation>%n Byte</translation>
    </message>
</context>
<context>
    <name>BookingPageButton</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/address_qr.py" line="+57"/>
        <location line="+2"/>
        <source>Show the booking page&apos;s QR code</source>
        <translation>QR-Code der Buchungsseite anzeigen</translation>
    </message>
</context>
<context>
    <name>BookingPagePopup</name>
    <message>
        <location line="-46"/>
        <source>Customers book at</source>
        <translation>Kunden buchen unter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Booking page settings and poster…</source>
        <translation>Einstellungen der Buchungsseite und Aushang…</translation>
    </message>
</context>
<context>
    <name>CalendarDrop</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/calendar_drag.py" line="+56"/>
        <source>A cancelled booking cannot be moved.</source>
        <translation>Eine stornierte Buchung kann nicht verschoben werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A completed booking cannot be moved.</source>
        <translation>Eine abgeschlossene Buchung kann nicht verschoben werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A no-show cannot be moved.</source>
        <translation>Eine nicht wahrgenommene Buchung kann nicht verschoben werden.</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>This booking cannot be moved.</source>
        <translation>Diese Buchung kann nicht verschoben werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bookings cannot be moved on this page.</source>
        <translation>Auf dieser Seite lassen sich Buchungen nicht verschieben.</translation>
    </message>
    <message>
        <location line="+133"/>
        <location line="+69"/>
        <source>Where it is now.</source>
        <translation>Wo sie jetzt ist.</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Calendar: moving {title} to {day} {times}. {words}</source>
        <translation>Kalender: {title} wird auf {day} {times} verschoben. {words}</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/calendar_drop_rules.py" line="+171"/>
        <source>The provider</source>
        <translation>Der Anbieter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That time has already passed.</source>
        <translation>Diese Zeit ist schon vorbei.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{who} does not offer this booking type.</source>
        <translation>{who} bietet diese Terminart nicht an.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Taken: {who} has another booking then ({title}).</source>
        <translation>Belegt: {who} hat zu dieser Zeit eine andere Buchung ({title}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Blocked: {reason}; you will be asked.</source>
        <translation>Gesperrt: {reason}; Sie werden gefragt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{who} is closed that day ({reason}); you will be asked.</source>
        <translation>{who} hat an diesem Tag geschlossen ({reason}); Sie werden gefragt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{who} is closed that day; you will be asked.</source>
        <translation>{who} hat an diesem Tag geschlossen; Sie werden gefragt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outside {who}&apos;s opening hours; you will be asked.</source>
        <translation>Außerhalb der Öffnungszeiten von {who}; Sie werden gefragt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{who} is busy in {calendar} then; you will be asked.</source>
        <translation>{who} ist zu dieser Zeit in {calendar} belegt; Sie werden gefragt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Free: {who} has nothing else then.</source>
        <translation>Frei: {who} hat zu dieser Zeit nichts anderes.</translation>
    </message>
</context>
<context>
    <name>CalendarLegend</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/calendar_legend.py" line="+31"/>
        <source>Calendar legend</source>
        <translation>Kalenderlegende</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Providers: {names}. Statuses: {states}.</source>
        <translation>Anbieter: {names}. Status: {states}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>CommandDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/command_dialog.py" line="+62"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>ContactPicker</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/contact_picker.py" line="+35"/>
        <source>Find a contact by name, email or phone…</source>
        <translation>Kontakt nach Name, E-Mail oder Telefon suchen…</translation>
    </message>
    <message>
        <location line="+4"/>
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
</context>
<context>
    <name>DeskStatus</name>
    <message>
        <location filename="../../../careops_desktop/ui/desk_status.py" line="+27"/>
        <source>Not connected to the database server — retrying</source>
        <translation>Keine Verbindung zum Datenbankserver – neuer Versuch läuft</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%n other desk(s) connected</source>
        <translation>Weitere verbundene Arbeitsplätze: %n</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../careops_desktop/ui/main_window.py" line="+61"/>
        <source>owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manager</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>staff</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>{business} — CareOps</source>
        <translation>{business} – CareOps</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About CareOps</source>
        <translation>&amp;Über CareOps</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>system</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed in as {name} ({role})</source>
        <translation>Angemeldet als {name} ({role})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <location filename="../../../careops_desktop/ui/ops.py" line="+233"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>Something went wrong. The details have been written to the log.</source>
        <translation>Etwas ist schiefgelaufen. Die Einzelheiten stehen im Protokoll.</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/qr_code.py" line="+49"/>
        <source>QR code of {text}</source>
        <translation>QR-Code von {text}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No QR code</source>
        <translation>Kein QR-Code</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/recovery.py" line="+49"/>
        <source>CareOps backups (*.sqlite3);;All files (*)</source>
        <translation>CareOps-Sicherungen (*.sqlite3);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>CareOps: the database is damaged</source>
        <translation>CareOps: Die Datenbank ist beschädigt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The CareOps database is damaged.</source>
        <translation>Die CareOps-Datenbank ist beschädigt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown problem</source>
        <translation>unbekanntes Problem</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The start-up check of {database} found a problem: {problem} (and %n more).</source>
        <translation>
            <numerusform>Die Startprüfung von {database} hat ein Problem gefunden: {problem} (und %n weiteres).</numerusform>
            <numerusform>Die Startprüfung von {database} hat ein Problem gefunden: {problem} (und %n weitere).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The start-up check of {database} found a problem: {problem}.</source>
        <translation>Die Startprüfung von {database} hat ein Problem gefunden: {problem}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CareOps will not open a damaged database, so that nothing more is lost. Restore a backup to carry on: the damaged file is kept beside the backups, and work done since that backup will be missing.</source>
        <translation>CareOps öffnet keine beschädigte Datenbank, damit nichts weiter verloren geht. Stellen Sie eine Sicherung wieder her, um weiterzuarbeiten: Die beschädigte Datei wird neben den Sicherungen aufbewahrt, und was seit dieser Sicherung erfasst wurde, fehlt dann.</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location line="+16"/>
        <source>Backups of this database in {folder}, newest first:</source>
        <translation>Sicherungen dieser Datenbank in {folder}, die neueste zuerst:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no backup of this database in {folder}. If you keep a copy elsewhere (a USB stick, another computer), choose it with “Choose another backup…”.</source>
        <translation>In {folder} gibt es keine Sicherung dieser Datenbank. Wenn Sie anderswo eine Kopie haben (USB-Stick, anderer Computer), wählen Sie sie mit „Andere Sicherung wählen…“.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restore the latest good backup</source>
        <translation>Neueste fehlerfreie Sicherung wiederherstellen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose another backup…</source>
        <translation>Andere Sicherung wählen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose a backup to restore</source>
        <translation>Sicherung zum Wiederherstellen wählen</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Checking the backups, newest first…</source>
        <translation>Die Sicherungen werden geprüft, die neueste zuerst…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None of these backups passed its integrity check. Choose another backup… (a copy kept elsewhere), or Quit.</source>
        <translation>Keine dieser Sicherungen hat die Integritätsprüfung bestanden. Wählen Sie „Andere Sicherung wählen…“ (eine anderswo aufbewahrte Kopie) oder „Beenden“.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restoring {file}…</source>
        <translation>{file} wird wiederhergestellt…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{reason} Nothing was changed.</source>
        <translation>{reason} Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{file} could not be restored: {reason}.</source>
        <translation>{file} konnte nicht wiederhergestellt werden: {reason}.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/search_box.py" line="+31"/>
        <source>Search…</source>
        <translation>Suchen…</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../../careops_desktop/ui/wizard/page_address.py" line="+56"/>
        <source>Where customers book</source>
        <translation>Wo Kunden buchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers open the booking page at this address, and every email and reminder links to it. Scan the code with a phone on the business network to try it. If the computer has a name on the network, or the page is published on the internet behind a proxy, enter that address instead.</source>
        <translation>Kunden öffnen die Buchungsseite unter dieser Adresse, und jede E-Mail und Erinnerung verweist darauf. Scannen Sie den Code mit einem Telefon im Netzwerk des Betriebs, um es auszuprobieren. Hat der Computer einen Namen im Netzwerk oder ist die Seite über einen Proxy im Internet erreichbar, geben Sie stattdessen diese Adresse ein.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>optional, for example {address}</source>
        <translation>optional, zum Beispiel {address}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Address customers use</source>
        <translation>Adresse für Kunden</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/wizard/pages_more.py" line="+43"/>
        <source>Stock (optional)</source>
        <translation>Bestand (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If bookings use up supplies, list them here and CareOps warns you when one runs low. Leave the names empty to skip.</source>
        <translation>Wenn Termine Material verbrauchen, tragen Sie es hier ein; CareOps warnt Sie, wenn etwas knapp wird. Lassen Sie die Namen leer, um diesen Schritt zu überspringen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn at</source>
        <translation>Warnen bei</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Try it (optional)</source>
        <translation>Ausprobieren (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make a test customer and book them in, to see how a booking looks. You can cancel it afterwards in the Bookings tab.</source>
        <translation>Legen Sie einen Testkunden an und buchen Sie ihn ein, um zu sehen, wie eine Buchung aussieht. Sie können sie danach im Tab Buchungen stornieren.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Make a test booking</source>
        <translation>Testbuchung anlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test Customer</source>
        <translation>Testkunde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional; use your own address</source>
        <translation>optional; verwenden Sie Ihre eigene Adresse</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customer name</source>
        <translation>Name des Kunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer email</source>
        <translation>E-Mail des Kunden</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Booked: {booking}</source>
        <translation>Gebucht: {booking}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Email (optional)</source>
        <translation>E-Mail (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CareOps sends confirmations and reminders by email once an email account is connected. You can do this now or later under Settings → Integrations.</source>
        <translation>CareOps verschickt Bestätigungen und Erinnerungen per E-Mail, sobald ein E-Mail-Konto verbunden ist. Das können Sie jetzt oder später unter Einstellungen → Integrationen erledigen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set up email now…</source>
        <translation>E-Mail jetzt einrichten…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Here is what CareOps needs before customers can book online.</source>
        <translation>Das braucht CareOps, bevor Kunden online buchen können.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Ready</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the business is active, customers can book on the booking page. You can also finish later: the checklist stays under Settings.</source>
        <translation>Sobald der Betrieb aktiv ist, können Kunden auf der Buchungsseite buchen. Sie können auch später abschließen: Die Checkliste bleibt unter Einstellungen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Activate now: start taking online bookings</source>
        <translation>Jetzt aktivieren: Online-Buchungen annehmen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../careops_desktop/ui/wizard/wizard.py" line="+41"/>
        <source>Finish later</source>
        <translation>Später abschließen</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/wizard/pages_setup.py" line="+48"/>
        <source>Your business</source>
        <translation>Ihr Betrieb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tell CareOps about the business. The time zone decides how bookings are shown and offered; the email is where customers&apos; replies go.</source>
        <translation>Erzählen Sie CareOps von Ihrem Betrieb. Die Zeitzone bestimmt, wie Buchungen angezeigt und angeboten werden; an die E-Mail-Adresse gehen die Antworten der Kunden.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Business name</source>
        <translation>Name des Betriebs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact email</source>
        <translation>Kontakt-E-Mail</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Who takes bookings</source>
        <translation>Wer Buchungen annimmt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A provider is a person (or a room or chair) customers book. Start with yourself; set the hours you are open each week.</source>
        <translation>Ein Anbieter ist eine Person (oder ein Raum oder Stuhl), die Kunden buchen. Beginnen Sie mit sich selbst; legen Sie Ihre wöchentlichen Öffnungszeiten fest.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>optional, e.g. Treatment room 2</source>
        <translation>optional, z. B. Behandlungsraum 2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your name as provider</source>
        <translation>Ihr Name als Anbieter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another provider</source>
        <translation>Weiterer Anbieter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Weekly hours</source>
        <translation>Wöchentliche Zeiten</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>What customers can book</source>
        <translation>Was Kunden buchen können</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the services you offer. Every provider above offers them; you can change that later under Settings → Booking types.</source>
        <translation>Tragen Sie Ihre Leistungen ein. Jeder Anbieter oben bietet sie an; das können Sie später unter Einstellungen → Terminarten ändern.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consultation</source>
        <translation>Beratung</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Intake form</source>
        <translation>Aufnahmeformular</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CareOps can send customers a short form to fill in before their visit. Start with this one; you can edit it or add others in the Forms tab.</source>
        <translation>CareOps kann Kunden vor ihrem Termin ein kurzes Formular zum Ausfüllen schicken. Beginnen Sie mit diesem; im Tab Formulare können Sie es bearbeiten oder weitere hinzufügen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Send “{form}” with every booking</source>
        <translation>„{form}“ mit jeder Buchung senden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>• {question} (required)</source>
        <translation>• {question} (Pflichtfeld)</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/wizard/steps.py" line="+86"/>
        <source>Open on at least one day.</source>
        <translation>Öffnen Sie an mindestens einem Tag.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Add at least one booking type.</source>
        <translation>Legen Sie mindestens eine Terminart an.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>No free time in the next two weeks; check the opening hours.</source>
        <translation>In den nächsten zwei Wochen ist keine Zeit frei; prüfen Sie die Öffnungszeiten.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Test booking made by the setup wizard.</source>
        <translation>Testbuchung des Einrichtungsassistenten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{when} with {provider}</source>
        <translation>{when} bei {provider}</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/wizard/wizard.py" line="-3"/>
        <source>Set up CareOps</source>
        <translation>CareOps einrichten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Abschließen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Step {number} of {count}</source>
        <translation>Schritt {number} von {count}</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../../careops_desktop/ui/startup.py" line="+77"/>
        <source>{reason} The database was not changed; CareOps opens it as it was.</source>
        <translation>{reason} Die Datenbank wurde nicht geändert; CareOps öffnet sie wie zuvor.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database was restored from {file}. A copy of the database as it was before is kept as {copy}. Sign in again to carry on.</source>
        <translation>Die Datenbank wurde aus {file} wiederhergestellt. Eine Kopie des vorherigen Stands wird als {copy} aufbewahrt. Melden Sie sich erneut an, um weiterzuarbeiten.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>CareOps could not open its database. Check the database setting (--db, CAREOPS_DB or Settings → Database connection). ({error})</source>
        <translation>CareOps konnte seine Datenbank nicht öffnen. Prüfen Sie die Datenbank-Einstellung (--db, CAREOPS_DB oder Einstellungen → Datenbankverbindung). ({error})</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Checking the database…</source>
        <translation>Die Datenbank wird geprüft…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The database was restored from the backup of {taken} ({file}). Work done after that backup is not in it.</source>
        <translation>Die Datenbank wurde aus der Sicherung vom {taken} ({file}) wiederhergestellt. Was nach dieser Sicherung erfasst wurde, ist nicht enthalten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database was restored from the backup ({file}). Work done after that backup is not in it.</source>
        <translation>Die Datenbank wurde aus der Sicherung ({file}) wiederhergestellt. Was nach dieser Sicherung erfasst wurde, ist nicht enthalten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The damaged file is kept as {file}.</source>
        <translation>Die beschädigte Datei wird als {file} aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../../careops_desktop/ui/runtime_link.py" line="+139"/>
        <source>Booking page: not running</source>
        <translation>Buchungsseite: läuft nicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Booking page: {address}</source>
        <translation>Buchungsseite: {address}</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Outbox: {waiting} waiting, {failed} failed</source>
        <translation>Postausgang: {waiting} wartend, {failed} fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outbox: {waiting} waiting</source>
        <translation>Postausgang: {waiting} wartend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outbox: {failed} failed</source>
        <translation>Postausgang: {failed} fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outbox: all sent</source>
        <translation>Postausgang: alles gesendet</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/updates_at_start.py" line="+64"/>
        <source>CareOps {version} is available: see Settings → Updates.</source>
        <translation>CareOps {version} ist verfügbar: siehe Einstellungen → Updates.</translation>
    </message>
</context>
<context>
    <name>TableModel</name>
    <message>
        <location filename="../../../careops_desktop/ui/table_model.py" line="+107"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <location filename="../../../careops_desktop/ui/tabs.py" line="+113"/>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bookings</source>
        <translation>Buchungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Forms</source>
        <translation>Formulare</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inventory</source>
        <translation>Lager</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
</context>
<context>
    <name>WeekCalendar</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/answer_marks.py" line="+24"/>
        <source>Confirmed by the customer</source>
        <translation>Vom Kunden bestätigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not confirmed by the customer yet</source>
        <translation>Vom Kunden noch nicht bestätigt</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/block_style.py" line="+33"/>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../careops_desktop/ui/widgets/week_calendar.py" line="+63"/>
        <source>Arrived</source>
        <translation>Eingetroffen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../careops_desktop/ui/widgets/week_calendar.py" line="+1"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../careops_desktop/ui/widgets/week_calendar.py" line="+1"/>
        <source>No-show</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../careops_desktop/ui/widgets/week_calendar.py" line="+1"/>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/time_block_paint.py" line="+97"/>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/week_badges.py" line="+23"/>
        <source>%n booking(s)</source>
        <translation>%n Buchungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%n bookings overlap here, too narrow to read. Double-click the day&apos;s header, or choose Day, to see each provider in a column.</source>
        <translation>Hier überschneiden sich %n Buchungen, zu schmal zum Lesen. Doppelklicken Sie auf die Kopfzeile des Tages oder wählen Sie Tag, um jeden Anbieter in einer eigenen Spalte zu sehen.</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/week_calendar.py" line="-4"/>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/week_paint.py" line="+119"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Busy</source>
        <translation>Belegt</translation>
    </message>
</context>
<context>
    <name>WeeklyHoursEditor</name>
    <message>
        <location filename="../../../careops_desktop/ui/wizard/hours.py" line="+50"/>
        <source>Open</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Bis</translation>
    </message>
</context>
</TS>
