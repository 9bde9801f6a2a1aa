"""Real processes for the reliability tests: aba servers, CLI runs, throwaway PostgreSQL clusters.

Everything listens on 127.0.0.1 on a free port, polls with a deadline and is killed by process
group in a finally block, so a failing test never leaves a server or a cluster behind.
"""

from __future__ import annotations

import contextlib
import csv
import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECRET = "reliability-tests-shared-secret-" + "x" * 20
NOTES = (
    "Demo w/ their CIO booked for Friday, she'll bring the CFO.",
    "They loved it. Will get back to me.",
    "PO received for the renewal.",
    "Went with a competitor.",
    "Anna will send the security questionnaire by 2026-03-02; I send pricing tomorrow.",
    "Réunion très positive — Zoë confirme l'essai pilote 🚀 avant le 15 mars.",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(check: Callable[[], object], timeout: float, what: str) -> object:
    """Poll `check` until it returns something truthy, or fail naming `what`."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if result := check():
                return result
        except Exception:  # the thing polled for is not up yet
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(0.05)


def aba_env(data_dir: Path, database_url: str | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "ABA_DATA_DIR")}
    env.update(ABA_DATA_DIR=str(data_dir), ABA_SECRET_KEY=SECRET, PYTHONUNBUFFERED="1", **extra)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def aba(
    *args: str, env: dict[str, str], check: bool = True, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run an `aba` command (with backup/restore registered) and return its result."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.reliability.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"aba {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return result


def kill_group(
    process: subprocess.Popen[bytes], sig: int = signal.SIGKILL, wait: float = 10
) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=wait)


@contextlib.contextmanager
def server(
    env: dict[str, str], *, workers: int = 2, threads: int = 4, log: Path | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`aba run` on a free loopback port; yields its base URL and process."""
    port = free_port()
    out = open(log or os.devnull, "ab")  # noqa: SIM115 - closed in finally
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.reliability.cli",
            "run",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--threads",
            str(threads),
        ],
        cwd=ROOT,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, process)
        yield base, process
    finally:
        kill_group(process, signal.SIGTERM, wait=2)
        kill_group(process)
        out.close()


def wait_until_serving(base: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    import requests

    def up() -> bool:
        if process.poll() is not None:
            raise AssertionError(f"aba run exited with {process.returncode}")
        return requests.get(f"{base}/accounts/login/", timeout=2).status_code == 200

    deadline = time.monotonic() + timeout
    while True:
        try:
            if up():
                return
        except AssertionError:
            raise
        except Exception:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"aba did not serve {base} within {timeout:.0f}s")
        time.sleep(0.1)


def login(session: object, base: str, username: str, password: str, timeout: float = 10) -> None:
    """Log a requests.Session in through the login form, CSRF token and all."""
    page = session.get(f"{base}/accounts/login/", timeout=timeout)  # type: ignore[attr-defined]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token, "the login form has no CSRF token"
    reply = session.post(  # type: ignore[attr-defined]
        f"{base}/accounts/login/",
        timeout=timeout,
        allow_redirects=False,
        data={"username": username, "password": password, "csrfmiddlewaretoken": token.group(1)},
    )
    assert reply.status_code == 302, f"login as {username} failed: {reply.status_code}"


# --- PostgreSQL ---------------------------------------------------------------------------


@dataclass
class Cluster:
    """A throwaway PostgreSQL cluster owned by the postgres user, on a loopback port."""

    bin: Path
    dir: Path
    port: int

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def ctl(self, *args: str) -> None:
        _as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), *args])

    def start(self) -> None:
        self.ctl(
            "-l",
            str(self.dir / "log"),
            "-w",
            "-o",
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c full_page_writes=off -c max_connections=200",
            "start",
        )

    def restart(self) -> None:
        # Not `pg_ctl restart`: it cannot take -l, so the new server would hold our stdout pipe.
        self.ctl("-w", "-m", "fast", "stop")
        self.start()

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def _as_postgres(command: list[str]) -> None:
    if os.getuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, timeout=60)


def pg_bin() -> Path | None:
    if os.environ.get("ABA_PG_BIN"):
        return Path(os.environ["ABA_PG_BIN"])
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@contextlib.contextmanager
def pg_cluster() -> Iterator[Cluster]:
    """A fresh cluster for tests that restart PostgreSQL (never the suite's shared one)."""
    binary = pg_bin()
    if binary is None:
        import pytest  # here, not at the top: bench/load.py uses these helpers without pytest

        pytest.skip("PostgreSQL is not installed (make test installs it)")
    folder = Path(tempfile.mkdtemp(prefix="aba-rel-pg."))
    if os.getuid() == 0:
        shutil.chown(folder, "postgres")
    cluster = Cluster(binary, folder, free_port())
    try:
        _as_postgres(
            [str(binary / "initdb"), "-D", str(folder / "data"), "-U", "postgres", "-A", "trust"]
        )
        cluster.start()
        yield cluster
    finally:
        with contextlib.suppress(Exception):
            cluster.ctl("-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)


# --- data -----------------------------------------------------------------------------------


def write_pipeline(
    folder: Path,
    *,
    opportunities: int,
    calls_per: int,
    prefix: str = "SF",
    owners: tuple[str, ...] = ("rita", "omar"),
) -> list[Path]:
    """aba CSV files of a generated pipeline; returns [opportunities.csv, calls.csv]."""
    folder.mkdir(parents=True, exist_ok=True)
    opps, calls = folder / f"{prefix}-opportunities.csv", folder / f"{prefix}-calls.csv"
    with opps.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(
            [
                "id",
                "account",
                "name",
                "owner",
                "stage",
                "amount",
                "status",
                "created",
                "closed",
                "reorder",
            ]
        )
        for i in range(opportunities):
            out.writerow(
                [
                    f"{prefix}-{i}",
                    f"Account {i % 97}",
                    f"Deal {i} ü",
                    owners[i % 2],
                    "Discovery",
                    f"{1000 + i}.50",
                    "open",
                    "2026-01-05",
                    "",
                    "false",
                ]
            )
    with calls.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "opportunity_id", "date", "rep", "notes", "outcome"])
        for i in range(opportunities * calls_per):
            out.writerow(
                [
                    f"{prefix}-C{i}",
                    f"{prefix}-{i // calls_per}",
                    f"2026-02-{1 + i % 28:02d}T1{i % 10}:30:00",
                    owners[(i // calls_per) % 2],
                    NOTES[i % len(NOTES)],
                    "",
                ]
            )
    return [opps, calls]


def django_script(code: str, env: dict[str, str], timeout: float = 120) -> object:
    """Run `code` in a fresh process with aba's Django set up; returns its `result` (as JSON).

    A separate process sees the database exactly as a restarted aba would.
    """
    import json

    program = (
        "import json\nfrom aba.cli import bootstrap\nbootstrap.django()\nresult = None\n"
        + code
        + "\nprint('\\nRESULT ' + json.dumps(result, default=str))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program],
        cwd=ROOT,
        env=env,
        text=True,
        capture_output=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise AssertionError(f"script failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.rsplit("\nRESULT ", 1)[1])


SEED = """
from aba.api.tokens import create_token
from aba.core.vocabulary import Role
from aba.sales.models import Account, Opportunity
from aba.sales.services.teams import save_user
rita = save_user(username="rita", role=Role.REP, team="Team A", password=PASSWORD)[0]
save_user(username="maya", role=Role.MANAGER, team="Team A", password=PASSWORD)
save_user(username="fred", role=Role.REP, team="Team B", password=PASSWORD)
account = Account.objects.get_or_create(name="Acme Corp")[0]
opps = [Opportunity.objects.create(account=account, name=f"Deal {i}", owner=rita,
        stage=rita.team.stages.first(), created="2026-01-05") for i in range(OPPS)]
result = {"token": create_token(rita, "tests")[1], "opportunities": [o.pk for o in opps]}
"""
PASSWORD = "correct-horse-battery-staple"


def seed(env: dict[str, str], opportunities: int = 5) -> dict[str, object]:
    """Users rita (rep, Team A; with an API token), maya (her manager), fred (Team B)."""
    code = SEED.replace("PASSWORD", repr(PASSWORD)).replace("OPPS", str(opportunities))
    return django_script(code, env)  # type: ignore[return-value]


CALL_CHECK = """
from django.db.models import Count
from aba.sales.models import Call
counts = dict(Call.objects.annotate(n=Count("commitments")).values_list("pk", "n"))
result = {"calls": counts}
"""


def calls_and_commitments(env: dict[str, str]) -> dict[int, int]:
    """Every call's id with its number of commitments, as a restarted aba sees them."""
    found = django_script(CALL_CHECK, env)["calls"]  # type: ignore[index]
    return {int(k): v for k, v in found.items()}
