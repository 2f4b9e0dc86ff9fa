"""`make bench`: how fast the site answers on a large database, page by page, with and without
its caches, for anonymous visitors and for members.

    make bench                       # 10 s per URL and phase
    BENCH_QUICK=1 make bench         # 3 s per URL, to try things out
    BENCH_DURATION=30 make bench     # longer, steadier figures
    BENCH_RESEED=1 make bench        # seed the bench database again
    BENCH_PHASES=uncached,cached make bench   # some of the phases only
    DB_CONN_MAX_AGE=0 make bench     # a new database connection per request (default here: 60)
    BENCH_GUNICORN_THREADS=4 make bench   # threaded workers (gthread) instead of sync ones

The first run seeds its own PostgreSQL database, `jumelage_bench` on 127.0.0.1:5432 (the demo
plus `seed_bench`: 10,000 stories, 2,000 meetings, 500 members, in Dutch and German); later runs
reuse it. The site then runs as the README deploys it: production settings, collected static
files, gunicorn with 2 workers on a loopback port. wrk measures each URL in four phases:

- uncached: production settings without REDIS_URL, so without any cache (PAGE_CACHE_SECONDS
  and CONTENT_CACHE_SECONDS are 0): every request goes through the page's view and templates and
  asks the database for everything, as on a site deployed without Redis;
- cached: with Redis (DB 13 unless BENCH_REDIS_URL says otherwise) and the anonymous page
  cache on, after priming requests for each URL;
- member: the same server, every request from a logged-in member (their session cookie), which
  the page cache never serves;
- writes: as "cached", while two members write once a second each (join or leave a sector,
  register for a meeting or cancel: tests/perf/bench_writers.py).

Each page's requests per second are given as a share of a static file's in the same phase (the
stylesheet, served by WhiteNoise through the same workers: the floor of this stack on this
machine, so the shares hold across machines and loads), and for "writes" as a share of the same
page's "cached" figures (req/s as shares of the static file's in each phase). The SQL queries
per page are counted in-process with caches off (tests/perf/bench_pages.py): what every uncached
request costs. Prints a table and the targets of
issue 14 met or missed, and writes bench-report.json."""

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

from tests.perf.bench_writers import Writers
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
PHASES = ("uncached", "cached", "member", "writes")
# Issue 14's targets: shares of a static file's requests per second in the same phase, queries
# with caches off, and what members' writes may cost anonymous visitors of the cache.
TARGETS = {
    "max_queries": 12,
    "min_uncached_ratio": 0.04,
    "min_cached_ratio": 0.5,
    "min_member_ratio": 0.25,
    "max_writes_p99_factor": 2.0,
    "min_writes_rate_share": 0.8,
}
# The pages whose uncached figures the issue names.
UNCACHED_TARGET_PAGES = ("home", "story index", "story")
WRITERS = 2
MEMBER_SESSIONS = 40


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


def site_environment(database, cached=True, **extra):
    """Production settings, and only what the deployment documents from the caller's shell;
    with Redis as cache, or without (then production settings switch every cache off)."""
    env = production_environment(
        f"{SERVER}/{database}", WORK / "media", CONN_MAX_AGE, PYTHONPATH=str(ROOT), **extra
    )
    env.pop("REDIS_URL", None)
    env.pop("CACHE_KEY_PREFIX", None)
    # The table's `cache` column reads it.
    env["PAGE_CACHE_HEADER"] = "1"
    if cached:
        env["REDIS_URL"] = REDIS_URL
    else:
        # Nor rendered fragments in each process's memory.
        env["CACHE_RENDERED_HTML"] = "0"
    return env


def seeding_environment(database):
    """The development settings, which install the demo app that holds `seed_bench`."""
    return site_environment(
        database, cached=False, LOG_LEVEL="WARNING", DJANGO_SETTINGS_MODULE="jumelage.settings.dev"
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
    env = seeding_environment(SEEDING)
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


def fetch(port, path, headers=None):
    """One GET as wrk sends it; redirects are not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers={**HEADERS, **(headers or {})})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def gunicorn(env, log):
    return Gunicorn(env, free_port(), log, WORKERS, setting("GUNICORN_THREADS", 1))


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


def wrk(port, path, seconds, config, headers=None):
    headers = {**HEADERS, **(headers or {})}
    command = [
        shutil.which("wrk"),
        f"--threads={config['threads']}",
        f"--connections={config['connections']}",
        f"--duration={seconds}s",
        "--timeout=30s",
        "--latency",
        *[f"--header={name}: {value}" for name, value in headers.items()],
        f"http://127.0.0.1:{port}{path}",
    ]
    return parse_wrk(run(command, os.environ, quiet=True))


def bench_pages(env, *args):
    return json.loads(run([sys.executable, "-m", "tests.perf.bench_pages", *args], env, True))


def drain(port):
    """Waits until the server has answered what wrk left behind: requests still queued when wrk
    stops are served all the same, and would slow down the next measurement."""
    fetch(port, "/healthz")


def measure_urls(phase, port, pages, config, headers=None):
    """Rows of one phase: every URL primed, warmed up for a second, then measured. A member's
    page is served from the anonymous one only where a visitor has been: one goes first, so the
    member phase measures the same without the cached phase before it (BENCH_PHASES=member)."""
    rows = []
    for page in pages:
        if headers:
            fetch(port, page["path"])
        for _ in range(PRIMING_REQUESTS):
            status, answer_headers, body = fetch(port, page["path"], headers)
            if status != 200:
                raise SystemExit(f"bench: {page['path']} answered {status}, not 200 ({phase})")
        wrk(port, page["path"], 1, config, headers)
        drain(port)
        result = wrk(port, page["path"], config["duration"], config, headers)
        drain(port)
        rows.append(
            {
                **page,
                "phase": phase,
                "bytes": len(body),
                "page_cache": answer_headers.get("X-Page-Cache", ""),
                **result,
            }
        )
        say(f"  {phase:8}  {page['label']:24} {result['requests_per_s']:8.1f} req/s")
    static = next(row for row in rows if row["kind"] == "static")["requests_per_s"]
    for row in rows:
        row["ratio_to_static"] = round(row["requests_per_s"] / static, 3)
    return rows


def uncached_phase(config):
    env = site_environment(DATABASE, cached=False)
    probed = bench_pages(env, "pages")
    with gunicorn(env, WORK / "gunicorn-uncached.log") as server:
        rows = measure_urls("uncached", server.port, probed["pages"], config)
    return rows, probed


def cached_phases(pages, phases, config):
    """The cached, member and writes phases, on one server with Redis."""
    redis.Redis.from_url(REDIS_URL).flushdb()
    env = site_environment(DATABASE, PAGE_CACHE_SECONDS=WARM_CACHE_SECONDS)
    members = bench_pages(env, "members", str(MEMBER_SESSIONS))
    member_cookie = {"Cookie": f"{members['cookie']}={members['sessions'][0]}"}
    rows = []
    writes = {}
    with gunicorn(env, WORK / "gunicorn-cached.log") as server:
        if "cached" in phases:
            rows += measure_urls("cached", server.port, pages, config)
        if "member" in phases:
            rows += measure_urls("member", server.port, pages, config, member_cookie)
        if "writes" in phases:
            with Writers(server.url, members, count=WRITERS) as writers:
                rows += measure_urls("writes", server.port, pages, config)
            writes = writers.statuses()
    return rows, writes


def targets(row, rows):
    """The targets a row answers to (pages only)."""
    if row["kind"] != "page":
        return {}
    ratio = row["ratio_to_static"]
    if row["phase"] == "uncached":
        met = {"queries": row["queries"] <= TARGETS["max_queries"]}
        if row["label"] in UNCACHED_TARGET_PAGES:
            met["uncached"] = ratio >= TARGETS["min_uncached_ratio"]
        return met
    if row["phase"] == "cached":
        return {"cached": ratio >= TARGETS["min_cached_ratio"]}
    if row["phase"] == "member":
        return {"member": ratio >= TARGETS["min_member_ratio"]}
    quiet = next(
        (other for other in rows if other["phase"] == "cached" and other["path"] == row["path"]),
        None,
    )
    if quiet is None:
        return {}
    row["p99_factor"] = round(row["p99_ms"] / max(quiet["p99_ms"], 0.01), 2)
    # As shares of the static file in each phase: what the machine's other work took from both
    # phases alike does not count against the writes.
    row["rate_share"] = round(row["ratio_to_static"] / quiet["ratio_to_static"], 3)
    return {
        "writes_p99": row["p99_factor"] <= TARGETS["max_writes_p99_factor"],
        "writes_rate": row["rate_share"] >= TARGETS["min_writes_rate_share"],
    }


# Reporting

# Title, width and format of each column of the table; a row without the value shows "".
COLUMNS = [
    ("URL", -22, "label", "{}"),
    ("phase", -8, "phase", "{}"),
    ("req/s", 8, "requests_per_s", "{:.1f}"),
    ("static", 7, "ratio_to_static", "{:.1%}"),
    ("p50 ms", 8, "p50_ms", "{:.1f}"),
    ("p99 ms", 8, "p99_ms", "{:.1f}"),
    ("queries", 7, "queries", "{}"),
    ("ms", 6, "render_ms", "{:.0f}"),
    ("bytes", 7, "bytes", "{}"),
    ("cache", 5, "page_cache", "{}"),
]
TARGET_NAMES = {
    "queries": f"≤{TARGETS['max_queries']} queries",
    "uncached": f"≥{TARGETS['min_uncached_ratio']:.0%} of static",
    "cached": f"≥{TARGETS['min_cached_ratio']:.0%} of static",
    "member": f"≥{TARGETS['min_member_ratio']:.0%} of static",
    "writes_p99": f"p99 ≤{TARGETS['max_writes_p99_factor']:g}× cached",
    "writes_rate": f"req/s ≥{TARGETS['min_writes_rate_share']:.0%} of cached",
}


def cell(text, width):
    return text.ljust(-width) if width < 0 else text.rjust(width)


def table(rows):
    lines = ["  ".join(cell(title, width) for title, width, _, _ in COLUMNS) + "  targets"]
    for row in rows:
        cells = [
            cell(shape.format(row[key]) if key in row else "", width)
            for _, width, key, shape in COLUMNS
        ]
        marks = [
            f"{TARGET_NAMES[name]} {'met' if met else 'MISSED'}"
            for name, met in row["targets"].items()
        ]
        if "p99_factor" in row:
            marks.append(f"({row['p99_factor']:.2f}× p99, {row['rate_share']:.0%} req/s)")
        if row["errors"] or row["socket_errors"]:
            marks.append(f"errors: {row['errors']} non-2xx, {row['socket_errors']} socket")
        lines.append("  ".join(cells) + "  " + "; ".join(marks))
    lines.append("")
    lines += [f"{row['label']:<22} {row['path']}" for row in rows if row["phase"] == "uncached"]
    return "\n".join(lines)


def summary(rows):
    """One line per target: how many pages met it."""
    lines = []
    for name, title in TARGET_NAMES.items():
        results = [row["targets"][name] for row in rows if name in row["targets"]]
        if results:
            missed = [
                f"{row['label']} ({row['phase']})"
                for row in rows
                if row["targets"].get(name) is False
            ]
            lines.append(
                f"{title}: {sum(results)}/{len(results)} met"
                + (f"; missed: {', '.join(missed)}" if missed else "")
            )
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
    phases = [phase for phase in setting("PHASES", ",".join(PHASES)).split(",") if phase]
    unknown = set(phases) - set(PHASES)
    if unknown:
        raise SystemExit(f"bench: unknown phases {', '.join(sorted(unknown))}; known: {PHASES}")
    config = {
        "duration": setting("DURATION", 3 if quick else 10),
        "connections": setting("CONNECTIONS", 16),
        "threads": setting("THREADS", 2),
        "workers": WORKERS,
        "gunicorn_threads": setting("GUNICORN_THREADS", 1),
        "db_conn_max_age": CONN_MAX_AGE,
        "page_cache_seconds": WARM_CACHE_SECONDS,
        "writers": WRITERS,
        "phases": phases,
    }
    if not shutil.which("wrk"):
        raise SystemExit("bench: wrk is missing; `make bench` installs it (apt-get install wrk).")
    WORK.mkdir(exist_ok=True)
    seeded = ensure_database(setting("RESEED", 0) == 1)
    # A database seeded before the latest migrations follows them, as production would.
    manage(site_environment(DATABASE, cached=False), "migrate", "--no-input", "-v0")
    manage(site_environment(DATABASE, cached=False), "collectstatic", "--no-input", "-v0")
    report = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "make bench",
        "machine": machine(),
        "config": config,
        "seed_seconds": seeded,
        "targets": TARGETS,
        "results": [],
    }
    # The pages (and their queries, with caches off) are found once, on the uncached settings.
    rows, probed = uncached_phase(config) if "uncached" in phases else ([], None)
    if probed is None:
        probed = bench_pages(site_environment(DATABASE, cached=False), "pages")
    report["content"] = probed["content"]
    report["results"] += rows
    cached_rows, report["writes"] = cached_phases(probed["pages"], phases, config)
    report["results"] += cached_rows
    for row in report["results"]:
        row["targets"] = targets(row, report["results"])
    report["load_average_after"] = [round(load, 2) for load in os.getloadavg()]
    REPORT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    say()
    say(table(report["results"]))
    if report["writes"]:
        say(f"\nWrites during the writes phase (action status: count): {report['writes']}")
    say("\n" + summary(report["results"]))
    say(f"\nWritten to {REPORT.relative_to(ROOT)}. Machine: {report['machine']}")


if __name__ == "__main__":
    main()
