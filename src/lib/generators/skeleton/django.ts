/**
 * Django skeleton: `<pkg>.settings`, `<pkg>.urls`, `<pkg>.wsgi:application`,
 * `<pkg>.asgi:application` and `manage.py` at the project root (0755), as
 * derive.ts promises. settings.py reads everything from config.py. The
 * health view answers at exactly HEALTH_PATH (no trailing slash, so
 * APPEND_SLASH never redirects it) and touches no database.
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import { djangoSettingsModule, facts, HEALTH_PATH } from '../../model/derive.ts';
import type { GeneratedFile } from '../types.ts';
import { pyStr } from '../writers/python.ts';
import { djangoCelerySettings } from './celery.ts';
import { py } from './common.ts';

/**
 * settings.py's DATABASE_URL -> DATABASES["default"]. The host is a name or
 * address, or a Unix-socket directory as libpq reads one (PostgreSQL docs,
 * libpq "Connection URIs"): in the `host` query parameter with the URI's host
 * empty (what Cloud Run's Cloud SQL connection needs, `?host=/cloudsql/...`),
 * or percent-encoded as the host. Django's PostgreSQL backend takes a HOST
 * starting with "/" as the socket directory (Django settings, HOST). The host
 * is read as written: `hostname` would lowercase it and leave `%2F` encoded.
 */
const DATABASE_FROM_URL = [
	'',
	'def _database(url: str) -> dict[str, Any]:',
	'    """Django\'s DATABASES entry for DATABASE_URL, a libpq connection URI (config.py checks it).',
	'',
	'    ``postgresql://user:password@host:port/name``, or a Unix socket: its directory in',
	'    ``?host=`` with the host left empty (``postgresql://user:password@/name?host=/cloudsql/...``,',
	'    how Cloud Run reaches Cloud SQL), or percent-encoded as the host (``%2Fcloudsql%2F...``).',
	'    """',
	'    parts = urlsplit(url)',
	'    netloc_host = parts.netloc.rpartition("@")[2]',
	'    # An IPv6 literal ([::1]:5432) has colons of its own; any other host ends at the port.',
	'    bracketed = netloc_host.startswith("[")',
	'    host = (parts.hostname or "") if bracketed else unquote(netloc_host.partition(":")[0])',
	'    query = parse_qs(parts.query)',
	'    return {',
	'        "ENGINE": "django.db.backends.postgresql",',
	'        "NAME": unquote(parts.path.lstrip("/")),',
	'        "USER": unquote(parts.username or ""),',
	'        "PASSWORD": unquote(parts.password or ""),',
	'        "HOST": query.get("host", [host])[-1],',
	'        "PORT": query.get("port", [str(parts.port or "")])[-1],',
	'        "CONN_MAX_AGE": 60,',
	'        "CONN_HEALTH_CHECKS": True,',
	'    }',
	'',
	''
];

export function djangoFiles(config: ReadonlyConfig): GeneratedFile[] {
	const f = facts(config);
	const settingsModule = djangoSettingsModule(config);
	const pg = config.services.postgres;
	const database = pg
		? [
				'    DATABASES = {"default": _database(str(_settings.database_url))}'
			]
		: [
				'    # SQLite: in systemd\'s StateDirectory= when the service has one (bare metal: /var/lib/<name>,',
				'    # the one writable place the unit allows), else in the working directory (development).',
				'    DATABASES = {',
				'        "default": {',
				'            "ENGINE": "django.db.backends.sqlite3",',
				'            "NAME": Path(os.environ.get("STATE_DIRECTORY") or Path.cwd()) / "db.sqlite3",',
				'        }',
				'    }'
			];
	const celery = djangoCelerySettings(config);
	const settings = py(`${f.pkgDir}/settings.py`, [
		'"""Django settings, read from the environment through ``config.py``.',
		'',
		'See https://docs.djangoproject.com/en/stable/ref/settings/ for every setting and',
		'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/ for production:',
		'``python -m django check --deploy`` checks these settings.',
		'"""',
		'',
		...(pg ? [] : ['import os']),
		'import sys',
		'from pathlib import Path',
		'from typing import Any',
		...(pg ? ['from urllib.parse import parse_qs, unquote, urlsplit'] : []),
		'',
		'from .config import get_settings',
		'',
		'BASE_DIR = Path(__file__).resolve().parent',
		'',
		...(pg ? DATABASE_FROM_URL : []),
		'# ``collectstatic`` runs where there is no secret and no database (the image build,',
		'# install.sh): static files need neither, so that one command reads no settings. The',
		'# server and every other command read them and refuse to start without SECRET_KEY.',
		'COLLECTING_STATIC = sys.argv[1:2] == ["collectstatic"]',
		'',
		'if COLLECTING_STATIC:',
		'    SECRET_KEY = ""  # Django refuses to sign anything with an empty key.',
		'    DEBUG = False',
		'    ALLOWED_HOSTS: list[str] = []',
		'    HTTPS_ONLY = True',
		'    LOG_LEVEL = "INFO"',
		"    DATABASES: dict[str, dict[str, Any]] = {}  # Django's dummy backend: every query fails.",
		'else:',
		'    _settings = get_settings()',
		'    SECRET_KEY = _settings.secret_key.get_secret_value()',
		'    DEBUG = _settings.debug',
		'    ALLOWED_HOSTS = [h.strip() for h in _settings.allowed_hosts.split(",") if h.strip()]',
		'    HTTPS_ONLY = _settings.https_only',
		'    LOG_LEVEL = _settings.log_level',
		...database,
		...(celery?.read ?? []),
		'',
		...(celery?.fixed ?? []),
		'INSTALLED_APPS = [',
		'    "django.contrib.admin",',
		'    "django.contrib.auth",',
		'    "django.contrib.contenttypes",',
		'    "django.contrib.sessions",',
		'    "django.contrib.messages",',
		'    "django.contrib.staticfiles",',
		']',
		'',
		'# HealthCheckMiddleware first: probes get 200 over plain HTTP by IP, before the host check',
		"# and SecurityMiddleware's HTTPS redirect. WhiteNoise right after SecurityMiddleware, before",
		"# the rest (WhiteNoise's Django guide).",
		'MIDDLEWARE = [',
		`    ${pyStr(`${f.pkg}.middleware.HealthCheckMiddleware`)},`,
		'    "django.middleware.security.SecurityMiddleware",',
		'    "whitenoise.middleware.WhiteNoiseMiddleware",',
		'    "django.contrib.sessions.middleware.SessionMiddleware",',
		'    "django.middleware.common.CommonMiddleware",',
		'    "django.middleware.csrf.CsrfViewMiddleware",',
		'    "django.contrib.auth.middleware.AuthenticationMiddleware",',
		'    "django.contrib.messages.middleware.MessageMiddleware",',
		'    "django.middleware.clickjacking.XFrameOptionsMiddleware",',
		']',
		'',
		`ROOT_URLCONF = ${pyStr(`${f.pkg}.urls`)}`,
		`WSGI_APPLICATION = ${pyStr(`${f.pkg}.wsgi.application`)}`,
		'',
		'TEMPLATES = [',
		'    {',
		'        "BACKEND": "django.template.backends.django.DjangoTemplates",',
		'        "DIRS": [],',
		'        "APP_DIRS": True,',
		'        "OPTIONS": {',
		'            "context_processors": [',
		'                "django.template.context_processors.request",',
		'                "django.contrib.auth.context_processors.auth",',
		'                "django.contrib.messages.context_processors.messages",',
		'            ],',
		'        },',
		'    },',
		']',
		'',
		'AUTH_PASSWORD_VALIDATORS = [',
		'    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},',
		'    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},',
		'    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},',
		'    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},',
		']',
		'',
		'LANGUAGE_CODE = "en-us"',
		'TIME_ZONE = "UTC"',
		'USE_I18N = True',
		'USE_TZ = True',
		'',
		'STATIC_URL = "static/"',
		'# collectstatic gathers the static files into the working directory: /app/staticfiles in',
		'# the image (its runtime stage copies it), /opt/<name>/staticfiles on bare metal.',
		'STATIC_ROOT = Path.cwd() / "staticfiles"',
		'# WhiteNoise serves them compressed, under content-hashed names browsers cache forever.',
		'# That needs the manifest collectstatic writes; until it exists (tests, a fresh checkout)',
		'# the storage without hashing keeps {% static %} working instead of failing.',
		'_HASHED = COLLECTING_STATIC or (STATIC_ROOT / "staticfiles.json").is_file()',
		'STORAGES = {',
		'    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},',
		'    "staticfiles": {',
		'        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"',
		'        if _HASHED',
		'        else "whitenoise.storage.CompressedStaticFilesStorage",',
		'    },',
		'}',
		'DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"',
		'',
		'# Behind a TLS-terminating proxy (ingress, nginx, Cloud Run) that sets X-Forwarded-Proto.',
		'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")',
		'# HTTPS_ONLY (true in every deployment; false for plain-HTTP local runs): redirect to',
		'# HTTPS, send HSTS, and send cookies over HTTPS only. /health still answers plain HTTP.',
		'SECURE_SSL_REDIRECT = HTTPS_ONLY',
		'SECURE_HSTS_SECONDS = 31_536_000 if HTTPS_ONLY else 0',
		'SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS_ONLY',
		'SESSION_COOKIE_SECURE = HTTPS_ONLY',
		'CSRF_COOKIE_SECURE = HTTPS_ONLY',
		"# HSTS preload (SECURE_HSTS_PRELOAD) binds the whole registered domain to HTTPS in browsers'",
		"# built-in lists, a decision for the domain's owner: check --deploy's reminder is silenced.",
		'SILENCED_SYSTEM_CHECKS = ["security.W021"]',
		'',
		'LOGGING = {',
		'    "version": 1,',
		'    "disable_existing_loggers": False,',
		'    "handlers": {"console": {"class": "logging.StreamHandler"}},',
		'    "root": {"handlers": ["console"], "level": LOG_LEVEL},',
		'}'
	]);
	const views = py(`${f.pkgDir}/views.py`, [
		'"""Views of the project."""',
		'',
		'from django.http import HttpRequest, JsonResponse',
		'',
		'',
		'def health(request: HttpRequest) -> JsonResponse:',
		'    """Liveness/readiness probe: 200 while the process serves requests; no database access."""',
		'    return JsonResponse({"status": "ok"})'
	]);
	const middleware = py(`${f.pkgDir}/middleware.py`, [
		'"""Middleware of the project."""',
		'',
		'from collections.abc import Callable',
		'',
		'from django.http import HttpRequest, HttpResponse, JsonResponse',
		'',
		`HEALTH_PATH = ${pyStr(HEALTH_PATH)}`,
		'',
		'',
		'class HealthCheckMiddleware:',
		'    """Answer the health endpoint before anything checks the Host header.',
		'',
		"    Docker's HEALTHCHECK and Kubernetes probes reach the app by IP, which",
		'    ALLOWED_HOSTS rightly rejects in production; the probe must pass anyway.',
		'    """',
		'',
		'    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:',
		'        self.get_response = get_response',
		'',
		'    def __call__(self, request: HttpRequest) -> HttpResponse:',
		'        if request.path == HEALTH_PATH:',
		'            return JsonResponse({"status": "ok"})',
		'        return self.get_response(request)'
	]);
	const urls = py(`${f.pkgDir}/urls.py`, [
		'"""URL configuration."""',
		'',
		'from django.contrib import admin',
		'from django.urls import path',
		'',
		'from . import views',
		'',
		'urlpatterns = [',
		`    path(${pyStr(HEALTH_PATH.replace(/^\//, ''))}, views.health, name="health"),`,
		'    path("admin/", admin.site.urls),',
		']'
	]);
	const entry = (kind: 'wsgi' | 'asgi') =>
		py(`${f.pkgDir}/${kind}.py`, [
			`"""The ${kind.toUpperCase()} application, for the server to import.`,
			'',
			`\`\`${f.pkg}.${kind}:application\`\``,
			'"""',
			'',
			'import os',
			'',
			kind === 'wsgi' ? 'from django.core.wsgi import get_wsgi_application' : 'from django.core.asgi import get_asgi_application',
			'',
			`SETTINGS_MODULE = ${pyStr(settingsModule)}`,
			'os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)',
			'',
			`application = get_${kind}_application()`
		]);
	const manage = py(
		'manage.py',
		[
			'#!/usr/bin/env python',
			'"""Django\'s command-line utility for administrative tasks."""',
			'',
			'import os',
			'import sys',
			'',
			`SETTINGS_MODULE = ${pyStr(settingsModule)}`,
			'',
			'',
			'def main() -> None:',
			'    """Run an administrative task, e.g. ``python manage.py migrate``."""',
			'    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)',
			'    from django.core.management import execute_from_command_line',
			'',
			'    execute_from_command_line(sys.argv)',
			'',
			'',
			'if __name__ == "__main__":',
			'    main()'
		],
		0o755
	);
	return [settings, middleware, views, urls, entry('wsgi'), entry('asgi'), manage];
}
