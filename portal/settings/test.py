import os
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
# Django's test setup sets locmem as EMAIL_BACKEND anyway; tests of the outbox set OutboxBackend themselves.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PORTAL_DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# TEST_MEDIA_ROOT lets the SQLite and PostgreSQL runs of `make test` run side by side.
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", BASE_DIR / ".test-media"))  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
DEMO_USERS_ALLOWED = True

# SQLite tests use a file, so WAL mode and the live server behave as in the real thing.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # TEST_SQLITE_NAME lets two test runs on one machine use separate files.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get("TEST_SQLITE_NAME", str(BASE_DIR / ".test-db.sqlite3"))  # noqa: F405
    }

# Static files come straight from static/ (no collectstatic in tests).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The page cache is off in tests, except in the tests of the cache itself (tests/portal/test_page_cache.py),
# which turn it on; one memory cache would otherwise carry pages from one test's database into the next.
PORTAL_PAGE_CACHE = False
