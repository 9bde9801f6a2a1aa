"""Server time of the pages reps and managers live in, on the demo company.

    python bench/web.py [--opportunities 100000] [--seed 7] [--runs 20]

Builds the demo database once into a cache folder under /tmp (reused by later runs with the same
size and seed), then renders each page with Django's test client (logged in with force_login)
`--runs` times after a warm-up and prints p50/p95 in milliseconds. The target is 300 ms for the
rep's pipeline and the manager's review at 100,000 opportunities. The first request of each
page is reported apart as "cold": it judges the whole review again (aba.web.review_cache).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TARGET_MS = 300.0


def setup(opportunities: int, seed: int, data_dir: Path | None) -> Path:
    """Point aba at the cached demo database, generating it the first time."""
    folder = data_dir or Path(f"/tmp/aba-bench-web-{opportunities}-{seed}")
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["ABA_DATA_DIR"] = str(folder)
    os.environ.pop("DATABASE_URL", None)
    from aba.cli import bootstrap

    bootstrap.django()
    from aba.sales.services.demo import database_has_data, generate_demo

    if not database_has_data():
        print(f"generating the demo company with {opportunities:,} opportunities in {folder}…")
        started = time.perf_counter()
        generate_demo(opportunities=opportunities, seed=seed, password="bench-only-password")
        print(f"  done in {time.perf_counter() - started:.0f} s")
    return folder


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def measure(client: object, path: str, runs: int) -> tuple[float, list[float]]:
    """The first request's milliseconds (cold: nothing cached), then each of `runs` more."""
    from aba.web import review_cache

    review_cache.clear()
    started = time.perf_counter()
    response = client.get(path)  # type: ignore[attr-defined]
    cold = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(path)  # type: ignore[attr-defined]
        times.append((time.perf_counter() - started) * 1000)
    return cold, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opportunities", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args()
    folder = setup(args.opportunities, args.seed, args.data_dir)

    from django.test import Client
    from django.test.utils import setup_test_environment

    from aba.core.vocabulary import OpportunityStatus, Role
    from aba.sales.models import Opportunity, User

    setup_test_environment()  # lets the test client run outside pytest
    total = Opportunity.objects.count()
    rep = User.objects.filter(username="rep").first() or User.objects.filter(role=Role.REP).first()
    manager = (
        User.objects.filter(username="manager").first()
        or User.objects.filter(role=Role.MANAGER).first()
    )
    assert rep is not None and manager is not None, "the demo has a rep and a manager"
    opp = Opportunity.objects.filter(owner=rep, status=OpportunityStatus.OPEN).first()
    rep_open = Opportunity.objects.filter(owner=rep, status=OpportunityStatus.OPEN).count()
    team_total = Opportunity.objects.filter(owner__team=manager.team).count()
    print(f"database {folder}: {total:,} opportunities")
    print(f"rep {rep.username}: {rep_open:,} open; manager {manager.username}: {team_total:,} "
          f"in the team")  # fmt: skip

    pages: list[tuple[str, User, str]] = [
        ("My pipeline (rep)", rep, "/pipeline/"),
        ("My pipeline, page 2 sorted by amount", rep, "/pipeline/?sort=amount&page=2"),
        ("Pipeline review (manager)", manager, "/review/"),
        ("Pipeline review, drill-down", manager, "/review/?question=no_commitment&page=2"),
        ("Pipeline review charts (lazy fragment)", manager, "/review/charts/"),
        ("Log a call", rep, "/log/"),
    ]
    if opp is not None:
        pages.append(("Opportunity", rep, f"/opportunities/{opp.pk}/"))
    print(f"\n{'page':<42} {'cold ms':>8} {'p50 ms':>8} {'p95 ms':>8}  target")
    failed = False
    for label, user, path in pages:
        client = Client(SERVER_NAME="localhost")
        client.force_login(user)
        cold, times = measure(client, path, args.runs)
        p50, p95 = statistics.median(times), percentile(times, 95)
        gated = label == "My pipeline (rep)" or label == "Pipeline review (manager)"
        verdict = ("ok" if p95 < TARGET_MS else "SLOW") if gated else ""
        failed |= verdict == "SLOW"
        print(f"{label:<42} {cold:8.0f} {p50:8.1f} {p95:8.1f}  {verdict}")
    print(
        "\ncold: the first request after the data changed (the review is judged again);"
        " p50/p95: the requests after it, which reuse the judged review."
    )
    if failed:
        print(f"some pages are over the {TARGET_MS:.0f} ms target at p95")


if __name__ == "__main__":
    main()
