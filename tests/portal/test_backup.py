"""`make backup` and its restore: database and media, on SQLite and on PostgreSQL, into a fresh database."""

import sqlite3
import uuid

import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from initiatieven.models import Idee
from portal.backup import make_backup, read_manifest, restore_backup, row_counts

from ..factories import ActiviteitPageFactory, AgendaPageFactory, WijkFactory


@pytest.fixture
def content(transactional_db, home, settings, tmp_path):
    """Committed content (a backup reads the database from another connection) and one upload."""
    settings.MEDIA_ROOT = tmp_path / "media"
    wijk = WijkFactory(naam="Schalkwijk")
    agenda = AgendaPageFactory(parent=home)
    ActiviteitPageFactory(parent=agenda, title="Koffie-ochtend", wijken=[wijk])
    Idee.objects.create(wijk=wijk, idee="Een buurtmoestuin", naam="Ans", email="ans@example.org")
    default_storage.save("original_images/tulp.jpg", ContentFile(b"\xff\xd8 een foto"))
    return settings.MEDIA_ROOT


@pytest.fixture
def fresh_database(tmp_path):
    """An empty database of the same engine, next to the test database; dropped afterwards."""
    db = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        db["NAME"] = str(tmp_path / "teruggezet.sqlite3")
        sqlite3.connect(db["NAME"]).close()
        yield db
        return
    import psycopg

    db["NAME"] = f"teruggezet_{uuid.uuid4().hex[:8]}"
    admin = {"dbname": "postgres", "host": db["HOST"] or None, "port": db["PORT"] or None, "user": db["USER"]}
    with psycopg.connect(**admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{db["NAME"]}"')
    yield db
    with psycopg.connect(**admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db["NAME"]}" WITH (FORCE)')


def test_restore_into_a_fresh_database_gives_the_same_rows_and_media(content, fresh_database, tmp_path):
    manifest = make_backup(tmp_path / "backup")
    assert manifest["engine"] == connection.vendor
    rows = manifest["rows"]
    assert rows["initiatieven_idee"] == 1 and rows["wagtailcore_page"] >= 4

    assert sum(row_counts(fresh_database).values()) == 0
    restored_media = tmp_path / "media-teruggezet"
    restored = restore_backup(tmp_path / "backup", db=fresh_database, media_root=restored_media)

    assert restored == rows == row_counts(connection.settings_dict)
    assert (restored_media / "original_images" / "tulp.jpg").read_bytes() == b"\xff\xd8 een foto"


def test_restore_puts_back_what_was_deleted_after_the_backup(content, tmp_path):
    call_command("backup", dir=str(tmp_path / "backups"), stdout=open("/dev/null", "w"))  # noqa: SIM115
    [backup] = list((tmp_path / "backups").iterdir())
    Idee.objects.all().delete()
    (content / "original_images" / "tulp.jpg").unlink()

    call_command("restore_backup", str(backup), yes=True, stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert list(Idee.objects.values_list("idee", flat=True)) == ["Een buurtmoestuin"]
    assert (content / "original_images" / "tulp.jpg").exists()
    assert read_manifest(backup)["rows"] == row_counts(connection.settings_dict)


def test_restore_refuses_a_folder_that_is_no_backup_and_changes_nothing(content, tmp_path):
    (tmp_path / "leeg").mkdir()
    with pytest.raises(CommandError, match="geen backup-map"):
        call_command("restore_backup", str(tmp_path / "leeg"), yes=True)
    assert Idee.objects.count() == 1


def test_media_archive_cannot_write_outside_the_media_folder(content, tmp_path):
    import io
    import tarfile

    make_backup(tmp_path / "backup")
    archive = tmp_path / "backup" / "media.tar.gz"
    with tarfile.open(archive, "w:gz") as evil:
        data = b"overwritten"
        info = tarfile.TarInfo("media/../../buiten.txt")
        info.size = len(data)
        evil.addfile(info, io.BytesIO(data))
    with pytest.raises(tarfile.OutsideDestinationError):
        restore_backup(tmp_path / "backup", media_root=tmp_path / "m")
    assert not (tmp_path / "buiten.txt").exists()
