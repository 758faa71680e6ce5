from django.apps import AppConfig


class ActiviteitenConfig(AppConfig):
    name = "activiteiten"
    verbose_name = "Activiteiten en spreekuren"

    def ready(self):
        from portal import cache

        from . import signals  # noqa: F401
        from .models import Taal, Uitzondering

        # An exception (a cancelled date) or a language's name shows on public pages.
        cache.watch(Taal, Uitzondering)
