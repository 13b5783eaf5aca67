"""Production: every required variable must be set, or the start stops with its name."""

from pathlib import Path

from config import env

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env.required("SECRET_KEY")
NIR_ENCRYPTION_KEY = env.required("NIR_ENCRYPTION_KEY")
NIR_HASH_KEY = env.required("NIR_HASH_KEY")
ALLOWED_HOSTS = env.required("ALLOWED_HOSTS").split(",")
# The address the e-mailed links use (sent by workers, without a request): first allowed host by default.
SITE_URL = env.optional("SITE_URL", f"https://{ALLOWED_HOSTS[0].strip()}")
DATABASES = {
    "default": dj_database_url.parse(  # noqa: F405
        env.required("DATABASE_URL"), conn_max_age=60, conn_health_checks=True
    )
}

# The technical administration (TOTP required) answers only there: choose a path that is not guessed.
ADMIN_URL = env.required("ADMIN_URL").strip("/") + "/"
if ADMIN_URL in {"/", "admin/"}:
    raise env.ImproperlyConfigured("La variable ADMIN_URL doit être un chemin autre que « admin/ ».")

# How many reverse proxies (load balancer…) append to X-Forwarded-For in front of gunicorn; 0 when
# clients reach it directly. The client address of throttling and of the journal depends on it.
TRUSTED_PROXY_COUNT = env.required_integer("TRUSTED_PROXY_COUNT")

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env.required("EMAIL_HOST")
EMAIL_PORT = env.integer("EMAIL_PORT", 587)
EMAIL_HOST_USER = env.optional("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.optional("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.boolean("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env.required("DEFAULT_FROM_EMAIL")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env.csv_list("CSRF_TRUSTED_ORIGINS")

# FranceConnect+: off unless FRANCECONNECT_ENABLED; then every value is required and the issuer is https.
FRANCECONNECT = {**FRANCECONNECT, "ENABLED": env.boolean("FRANCECONNECT_ENABLED", False)}  # noqa: F405
FRANCECONNECT.update(ISSUER="", CLIENT_ID="", CLIENT_SECRET="", PRIVATE_JWKS="")
if FRANCECONNECT["ENABLED"]:
    FRANCECONNECT.update(
        {
            key: env.required(f"FRANCECONNECT_{key}")
            for key in ("ISSUER", "CLIENT_ID", "CLIENT_SECRET", "PRIVATE_JWKS")
        }
    )
    if not FRANCECONNECT["ISSUER"].startswith("https://"):
        raise env.ImproperlyConfigured("La variable FRANCECONNECT_ISSUER doit être une adresse https://.")

# Uploads (ID copies, proofs of mandate) are served only by permission-checked views: never under a
# folder that the web server or collectstatic publishes.
_media = Path(MEDIA_ROOT).resolve()  # noqa: F405
for _public in (Path(STATIC_ROOT).resolve(), *(Path(d).resolve() for d in STATICFILES_DIRS)):  # noqa: F405
    if _media == _public or _public in _media.parents or _media in _public.parents:
        raise env.ImproperlyConfigured("MEDIA_ROOT ne doit pas être dans un dossier de fichiers statiques.")

# No demo data in production: `load_demo` would add the local FranceConnect+'s fictional élus to the
# register and accounts whose passwords are published.
DEMO_LOADERS = []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
