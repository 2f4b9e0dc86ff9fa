"""Load and fault test: the site under production settings and gunicorn on a private PostgreSQL,
many visitors and members at once, and the database restarted half-way.

    make loadtest                                   # 32 clients for 60 s
    LOADTEST_CLIENTS=8 LOADTEST_DURATION=20 make loadtest

It reports requests, errors by kind, latency, whether every contribution a member was told was
saved is in the database (and every missing one was answered with an error), whether the nearly
full meeting was over-booked, and how long the site took to recover from the restart. The exit
status is non-zero when a contribution was lost silently, a meeting over-booked, or the site did
not recover in time. Everything listens on 127.0.0.1 only."""

import json
import os
import secrets
import signal
import sys
import threading
import time
import traceback
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from tests.perf import loadtest_report as report_of
from tests.perf.loadtest_clients import (
    Ledger,
    Member,
    MemberPlan,
    Visitor,
    stylesheet_path,
    warm_up,
)
from tests.perf.loadtest_cluster import PrivateCluster
from tests.perf.server import (
    ROOT,
    Gunicorn,
    data_step,
    free_port,
    manage,
    production_environment,
)


@dataclass
class Config:
    """Each field can be set as LOADTEST_<NAME>, e.g. LOADTEST_CLIENTS=8."""

    clients: int = 32
    duration: float = 60.0
    restart_at: float = 0.5  # share of the duration
    workers: int = 3
    threads: int = 4
    conn_max_age: int = 60  # DB_CONN_MAX_AGE of the server
    member_share: float = 0.5
    capacity: int = 40
    free_places: int = 5
    # Below the 30 contributions an hour a member may post, so rate limits are not measured.
    posts_per_member: int = 20
    think: float = 0.3  # longest pause between a client's requests, in seconds
    max_recovery: float = 30.0
    report: str = str(ROOT / "loadtest-report.json")

    @classmethod
    def from_environment(cls):
        values = {}
        for field in fields(cls):
            raw = os.environ.get(f"LOADTEST_{field.name.upper()}")
            if raw:
                values[field.name] = type(field.default)(raw)
        return cls(**values)


def say(text):
    sys.stdout.write(f"[loadtest] {text}\n")
    sys.stdout.flush()


def guarded(client, ledger, *args):
    """A client that trips over something unexpected is noted, not silently lost."""
    try:
        client.run(*args)
    except Exception:  # any failure of the client itself goes into the report
        ledger.note(f"client {client.number} stopped:\n{traceback.format_exc()}")


def run_load(config, base, data, cluster, reading):
    """Runs the clients for the configured time and restarts PostgreSQL on the way; returns
    what they saw, when the restart began and ended, and when the clients were stopped."""
    ledger = Ledger(time.monotonic())
    stop = threading.Event()
    plan = MemberPlan(
        data["members"],
        data["password"],
        data["meeting"],
        data["sectors"],
        data["towns"],
        data["title_prefix"],
        config.posts_per_member,
    )
    # Members spread evenly among visitors, so both kinds start at once.
    share = config.member_share
    clients = [
        Member(number, base, ledger, number, plan=plan)
        if int((number + 1) * share) > int(number * share)
        else Visitor(number, base, ledger, number)
        for number in range(config.clients)
    ]
    threads = [
        threading.Thread(
            target=guarded, args=(client, ledger, stop, reading, config.think), daemon=True
        )
        for client in clients
    ]
    for thread in threads:
        thread.start()
    restart = {}
    restart_at = config.duration * config.restart_at
    next_status = 0.0
    while (elapsed := ledger.now()) < config.duration:
        if not restart and elapsed >= restart_at:
            restart["command_at"] = ledger.now()
            cluster.restart()
            restart["done_at"] = ledger.now()
            say(f"PostgreSQL restarted at {restart['command_at']:.1f} s")
        if elapsed >= next_status:
            failures = sum(1 for o in ledger.outcomes if o.error in report_of.SERVER_FAILURES)
            say(f"{elapsed:5.1f} s: {len(ledger.outcomes)} requests, {failures} server errors")
            next_status += 10
        time.sleep(0.05)
    stop.set()
    run_end = ledger.now()
    for thread in threads:
        thread.join(timeout=40)
    return ledger, restart, run_end


def interrupt(_signal, _frame):
    raise KeyboardInterrupt


def prepare_site(cluster, config):
    """The database, the demo content, the load's members and meeting, and gunicorn serving
    it all, warmed up. Returns the server and what the clients need to know."""
    cluster.start()
    port = free_port()
    env = production_environment(
        cluster.url,
        cluster.folder / "media",
        config.conn_max_age,
        WAGTAILADMIN_BASE_URL=f"https://127.0.0.1:{port}",
    )
    # The demo app (load_demo) is installed by the development settings only.
    demo = ["load_demo", "--settings=jumelage.settings.dev"]
    for step in (["migrate", "--no-input"], demo, ["collectstatic", "--no-input"]):
        say("manage.py " + " ".join(step))
        manage(env, *step)
    password = secrets.token_urlsafe(16)
    data = data_step(
        env,
        "prepare",
        {
            # Enough members that each posts fewer contributions than its rate limit allows.
            "members": max(10, int(config.clients * config.member_share) * 10),
            "capacity": config.capacity,
            "free_places": config.free_places,
            "password": password,
        },
    )
    data.update(env=env, password=password, title_prefix=f"Belastingtest {secrets.token_hex(4)}")
    say(f"gunicorn on 127.0.0.1:{port}, {config.workers} workers x {config.threads} threads")
    server = Gunicorn(env, port, cluster.folder / "gunicorn.log", config.workers, config.threads)
    server.wait_until_ready()
    reading = [tuple(item) for item in data["reading"]]
    reading.append(("static", stylesheet_path(server.url)))
    say(f"warming up: reading each of {len(reading)} addresses once")
    failed = warm_up(server.url, reading)
    if failed:
        raise RuntimeError("Pages do not render:\n" + "\n".join(failed))
    data["reading"] = reading
    return server, data


def build_report(config, ledger, restart, run_end, audit, server_log):
    report = {
        "config": asdict(config),
        "requests": report_of.request_figures(ledger.outcomes, run_end),
        "contributions": report_of.contribution_figures(ledger.sent, audit["stored_titles"]),
        "registrations": report_of.registration_figures(audit),
        "restart": report_of.recovery_figures(ledger.outcomes, restart, run_end),
        "server_exceptions": report_of.server_exceptions(server_log),
        "client_notes": ledger.notes,
    }
    report["verdict"] = report_of.verdict(report, config.max_recovery)
    return report


def main():
    config = Config.from_environment()
    # Also when started in the background, where the shell has SIGINT ignored.
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    cluster = PrivateCluster()
    server = None
    try:
        say(f"private PostgreSQL on 127.0.0.1:{cluster.port} in {cluster.folder}")
        server, data = prepare_site(cluster, config)
        say(f"{config.clients} clients for {config.duration:g} s")
        ledger, restart, run_end = run_load(config, server.url, data, cluster, data["reading"])
        audit = data_step(
            data["env"],
            "audit",
            {"title_prefix": data["title_prefix"], "meeting_id": data["meeting"]["id"]},
        )
        server.stop()
        report = build_report(
            config, ledger, restart, run_end, audit, server.log.read_text(errors="replace")
        )
        Path(config.report).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        sys.stdout.write("\n" + report_of.table(report))
        for note in ledger.notes:
            sys.stdout.write(f"note: {note}\n")
        say(f"report written to {config.report}")
        return 0 if report["verdict"]["passed"] else 1
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    finally:
        # A second Ctrl-C must not leave a PostgreSQL server behind.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if server is not None:
            server.stop()
        cluster.destroy()


if __name__ == "__main__":
    sys.exit(main())
