"""Every address of the demo answers as it did before the code was moved into its layers (issue 19).

``urls_recorded.txt`` beside this module lists the demo's public pages in every language, the forms,
the finder and slips, the iCal feeds, the HSDS API and the admin's screens as the demo's admin sees
them, each with the status code it gave when it was recorded. The test asks each of them again and
compares. A new address is not in the list and does not matter; an address that moved, vanished or
now fails does.

To record the list again (only when an address is meant to change):
``RECORD_URLS=1 make test-fast PYTEST_ARGS=tests/test_urls_answer.py``. Recording crawls: it
follows every link from the home pages, the HSDS API's lists and the admin's dashboard, visiting at
most a few addresses per shape (digits and query strings aside), so the list stays a few hundred long.
"""

import json
import os
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest

from django.contrib.auth import get_user_model

from wagtail.models import Page

RECORDED = Path(__file__).with_name("urls_recorded.txt")
RECORD = os.environ.get("RECORD_URLS") == "1"

# Addresses whose answer depends on the day the demo was loaded or that act on a GET.
SKIP = re.compile(
    r"/admin/logout/|/admin/login/|/ical/activiteit/\d+/\d+\.ics|/\d{4}-\d{2}-\d{2}|[?&](datum|van|tot|week|maand)="
    r"|/meedoen/bewerken/|/admin/password_reset/|/documenten/|/media/|/static/"
)
ADMIN_IN_JSON = re.compile(r'"url": "(/admin/[^"\\<>\s]*)"')
PER_SHAPE = {"public": 3, "hsds": 3, "admin": 2}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def _shape(url):
    path = urlsplit(url).path
    return re.sub(r"\d+", "N", path)


def _links(response):
    kind = response.get("Content-Type", "")
    if "html" not in kind:
        return []
    parser = _Links()
    parser.feed(response.content.decode("utf-8", "replace"))
    found = []
    for href in parser.links:
        href = urldefrag(href)[0]
        parts = urlsplit(href)
        if parts.scheme not in ("", "http") or (parts.netloc and parts.netloc != "testserver"):
            continue
        if not parts.path.startswith("/"):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    # The admin's menu is in the sidebar's JSON, not in links.
    found += ADMIN_IN_JSON.findall(response.content.decode("utf-8", "replace"))
    return found


def _crawl(client, starts, area, inside):
    """Visit ``starts`` and what they link to; of the linked addresses, a few per shape."""
    seen, shapes, answers, lists = set(), Counter(), [], {}
    queue = list(starts)
    while queue:
        url = queue.pop(0)
        if url in seen or SKIP.search(url) or not inside(url):
            continue
        seen.add(url)
        shape = _shape(url) + ("?" if "?" in url else "")
        if url not in starts and shapes[shape] >= PER_SHAPE[area]:
            continue
        shapes[shape] += 1
        response = client.get(_resolve(url, lists))
        answers.append((area, url, response.status_code))
        queue.extend(_links(response))
        if area == "hsds":
            lists[url] = response
            queue.extend(f"{url}/{{{n}}}" for n in range(len(_items(response))))
    return answers


def _items(response, first=2):
    """The ids of the first items of an HSDS list: random UUIDs, so the list file names them by place."""
    if response.status_code != 200 or "json" not in response.get("Content-Type", ""):
        return []
    body = json.loads(response.content)
    contents = body.get("contents") if isinstance(body, dict) else None
    return [item["id"] for item in (contents or [])[:first] if isinstance(item, dict) and item.get("id")]


def _resolve(url, lists):
    """``/api/hsds/services/{0}``: the first service of the list ``/api/hsds/services`` as it is now."""
    match = re.fullmatch(r"(.+)/\{(\d+)\}", url)
    if not match:
        return url
    ids = _items(lists[match[1]])
    return f"{match[1]}/{ids[int(match[2])]}" if int(match[2]) < len(ids) else f"{match[1]}/ontbreekt"


def _record(client):
    from django.conf import settings

    languages = [code for code, _name in settings.LANGUAGES]
    public = ["/"] + [f"/{code}/" for code in languages if code != settings.LANGUAGE_CODE]
    public += [
        "/zoeken/?q=taal",
        "/verwijzen/",
        "/meedoen/idee/",
        "/meedoen/talent/",
        "/meedoen/activiteit/",
        "/meedoen/initiatief/",
        "/meedoen/nieuwe-link/",
        "/meedoen/bedankt/",
        "/meedoen/ontvangen/",
        "/ical/agenda.ics",
        "/sitemap.xml",
        "/.well-known/security.txt",
        "/bestaat-niet/",
    ]
    answers = _crawl(client, public, "public", lambda u: not u.startswith(("/admin/", "/api/")))
    hsds = ["/api/hsds/", "/api/hsds/profile"] + [
        f"/api/hsds/{kind}"
        for kind in ("services", "organizations", "locations", "taxonomies", "taxonomy_terms")
    ]
    answers += _crawl(client, hsds, "hsds", lambda u: u.startswith("/api/hsds/"))
    client.force_login(get_user_model().objects.get(username="admin"))
    # Every page type's edit and add screens, and its history.
    admin = ["/admin/"]
    firsts = {}
    for page in Page.objects.filter(depth__gt=1).order_by("path").select_related("content_type"):
        firsts.setdefault(page.content_type_id, page)
    for page in firsts.values():
        ct = page.content_type
        admin += [f"/admin/pages/{page.pk}/edit/", f"/admin/pages/{page.pk}/history/"]
        admin.append(f"/admin/pages/add/{ct.app_label}/{ct.model}/{page.get_parent().pk}/")
    answers += _crawl(client, admin, "admin", lambda u: u.startswith("/admin/"))
    return answers


def _read():
    rows = []
    for line in RECORDED.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            area, status, url = line.split(" ", 2)
            rows.append((area, url, int(status)))
    return rows


@pytest.mark.skipif(not RECORD, reason="RECORD_URLS=1 records the list again")
def test_record_the_addresses(demo, client):
    answers = _record(client)
    lines = ["# area status url: recorded by tests/test_urls_answer.py (RECORD_URLS=1)"]
    lines += [f"{area} {status} {url}" for area, url, status in answers]
    RECORDED.write_text("\n".join(lines) + "\n")


@pytest.mark.skipif(RECORD, reason="recording")
@pytest.mark.parametrize("area", ["public", "hsds", "admin"])
def test_every_recorded_address_answers_as_before(demo, client, area):
    recorded = [(url, status) for where, url, status in _read() if where == area]
    assert len(recorded) >= {"public": 600, "hsds": 15, "admin": 400}[area]
    if area == "admin":
        client.force_login(get_user_model().objects.get(username="admin"))
    lists, changed = {}, []
    for url, status in recorded:
        response = client.get(_resolve(url, lists))
        lists[url] = response
        if response.status_code != status:
            changed.append(f"{url}: {status} -> {response.status_code}")
    assert changed == []
