"""Django settings, read from the environment through ``config.py``.

See https://docs.djangoproject.com/en/stable/ref/settings/ for every setting and
https://docs.djangoproject.com/en/stable/howto/deployment/checklist/ for production:
``python -m django check --deploy`` checks these settings.
"""

import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from .config import get_settings

BASE_DIR = Path(__file__).resolve().parent


def _database(url: str) -> dict[str, Any]:
    """Django's DATABASES entry for DATABASE_URL, a libpq connection URI (config.py checks it).

    ``postgresql://user:password@host:port/name``, or a Unix socket: its directory in
    ``?host=`` with the host left empty (``postgresql://user:password@/name?host=/cloudsql/...``,
    how Cloud Run reaches Cloud SQL), or percent-encoded as the host (``%2Fcloudsql%2F...``).
    """
    parts = urlsplit(url)
    netloc_host = parts.netloc.rpartition("@")[2]
    # An IPv6 literal ([::1]:5432) has colons of its own; any other host ends at the port.
    bracketed = netloc_host.startswith("[")
    host = (parts.hostname or "") if bracketed else unquote(netloc_host.partition(":")[0])
    query = parse_qs(parts.query)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parts.path.lstrip("/")),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": query.get("host", [host])[-1],
        "PORT": query.get("port", [str(parts.port or "")])[-1],
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


# ``collectstatic`` runs where there is no secret and no database (the image build,
# install.sh): static files need neither, so that one command reads no settings. The
# server and every other command read them and refuse to start without SECRET_KEY.
COLLECTING_STATIC = sys.argv[1:2] == ["collectstatic"]

if COLLECTING_STATIC:
    SECRET_KEY = ""  # Django refuses to sign anything with an empty key.
    DEBUG = False
    ALLOWED_HOSTS: list[str] = []
    HTTPS_ONLY = True
    LOG_LEVEL = "INFO"
    DATABASES: dict[str, dict[str, Any]] = {}  # Django's dummy backend: every query fails.
else:
    _settings = get_settings()
    SECRET_KEY = _settings.secret_key.get_secret_value()
    DEBUG = _settings.debug
    ALLOWED_HOSTS = [h.strip() for h in _settings.allowed_hosts.split(",") if h.strip()]
    HTTPS_ONLY = _settings.https_only
    LOG_LEVEL = _settings.log_level
    DATABASES = {"default": _database(str(_settings.database_url))}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

# HealthCheckMiddleware first: probes get 200 over plain HTTP by IP, before the host check
# and SecurityMiddleware's HTTPS redirect. WhiteNoise right after SecurityMiddleware, before
# the rest (WhiteNoise's Django guide).
MIDDLEWARE = [
    "django_app.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "django_app.urls"
WSGI_APPLICATION = "django_app.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# collectstatic gathers the static files into the working directory: /app/staticfiles in
# the image (its runtime stage copies it), /opt/<name>/staticfiles on bare metal.
STATIC_ROOT = Path.cwd() / "staticfiles"
# WhiteNoise serves them compressed, under content-hashed names browsers cache forever.
# That needs the manifest collectstatic writes; until it exists (tests, a fresh checkout)
# the storage without hashing keeps {% static %} working instead of failing.
_HASHED = COLLECTING_STATIC or (STATIC_ROOT / "staticfiles.json").is_file()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if _HASHED
        else "whitenoise.storage.CompressedStaticFilesStorage",
    },
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Behind a TLS-terminating proxy (ingress, nginx, Cloud Run) that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS_ONLY (true in every deployment; false for plain-HTTP local runs): redirect to
# HTTPS, send HSTS, and send cookies over HTTPS only. /health still answers plain HTTP.
SECURE_SSL_REDIRECT = HTTPS_ONLY
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS_ONLY else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS_ONLY
SESSION_COOKIE_SECURE = HTTPS_ONLY
CSRF_COOKIE_SECURE = HTTPS_ONLY
# HSTS preload (SECURE_HSTS_PRELOAD) binds the whole registered domain to HTTPS in browsers'
# built-in lists, a decision for the domain's owner: check --deploy's reminder is silenced.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}
