"""Backup and restore of the database and the uploaded media, on SQLite and on PostgreSQL.

A backup is one folder with three files:

- ``database.sqlite3`` (SQLite's online backup: consistent while the site runs, WAL included) or
  ``database.pgdump`` (``pg_dump --format=custom``);
- ``media.tar.gz``: everything under ``MEDIA_ROOT`` (images, documents, submitted photos);
- ``manifest.json``: when, which engine, and the row count per table, so a restore can be checked.
"""

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connections

DB_SQLITE = "database.sqlite3"
DB_PGDUMP = "database.pgdump"
MEDIA = "media.tar.gz"
MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


def _engine(db):
    engine = db["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(f"Geen backup voor database {engine}.")


def _tables_sql(engine):
    if engine == "sqlite":
        return "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    return "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"


def _raw_connection(db):
    if _engine(db) == "sqlite":
        return sqlite3.connect(db["NAME"])
    import psycopg

    return psycopg.connect(
        dbname=db["NAME"],
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
    )


def row_counts(db):
    """Rows per table of the database described by the settings dict ``db``, read on a connection of
    its own (so a restored database is counted as it is on disk)."""
    connection = _raw_connection(db)
    try:
        cursor = connection.cursor()
        cursor.execute(_tables_sql(_engine(db)))
        tables = [row[0] for row in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 (names from the catalogue)
            counts[table] = cursor.fetchone()[0]
        return counts
    finally:
        connection.close()


def _pg_env(db):
    env = {**os.environ}
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[var] = str(db[key])
    return env


def pg_binary(name):
    """``pg_dump``/``pg_restore`` from PATH, or from Debian's versioned folder, newest first."""
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / name).exists():
            return str(folder / name)
    raise BackupError(f"{name} ontbreekt: installeer postgresql-client.")


def make_backup(target_dir, db=None, media_root=None):
    """Write a backup of the database ``db`` (a settings dict; default: the site's) and of
    ``media_root`` into ``target_dir`` (created), and return its manifest."""
    db = db or connections["default"].settings_dict
    target = Path(target_dir)
    target.mkdir(parents=True, exist_ok=False)
    engine = _engine(db)
    if engine == "sqlite":
        source = sqlite3.connect(db["NAME"])
        copy = sqlite3.connect(target / DB_SQLITE)
        try:
            source.backup(copy)  # SQLite's online backup: a consistent copy while others write
        finally:
            copy.close()
            source.close()
        database_file = DB_SQLITE
    else:
        subprocess.run(  # noqa: S603
            [pg_binary("pg_dump"), "-Fc", "--no-owner", "-f", str(target / DB_PGDUMP), db["NAME"]],
            env=_pg_env(db),
            check=True,
            capture_output=True,
        )
        database_file = DB_PGDUMP
    media_root = Path(media_root or settings.MEDIA_ROOT)
    with tarfile.open(target / MEDIA, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname="media")
    manifest = {
        "made_at": dt.datetime.now(dt.UTC).isoformat(),
        "engine": engine,
        "database": database_file,
        "media": MEDIA,
        "rows": row_counts(db),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


def read_manifest(backup_dir):
    path = Path(backup_dir) / MANIFEST
    if not path.exists():
        raise BackupError(f"{path} ontbreekt: dit is geen backup-map.")
    return json.loads(path.read_text())


def restore_backup(backup_dir, db=None, media_root=None):
    """Put a backup into the database ``db`` (a settings dict; default: the site's), replacing what is
    there, and unpack the media into ``media_root``. Returns the row counts after the restore."""
    db = db or connections["default"].settings_dict
    source = Path(backup_dir)
    manifest = read_manifest(source)
    if manifest["engine"] != _engine(db):
        raise BackupError(f"Deze backup is van {manifest['engine']}, de database is {_engine(db)}.")
    connections.close_all()
    if manifest["engine"] == "sqlite":
        backup = sqlite3.connect(source / DB_SQLITE)
        target = sqlite3.connect(db["NAME"])
        try:
            backup.backup(target)
        finally:
            target.close()
            backup.close()
    else:
        subprocess.run(  # noqa: S603
            [
                pg_binary("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--dbname",
                db["NAME"],
                str(source / DB_PGDUMP),
            ],
            env=_pg_env(db),
            check=True,
            capture_output=True,
        )
    media_root = Path(media_root or settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / MEDIA, "r:gz") as archive:
        for member in archive.getmembers():
            if not member.name.startswith("media/") or not (member.isfile() or member.isdir()):
                continue  # only regular files and folders under media/, nothing outside it
            member.name = member.name[len("media/") :]
            archive.extract(member, media_root, filter="data")
    return row_counts(db)
