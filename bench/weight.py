"""Front-end weight: what a first view of the main pages costs a phone, in requests, bytes and JS.

    .venv/bin/python bench/weight.py [--n 500] [--base http://127.0.0.1:8000]

Without ``--base`` it builds and starts the production server exactly as ``bench/serve.py`` does (scratch
SQLite database, N bulk activities plus the demo content, collectstatic, gunicorn with the production
settings; uploads under /media/ served as a reverse proxy would). With ``--base`` it measures a server that
is already running, e.g. ``make serve`` after ``make run``'s setup, and finds the pages through the links on
the home page.

Each page is loaded in headless Debian chromium (Playwright, never ``playwright install``) in a fresh browser
context, so nothing is cached: a first view. Two profiles: a phone (390 x 844, device pixel ratio 2) and a
desktop (1280 x 800). After the ``load`` event and a quiet network it counts:

- ``requests``: every request the page made (the document, CSS, the icon sprite, JS, images that load);
- ``transfer KB``: bytes over the wire, headers included, as chromium reports them (``request.sizes()``);
- ``gzip KB``: the same with every text response that came uncompressed gzipped at level 6, which is what a
  compressing reverse proxy in front of gunicorn sends (whitenoise already serves CSS and JS compressed);
- ``JS``: script files and their bytes, and any known JS framework in them (React, Vue, Angular, jQuery,
  Alpine, htmx, Svelte); the site should have none and only a little JS, as enhancement;
- ``images``: ``<img>`` elements without ``width``/``height``, not WebP, or without ``srcset``
  (not responsive).

Flags (``!``) mark what is above the issue's budget for a first view: 150 KB compressed and 20 requests
(the budget is the home page's and the agenda's; the other pages are shown against it too). Figures only:
the exit status is 0 unless a page does not answer 200.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BUDGET_KB = 150
BUDGET_REQUESTS = 20
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PROFILES = {
    "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1},
}
TEXT_TYPES = re.compile(r"text/|javascript|json|xml|svg")
FRAMEWORKS = {
    "React": re.compile(r"react(-dom)?(\.production)?(\.min)?\.js|__REACT_DEVTOOLS", re.I),
    "Vue": re.compile(r"\bvue(\.runtime)?(\.global)?(\.min)?\.js|__VUE__", re.I),
    "Angular": re.compile(r"angular(\.min)?\.js|ng-version", re.I),
    "jQuery": re.compile(r"jquery[\w.-]*\.js|jQuery\.fn", re.I),
    "Alpine": re.compile(r"alpine(\.min)?\.js|x-data", re.I),
    "htmx": re.compile(r"htmx(\.min)?\.js|htmx\.org", re.I),
    "Svelte": re.compile(r"svelte", re.I),
}
IMAGES_JS = """() => Array.from(document.images).map(img => ({
  src: img.currentSrc || img.src,
  width: img.getAttribute("width"),
  height: img.getAttribute("height"),
  srcset: img.getAttribute("srcset") || (img.parentElement && img.parentElement.tagName === "PICTURE"
    ? Array.from(img.parentElement.querySelectorAll("source")).map(s => s.srcset).join(",") : ""),
}))"""


def pages_from_build(build):
    pages = [
        ("home", "/"),
        ("agenda", "/agenda/"),
        ("detail", build["detail"]),
        ("wijk", build.get("wijk")),
        ("finder", "/verwijzen/"),
        ("initiatieven", build.get("initiatieven")),
        ("initiatief", build.get("initiatief")),
    ]
    return [(name, path) for name, path in pages if path]


def pages_from_links(base):
    """For a running server: the agenda, one activity, one wijk and the initiatives, found by their links."""
    import requests

    html = requests.get(base + "/", timeout=30).text
    links = re.findall(r'href="(/[^"#?]*)"', html)

    def first(pattern):
        return next((link for link in links if re.fullmatch(pattern, link)), None)

    agenda = requests.get(base + "/agenda/", timeout=30).text
    detail = next(iter(re.findall(r'href="(/agenda/[^"/]+/)"', agenda)), None)
    initiatieven = first(r"/initiatieven/")
    initiatief = None
    if initiatieven:
        index = requests.get(base + initiatieven, timeout=30).text
        initiatief = next(iter(re.findall(r'href="(/initiatieven/[^"/]+/)"', index)), None)
    return pages_from_build(
        {
            "detail": detail,
            "wijk": first(r"/wijken/[^/]+/"),
            "initiatieven": initiatieven,
            "initiatief": initiatief,
        }
    )


def measure(browser, base, path, profile):
    context = browser.new_context(**PROFILES[profile])
    page = context.new_page()
    finished, failed = [], []
    page.on("requestfinished", lambda request: finished.append(request))
    page.on("requestfailed", lambda request: failed.append(request))
    response = page.goto(base + path, wait_until="load")
    status = response.status if response else None
    page.wait_for_load_state("networkidle")
    images = page.evaluate(IMAGES_JS)
    result = {"status": status, "requests": len(finished) + len(failed), "failed": len(failed)}
    transfer = compressed = 0
    scripts, types = [], {}
    for request in finished:
        sizes = request.sizes()
        headers = sizes["responseHeadersSize"]
        body = sizes["responseBodySize"]
        transfer += headers + body
        answer = request.response()
        kind = (answer.header_value("content-type") or "") if answer else ""
        encoded = answer and answer.header_value("content-encoding")
        content = b""
        if answer and (request.resource_type == "script" or (TEXT_TYPES.search(kind) and not encoded)):
            try:
                content = answer.body()
            except Exception:  # a redirect or an empty answer has no body to read
                content = b""
        if TEXT_TYPES.search(kind) and not encoded and content:
            body = min(body, len(gzip.compress(content, 6)))
        compressed += headers + body
        types[request.resource_type] = types.get(request.resource_type, 0) + 1
        if request.resource_type == "script":
            scripts.append((request.url, body, content.decode("utf-8", "replace")))
    result.update(transfer=transfer, compressed=compressed, types=types)
    result["js_files"] = len(scripts)
    result["js_bytes"] = sum(size for _url, size, _text in scripts)
    result["js"] = [(urlsplit(url).path, size) for url, size, _text in scripts]
    result["frameworks"] = sorted(
        {
            name
            for name, pattern in FRAMEWORKS.items()
            for url, _size, text in scripts
            if pattern.search(url + text)
        }
    )
    problems = []
    for img in images:
        name = urlsplit(urljoin(base, img["src"])).path.rsplit("/", 1)[-1] or img["src"][:40]
        missing = [what for what in ("width", "height") if not img[what]]
        if missing:
            problems.append(f"{name}: no {'/'.join(missing)}")
        if not re.search(r"\.webp($|\?)", img["src"]) and not img["src"].startswith("data:image/webp"):
            problems.append(f"{name}: not WebP")
        if not img["srcset"]:
            problems.append(f"{name}: no srcset")
    result["images"] = len(images)
    result["image_problems"] = problems
    context.close()
    return result


def kb(n):
    return n / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--n", type=int, default=500, help="bulk activities for the scratch server (default 500)"
    )
    parser.add_argument("--base", help="measure a running server instead, e.g. http://127.0.0.1:8000")
    parser.add_argument("--keep", action="store_true", help="keep the scratch server's temporary directory")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install -y chromium (never `playwright install`).")

    portal = None
    if args.base:
        base = args.base.rstrip("/")
        pages = pages_from_links(base)
    else:
        from bench.serve import Portal

        portal = Portal(args.n, keep=args.keep).__enter__()
        base = portal.base
        pages = pages_from_build(portal.build)
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for profile in PROFILES:
                for name, path in pages:
                    rows.append((profile, name, path, measure(browser, base, path, profile)))
            browser.close()
    finally:
        if portal is not None:
            portal.__exit__(None, None, None)

    print()
    print(
        f"First view, fresh browser context (no cache); budget {BUDGET_KB} KB compressed and "
        f"{BUDGET_REQUESTS} requests; ! = over budget"
    )
    header = (
        f"  {'profile':<8} {'page':<13} {'status':>6} {'requests':>9} {'transfer KB':>12} {'gzip KB':>8} "
        f"{'JS files':>8} {'JS KB':>6} {'images':>6} {'image problems':>14}  framework"
    )
    print(header)
    print("  " + "-" * (len(header) - 2))
    failed = False
    for profile, name, _path, r in rows:
        failed |= r["status"] != 200
        over_kb = "!" if kb(r["compressed"]) > BUDGET_KB else " "
        over_n = "!" if r["requests"] > BUDGET_REQUESTS else " "
        print(
            f"  {profile:<8} {name:<13} {r['status'] or '-':>6} {r['requests']:>8}{over_n} "
            f"{kb(r['transfer']):12.1f} {kb(r['compressed']):7.1f}{over_kb} {r['js_files']:>8} "
            f"{kb(r['js_bytes']):6.1f} {r['images']:>6} {len(r['image_problems']):>14}  "
            f"{', '.join(r['frameworks']) or 'none'}"
        )
    print()
    print("Pages:", ", ".join(f"{name} {path}" for name, path in pages))
    scripts = sorted({(path, size) for _p, _n, _path, r in rows for path, size in r["js"]})
    print("JS files:", ", ".join(f"{path} ({size / 1024:.1f} KB)" for path, size in scripts) or "none")
    problems = sorted({p for _p, _n, _path, r in rows for p in r["image_problems"]})
    print(f"Image problems ({len(problems)}):")
    for problem in problems[:30]:
        print(f"  {problem}")
    if not problems:
        print("  none: every <img> is WebP, has width and height, and a srcset")
    kinds = sorted({k for _p, _n, _path, r in rows for k in r["types"]})
    print("Requests by type (phone):")
    for _profile, name, _path, r in (row for row in rows if row[0] == "phone"):
        print(f"  {name:<13} " + ", ".join(f"{k} {r['types'].get(k, 0)}" for k in kinds if r["types"].get(k)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
