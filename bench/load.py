"""Load: aba under gunicorn on 127.0.0.1, 50 concurrent users for 60 s, on SQLite and PostgreSQL.

    .venv/bin/python bench/load.py [--duration 60] [--users 50] [--think 1.0] [--db sqlite,postgres]

Each database gets a fresh demo company (`aba demo`), its reps get a password and an API token,
and every virtual user logs in (untimed), then loops until the deadline: page views (home, the
rep's pipeline, an opportunity page), call logging (the API's POST), API reads; between requests
a user thinks for an exponentially distributed time of mean --think seconds (0: flat out).
Prints requests/s, p50/p95/p99 per kind, the errors, and whether "database is locked" reached a
user. Traffic stays on loopback; the run stops by itself (and is killed after a hard limit).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.reliability import support  # noqa: E402 - the same process helpers as the tests

PREPARE = """
from aba.api.tokens import create_token
from aba.core.vocabulary import Role
from aba.sales.models import Opportunity, User
from django.contrib.auth.hashers import make_password
hashed = make_password(PASSWORD)
result = []
for user in User.objects.filter(role=Role.REP, is_active=True).order_by("username"):
    User.objects.filter(pk=user.pk).update(password=hashed)
    opps = list(Opportunity.objects.filter(owner=user, status="open")
                .values_list("pk", flat=True)[:20])
    if opps:
        result.append({"username": user.username, "token": create_token(user, "load")[1],
                       "opportunities": opps})
"""
KINDS = ("page", "call", "api")
# Logins are a deliberately slow password hash each: log the users in a few at a time, untimed.
LOGINS = threading.Semaphore(4)


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    locked: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, error: str | None, body: str) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            if error:
                self.errors[f"{kind}: {error}"] += 1
            if "database is locked" in body:
                self.locked += 1


def user_loop(
    base: str,
    rep: dict,
    ready: threading.Barrier,
    go: threading.Event,
    deadline: list[float],
    think: float,
    out: Results,
    seed: int,
) -> None:
    """One virtual user: log in (untimed: a deliberately slow password hash), wait for the
    start, then loop until the deadline."""
    rng = random.Random(seed)
    browser = requests.Session()
    api = requests.Session()
    api.headers["Authorization"] = f"Bearer {rep['token']}"
    opps = rep["opportunities"]
    try:
        with LOGINS:
            support.login(browser, base, rep["username"], support.PASSWORD, timeout=120)
    except BaseException as exc:
        ready.abort()  # one user that cannot log in stops the run instead of hanging it
        print(f"login of {rep['username']} failed: {exc!r}", file=sys.stderr)
        return
    try:
        ready.wait(timeout=600)
    except threading.BrokenBarrierError:
        return
    go.wait(timeout=600)
    last_end: dict[int, float] = {}
    while time.monotonic() < deadline[0]:
        roll, opp = rng.random(), rng.choice(opps)
        session, method, extra = api, "GET", {}
        if roll < 0.5:
            kind, session, extra = "page", browser, {"allow_redirects": False}
            path = rng.choice(["/", "/pipeline/", f"/opportunities/{opp}/"])
        elif roll < 0.7:
            kind, method, path = "call", "POST", f"/api/v1/opportunities/{opp}/calls"
            notes = f"Load {uuid.uuid4().hex[:8]}: Anna will send the RFP by Friday."
            extra = {"json": {"when": "2026-02-03T10:00:00", "notes": notes}}
        else:
            kind = "api"
            path = rng.choice(
                [
                    "/api/v1/opportunities?limit=50",
                    f"/api/v1/opportunities/{opp}",
                    f"/api/v1/calls?opportunity={opp}&limit=20",
                ]
            )
        started = time.monotonic()
        try:
            reply = session.request(method, base + path, timeout=30, **extra)
            # A redirect is fine (home sends a rep to their pipeline), unless it is to the login.
            ok = reply.status_code < 300 or (
                reply.status_code < 400 and "/accounts/login/" not in reply.headers["Location"]
            )
            out.add(
                kind,
                time.monotonic() - started,
                None if ok else str(reply.status_code),
                "" if ok else reply.text[:2000],
            )
        except requests.RequestException as exc:
            # How long this connection had been idle tells a keep-alive race (the server closed
            # an idle connection as the request went out) from a real failure.
            idle = started - last_end.get(id(session), started)
            reason = "reset" if "reset" in str(exc).lower() else type(exc).__name__
            out.add(kind, time.monotonic() - started, f"{reason} after {idle:.1f} s idle", "")
        last_end[id(session)] = time.monotonic()
        if think:
            time.sleep(min(rng.expovariate(1 / think), max(0.0, deadline[0] - time.monotonic())))


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def report(name: str, out: Results, seconds: float, log: Path) -> None:
    total = sum(len(v) for v in out.latencies.values())
    print(f"\n== {name}: {total} requests in {seconds:.0f} s = {total / seconds:.1f} requests/s")
    print(
        f"{'kind':6} {'count':>7} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'max ms':>8} {'errors':>7}"
    )
    for kind in KINDS:
        values = out.latencies.get(kind, [])
        if not values:
            continue
        errors = sum(n for k, n in out.errors.items() if k.startswith(kind + ":"))
        print(
            f"{kind:6} {len(values):7d} {len(values) / seconds:7.1f} "
            f"{statistics.median(values) * 1000:8.0f} {pct(values, 0.95):8.0f} "
            f"{pct(values, 0.99):8.0f} {max(values) * 1000:8.0f} {errors:7d}"
        )
    print(f"errors: {sum(out.errors.values())} {dict(out.errors) if out.errors else ''}")
    text = log.read_text(errors="replace") if log.exists() else ""
    print(
        f'"database is locked": {out.locked} in responses, '
        f"{text.count('database is locked')} in the server log; server log: "
        f"{text.count('WORKER TIMEOUT')} worker timeouts, {text.count('Traceback')} tracebacks"
    )


def run_one(name: str, env: dict[str, str], args: argparse.Namespace, tmp: Path) -> None:
    print(
        f"\n-- {name}: generating the demo company ({args.opportunities} opportunities)...",
        flush=True,
    )
    support.aba(
        "demo", "--opportunities", str(args.opportunities), "--seed", "7", env=env, timeout=1800
    )
    reps = support.django_script(PREPARE.replace("PASSWORD", repr(support.PASSWORD)), env)
    assert reps, "the demo company has no reps with open opportunities"
    log = Path(tempfile.gettempdir()) / f"aba-load-{name}-server.log"  # kept for a look after
    log.unlink(missing_ok=True)
    with support.server(env, workers=args.workers, threads=args.threads, log=log) as (base, _):
        out = Results()
        deadline: list[float] = []
        ready, go = threading.Barrier(args.users + 1), threading.Event()
        threads = [
            threading.Thread(
                target=user_loop,
                daemon=True,
                args=(base, reps[i % len(reps)], ready, go, deadline, args.think, out, i),
            )
            for i in range(args.users)
        ]
        for t in threads:
            t.start()
        print(
            f"-- {name}: {args.users} users on {base} for {args.duration:.0f} s "
            f"(gunicorn {args.workers} workers x {args.threads} threads, think "
            f"{args.think} s)...",
            flush=True,
        )
        try:
            ready.wait(timeout=900)  # everyone logged in
        except threading.BrokenBarrierError:
            sys.exit(f"{name}: a user could not log in; server log: {log}")
        started = time.monotonic()
        deadline.append(started + args.duration)
        go.set()
        for t in threads:
            t.join(timeout=args.duration + 120)
        report(name, out, time.monotonic() - started, log)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--think", type=float, default=1.0, help="mean think time, seconds")
    parser.add_argument("--db", default="sqlite,postgres")
    parser.add_argument("--opportunities", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    # SIGTERM (and the hard limit) exit through the finally blocks that stop server and cluster.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    hard_limit = threading.Timer(args.duration * 2 + 1800, os.kill, (os.getpid(), signal.SIGTERM))
    hard_limit.daemon = True
    hard_limit.start()
    with tempfile.TemporaryDirectory(prefix="aba-load.") as folder:
        tmp = Path(folder)
        for name in args.db.split(","):
            if name == "sqlite":
                run_one("SQLite", support.aba_env(tmp / "sqlite"), args, tmp)
            elif name == "postgres":
                if support.pg_bin() is None:
                    print("\n-- PostgreSQL: not installed, skipped")
                    continue
                with support.pg_cluster() as cluster:
                    env = support.aba_env(tmp / "pg", cluster.create_database("aba"))
                    run_one("PostgreSQL", env, args, tmp)
            else:
                parser.error(f"--db: unknown database {name!r} (sqlite, postgres)")


if __name__ == "__main__":
    main()
