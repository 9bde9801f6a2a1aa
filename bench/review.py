"""How fast the pipeline review runs, on SQLite and PostgreSQL, against a hand-written DuckDB
query over the same rows in Parquet (what the hardware allows).

    python bench/review.py [--sizes 1000,10000,100000] [--backends sqlite,postgres,duckdb]
                           [--repeat 3] [--seed 7] [--cache /tmp/aba-bench-review]

Sizes are opportunities; the demo company gives about 7.5 calls each, so 100,000 opportunities
is about 750,000 calls. Databases are generated once (aba's demo generator, fixed seed and day)
into SQLite, then copied as they are into PostgreSQL (COPY) and Parquet, so all three engines
judge the same rows. Everything is cached under --cache: SQLite files, Parquet exports, and a
PostgreSQL cluster of its own (started as the postgres user, unless --pg-url names a server).
Each timing runs in a fresh process so its peak memory (ru_maxrss) is its own. DuckDB's
stalled set is compared with aba's, deal by deal, reasons included.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 6, 30)  # the demo's "today": reproducible data
PG_BIN = Path("/usr/lib/postgresql/15/bin")
TABLES = {
    "opportunity": "SELECT id, account_id, stage_id, CAST(amount AS REAL) AS amount, status, "
    "created, closed FROM sales_opportunity",
    "account": "SELECT id, reorders FROM sales_account",
    "stage": "SELECT id, team_id, threshold_days FROM sales_stage",
    "team": "SELECT id, no_advance_days FROM sales_team",
    "call": 'SELECT id, opportunity_id, "when", outcome, stall, asked, value_given FROM sales_call',
    "commitment": "SELECT id, call_id, party, status, due, vague FROM sales_commitment",
    "snooze": "SELECT opportunity_id, until FROM sales_snooze",
}
CASTS = {  # SQLite's text and 0/1 to typed Parquet columns
    "opportunity": "id, account_id, stage_id, amount, status, CAST(created AS DATE) AS created, "
    "CAST(closed AS DATE) AS closed",
    "account": "id, CAST(reorders AS BOOLEAN) AS reorders",
    "call": 'id, opportunity_id, CAST("when" AS TIMESTAMP) AS "when", outcome, stall, '
    "CAST(asked AS BOOLEAN) AS asked, CAST(value_given AS BOOLEAN) AS value_given",
    "commitment": "id, call_id, party, status, CAST(due AS DATE) AS due, "
    "CAST(vague AS BOOLEAN) AS vague",
    "snooze": "opportunity_id, CAST(until AS DATE) AS until",
}

# The same rules as aba.core.review_rules, in one DuckDB query over the Parquet files.
DUCKDB_STALLED = """
WITH o AS (
  SELECT o.id, o.created, coalesce(s.threshold_days, t.no_advance_days) AS threshold, a.reorders
  FROM '{d}/opportunity.parquet' o
  JOIN '{d}/account.parquet' a ON a.id = o.account_id
  JOIN '{d}/stage.parquet' s ON s.id = o.stage_id
  JOIN '{d}/team.parquet' t ON t.id = s.team_id
  WHERE o.created <= DATE '{as_of}'
    AND (o.status NOT IN ('won', 'lost') OR o.closed > DATE '{as_of}')
    AND o.id NOT IN (SELECT opportunity_id FROM '{d}/snooze.parquet' WHERE until > DATE '{as_of}')
),
c AS (
  SELECT id, opportunity_id, "when", outcome, stall, asked, value_given,
    row_number() OVER (PARTITION BY opportunity_id ORDER BY "when" DESC, id DESC) AS rn
  FROM '{d}/call.parquet' WHERE "when" < TIMESTAMP '{cutoff}'
),
lc AS (SELECT * FROM c WHERE rn = 1),
pc AS (SELECT opportunity_id, value_given FROM c WHERE rn = 2),
adv AS (SELECT opportunity_id, CAST(max("when") AS DATE) AS last_adv FROM c
        WHERE outcome IN ('advance', 'order') GROUP BY 1),
m AS (SELECT * FROM '{d}/commitment.parquet'),
lcm AS (SELECT m.call_id, bool_or(m.party = 'customer') AS cust,
          bool_or(m.party = 'customer' AND m.due IS NOT NULL AND NOT m.vague) AS dated,
          bool_or(m.party = 'rep') AS rep
        FROM m JOIN lc ON lc.id = m.call_id GROUP BY 1),
oc AS (SELECT c.opportunity_id,
          count(*) FILTER (WHERE m.due < DATE '{as_of}' AND m.due > lc."when") AS overdue,
          bool_or(m.due >= DATE '{as_of}') AS pending
        FROM m JOIN c ON c.id = m.call_id JOIN lc ON lc.opportunity_id = c.opportunity_id
        WHERE m.party = 'customer' AND m.status = 'open' AND m.due IS NOT NULL GROUP BY 1),
f AS (
  SELECT o.id, lc.id IS NOT NULL AS has_call, coalesce(lc.outcome IN ('order', 'advance'), false)
      AS moving, coalesce(lc.outcome, '') AS outcome, coalesce(lc.stall, '') AS stall,
    lc.asked, lc.value_given, pc.value_given AS prev_value, o.reorders,
    coalesce(lcm.cust, false) AS cust, coalesce(lcm.dated, false) AS dated,
    coalesce(lcm.rep, false) AS rep, coalesce(oc.overdue, 0) AS overdue,
    coalesce(oc.pending, false) AS pending,
    (DATE '{as_of}' - coalesce(adv.last_adv, o.created)) > o.threshold AS too_long
  FROM o LEFT JOIN lc ON lc.opportunity_id = o.id LEFT JOIN pc ON pc.opportunity_id = o.id
  LEFT JOIN adv ON adv.opportunity_id = o.id LEFT JOIN lcm ON lcm.call_id = lc.id
  LEFT JOIN oc ON oc.opportunity_id = o.id
),
g AS (SELECT *, cust OR stall = 'waiting_on_prospect' AS prospect_side,
        rep OR stall = 'rep_followup_only' AS rep_side FROM f)
SELECT id, list_filter([
    CASE WHEN has_call AND NOT moving AND NOT prospect_side AND NOT rep_side
         THEN 'no_commitment' END,
    CASE WHEN has_call AND NOT moving AND prospect_side AND NOT dated
         THEN 'waiting_on_prospect' END,
    CASE WHEN has_call AND NOT moving AND rep_side AND NOT prospect_side
         THEN 'rep_followup_only' END,
    CASE WHEN overdue > 0 THEN 'commitment_overdue' END,
    CASE WHEN has_call AND too_long AND NOT pending THEN 'no_advance_in_days' END,
    CASE WHEN has_call AND reorders AND NOT asked AND outcome <> 'order'
         THEN 'order_not_asked' END,
    CASE WHEN has_call AND prev_value = false AND NOT value_given THEN 'no_value' END,
    CASE WHEN NOT has_call AND too_long THEN 'no_calls' END
  ], lambda x: x IS NOT NULL) AS reasons
FROM g
"""


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- workers: each runs in its own process -------------------------------------------------


def worker_generate(size: int, seed: int) -> dict[str, object]:
    from aba.cli import bootstrap

    bootstrap.django()
    from aba.sales.models import Opportunity

    if Opportunity.objects.exists():
        return {"generated": False}
    from aba.sales.services.demo import generate_demo

    result = generate_demo(opportunities=size, seed=seed, today=TODAY, password="bench-only")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"generated": True, "calls": result.calls, "seconds": result.seconds}


PG_TABLES = ["sales_team", "sales_stage", "sales_user", "sales_account", "sales_contact",
             "sales_opportunity", "sales_call", "sales_commitment", "sales_snooze"]  # fmt: skip


def worker_pg_load(sqlite_file: str) -> dict[str, object]:
    """Copy the cached SQLite rows into PostgreSQL: the very same data, loaded with COPY."""
    import sqlite3

    from aba.cli import bootstrap

    bootstrap.django()
    from django.db import connection

    from aba.sales.models import Opportunity

    if Opportunity.objects.exists():
        return {"loaded": False}
    src = sqlite3.connect(sqlite_file)
    with connection.cursor() as cursor:
        raw = cursor.connection
        raw.execute("SET TIME ZONE 'UTC'")
        for table in PG_TABLES:
            columns = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
            names = ", ".join(f'"{c}"' for c in columns)
            with raw.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in src.execute(f"SELECT {names} FROM {table}"):
                    copy.write_row(row)
            raw.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
    connection.commit() if not connection.get_autocommit() else None
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return {"loaded": True}


def worker_review(as_of: dt.date, repeat: int, out: str) -> dict[str, object]:
    from aba.cli import bootstrap

    bootstrap.django()
    from aba.sales.models import Call, Opportunity
    from aba.sales.services.review import review_pipeline

    walls, cpus = [], []
    review = None
    for _ in range(repeat):
        review = None  # free the previous run's 100,000 rows outside the timing
        wall, cpu = time.perf_counter(), time.process_time()
        review = review_pipeline(as_of=as_of)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    assert review is not None
    stalled = {r.id: [x.value for x in r.reasons] for r in review.rows if r.reasons}
    Path(out).write_text(json.dumps(stalled))
    return {
        "walls": walls, "cpus": cpus, "rows": len(review.rows), "stalled": len(stalled),
        "opportunities": Opportunity.objects.count(), "calls": Call.objects.count(),
        "peak_mb": peak_mb(),
    }  # fmt: skip


def worker_duckdb(as_of: dt.date, parquet: str, repeat: int, out: str) -> dict[str, object]:
    import duckdb

    con = duckdb.connect()
    cutoff = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())
    sql = DUCKDB_STALLED.format(d=parquet, as_of=as_of, cutoff=cutoff)
    walls = []
    for _ in range(repeat):
        wall = time.perf_counter()
        rows = con.execute(f"SELECT * FROM ({sql}) WHERE len(reasons) > 0").fetchall()
        walls.append(time.perf_counter() - wall)
    Path(out).write_text(json.dumps({i: r for i, r in rows}))
    return {"walls": walls, "stalled": len(rows), "peak_mb": peak_mb()}


def worker_parquet(sqlite_file: str, parquet: str) -> dict[str, object]:
    import sqlite3

    import duckdb
    import pyarrow as pa

    Path(parquet).mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(sqlite_file)
    con = duckdb.connect()
    for name, query in TABLES.items():
        cursor = src.execute(query)
        columns = [c[0] for c in cursor.description]
        data = list(zip(*cursor.fetchall(), strict=True)) or [[] for _ in columns]
        rows = pa.table({c: pa.array(v) for c, v in zip(columns, data, strict=True)})  # noqa: F841
        select = CASTS.get(name, "*")
        con.execute(f"COPY (SELECT {select} FROM rows) TO '{parquet}/{name}.parquet'")
    return {"tables": len(TABLES)}


# -- the driver ------------------------------------------------------------------------------


def run_worker(env: dict[str, str], *args: str) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--worker", *args]
    done = subprocess.run(cmd, env={**os.environ, **env}, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"worker {args} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def as_postgres(*cmd: str) -> None:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run(prefix + list(cmd), check=True, capture_output=True)


@contextlib.contextmanager
def pg_cluster(cache: Path) -> Iterator[str]:
    """A PostgreSQL cluster kept under the cache (so its databases are cached too)."""
    data = cache / "pg" / "data"
    if not data.exists():
        data.parent.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(data.parent, "postgres")
        as_postgres(str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    opts = f"-p {port} -k {data.parent} -c listen_addresses=127.0.0.1 -c fsync=off"
    as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(data.parent / "log"), "-w",
                "-o", opts, "start")  # fmt: skip
    try:
        yield f"postgres://postgres@127.0.0.1:{port}"
    finally:
        as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "stop")


def pg_database(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as con:
        if not con.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            con.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def review_date(sqlite_file: Path) -> dt.date:
    """The day of the latest call: the data set's "today", whoever generated it."""
    import sqlite3

    con = sqlite3.connect(f"file:{sqlite_file}?mode=ro", uri=True)
    (latest,) = con.execute('SELECT max("when") FROM sales_call').fetchone()
    return dt.date.fromisoformat(latest[:10])


def best(values: list[float]) -> float:
    return min(values)


def agree(a: Path, b: Path) -> str:
    mine, theirs = json.loads(a.read_text()), json.loads(b.read_text())
    if mine == theirs:
        return "same stalled set and reasons"
    differ = {k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k)}
    return f"DIFFER on {len(differ)} deals, e.g. {sorted(differ)[:5]}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000", help="opportunities, comma-separated")
    ap.add_argument("--backends", default="sqlite,postgres,duckdb")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/aba-bench-review"))
    ap.add_argument(
        "--pg-url",
        default=os.environ.get("ABA_BENCH_PG_URL"),
        help="a PostgreSQL server URL without database (default: own cluster)",
    )
    ap.add_argument("--worker", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        kind, *rest = args.worker
        result = {
            "generate": lambda: worker_generate(int(rest[0]), int(rest[1])),
            "review": lambda: worker_review(dt.date.fromisoformat(rest[0]), int(rest[1]), rest[2]),
            "duckdb": lambda: worker_duckdb(
                dt.date.fromisoformat(rest[0]), rest[1], int(rest[2]), rest[3]
            ),
            "parquet": lambda: worker_parquet(rest[0], rest[1]),
            "pg_load": lambda: worker_pg_load(rest[0]),
        }[kind]()
        print(json.dumps(result))
        return

    sizes = [int(s) for s in args.sizes.split(",")]
    backends = set(args.backends.split(","))
    args.cache.mkdir(parents=True, exist_ok=True)
    pg = contextlib.nullcontext(args.pg_url) if args.pg_url else pg_cluster(args.cache)
    if "postgres" not in backends:
        pg = contextlib.nullcontext(None)
    print(f"review as of each data set's last call day; best of {args.repeat}; {args.cache}")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average {load} (2 cores, shared: compare ratios to DuckDB, and CPU)")
    print(f"{'opps':>7} {'calls':>8}  {'backend':<9} {'review s':>9} {'cpu s':>7} "
          f"{'x duckdb':>8} {'peak MB':>8}  note")  # fmt: skip
    with pg as server:
        for size in sizes:
            tag = f"{size}-s{args.seed}"
            sqlite_dir = args.cache / f"sqlite-{tag}"
            sqlite_env = {"ABA_DATA_DIR": str(sqlite_dir), "DATABASE_URL": ""}
            run_worker(sqlite_env, "generate", str(size), str(args.seed))
            as_of = review_date(sqlite_dir / "aba.sqlite3")
            parquet = args.cache / f"parquet-{tag}"
            if not (parquet / "snooze.parquet").exists():
                run_worker({}, "parquet", str(sqlite_dir / "aba.sqlite3"), str(parquet))
            results: dict[str, dict[str, object]] = {}
            outs = {b: args.cache / f"stalled-{b}-{tag}.json" for b in ("sqlite", "pg", "duck")}
            if "duckdb" in backends:
                results["duckdb"] = run_worker({}, "duckdb", str(as_of), str(parquet),
                                               str(args.repeat), str(outs["duck"]))  # fmt: skip
            if "sqlite" in backends:
                results["sqlite"] = run_worker(sqlite_env, "review", str(as_of),
                                               str(args.repeat), str(outs["sqlite"]))  # fmt: skip
            if server:
                pg_env = {"DATABASE_URL": pg_database(server, f"aba_bench_{size}_s{args.seed}"),
                          "ABA_DATA_DIR": str(args.cache / "pg-data")}  # fmt: skip
                run_worker(pg_env, "pg_load", str(sqlite_dir / "aba.sqlite3"))
                results["postgres"] = run_worker(pg_env, "review", str(as_of),
                                                 str(args.repeat), str(outs["pg"]))  # fmt: skip
            duck = best(results["duckdb"]["walls"]) if "duckdb" in results else None  # type: ignore[arg-type]
            calls = results.get("sqlite", results.get("postgres", {})).get("calls", "?")
            for name, r in results.items():
                wall = best(r["walls"])  # type: ignore[arg-type]
                cpu = f"{best(r['cpus']):7.2f}" if "cpus" in r else f"{'-':>7}"  # type: ignore[arg-type]
                ratio = f"{wall / duck:8.1f}" if duck else f"{'-':>8}"
                note = f"{r['stalled']} stalled"
                if name in ("sqlite", "postgres") and "duckdb" in results:
                    note += "; vs DuckDB: " + agree(outs["sqlite" if name == "sqlite" else "pg"],
                                                    outs["duck"])  # fmt: skip
                print(f"{size:>7} {calls:>8}  {name:<9} {wall:9.3f} {cpu} {ratio} "
                      f"{r['peak_mb']:8.0f}  {note}", flush=True)  # fmt: skip
            print("load average " + " ".join(f"{x:.2f}" for x in os.getloadavg()), flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aba.settings")
    main()
