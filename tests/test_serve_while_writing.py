"""`newscheck serve` under a bounded load on loopback while `newscheck analyze` writes to the same
SQLite store: every request answers, none fails, and the new articles show up."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi", reason="serving needs the 'web' extra")

# The store's readers and its one writer are under test, not the derived stages.
SKIP = [f"--skip={s}" for s in ("link", "stories", "extract", "crosscheck")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "newscheck.cli", *args]


def _more_articles(path: Path, count: int) -> Path:
    words = [
        "quay",
        "tide",
        "ferry",
        "harbour",
        "pier",
        "lifeboat",
        "gull",
        "lantern",
        "council",
        "market",
    ]
    with path.open("w") as f:
        for i in range(count):
            body = " ".join(words[(i + j) % len(words)] for j in range(200))
            f.write(json.dumps({"id": f"m{i}", "title": f"Harbour note {i}", "text": body}) + "\n")
    return path


@pytest.mark.slow
def test_serve_answers_every_request_while_analyze_writes(
    example_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "n.db"
    subprocess.run(
        _cli("analyze", str(example_dir), "-o", str(tmp_path / "o1"), "--db", str(db), *SKIP, "-q"),
        check=True,
        timeout=600,
    )
    port = _free_port()
    server = subprocess.Popen(
        _cli("serve", "--db", str(db), "--port", str(port)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=10) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if client.get("/stories").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
            writer = subprocess.Popen(
                _cli(
                    "analyze",
                    str(_more_articles(tmp_path / "more.jsonl", 300)),
                    "-o",
                    str(tmp_path / "o2"),
                    "--db",
                    str(db),
                    *SKIP,
                    "-q",
                ),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            statuses: list[int] = []
            stop = time.monotonic() + 120
            while (writer.poll() is None or len(statuses) < 50) and time.monotonic() < stop:
                for path in ("/stories", "/stories.json", "/search?q=harbour"):
                    statuses.append(client.get(path).status_code)
            assert writer.wait(timeout=300) == 0, writer.stderr.read() if writer.stderr else ""
            assert statuses and set(statuses) == {200}, sorted(set(statuses))
            deadline = time.monotonic() + 30
            while "Harbour note" not in client.get("/search?q=note").text:
                assert time.monotonic() < deadline, "new articles never became visible"
                time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
