from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Huis van de Wijk"

    def ready(self):
        from . import cache

        cache.connect_signals()
