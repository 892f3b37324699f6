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
import { py } from './common.ts';

export function djangoFiles(config: ReadonlyConfig): GeneratedFile[] {
	const f = facts(config);
	const settingsModule = djangoSettingsModule(config);
	const pg = config.services.postgres;
	const database = pg
		? [
				'# DATABASE_URL (postgresql://user:password@host:port/name) split into Django\'s fields.',
				'_db = urlsplit(str(_settings.database_url))',
				'DATABASES = {',
				'    "default": {',
				'        "ENGINE": "django.db.backends.postgresql",',
				'        "NAME": unquote(_db.path.lstrip("/")),',
				'        "USER": unquote(_db.username or ""),',
				'        "PASSWORD": unquote(_db.password or ""),',
				'        "HOST": _db.hostname or "",',
				'        "PORT": str(_db.port or ""),',
				'        "CONN_MAX_AGE": 60,',
				'        "CONN_HEALTH_CHECKS": True,',
				'    }',
				'}'
			]
		: [
				'# SQLite in the working directory; switch to PostgreSQL for production.',
				'DATABASES = {',
				'    "default": {',
				'        "ENGINE": "django.db.backends.sqlite3",',
				'        "NAME": Path.cwd() / "db.sqlite3",',
				'    }',
				'}'
			];
	const settings = py(`${f.pkgDir}/settings.py`, [
		'"""Django settings, read from the environment through ``config.py``.',
		'',
		'See https://docs.djangoproject.com/en/stable/ref/settings/ for every setting.',
		'"""',
		'',
		'from pathlib import Path',
		...(pg ? ['from urllib.parse import unquote, urlsplit'] : []),
		'',
		'from .config import get_settings',
		'',
		'_settings = get_settings()',
		'',
		'BASE_DIR = Path(__file__).resolve().parent',
		'',
		'SECRET_KEY = _settings.secret_key.get_secret_value()',
		'DEBUG = _settings.debug',
		'ALLOWED_HOSTS = [host.strip() for host in _settings.allowed_hosts.split(",") if host.strip()]',
		'',
		'INSTALLED_APPS = [',
		'    "django.contrib.admin",',
		'    "django.contrib.auth",',
		'    "django.contrib.contenttypes",',
		'    "django.contrib.sessions",',
		'    "django.contrib.messages",',
		'    "django.contrib.staticfiles",',
		']',
		'',
		'MIDDLEWARE = [',
		`    ${pyStr(`${f.pkg}.middleware.HealthCheckMiddleware`)},`,
		'    "django.middleware.security.SecurityMiddleware",',
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
		...database,
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
		'STATIC_ROOT = Path.cwd() / "staticfiles"',
		'DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"',
		'',
		'# Behind a TLS-terminating proxy (ingress, nginx) that sets X-Forwarded-Proto.',
		'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")',
		'',
		'LOGGING = {',
		'    "version": 1,',
		'    "disable_existing_loggers": False,',
		'    "handlers": {"console": {"class": "logging.StreamHandler"}},',
		'    "root": {"handlers": ["console"], "level": _settings.log_level},',
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
