<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/staff_page.py" line="+63"/>
        <source>Add a person</source>
        <translation>Añadir una persona</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <source>First password</source>
        <translation>Primera contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/audit_page.py" line="+46"/>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every kind of record</source>
        <translation>Todos los tipos de registro</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Who did what, to which record, and when. Times are the business&apos;s local time. The log holds no passwords and no message texts.</source>
        <translation>Quién hizo qué, en qué registro y cuándo. Las horas son la hora local del negocio. El registro no contiene contraseñas ni textos de mensajes.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Owners and managers see the audit log.</source>
        <translation>Solo los propietarios y los gerentes ven el registro de auditoría.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} (automatic)</source>
        <translation>{name} (automático)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>1 entry</source>
        <translation>1 entrada</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n entrada</numerusform>
            <numerusform>%n entradas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export the audit log</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exporting the audit log</source>
        <translation>Exportando el registro de auditoría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the CSV file…</source>
        <translation>Escribiendo el archivo CSV…</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Exported %n entries to {file}.</source>
        <translation>
            <numerusform>Se ha exportado %n entrada a {file}.</numerusform>
            <numerusform>Se han exportado %n entradas a {file}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Exportación cancelada; no se ha escrito ningún archivo.</translation>
    </message>
</context>
<context>
    <name>AutomationsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/automations_page.py" line="+45"/>
        <source>Welcome message to a new customer</source>
        <translation>Mensaje de bienvenida a un cliente nuevo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Booking confirmation (with calendar invitation)</source>
        <translation>Confirmación de la reserva (con invitación de calendario)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reminder before each booking</source>
        <translation>Recordatorio antes de cada reserva</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reminder to fill in a form before it is due</source>
        <translation>Recordatorio para rellenar un formulario antes de su fecha</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Low-stock alert to owners and managers</source>
        <translation>Aviso de existencias bajas a propietarios y responsables</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Act on replies to reminders: C or YES confirms the visit, X or NO cancels it</source>
        <translation>Actuar según las respuestas a los recordatorios: C o SÍ confirma la cita, X o NO la cancela</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>After a no-show: “We missed you” with the booking page link</source>
        <translation>Tras no presentarse: «Le echamos de menos» con el enlace a la página de reservas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>After a completed visit: “Book your next visit” (days per type below)</source>
        <translation>Tras una cita completada: «Reserve su próxima cita» (días por tipo de cita abajo)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking confirmation</source>
        <translation>Confirmación de la reserva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking reminder</source>
        <translation>Recordatorio de la cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form link</source>
        <translation>Enlace al formulario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form reminder</source>
        <translation>Recordatorio del formulario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low-stock alert</source>
        <translation>Aviso de existencias bajas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking cancelled</source>
        <translation>Reserva cancelada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking moved</source>
        <translation>Reserva cambiada de hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer to a reply that confirms</source>
        <translation>Respuesta a una confirmación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer to a reply that cancels</source>
        <translation>Respuesta a una cancelación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer to a reply that cancels too late</source>
        <translation>Respuesta a una cancelación tardía</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up after a no-show</source>
        <translation>Seguimiento tras no presentarse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up: book your next visit</source>
        <translation>Seguimiento: reserve su próxima cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series booked</source>
        <translation>Serie reservada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series changed</source>
        <translation>Serie cambiada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waitlist: a time has freed up</source>
        <translation>Lista de espera: se ha liberado una hora</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+41"/>
        <source>Your business</source>
        <translation>Su negocio</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Messages CareOps sends by itself. Each can be switched off.</source>
        <translation>Mensajes que CareOps envía por sí solo. Cada uno se puede desactivar.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> hours before</source>
        <translation> horas antes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standard reminder</source>
        <translation>Recordatorio estándar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> hours</source>
        <translation> horas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A message the mail or SMS service cannot take is tried again after 1 minute, then 2, 4, 8 … up to every 6 hours, for this long; then it is marked failed and can be retried from the Dashboard.</source>
        <translation>Un mensaje que el servicio de correo o SMS no acepta se reintenta tras 1 minuto, luego 2, 4, 8 … hasta cada 6 horas, durante este tiempo; después se marca como fallido y puede reintentarse desde el Panel.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep trying to send for</source>
        <translation>Seguir intentando enviar durante</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Initial assessment</source>
        <translation>Valoración inicial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examination gloves</source>
        <translation>Guantes de exploración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 boxes</source>
        <translation>3 cajas</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reminders by booking type</source>
        <translation>Recordatorios por tipo de cita</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Each customer gets messages in their own language (set on the contact), else in the business&apos;s language. Edit each language&apos;s text here.</source>
        <translation>Cada cliente recibe los mensajes en su propio idioma (indicado en el contacto) o, si no, en el idioma del negocio. Edite aquí el texto de cada idioma.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Save template</source>
        <translation>Guardar plantilla</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the standard text</source>
        <translation>Volver al texto estándar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Placeholders: {names}</source>
        <translation>Marcadores: {names}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Message templates</source>
        <translation>Plantillas de mensajes</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Standard text.</source>
        <translation>Texto estándar.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your text.</source>
        <translation>Su texto.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Subject: {subject}</source>
        <translation>Asunto: {subject}</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>As a text message: %n segment(s) ({encoding}, {count} characters).</source>
        <translation>
            <numerusform>Como SMS: %n segmento ({encoding}, {count} caracteres).</numerusform>
            <numerusform>Como SMS: %n segmentos ({encoding}, {count} caracteres).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Long text messages cost more and may arrive split; consider a shorter text.</source>
        <translation>Los SMS largos cuestan más y pueden llegar divididos; conviene un texto más corto.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/backups_page.py" line="+54"/>
        <location line="+136"/>
        <source>Copying the database…</source>
        <translation>Copiando la base de datos…</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>The backup could not be written to {folder}: {reason}.</source>
        <translation>No se ha podido escribir la copia de seguridad en {folder}: {reason}.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Taken</source>
        <translation>Realizada</translation>
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
        <location line="+9"/>
        <source>Back up now</source>
        <translation>Hacer copia ahora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore…</source>
        <translation>Restaurar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open backups folder</source>
        <translation>Abrir carpeta de copias</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Backups of {database} are kept in {folder}. CareOps takes one a day by itself (the last 7 days, 4 weeks and 12 months are kept) and one whenever you press “Back up now”. Backups hold no passwords: those stay in this computer&apos;s keyring. Copy a backup to a USB stick now and then.</source>
        <translation>Las copias de seguridad de {database} se guardan en {folder}. CareOps hace una al día por sí mismo (se conservan las de los últimos 7 días, 4 semanas y 12 meses) y otra cada vez que pulsa «Hacer copia ahora». Las copias no contienen contraseñas: estas permanecen en el llavero de este equipo. Copie de vez en cuando una copia de seguridad en una memoria USB.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This computer uses the PostgreSQL database {database}. Back it up on the server with PostgreSQL&apos;s own tools (pg_dump); the backups here are for a SQLite database file.</source>
        <translation>Este equipo usa la base de datos PostgreSQL {database}. Haga la copia de seguridad en el servidor con las herramientas de PostgreSQL (pg_dump); las copias de aquí son para un archivo de base de datos SQLite.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Owners and managers restore backups.</source>
        <translation>Las copias de seguridad las restauran los propietarios y los gerentes.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backing up…</source>
        <translation>Haciendo la copia…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backing up</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Backup written: {file}</source>
        <translation>Copia de seguridad guardada: {file}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Checking {file}…</source>
        <translation>Comprobando {file}…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{file} cannot be restored: it failed its integrity check ({problem}). Nothing was changed; choose another backup.</source>
        <translation>No se puede restaurar {file}: no ha superado la comprobación de integridad ({problem}). No se ha cambiado nada; elija otra copia de seguridad.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restore a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore the backup of {taken}?</source>
        <translation>¿Restaurar la copia de seguridad del {taken}?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This replaces the database {database} with the backup {file}: everything done after {taken} will be gone from it.

A copy of the database as it is now is kept in {folder}.

CareOps will close this window, restore the backup and open again; you then sign in again.</source>
        <translation>Esto sustituye la base de datos {database} por la copia de seguridad {file}: todo lo hecho después del {taken} desaparecerá de ella.

Se guarda una copia de la base de datos tal como está ahora en {folder}.

CareOps cerrará esta ventana, restaurará la copia y se abrirá de nuevo; después tendrá que iniciar sesión otra vez.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restore and reopen</source>
        <translation>Restaurar y volver a abrir</translation>
    </message>
</context>
<context>
    <name>BlocksList</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/blocks_list.py" line="+39"/>
        <source>Once</source>
        <translation>Una vez</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every {weekday}</source>
        <translation>Cada {weekday}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every {weekday} until {date}</source>
        <translation>Cada {weekday} hasta el {date}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With</source>
        <translation>Con</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat</source>
        <translation>Repetición</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Blocked time</source>
        <translation>Tiempo bloqueado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove selected block…</source>
        <translation>Quitar el bloqueo seleccionado…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Blocked time (lunch, meetings). Add it in the Bookings tab: drag on an empty part of the calendar, or use “Block time…”.</source>
        <translation>Tiempo bloqueado (comida, reuniones). Añádalo en la pestaña Reservas: arrastre sobre una parte vacía del calendario o use «Bloquear tiempo…».</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Remove blocked time</source>
        <translation>Quitar tiempo bloqueado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove “{reason}” ({repeat})? Its times become bookable again.</source>
        <translation>¿Quitar «{reason}» ({repeat})? Esas horas vuelven a poder reservarse.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep it</source>
        <translation>Conservar</translation>
    </message>
</context>
<context>
    <name>BookingPageSettingsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/booking_page.py" line="+43"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The booking page is not running in this window; these are the addresses it will have.</source>
        <translation>La página de reservas no se está ejecutando en esta ventana; estas son las direcciones que tendrá.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The page is listening, but the business is not active yet: customers see a &apos;not taking online bookings&apos; page. Activate it on the Business page.</source>
        <translation>La página está en marcha, pero el negocio aún no está activo: los clientes ven una página de «no se aceptan reservas en línea». Actívelo en la página Negocio.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The page is listening, but online booking is switched off on the Business page.</source>
        <translation>La página está en marcha, pero las reservas en línea están desactivadas en la página Negocio.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The page listens on this computer only (loopback): other devices cannot reach it.</source>
        <translation>La página solo escucha en este equipo (loopback): otros dispositivos no pueden acceder a ella.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customers on this network can book at these addresses.</source>
        <translation>Los clientes de esta red pueden reservar en estas direcciones.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Customers at the front desk tablet, in the waiting room or on the business Wi-Fi open the booking page at the address below: scan the code with a phone, or print a poster for the reception desk.</source>
        <translation>Los clientes en la tableta de recepción, en la sala de espera o en la wifi del negocio abren la página de reservas en la dirección de abajo: escanee el código con un teléfono o imprima un cartel para la recepción.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The address and port are set on the Business page; &apos;Address customers use&apos; there comes first here and in the messages customers get.</source>
        <translation>La dirección y el puerto se configuran en la página Negocio; la «Dirección que usan los clientes» de allí aparece primero aquí y en los mensajes que reciben los clientes.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>This window runs no booking page (is `careops serve` running elsewhere?).</source>
        <translation>Esta ventana no ejecuta ninguna página de reservas (¿se está ejecutando `careops serve` en otro lugar?).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The booking page&apos;s details could not be loaded: {reason}</source>
        <translation>No se han podido cargar los datos de la página de reservas: {reason}</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+2"/>
        <source>booking page</source>
        <translation>página de reservas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{name} poster.pdf</source>
        <translation>{name} cartel.pdf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the poster</source>
        <translation>Guardar el cartel</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+6"/>
        <location line="+20"/>
        <source>Writing the poster…</source>
        <translation>Creando el cartel…</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Print poster</source>
        <translation>Imprimir cartel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Poster saved: {path}</source>
        <translation>Cartel guardado: {path}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The poster could not be written: {reason}</source>
        <translation>No se ha podido crear el cartel: {reason}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{path} could not be written (is the folder writable?).</source>
        <translation>No se ha podido escribir {path} (¿se puede escribir en la carpeta?).</translation>
    </message>
</context>
<context>
    <name>BookingTypesSettingsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/booking_types_page.py" line="+59"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The services customers can book.</source>
        <translation>Los servicios que pueden reservar los clientes.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>1 (one customer at a time)</source>
        <translation>1 (un cliente cada vez)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>More than 1 makes this a class: customers share a session.</source>
        <translation>Más de 1 la convierte en una clase: los clientes comparten la sesión.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no price</source>
        <translation>sin precio</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Offered to customers</source>
        <translation>Se ofrece a los clientes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With every visit</source>
        <translation>En cada cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With the first visit only</source>
        <translation>Solo en la primera cita</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Booking type</source>
        <translation>Tipo de cita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free time before</source>
        <translation>Tiempo libre antes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free time after</source>
        <translation>Tiempo libre después</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seats per session</source>
        <translation>Plazas por sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offered by</source>
        <translation>Ofrecido por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forms in a series</source>
        <translation>Formularios en una serie</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{name} (not offered)</source>
        <translation>{name} (no se ofrece)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New booking type…</source>
        <translation>Nuevo tipo de cita…</translation>
    </message>
</context>
<context>
    <name>BusinessSettingsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/business_page.py" line="+59"/>
        <source>The business as customers see it, and its booking page.</source>
        <translation>El negocio tal como lo ven los clientes, y su página de reservas.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Customers can book on the booking page</source>
        <translation>Los clientes pueden reservar en la página de reservas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>blank: this computer&apos;s address on the network; https://… when published</source>
        <translation>en blanco: la dirección de este equipo en la red; https://… si se publica</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>blank: none; the reverse proxy&apos;s address, such as 127.0.0.1 or 10.0.0.0/8</source>
        <translation>en blanco: ninguno; la dirección del proxy inverso, como 127.0.0.1 o 10.0.0.0/8</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Business name</source>
        <translation>Nombre del negocio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact email</source>
        <translation>Correo de contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking page</source>
        <translation>Página de reservas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen on address</source>
        <translation>Escuchar en la dirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address customers use</source>
        <translation>Dirección que usan los clientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted proxy addresses</source>
        <translation>Direcciones de proxy de confianza</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Setup checklist</source>
        <translation>Lista de configuración</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+45"/>
        <source>Activate</source>
        <translation>Activar</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Active: customers can book online.</source>
        <translation>Activo: los clientes pueden reservar en línea.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not active yet.</source>
        <translation>Aún no está activo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deactivate</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{mark}  {step} — {hint}</source>
        <translation>{mark}  {step}: {hint}</translation>
    </message>
</context>
<context>
    <name>CalendarSettingsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/calendar_page.py" line="+54"/>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free-busy report</source>
        <translation>Informe de disponibilidad</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+132"/>
        <source>App password</source>
        <translation>Contraseña de aplicación</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>OAuth token (Google)</source>
        <translation>Token OAuth (Google)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Enter the app password first.</source>
        <translation>Introduzca primero la contraseña de aplicación.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The account has no calendars yet; make one in your calendar app.</source>
        <translation>La cuenta aún no tiene calendarios; cree uno en su aplicación de calendario.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved, but the password was not kept: {reason}</source>
        <translation>Guardado, pero no se ha conservado la contraseña: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved. The password is kept in the system keyring.</source>
        <translation>Guardado. La contraseña se guarda en el llavero del sistema.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not written to a calendar</source>
        <translation>No se escribe en ningún calendario</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Never synced.</source>
        <translation>Nunca sincronizado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last read {moment} UTC.</source>
        <translation>Última lectura: {moment} UTC.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>kept in the system keyring</source>
        <translation>guardada en el llavero del sistema</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All-day events block the whole day</source>
        <translation>Los eventos de todo el día bloquean el día entero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tentative events block</source>
        <translation>Los eventos provisionales bloquean</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the customer&apos;s booking notes into the event</source>
        <translation>Incluir las notas de la reserva del cliente en el evento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save account</source>
        <translation>Guardar cuenta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save calendars</source>
        <translation>Guardar calendarios</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with</source>
        <translation>Iniciar sesión con</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read busy time every</source>
        <translation>Leer el tiempo ocupado cada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Busy time from</source>
        <translation>Tiempo ocupado de</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Calendars of each provider</source>
        <translation>Calendarios de cada profesional</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connect a CalDAV account (iCloud, Fastmail, Nextcloud, Google and others). Each provider&apos;s bookings are written to their calendar, and busy times in the calendars you tick are never offered on the booking page.</source>
        <translation>Conecte una cuenta CalDAV (iCloud, Fastmail, Nextcloud, Google y otras). Las reservas de cada profesional se escriben en su calendario, y las horas ocupadas de los calendarios que marque nunca se ofrecen en la página de reservas.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected. Calendars: {names}.</source>
        <translation>Conectado. Calendarios: {names}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+25"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved. Bookings of providers with a calendar are sent to it.</source>
        <translation>Guardado. Las reservas de los profesionales con calendario se envían a él.</translation>
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
        <translation>Conectado a PostgreSQL {version}: contiene una base de datos de CareOps (esquema {revision}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connected to PostgreSQL {version}: the database is empty; CareOps sets it up when it first opens it.</source>
        <translation>Conectado a PostgreSQL {version}: la base de datos está vacía; CareOps la prepara la primera vez que la abre.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SQLite file {path}</source>
        <translation>Archivo SQLite {path}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enter a PostgreSQL address, like {example}</source>
        <translation>Introduzca una dirección de PostgreSQL, como {example}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This is not a database address. It looks like {example}</source>
        <translation>Esta no es una dirección de base de datos. Tiene este aspecto: {example}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give the server and the database name, like {example}</source>
        <translation>Indique el servidor y el nombre de la base de datos, como {example}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>(no user name)</source>
        <translation>(sin nombre de usuario)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing answers at {where}. Is PostgreSQL running there, and does it accept connections from this computer (listen_addresses and pg_hba.conf)?</source>
        <translation>No responde nada en {where}. ¿Se está ejecutando PostgreSQL allí y acepta conexiones de este equipo (listen_addresses y pg_hba.conf)?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server refused the password for the user {user}.</source>
        <translation>El servidor ha rechazado la contraseña del usuario {user}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server wants a password for the user {user}: enter it above.</source>
        <translation>El servidor pide una contraseña para el usuario {user}: introdúzcala arriba.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server at {where} has no database called {database}. Create it first (createdb -O {user} {database}).</source>
        <translation>El servidor de {where} no tiene ninguna base de datos llamada {database}. Créela primero (createdb -O {user} {database}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server at {where} has no user called {user}.</source>
        <translation>El servidor de {where} no tiene ningún usuario llamado {user}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server name {host} is not known on this network.</source>
        <translation>El nombre de servidor {host} no se conoce en esta red.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{where} did not answer within {seconds} seconds.</source>
        <translation>{where} no ha respondido en {seconds} segundos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server at {where} does not let this computer in (pg_hba.conf).</source>
        <translation>El servidor de {where} no deja entrar a este equipo (pg_hba.conf).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not connect to {where}: {detail}</source>
        <translation>No se ha podido conectar a {where}: {detail}</translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/connection_page.py" line="+60"/>
        <source>The password was not kept ({reason}); the server must accept this computer without it (e.g. ~/.pgpass).</source>
        <translation>No se ha conservado la contraseña ({reason}); el servidor debe aceptar este equipo sin ella (p. ej., ~/.pgpass).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved. CareOps opens this database from its next start on this computer.</source>
        <translation>Guardado. CareOps abrirá esta base de datos a partir del próximo inicio en este equipo.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Forgotten. CareOps opens the SQLite file in the data folder from its next start.</source>
        <translation>Olvidada. CareOps abrirá el archivo SQLite de la carpeta de datos a partir del próximo inicio.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This window works on: {database}</source>
        <translation>Esta ventana trabaja con: {database}</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+123"/>
        <source>This computer&apos;s saved connection: {database}</source>
        <translation>Conexión guardada de este equipo: {database}</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>No connection is saved: CareOps uses the SQLite file in the data folder (or --db / CAREOPS_DB when given).</source>
        <translation>No hay ninguna conexión guardada: CareOps usa el archivo SQLite de la carpeta de datos (o --db / CAREOPS_DB si se indican).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Test connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as this computer&apos;s database</source>
        <translation>Guardar como base de datos de este equipo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the SQLite file again</source>
        <translation>Volver a usar el archivo SQLite</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PostgreSQL address</source>
        <translation>Dirección de PostgreSQL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Several front desks share one PostgreSQL server: enter its address here on every desk (see the README, “Several front desks”). A SQLite file stays on one computer and is never shared over a network drive.</source>
        <translation>Varios puestos de recepción comparten un servidor PostgreSQL: introduzca su dirección aquí en cada puesto (consulte el README, «Several front desks»). Un archivo SQLite se queda en un solo equipo y nunca se comparte por una unidad de red.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Only an owner changes the database connection.</source>
        <translation>Solo un propietario cambia la conexión de la base de datos.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was saved: {reason}.</source>
        <translation>No se ha guardado nada: {reason}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No connection is saved.</source>
        <translation>No hay ninguna conexión guardada.</translation>
    </message>
</context>
<context>
    <name>ImapSection</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/integrations_email.py" line="+304"/>
        <source>Replies from customers are read from this mailbox. Mail stays unread in your mail program unless you choose otherwise.</source>
        <translation>Las respuestas de los clientes se leen de este buzón. El correo sigue sin leer en su programa de correo, salvo que elija lo contrario.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Read replies from this mailbox</source>
        <translation>Leer respuestas de este buzón</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark fetched mail as read</source>
        <translation>Marcar como leído el correo recogido</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> seconds</source>
        <translation> segundos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check every</source>
        <translation>Comprobar cada</translation>
    </message>
</context>
<context>
    <name>ImportUndo</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/import_undo.py" line="+47"/>
        <source>Undo this import…</source>
        <translation>Deshacer esta importación…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The import of {file} cannot be undone: {reasons}</source>
        <translation>No se puede deshacer la importación de {file}: {reasons}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Undo the import</source>
        <translation>Deshacer la importación</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The %n booking(s) it added will be removed.</source>
        <translation>
            <numerusform>Se eliminará la %n reserva que añadió.</numerusform>
            <numerusform>Se eliminarán las %n reservas que añadió.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The %n contact(s) it added will be removed.</source>
        <translation>
            <numerusform>Se eliminará el %n contacto que añadió.</numerusform>
            <numerusform>Se eliminarán los %n contactos que añadió.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The %n contact(s) it merged into get back what they held before.</source>
        <translation>
            <numerusform>El %n contacto en el que se fusionaron datos recupera lo que tenía antes.</numerusform>
            <numerusform>Los %n contactos en los que se fusionaron datos recuperan lo que tenían antes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undo the import of {file}?</source>
        <translation>¿Deshacer la importación de {file}?</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The import was undone.</source>
        <translation>Se ha deshecho la importación.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n contact(s) removed.</source>
        <translation>
            <numerusform>%n contacto eliminado.</numerusform>
            <numerusform>%n contactos eliminados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n booking(s) removed.</source>
        <translation>
            <numerusform>%n reserva eliminada.</numerusform>
            <numerusform>%n reservas eliminadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n contact(s) restored.</source>
        <translation>
            <numerusform>%n contacto restaurado.</numerusform>
            <numerusform>%n contactos restaurados.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntegrationSettings</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/integration_common.py" line="+17"/>
        <source>None (not encrypted)</source>
        <translation>Ninguna (sin cifrar)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stored in the system keyring; leave blank to keep it</source>
        <translation>guardada en el llavero del sistema; déjelo en blanco para conservarla</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not stored yet</source>
        <translation>aún no guardada</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Last problem: {error}</source>
        <translation>Último problema: {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working.</source>
        <translation>Funciona.</translation>
    </message>
</context>
<context>
    <name>IntegrationsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/integrations_page.py" line="+131"/>
        <source>Sending email</source>
        <translation>Envío de correo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading email</source>
        <translation>Lectura de correo</translation>
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
        <translation>El idioma de la ventana pertenece a este equipo; los formatos de fechas, horas, números e importes pertenecen al negocio.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+8"/>
        <source>Language of the window</source>
        <translation>Idioma de la ventana</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Follow the system</source>
        <translation>Usar el idioma del sistema</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The window shows the chosen language from the next start.</source>
        <translation>La ventana mostrará el idioma elegido a partir del próximo inicio.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+9"/>
        <source>Dates, times, numbers and money</source>
        <translation>Fechas, horas, números e importes</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+45"/>
        <source>Automatic (from the time zone: {locale})</source>
        <translation>Automático (según la zona horaria: {locale})</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Preview of the formats</source>
        <translation>Vista previa de los formatos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only people who may change the settings can choose the formats.</source>
        <translation>Solo las personas que pueden cambiar la configuración pueden elegir los formatos.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{date} at {time} · {money}</source>
        <translation>{date} a las {time} · {money}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>MailServerSettings</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/integrations_email.py" line="-276"/>
        <source>Other server</source>
        <translation>Otro servidor</translation>
    </message>
    <message>
        <location line="+236"/>
        <source>Email was last read successfully at {moment}.</source>
        <translation>El correo se leyó correctamente por última vez el {moment}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Email has not been read successfully yet.</source>
        <translation>Aún no se ha leído el correo correctamente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading email has failed since {since}; the last try at {moment} said: {error}</source>
        <translation>La lectura del correo falla desde el {since}; el último intento, el {moment}, indicó: {error}</translation>
    </message>
</context>
<context>
    <name>PasswordPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/account_page.py" line="+21"/>
        <source>Change the password you sign in with.</source>
        <translation>Cambie la contraseña con la que inicia sesión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change password</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New password</source>
        <translation>Nueva contraseña</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New password again</source>
        <translation>Repita la nueva contraseña</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>PolicySettingsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/business_page.py" line="-131"/>
        <source>Minimum notice</source>
        <translation>Antelación mínima</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Book at most</source>
        <translation>Reservar como máximo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days ahead</source>
        <translation> días de antelación</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customers may cancel until</source>
        <translation>Los clientes pueden cancelar hasta</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source> hours before</source>
        <translation> horas antes</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Offer a start every</source>
        <translation>Ofrecer un inicio cada</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Forms are due</source>
        <translation>Los formularios vencen</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>The rules the booking page applies to customers.</source>
        <translation>Las reglas que la página de reservas aplica a los clientes.</translation>
    </message>
</context>
<context>
    <name>ProvidersSettingsPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/providers_page.py" line="+34"/>
        <source>A person</source>
        <translation>Una persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A room, chair or machine</source>
        <translation>Una sala, un sillón o una máquina</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Who or what customers book, and when they are available.</source>
        <translation>A quién o qué reservan los clientes, y cuándo están disponibles.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Takes bookings</source>
        <translation>Acepta reservas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weekly hours</source>
        <translation>Horario semanal</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Closed from</source>
        <translation>Cerrado desde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed until</source>
        <translation>Cerrado hasta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reason, e.g. Holiday</source>
        <translation>motivo, p. ej., Vacaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole business</source>
        <translation>Todo el negocio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add closure</source>
        <translation>Añadir cierre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove selected</source>
        <translation>Quitar lo seleccionado</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Closures (days off, holidays)</source>
        <translation>Días cerrados (días libres, vacaciones)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{name} (not taking bookings)</source>
        <translation>{name} (no acepta reservas)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New provider…</source>
        <translation>Nuevo profesional…</translation>
    </message>
</context>
<context>
    <name>ReminderListEditor</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/reminder_list.py" line="+37"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text message (SMS)</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{length} characters: 1 text message</source>
        <translation>{length} caracteres: 1 SMS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{length} characters: {parts} text messages</source>
        <translation>{length} caracteres: {parts} SMS</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+23"/>
        <source>Booking type</source>
        <translation>Tipo de cita</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Add reminder</source>
        <translation>Añadir recordatorio</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> days after a completed visit</source>
        <translation> días después de una cita completada</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save reminders</source>
        <translation>Guardar recordatorios</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reminders</source>
        <translation>Recordatorios</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;Book your next visit&quot;</source>
        <translation>«Reserve su próxima cita»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{name} (inactive)</source>
        <translation>{name} (inactivo)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add a booking type first (Settings → Booking types).</source>
        <translation>Añada primero un tipo de cita (Configuración → Tipos de cita).</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>This type has the standard reminder: one, %n hours before, by email (by text when there is no email address). Save to give it a list of its own.</source>
        <translation>
            <numerusform>Este tipo de cita tiene el recordatorio estándar: uno, %n hora antes, por correo electrónico (por SMS si no hay dirección de correo). Guarde para darle una lista propia.</numerusform>
            <numerusform>Este tipo de cita tiene el recordatorio estándar: uno, %n horas antes, por correo electrónico (por SMS si no hay dirección de correo). Guarde para darle una lista propia.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>A booking type can have at most %n reminders.</source>
        <translation>
            <numerusform>Un tipo de cita puede tener como máximo %n recordatorio.</numerusform>
            <numerusform>Un tipo de cita puede tener como máximo %n recordatorios.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reminder channel</source>
        <translation>Canal del recordatorio</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hours before the visit</source>
        <translation>Horas antes de la cita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> hours before</source>
        <translation> horas antes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this reminder</source>
        <translation>Quitar este recordatorio</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No reminders are sent for this booking type.</source>
        <translation>No se envían recordatorios para este tipo de cita.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>By text message, %n hours before the visit ({length}):</source>
        <translation>
            <numerusform>Por SMS, %n hora antes de la cita ({length}):</numerusform>
            <numerusform>Por SMS, %n horas antes de la cita ({length}):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>By email, %n hours before the visit:</source>
        <translation>
            <numerusform>Por correo electrónico, %n hora antes de la cita:</numerusform>
            <numerusform>Por correo electrónico, %n horas antes de la cita:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject: {subject}</source>
        <translation>Asunto: {subject}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>SavedRepliesPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/saved_replies_page.py" line="+37"/>
        <source>The text may use the placeholders of the message templates; they are filled from the conversation when a reply is inserted: {names}.</source>
        <translation>El texto puede usar los marcadores de las plantillas de mensajes; se rellenan con los datos de la conversación al insertar una respuesta: {names}.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved replies</source>
        <translation>Respuestas guardadas</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+20"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Reply text</source>
        <translation>Texto de la respuesta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New saved reply</source>
        <translation>Nueva respuesta guardada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save saved reply</source>
        <translation>Guardar respuesta guardada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+146"/>
        <source>Delete saved reply</source>
        <translation>Eliminar respuesta guardada</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Answers everyone at the business can insert into a reply.</source>
        <translation>Respuestas que todos en el negocio pueden insertar en una respuesta.</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Delete the saved reply “{title}”? Replies already sent keep their text.</source>
        <translation>¿Eliminar la respuesta guardada «{title}»? Las respuestas ya enviadas conservan su texto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep it</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Deleted.</source>
        <translation>Eliminada.</translation>
    </message>
</context>
<context>
    <name>SettingsFormPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/base.py" line="+32"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>SettingsPages</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/registry.py" line="+109"/>
        <source>Business</source>
        <translation>Negocio</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Booking page</source>
        <translation>Página de reservas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Booking policy</source>
        <translation>Normas de reserva</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Providers</source>
        <translation>Profesionales</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Booking types</source>
        <translation>Tipos de cita</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Automations</source>
        <translation>Automatizaciones</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved replies</source>
        <translation>Respuestas guardadas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Integrations</source>
        <translation>Integraciones</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Database connection</source>
        <translation>Conexión de la base de datos</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This computer</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Updates</source>
        <translation>Actualizaciones</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
</context>
<context>
    <name>SmsSection</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/integrations_page.py" line="-98"/>
        <source>Text messages go through your Twilio account. The account SID and auth token are kept in the system keyring.</source>
        <translation>Los SMS se envían a través de su cuenta de Twilio. El SID de la cuenta y el token de autenticación se guardan en el llavero del sistema.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send and receive text messages</source>
        <translation>Enviar y recibir SMS</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> seconds</source>
        <translation> segundos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Account SID</source>
        <translation>SID de la cuenta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auth token</source>
        <translation>Token de autenticación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Twilio number</source>
        <translation>Número de Twilio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API address</source>
        <translation>Dirección de la API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check for replies every</source>
        <translation>Buscar respuestas cada</translation>
    </message>
</context>
<context>
    <name>SmtpSection</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/integrations_email.py" line="-137"/>
        <source>Email to customers leaves through this mail server. The password is kept in the system keyring, never in the database.</source>
        <translation>El correo a los clientes sale por este servidor de correo. La contraseña se guarda en el llavero del sistema, nunca en la base de datos.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>blank: the server needs no login</source>
        <translation>en blanco: el servidor no necesita inicio de sesión</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send as</source>
        <translation>Enviar como</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender name</source>
        <translation>Nombre del remitente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>send a test to this address</source>
        <translation>enviar una prueba a esta dirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send test email</source>
        <translation>Enviar correo de prueba</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Saved, but the password was not stored.</source>
        <translation>Guardado, pero no se ha guardado la contraseña.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter the address to send the test to.</source>
        <translation>Introduzca la dirección a la que enviar la prueba.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending a test email to {address}…</source>
        <translation>Enviando un correo de prueba a {address}…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sent. Look for it in {address}.</source>
        <translation>Enviado. Búsquelo en {address}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not sent: {reason}</source>
        <translation>No enviado: {reason}</translation>
    </message>
</context>
<context>
    <name>StaffSettings</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/staff_page.py" line="-44"/>
        <source>Staff</source>
        <translation>Empleado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager</source>
        <translation>Gerente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inbox and contacts</source>
        <translation>Bandeja de entrada y contactos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bookings and contacts</source>
        <translation>Reservas y contactos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See stock</source>
        <translation>Ver existencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business settings</source>
        <translation>Configuración del negocio</translation>
    </message>
</context>
<context>
    <name>StaffSettingsPage</name>
    <message>
        <location line="+56"/>
        <source>People who can sign in. Staff see only what you allow.</source>
        <translation>Personas que pueden iniciar sesión. Los empleados solo ven lo que usted permita.</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+22"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Can sign in</source>
        <translation>Puede iniciar sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a person…</source>
        <translation>Añadir una persona…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+52"/>
        <source>Turn off sign-in</source>
        <translation>Desactivar el inicio de sesión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Turn on sign-in</source>
        <translation>Activar el inicio de sesión</translation>
    </message>
</context>
<context>
    <name>ThisComputerPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/account_page.py" line="+19"/>
        <source>These settings belong to this computer, not to the business.</source>
        <translation>Estos ajustes pertenecen a este equipo, no al negocio.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock the window after</source>
        <translation>Bloquear la ventana tras</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>UpdatesPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/updates_page.py" line="+60"/>
        <source>CareOps can ask its release feed whether a newer version exists. This is off until you turn it on. When on, CareOps asks once a day when it starts, and whenever you press Check now: one plain request to the address below, with nothing about you or your business in it. It never downloads or installs anything by itself.</source>
        <translation>CareOps puede preguntar a su canal de versiones si existe una versión más reciente. Está desactivado hasta que usted lo active. Si está activado, CareOps pregunta una vez al día al iniciarse y cada vez que pulsa «Comprobar ahora»: una simple solicitud a la dirección de abajo, sin nada sobre usted ni su negocio. Nunca descarga ni instala nada por sí mismo.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Check for updates</source>
        <translation>Buscar actualizaciones</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The address of the signed release feed.</source>
        <translation>La dirección del canal de versiones firmado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release feed address</source>
        <translation>Dirección del canal de versiones</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check now</source>
        <translation>Comprobar ahora</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Release notes</source>
        <translation>Notas de la versión</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open the download page</source>
        <translation>Abrir la página de descarga</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Asking the release feed…</source>
        <translation>Consultando el canal de versiones…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>You have the newest version of CareOps ({version}).</source>
        <translation>Tiene la versión más reciente de CareOps ({version}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CareOps {version} is available; you have {current}.</source>
        <translation>CareOps {version} está disponible; usted tiene la {current}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It was released on {date}.</source>
        <translation>Se publicó el {date}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The update check failed: {reason}.</source>
        <translation>La comprobación de actualizaciones ha fallado: {reason}.</translation>
    </message>
</context>
<context>
    <name>_MailServerSection</name>
    <message>
        <location filename="../../../careops_desktop/ui/settings/integrations_email.py" line="-170"/>
        <source>Provider</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
</context>
</TS>
