<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AddPersonDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/waitlist_forms.py" line="+53"/>
        <location line="+1"/>
        <source>Add to the waitlist</source>
        <translation>Añadir a la lista de espera</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Booking type</source>
        <translation>Tipo de cita</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+16"/>
        <source>With</source>
        <translation>Con</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+13"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+11"/>
        <source>Mobile phone</source>
        <translation>Móvil</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+10"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+10"/>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Booking</source>
        <translation>Reserva</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The offer goes by email, or by text message without an email.</source>
        <translation>La oferta se envía por correo electrónico o, si no hay correo, por SMS.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Please choose a booking type.</source>
        <translation>Elija un tipo de cita.</translation>
    </message>
</context>
<context>
    <name>AttendeesDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/attendees_dialog.py" line="+70"/>
        <source>Class attendees</source>
        <translation>Asistentes a la clase</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email or phone</source>
        <translation>Correo o teléfono</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attendees</source>
        <translation>Asistentes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Arrived (Ctrl+Shift+A)</source>
        <translation>Ha llegado (Ctrl+Mayús+A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove… (Del)</source>
        <translation>Quitar… (Supr)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add attendee… (Ctrl+N)</source>
        <translation>Añadir asistente… (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove and free the seat</source>
        <translation>Quitar y liberar la plaza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep</source>
        <translation>Mantener</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add to this session</source>
        <translation>Añadir a esta sesión</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find the person to add, then choose Add to this session.</source>
        <translation>Busque a la persona y elija «Añadir a esta sesión».</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+4"/>
        <source>Move the session to</source>
        <translation>Cambiar la sesión a</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Move everyone and tell them</source>
        <translation>Cambiar a todos y avisarles</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{type} with {provider}, {when}</source>
        <translation>{type} con {provider}, {when}</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Remove {name} from this session? Their seat is freed and they are told.</source>
        <translation>¿Quitar a {name} de esta sesión? Su plaza queda libre y se le avisa.</translation>
    </message>
</context>
<context>
    <name>BlockUndo</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/block_undo.py" line="+31"/>
        <source>everyone</source>
        <translation>todos</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{reason} for {who} was blocked every week from {day}.</source>
        <translation>{reason} para {who} queda bloqueado cada semana desde el {day}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{reason} for {who} on {day} was blocked.</source>
        <translation>{reason} para {who} el {day} queda bloqueado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The blocked time {reason} for {who} on {day} was changed.</source>
        <translation>Se ha cambiado el tiempo bloqueado {reason} para {who} el {day}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{reason} for {who} is no longer blocked in any week.</source>
        <translation>{reason} para {who} ya no está bloqueado en ninguna semana.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{reason} for {who} on {day} is no longer blocked.</source>
        <translation>{reason} para {who} el {day} ya no está bloqueado.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The blocked time {reason} was taken back.</source>
        <translation>Se ha retirado el tiempo bloqueado {reason}.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The blocked time {reason} is back as it was.</source>
        <translation>El tiempo bloqueado {reason} vuelve a estar como antes.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The blocked time {reason} is blocked again.</source>
        <translation>El tiempo {reason} vuelve a estar bloqueado.</translation>
    </message>
</context>
<context>
    <name>BlockedTime</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/blocked_time.py" line="+76"/>
        <source>everyone</source>
        <translation>todos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{reason} · {who}</source>
        <translation>{reason} · {who}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{time} — blocked: {reasons}</source>
        <translation>{time} — bloqueado: {reasons}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Blocked time</source>
        <translation>Tiempo bloqueado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This time is blocked ({reasons}). Book anyway?</source>
        <translation>Esta hora está bloqueada ({reasons}). ¿Reservar de todos modos?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blocked time</source>
        <translation>tiempo bloqueado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Book anyway</source>
        <translation>Reservar de todos modos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose another time</source>
        <translation>Elegir otra hora</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/dialogs.py" line="+299"/>
        <source>New booking</source>
        <translation>Nueva reserva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book</source>
        <translation>Reservar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New contact</source>
        <translation>Contacto nuevo</translation>
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
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose a contact, or tick “New contact”.</source>
        <translation>Elija un contacto o marque «Contacto nuevo».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a free start time.</source>
        <translation>Elija una hora de inicio libre.</translation>
    </message>
</context>
<context>
    <name>BookingList</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/page_data.py" line="+336"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+1"/>
        <source>Booked</source>
        <translation>Reservada el</translation>
    </message>
</context>
<context>
    <name>BookingPanel</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/panel.py" line="+59"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked</source>
        <translation>Reservada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No notes</source>
        <translation>Sin notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Arrived</source>
        <translation>Ha llegado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete</source>
        <translation>Completar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reschedule…</source>
        <translation>Cambiar de hora…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel…</source>
        <translation>Cancelar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open contact</source>
        <translation>Abrir contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore…</source>
        <translation>Restaurar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class attendees…</source>
        <translation>Asistentes a la clase…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{action} ({keys})</source>
        <translation>{action} ({keys})</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No booking selected</source>
        <translation>Ninguna reserva seleccionada</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click a booking in the calendar or the list.</source>
        <translation>Haga clic en una reserva del calendario o de la lista.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Arrived at {time}</source>
        <translation>Llegó a las {time}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Confirmed by the customer at {when}.</source>
        <translation>Confirmada por el cliente el {when}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A visit of a recurring series.</source>
        <translation>Una cita de una serie periódica.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{when}
on the booking page</source>
        <translation>{when}
en la página de reservas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{when}
at the desk</source>
        <translation>{when}
en recepción</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{when} — {reason}</source>
        <translation>{when} — {reason}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Visit {number} of a series: {rule}.</source>
        <translation>Cita {number} de una serie: {rule}.</translation>
    </message>
</context>
<context>
    <name>BookingSheet</name>
    <message>
        <location filename="../../../careops_desktop/ui/printing/booking_sheet.py" line="+25"/>
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
        <location line="+53"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>{when} on the booking page</source>
        <translation>{when} en la página de reservas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{when} at the desk</source>
        <translation>{when} en recepción</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Estado</translation>
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
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked</source>
        <translation>Reservada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forms</source>
        <translation>Formularios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent</source>
        <translation>No enviados</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Booking</source>
        <translation>Reserva</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed {when}</source>
        <translation>Impreso el {when}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No notes.</source>
        <translation>Sin notas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Booking · {name}</source>
        <translation>Reserva · {name}</translation>
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
</context>
<context>
    <name>BookingsView</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/view.py" line="+107"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date shown</source>
        <translation>Fecha mostrada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All providers</source>
        <translation>Todos los profesionales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New booking…</source>
        <translation>Nueva reserva…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Block time…</source>
        <translation>Bloquear tiempo…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Block time for lunch, a meeting or training (Ctrl+Shift+B). You can also drag down over an empty part of the calendar.</source>
        <translation>Bloquear tiempo para el almuerzo, una reunión o una formación (Ctrl+Mayús+B). También puede arrastrar hacia abajo sobre una parte vacía del calendario.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print day sheet…</source>
        <translation>Imprimir hoja del día…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print the day shown, for the provider chosen beside it or for everyone (Ctrl+P).</source>
        <translation>Imprimir el día mostrado, para el profesional elegido al lado o para todos (Ctrl+P).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waitlist…</source>
        <translation>Lista de espera…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>People waiting for a time to free up (Ctrl+Shift+W).</source>
        <translation>Personas que esperan a que quede libre una hora (Ctrl+Mayús+W).</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any booking type</source>
        <translation>Cualquier tipo de cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search contact, type or provider…</source>
        <translation>Buscar contacto, tipo o profesional…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List</source>
        <translation>Lista</translation>
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
            <numerusform>%Ln reserva</numerusform>
            <numerusform>%Ln reservas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarAccess</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/calendar_access.py" line="+26"/>
        <source>Calendar of bookings. Arrow keys move from booking to booking and Enter moves the chosen one; the List tab shows the same bookings as a table, for screen readers.</source>
        <translation>Calendario de reservas. Las flechas pasan de una reserva a otra y Intro cambia de hora la elegida; la pestaña Lista muestra las mismas reservas en una tabla, para lectores de pantalla.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+8"/>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calendar: {contact}, {type} with {provider}, {when}, {status}</source>
        <translation>Calendario: {contact}, {type} con {provider}, {when}, {status}</translation>
    </message>
</context>
<context>
    <name>CalendarHooks</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/calendar_hooks.py" line="+33"/>
        <source>Too narrow to read: show the day view</source>
        <translation>Demasiado estrecho para leer: ver el día</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Some bookings sit side by side in lanes too narrow for names; the day view gives each provider a column.</source>
        <translation>Algunas reservas están una al lado de otra en carriles demasiado estrechos para los nombres; la vista del día da una columna a cada profesional.</translation>
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
        <translation>Llegó {time} · {details}</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/dialogs.py" line="+130"/>
        <location line="+1"/>
        <source>Cancel booking</source>
        <translation>Cancelar reserva</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep booking</source>
        <translation>Mantener reserva</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel {contact}&apos;s {type} on {when}? The customer is told two minutes later (until then the cancel can be undone), stock used comes back and unanswered forms are withdrawn.</source>
        <translation>¿Cancelar {type} de {contact} el {when}? Se avisa al cliente dos minutos después (hasta entonces la cancelación se puede deshacer), las existencias usadas se devuelven y los formularios sin responder se retiran.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reason (shown to staff; optional)</source>
        <translation>Motivo (visible para el personal; opcional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>CancelFollowingDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/series_actions.py" line="+80"/>
        <location line="+1"/>
        <source>Cancel visits</source>
        <translation>Cancelar citas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep visits</source>
        <translation>Mantener citas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel {name}&apos;s {type} on {when} and every later visit of the series? The customer gets one message listing them.</source>
        <translation>¿Cancelar {type} de {name} el {when} y todas las citas posteriores de la serie? El cliente recibe un único mensaje con la lista.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reason (shown to staff; optional)</source>
        <translation>Motivo (visible para el personal; opcional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <location filename="../../../careops_desktop/ui/bookings/words.py" line="+28"/>
        <source>%Ln booking(s)</source>
        <translation>
            <numerusform>%Ln reserva</numerusform>
            <numerusform>%Ln reservas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln attendee(s)</source>
        <translation>
            <numerusform>%Ln asistente</numerusform>
            <numerusform>%Ln asistentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln free time(s)</source>
        <translation>
            <numerusform>%Ln hora libre</numerusform>
            <numerusform>%Ln horas libres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>{taken} of %Ln seat(s) taken, {left} left.</source>
        <translation>
            <numerusform>{taken} de %Ln plaza ocupada, quedan {left}.</numerusform>
            <numerusform>{taken} de %Ln plazas ocupadas, quedan {left}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/desk_actions.py" line="+95"/>
        <source>There is nothing to undo.</source>
        <translation>No hay nada que deshacer.</translation>
    </message>
</context>
<context>
    <name>DropDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/drop_dialog.py" line="+38"/>
        <source>{provider} is closed that day. Move the booking anyway?</source>
        <translation>{provider} no trabaja ese día. ¿Cambiar la reserva de todos modos?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That time is outside {provider}&apos;s opening hours. Move the booking anyway?</source>
        <translation>Esa hora está fuera del horario de {provider}. ¿Cambiar la reserva de todos modos?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{provider} is busy in their own calendar then. Move the booking anyway?</source>
        <translation>{provider} está ocupado en su propio calendario a esa hora. ¿Cambiar la reserva de todos modos?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{provider} does not work at that time (opening hours or a closure). Move the booking anyway?</source>
        <translation>{provider} no trabaja a esa hora (horario o día cerrado). ¿Cambiar la reserva de todos modos?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This time is blocked ({reason}). Move anyway?</source>
        <translation>Esta hora está bloqueada ({reason}). ¿Cambiar de todos modos?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That time is taken: {provider} has another booking then. Nothing was changed.</source>
        <translation>Esa hora está ocupada: {provider} tiene otra reserva. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That time has already passed. Nothing was changed.</source>
        <translation>Esa hora ya ha pasado. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{provider} does not offer this booking type. Nothing was changed.</source>
        <translation>{provider} no ofrece este tipo de cita. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Change booking length</source>
        <translation>Cambiar la duración de la reserva</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move booking</source>
        <translation>Cambiar la hora de la reserva</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+140"/>
        <source>Move</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Tell the customer</source>
        <translation>Avisar al cliente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the customer the new time (email or text, as usual).</source>
        <translation>Enviar al cliente la nueva hora (por correo o SMS, como siempre).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Free times</source>
        <translation>Horas libres</translation>
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
            <numerusform>¿Cambiar la reserva de {name} a {when} (%n minuto)?</numerusform>
            <numerusform>¿Cambiar la reserva de {name} a {when} (%n minutos)?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move {name}&apos;s booking to {when} with {provider}?</source>
        <translation>¿Cambiar la reserva de {name} al {when} con {provider}?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>blocked time</source>
        <translation>tiempo bloqueado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move anyway</source>
        <translation>Cambiar de todos modos</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>No free time was found near it. Nothing was changed.</source>
        <translation>No se ha encontrado ninguna hora libre cercana. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>A class session keeps its booking type&apos;s length; it cannot be resized.</source>
        <translation>Una sesión de clase mantiene la duración de su tipo de cita; no se puede cambiar.</translation>
    </message>
</context>
<context>
    <name>MoveFollowingDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/series_actions.py" line="+26"/>
        <source>Move this and the following visits</source>
        <translation>Cambiar esta cita y las siguientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move visits</source>
        <translation>Cambiar citas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every later visit of the series moves by the same number of days to the same time. The customer gets one message listing the changes.</source>
        <translation>Cada cita posterior de la serie se mueve el mismo número de días, a la misma hora. El cliente recibe un único mensaje con los cambios.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a free start time.</source>
        <translation>Elija una hora de inicio libre.</translation>
    </message>
</context>
<context>
    <name>OfferTimeDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/waitlist_forms.py" line="+40"/>
        <source>Offer a time</source>
        <translation>Ofrecer una hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send offer</source>
        <translation>Enviar oferta</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} is waiting for {type} with {provider}.</source>
        <translation>{name} espera {type} con {provider}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} is waiting for {type}.</source>
        <translation>{name} espera {type}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+8"/>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Free time</source>
        <translation>Hora libre</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Looking for free times…</source>
        <translation>Buscando horas libres…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose a time; the offer goes at once and can be claimed for 2 hours.</source>
        <translation>Elija una hora; la oferta se envía enseguida y se puede aceptar durante 2 horas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There are no free times on this day for this booking. Choose another day.</source>
        <translation>Ese día no hay horas libres para esta reserva. Elija otro día.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Please choose a free time.</source>
        <translation>Elija una hora libre.</translation>
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
        <translation>{time} — ocupado en {calendars}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Busy in another calendar</source>
        <translation>Ocupado en otro calendario</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This time is busy in {calendars}. Book anyway? The person may be double-booked.</source>
        <translation>Esta hora está ocupada en {calendars}. ¿Reservar de todos modos? La persona podría quedar con dos citas a la vez.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Book anyway</source>
        <translation>Reservar de todos modos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose another time</source>
        <translation>Elegir otra hora</translation>
    </message>
</context>
<context>
    <name>Poster</name>
    <message>
        <location filename="../../../careops_desktop/ui/printing/poster_pdf.py" line="+41"/>
        <source>Book your next appointment online</source>
        <translation>Reserve su próxima cita en línea</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan the code with your phone&apos;s camera, or type this address:</source>
        <translation>Escanee el código con la cámara de su teléfono o escriba esta dirección:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your phone must be on our Wi-Fi.</source>
        <translation>Su teléfono debe estar conectado a nuestra wifi.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Our booking page</source>
        <translation>Nuestra página de reservas</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Booking page — {business}</source>
        <translation>Página de reservas — {business}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Phone: {number}</source>
        <translation>Teléfono: {number}</translation>
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
        <translation>Reserva — {name}</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location line="+31"/>
        <source>Print preview — {title}</source>
        <translation>Vista previa de impresión — {title}</translation>
    </message>
</context>
<context>
    <name>QrPaint</name>
    <message>
        <location filename="../../../careops_desktop/ui/printing/qr_paint.py" line="+31"/>
        <source>A QR code needs between 1 and 2,000 characters.</source>
        <translation>Un código QR necesita entre 1 y 2.000 caracteres.</translation>
    </message>
</context>
<context>
    <name>RepeatDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/repeat_dialog.py" line="+49"/>
        <source>Choose a time or Skip…</source>
        <translation>Elija una hora u omita…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip this date</source>
        <translation>Omitir esta fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book as planned</source>
        <translation>Reservar según lo previsto</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Repeat booking</source>
        <translation>Repetir reserva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book all</source>
        <translation>Reservar todas</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>First visit {when}. Choose how it repeats; every date is checked before anything is booked.</source>
        <translation>Primera cita: {when}. Elija cómo se repite; cada fecha se comprueba antes de reservar nada.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> week(s)</source>
        <translation> semana(s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat every</source>
        <translation>Repetir cada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every</source>
        <translation>Cada</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>On</source>
        <comment>weekdays</comment>
        <translation>Los</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After</source>
        <translation>Tras</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> visits</source>
        <translation> citas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <comment>the last date</comment>
        <translation>El</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ends</source>
        <translation>Termina</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check dates</source>
        <translation>Comprobar fechas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check every date again (Ctrl+R)</source>
        <translation>Comprobar de nuevo todas las fechas (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The rule changed: press Check dates (Ctrl+R).</source>
        <translation>La regla ha cambiado: pulse «Comprobar fechas» (Ctrl+R).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking every date…</source>
        <translation>Comprobando todas las fechas…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The dates could not be checked.</source>
        <translation>No se han podido comprobar las fechas.</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>{total} dates; %n clash(es): choose another time or Skip for each.</source>
        <translation>
            <numerusform>{total} fechas; %n conflicto: elija otra hora u «Omitir».</numerusform>
            <numerusform>{total} fechas; %n conflictos: elija otra hora u «Omitir» para cada uno.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{total} dates, all free.</source>
        <translation>{total} fechas, todas libres.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choice for {date}</source>
        <translation>Elección para {date}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{when} — {provider}</source>
        <translation>{when} — {provider}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Press Check dates first.</source>
        <translation>Pulse primero «Comprobar fechas».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose another time or Skip for {dates}.</source>
        <translation>Elija otra hora u «Omitir» para {dates}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Every date is skipped: there is nothing to book.</source>
        <translation>Se omiten todas las fechas: no hay nada que reservar.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Repeat…</source>
        <translation>Repetir…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Book this every week or every few weeks (Ctrl+Shift+R)</source>
        <translation>Reservar esto cada semana o cada pocas semanas (Ctrl+Mayús+R)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a saved contact to book a series.</source>
        <translation>Elija un contacto guardado para reservar una serie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the first visit&apos;s start time.</source>
        <translation>Elija la hora de inicio de la primera cita.</translation>
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
        <translation>No se puede dibujar en la impresora ni en el archivo PDF.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{period}  ·  {time_zone}</source>
        <translation>{period}  ·  {time_zone}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Generated {when} UTC by CareOps Desktop</source>
        <translation>Generado el {when} UTC por CareOps Desktop</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No data for this period.</source>
        <translation>No hay datos para este período.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{title} (continued)</source>
        <translation>{title} (continuación)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Page {number} of {pages}</source>
        <translation>Página {number} de {pages}</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/dialogs.py" line="-97"/>
        <source>Reschedule booking</source>
        <translation>Cambiar la hora de la reserva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{contact} — {type}, now {when} with {provider}</source>
        <translation>{contact} — {type}, ahora el {when} con {provider}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose a free start time.</source>
        <translation>Elija una hora de inicio libre.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/restore_dialog.py" line="+31"/>
        <location line="+1"/>
        <source>Restore booking</source>
        <translation>Restaurar reserva</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restore {contact}&apos;s {type} on {when} with {provider}? It is confirmed again if the time is still free.</source>
        <translation>¿Restaurar {type} de {contact} el {when} con {provider}? Vuelve a quedar confirmada si la hora sigue libre.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tell the customer (the confirmation is sent again)</source>
        <translation>Avisar al cliente (se vuelve a enviar la confirmación)</translation>
    </message>
</context>
<context>
    <name>SeriesActions</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/series_actions.py" line="-119"/>
        <source>This visit only</source>
        <translation>Solo esta cita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This and the following visits</source>
        <translation>Esta cita y las siguientes</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A visit of a series</source>
        <translation>Una cita de una serie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This booking is one visit of a series. Which visits do you want to cancel?</source>
        <translation>Esta reserva es una cita de una serie. ¿Qué citas desea cancelar?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This booking is one visit of a series. Which visits do you want to move?</source>
        <translation>Esta reserva es una cita de una serie. ¿Qué citas desea cambiar de hora?</translation>
    </message>
</context>
<context>
    <name>SlotChooser</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/dialogs.py" line="-397"/>
        <source>First free</source>
        <translation>El primero libre</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{name} ({minutes} min)</source>
        <translation>{name} ({minutes} min)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(type no longer offered)</source>
        <translation>(tipo que ya no se ofrece)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Booking type</source>
        <translation>Tipo de cita</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With</source>
        <translation>Con</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Add a booking type in Settings first.</source>
        <translation>Añada primero un tipo de cita en Configuración.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Looking for free times…</source>
        <translation>Buscando horas libres…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{time} — {provider}</source>
        <translation>{time} — {provider}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No free time that day.</source>
        <translation>Ese día no hay ninguna hora libre.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{time} is not free; the next free time is chosen instead.</source>
        <translation>Las {time} no están libres; se elige en su lugar la siguiente hora libre.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{time} is not free, nor any time after it that day.</source>
        <translation>Las {time} no están libres, ni ninguna hora posterior ese día.</translation>
    </message>
</context>
<context>
    <name>SyncNowButton</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/outside_busy.py" line="+17"/>
        <source>Calendars are synced by the booking page&apos;s jobs, which do not run in this window.</source>
        <translation>Los calendarios los sincronizan las tareas de la página de reservas, que no se ejecutan en esta ventana.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sync calendars</source>
        <translation>Sincronizar calendarios</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Calendars read: {calendars}, changes: {changes}.</source>
        <translation>Calendarios leídos: {calendars}, cambios: {changes}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The calendar sync failed ({error}).</source>
        <translation>La sincronización del calendario ha fallado ({error}).</translation>
    </message>
</context>
<context>
    <name>TimeBlockDialog</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/time_block_dialog.py" line="+38"/>
        <source>Everyone (the whole business)</source>
        <translation>Todos (todo el negocio)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+81"/>
        <source>Lunch</source>
        <translation>Almuerzo</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>Formación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break</source>
        <translation>Descanso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin time</source>
        <translation>Tareas administrativas</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Edit blocked time</source>
        <translation>Editar tiempo bloqueado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Block time</source>
        <translation>Bloquear tiempo</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Provider</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+39"/>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+26"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Repeat every week</source>
        <translation>Repetir cada semana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last week</source>
        <translation>Última semana de la serie</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>With</source>
        <translation>Para</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From – to</source>
        <translation>Desde – hasta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes apply to every week of this series.</source>
        <translation>Los cambios se aplican a todas las semanas de esta serie.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Remove blocked time</source>
        <translation>Quitar tiempo bloqueado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove “{reason}” on {day} only, or every week of the series?</source>
        <translation>¿Quitar «{reason}» solo el {day} o todas las semanas de la serie?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only this week</source>
        <translation>Solo esta semana</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The whole series</source>
        <translation>Toda la serie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove “{reason}” on {day}? The time becomes bookable again.</source>
        <translation>¿Quitar «{reason}» el {day}? La hora vuelve a poder reservarse.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep it</source>
        <translation>Mantener</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Edit blocked time…</source>
        <translation>Editar tiempo bloqueado…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove blocked time…</source>
        <translation>Quitar tiempo bloqueado…</translation>
    </message>
</context>
<context>
    <name>UndoNotice</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/undo_notice.py" line="+116"/>
        <source>Undo notice</source>
        <translation>Aviso para deshacer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo this change (Ctrl+Z)</source>
        <translation>Deshacer este cambio (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss the notice</source>
        <translation>Descartar el aviso</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>{name}&apos;s booking on {when} was cancelled.</source>
        <translation>Se ha cancelado la reserva de {name} del {when}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}&apos;s booking on {when} was marked as a no-show.</source>
        <translation>La reserva de {name} del {when} se ha marcado como «no se presentó».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}&apos;s booking on {when} was marked as completed.</source>
        <translation>La reserva de {name} del {when} se ha marcado como completada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} was marked as arrived.</source>
        <translation>{name} se ha marcado como que ha llegado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}&apos;s booking was moved to {when}.</source>
        <translation>La reserva de {name} se ha cambiado al {when}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}&apos;s booking on {when} was given a new length.</source>
        <translation>La reserva de {name} del {when} tiene una nueva duración.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}&apos;s booking on {when} was changed.</source>
        <translation>Se ha cambiado la reserva de {name} del {when}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{said} The customer is told in 2 minutes unless you undo it.</source>
        <translation>{said} Se avisará al cliente dentro de 2 minutos, salvo que lo deshaga.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The change to {name}&apos;s booking was undone.</source>
        <translation>Se ha deshecho el cambio en la reserva de {name}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The message to the customer was withdrawn; nothing was sent.</source>
        <translation>Se ha retirado el mensaje al cliente; no se ha enviado nada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The customer had already been sent a message about the change. Please let them know it was undone.</source>
        <translation>Al cliente ya se le había enviado un mensaje sobre el cambio. Avísele de que se ha deshecho.</translation>
    </message>
</context>
<context>
    <name>WaitingStrip</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/waiting_strip.py" line="+36"/>
        <source>{name} — just arrived, booked {time} with {provider}</source>
        <translation>{name} — acaba de llegar, cita a las {time} con {provider}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} — waiting {minutes} min, booked {time} with {provider}</source>
        <translation>{name} — esperando {minutes} min, cita a las {time} con {provider}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Customers waiting</source>
        <translation>Clientes en espera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting now:</source>
        <translation>En espera ahora:</translation>
    </message>
</context>
<context>
    <name>Waitlist</name>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/waitlist_forms.py" line="-192"/>
        <location filename="../../../careops_desktop/ui/bookings/waitlist_view.py" line="+151"/>
        <source>Anyone</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>{time} with {provider}</source>
        <translation>{time} con {provider}</translation>
    </message>
    <message>
        <location filename="../../../careops_desktop/ui/bookings/waitlist_view.py" line="-104"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email or mobile</source>
        <translation>Correo o móvil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking</source>
        <translation>Reserva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With</source>
        <translation>Con</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting since</source>
        <translation>Esperando desde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offers</source>
        <translation>Ofertas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>offer open</source>
        <translation>oferta abierta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>booked</source>
        <translation>reservada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not claimed in time</source>
        <translation>no aceptada a tiempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withdrawn</source>
        <translation>retirada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>taken by someone else</source>
        <translation>la reservó otra persona</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Booked</source>
        <translation>Reservada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed</source>
        <translation>Quitada</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{first} – {last}</source>
        <translation>{first} – {last}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>None yet</source>
        <translation>Ninguna todavía</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} sent (last: {day} {time}, {outcome})</source>
        <translation>{count} enviadas (última: {day} {time}, {outcome})</translation>
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
        <translation>Lista de espera</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>People waiting</source>
        <translation>Personas en espera</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show booked and removed</source>
        <translation>Mostrar reservadas y quitadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add person…</source>
        <translation>Añadir persona…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer a time…</source>
        <translation>Ofrecer una hora…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove…</source>
        <translation>Quitar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Put someone who phoned or came in on the list (Ctrl+N).</source>
        <translation>Añadir a la lista a alguien que ha llamado o ha venido (Ctrl+N).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the chosen person a free time to claim (Ctrl+O).</source>
        <translation>Enviar a la persona elegida una hora libre para aceptar (Ctrl+O).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the chosen person off the list (Delete).</source>
        <translation>Quitar de la lista a la persona elegida (Supr).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>People are offered a freed time in the order they joined. An offer can be claimed for 2 hours; then it goes to the next person.</source>
        <translation>Las horas que quedan libres se ofrecen por orden de inscripción. Una oferta se puede aceptar durante 2 horas; después pasa a la siguiente persona.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Nobody is waiting.</source>
        <translation>No hay nadie esperando.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln [person is|people are] waiting.</source>
        <translation>
            <numerusform>%Ln persona espera.</numerusform>
            <numerusform>%Ln personas esperan.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Remove from the waitlist</source>
        <translation>Quitar de la lista de espera</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Take {name} off the waitlist for {type}? An offer they have not claimed yet is withdrawn.</source>
        <translation>¿Quitar a {name} de la lista de espera de {type}? Se retira cualquier oferta que aún no haya aceptado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep</source>
        <translation>Mantener</translation>
    </message>
</context>
</TS>
