"""Replies as Gmail, Outlook and Apple Mail write them (structure copied from real messages)."""

from __future__ import annotations

OUR_QUOTE = (
    "Hello Ada,\n\nYour Initial assessment with Dr Grace Hopper is booked for "
    "Thursday 7 May 2026, 10:00.\n\nTo change or cancel it, open:\n"
    "http://desk.lan:8765/manage/abc\n\nHarbour Physio"
)


def _quoted(text: str, prefix: str = "> ") -> str:
    return "\n".join((prefix + line).rstrip() for line in text.split("\n"))


def gmail_reply(our_id: str, new_text: str, *, n: int = 1) -> bytes:
    plain = (
        f"{new_text}\n\n"
        "On Mon, 4 May 2026 at 10:00, Harbour Physio <desk@harbour.example.org>\n"
        "wrote:\n\n"
        f"{_quoted(OUR_QUOTE)}\n"
    )
    html = (
        f'<div dir="ltr">{new_text}</div><br><div class="gmail_quote">'
        '<div dir="ltr" class="gmail_attr">On Mon, 4 May 2026 at 10:00, Harbour Physio &lt;'
        '<a href="mailto:desk@harbour.example.org">desk@harbour.example.org</a>&gt; wrote:<br>'
        '</div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">'
        + OUR_QUOTE.replace("\n", "<br>")
        + "</blockquote></div>"
    )
    return (
        "MIME-Version: 1.0\r\n"
        "Date: Mon, 4 May 2026 11:02:13 +0100\r\n"
        f"References: {our_id}\r\n"
        f"In-Reply-To: {our_id}\r\n"
        f"Message-ID: <CAJ{n}x8gmAiL=q3Wd@mail.gmail.com>\r\n"
        "Subject: Re: Your booking with Harbour Physio\r\n"
        "From: Ada Lovelace <ada@example.com>\r\n"
        "To: Harbour Physio <desk@harbour.example.org>\r\n"
        'Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4"\r\n'
        "\r\n"
        "--000000000000a1b2c3d4\r\n"
        'Content-Type: text/plain; charset="UTF-8"\r\n'
        "\r\n" + plain.replace("\n", "\r\n") + "\r\n"
        "--000000000000a1b2c3d4\r\n"
        'Content-Type: text/html; charset="UTF-8"\r\n'
        "\r\n" + html + "\r\n"
        "--000000000000a1b2c3d4--\r\n"
    ).encode()


def outlook_reply(our_id: str, new_text: str, *, desktop: bool = False) -> bytes:
    if desktop:
        header = (
            "-----Original Message-----\n"
            "From: Harbour Physio <desk@harbour.example.org>\n"
            "Sent: Monday, May 4, 2026 10:00 AM\n"
        )
    else:
        header = (
            "________________________________\n"
            "From: Harbour Physio <desk@harbour.example.org>\n"
            "Sent: Monday, May 4, 2026 10:00 AM\n"
        )
    plain = (
        f"{new_text}\n\nBobby Tables\n\n" + header + "To: Bobby Tables <bobby@example.com>\n"
        "Subject: Your booking with Harbour Physio\n\n" + OUR_QUOTE + "\n"
    )
    encoded = plain.replace("=", "=3D").replace("\n", "\r\n")
    return (
        "From: Bobby Tables <bobby@example.com>\r\n"
        "To: Harbour Physio <desk@harbour.example.org>\r\n"
        "Subject: RE: Your booking with Harbour Physio\r\n"
        "Thread-Topic: Your booking with Harbour Physio\r\n"
        "Thread-Index: AQHaAbCdEfGhIjKlMnOpQrStUvWxYz==\r\n"
        "Date: Mon, 4 May 2026 10:31:44 +0000\r\n"
        "Message-ID: <DB9PR07MB1234ABCD5678@DB9PR07MB1234.eurprd07.prod.outlook.com>\r\n"
        f"References: {our_id}\r\n"
        f"In-Reply-To: {our_id}\r\n"
        "Content-Language: en-GB\r\n"
        'Content-Type: multipart/alternative; boundary="_000_DB9PR07MB1234_"\r\n'
        "MIME-Version: 1.0\r\n"
        "\r\n"
        "--_000_DB9PR07MB1234_\r\n"
        'Content-Type: text/plain; charset="iso-8859-1"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "\r\n" + encoded + "\r\n"
        "--_000_DB9PR07MB1234_\r\n"
        'Content-Type: text/html; charset="iso-8859-1"\r\n'
        "\r\n"
        f"<html><body><div>{new_text}</div>"
        '<hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg">'
        "<b>From:</b> Harbour Physio</div><div>" + OUR_QUOTE + "</div></body></html>\r\n"
        "--_000_DB9PR07MB1234_--\r\n"
    ).encode("latin-1")


def apple_reply(our_id: str, new_text: str) -> bytes:
    plain = (
        f"{new_text}\n\nSent from my iPhone\n\n"
        "> On 4 May 2026, at 10:00, Harbour Physio <desk@harbour.example.org> wrote:\n"
        ">\n" + _quoted(OUR_QUOTE) + "\n"
    )
    encoded = plain.replace("=", "=3D").replace("\n", "\r\n")
    return (
        "Content-Type: text/plain;\r\n\tcharset=utf-8\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "From: Grace Hopper <GRACE@Example.com>\r\n"
        "Mime-Version: 1.0 (1.0)\r\n"
        "Date: Mon, 4 May 2026 10:45:10 +0100\r\n"
        "Subject: Re: Your booking with Harbour Physio\r\n"
        f"Message-Id: <5E1B4F0A-2C3D-4E5F-8A9B-0C1D2E3F4A5B@example.com>\r\n"
        f"References: {our_id}\r\n"
        f"In-Reply-To: {our_id}\r\n"
        "To: Harbour Physio <desk@harbour.example.org>\r\n"
        "X-Mailer: iPhone Mail (21E236)\r\n"
        "\r\n" + encoded
    ).encode()


def stranger_mail() -> bytes:
    return (
        "From: =?utf-8?q?Zo=C3=AB_Stranger?= <zoe@elsewhere.example.net>\r\n"
        "To: desk@harbour.example.org\r\n"
        "Subject: Do you treat running injuries?\r\n"
        "Date: Mon, 4 May 2026 09:00:00 +0000\r\n"
        "Message-ID: <first-contact-1@elsewhere.example.net>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="mix"\r\n'
        "\r\n"
        "--mix\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "\r\n"
        "Hi, I hurt my knee running. Can you help?\r\n\r\n-- \r\nZoë\r\n07700 900555\r\n"
        "--mix\r\n"
        'Content-Type: application/pdf; name="scan.pdf"\r\n'
        'Content-Disposition: attachment; filename="scan.pdf"\r\n'
        "Content-Transfer-Encoding: base64\r\n"
        "\r\n"
        "JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoK\r\n"
        "--mix--\r\n"
    ).encode()
