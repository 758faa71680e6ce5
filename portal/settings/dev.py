from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret-huis-van-de-wijk"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
PORTAL_DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"  # behind the outbox
DEMO_USERS_ALLOWED = True
