"""Settings for the bench scripts: the dev settings on whatever DATABASE_URL points at, without DEBUG,
so templates, query logging and error pages behave as in production."""

from portal.settings.dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
# No collectstatic in a scratch run: WhiteNoise serves nothing here, and templates only build URLs.
STATIC_ROOT = None
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "ERROR"},
}
# bench/agenda.py measures rendering: the page cache (and its cached fragments) would answer instead.
PORTAL_PAGE_CACHE = False
