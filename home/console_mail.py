"""The development server's email backend: prints each email as a person reads it.

Django's console backend prints the raw MIME message, so a German subject arrives as
`=?utf-8?q?=5BJumelage=5D_Bitte_best=C3=A4tigen…` and a body as quoted-printable. This one prints
sender, recipients, subject, where a reply goes (Reply-To, when set) and the plain-text body as
they are, and names other parts. Our sender is `formataddr`'s (home.notifications.sender), which
MIME-encodes a name with an "ä" or a "–": headers are decoded for printing."""

from email.header import decode_header, make_header

from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend

RULE = "-" * 79


def readable(header):
    """A header as written: its MIME-encoded words (`=?utf-8?q?…?=`) decoded."""
    return str(make_header(decode_header(header)))


class EmailBackend(DjangoConsoleBackend):
    def write_message(self, message):
        lines = [
            f"From: {readable(message.from_email)}",
            f"To: {', '.join(readable(address) for address in message.to)}",
            f"Subject: {readable(message.subject)}",
            *(
                [f"Reply-To: {', '.join(readable(a) for a in message.reply_to)}"]
                if message.reply_to
                else []
            ),
            "",
            message.body.rstrip("\n"),
        ]
        for _content, mimetype in getattr(message, "alternatives", []):
            lines.append(f"[also as {mimetype}]")
        for attachment in message.attachments:
            name = attachment[0] if isinstance(attachment, tuple) else attachment.get_filename()
            lines.append(f"[attachment: {name}]")
        self.stream.write("\n".join(lines) + "\n" + RULE + "\n")
