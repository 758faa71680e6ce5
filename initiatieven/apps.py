from django.apps import AppConfig


class InitiatievenConfig(AppConfig):
    name = "initiatieven"
    verbose_name = "Bewonersinitiatieven en meedoen"

    def ready(self):
        from .meedoen import receivers  # noqa: F401  (tells residents what happened to their contribution)
