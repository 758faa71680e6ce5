from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Huis van de Wijk"

    def ready(self):
        from django.db.models.signals import post_save

        from . import cache
        from .models import Doelgroep, Thema

        cache.connect_signals()
        for model in (Thema, Doelgroep):
            post_save.connect(reindex_tagged_pages, sender=model, dispatch_uid=f"reindex-{model.__name__}")


def reindex_tagged_pages(sender, instance, raw=False, **kwargs):
    """The pages tagged with a thema or doelgroep carry its names (in every language) in their search
    index, so a renamed or newly translated tag is found at once: each tagged page is indexed again
    after the commit (Wagtail's own index task, in the background when a task worker runs)."""
    if raw:
        return
    from modelsearch.tasks import insert_or_update_object_task

    from django.db import transaction

    def reindex():
        for related in ("agenda_items", "initiatieven"):
            manager = getattr(instance, related, None)
            if manager is None:
                continue
            for pk in manager.values_list("pk", flat=True):
                insert_or_update_object_task.enqueue(
                    manager.model._meta.app_label, manager.model._meta.model_name, str(pk)
                )

    transaction.on_commit(reindex)
