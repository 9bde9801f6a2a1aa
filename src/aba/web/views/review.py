"""Pipeline review: a manager's home, the six questions, the team's figures and charts, the
snoozed deals; narrowed to a team (admins) or a rep."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from aba.core.vocabulary import ReviewStatus, Role
from aba.sales.models import Team, User
from aba.sales.services.review import PipelineReview, Question, ReviewRow, active_snoozes
from aba.sales.visibility import visible_reps
from aba.web.review_cache import cached_review, derived
from aba.web.review_charts import charts_context
from aba.web.views.common import current_user, paged, require_manager

PAGE_SIZE = 50
SNOOZES_PAGE_SIZE = 20


@dataclass
class RepLine:
    """One rep's share of the reviewed pipeline."""

    owner: str
    open: int = 0
    advancing: int = 0
    stalled: int = 0
    snoozed: int = 0
    stalled_value: Decimal = Decimal(0)

    @property
    def advancing_pct(self) -> int:
        return round(100 * self.advancing / self.open) if self.open else 0


def rep_lines(rows: list[ReviewRow]) -> list[RepLine]:
    lines: dict[str, RepLine] = defaultdict(lambda: RepLine(owner=""))
    for r in rows:
        if r.status == ReviewStatus.CLOSED:
            continue
        line = lines[r.owner]
        line.owner = r.owner
        line.open += 1
        if r.status == ReviewStatus.ADVANCING:
            line.advancing += 1
        elif r.status == ReviewStatus.STALLED:
            line.stalled += 1
            line.stalled_value += r.amount
        else:
            line.snoozed += 1
    return sorted(lines.values(), key=lambda rl: (-rl.stalled_value, rl.owner))


def _rep(request: HttpRequest, user: User, team: str | None) -> tuple[list[User], str | None]:
    """The reps the user may narrow the review to (a manager: the team's; an admin: every rep,
    or the chosen team's), and the chosen one; an unknown or foreign rep is ignored."""
    reps = visible_reps(user)
    if team is not None:
        reps = reps.filter(team__name=team)
    choices = list(
        reps.order_by("first_name", "last_name", "username").only(
            "username", "first_name", "last_name"
        )
    )
    rep = request.GET.get("rep") or None
    return choices, rep if any(r.username == rep for r in choices) else None


def _team(request: HttpRequest, user: User) -> tuple[list[str], str | None]:
    """The teams an admin may pick from, and the chosen one (managers see their own team)."""
    if not (user.is_superuser or user.role == Role.ADMIN):
        return [], None
    teams = list(Team.objects.order_by("name").values_list("name", flat=True))
    team = request.GET.get("team") or None
    return teams, team if team in teams else None


@dataclass(frozen=True)
class Summary:
    """What the review page shows about the whole scope, computed once per cached review."""

    counts: dict[str, int]
    questions: list[Question]
    stalled: list[ReviewRow]
    open_count: int
    pipeline_value: Decimal
    stalled_value: Decimal
    reps: list[RepLine]
    names: dict[str, str]


def summarize(review: PipelineReview) -> Summary:
    open_rows = [r for r in review.rows if r.status != ReviewStatus.CLOSED]
    return Summary(
        counts=review.counts(),
        questions=review.questions(),
        stalled=review.by_status(ReviewStatus.STALLED),
        open_count=len(open_rows),
        pipeline_value=sum((r.amount for r in open_rows), Decimal(0)),
        stalled_value=review.stalled_value(),
        reps=rep_lines(review.rows),
        names=_display_names(review.rows),
    )


def review_page(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    require_manager(user)
    today = timezone.localdate()
    teams, team = _team(request, user)
    reps, rep = _rep(request, user, team)
    cached = cached_review(
        user=user, team=team, rep=rep, as_of=today, with_commitments=False, allow_stale=True
    )
    summary = derived(cached, "review-page", summarize)
    chosen = request.GET.get("question", "")
    question = next((q for q in summary.questions if q.reason == chosen), None)
    drill = question.rows if question else summary.stalled
    page, query = paged(request, drill, PAGE_SIZE)
    # Read from the database, not the cached review: a snooze set a moment ago is listed at once.
    snoozes, snooze_query = paged(
        request,
        active_snoozes(user=user, as_of=today, team=team, rep=rep),
        SNOOZES_PAGE_SIZE,
        "snoozes",
    )
    scope = urlencode({k: v for k, v in (("team", team), ("rep", rep)) if v})
    context = {
        "nav": "review",
        "today": today,
        "teams": teams,
        "team": team,
        "reps": reps,
        "rep": rep,
        "scope_query": scope,
        "snoozes": snoozes,
        "snooze_query": snooze_query,
        "summary": summary,
        "judged_at": cached.judged_at,
        "stale": cached.stale,
        "questions": summary.questions,
        "question": question,
        "page": page,
        "query": query,
        "counts": summary.counts,
        "open_count": summary.open_count,
        "stalled_value": summary.stalled_value,
        "pipeline_value": summary.pipeline_value,
        "rep_lines": summary.reps,
        "names": summary.names,
    }
    return render(request, "web/review.html", context)


def _display_names(rows: list[ReviewRow]) -> dict[str, str]:
    """Full names of the reps in the review, in one query."""
    usernames = {r.owner for r in rows}
    users = User.objects.filter(username__in=usernames).only("username", "first_name", "last_name")
    return {u.username: str(u) for u in users}


CHARTS_TTL = 600  # figures by month move slowly; a new call shows up within ten minutes


def review_charts(request: HttpRequest) -> HttpResponse:
    """The review's charts, loaded after the page (htmx): they aggregate months of history,
    which is too slow to hold up the page itself on a large pipeline."""
    user = current_user(request)
    require_manager(user)
    today = timezone.localdate()
    _, team = _team(request, user)
    key = f"web:review-charts:{user.pk}:{team}:{today.isoformat()}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            "web/partials/review_charts.html", charts_context(user, team, today)
        )
        cache.set(key, html, CHARTS_TTL)
    return HttpResponse(html)
