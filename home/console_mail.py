"""The development server's email backend: prints each email as a person reads it.

Django's console backend prints the raw MIME message, so a German subject arrives as
`=?utf-8?q?=5BJumelage=5D_Bitte_best=C3=A4tigen…` and a body as quoted-printable. This one prints
sender, recipients, subject and the plain-text body as they are, and names other parts."""

from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend

RULE = "-" * 79


class EmailBackend(DjangoConsoleBackend):
    def write_message(self, message):
        lines = [
            f"From: {message.from_email}",
            f"To: {', '.join(message.to)}",
            f"Subject: {message.subject}",
            "",
            message.body.rstrip("\n"),
        ]
        for _content, mimetype in getattr(message, "alternatives", []):
            lines.append(f"[also as {mimetype}]")
        for attachment in message.attachments:
            name = attachment[0] if isinstance(attachment, tuple) else attachment.get_filename()
            lines.append(f"[attachment: {name}]")
        self.stream.write("\n".join(lines) + "\n" + RULE + "\n")
