from django.apps import AppConfig


class ActiviteitenConfig(AppConfig):
    name = "activiteiten"
    verbose_name = "Activiteiten en spreekuren"

    def ready(self):
        from . import signals  # noqa: F401
