"""`aba users`: create users, set their role and team."""

from __future__ import annotations

import typer
from rich.table import Table

from aba.cli import bootstrap
from aba.cli.console import console, fail
from aba.core.vocabulary import Role

app = typer.Typer(help="Create users and set their role and team.", no_args_is_help=True)


@app.command("set")
def set_user(
    username: str = typer.Argument(..., help="Login name; created when new."),
    role: Role | None = typer.Option(None, "--role", help="rep, manager or admin."),
    team: str | None = typer.Option(None, "--team", help="Team name; created when new."),
    password: bool = typer.Option(False, "--password", help="Prompt for a password."),
    first_name: str | None = typer.Option(None, "--first-name"),
    last_name: str | None = typer.Option(None, "--last-name"),
    email: str | None = typer.Option(None, "--email"),
) -> None:
    """Create a user or change their role, team, name or password."""
    bootstrap.django()
    from aba.sales.services.teams import save_user

    secret = (
        typer.prompt("Password", hide_input=True, confirmation_prompt=True) if password else None
    )
    if role == Role.MANAGER and team is None:
        from aba.sales.models import User

        existing = User.objects.filter(username=username).first()
        if existing is None or existing.team_id is None:
            fail("a manager needs a team: add --team NAME")
    user, created = save_user(
        username=username,
        role=role,
        team=team,
        password=secret,
        first_name=first_name,
        last_name=last_name,
        email=email,
    )
    verb = "Created" if created else "Updated"
    console.print(f"{verb} [bold]{user.username}[/]: {user.role}, team {user.team or '-'}")


@app.command("list")
def list_users() -> None:
    """List users with their role and team."""
    bootstrap.django()
    from aba.sales.models import User

    table = Table("username", "name", "role", "team", "active")
    for user in User.objects.select_related("team").order_by("team__name", "role", "username"):
        table.add_row(
            user.username,
            user.get_full_name(),
            user.role,
            str(user.team or "-"),
            "yes" if user.is_active else "no",
        )
    console.print(table)
