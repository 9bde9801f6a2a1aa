"""Faults: aba killed with SIGKILL mid-import and mid-call-save, PostgreSQL restarted under load.

Whatever happens, the database holds all or none of a piece of work, and every call the server
acknowledged (a 2xx reply) is there after a restart, with all of its commitments.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

from tests.reliability import support

pytestmark = [pytest.mark.slow, pytest.mark.nopg]  # they run their own databases and servers

COMMITMENTS = [
    {"party": "customer", "who": "Anna", "action": "send the signed RFP", "due": "2026-02-10"},
    {"party": "rep", "action": "send pricing", "due": "2026-02-09"},
]


@dataclass
class CallLoggers:
    """Threads logging calls through the API as fast as aba answers, recording what it acked."""

    base: str
    token: str
    opportunities: list[int]
    threads: int = 12
    acked: list[int] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    stop: threading.Event = field(default_factory=threading.Event)

    def __enter__(self) -> CallLoggers:
        self._workers = [
            threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(self.threads)
        ]
        for worker in self._workers:
            worker.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for worker in self._workers:
            worker.join(timeout=30)

    def _run(self, index: int) -> None:
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {self.token}"
        n = 0
        while not self.stop.is_set():
            opp = self.opportunities[(index + n) % len(self.opportunities)]
            n += 1
            payload = {
                "when": "2026-02-03T10:00:00",
                "commitments": COMMITMENTS,
                "notes": f"Call {uuid.uuid4()}: Anna sends the signed RFP by the 10th.",
            }
            try:
                reply = session.post(
                    f"{self.base}/api/v1/opportunities/{opp}/calls", json=payload, timeout=15
                )
            except requests.RequestException as exc:
                self.errors[type(exc).__name__] += 1
                time.sleep(0.05)
                continue
            if reply.status_code == 201:
                self.acked.append(int(reply.json()["id"]))
            else:
                self.errors[f"{reply.status_code} {reply.text[:120]}"] += 1
                time.sleep(0.05)

    def wait_for_acks(self, at_least: int, timeout: float = 60) -> None:
        support.wait_for(
            lambda: len(self.acked) >= at_least,
            timeout,
            f"{at_least} acknowledged calls (errors so far: {dict(self.errors)})",
        )


def assert_acked_calls_whole(env: dict[str, str], acked: list[int]) -> dict[int, int]:
    stored = support.calls_and_commitments(env)
    missing = set(acked) - set(stored)
    assert not missing, f"{len(missing)} acknowledged calls lost: {sorted(missing)[:10]}"
    half = {pk: n for pk, n in stored.items() if n != len(COMMITMENTS)}
    assert not half, f"calls without all their commitments: {half}"
    return stored


def test_sigkill_during_call_saves_loses_no_acknowledged_call(tmp_path: Path) -> None:
    env = support.aba_env(tmp_path / "data")
    seeded = support.seed(env)
    with (
        support.server(env, workers=2, threads=4, log=tmp_path / "server.log") as (base, proc),
        CallLoggers(base, str(seeded["token"]), list(seeded["opportunities"])) as load,
    ):
        load.wait_for_acks(60)
        # Twelve writers in two processes on SQLite: none may see "database is locked".
        assert not load.errors, f"errors before the kill: {dict(load.errors)}"
        support.kill_group(proc, signal.SIGKILL)
        acked = list(load.acked)
    stored = assert_acked_calls_whole(env, acked)
    assert len(stored) >= len(acked)

    with support.server(env) as (base, _):  # restarted, aba serves and saves again
        me = requests.get(
            f"{base}/api/v1/me", timeout=10, headers={"Authorization": f"Bearer {seeded['token']}"}
        )
        assert me.status_code == 200 and me.json()["username"] == "rita"


def test_sigkill_mid_import_leaves_all_or_none(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = support.aba_env(data)
    support.aba(
        "import",
        *map(
            str,
            support.write_pipeline(tmp_path / "old", opportunities=20, calls_per=2, prefix="OLD"),
        ),
        env=env,
    )
    before = support.django_script(STATE, env)
    assert before["OLD"] == [20, 40] and before["BIG"] == [0, 0]

    big = support.write_pipeline(tmp_path / "big", opportunities=4000, calls_per=4, prefix="BIG")
    importing = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.cli", "import", *map(str, big)],
        cwd=support.ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    wal = data / "aba.sqlite3-wal"
    try:
        # Uncommitted pages spill into the WAL once the import has written a few thousand rows.
        support.wait_for(
            lambda: (
                importing.poll() is None
                and wal.stat().st_size > 512 * 1024
                or importing.poll() is not None
            ),
            120,
            "the import to start writing",
        )
        assert importing.poll() is None, "the import ended before it could be killed"
    finally:
        support.kill_group(importing, signal.SIGKILL)

    after = support.django_script(STATE, env)
    assert after["integrity"] == "ok"
    assert after["OLD"] == before["OLD"] and after["old_calls"] == before["old_calls"]
    assert after["BIG"] in ([0, 0], [4000, 16000]), f"a partial import: {after['BIG']}"
    # Restarted, aba imports again (no lock or half-written state left behind).
    support.aba(
        "import",
        *map(
            str,
            support.write_pipeline(tmp_path / "new", opportunities=3, calls_per=1, prefix="NEW"),
        ),
        env=env,
    )
    assert support.django_script(STATE, env)["NEW"] == [3, 3]


STATE = """
from django.db import connection
from aba.sales.models import Call, Opportunity
result = {p: [Opportunity.objects.filter(external_id__startswith=p + "-").count(),
              Call.objects.filter(external_id__startswith=p + "-C").count()]
          for p in ("OLD", "BIG", "NEW")}
result["old_calls"] = sorted(Call.objects.filter(external_id__startswith="OLD-")
                             .values_list("external_id", "notes", "outcome"))
with connection.cursor() as cursor:
    cursor.execute("PRAGMA integrity_check")
    result["integrity"] = cursor.fetchone()[0]
"""


def test_postgresql_restart_under_load_loses_no_acknowledged_write(tmp_path: Path) -> None:
    with support.pg_cluster() as cluster:
        env = support.aba_env(tmp_path / "data", cluster.create_database("aba"))
        seeded = support.seed(env)
        with (
            support.server(env, log=tmp_path / "server.log") as (base, _),
            CallLoggers(
                base, str(seeded["token"]), list(seeded["opportunities"]), threads=8
            ) as load,
        ):
            load.wait_for_acks(30)
            cluster.restart()
            restarted_at = len(load.acked)
            # aba reconnects by itself: calls are acknowledged again after the restart.
            load.wait_for_acks(restarted_at + 30)
            acked = list(load.acked)
        assert_acked_calls_whole(env, acked)
        print(
            f"PostgreSQL restart: {len(acked)} calls acknowledged, errors during the restart: "
            f"{dict(load.errors)}"
        )
