"""Settings shared by every environment. Environment-specific modules override what differs."""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from config import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
LOCAL_DIR = BASE_DIR / ".local"

SECRET_KEY = env.optional("SECRET_KEY", "dev-only-insecure-key-change-me-0123456789abcdefghij")
DEBUG = False
ALLOWED_HOSTS = env.csv_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "dife.audit.admin_config.TechnicalAdminConfig",  # django.contrib.admin with a TOTP (OTPAdminSite)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "widget_tweaks",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "dsfr",
    "ninja",  # /api/v1/docs: Swagger UI from our static files, not a CDN the CSP would block
    "procrastinate.contrib.django",
    "dife.core",
    "dife.accounts",
    "dife.audit",
    "dife.reviews",
    "dife.identity",
    "dife.organisations",
    "dife.referentiel",
    "dife.mandates",
    "dife.catalog",
    "dife.enrollment",
    "dife.notifications",
    "dife.rights",
    "dife.www.public",
    "dife.www.elus",
    "dife.www.staff",
    "dife.www.gestion",
    "dife.www.of",
    "dife.www.collectivite",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "dife.core.middleware.ControlCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "dife.core.middleware.SecurityHeadersMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dife.www.context_processors.service",
                "dife.www.context_processors.navigation",
                "dife.www.context_processors.parameters",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"


def _database_url() -> str:
    url = env.optional("DATABASE_URL")
    if url:
        return url
    port = env.integer("DIFE_PG_PORT", 54329)
    name = env.optional("DIFE_PG_DB", "dife")
    return f"postgresql://postgres@127.0.0.1:{port}/{name}"


DATABASES = {"default": dj_database_url.parse(_database_url(), conn_max_age=60, conn_health_checks=True)}
DATABASES["default"]["TEST"] = {"NAME": "test_dife" + env.optional("DIFE_TEST_DB_SUFFIX")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "dife.accounts.backends.NirBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "/connexion"

# The technical administration's path (never the default /admin/); production requires ADMIN_URL.
ADMIN_URL = env.optional("ADMIN_URL", "gestion-technique/").strip("/") + "/"

# Reverse proxies in front of the application that append to X-Forwarded-For (dife.core.client_ip):
# 0 = the header is ignored and REMOTE_ADDR is the client. Production requires the variable.
TRUSTED_PROXY_COUNT = env.integer("TRUSTED_PROXY_COUNT", 0)

# Brute-force throttling (django-axes): lock per account and per address after repeated failures.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
# Per account only (a success resets that account's failures, nobody else's); the per-address budget
# is separate and no success clears it (dife.accounts.axes.AddressBudgetHandler, review F2).
AXES_LOCKOUT_PARAMETERS = [["username"]]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "dife.accounts.axes.AddressBudgetHandler"
SIGN_IN_FAILURES_PER_ADDRESS = 50  # per hour
# Account creation (wizard first and last steps, FranceConnect+ completion): NIR submissions per hour.
SIGNUP_NIR_PER_SESSION = 10
SIGNUP_NIR_PER_ADDRESS = 30
# axes warns that lockout without ip_address lets attackers rotate cookies: the address budget above
# (counted by client address, never cleared by a success) is that protection.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_VERBOSE = False
# Élus sign in with their NIR: axes keys attempts on its keyed hash and never stores it in clear.
AXES_USERNAME_CALLABLE = "dife.accounts.axes.client_username"
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "nir"]
AXES_LOCKOUT_CALLABLE = "dife.accounts.axes.lockout_response"
AXES_CLIENT_IP_CALLABLE = "dife.core.client_ip.client_ip"

# NIR at rest: Fernet key(s) (comma-separated, the first encrypts) and the key of its lookup hash.
NIR_ENCRYPTION_KEY = env.optional("NIR_ENCRYPTION_KEY", "YTao0Fs-iM4SA632oGZv4EXhZHo1XKRN-SydeJ4TwKc=")
NIR_HASH_KEY = env.optional("NIR_HASH_KEY", "dev-only-nir-hash-key-0123456789abcdefghijklmnop")

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = LOCAL_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = env.optional("MEDIA_ROOT", str(LOCAL_DIR / "media"))

DSFR_CONTENT_IS_SAFE = False

SERVICE_NAME = "Mon Compte Élu — DIFE"
SERVICE_TAGLINE = "Le droit individuel à la formation des élus locaux"

# FranceConnect+ (élus, eIDAS substantiel). Dev and tests use the local fake provider (devtools/idp,
# started by `make run`); prod.py reads its own values and refuses a non-https issuer.
FRANCECONNECT = {
    "ENABLED": env.boolean("FRANCECONNECT_ENABLED", True),
    "ISSUER": env.optional("FRANCECONNECT_ISSUER", "http://127.0.0.1:8090/api/v2"),
    "CLIENT_ID": env.optional("FRANCECONNECT_CLIENT_ID", "dife-local"),
    "CLIENT_SECRET": env.optional(
        "FRANCECONNECT_CLIENT_SECRET", "dife-local-secret-not-for-production-0123456789"
    ),
    # Our private decryption keys, JSON {"keys": [...]}; empty: dev keys generated once in .local/.
    "PRIVATE_JWKS": env.optional("FRANCECONNECT_PRIVATE_JWKS"),
    "TIMEOUT": 5.0,
}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env.optional("DEFAULT_FROM_EMAIL", "ne-pas-repondre@dife.localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Content-Security-Policy sent by dife.core.middleware.SecurityHeadersMiddleware.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'"
)

# Each provider returns a dict of public figures for /stats and /stats.json, in this order.
PUBLIC_STATS_PROVIDERS = [
    "dife.referentiel.selectors.public_counts",
    "dife.mandates.selectors.public_counts",
    "dife.rights.selectors.public_counts",
    "dife.catalog.selectors.public_counts",
    "dife.accounts.selectors.public_counts",
    "dife.enrollment.selectors.public_counts",
]

# Modules with load() and accounts(), run in this order by `manage.py load_demo` (make run), a command
# of the devtools app that only the dev and test settings install (prod.py also empties this list).
DEMO_LOADERS = [
    "devtools.demo.core",
    "devtools.demo.organisations",
    "devtools.demo.identity",
    "devtools.demo.accounts",
    "devtools.demo.catalog",
    "devtools.demo.rights",
    "devtools.demo.enrollment",
]

PROCRASTINATE_AUTODISCOVER_MODULE_NAME = "tasks"
