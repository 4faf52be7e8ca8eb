"""Which reply stripper is right on more samples: our ``reply_text`` or ``mail-parser-reply``?

Issue 14 asked to evaluate the ``mail-parser-reply`` library (quote and signature
stripping in many languages) against ``integrations/reply_text.py`` on every sample
(the ``eml/`` files and the replies built in ``mail_samples``), and to keep whichever
is right on more. Both get the same body text (``email_in.body_text``: charset,
``format=flowed`` and HTML already handled); a result counts as right when it equals
the expected new text, spaces aside. Run: ``python -m tests.integrations.reply_evaluation``.
"""

from __future__ import annotations

from collections.abc import Callable

from careops_desktop.integrations.email_in import body_text
from careops_desktop.integrations.reply_text import strip_reply
from tests.integrations.eml_samples import NEW_TEXT, sample
from tests.integrations.mail_samples import apple_reply, gmail_reply, outlook_reply, stranger_mail

OURS = "<170000.1.1@harbour.example.org>"


def all_samples() -> dict[str, tuple[bytes, str]]:
    """Every sample by name: (raw bytes, the new text the customer wrote)."""
    found = {name: (sample(name), text) for name, text in NEW_TEXT.items()}
    found["mail_samples.gmail_reply"] = (gmail_reply(OURS, "Friday?"), "Friday?")
    for desktop in (False, True):
        found[f"mail_samples.outlook_reply(desktop={desktop})"] = (
            outlook_reply(OURS, "Yes, 10:00 works.", desktop=desktop),
            "Yes, 10:00 works.\n\nBobby Tables",
        )
    found["mail_samples.apple_reply"] = (apple_reply(OURS, "Late, sorry!"), "Late, sorry!")
    found["mail_samples.stranger_mail"] = (
        stranger_mail(),
        "Hi, I hurt my knee running. Can you help?",
    )
    return found


def _same(a: str | None, b: str) -> bool:
    return " ".join((a or "").split()) == " ".join(b.split())


def library_stripper() -> Callable[[str], str] | None:
    """``mail-parser-reply`` with every language it knows, or ``None`` if not installed."""
    try:
        from mailparser_reply import EmailReplyParser
    except ImportError:
        return None
    parser = EmailReplyParser(
        languages=["en", "de", "fr", "es", "it", "nl", "sv", "da", "pl", "cs"]
    )
    return lambda text: parser.parse_reply(text=text) or ""


def evaluate() -> dict[str, dict[str, bool]]:
    """{sample: {"reply_text": right?, "mail-parser-reply": right?}}."""
    library = library_stripper()
    results: dict[str, dict[str, bool]] = {}
    for name, (raw, expected) in all_samples().items():
        text = body_text(raw)
        row = {"reply_text": _same(strip_reply(text), expected)}
        if library is not None:
            row["mail-parser-reply"] = _same(library(text), expected)
        results[name] = row
    return results


def main() -> None:
    results = evaluate()
    names = sorted({k for row in results.values() for k in row})
    for sample_name, row in results.items():
        marks = "  ".join(f"{k}={'right' if row.get(k) else 'WRONG'}" for k in names)
        print(f"{sample_name:48} {marks}")
    for k in names:
        print(f"{k}: right on {sum(r.get(k, False) for r in results.values())} of {len(results)}")


if __name__ == "__main__":
    main()
