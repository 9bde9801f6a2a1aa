"""`aba tokens`: create prints the token once, list shows prefixes only, revoke shuts it out."""

from __future__ import annotations

from typer.testing import CliRunner

from aba.api.models import ApiToken
from aba.api.tokens import user_for_token
from aba.cli.tokens import app

runner = CliRunner()


def test_create_list_revoke(org):
    created = runner.invoke(app, ["create", "--user", "rita", "--name", "CRM sync"])
    assert created.exit_code == 0, created.output
    raw = created.output.strip().splitlines()[-1]
    assert user_for_token(raw) == org.rep
    token = ApiToken.objects.get()
    listed = runner.invoke(app, ["list", "--user", "rita"])
    assert token.prefix in listed.output and raw not in listed.output
    revoked = runner.invoke(app, ["revoke", str(token.pk)])
    assert revoked.exit_code == 0 and user_for_token(raw) is None


def test_unknown_user_and_token_fail_with_a_hint(org):
    result = runner.invoke(app, ["create", "--user", "nobody", "--name", "x"])
    assert result.exit_code == 1 and "aba users set nobody" in result.output
    assert runner.invoke(app, ["revoke", "999"]).exit_code == 1
