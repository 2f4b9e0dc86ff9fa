"""A private PostgreSQL cluster in a temporary folder, on a free loopback port.

The load test restarts its database on purpose; a cluster of its own means nobody else's tests
lose their connections. PostgreSQL refuses to run as root, so as root the server programs run as
the `postgres` system user."""

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.perf.server import free_port


def server_binaries():
    """The newest installed PostgreSQL's programs."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda path: int(Path(path).parent.parent.name),
    )
    if not found:
        raise RuntimeError("No PostgreSQL server found under /usr/lib/postgresql/*/bin.")
    return Path(found[-1]).parent


class PrivateCluster:
    def __init__(self):
        self.bin = server_binaries()
        self.folder = Path(tempfile.mkdtemp(prefix="jumelage-loadtest-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port = free_port()
        self.as_root = os.geteuid() == 0

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/jumelage"

    def run(self, program, *args):
        command = [str(self.bin / program), *args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        # Fixed program paths and arguments built here, never from input.
        return subprocess.run(command, check=True, capture_output=True, text=True)  # noqa: S603

    def start(self):
        if self.as_root:
            shutil.chown(self.folder, user="postgres", group="postgres")
        self.run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
            "--locale=C.UTF-8",
        )
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            # Loopback only, socket in our own folder, so the machine's cluster is never touched.
            conf.write(
                f"\nlisten_addresses = '127.0.0.1'\nport = {self.port}\n"
                f"unix_socket_directories = '{self.folder}'\nmax_connections = 200\n"
            )
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "start")
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "jumelage")

    def restart(self):
        """A fast restart, as after a crash or a failover: open connections are cut."""
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-m", "fast", "-w", "restart")

    def psql(self, sql):
        return self.run(
            "psql",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "-d",
            "jumelage",
            "-At",
            "-c",
            sql,
        ).stdout.strip()

    def destroy(self):
        if (self.data / "postmaster.pid").exists():
            try:
                self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
            except subprocess.CalledProcessError:
                pass
        shutil.rmtree(self.folder, ignore_errors=True)
