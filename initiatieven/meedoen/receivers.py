"""Tell residents what happened to their contribution: approved (published) or rejected with a comment."""

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from wagtail.signals import page_published, workflow_rejected

from ..models import Bijdrage


@receiver(page_published)
def tell_resident_published(sender, instance, **kwargs):
    """However it was published (the workflow's approve, or an editor's publish button), a pending
    contribution is now approved and its sender gets an e-mail."""
    from . import emails

    pending = list(Bijdrage.objects.filter(page_id=instance.pk, status="wacht").values_list("pk", flat=True))
    if not pending:
        return
    Bijdrage.objects.filter(pk__in=pending).update(status="goedgekeurd", beoordeeld_op=timezone.now())
    for pk in pending:
        transaction.on_commit(lambda pk=pk: emails.send_approved(pk))


@receiver(workflow_rejected)
def tell_resident_rejected(sender, instance, user=None, **kwargs):
    from . import emails

    task_state = instance.current_task_state
    comment = (task_state.specific.get_comment() if task_state else "") or ""
    pending = list(
        Bijdrage.objects.filter(page_id=instance.object_id, status="wacht").values_list("pk", flat=True)
    )
    Bijdrage.objects.filter(pk__in=pending).update(
        status="afgewezen", beoordeeld_op=timezone.now(), opmerking_redactie=comment
    )
    for pk in pending:
        transaction.on_commit(lambda pk=pk: emails.send_rejected(pk, comment))
