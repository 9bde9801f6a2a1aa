"""The demo company's people and customers: reps with their writing habits, managers, accounts
with their contacts. Names come from a seeded Faker, drawn once into pools so that a hundred
thousand accounts cost no more than a few thousand Faker calls."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from random import Random

from faker import Faker

from aba.core.vocabulary import BuyingRole, Role
from aba.sales.demo.notes import STYLES, Person, Voice
from aba.sales.demo.teams import TEAMS, TeamProfile

DEMO_USERNAMES = ("rep", "manager", "admin")


@dataclass(frozen=True, slots=True)
class UserPlan:
    username: str
    first: str
    last: str
    role: Role
    team: int | None  # index into TEAMS
    voice: Voice | None = None  # reps only

    @property
    def email(self) -> str:
        return f"{self.username}@demo.aba.example"


@dataclass(frozen=True, slots=True)
class AccountPlan:
    name: str
    industry: str
    team: int
    owner: int  # index into the team's reps
    reorders: bool
    contacts: tuple[Person, ...]  # champion, decision maker, then others
    emails: tuple[str, ...]


def rep_count(opportunities: int) -> int:
    """About 12 reps for the default 400 opportunities, growing slowly to 60 for benchmarks."""
    return max(12, min(60, int(12 * (opportunities / 400) ** 0.3 + 0.5)))


class Names:
    """Seeded name pools: people (American and British), cities, companies."""

    def __init__(self, seed: int) -> None:
        us, gb = Faker("en_US"), Faker("en_GB")
        us.seed_instance(seed)
        gb.seed_instance(seed + 1)
        self.fakers = (us, gb)
        self.women = sorted({f.first_name_female() for f in self.fakers for _ in range(150)})
        self.men = sorted({f.first_name_male() for f in self.fakers for _ in range(150)})
        self.everyone = self.women + self.men
        self.last = sorted({f.last_name() for f in self.fakers for _ in range(400)})
        self.cities = sorted({f.city() for f in self.fakers for _ in range(200)})
        self.taken: set[str] = set()

    def person(self, rng: Random) -> tuple[str, str, str]:
        """(first, last, pronoun)."""
        r = rng.random()
        they = "she" if r < 0.48 else "he" if r < 0.96 else "they"
        first = rng.choice(
            self.women if they == "she" else self.men if they == "he" else self.everyone
        )
        return first, rng.choice(self.last), they

    def account(self, rng: Random, team: TeamProfile) -> str:
        """A company name no other account has."""
        for attempt in range(20):
            form = rng.choice(team.account_formats)
            company = self.fakers[rng.random() < 0.3].company() if "{company}" in form else ""
            name = form.format(
                company=company,
                last=rng.choice(self.last),
                city=rng.choice(self.cities),
                first=rng.choice(self.everyone),
            )
            if attempt > 10:
                name = f"{name} {rng.choice(self.cities)}"
            if name not in self.taken:
                self.taken.add(name)
                return name
        name = f"{name} {len(self.taken)}"
        self.taken.add(name)
        return name


def _username(first: str, last: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z]", "", (first[:1] + last).lower()) or "user"
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}{n}"
    taken.add(name)
    return name


def _voice(rng: Random, name: str, british: bool) -> Voice:
    weights = [rng.uniform(0.3, 1.5) for _ in STYLES]
    weights[rng.randrange(len(STYLES))] += 5  # every rep has a favourite way of writing
    return Voice(
        name=name,
        british=british,
        styles=tuple(accumulate(weights)),
        lower=0.7 if rng.random() < 0.15 else 0.03,
        typos=rng.uniform(0.02, 0.25),
        bullet=rng.choice(("- ", "* ", "• ")),
    )


def plan_users(rng: Random, names: Names, opportunities: int) -> list[UserPlan]:
    """Reps spread over the teams, one manager per team, and an admin; the first rep and manager
    of the first team and the admin have the demo logins rep, manager and admin."""
    taken = set(DEMO_USERNAMES)
    users: list[UserPlan] = []
    for i in range(rep_count(opportunities)):
        first, last, _ = names.person(rng)
        british = rng.random() < 0.35
        username = "rep" if i == 0 else _username(first, last, taken)
        voice = _voice(rng, f"{first} {last}", british)
        users.append(UserPlan(username, first, last, Role.REP, i % len(TEAMS), voice))
    for t in range(len(TEAMS)):
        first, last, _ = names.person(rng)
        username = "manager" if t == 0 else _username(first, last, taken)
        users.append(UserPlan(username, first, last, Role.MANAGER, t))
    first, last, _ = names.person(rng)
    users.append(UserPlan("admin", first, last, Role.ADMIN, None))
    return users


_ROLES_AFTER = (BuyingRole.INFLUENCER, BuyingRole.USER, BuyingRole.GATEKEEPER)


def plan_account(rng: Random, names: Names, team_index: int, reps_in_team: int) -> AccountPlan:
    team = TEAMS[team_index]
    name = names.account(rng, team)
    reorders = rng.random() < team.reorder_share
    roles = [BuyingRole.CHAMPION, BuyingRole.DECISION_MAKER]
    roles += rng.sample(_ROLES_AFTER, rng.randint(1, 3))
    domain = re.sub(r"[^a-z]", "", name.lower())[:24] + rng.choice((".com", ".com", ".co.uk"))
    contacts, emails = [], []
    for role in roles:
        first, last, they = names.person(rng)
        contacts.append(Person(f"{first} {last}", first, rng.choice(team.titles[role]), role, they))
        emails.append(f"{first}.{last}@{domain}".lower().replace(" ", "").replace("'", ""))
    # A few reps carry bigger books: owners are drawn with a tilt towards the first reps.
    owner = min(int(rng.random() ** 1.15 * reps_in_team), reps_in_team - 1)
    return AccountPlan(
        name,
        rng.choice(team.industries),
        team_index,
        owner,
        reorders,
        tuple(contacts),
        tuple(emails),
    )
