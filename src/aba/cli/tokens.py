"""`aba tokens`: create, list and revoke the API tokens a user's scripts and integrations use."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer
from rich.table import Table

from aba.cli import bootstrap
from aba.cli.console import console, fail

if TYPE_CHECKING:
    from aba.sales.models import User

app = typer.Typer(help="Create, list and revoke API tokens.", no_args_is_help=True)


def _user(username: str) -> User:
    from aba.sales.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
        fail(f"no user {username!r}: create one with `aba users set {username}`")
    return user


@app.command("create")
def create(
    user: str = typer.Option(..., "--user", "-u", help="The username the token acts as."),
    name: str = typer.Option(..., "--name", "-n", help="What the token is for, e.g. 'CRM sync'."),
) -> None:
    """Create a token and print it once: aba keeps only its hash."""
    bootstrap.django()
    from aba.api.tokens import create_token

    try:
        token, raw = create_token(_user(user), name)
    except ValueError as exc:
        fail(str(exc))
    console.print(
        f"Created token {token.pk} ({token.name}) for [bold]{user}[/]. "
        "Copy it now; it is not shown again:",
        highlight=False,
    )
    typer.echo(raw)


@app.command("list")
def list_(
    user: str | None = typer.Option(None, "--user", "-u", help="Only this user's tokens."),
) -> None:
    """List tokens: id, owner, name, prefix, created, last used, revoked."""
    bootstrap.django()
    from aba.api.models import ApiToken

    tokens = ApiToken.objects.select_related("user").order_by("user__username", "-created")
    if user is not None:
        tokens = tokens.filter(user=_user(user))
    table = Table("id", "user", "name", "prefix", "created", "last used", "revoked")
    for t in tokens:
        table.add_row(
            str(t.pk),
            t.user.username,
            t.name,
            t.prefix,
            f"{t.created:%Y-%m-%d %H:%M}",
            f"{t.last_used:%Y-%m-%d %H:%M}" if t.last_used else "-",
            f"{t.revoked_at:%Y-%m-%d %H:%M}" if t.revoked_at else "-",
        )
    console.print(table)


@app.command("revoke")
def revoke(
    token_id: int = typer.Argument(..., help="The token's id (see `aba tokens list`)."),
) -> None:
    """Revoke a token: requests with it get 401 from then on."""
    bootstrap.django()
    from aba.api.models import ApiToken
    from aba.api.tokens import revoke_token

    token = ApiToken.objects.select_related("user").filter(pk=token_id).first()
    if token is None:
        fail(f"no API token {token_id}: see `aba tokens list`")
    revoke_token(token.user, token.pk)
    console.print(f"Revoked token {token.pk} ({token.name}) of {token.user.username}.")
