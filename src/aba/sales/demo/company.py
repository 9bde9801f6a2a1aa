"""The demo company's book of business: accounts, each with its deals, until there are enough."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from random import Random

from aba.sales.demo import story
from aba.sales.demo.people import AccountPlan, Names, plan_account
from aba.sales.demo.plans import OppPlan
from aba.sales.demo.teams import TEAMS

WINDOW_DAYS = 273  # nine months of history
# How a new-business deal ends: won, lost, or open in one of the review's shapes.
FATES: tuple[tuple[str, float], ...] = (("won", 0.16), ("lost", 0.19), ("open", 0.65))


class Deck:
    """Weighted draws that deal every choice once (in shuffled order) before drawing freely, so
    even a small demo holds every shape."""

    def __init__(self, rng: Random, choices: tuple[tuple[str, float], ...]) -> None:
        self.rng = rng
        self.items = [c for c, _ in choices]
        self.weights = [w for _, w in choices]
        self.first = rng.sample(self.items, len(self.items))

    def draw(self) -> str:
        if self.first:
            return self.first.pop()
        return self.rng.choices(self.items, weights=self.weights)[0]


def plan_company(
    rng: Random, names: Names, reps_per_team: list[int], today: dt.date, total: int
) -> Iterator[tuple[AccountPlan, list[OppPlan]]]:
    """Accounts with their opportunities, until `total` opportunities are planned."""
    start = today - dt.timedelta(days=WINDOW_DAYS)
    fates = Deck(rng, FATES)
    shapes = Deck(rng, story.OPEN_SHAPES)
    reorder_shapes = Deck(rng, story.REORDER_SHAPES)
    planned = 0
    while planned < total:
        team = rng.randrange(len(TEAMS))
        account = plan_account(rng, names, team, reps_per_team[team])
        if account.reorders:
            plans = story.plan_reorders(rng, today, start, reorder_shapes.draw())
        else:
            plans = []
            for _ in range(rng.choices((1, 2, 3), weights=(0.75, 0.2, 0.05))[0]):
                fate = fates.draw()
                if fate == "open":
                    plans.append(story.plan_open(rng, today, start, shapes.draw()))
                else:
                    plans.append(story.plan_closed(rng, today, start, won=fate == "won"))
        plans = plans[: total - planned]
        planned += len(plans)
        yield account, plans


def amount(rng: Random, median: float, reorder: bool) -> Decimal:
    """A deal's value: log-normal around the team's median, 5k to 500k; re-orders are smaller."""
    value = rng.lognormvariate(0, 0.75) * (median / 4 if reorder else median)
    return Decimal(round(min(500_000, max(5_000, value)) / 500) * 500)


def short_money(value: Decimal, british: bool) -> str:
    """How a rep writes an amount: "$80k", "£1.2m"."""
    n = int(value)
    text = f"{n / 1000:.0f}k" if n < 1_000_000 else f"{n / 1e6:.1f}m"
    return ("£" if british else "$") + text
