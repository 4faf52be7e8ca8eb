<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
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
        <translation>Duplicados y solapamientos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Duplicates and clashes to decide</source>
        <translation>Duplicados y solapamientos por decidir</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Same email address or phone number as a contact (or as an earlier row of the file): %Ln row(s). What should happen to them?</source>
        <translation>
            <numerusform>Mismo correo o teléfono que un contacto (o que una fila anterior del archivo): %Ln fila. ¿Qué debe ocurrir con ella?</numerusform>
            <numerusform>Mismo correo o teléfono que un contacto (o que una fila anterior del archivo): %Ln filas. ¿Qué debe ocurrir con ellas?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Merge into the existing contact (fill in what it lacks, add the notes)</source>
        <translation>Fusionar con el contacto existente (completar lo que falte, añadir las notas)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+25"/>
        <source>Skip them</source>
        <translation>Omitirlas</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Import them anyway, as new contacts</source>
        <translation>Importarlas de todos modos, como contactos nuevos</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Clashing with another booking of the provider: %Ln visit(s); they are skipped, as the desk never double-books.</source>
        <translation>
            <numerusform>Se solapan con otra reserva del profesional: %Ln cita; se omite, porque recepción nunca reserva dos veces.</numerusform>
            <numerusform>Se solapan con otra reserva del profesional: %Ln citas; se omiten, porque recepción nunca reserva dos veces.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Outside the provider&apos;s hours or on a closed day: %Ln visit(s). What should happen to those?</source>
        <translation>
            <numerusform>Fuera del horario del profesional o en un día cerrado: %Ln cita. ¿Qué debe ocurrir con ella?</numerusform>
            <numerusform>Fuera del horario del profesional o en un día cerrado: %Ln citas. ¿Qué debe ocurrir con ellas?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import them anyway, as a desk override</source>
        <translation>Importarlas de todos modos, como excepción de recepción</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/contacts/dialogs.py" line="+49"/>
        <source>Edit contact</source>
        <translation>Editar contacto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New contact</source>
        <translation>Nuevo contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>name@example.com</source>
        <translation>nombre@ejemplo.es</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+44 7911 123456</source>
        <translation>+34 612 345 678</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+11"/>
        <source>Language for messages</source>
        <translation>Idioma de los mensajes</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The business&apos;s language</source>
        <translation>Idioma del negocio</translation>
    </message>
    <message>
        <location line="+5"/>
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
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No follow-ups: the customer asked not to be contacted</source>
        <translation>Sin seguimientos: el cliente pidió no ser contactado</translation>
    </message>
</context>
<context>
    <name>ContactTables</name>
    <message>
        <location filename="../../../careops_desktop/ui/contacts/tables.py" line="+18"/>
        <source>Confirmed</source>
        <translation>Confirmada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>Ha llegado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <location line="+34"/>
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
    <message>
        <location line="+3"/>
        <source>Last contacted</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Duplicate check</source>
        <translation>Comprobar duplicado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possible duplicate</source>
        <translation>Posible duplicado</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Booking type</source>
        <translation>Tipo de cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With</source>
        <translation>Con</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+32"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no subject)</source>
        <translation>(sin asunto)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>State</source>
        <translation>Situación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unread</source>
        <translation>Sin leer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last activity</source>
        <translation>Última actividad</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Form</source>
        <translation>Formulario</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Answered</source>
        <translation>Respondido</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <location filename="../../../careops_desktop/ui/contacts/view.py" line="+62"/>
        <source>Search name, email or phone…</source>
        <translation>Buscar nombre, correo o teléfono…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New contact…</source>
        <translation>Nuevo contacto…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possible duplicates only</source>
        <translation>Solo posibles duplicados</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Not a duplicate</source>
        <translation>No es un duplicado</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No notes</source>
        <translation>Sin notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge…</source>
        <translation>Fusionar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a message…</source>
        <translation>Escribir un mensaje…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bookings</source>
        <translation>Reservas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forms</source>
        <translation>Formularios</translation>
    </message>
    <message numerus="yes">
        <location line="+97"/>
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln contacto</numerusform>
            <numerusform>%Ln contactos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Possible duplicate of “{name}”: the booking page made this contact because another one has the same phone or email. Merge them if they are the same person.</source>
        <translation>Posible duplicado de «{name}»: la página de reservas creó este contacto porque otro tiene el mismo teléfono o correo. Fusiónelos si son la misma persona.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No contact selected</source>
        <translation>Ningún contacto seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a contact in the table, or add a new one.</source>
        <translation>Elija un contacto en la tabla o añada uno nuevo.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Added {added} · last contacted {contacted}</source>
        <translation>Añadido {added} · último contacto {contacted}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Added {added}</source>
        <translation>Añadido {added}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bookings ({count})</source>
        <translation>Reservas ({count})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Conversations ({count})</source>
        <translation>Conversaciones ({count})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Forms ({count})</source>
        <translation>Formularios ({count})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Messages in the business&apos;s language</source>
        <translation>Mensajes en el idioma del negocio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages in {language}</source>
        <translation>Mensajes en {language}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The contact is no longer marked as a possible duplicate.</source>
        <translation>El contacto ya no está marcado como posible duplicado.</translation>
    </message>
</context>
<context>
    <name>CreateOwnerDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/login/owner.py" line="+35"/>
        <location line="+2"/>
        <source>Welcome to CareOps</source>
        <translation>Bienvenido a CareOps</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First, make your own account. You will be the owner: you can add your staff later under Settings → Staff.</source>
        <translation>Primero, cree su propia cuenta. Usted será el propietario: puede añadir a sus empleados más adelante en Configuración → Empleados.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>at least {count} characters</source>
        <translation>al menos {count} caracteres</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create my account</source>
        <translation>Crear mi cuenta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../../../careops_desktop/ui/dashboard/charts.py" line="+56"/>
        <source>Completed</source>
        <translation>Completadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>Ausencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked</source>
        <translation>Reservadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ahead</source>
        <translation>Próximas</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Bookings per day — the last {past} days and the next {ahead}</source>
        <translation>Reservas por día — los últimos {past} días y los próximos {ahead}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{day}: {booked} booked ({completed} completed, {no_show} no-show, {cancelled} cancelled)</source>
        <translation>{day}: {booked} reservadas ({completed} completadas, {no_show} no se presentaron, {cancelled} canceladas)</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>{weekday} {start}–{end} — bookings in {weeks} weeks: {count}</source>
        <translation>{weekday} {start}–{end} — reservas en {weeks} semanas: {count}</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>No-show rate</source>
        <translation>Tasa de ausencias</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>No-show rate — last {weeks} weeks</source>
        <translation>Ausencias — últimas {weeks} semanas</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Week of {day}: {percent}% ({no_show} no-shows of {seen})</source>
        <translation>Semana del {day}: {percent} % ({no_show} ausencias de {seen})</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Busiest hours — bookings started in the last {weeks} weeks</source>
        <translation>Horas punta — reservas de las últimas {weeks} semanas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bookings</source>
        <translation>Reservas</translation>
    </message>
</context>
<context>
    <name>DashboardChartsPanel</name>
    <message>
        <location line="+138"/>
        <source>The charts could not be loaded: {error}</source>
        <translation>No se pudieron cargar los gráficos: {error}</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../../careops_desktop/ui/dashboard/view.py" line="-106"/>
        <source>Today&apos;s bookings</source>
        <translation>Reservas de hoy</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting now</source>
        <translation>Esperando ahora</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Upcoming</source>
        <translation>Próximas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New inquiries</source>
        <translation>Consultas nuevas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pending forms</source>
        <translation>Formularios pendientes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Low stock</source>
        <translation>Existencias bajas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Confirmed</source>
        <translation>Confirmada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>Ha llegado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Classes today: {attendees} attendees in {seats} seats ({percent}% filled) over {sessions} sessions.</source>
        <translation>Clases de hoy: {attendees} asistentes en {seats} plazas ({percent} % ocupado) en {sessions} sesiones.</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing needs attention right now.</source>
        <translation>Ahora mismo no hay nada pendiente.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Booking type</source>
        <translation>Tipo de cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With</source>
        <translation>Con</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Latest message</source>
        <translation>Último mensaje</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unread</source>
        <translation>Sin leer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recent bookings</source>
        <translation>Reservas recientes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recent conversations</source>
        <translation>Conversaciones recientes</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The dashboard could not be loaded: {error}</source>
        <translation>No se pudo cargar el panel: {error}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Today, {date}</source>
        <translation>Hoy, {date}</translation>
    </message>
</context>
<context>
    <name>DryRunPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/imports/steps.py" line="-156"/>
        <source>Preview and dry run</source>
        <translation>Vista previa y prueba</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing has been imported yet. This is what the import would do.</source>
        <translation>Todavía no se ha importado nada. Esto es lo que haría la importación.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview of the first rows as they will be stored</source>
        <translation>Vista previa de las primeras filas tal como se guardarán</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rows that would be refused, and why</source>
        <translation>Filas que se rechazarían y por qué</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The first {count} rows, as they will be stored:</source>
        <translation>Las primeras {count} filas, tal como se guardarán:</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+8"/>
        <source>Checking every row…</source>
        <translation>Comprobando todas las filas…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Dry run</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This file was imported before (import {batch}); rows it brought in are not added again.</source>
        <translation>Este archivo ya se importó antes (importación {batch}); las filas que trajo no se vuelven a añadir.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%Ln row(s) would be refused:</source>
        <translation>
            <numerusform>Se rechazaría %Ln fila:</numerusform>
            <numerusform>Se rechazarían %Ln filas:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No row would be refused.</source>
        <translation>No se rechazaría ninguna fila.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The dry run was cancelled.</source>
        <translation>Se canceló la prueba.</translation>
    </message>
</context>
<context>
    <name>FailedMessageRow</name>
    <message>
        <location filename="../../../careops_desktop/ui/dashboard/attention.py" line="+93"/>
        <source>Retry now</source>
        <translation>Reintentar ahora</translation>
    </message>
</context>
<context>
    <name>FieldDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/forms/editor.py" line="+51"/>
        <location line="+14"/>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>e.g. allergies</source>
        <translation>p. ej. alergias</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An answer is required</source>
        <translation>La respuesta es obligatoria</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One choice per line (for a Choice question)</source>
        <translation>Una opción por línea (para una pregunta de opción)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choices</source>
        <translation>Opciones</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../../careops_desktop/ui/imports/wizard.py" line="+86"/>
        <source>Choose the file</source>
        <translation>Elegir el archivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A CSV file (from Acuity, Square, Fresha, Google or Outlook contacts, or any spreadsheet), a vCard file (.vcf) or a calendar file (.ics).</source>
        <translation>Un archivo CSV (de Acuity, Square, Fresha, contactos de Google u Outlook, o cualquier hoja de cálculo), un archivo vCard (.vcf) o un archivo de calendario (.ics).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File to import</source>
        <translation>Archivo que importar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file to import</source>
        <translation>El archivo que importar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose the file to import</source>
        <translation>Elija el archivo que importar</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+6"/>
        <source>Reading the file…</source>
        <translation>Leyendo el archivo…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Reading the file</source>
        <translation>Leyendo el archivo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading was cancelled.</source>
        <translation>Se canceló la lectura.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%Ln row(s) read.</source>
        <translation>
            <numerusform>%Ln fila leída.</numerusform>
            <numerusform>%Ln filas leídas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormEditor</name>
    <message>
        <location filename="../../../careops_desktop/ui/forms/editor.py" line="+40"/>
        <source>In use (sent for the booking types ticked below)</source>
        <translation>En uso (se envía para los tipos de cita marcados abajo)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Booking types that send this form</source>
        <translation>Tipos de cita que envían este formulario</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add question…</source>
        <translation>Añadir pregunta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save form</source>
        <translation>Guardar formulario</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Send for: {booking_type}</source>
        <translation>Enviar para: {booking_type}</translation>
    </message>
</context>
<context>
    <name>FormsTab</name>
    <message>
        <location filename="../../../careops_desktop/ui/forms/tab_data.py" line="+27"/>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+56"/>
        <source>Answered</source>
        <translation>Respondido</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Short text</source>
        <translation>Texto corto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Long text</source>
        <translation>Texto largo</translation>
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
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choice</source>
        <translation>Opción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick box</source>
        <translation>Casilla</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+68"/>
        <source>Form</source>
        <translation>Formulario</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{form} — {contact}</source>
        <translation>{form} — {contact}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status: {status}</source>
        <translation>Estado: {status}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Appointment: {when}</source>
        <translation>Cita: {when}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Due: {when}</source>
        <translation>Vence: {when}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answered: {when}</source>
        <translation>Respondido: {when}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not answered yet.</source>
        <translation>Todavía sin responder.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+39"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+39"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>(no answer)</source>
        <translation>(sin respuesta)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required</source>
        <translation>Obligatoria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Booking types</source>
        <translation>Tipos de cita</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copies sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In use</source>
        <translation>En uso</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{field}: {message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Question {number} (“{label}”)</source>
        <translation>Pregunta {number} («{label}»)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Question {number}</source>
        <translation>Pregunta {number}</translation>
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
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every form</source>
        <translation>Todos los formularios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search contact or form…</source>
        <translation>Buscar contacto o formulario…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose a submission to read it.</source>
        <translation>Elija una respuesta del formulario para leerla.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>New form…</source>
        <translation>Nuevo formulario…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the starter form</source>
        <translation>Añadir el formulario inicial</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Submissions</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Form definitions</source>
        <translation>Definiciones de formularios</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>%Ln submission(s)</source>
        <translation>
            <numerusform>%Ln respuesta</numerusform>
            <numerusform>%Ln respuestas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Saved the form “{name}”.</source>
        <translation>Se guardó el formulario «{name}».</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/imports/steps.py" line="+114"/>
        <location line="+24"/>
        <source>Importing</source>
        <translation>Importando</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Send confirmations to the imported future bookings</source>
        <translation>Enviar confirmaciones a las reservas futuras importadas</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Importing the rows…</source>
        <translation>Importando las filas…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{summary} No message was sent to anyone. The whole import (import {batch}) can be undone from Settings → Audit log.</source>
        <translation>{summary} No se envió ningún mensaje a nadie. Toda la importación (importación {batch}) se puede deshacer en Configuración → Registro de auditoría.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Send confirmations to the %Ln imported future booking(s)</source>
        <translation>
            <numerusform>Enviar la confirmación a la %Ln reserva futura importada</numerusform>
            <numerusform>Enviar confirmaciones a las %Ln reservas futuras importadas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>Se canceló la importación; no se importó nada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was imported: {error}</source>
        <translation>No se importó nada: {error}</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%Ln confirmation(s) queued to be sent.</source>
        <translation>
            <numerusform>%Ln confirmación en cola para enviarse.</numerusform>
            <numerusform>%Ln confirmaciones en cola para enviarse.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../../careops_desktop/ui/imports/wizard.py" line="-116"/>
        <source>Files to import (*.csv *.txt *.vcf *.ics);;All files (*)</source>
        <translation>Archivos para importar (*.csv *.txt *.vcf *.ics);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading the file…</source>
        <translation>Leyendo el archivo…</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>Import contacts or bookings</source>
        <translation>Importar contactos o reservas</translation>
    </message>
</context>
<context>
    <name>InboxChannels</name>
    <message>
        <location filename="../../../careops_desktop/ui/inbox/dialogs.py" line="+15"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
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
        <translation>En cola</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bounced</source>
        <translation>Rebotado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking page</source>
        <translation>Página de reservas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>Empleado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last message</source>
        <translation>Último mensaje</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Failed: {reason}</source>
        <translation>Fallido: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bounced: {reason}</source>
        <translation>Rebotado: {reason}</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <location filename="../../../careops_desktop/ui/inbox/view.py" line="+55"/>
        <location line="+279"/>
        <source>Open</source>
        <translation>Abiertas</translation>
    </message>
    <message>
        <location line="-278"/>
        <location line="+278"/>
        <source>Closed</source>
        <translation>Cerradas</translation>
    </message>
    <message>
        <location line="-277"/>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Search conversations…</source>
        <translation>Buscar conversaciones…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New conversation…</source>
        <translation>Nueva conversación…</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+218"/>
        <source>Close conversation</source>
        <translation>Cerrar conversación</translation>
    </message>
    <message>
        <location line="-217"/>
        <source>Mark unread</source>
        <translation>Marcar como no leída</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>Escriba una respuesta… (Ctrl+Intro envía)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send by</source>
        <translation>Enviar por</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message numerus="yes">
        <location line="+123"/>
        <source>%Ln conversation(s)</source>
        <translation>
            <numerusform>%Ln conversación</numerusform>
            <numerusform>%Ln conversaciones</numerusform>
        </translation>
    </message>
    <message>
        <location line="+69"/>
        <source>No conversation selected</source>
        <translation>Ninguna conversación seleccionada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a conversation on the left, or start a new one.</source>
        <translation>Elija una conversación a la izquierda o inicie una nueva.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Subject: {subject}</source>
        <translation>Asunto: {subject}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Write a message first.</source>
        <translation>Escriba primero un mensaje.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Save the original email</source>
        <translation>Guardar el correo original</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email files (*.eml)</source>
        <translation>Archivos de correo (*.eml)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The original email was saved to {path}.</source>
        <translation>El correo original se guardó en {path}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save original email</source>
        <translation>Guardar correo original</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Inbox ({count})</source>
        <translation>Bandeja de entrada ({count})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inbox</source>
        <translation>Bandeja de entrada</translation>
    </message>
</context>
<context>
    <name>InventoryTables</name>
    <message>
        <location filename="../../../careops_desktop/ui/inventory/tables.py" line="+21"/>
        <source>Used by a booking</source>
        <translation>Usado por una reserva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restock</source>
        <translation>Reposición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjustment</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned (cancelled booking)</source>
        <translation>Devuelto (reserva cancelada)</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+56"/>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>In stock</source>
        <translation>Existencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+56"/>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Low at</source>
        <translation>Bajo en</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../../careops_desktop/ui/inventory/view.py" line="+293"/>
        <source>Low stock</source>
        <translation>Existencias bajas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last restocked</source>
        <translation>Última reposición</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Booking type</source>
        <translation>Tipo de cita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Used</source>
        <translation>Usado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bookings</source>
        <translation>Reservas</translation>
    </message>
</context>
<context>
    <name>InventoryView</name>
    <message>
        <location filename="../../../careops_desktop/ui/inventory/view.py" line="-244"/>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 90 days</source>
        <translation>Últimos 90 días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 365 days</source>
        <translation>Últimos 365 días</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Search items…</source>
        <translation>Buscar artículos…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low stock only</source>
        <translation>Solo existencias bajas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New item…</source>
        <translation>Nuevo artículo…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Restock…</source>
        <translation>Reponer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjust…</source>
        <translation>Ajustar…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Movements, newest first</source>
        <translation>Movimientos, los más recientes primero</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Stock used by bookings that started in the</source>
        <translation>Existencias usadas por reservas iniciadas en:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Items</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usage per booking type</source>
        <translation>Uso por tipo de cita</translation>
    </message>
    <message numerus="yes">
        <location line="+59"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln artículo</numerusform>
            <numerusform>%Ln artículos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No item selected</source>
        <translation>Ningún artículo seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an item to see its movements.</source>
        <translation>Elija un artículo para ver sus movimientos.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{quantity} {unit} in stock; low at {threshold} or fewer.</source>
        <translation>{quantity} {unit} en existencias; bajo con {threshold} o menos.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>LOW STOCK — {state}</source>
        <translation>EXISTENCIAS BAJAS — {state}</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/inventory/dialogs.py" line="+29"/>
        <source>New stock item</source>
        <translation>Nuevo artículo de inventario</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pcs</source>
        <translation>uds.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In stock now</source>
        <translation>Existencias actuales</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Low at or below</source>
        <translation>Bajo en o por debajo de</translation>
    </message>
</context>
<context>
    <name>KindPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/imports/wizard.py" line="-47"/>
        <source>What the file holds</source>
        <translation>Qué contiene el archivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Contacts (customers)</source>
        <translation>&amp;Contactos (clientes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Bookings (visits, past and future)</source>
        <translation>&amp;Reservas (citas pasadas y futuras)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Recognised: {layout}.</source>
        <translation>Reconocido: {layout}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The layout is not one CareOps knows; the columns are guessed from their names.</source>
        <translation>CareOps no conoce este formato; las columnas se deducen de sus nombres.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>{file}: %Ln row(s). {layout}</source>
        <translation>
            <numerusform>{file}: %Ln fila. {layout}</numerusform>
            <numerusform>{file}: %Ln filas. {layout}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/login/dialog.py" line="+39"/>
        <source>This account is locked after too many wrong passwords. Try again after {time}, or ask an owner to reset your password.</source>
        <translation>Esta cuenta está bloqueada tras demasiadas contraseñas incorrectas. Vuelva a intentarlo después de las {time} o pida a un propietario que restablezca su contraseña.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Unlock CareOps</source>
        <translation>Desbloquear CareOps</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign in to CareOps</source>
        <translation>Iniciar sesión en CareOps</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The window was locked. Enter your password to go on.</source>
        <translation>La ventana se bloqueó. Introduzca su contraseña para continuar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in with your email and password.</source>
        <translation>Inicie sesión con su correo electrónico y su contraseña.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>you@example.com</source>
        <translation>usted@ejemplo.es</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Enter your email and password.</source>
        <translation>Introduzca su correo electrónico y su contraseña.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/imports/mapping_page.py" line="+12"/>
        <source>Not imported</source>
        <translation>No se importa</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Which column holds what</source>
        <translation>Qué contiene cada columna</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The guesses come from the column names. Change any that are wrong; columns set to “Not imported” are left out.</source>
        <translation>Las sugerencias proceden de los nombres de las columnas. Cambie las que estén mal; las columnas con «No se importa» se omiten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Columns and where each goes</source>
        <translation>Columnas y su destino</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Column in the file</source>
        <translation>Columna del archivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First values</source>
        <translation>Primeros valores</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Goes to</source>
        <translation>Destino</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/contacts/dialogs.py" line="+32"/>
        <source>Merge contacts</source>
        <translation>Fusionar contactos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Merge</source>
        <translation>Fusionar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep “{name}” and fold the contact chosen below into it: their bookings, conversations and form answers move over, missing email or phone is filled in, and the other contact is removed. This cannot be undone.</source>
        <translation>Conservar «{name}» e integrar en él el contacto elegido abajo: sus reservas, conversaciones y respuestas de formularios pasan a este, se completan el correo o el teléfono que falten y el otro contacto se elimina. No se puede deshacer.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Merge in</source>
        <translation>Fusionar con</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the contact to merge in.</source>
        <translation>Elija el contacto que desea fusionar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a different contact than the one kept.</source>
        <translation>Elija un contacto distinto del que se conserva.</translation>
    </message>
</context>
<context>
    <name>MessagingAttention</name>
    <message>
        <location filename="../../../careops_desktop/ui/dashboard/attention.py" line="-53"/>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmation</source>
        <translation>Confirmación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form link</source>
        <translation>Enlace al formulario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form reminder</source>
        <translation>Recordatorio de formulario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low-stock alert</source>
        <translation>Aviso de existencias bajas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New time</source>
        <translation>Nueva hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancellation</source>
        <translation>Cancelación</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Calendar entry</source>
        <translation>Entrada de calendario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar removal</source>
        <translation>Eliminación del calendario</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>no reason given</source>
        <translation>sin motivo indicado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} ({channel}) to {recipient} — {error}</source>
        <translation>{what} ({channel}) a {recipient} — {error}</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Send due reminders now</source>
        <translation>Enviar ahora los recordatorios pendientes</translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>%n booking reminder(s) due but not sent.</source>
        <translation>
            <numerusform>%n recordatorio de reserva pendiente y sin enviar.</numerusform>
            <numerusform>%n recordatorios de reserva pendientes y sin enviar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n booking reminder(s) due but not sent: the reminders job is not running in this window (is the app&apos;s booking page stopped?).</source>
        <translation>
            <numerusform>%n recordatorio de reserva pendiente y sin enviar: el servicio de recordatorios no se ejecuta en esta ventana (¿está detenida la página de reservas de la aplicación?).</numerusform>
            <numerusform>%n recordatorios de reserva pendientes y sin enviar: el servicio de recordatorios no se ejecuta en esta ventana (¿está detenida la página de reservas de la aplicación?).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+46"/>
        <source>…and {count} more, marked in their Inbox threads.</source>
        <translation>…y {count} más, marcados en sus conversaciones de la bandeja de entrada.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Queued…</source>
        <translation>En cola…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The message will be sent again now.</source>
        <translation>El mensaje se enviará de nuevo ahora.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Retry now</source>
        <translation>Reintentar ahora</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The reminders job is not running in this window.</source>
        <translation>El servicio de recordatorios no se ejecuta en esta ventana.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending the due reminders…</source>
        <translation>Enviando los recordatorios pendientes…</translation>
    </message>
</context>
<context>
    <name>NamesPage</name>
    <message>
        <location filename="../../../careops_desktop/ui/imports/names_page.py" line="+19"/>
        <source>Leave as written</source>
        <translation>Dejar como está</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>Empleado</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Services and staff</source>
        <translation>Servicios y empleados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say which CareOps booking type or provider each name in the file means.</source>
        <translation>Indique a qué tipo de cita o profesional de CareOps corresponde cada nombre del archivo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Services and staff from the file and their match here</source>
        <translation>Servicios y empleados del archivo y su equivalente aquí</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In the file</source>
        <translation>En el archivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In CareOps</source>
        <translation>En CareOps</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the booking types and providers…</source>
        <translation>Leyendo los tipos de cita y los profesionales…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Every service and staff name in the file is already in CareOps.</source>
        <translation>Todos los servicios y empleados del archivo ya están en CareOps.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln name(s) in the file not in CareOps yet.</source>
        <translation>
            <numerusform>%Ln nombre del archivo aún no está en CareOps.</numerusform>
            <numerusform>%Ln nombres del archivo aún no están en CareOps.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewConversationDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/inbox/dialogs.py" line="+19"/>
        <source>New conversation</source>
        <translation>Nueva conversación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your message</source>
        <translation>Su mensaje</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send by</source>
        <translation>Enviar por</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose who to write to.</source>
        <translation>Elija a quién escribir.</translation>
    </message>
</context>
<context>
    <name>OutcomesModel</name>
    <message>
        <location filename="../../../careops_desktop/ui/imports/rows_model.py" line="+25"/>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add as past visit</source>
        <translation>Añadir como cita pasada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add (desk override)</source>
        <translation>Añadir (excepción de recepción)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge</source>
        <translation>Fusionar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip</source>
        <translation>Omitir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already imported</source>
        <translation>Ya importado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happens</source>
        <translation>Qué ocurre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>ReportExporter</name>
    <message>
        <location filename="../../../careops_desktop/ui/reports/export.py" line="+36"/>
        <source>CSV for Excel and other programs (*.csv)</source>
        <translation>CSV para Excel y otros programas (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+164"/>
        <source>Writing {file}…</source>
        <translation>Escribiendo {file}…</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>{file} could not be written (nothing was produced).</source>
        <translation>No se pudo escribir {file} (no se generó nada).</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Export {report}</source>
        <translation>Exportar {report}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export all bookings of the period</source>
        <translation>Exportar todas las reservas del periodo</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Exporting {report}</source>
        <translation>Exportando {report}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{report} saved as {file} in {folder}.</source>
        <translation>{report} guardado como {file} en {folder}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Exporting all bookings of the period</source>
        <translation>Exportando todas las reservas del periodo</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln booking(s) saved as {file} in {folder}.</source>
        <translation>
            <numerusform>%Ln reserva guardada como {file} en {folder}.</numerusform>
            <numerusform>%Ln reservas guardadas como {file} en {folder}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The export did not finish; no file was written.</source>
        <translation>La exportación no terminó; no se escribió ningún archivo.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Exportación cancelada; no se escribió ningún archivo.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export finished</source>
        <translation>Exportación terminada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export failed</source>
        <translation>Error en la exportación</translation>
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
        <translation>{number} min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{number} h</source>
        <translation>{number} h</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../../careops_desktop/ui/reports/view.py" line="+43"/>
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last week</source>
        <translation>La semana pasada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last month</source>
        <translation>El mes pasado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 90 days</source>
        <translation>Últimos 90 días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose dates</source>
        <translation>Elegir fechas</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show report</source>
        <translation>Mostrar informe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save this report as CSV, Excel (XLSX) or PDF ({shortcut})</source>
        <translation>Guardar este informe como CSV, Excel (XLSX) o PDF ({shortcut})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export all bookings…</source>
        <translation>Exportar todas las reservas…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save every booking of the period, one row each, as CSV or Excel (XLSX)</source>
        <translation>Guardar todas las reservas del periodo, una por fila, como CSV o Excel (XLSX)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Working…</source>
        <translation>Calculando…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
</context>
<context>
    <name>SavedRepliesButton</name>
    <message>
        <location filename="../../../careops_desktop/ui/inbox/saved_replies.py" line="+162"/>
        <source>Saved replies…</source>
        <translation>Respuestas guardadas…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert a saved reply</source>
        <translation>Insertar una respuesta guardada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert a saved reply ({shortcut})</source>
        <translation>Insertar una respuesta guardada ({shortcut})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open a conversation first.</source>
        <translation>Abra primero una conversación.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>This conversation has no value for {names}; it was left as written. Change it before sending.</source>
        <translation>Esta conversación no tiene valor para {names}; se dejó tal cual. Cámbielo antes de enviar.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The saved reply could not be inserted: {error}</source>
        <translation>No se pudo insertar la respuesta guardada: {error}</translation>
    </message>
</context>
<context>
    <name>SavedReplyPicker</name>
    <message>
        <location line="-169"/>
        <source>Insert a saved reply</source>
        <translation>Insertar una respuesta guardada</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filter saved replies</source>
        <translation>Filtrar respuestas guardadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type to filter…</source>
        <translation>Escriba para filtrar…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved replies</source>
        <translation>Respuestas guardadas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved reply text</source>
        <translation>Texto de la respuesta guardada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No saved replies yet. Add them in Settings → Saved replies.</source>
        <translation>Todavía no hay respuestas guardadas. Añádalas en Configuración → Respuestas guardadas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter inserts, Esc closes.</source>
        <translation>Intro inserta, Esc cierra.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved replies note</source>
        <translation>Nota sobre respuestas guardadas</translation>
    </message>
</context>
<context>
    <name>SearchEverywhere</name>
    <message>
        <location filename="../../../careops_desktop/ui/search_everywhere.py" line="+271"/>
        <source>&amp;Search everywhere…</source>
        <translation>&amp;Buscar en todo…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
</context>
<context>
    <name>SearchEverywhereDialog</name>
    <message>
        <location line="-236"/>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bookings</source>
        <translation>Reservas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form submissions</source>
        <translation>Respuestas de formularios</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+6"/>
        <source>Search everywhere</source>
        <translation>Buscar en todo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search contacts, bookings, conversations and forms…</source>
        <translation>Buscar contactos, reservas, conversaciones y formularios…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search status</source>
        <translation>Estado de la búsqueda</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Type a name, an email, a phone number, a booking type or a day.</source>
        <translation>Escriba un nombre, un correo, un teléfono, un tipo de cita o un día.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The search could not be run: {error}</source>
        <translation>No se pudo realizar la búsqueda: {error}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Type at least two characters.</source>
        <translation>Escriba al menos dos caracteres.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing found for “{text}”.</source>
        <translation>No se encontró nada para «{text}».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} found. Up and Down choose, Enter opens, Esc closes.</source>
        <translation>{count} encontrados. Arriba y Abajo eligen, Intro abre, Esc cierra.</translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/inventory/dialogs.py" line="+23"/>
        <source>Restock {item}</source>
        <translation>Reponer {item}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adjust {item}</source>
        <translation>Ajustar {item}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restock</source>
        <translation>Reponer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adjust</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“{item}”: {quantity} {unit} in stock.</source>
        <translation>«{item}»: {quantity} {unit} en existencias.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. delivery note number</source>
        <translation>p. ej. número de albarán</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why: counted shelf, breakage…</source>
        <translation>Motivo: recuento, rotura…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount received</source>
        <translation>Cantidad recibida</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change (+ or −)</source>
        <translation>Cambio (+ o −)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>ThreadView</name>
    <message>
        <location filename="../../../careops_desktop/ui/inbox/thread_view.py" line="+138"/>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Copy message text</source>
        <translation>Copiar el texto del mensaje</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save original email…</source>
        <translation>Guardar el correo original…</translation>
    </message>
</context>
</TS>
