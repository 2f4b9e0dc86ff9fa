"""`make bench`: how fast the site answers on a large database, page by page.

    make bench                       # 10 s per URL and phase
    BENCH_QUICK=1 make bench         # 3 s per URL, to try things out
    BENCH_DURATION=30 make bench     # longer, steadier figures
    BENCH_RESEED=1 make bench        # seed the bench database again
    DB_CONN_MAX_AGE=0 make bench     # a new database connection per request (default here: 60)

The first run seeds its own PostgreSQL database, `jumelage_bench` on 127.0.0.1:5432 (the demo
plus `seed_bench`: 10,000 stories, 2,000 meetings, 500 members, in Dutch and German); later runs
reuse it. The site then runs as the README deploys it: production settings, collected static
files, gunicorn with 2 workers on a loopback port, Redis as cache (DB 13 unless BENCH_REDIS_URL
says otherwise). wrk measures each URL in two phases:

- cold: PAGE_CACHE_SECONDS=0, every request goes through the page's view and templates, as
  every request of a logged-in member does; the content cache works as in production, so after
  the first request of a URL the page's body comes from it as rendered HTML (until the next
  change of content or, for lists of what is upcoming, for at most 5 minutes);
- warm: the page cache on, after priming requests for each URL.

The SQL queries per page are counted in-process (tests/perf/bench_pages.py): "queries" with the
page's body rendered (what pages share cached; the budget), "cached" with the body from the
content cache too (most requests), "scratch" and "ms" for the first request after a change of
content, with nothing cached, and its time on its own. Each page's
requests per second are also given as a share of /healthz in the same phase: /healthz touches
the database once and renders nothing, so it is the floor of this stack on this machine.
Prints a table and writes bench-report.json."""

import http.client
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import redis
from psycopg import sql

from tests.perf.server import ROOT, Gunicorn, free_port, production_environment

SERVER = os.environ.get("BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
DATABASE = "jumelage_bench"
SEEDING = "jumelage_bench_seeding"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
WORK = ROOT / "bench-results"
REPORT = ROOT / "bench-report.json"
WORKERS = 2
WARM_CACHE_SECONDS = "3600"
# Persistent database connections unless the caller says otherwise: with a new connection per
# request (Django's default, 0), opening it costs more than all of /healthz's own work, and the
# floor every page is compared with would be the connection, not the application.
CONN_MAX_AGE = os.environ.get("DB_CONN_MAX_AGE", "60")
# As a TLS proxy forwards them, from a client that takes compressed answers as every browser and
# calendar application does.
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}
PRIMING_REQUESTS = 4
TARGETS = {"max_queries": 10, "min_warm_ratio": 0.5, "max_cold_p99_ms": 150}


def setting(name, default):
    return type(default)(os.environ.get(f"BENCH_{name}", default))


def say(text=""):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def run(command, env, quiet=False):
    """A command built here from fixed parts, never from input; stops the bench when it fails."""
    done = subprocess.run(  # noqa: S603
        command, cwd=ROOT, env=env, capture_output=quiet, text=True, check=False
    )
    if done.returncode:
        detail = f"\n{done.stdout[-2000:]}{done.stderr[-2000:]}" if quiet else ""
        raise SystemExit(f"bench: {' '.join(map(str, command[:4]))} failed{detail}")
    return done.stdout


def site_environment(database, **extra):
    """Production settings, and only what the deployment documents from the caller's shell."""
    return production_environment(
        f"{SERVER}/{database}",
        WORK / "media",
        CONN_MAX_AGE,
        REDIS_URL=REDIS_URL,
        PYTHONPATH=str(ROOT),
        **extra,
    )


def manage(env, *args):
    return run([sys.executable, "manage.py", *args], env)


# The database


def postgres():
    return psycopg.connect(f"{SERVER}/postgres", autocommit=True)


def database_exists(connection, name):
    found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    return found.fetchone() is not None


def ensure_database(reseed):
    """Seeds a database under a temporary name and renames it when complete, so a run that
    stopped half-way never leaves a database that looks ready."""
    with postgres() as connection:
        if database_exists(connection, DATABASE) and not reseed:
            return None
        for name in (DATABASE, SEEDING):
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(SEEDING)))
        # Seeding commits many small transactions; a crash half-way means seeding again anyway.
        connection.execute(
            sql.SQL("ALTER DATABASE {} SET synchronous_commit = off").format(
                sql.Identifier(SEEDING)
            )
        )
    shutil.rmtree(WORK / "media", ignore_errors=True)
    say(f"Seeding {DATABASE} (a few minutes, once)…")
    started = time.monotonic()
    env = site_environment(SEEDING, LOG_LEVEL="WARNING")
    manage(env, "migrate", "--no-input", "-v0")
    # The demo app (load_demo, seed_bench) is installed by the development settings only.
    manage(env, "seed_bench", "--settings=jumelage.settings.dev")
    with postgres() as connection:
        connection.execute(
            sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                sql.Identifier(SEEDING), sql.Identifier(DATABASE)
            )
        )
        connection.execute(
            sql.SQL("ALTER DATABASE {} RESET synchronous_commit").format(sql.Identifier(DATABASE))
        )
    # Planner statistics for the bulk-loaded tables, as after restoring a dump; autovacuum would
    # gather them only some time into the measurement.
    with psycopg.connect(f"{SERVER}/{DATABASE}", autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    return round(time.monotonic() - started, 1)


# The server


def fetch(port, path):
    """One GET as wrk sends it (no cookies, no compression); redirects are not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers=HEADERS)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def gunicorn(env, log):
    return Gunicorn(env, free_port(), log, WORKERS)


# Measuring

LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", re.MULTILINE)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(output):
    latency = {
        percentile: round(float(value) * UNIT_MS[unit], 2)
        for percentile, value, unit in LATENCY.findall(output)
    }
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    total = re.search(r"(\d+) requests in", output)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if not (rate and total and "50" in latency and "99" in latency):
        raise SystemExit(f"bench: unexpected wrk output:\n{output}")
    return {
        "requests_per_s": round(float(rate[1]), 1),
        "requests": int(total[1]),
        "p50_ms": latency["50"],
        "p99_ms": latency["99"],
        "errors": int(bad[1]) if bad else 0,
        "socket_errors": sum(int(count) for count in sockets.groups()) if sockets else 0,
    }


def wrk(port, path, seconds, config):
    command = [
        shutil.which("wrk"),
        f"--threads={config['threads']}",
        f"--connections={config['connections']}",
        f"--duration={seconds}s",
        "--timeout=30s",
        "--latency",
        *[f"--header={name}: {value}" for name, value in HEADERS.items()],
        f"http://127.0.0.1:{port}{path}",
    ]
    return parse_wrk(run(command, os.environ, quiet=True))


def count_queries(env):
    output = run([sys.executable, "-m", "tests.perf.bench_pages"], env, quiet=True)
    return json.loads(output)


def drain(port):
    """Waits until the server has answered what wrk left behind: requests still queued when wrk
    stops are served all the same, and would slow down the next measurement."""
    fetch(port, "/healthz")


def measure_phase(phase, env, config):
    """Rows of one phase: every URL primed, warmed up for a second, then measured."""
    cache = redis.Redis.from_url(REDIS_URL)
    cache.flushdb()
    probed = count_queries(env)
    cache.flushdb()
    rows = []
    with gunicorn(env, WORK / f"gunicorn-{phase}.log") as server:
        port = server.port
        for page in probed["pages"]:
            for _ in range(PRIMING_REQUESTS):
                status, headers, body = fetch(port, page["path"])
                if status != 200 or page["status"] != 200:
                    raise SystemExit(f"bench: {page['path']} answered {status}, not 200")
            wrk(port, page["path"], 1, config)
            drain(port)
            result = wrk(port, page["path"], config["duration"], config)
            drain(port)
            rows.append(
                {
                    **page,
                    "phase": phase,
                    "bytes": len(body),
                    "page_cache": headers.get("X-Page-Cache", ""),
                    **result,
                }
            )
            say(f"  {phase:4}  {page['label']:24} {result['requests_per_s']:8.1f} req/s")
    floor = next(row for row in rows if row["kind"] == "floor")["requests_per_s"]
    for row in rows:
        row["ratio_to_healthz"] = round(row["requests_per_s"] / floor, 3)
        row["targets"] = targets(row)
    return rows, probed["content"]


def targets(row):
    """The targets a row answers to: pages only; queries and p99 uncached, the ratio cached."""
    if row["kind"] != "page":
        return {}
    if row["phase"] == "cold":
        return {
            "queries": row["queries"] <= TARGETS["max_queries"],
            "p99": row["p99_ms"] < TARGETS["max_cold_p99_ms"],
        }
    return {"ratio": row["ratio_to_healthz"] >= TARGETS["min_warm_ratio"]}


# Reporting

# Title, width and format of each column of the table.
COLUMNS = [
    ("URL", -22, "label", "{}"),
    ("phase", -5, "phase", "{}"),
    ("req/s", 8, "requests_per_s", "{:.1f}"),
    ("/healthz", 8, "ratio_to_healthz", "{:.1%}"),
    ("p50 ms", 8, "p50_ms", "{:.1f}"),
    ("p99 ms", 8, "p99_ms", "{:.1f}"),
    ("queries", 7, "queries", "{}"),
    ("cached", 6, "cached_queries", "{}"),
    ("scratch", 7, "scratch_queries", "{}"),
    ("ms", 6, "scratch_ms", "{:.0f}"),
    ("bytes", 7, "bytes", "{}"),
    ("cache", 5, "page_cache", "{}"),
]
TARGET_NAMES = {
    "queries": f"≤{TARGETS['max_queries']} queries",
    "p99": f"p99 <{TARGETS['max_cold_p99_ms']} ms",
    "ratio": f"≥{TARGETS['min_warm_ratio']:.0%} of /healthz",
}


def cell(text, width):
    return text.ljust(-width) if width < 0 else text.rjust(width)


def table(rows):
    lines = ["  ".join(cell(title, width) for title, width, _, _ in COLUMNS) + "  targets"]
    for row in rows:
        cells = [cell(shape.format(row[key]), width) for _, width, key, shape in COLUMNS]
        marks = [
            f"{TARGET_NAMES[name]} {'met' if met else 'MISSED'}"
            for name, met in row["targets"].items()
        ]
        if row["errors"] or row["socket_errors"]:
            marks.append(f"errors: {row['errors']} non-2xx, {row['socket_errors']} socket")
        lines.append("  ".join(cells) + "  " + "; ".join(marks))
    lines.append("")
    lines += [f"{row['label']:<22} {row['path']}" for row in rows if row["phase"] == "cold"]
    return "\n".join(lines)


def machine():
    memory = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
    model = re.search(r"model name\s+:\s+(.*)", Path("/proc/cpuinfo").read_text())
    with postgres() as connection:
        version = connection.execute("SHOW server_version").fetchone()[0]
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "memory_gib": round(int(memory[1]) / 2**20, 1),
        "cpu": model[1] if model else platform.machine(),
        "python": platform.python_version(),
        "postgresql": version,
        # Other work on the machine shows here; the figures are only as steady as it is idle.
        "load_average": [round(load, 2) for load in os.getloadavg()],
    }


def main():
    quick = setting("QUICK", 0) == 1
    config = {
        "duration": setting("DURATION", 3 if quick else 10),
        "connections": setting("CONNECTIONS", 16),
        "threads": setting("THREADS", 2),
        "workers": WORKERS,
        "db_conn_max_age": CONN_MAX_AGE,
        "warm_page_cache_seconds": WARM_CACHE_SECONDS,
    }
    if not shutil.which("wrk"):
        raise SystemExit("bench: wrk is missing; `make bench` installs it (apt-get install wrk).")
    WORK.mkdir(exist_ok=True)
    seeded = ensure_database(setting("RESEED", 0) == 1)
    # A database seeded before the latest migrations follows them, as production would.
    manage(site_environment(DATABASE), "migrate", "--no-input", "-v0")
    manage(site_environment(DATABASE), "collectstatic", "--no-input", "-v0")
    report = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "make bench",
        "machine": machine(),
        "config": config,
        "seed_seconds": seeded,
        "targets": TARGETS,
        "results": [],
    }
    for phase, cache_seconds in (("cold", "0"), ("warm", WARM_CACHE_SECONDS)):
        env = site_environment(DATABASE, PAGE_CACHE_SECONDS=cache_seconds)
        rows, report["content"] = measure_phase(phase, env, config)
        report["results"] += rows
    report["load_average_after"] = [round(load, 2) for load in os.getloadavg()]
    REPORT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    say()
    say(table(report["results"]))
    say(f"\nWritten to {REPORT.relative_to(ROOT)}. Machine: {report['machine']}")


if __name__ == "__main__":
    main()
