"""/opportunities/{id}/coaching: the next advance, the words to ask for it, the plans."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Path, Query, Router

from aba.api.routers.common import READ_ERRORS
from aba.api.routers.opportunities import visible_opportunity
from aba.api.schemas import MAX_ID
from aba.api.schemas_coaching import CoachingFilters, CoachingOut
from aba.coaching.services import coaching_json

router = Router(tags=["coaching"])


@router.get(
    "/opportunities/{opportunity_id}/coaching",
    response={200: CoachingOut, **READ_ERRORS},
    summary="Coach one opportunity",
)
def opportunity_coaching(
    request: HttpRequest,
    filters: Query[CoachingFilters],
    opportunity_id: int = Path(..., ge=1, le=MAX_ID),
) -> dict[str, Any]:
    """Coaching for one opportunity, as `aba coach --json` prints it: the review's reasons, the
    next advance (best and minimum), ways to ask for it, value to bring, the rep's plan checked
    against the calls, and the mutual action plan; 404 unless you may see the opportunity."""
    opportunity = visible_opportunity(request, opportunity_id)
    return coaching_json(opportunity, filters.as_of or timezone.localdate())
