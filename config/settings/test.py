from config.strict_templates import StrictVariables

from .base import *  # noqa: F403

# Demo data commands (load_demo, generate_catalog): development and tests only, never production.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405

DEBUG = False
AUDIT_CHECK_ACTIONS = True  # record() refuses an action missing from dife/audit/actions.py
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# An unknown variable in one of our templates fails the test (Django's and django-dsfr's stay lenient).
TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = StrictVariables(BASE_DIR / "dife", BASE_DIR / "templates")  # noqa: F405
