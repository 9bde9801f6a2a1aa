"""/read: read notes statelessly, the same reading `aba read` gives, without storing anything."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from aba.api.routers.common import WRITE_ERRORS
from aba.api.schemas import ReadIn, ReadingOut
from aba.core.reading import read_note

router = Router(tags=["reading"])


@router.post("", response={200: list[ReadingOut], **WRITE_ERRORS}, summary="Read call notes")
def read_notes(request: HttpRequest, payload: ReadIn) -> list[dict[str, Any]]:
    """Read one or many notes: outcome, stall, commitments, the ask and the value, in order.

    Nothing is stored; each reading echoes the note's `id`.
    """
    today = timezone.localdate()
    return [read_note(n.text, n.date or today).to_json(id=n.id) for n in payload.notes]
