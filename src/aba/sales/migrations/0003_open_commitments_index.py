"""A partial index on the open commitments, which the pipeline review reads whole
(aba.sales.queries.review): overdue and pending customer commitments and the open-commitment
lists. Open commitments are a few percent of all (most are kept or missed), so the index is
small and its scan replaces walking every call's commitments.

Plain SQL that SQLite (>= 3.8) and PostgreSQL both accept, like 0002.
"""

from django.db import migrations

NAME = "sales_commitment_open_idx"


class Migration(migrations.Migration):
    dependencies = [("sales", "0002_review_indexes")]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {NAME} ON sales_commitment (call_id, party, due) "
            "WHERE status = 'open'",
            reverse_sql=f"DROP INDEX IF EXISTS {NAME}",
        )
    ]
