"""Private edit links: a signed token that names one submission and its page, valid for one year.

The link is /meedoen/bewerken/<page id>/<token>/. A token only opens the page it was made for; an old or
changed token is refused and the person can ask for a new link by e-mail.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "initiatieven.bewerklink"
MAX_AGE = datetime.timedelta(days=365)


class TokenError(Exception):
    """The reason is shown to the person: 'verlopen' (expired) or 'ongeldig' (anything else)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def make_token(bijdrage):
    return signing.dumps({"b": bijdrage.pk, "p": bijdrage.page_id}, salt=SALT, compress=True)


def read_token(token, page_id):
    """The Bijdrage the token is for, if it is genuine, not expired and for this page."""
    from initiatieven.models import Bijdrage

    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise TokenError("verlopen") from error
    except signing.BadSignature as error:
        raise TokenError("ongeldig") from error
    if not isinstance(data, dict) or data.get("p") != page_id:
        raise TokenError("ongeldig")
    bijdrage = Bijdrage.objects.filter(pk=data.get("b"), page_id=page_id).select_related("page").first()
    if bijdrage is None or not bijdrage.email:  # erased (AVG): the link no longer works
        raise TokenError("ongeldig")
    return bijdrage


def edit_path(bijdrage):
    return reverse("initiatieven:bewerken", args=[bijdrage.page_id, make_token(bijdrage)])


def absolute(path, request=None):
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def edit_url(bijdrage, request=None):
    return absolute(edit_path(bijdrage), request)
