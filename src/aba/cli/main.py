"""The `aba` command: one Typer app, one module per command group."""

from __future__ import annotations

import typer

from aba.cli import coach, demo, ops, read, review, serve, tokens, transfer, users

app = typer.Typer(
    name="aba",
    help="Always Be Advancing: find the deals that left the last call with no commitment.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
app.command("run")(serve.run)
app.command("migrate")(serve.migrate)
app.command("demo")(demo.demo)
app.command("import")(transfer.import_)
app.command("export")(transfer.export)
app.add_typer(users.app, name="users")
app.add_typer(tokens.app, name="tokens")
app.command("read")(read.read)
app.command("coach")(coach.coach)
app.command("review")(review.review)
app.command("snooze")(review.snooze)
app.command("figures")(review.figures)
app.command("thresholds")(review.thresholds)
app.command("backup")(ops.backup)
app.command("restore")(ops.restore)

if __name__ == "__main__":
    app()
