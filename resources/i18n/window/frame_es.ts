<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/about_dialog.py" line="+39"/>
        <source>(in memory)</source>
        <translation>(en memoria)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About CareOps</source>
        <translation>Acerca de CareOps</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CareOps Desktop {version}

The front office of one service business: inbox, bookings, contacts, intake forms and inventory, with your data on your own computer.</source>
        <translation>CareOps Desktop {version}

La recepción de un negocio de servicios: bandeja de entrada, reservas, contactos, formularios de admisión e inventario, con sus datos en su propio ordenador.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+9"/>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log folder</source>
        <translation>Carpeta de registros</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading the libraries&apos; licences…</source>
        <translation>Leyendo las licencias de las bibliotecas…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Licences of the bundled libraries</source>
        <translation>Licencias de las bibliotecas incluidas</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>CareOps is MIT-licensed. It ships with these %n libraries, each under its own licence:</source>
        <translation>
            <numerusform>CareOps tiene licencia MIT. Incluye esta %n biblioteca, con su propia licencia:</numerusform>
            <numerusform>CareOps tiene licencia MIT. Incluye estas %n bibliotecas, cada una con su propia licencia:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The list of the libraries&apos; licences could not be read ({error}).</source>
        <translation>No se pudo leer la lista de licencias de las bibliotecas ({error}).</translation>
    </message>
</context>
<context>
    <name>Accessible</name>
    <message>
        <location filename="../../../careops_desktop/ui/accessible.py" line="+183"/>
        <source>{column}, row {row}</source>
        <translation>{column}, fila {row}</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Table: {columns}</source>
        <translation>Tabla: {columns}</translation>
    </message>
</context>
<context>
    <name>AddressRow</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/address_qr.py" line="+44"/>
        <source>Copy address</source>
        <translation>Copiar dirección</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print poster…</source>
        <translation>Imprimir cartel…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Copied.</source>
        <translation>Copiada.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../../careops_desktop/ui/app.py" line="+168"/>
        <source>Opening CareOps</source>
        <translation>Abriendo CareOps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updating the database…</source>
        <translation>Actualizando la base de datos…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>CareOps could not open its database. The details have been written to the log.</source>
        <translation>CareOps no pudo abrir su base de datos. Los detalles se han escrito en el registro.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>CareOps demo</source>
        <translation>Demo de CareOps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filling the demo business with sample data…</source>
        <translation>Llenando el negocio de demostración con datos de ejemplo…</translation>
    </message>
</context>
<context>
    <name>BackupRows</name>
    <message>
        <location filename="../../../careops_desktop/ui/backup_rows.py" line="+22"/>
        <source>Daily (automatic)</source>
        <translation>Diaria (automática)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made by hand</source>
        <translation>Hecha a mano</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before an update</source>
        <translation>Antes de una actualización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before a restore</source>
        <translation>Antes de una restauración</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%n byte(s)</source>
        <translation>%n bytes</translation>
    </message>
</context>
<context>
    <name>BookingPageButton</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/address_qr.py" line="+57"/>
        <location line="+2"/>
        <source>Show the booking page&apos;s QR code</source>
        <translation>Mostrar el código QR de la página de reservas</translation>
    </message>
</context>
<context>
    <name>BookingPagePopup</name>
    <message>
        <location line="-46"/>
        <source>Customers book at</source>
        <translation>Los clientes reservan en</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Booking page settings and poster…</source>
        <translation>Configuración de la página de reservas y cartel…</translation>
    </message>
</context>
<context>
    <name>CalendarDrop</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/calendar_drag.py" line="+56"/>
        <source>A cancelled booking cannot be moved.</source>
        <translation>Una reserva cancelada no se puede cambiar de hora.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A completed booking cannot be moved.</source>
        <translation>Una reserva completada no se puede cambiar de hora.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A no-show cannot be moved.</source>
        <translation>Una reserva en la que el cliente no se presentó no se puede cambiar de hora.</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>This booking cannot be moved.</source>
        <translation>Esta reserva no se puede cambiar de hora.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bookings cannot be moved on this page.</source>
        <translation>En esta página no se pueden cambiar las reservas de hora.</translation>
    </message>
    <message>
        <location line="+133"/>
        <location line="+69"/>
        <source>Where it is now.</source>
        <translation>Donde está ahora.</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Calendar: moving {title} to {day} {times}. {words}</source>
        <translation>Calendario: cambiando {title} a {day} {times}. {words}</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/calendar_drop_rules.py" line="+171"/>
        <source>The provider</source>
        <translation>El profesional</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That time has already passed.</source>
        <translation>Esa hora ya ha pasado.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{who} does not offer this booking type.</source>
        <translation>{who} no ofrece este tipo de cita.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Taken: {who} has another booking then ({title}).</source>
        <translation>Ocupado: {who} tiene otra reserva a esa hora ({title}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Blocked: {reason}; you will be asked.</source>
        <translation>Bloqueado: {reason}; se le preguntará.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{who} is closed that day ({reason}); you will be asked.</source>
        <translation>{who} no trabaja ese día ({reason}); se le preguntará.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{who} is closed that day; you will be asked.</source>
        <translation>{who} no trabaja ese día; se le preguntará.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outside {who}&apos;s opening hours; you will be asked.</source>
        <translation>Fuera del horario de {who}; se le preguntará.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{who} is busy in {calendar} then; you will be asked.</source>
        <translation>{who} está ocupado en {calendar} a esa hora; se le preguntará.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Free: {who} has nothing else then.</source>
        <translation>Libre: {who} no tiene nada más a esa hora.</translation>
    </message>
</context>
<context>
    <name>CalendarLegend</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/calendar_legend.py" line="+31"/>
        <source>Calendar legend</source>
        <translation>Leyenda del calendario</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Providers: {names}. Statuses: {states}.</source>
        <translation>Profesionales: {names}. Estados: {states}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
</context>
<context>
    <name>CommandDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/command_dialog.py" line="+62"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>ContactPicker</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/contact_picker.py" line="+35"/>
        <source>Find a contact by name, email or phone…</source>
        <translation>Buscar un contacto por nombre, correo o teléfono…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
</context>
<context>
    <name>DeskStatus</name>
    <message>
        <location filename="../../../careops_desktop/ui/desk_status.py" line="+27"/>
        <source>Not connected to the database server — retrying</source>
        <translation>Sin conexión con el servidor de la base de datos: reintentando</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%n other desk(s) connected</source>
        <translation>Otros puestos conectados: %n</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../careops_desktop/ui/main_window.py" line="+61"/>
        <source>owner</source>
        <translation>propietario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manager</source>
        <translation>gerente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>staff</source>
        <translation>empleado</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>{business} — CareOps</source>
        <translation>{business} — CareOps</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About CareOps</source>
        <translation>Acerca &amp;de CareOps</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>system</source>
        <translation>sistema</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed in as {name} ({role})</source>
        <translation>Sesión iniciada como {name} ({role})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <location filename="../../../careops_desktop/ui/ops.py" line="+233"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>Something went wrong. The details have been written to the log.</source>
        <translation>Algo ha salido mal. Los detalles se han escrito en el registro.</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/qr_code.py" line="+49"/>
        <source>QR code of {text}</source>
        <translation>Código QR de {text}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No QR code</source>
        <translation>Sin código QR</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/recovery.py" line="+49"/>
        <source>CareOps backups (*.sqlite3);;All files (*)</source>
        <translation>Copias de seguridad de CareOps (*.sqlite3);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>CareOps: the database is damaged</source>
        <translation>CareOps: la base de datos está dañada</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The CareOps database is damaged.</source>
        <translation>La base de datos de CareOps está dañada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown problem</source>
        <translation>problema desconocido</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The start-up check of {database} found a problem: {problem} (and %n more).</source>
        <translation>
            <numerusform>La comprobación de inicio de {database} encontró un problema: {problem} (y %n más).</numerusform>
            <numerusform>La comprobación de inicio de {database} encontró un problema: {problem} (y %n más).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The start-up check of {database} found a problem: {problem}.</source>
        <translation>La comprobación de inicio de {database} encontró un problema: {problem}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CareOps will not open a damaged database, so that nothing more is lost. Restore a backup to carry on: the damaged file is kept beside the backups, and work done since that backup will be missing.</source>
        <translation>CareOps no abre una base de datos dañada, para que no se pierda nada más. Restaure una copia de seguridad para continuar: el archivo dañado se guarda junto a las copias, y faltará el trabajo hecho desde esa copia.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Taken</source>
        <translation>Creada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Backups of this database in {folder}, newest first:</source>
        <translation>Copias de seguridad de esta base de datos en {folder}, la más reciente primero:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no backup of this database in {folder}. If you keep a copy elsewhere (a USB stick, another computer), choose it with “Choose another backup…”.</source>
        <translation>No hay ninguna copia de seguridad de esta base de datos en {folder}. Si guarda una copia en otro lugar (una memoria USB, otro ordenador), elíjala con «Elegir otra copia…».</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restore the latest good backup</source>
        <translation>Restaurar la última copia correcta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose another backup…</source>
        <translation>Elegir otra copia…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose a backup to restore</source>
        <translation>Elija una copia de seguridad para restaurar</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Checking the backups, newest first…</source>
        <translation>Comprobando las copias, la más reciente primero…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None of these backups passed its integrity check. Choose another backup… (a copy kept elsewhere), or Quit.</source>
        <translation>Ninguna de estas copias ha superado la comprobación de integridad. Elija «Elegir otra copia…» (una copia guardada en otro lugar) o «Salir».</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restoring {file}…</source>
        <translation>Restaurando {file}…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{reason} Nothing was changed.</source>
        <translation>{reason} No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{file} could not be restored: {reason}.</source>
        <translation>No se pudo restaurar {file}: {reason}.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/search_box.py" line="+31"/>
        <source>Search…</source>
        <translation>Buscar…</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../../careops_desktop/ui/wizard/page_address.py" line="+56"/>
        <source>Where customers book</source>
        <translation>Dónde reservan los clientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers open the booking page at this address, and every email and reminder links to it. Scan the code with a phone on the business network to try it. If the computer has a name on the network, or the page is published on the internet behind a proxy, enter that address instead.</source>
        <translation>Los clientes abren la página de reservas en esta dirección, y cada correo y recordatorio enlaza a ella. Escanee el código con un teléfono en la red del negocio para probarlo. Si el ordenador tiene un nombre en la red, o la página se publica en internet detrás de un proxy, escriba esa dirección.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>optional, for example {address}</source>
        <translation>opcional, por ejemplo {address}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Address customers use</source>
        <translation>Dirección para los clientes</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/wizard/pages_more.py" line="+43"/>
        <source>Stock (optional)</source>
        <translation>Existencias (opcional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If bookings use up supplies, list them here and CareOps warns you when one runs low. Leave the names empty to skip.</source>
        <translation>Si las citas consumen material, indíquelo aquí y CareOps le avisará cuando queden pocas existencias. Deje los nombres vacíos para omitir este paso.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In stock</source>
        <translation>Existencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn at</source>
        <translation>Avisar en</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Try it (optional)</source>
        <translation>Pruébelo (opcional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make a test customer and book them in, to see how a booking looks. You can cancel it afterwards in the Bookings tab.</source>
        <translation>Cree un cliente de prueba y hágale una reserva para ver cómo queda. Después puede cancelarla en la pestaña Reservas.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Make a test booking</source>
        <translation>Hacer una reserva de prueba</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test Customer</source>
        <translation>Cliente de prueba</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional; use your own address</source>
        <translation>opcional; use su propia dirección</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customer name</source>
        <translation>Nombre del cliente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer email</source>
        <translation>Correo del cliente</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Booked: {booking}</source>
        <translation>Reservado: {booking}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Email (optional)</source>
        <translation>Correo electrónico (opcional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CareOps sends confirmations and reminders by email once an email account is connected. You can do this now or later under Settings → Integrations.</source>
        <translation>CareOps envía confirmaciones y recordatorios por correo electrónico cuando hay una cuenta de correo conectada. Puede hacerlo ahora o más tarde en Configuración → Integraciones.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set up email now…</source>
        <translation>Configurar el correo ahora…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Check</source>
        <translation>Comprobar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Here is what CareOps needs before customers can book online.</source>
        <translation>Esto es lo que CareOps necesita antes de que los clientes puedan reservar en línea.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the business is active, customers can book on the booking page. You can also finish later: the checklist stays under Settings.</source>
        <translation>Cuando el negocio está activo, los clientes pueden reservar en la página de reservas. También puede terminar más tarde: la lista de comprobación queda en Configuración.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Activate now: start taking online bookings</source>
        <translation>Activar ahora: empezar a aceptar reservas en línea</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../../careops_desktop/ui/wizard/wizard.py" line="+41"/>
        <source>Finish later</source>
        <translation>Terminar más tarde</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/wizard/pages_setup.py" line="+48"/>
        <source>Your business</source>
        <translation>Su negocio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tell CareOps about the business. The time zone decides how bookings are shown and offered; the email is where customers&apos; replies go.</source>
        <translation>Cuéntele a CareOps sobre el negocio. La zona horaria decide cómo se muestran y ofrecen las reservas; las respuestas de los clientes llegan al correo electrónico.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Business name</source>
        <translation>Nombre del negocio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact email</source>
        <translation>Correo de contacto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Who takes bookings</source>
        <translation>Quién atiende las reservas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A provider is a person (or a room or chair) customers book. Start with yourself; set the hours you are open each week.</source>
        <translation>Un profesional es una persona (o una sala o un sillón) que los clientes reservan. Empiece por usted; indique el horario de cada semana.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>optional, e.g. Treatment room 2</source>
        <translation>opcional, p. ej. Sala de tratamiento 2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your name as provider</source>
        <translation>Su nombre como profesional</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another provider</source>
        <translation>Otro profesional</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Weekly hours</source>
        <translation>Horario semanal</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>What customers can book</source>
        <translation>Qué pueden reservar los clientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the services you offer. Every provider above offers them; you can change that later under Settings → Booking types.</source>
        <translation>Añada los servicios que ofrece. Todos los profesionales anteriores los ofrecen; puede cambiarlo más tarde en Configuración → Tipos de cita.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consultation</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no price</source>
        <translation>sin precio</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Intake form</source>
        <translation>Formulario de admisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CareOps can send customers a short form to fill in before their visit. Start with this one; you can edit it or add others in the Forms tab.</source>
        <translation>CareOps puede enviar a los clientes un formulario breve para rellenar antes de su cita. Empiece con este; puede editarlo o añadir otros en la pestaña Formularios.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Send “{form}” with every booking</source>
        <translation>Enviar «{form}» con cada reserva</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>• {question} (required)</source>
        <translation>• {question} (obligatorio)</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/wizard/steps.py" line="+86"/>
        <source>Open on at least one day.</source>
        <translation>Abra al menos un día.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Add at least one booking type.</source>
        <translation>Añada al menos un tipo de cita.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>No free time in the next two weeks; check the opening hours.</source>
        <translation>No hay horas libres en las próximas dos semanas; revise el horario.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Test booking made by the setup wizard.</source>
        <translation>Reserva de prueba hecha por el asistente de configuración.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{when} with {provider}</source>
        <translation>{when} con {provider}</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/wizard/wizard.py" line="-3"/>
        <source>Set up CareOps</source>
        <translation>Configurar CareOps</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Atrás</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Siguiente &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Finalizar</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Step {number} of {count}</source>
        <translation>Paso {number} de {count}</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../../careops_desktop/ui/startup.py" line="+77"/>
        <source>{reason} The database was not changed; CareOps opens it as it was.</source>
        <translation>{reason} No se ha cambiado la base de datos; CareOps la abre tal como estaba.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database was restored from {file}. A copy of the database as it was before is kept as {copy}. Sign in again to carry on.</source>
        <translation>La base de datos se ha restaurado desde {file}. Se guarda una copia de la base de datos anterior como {copy}. Vuelva a iniciar sesión para continuar.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>CareOps could not open its database. Check the database setting (--db, CAREOPS_DB or Settings → Database connection). ({error})</source>
        <translation>CareOps no pudo abrir su base de datos. Revise la configuración de la base de datos (--db, CAREOPS_DB o Configuración → Conexión a la base de datos). ({error})</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Checking the database…</source>
        <translation>Comprobando la base de datos…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The database was restored from the backup of {taken} ({file}). Work done after that backup is not in it.</source>
        <translation>La base de datos se ha restaurado desde la copia de seguridad del {taken} ({file}). El trabajo hecho después de esa copia no está incluido.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database was restored from the backup ({file}). Work done after that backup is not in it.</source>
        <translation>La base de datos se ha restaurado desde la copia de seguridad ({file}). El trabajo hecho después de esa copia no está incluido.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The damaged file is kept as {file}.</source>
        <translation>El archivo dañado se guarda como {file}.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../../careops_desktop/ui/runtime_link.py" line="+139"/>
        <source>Booking page: not running</source>
        <translation>Página de reservas: detenida</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Booking page: {address}</source>
        <translation>Página de reservas: {address}</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Outbox: {waiting} waiting, {failed} failed</source>
        <translation>Bandeja de salida: {waiting} en espera, {failed} fallidos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outbox: {waiting} waiting</source>
        <translation>Bandeja de salida: {waiting} en espera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outbox: {failed} failed</source>
        <translation>Bandeja de salida: {failed} fallidos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outbox: all sent</source>
        <translation>Bandeja de salida: todo enviado</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/updates_at_start.py" line="+64"/>
        <source>CareOps {version} is available: see Settings → Updates.</source>
        <translation>CareOps {version} está disponible: vea Configuración → Actualizaciones.</translation>
    </message>
</context>
<context>
    <name>TableModel</name>
    <message>
        <location filename="../../../careops_desktop/ui/table_model.py" line="+107"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <location filename="../../../careops_desktop/ui/tabs.py" line="+113"/>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inbox</source>
        <translation>Bandeja de entrada</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bookings</source>
        <translation>Reservas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Forms</source>
        <translation>Formularios</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inventory</source>
        <translation>Inventario</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
</context>
<context>
    <name>WeekCalendar</name>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/answer_marks.py" line="+24"/>
        <source>Confirmed by the customer</source>
        <translation>Confirmada por el cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not confirmed by the customer yet</source>
        <translation>Aún no confirmada por el cliente</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/block_style.py" line="+33"/>
        <source>Booked</source>
        <translation>Reservada</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../careops_desktop/ui/widgets/week_calendar.py" line="+63"/>
        <source>Arrived</source>
        <translation>Ha llegado</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../careops_desktop/ui/widgets/week_calendar.py" line="+1"/>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../careops_desktop/ui/widgets/week_calendar.py" line="+1"/>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../careops_desktop/ui/widgets/week_calendar.py" line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/time_block_paint.py" line="+97"/>
        <source>Blocked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/week_badges.py" line="+23"/>
        <source>%n booking(s)</source>
        <translation>%n reservas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%n bookings overlap here, too narrow to read. Double-click the day&apos;s header, or choose Day, to see each provider in a column.</source>
        <translation>Aquí se solapan %n reservas, demasiado estrechas para leerlas. Haga doble clic en el encabezado del día o elija Día para ver cada profesional en una columna.</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/week_calendar.py" line="-4"/>
        <source>Confirmed</source>
        <translation>Confirmada</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/widgets/week_paint.py" line="+119"/>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
</context>
<context>
    <name>WeeklyHoursEditor</name>
    <message>
        <location filename="../../../careops_desktop/ui/wizard/hours.py" line="+50"/>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
</context>
</TS>
