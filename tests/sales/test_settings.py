"""The embedded database and the secret are configured as the README promises."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection


@pytest.mark.nopg
def test_sqlite_runs_with_wal_and_foreign_keys(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert "journal_mode=WAL" in settings.DATABASES["default"]["OPTIONS"]["init_command"]
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_data_folder_is_outside_the_source_tree():
    from aba.settings import data_dir

    source = Path(__file__).resolve().parents[2]
    assert source not in data_dir().resolve().parents


def test_generated_secret_is_private():
    if os.environ.get("ABA_SECRET_KEY"):
        pytest.skip("secret comes from the environment")
    from aba.settings import data_dir

    mode = stat.S_IMODE((data_dir() / "secret_key").stat().st_mode)
    assert mode == 0o600
    assert len(settings.SECRET_KEY) >= 50


def test_no_secret_is_committed():
    root = Path(__file__).resolve().parents[2]
    assert not (root / "secret_key").exists()
    assert 'SECRET_KEY = "' not in (root / "src/aba/settings.py").read_text()
