"""The application as production runs it, for the load test and the bench: production settings,
collected static files, gunicorn on a loopback port, behind a (pretended) TLS-terminating proxy."""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
VENV_BIN = Path(sys.executable).parent


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_environment(database_url, media_root, conn_max_age, **extra):
    """Only what the deployment documents, so nothing from the caller's shell (a real SMTP
    server, a bucket, a translation service) leaks in. A REDIS_URL of the caller is kept, under
    a key prefix of this run alone, unless `extra` names one."""
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="jumelage.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        # Persistent connections, as a busy site keeps them: they must survive the restart.
        DB_CONN_MAX_AGE=str(conn_max_age),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        MEDIA_ROOT=str(media_root),
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    if os.environ.get("REDIS_URL"):
        env.update(
            REDIS_URL=os.environ["REDIS_URL"], CACHE_KEY_PREFIX=f"run-{secrets.token_hex(4)}"
        )
    env.update(extra)
    return env


def run_python(env, *args):
    """This interpreter on the project, with arguments built by this script, never from input;
    a failure shows what the step printed."""
    done = subprocess.run(  # noqa: S603
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeError(
            f"{' '.join(args[:3])} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
        )
    return done.stdout


def manage(env, *args):
    return run_python(env, "manage.py", *args)


def data_step(env, action, options):
    """Runs tests.perf.loadtest_data with the server's settings; returns its JSON answer."""
    return json.loads(
        run_python(env, "-m", "tests.perf.loadtest_data", action, json.dumps(options))
    )


class Gunicorn:
    """Sync workers, or threaded ones when `threads` > 1; also a context manager that stops it."""

    def __init__(self, env, port, log, workers, threads=1):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log = log
        command = [
            str(VENV_BIN / "gunicorn"),
            "jumelage.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            *([f"--threads={threads}", "--worker-class=gthread"] if threads > 1 else []),
            "--timeout=30",
            "--graceful-timeout=5",
            # Another gunicorn on this machine may hold the default control socket.
            "--no-control-socket",
        ]
        with open(log, "ab") as output:
            self.process = subprocess.Popen(  # noqa: S603 - the venv's gunicorn, fixed arguments
                command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
            )

    def wait_until_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log}")
            try:
                # Loopback address of the server this script just started.
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as answer:  # noqa: S310
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer /healthz within {timeout} s; see {self.log}")

    def __enter__(self):
        self.wait_until_ready()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        stop_process(self.process)


def stop_process(process):
    """Ends a server process: politely, then, after 15 s, by force."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
