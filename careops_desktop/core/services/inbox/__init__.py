"""The inbox: conversations with contacts, and what customers and mail servers send in.

``conversations`` writes (staff replies, system messages, read/unread,
open/closed), ``views`` reads (the list, counts, one thread, and the lazy
table's ``ids`` and ``rows_by_id``), ``incoming`` and ``incoming_match`` thread
incoming email and SMS, ``delivery_failures`` handles bounces and automatic
replies, ``message_originals`` keeps an email's original file,
``mail_poll_health`` says whether incoming mail is being read. Code outside
``core/services`` imports this package, never a module inside it.
"""

from __future__ import annotations

from careops_desktop.core.services.inbox.conversations import (
    add_system_message,
    close,
    mark_read,
    mark_unread,
    new_conversation,
    open_conversation_for,
    reopen,
    reply,
    start_conversation,
)
from careops_desktop.core.services.inbox.delivery_failures import (
    Bounce,
    FailedRecipient,
    FailingAddress,
    MailKind,
    clear_failure,
    failing_address,
    failing_addresses,
    failing_for_contact,
    failing_for_conversation,
    match_outgoing,
    record_automatic_reply,
    record_bounce,
    record_classified,
)
from careops_desktop.core.services.inbox.incoming import (
    UNREADABLE_NOTE,
    IncomingMessage,
    IngestResult,
    normalize_message_id,
    record_incoming,
)
from careops_desktop.core.services.inbox.incoming_match import (
    content_digest,
    seen_digest,
    subject_key,
    thread_by_subject,
)
from careops_desktop.core.services.inbox.mail_poll_health import (
    MailPollProblem,
    mail_poll_problem,
)
from careops_desktop.core.services.inbox.message_originals import (
    save_original_email,
)
from careops_desktop.core.services.inbox.views import (
    PREVIEW_CHARS,
    ConversationFilter,
    ConversationRow,
    MessageView,
    Thread,
    count_conversations,
    count_unread,
    get_thread,
    ids,
    list_conversations,
    load_conversation,
    message_view,
    rows_by_id,
)

__all__ = [
    "PREVIEW_CHARS",
    "UNREADABLE_NOTE",
    "Bounce",
    "ConversationFilter",
    "ConversationRow",
    "FailedRecipient",
    "FailingAddress",
    "IncomingMessage",
    "IngestResult",
    "MailKind",
    "MailPollProblem",
    "MessageView",
    "Thread",
    "add_system_message",
    "clear_failure",
    "close",
    "content_digest",
    "count_conversations",
    "count_unread",
    "failing_address",
    "failing_addresses",
    "failing_for_contact",
    "failing_for_conversation",
    "get_thread",
    "ids",
    "list_conversations",
    "load_conversation",
    "mail_poll_problem",
    "mark_read",
    "mark_unread",
    "match_outgoing",
    "message_view",
    "new_conversation",
    "normalize_message_id",
    "open_conversation_for",
    "record_automatic_reply",
    "record_bounce",
    "record_classified",
    "record_incoming",
    "reopen",
    "reply",
    "rows_by_id",
    "save_original_email",
    "seen_digest",
    "start_conversation",
    "subject_key",
    "thread_by_subject",
]
