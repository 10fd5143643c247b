"""Django settings for the fincloud workspace.

Read strictly from the environment with safe defaults (the healthchecks way): the defaults are
for a developer's machine (SQLite, local files, DEBUG off unless asked for); production sets
``FINCLOUD_ENV=production`` and must then provide a secret key and allowed hosts, or start-up
fails rather than running with a guessable secret. See docs/web.md.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from fincloud.web.envutil import env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent
STATE_DIR = Path(os.environ.get("FINCLOUD_STATE_DIR", Path.cwd() / "var")).resolve()

PRODUCTION = os.environ.get("FINCLOUD_ENV", "development") == "production"
DEBUG = env_bool("FINCLOUD_DEBUG", False) and not PRODUCTION

SECRET_KEY = os.environ.get("FINCLOUD_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("FINCLOUD_SECRET_KEY must be set when FINCLOUD_ENV=production")
    # Development only: a per-checkout random key kept outside the repository.
    from fincloud.web.envutil import dev_secret

    SECRET_KEY = dev_secret(STATE_DIR)

ALLOWED_HOSTS = env_list("FINCLOUD_ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("FINCLOUD_ALLOWED_HOSTS must be set when FINCLOUD_ENV=production")
CSRF_TRUSTED_ORIGINS = env_list("FINCLOUD_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "ninja",  # serves Swagger UI from our own static files, so /api/docs works under the CSP
    "fincloud.web.accounts",
    "fincloud.web.audit",
    "fincloud.web.workspace",
    "fincloud.web.evaluations",
    "fincloud.web.committee",
    "fincloud.web.contracts",
    "fincloud.web.reports",
    "fincloud.web.exits",
    "fincloud.web.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "fincloud.web.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "fincloud.web.middleware.SessionIdleRefreshMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "fincloud.web.urls"
WSGI_APPLICATION = "fincloud.web.wsgi.application"

TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [BASE_DIR / "templates"],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.template.context_processors.i18n",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
        "fincloud.web.accounts.context.role",
    ]},
}]

DATABASES = {"default": dj_database_url.parse(
    os.environ.get("DATABASE_URL", f"sqlite:///{STATE_DIR / 'fincloud.sqlite3'}"),
    conn_max_age=env_int("FINCLOUD_DB_CONN_MAX_AGE", 60),
)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL + a busy timeout: several readers with one writer without "database is locked" errors.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE",
         "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Per-process cache of rendered aggregates. Entries are keyed by the workspace revision and day, so a
# process never serves a stale value after a change made by another process.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fincloud",
                      "OPTIONS": {"MAX_ENTRIES": 5000}}}

AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login throttling (django-axes): 5 failures lock the username+address pair for 30 minutes.
AXES_FAILURE_LIMIT = env_int("FINCLOUD_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"

# Sessions expire after 8 idle hours (a working day; refreshed at most every 5 minutes of activity) and
# when the browser closes.
SESSION_COOKIE_AGE = env_int("FINCLOUD_SESSION_SECONDS", 8 * 3600)
SESSION_SAVE_EVERY_REQUEST = False  # see fincloud.web.middleware.SessionIdleRefreshMiddleware
FINCLOUD_SESSION_REFRESH_SECONDS = env_int("FINCLOUD_SESSION_REFRESH_SECONDS", 300)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE = PRODUCTION or env_bool("FINCLOUD_SECURE_COOKIES", False)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = PRODUCTION and env_bool("FINCLOUD_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_HSTS_SECONDS = 31536000 if PRODUCTION else 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy: only our own scripts and styles; htmx is served from our static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", "한국어"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Production serves collected files (collectstatic → STATIC_ROOT) through whitenoise; elsewhere whitenoise
# serves straight from the apps' static folders, so `make run` needs no collectstatic and no DEBUG.
STATIC_ROOT = Path(os.environ.get("FINCLOUD_STATIC_ROOT", STATE_DIR / "static")) if PRODUCTION else None
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION
MEDIA_ROOT = STATE_DIR / "media"

# Evidence and documents go through Django's storage API: local folder by default, S3-compatible
# object storage (django-storages; install the `s3` extra) when FINCLOUD_S3_BUCKET is set.
_default_storage: dict = {"BACKEND": "django.core.files.storage.FileSystemStorage",
                          "OPTIONS": {"location": str(MEDIA_ROOT), "base_url": None}}
if os.environ.get("FINCLOUD_S3_BUCKET"):
    _default_storage = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": os.environ["FINCLOUD_S3_BUCKET"],
        "endpoint_url": os.environ.get("FINCLOUD_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("FINCLOUD_S3_REGION") or None,
        "default_acl": None, "querystring_auth": True, "file_overwrite": False,
    }}
STORAGES = {
    "default": _default_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage" if PRODUCTION
                    else "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: refuse anything larger than this (bytes) before it reaches a view.
FINCLOUD_UPLOAD_MAX_BYTES = env_int("FINCLOUD_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = FINCLOUD_UPLOAD_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

EMAIL_BACKEND = os.environ.get(
    "FINCLOUD_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("FINCLOUD_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("FINCLOUD_EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = os.environ.get("FINCLOUD_EMAIL_FROM", "fincloud@localhost")

# The day decisions are made for; unset = today (Asia/Seoul). Tests and demos pin it.
FINCLOUD_AS_OF = os.environ.get("FINCLOUD_AS_OF") or None
# Secret for the questionnaire files' keyed hash (망분리 round trip); defaults to SECRET_KEY.
FINCLOUD_QUESTIONNAIRE_SECRET = os.environ.get("FINCLOUD_QUESTIONNAIRE_SECRET", SECRET_KEY)

LOGGING = {
    "version": 1, "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("FINCLOUD_LOG_LEVEL", "WARNING")},
}
