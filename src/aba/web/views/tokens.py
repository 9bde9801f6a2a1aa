"""API tokens: a user creates named tokens for scripts and integrations, and revokes them."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from aba.api.tokens import TokenNotFound, create_token, list_tokens, revoke_token
from aba.web.views.common import current_user


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=100,
        help_text="What the token is for, e.g. “CRM sync” or “my laptop”.",
        error_messages={"required": "Give the token a name so you know what to revoke later."},
    )


@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    """The user's tokens; a new token's secret is shown once, in the response that creates it."""
    user = current_user(request)
    raw = None
    status = 200
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            token, raw = create_token(user, form.cleaned_data["name"])
            form = TokenForm()
        else:
            status = 422
    else:
        form = TokenForm()
    context = {"nav": "tokens", "form": form, "tokens": list_tokens(user), "raw": raw}
    response = render(request, "web/tokens.html", context, status=status)
    response["Cache-Control"] = "no-store"  # the secret must not linger in a cache
    return response


@require_POST
def revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    try:
        token = revoke_token(current_user(request), token_id)
    except TokenNotFound:
        messages.error(request, "No such token.")
    else:
        messages.success(request, f"Token “{token.name}” revoked: it no longer works.")
    return redirect("api_tokens")
