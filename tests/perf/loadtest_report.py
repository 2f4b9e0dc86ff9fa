"""What the load test found: figures from the clients' ledger and the database, the verdict, and
the same as a table for people and as JSON for machines."""

import math
import re
from collections import Counter, defaultdict

SERVER_FAILURES = ("5xx", "connection")
ERROR_KINDS = ("5xx", "4xx", "429", "connection", "form", "redirect")
# Errors closer together than this belong to the same disturbance.
QUIET_SECONDS = 5.0
EXCEPTION_LINE = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception)): ?(.*)$")
# The address part of connection errors is the same every time; what follows it differs.
SERVER_ADDRESS = re.compile(r'connection to server at "[^"]*", port \d+ failed: ')


def percentile(values, share):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def milliseconds(seconds):
    return None if seconds is None else round(seconds * 1000)


def request_figures(outcomes, duration):
    by_kind = defaultdict(list)
    for outcome in outcomes:
        by_kind[outcome.kind].append(outcome)
    latencies = [o.ended - o.started for o in outcomes]
    errors = Counter(o.error for o in outcomes if o.error)
    return {
        "total": len(outcomes),
        "per_second": round(len(outcomes) / duration, 1) if duration else None,
        "p50_ms": milliseconds(percentile(latencies, 0.5)),
        "p99_ms": milliseconds(percentile(latencies, 0.99)),
        "errors": {kind: errors.get(kind, 0) for kind in ERROR_KINDS},
        "per_kind": {
            kind: {
                "count": len(items),
                "errors": sum(1 for o in items if o.error),
                "p50_ms": milliseconds(percentile([o.ended - o.started for o in items], 0.5)),
                "p99_ms": milliseconds(percentile([o.ended - o.started for o in items], 0.99)),
            }
            for kind, items in sorted(by_kind.items())
        },
    }


def contribution_figures(sent, stored_titles):
    stored = set(stored_titles)
    by_title = {item.title: item for item in sent}
    missing = [item for item in sent if item.title not in stored]
    return {
        "sent": len(sent),
        "succeeded": sum(1 for item in sent if item.saved),
        "stored": len(stored),
        "missing_with_error": sum(1 for item in missing if not item.saved),
        "missing_silently": sum(1 for item in missing if item.saved),
        "stored_despite_error": sum(1 for item in sent if item.title in stored and not item.saved),
        "stored_never_sent": len(stored - by_title.keys()),
        "errors": dict(Counter(item.error for item in sent if item.error)),
        "missing_silently_titles": sorted(item.title for item in missing if item.saved),
    }


def registration_figures(audit):
    return {
        "capacity": audit["capacity"],
        "registered": audit["registered"],
        "waitlisted": audit["waitlisted"],
        "cancelled": audit["cancelled"],
        "over_booked": max(0, audit["registered"] - audit["capacity"]),
    }


def recovery_figures(outcomes, restart, run_end):
    """Seconds from the restart command until a database-backed page answers 200 again, and
    until the burst of server errors it caused is over (followed by a quiet stretch: a run
    must go on for QUIET_SECONDS after it to count as recovered)."""
    command, back = restart["command_at"], restart["done_at"]
    first_success = min(
        (
            o.ended
            for o in outcomes
            if o.db and o.status == 200 and o.started >= command and o.ended >= back
        ),
        default=None,
    )
    failures = sorted(o.ended for o in outcomes if o.error in SERVER_FAILURES)
    burst_end = command
    for moment in (t for t in failures if t >= command):
        if moment - burst_end > QUIET_SECONDS:
            break
        burst_end = moment
    recovered = first_success is not None and run_end - burst_end >= QUIET_SECONDS
    return {
        "restart_command_at_s": round(command, 2),
        "pg_ctl_restart_s": round(back - command, 2),
        "first_success_s": None if first_success is None else round(first_success - command, 2),
        "errors_stopped_s": round(burst_end - command, 2),
        "recovery_s": round(max(first_success, burst_end) - command, 2) if recovered else None,
        "server_failures_before": sum(1 for t in failures if t < command),
        "server_failures_during": sum(1 for t in failures if command <= t <= burst_end),
        "server_failures_after": sum(1 for t in failures if t > burst_end),
    }


def server_exceptions(log_text):
    """The exceptions the server logged, counted by type and message."""
    found = Counter()
    for line in log_text.splitlines():
        match = EXCEPTION_LINE.match(line)
        if match:
            message = SERVER_ADDRESS.sub("", match.group(2))
            found[f"{match.group(1)}: {message[:90]}"] += 1
    return dict(found.most_common(15))


def verdict(report, max_recovery):
    failures = []
    if report["contributions"]["missing_silently"]:
        failures.append("contributions lost without an error to their sender")
    if report["registrations"]["over_booked"]:
        failures.append("the meeting was over-booked")
    recovery = report["restart"]["recovery_s"]
    if recovery is None or recovery > max_recovery:
        failures.append(f"no recovery within {max_recovery} s of the database restart")
    return {"passed": not failures, "failures": failures}


def table(report):
    """The report as text for the terminal."""
    requests, contributions = report["requests"], report["contributions"]
    registrations, restart = report["registrations"], report["restart"]
    config = report["config"]
    lines = [
        f"Load test: {config['clients']} clients for {config['duration']:g} s, gunicorn "
        f"{config['workers']}x{config['threads']} (production settings), private PostgreSQL "
        f"restarted at {restart['restart_command_at_s']} s",
        "",
        f"{'requests':<22}{'count':>8}{'errors':>8}{'p50 ms':>9}{'p99 ms':>9}",
    ]
    for kind, figures in requests["per_kind"].items():
        lines.append(
            f"  {kind:<20}{figures['count']:>8}{figures['errors']:>8}"
            f"{figures['p50_ms']:>9}{figures['p99_ms']:>9}"
        )
    lines.append(
        f"  {'all':<20}{requests['total']:>8}{sum(requests['errors'].values()):>8}"
        f"{requests['p50_ms']:>9}{requests['p99_ms']:>9}   ({requests['per_second']} req/s)"
    )
    lines += ["", "errors by kind: " + ", ".join(f"{k} {v}" for k, v in requests["errors"].items())]
    lines += [
        "",
        "contributions: "
        + ", ".join(
            f"{key.replace('_', ' ')} {contributions[key]}"
            for key in (
                "sent",
                "succeeded",
                "stored",
                "missing_with_error",
                "missing_silently",
                "stored_despite_error",
            )
        ),
        "registrations: "
        + ", ".join(
            f"{key.replace('_', ' ')} {registrations[key]}"
            for key in ("capacity", "registered", "waitlisted", "cancelled", "over_booked")
        ),
        f"database restart: pg_ctl {restart['pg_ctl_restart_s']} s; first success after "
        f"{restart['first_success_s']} s; errors stopped after {restart['errors_stopped_s']} s; "
        f"recovered in {restart['recovery_s']} s",
        f"server errors (5xx/connection) before/during/after the restart: "
        f"{restart['server_failures_before']}/{restart['server_failures_during']}/"
        f"{restart['server_failures_after']}",
    ]
    if report["server_exceptions"]:
        lines += ["", "exceptions in the server log:"]
        lines += [f"  {count:>5} x {text}" for text, count in report["server_exceptions"].items()]
    result = report["verdict"]
    lines += ["", "PASSED" if result["passed"] else "FAILED: " + "; ".join(result["failures"])]
    return "\n".join(lines) + "\n"
