import os

from .base import *  # noqa: F403

# Demo data commands (load_demo, generate_catalog): development and tests only, never production.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405

DEBUG = True

# Links in e-mails point at the address `make run` serves (DIFE_ADDRESS, see README).
SITE_URL = f"http://{os.environ.get('DIFE_ADDRESS', '127.0.0.1:8000')}"

# The dev mailbox (/dev/courriels) keeps the one-time codes and links of sent e-mails; elsewhere the
# outbox masks them once sent (docs/decisions/0007-all-mail-through-outbox.md).
NOTIFICATIONS_KEEP_SECRETS = True
