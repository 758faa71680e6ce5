from django.apps import AppConfig


class InitiatievenConfig(AppConfig):
    name = "initiatieven"
    verbose_name = "Bewonersinitiatieven en meedoen"
