"""/me: who the token belongs to, and so what it can see."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from aba.api.routers.common import READ_ERRORS, user_of
from aba.api.schemas import MeOut

router = Router(tags=["me"])


@router.get("", response={200: MeOut, **READ_ERRORS}, summary="Who am I")
def me(request: HttpRequest) -> dict[str, Any]:
    """The user this token or session belongs to: their role decides what the API shows."""
    user = user_of(request)
    return {
        "username": user.username,
        "name": user.get_full_name(),
        "role": user.role,
        "team": user.team.name if user.team_id else None,
    }
