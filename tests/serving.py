"""Helpers for the tests that need a real HTTP server: ``pactgraph serve`` or ``oxigraph serve`` on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A server process started for a test; ``url`` is its base URL (no trailing slash)."""

    def __init__(self, process: subprocess.Popen, url: str, log: Path):
        self.process, self.url, self.log = process, url, log

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


def _wait(server: Server, probe: str, timeout: float) -> Server:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"server exited with {server.process.returncode}:\n{server.output()}")
        try:
            with urllib.request.urlopen(server.url + probe, timeout=5) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"server did not answer within {timeout} s:\n{server.output()}")


def start_pactgraph(store: Path, *args: str, log_dir: Path, env: dict | None = None, timeout: float = 60) -> Server:
    """Run ``pactgraph serve --store STORE --port P ARGS…`` in a subprocess and wait until it answers."""
    port = free_port()
    log = log_dir / f"pactgraph-serve-{port}.log"
    command = [sys.executable, "-c", "from pactgraph.cli import main; main()", "serve", "--store", str(store),
               "--host", "127.0.0.1",
               "--port", str(port), *args]
    handle = log.open("wb")
    process = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    handle.close()
    return _wait(Server(process, f"http://127.0.0.1:{port}", log), "/sparql?query=ASK%7B%7D", timeout)


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` command (from the ``oxigraph`` package on PyPI), if installed."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def start_oxigraph(log_dir: Path, timeout: float = 30) -> Server:
    """Run an in-memory ``oxigraph serve`` on 127.0.0.1 and wait until it answers."""
    binary = oxigraph_binary()
    if binary is None:
        raise RuntimeError("the oxigraph command is not installed (pip install oxigraph)")
    port = free_port()
    log = log_dir / f"oxigraph-{port}.log"
    handle = log.open("wb")
    process = subprocess.Popen([binary, "serve", "--bind", f"127.0.0.1:{port}"], stdout=handle,
                               stderr=subprocess.STDOUT)
    handle.close()
    return _wait(Server(process, f"http://127.0.0.1:{port}", log), "/query?query=ASK%7B%7D", timeout)
