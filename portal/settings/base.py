"""Settings shared by every environment. See dev.py, production.py and test.py."""

import datetime as dt
import os
from pathlib import Path

import dj_database_url

from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "portal",
    "home",
    "activiteiten",
    "initiatieven",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "recurrence",
    "django.contrib.admin",  # static files only (jQuery for django-recurrence's widget); no URLs
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

# django-axes first: it refuses a login while the username and IP pair is locked out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.cache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.middleware.BadInputMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# Database: DATABASE_URL selects the engine (PostgreSQL in production). The embedded default is
# SQLite in WAL mode with IMMEDIATE transactions, so concurrent writers queue instead of failing.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Dutch first, without a URL prefix; the other languages under /en/, /tr/ ...
LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("pl", "Polski"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
# Recurrence rules are local calendar rules (Europe/Amsterdam wall-clock); activiteiten.recurrence
# places each date's time slots in that zone. Keep django-recurrence's datetimes naive.
RECURRENCE_USE_TZ = False
WAGTAIL_DATE_FORMAT = "%d-%m-%Y"
WAGTAIL_DATETIME_FORMAT = "%d-%m-%Y %H:%M"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Huis van de Wijk"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # Used on PostgreSQL: Dutch stemming and stop words. SQLite uses its FTS5 index.
        "SEARCH_CONFIG": "dutch",
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no requests to third parties, also not from the admin
WAGTAIL_MODERATION_ENABLED = True

# Demo users (load_demo) are only created where a settings module allows it; never in production.
DEMO_USERS_ALLOWED = False

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Huis van de Wijk <noreply@huisvandewijk.nl>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Caches. "pages" holds anonymous page renders (portal/cache.py). In one process (runserver, tests) the
# local memory cache is correct; production shares a file cache or Redis between its workers.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal-default"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal-pages",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
PORTAL_PAGE_CACHE = os.environ.get("PORTAL_PAGE_CACHE", "1") != "0"
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "300"))

# Every e-mail, Wagtail's notices included, is stored in the outbox first and then delivered with
# PORTAL_DELIVERY_EMAIL_BACKEND, so a mail server that is down loses nothing (portal/mail.py).
EMAIL_BACKEND = "portal.mail.OutboxBackend"
PORTAL_DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

LOGIN_URL = "wagtailadmin_login"

# Security headers, in every environment so that the tests see what production sends. The public site
# runs no inline script and loads nothing from elsewhere. Wagtail's admin is left out: its editor uses
# inline scripts and styles of its own. Sharing by WhatsApp or e-mail redirects there after a POST.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'", "https://wa.me", "mailto:"],
    },
}
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
}
X_FRAME_OPTIONS = "DENY"
# /.well-known/security.txt: where to report a vulnerability (an e-mail address or an https URL).
PORTAL_SECURITY_CONTACT = os.environ.get("PORTAL_SECURITY_CONTACT", "mailto:security@huisvandewijk.nl")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Labels used in templates and forms.
PORTAL_TAGLINE = _("Alles wat er te doen is in jouw wijk, op één plek.")

# Public forms (portal.spam): a person needs at least this long to fill in a form; bots do not.
PORTAL_FORM_MIN_SECONDS = 3
PORTAL_RATE_LIMIT = 5  # POSTs per IP per form in 10 minutes; the next one gets a friendly 429 page
# Behind a reverse proxy, the header that holds the visitor's address (e.g. "HTTP_X_REAL_IP").
PORTAL_CLIENT_IP_HEADER = os.environ.get("PORTAL_CLIENT_IP_HEADER", "")
# Admin login: after 5 failed attempts for one username from one address, that pair waits 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
AXES_USE_ATTEMPT_EXPIRATION = True  # a failure older than the cool-off no longer counts
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "portal/login_geblokkeerd.html"
AXES_CLIENT_IP_CALLABLE = "portal.spam.client_ip"  # honours PORTAL_CLIENT_IP_HEADER behind a proxy
AXES_DISABLE_ACCESS_LOG = True  # keep no record of successful logins
AXES_VERBOSE = False  # no usernames or addresses in the log

# AVG: months after an idea or talent is closed before its contact details are erased.
PORTAL_BEWAARTERMIJN_MAANDEN = 12
