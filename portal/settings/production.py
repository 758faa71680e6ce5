"""Production: secrets and hosts come from the environment; the process refuses to start without them."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY ontbreekt: zet de omgevingsvariabele SECRET_KEY.")

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The backend that delivers what the outbox (EMAIL_BACKEND, see base.py) stored.
PORTAL_DELIVERY_EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "") == "1"
EMAIL_TIMEOUT = 10

# TLS ends at the reverse proxy, which passes X-Forwarded-Proto (README, "Running in production").
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Only for a local run of the production stack over plain http (bench/, `make serve`): SECURE_SSL_REDIRECT=0.
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") != "0"
SECURE_HSTS_SECONDS = 31_536_000  # one year
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Allows submitting the domain to the browsers' HSTS preload list; that step itself is the operator's.
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "1") != "0"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True  # Wagtail's admin reads the token from the page, not from the cookie

# Several gunicorn workers must share one cache: the page cache's generation (portal/cache.py) and the
# forms' rate limits. Redis with REDIS_URL; otherwise a file cache that all workers on this machine share.
# Never a per-process memory cache, which would serve a page another worker's publish made stale.
if os.environ.get("REDIS_URL"):
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": alias,
        }
        for alias in ("default", "pages")
    }
else:
    CACHE_DIR = Path(os.environ.get("PORTAL_CACHE_DIR", BASE_DIR / ".cache"))  # noqa: F405
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(CACHE_DIR / "default"),
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(CACHE_DIR / "pages"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# A caching reverse proxy or CDN in front (README, "Caching"): Wagtail purges a page's URLs on publish
# through PURGE requests to PORTAL_FRONTEND_CACHE_URL, and public pages may be kept there for
# PORTAL_PROXY_CACHE_SECONDS (listings such as the agenda are not purged, so keep it short).
PORTAL_PROXY_CACHE_SECONDS = int(os.environ.get("PORTAL_PROXY_CACHE_SECONDS", "0"))
if os.environ.get("PORTAL_FRONTEND_CACHE_URL"):
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]  # noqa: F405
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["PORTAL_FRONTEND_CACHE_URL"],
        }
    }
