"""Load the demo company: teams, reps, accounts, opportunities, calls and commitments.

Everything is planned in Python from one seeded `random.Random` (aba.sales.demo) and written in
batches with explicit ids inside one transaction, so 100,000 opportunities and their ~750,000
calls load in minutes and an interrupted run leaves the database as it was. The rows go in
through `executemany`: `bulk_create` spent seven times longer building model instances.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from random import Random
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

from aba.core.vocabulary import Party
from aba.sales.demo.company import amount, plan_company, short_money
from aba.sales.demo.notes import Deal, write_opportunity
from aba.sales.demo.people import DEMO_USERNAMES, AccountPlan, Names, UserPlan, plan_users
from aba.sales.demo.plans import CallPlan, OppPlan
from aba.sales.demo.teams import TEAMS
from aba.sales.models import Account, Call, Commitment, Contact, Opportunity, Snooze, User
from aba.sales.models import OutcomeSource as Source
from aba.sales.services.teams import ensure_team, save_user
from aba.settings import data_dir

LOGINS_FILE = "demo-logins.txt"
BATCH = 1000  # opportunities per write
Login = tuple[str, str, str]  # (role, username, password)
Progress = Callable[[int, int], None]


class DemoRefused(Exception):
    """The database already holds data: the demo never mixes into real data."""


@dataclass(frozen=True, slots=True)
class DemoResult:
    teams: int
    reps: int
    managers: int
    accounts: int
    contacts: int
    opportunities: int
    calls: int
    commitments: int
    snoozes: int
    logins: tuple[Login, ...]
    seconds: float


def database_has_data() -> bool:
    """Whether anyone has put users, accounts or opportunities in this database."""
    return bool(User.objects.exists() or Account.objects.exists() or Opportunity.objects.exists())


def logins_path() -> Path:
    return data_dir() / LOGINS_FILE


def stored_logins() -> list[Login]:
    """The demo logins saved by an earlier run, if any."""
    path = logins_path()
    if not path.exists():
        return []
    rows = [line.split("\t") for line in path.read_text().splitlines() if "\t" in line]
    return [(r[0], r[1], r[2]) for r in rows if len(r) == 3]


def _save_logins(logins: list[Login]) -> None:
    path = logins_path()
    path.unlink(missing_ok=True)
    # Created 0600 before anything is written, so the passwords are never world-readable.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write("# aba demo logins: role, username, password\n")
        handle.writelines(f"{role}\t{user}\t{secret}\n" for role, user, secret in logins)


def generate_demo(
    *,
    opportunities: int = 400,
    seed: int = 7,
    today: dt.date | None = None,
    password: str | None = None,
    progress: Progress | None = None,
) -> DemoResult:
    """Fill an empty database with the demo company; the same seed and day give the same data.

    The demo logins (rep, manager, admin) get `password`, or random passwords that are also
    saved, readable by the owner only, in the data folder.
    """
    if opportunities < 1:
        raise ValueError("opportunities must be at least 1")
    if database_has_data():
        raise DemoRefused(
            "the database already holds data and the demo only loads into an empty one: "
            "use a fresh ABA_DATA_DIR (or DATABASE_URL)"
        )
    started = time.perf_counter()
    today = today or timezone.now().date()
    rng = Random(seed)
    names = Names(seed)
    users = plan_users(rng, names, opportunities)
    logins: list[Login] = []
    with transaction.atomic():
        teams = [ensure_team(t.name) for t in TEAMS]
        ids: dict[str, int] = {}
        for u in users:
            secret = None
            if u.username in DEMO_USERNAMES:
                secret = password or secrets.token_urlsafe(12)
                logins.append((u.role.value, u.username, secret))
            user, _ = save_user(
                username=u.username,
                role=u.role,
                team=teams[u.team].name if u.team is not None else "",
                password=secret,
                first_name=u.first,
                last_name=u.last,
                email=u.email,
            )
            ids[u.username] = user.pk
        reps = [[u for u in users if u.voice and u.team == t] for t in range(len(TEAMS))]
        stages = [list(t.stages.order_by("position").values_list("id", flat=True)) for t in teams]
        loader = _Loader(rng, ids, stages)
        done = 0
        for account, plans in plan_company(
            rng, names, [len(r) for r in reps], today, opportunities
        ):
            loader.account(account, plans, reps[account.team][account.owner])
            done += len(plans)
            if len(loader.opps.rows) >= BATCH or done == opportunities:
                loader.flush()
                if progress:
                    progress(done, opportunities)
        _reset_sequences()
    if password is None:
        _save_logins(logins)
    return DemoResult(
        teams=len(teams),
        reps=sum(len(r) for r in reps),
        managers=len(teams),
        **loader.counts(),
        logins=tuple(logins),
        seconds=time.perf_counter() - started,
    )


class _Table:
    """Rows for one table, written with executemany; values adapted for the database once."""

    def __init__(self, model: type[models.Model], fields: str, *, ready: str = "") -> None:
        ops = connection.ops
        meta = model._meta
        found = [meta.get_field(name) for name in fields.split()]
        columns = ", ".join(ops.quote_name(f.column) for f in found)
        marks = ", ".join(["%s"] * len(found))
        self.sql = f"INSERT INTO {ops.quote_name(meta.db_table)} ({columns}) VALUES ({marks})"
        adapters: dict[str, Callable[[Any], Any]] = {
            "DateTimeField": ops.adapt_datetimefield_value,
            "DateField": ops.adapt_datefield_value,
            "DecimalField": ops.adapt_decimalfield_value,
            "JSONField": lambda v: ops.adapt_json_value(v, None),
        }
        # Columns named in `ready` get values the caller adapted already (constants, adapted once).
        self.adapt = [
            (i, adapters[f.get_internal_type()])
            for i, f in enumerate(found)
            if f.get_internal_type() in adapters and f.name not in ready.split()
        ]
        self.rows: list[list[Any]] = []
        self.count = 0

    def add(self, *values: Any) -> None:
        row = list(values)
        for i, adapt in self.adapt:
            if row[i] is not None:
                row[i] = adapt(row[i])
        self.rows.append(row)

    def flush(self) -> None:
        if self.rows:
            with connection.cursor() as cursor:
                cursor.executemany(self.sql, self.rows)
            self.count += len(self.rows)
            self.rows = []


def _next_id(model: type[models.Model]) -> int:
    top = model.objects.aggregate(top=models.Max("pk"))["top"]
    return (top or 0) + 1


class _Loader:
    """Turns planned accounts and deals into rows, with explicit ids that link them."""

    def __init__(self, rng: Random, user_ids: dict[str, int], stages: list[list[int]]) -> None:
        self.rng, self.user_ids, self.stages = rng, user_ids, stages
        self.accounts = _Table(Account, "id name reorders industry")
        self.contacts = _Table(Contact, "id account name title buying_role email")
        self.opps = _Table(Opportunity, "id account name owner stage amount status created closed")
        self.calls = _Table(
            Call,
            "id opportunity rep when planned_best planned_minimum notes outcome outcome_source "
            "stall asked value_given value_kinds learned created_at",
            ready="created_at",
        )
        self.met = _Table(Call.contacts.through, "call contact")
        self.promises = _Table(
            Commitment, "call party who contact action due due_text vague status resolved_at"
        )
        self.snoozes = _Table(Snooze, "opportunity reason until created_by created_at")
        self.account_id, self.contact_id = _next_id(Account), _next_id(Contact)
        self.opp_id, self.call_id = _next_id(Opportunity), _next_id(Call)
        self.now = connection.ops.adapt_datetimefield_value(timezone.now())

    def tables(self) -> tuple[_Table, ...]:  # in the order foreign keys need
        return (
            self.accounts, self.contacts, self.opps, self.calls, self.met, self.promises,
            self.snoozes,
        )  # fmt: skip

    def flush(self) -> None:
        for table in self.tables():
            table.flush()

    def counts(self) -> dict[str, int]:
        names = ("accounts", "contacts", "opportunities", "calls", "", "commitments", "snoozes")
        return {n: t.count for n, t in zip(names, self.tables(), strict=True) if n}

    def account(self, account: AccountPlan, plans: list[OppPlan], owner: UserPlan) -> None:
        rng, team, aid = self.rng, TEAMS[account.team], self.account_id
        self.accounts.add(aid, account.name, account.reorders, account.industry)
        people = []
        for person, email in zip(account.contacts, account.emails, strict=True):
            self.contacts.add(
                self.contact_id, aid, person.name, person.title, person.role.value, email
            )
            people.append(self.contact_id)
            self.contact_id += 1
        product = rng.choice(team.products)
        assert owner.voice is not None
        for k, plan in enumerate(plans):
            batch = rng.choice(team.batches)
            value = amount(rng, team.amount_median, plan.reorder)
            product = product if k == 0 or rng.random() < 0.5 else rng.choice(team.products)
            competitor = rng.choice(team.competitors)
            money = short_money(value, owner.voice.british)
            deal = Deal(
                team, owner.voice, account.name, account.industry, account.contacts, product,
                competitor, batch, money,
            )  # fmt: skip
            write_opportunity(rng, plan, deal)
            title = f"{batch[:1].upper()}{batch[1:]} #{k + 1}" if plan.reorder else product
            stage = self.stages[account.team][plan.stage]
            owner_id = self.user_ids[owner.username]
            self.opps.add(
                self.opp_id, aid, f"{account.name} - {title}", owner_id, stage, value,
                plan.status.value, plan.created, plan.closed,
            )  # fmt: skip
            for call in plan.calls:
                self.call(call, owner_id, people)
            if plan.snooze_until is not None:
                at = dt.datetime.combine(plan.calls[-1].day, dt.time(17), tzinfo=dt.UTC)
                self.snoozes.add(self.opp_id, plan.snooze_reason, plan.snooze_until, owner_id, at)
            self.opp_id += 1
        self.account_id += 1

    def call(self, call: CallPlan, rep: int, people: list[int]) -> None:
        rng, cid = self.rng, self.call_id
        minutes = rng.randrange(32, 68) * 15  # business hours: 08:00 to 16:45 UTC
        when = dt.datetime.combine(call.day, dt.time(0), tzinfo=dt.UTC)
        when += dt.timedelta(minutes=minutes)
        source = str(Source.STATED if rng.random() < 1 / 3 else Source.READ)
        stall = call.stall.value if call.stall else None
        kinds = [k.value for k in call.value_kinds]
        self.calls.add(
            cid, self.opp_id, rep, when, call.planned_best, call.planned_minimum, call.notes,
            call.outcome.value, source, stall, call.asked, bool(kinds), kinds, call.learned,
            self.now,
        )  # fmt: skip
        for i in call.contacts:  # the contacts the notes name
            self.met.add(cid, people[i])
        for c in call.commitments:
            who = people[c.contact] if c.party == Party.CUSTOMER else None
            self.promises.add(
                cid, c.party.value, c.who, who, c.action[:500], c.due, c.due_text, c.vague,
                c.status.value, c.resolved_at,
            )  # fmt: skip
        self.call_id += 1


def _reset_sequences() -> None:
    """Explicit ids leave PostgreSQL's sequences behind; move them past the rows we wrote."""
    statements = connection.ops.sequence_reset_sql(
        no_style(), [Account, Contact, Opportunity, Call, Commitment, Snooze]
    )
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
