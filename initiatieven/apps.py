from django.apps import AppConfig


class InitiatievenConfig(AppConfig):
    name = "initiatieven"
    verbose_name = "Bewonersinitiatieven en meedoen"

    def ready(self):
        from . import signals  # noqa: F401
