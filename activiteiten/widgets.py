from recurrence.forms import RecurrenceWidget as BaseRecurrenceWidget

from django import forms
from django.urls import reverse


class RecurrenceWidget(BaseRecurrenceWidget):
    """django-recurrence's widget with its JavaScript translation catalog loaded first, so the labels in
    the Wagtail editor are Dutch. (The package's own catalog lookup only knows the old function view.)"""

    @property
    def media(self):
        base = super().get_media()
        return forms.Media(js=[reverse("recurrence-jsi18n"), *base._js], css=base._css)
