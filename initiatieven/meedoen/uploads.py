"""Photos sent by residents: checked by their content, stripped of EXIF (GPS included), kept across
a form that has to be corrected, and stored as a Wagtail image in the "Bewonersbijdragen" collection.
"""

import datetime
import io
import uuid
import warnings

from PIL import Image as PILImage
from PIL import ImageOps

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
PENDING_DIR = "bijdragen-wachtend"
SALT = "initiatieven.foto"
PENDING_MAX_AGE = 24 * 3600


def clean_photo(upload):
    """Validate an uploaded file and return (bytes without metadata, extension). Raises ValidationError."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("Deze foto is te groot. Een foto mag hoogstens 5 MB zijn."))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            upload.seek(0)
            probe = PILImage.open(upload)
            kind = probe.format
            probe.verify()
            upload.seek(0)
            image = PILImage.open(upload)
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("Deze foto heeft te veel pixels. Kies een kleinere foto."))
            image.load()
    except ValidationError:
        raise
    except Exception as error:  # Pillow raises many kinds for a file that is not an image
        raise ValidationError(
            _("Dit bestand is geen foto die we kunnen gebruiken. Kies een JPG-, PNG- of WebP-foto.")
        ) from error
    if kind not in FORMATS:
        raise ValidationError(_("Kies een foto in JPG, PNG of WebP."))

    # Turn the photo upright, then copy only the pixels: EXIF, GPS, XMP and comments stay behind.
    image = ImageOps.exif_transpose(image)
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    clean = PILImage.new(image.mode, image.size)
    clean.paste(image)
    if image.mode == "P" and image.getpalette():
        clean.putpalette(image.getpalette())
    out = io.BytesIO()
    options = {"JPEG": {"quality": 88}, "WEBP": {"quality": 85}}.get(kind, {})
    clean.save(out, format=kind, exif=b"", **options)
    return out.getvalue(), FORMATS[kind]


def keep_pending(data, extension):
    """Store a checked photo while the person fixes other fields; returns a signed reference.
    Photos that were never sent on are removed after a day (the reference expires then too)."""
    purge_pending()
    name = default_storage.save(f"{PENDING_DIR}/{uuid.uuid4().hex}.{extension}", ContentFile(data))
    return signing.dumps(name, salt=SALT)


def load_pending(reference):
    """The (bytes, extension) behind a signed reference, or None."""
    try:
        name = signing.loads(reference, salt=SALT, max_age=PENDING_MAX_AGE)
    except signing.BadSignature:
        return None
    if not name.startswith(PENDING_DIR + "/") or not default_storage.exists(name):
        return None
    with default_storage.open(name) as f:
        return f.read(), name.rsplit(".", 1)[-1]


def purge_pending(max_age=PENDING_MAX_AGE):
    try:
        _dirs, files = default_storage.listdir(PENDING_DIR)
    except (FileNotFoundError, NotImplementedError):
        return
    cutoff = timezone.now() - datetime.timedelta(seconds=max_age)
    for name in files:
        path = f"{PENDING_DIR}/{name}"
        try:
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
        except (FileNotFoundError, NotImplementedError):
            continue


def drop_pending(reference):
    try:
        name = signing.loads(reference, salt=SALT)
    except signing.BadSignature:
        return
    if name.startswith(PENDING_DIR + "/") and default_storage.exists(name):
        default_storage.delete(name)


def store_image(data, extension, title):
    """A Wagtail image in the "Bewonersbijdragen" collection."""
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name="Bewonersbijdragen").first()
    if collection is None:
        collection = root.add_child(name="Bewonersbijdragen")
    Image = get_image_model()
    name = f"bijdrage-{uuid.uuid4().hex[:12]}.{extension}"
    image = Image(title=title[:255], collection=collection, file=ImageFile(io.BytesIO(data), name=name))
    image.save()
    return image
