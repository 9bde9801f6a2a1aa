"""Start Django for a CLI command and bring the database schema up to date on first use."""

from __future__ import annotations

import os
from functools import cache


@cache
def django(migrate: bool = True) -> None:
    """Configure Django once per process; migrate when the schema is behind (cheap when not)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aba.settings")
    import django as _django

    _django.setup()
    if migrate:
        migrate_if_needed()


def migrate_if_needed(verbosity: int = 0) -> bool:
    """Apply pending migrations; returns whether any were applied."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if not plan:
        return False
    call_command("migrate", interactive=False, verbosity=verbosity)
    return True
