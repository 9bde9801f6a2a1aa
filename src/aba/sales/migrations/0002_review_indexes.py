"""Indexes the pipeline review's set-based query seeks on (aba.sales.queries.review).

Plain SQL that SQLite and PostgreSQL both accept, kept out of the models' Meta so the review's
access paths are documented in one place with the query that needs them.
"""

from django.db import migrations

INDEXES = {
    # The last and second-to-last call, the last advance, and the last call's outcome, stall,
    # ask and value, read from the index alone: a call's row also holds its notes and aba's
    # reading, kilobytes that a table lookup would drag through overflow pages for each deal.
    "sales_call_review_idx": (
        'sales_call (opportunity_id, "when", id, outcome, stall, asked, value_given)'
    ),
    # The last call's commitments by party, and open customer commitments by due date.
    "sales_commitment_review_idx": "sales_commitment (call_id, party, status, due, vague)",
}


class Migration(migrations.Migration):
    dependencies = [("sales", "0001_initial")]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {name} ON {target}",
            reverse_sql=f"DROP INDEX IF EXISTS {name}",
        )
        for name, target in INDEXES.items()
    ]
