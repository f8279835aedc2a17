"""aiosmtpd handler for the digest tests: a Maildir like aiosmtpd.handlers.Mailbox, except that recipients
whose local part starts with "bounce" are refused for good (550) and "busy" for now (451)."""
from aiosmtpd.handlers import Mailbox


class TestMailbox(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("bounce"):
            return "550 5.1.1 No such mailbox"
        if address.startswith("busy"):
            return "451 4.3.2 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"
