"""Load benchmark of ``newscheck serve``: requests/s and latency of the story page.

    python bench/web_load.py [--quick] [--articles N] [--concurrency C] [--duration S]
                             [--client auto|wrk|python] [--fresh]

1. Generates a store of N articles (fictional generated text; default 100,000, --quick 5,000)
   written straight through the store API: stories of 1-9 articles, each with an origin, copies
   and rewrites (links with sentence pairs), independent reports, families, claims and claim
   groups; the biggest stories also get conflicts and a cited summary. The store is kept in
   bench/results/ and reused by later runs (--fresh writes it again).
2. Starts ``newscheck serve`` on that store (a real uvicorn process on 127.0.0.1).
3. From a second process (wrk when installed, else a small asyncio HTTP/1.1 client), runs a
   bounded closed-loop load of C concurrent connections for S seconds against
   - the story page of the biggest story (what a reader sees; the page cache answers),
   - story pages spread over many stories (mostly first renders, the cache cannot help),
   - the style sheet (reference: the same server stack doing no work of ours),
   and prints requests/s, p50/p95/p99 latency and errors for each, the story page's rate as a
   ratio of the reference, first-render latency measured one request at a time, and the
   server's peak memory. Target: story page p95 under 100 ms at 100 concurrent requests on
   2 cores, no errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from web_data import ensure_store

# --------------------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "newscheck.cli", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "NEWSCHECK_TOKEN": ""},
    )
    began = time.monotonic()
    deadline = began + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            errors = process.stderr.read().decode() if process.stderr else ""
            raise SystemExit(f"newscheck serve failed: {errors}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/stories.json", timeout=60):
                print(f"server answering {time.monotonic() - began:.1f} s after its start")
                return process
        except OSError:
            time.sleep(0.3)
    raise SystemExit("newscheck serve did not answer within 120 s")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


# --------------------------------------------------------------------------- the load


@dataclass
class Stats:
    requests: int
    errors: int
    seconds: float
    p50: float
    p95: float
    p99: float
    server_cpu_ms: float = float("nan")
    """Server CPU time per request: what a request costs whatever else runs on the machine."""

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


WRK_SCRIPT = """
local paths = {}
local i = 0
for line in io.lines("%s") do paths[#paths + 1] = line end
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
                 + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %%d %%d %%f %%f %%f %%f\\n", summary.requests, errors,
    summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3))
end
"""


def load_with_wrk(port: int, paths: list[str], concurrency: int, seconds: float) -> Stats:
    folder = Path(tempfile.mkdtemp(prefix="web-load-"))
    try:
        (folder / "paths.txt").write_text("\n".join(paths) + "\n")
        script = folder / "paths.lua"
        script.write_text(WRK_SCRIPT % (folder / "paths.txt"))
        output = subprocess.run(
            [
                "wrk",
                "-t1",
                f"-c{concurrency}",
                f"-d{max(1, round(seconds))}s",
                "--timeout",
                "5s",
                "-s",
                str(script),
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    line = next(x for x in output.splitlines() if x.startswith("RESULT "))
    requests, errors, duration, p50, p95, p99 = line.split()[1:]
    return Stats(int(requests), int(errors), float(duration), float(p50), float(p95), float(p99))


def load_with_python(port: int, paths: list[str], concurrency: int, seconds: float) -> Stats:
    config = json.dumps(
        {"port": port, "paths": paths, "concurrency": concurrency, "seconds": seconds}
    )
    output = subprocess.run(
        [sys.executable, __file__, "--as-client", config],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(output)
    return Stats(**data)


async def _client(port: int, paths: list[str], concurrency: int, seconds: float) -> Stats:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    counter = iter(range(10**12))

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < stop:
                path = paths[next(counter) % len(paths)]
                began = time.perf_counter()
                writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
                head = await reader.readuntil(b"\r\n\r\n")
                status = int(head.split(b" ", 2)[1])
                length = int(re.search(rb"(?i)content-length: *(\d+)", head).group(1))  # type: ignore[union-attr]
                await reader.readexactly(length)
                latencies.append(time.perf_counter() - began)
                if status != 200:
                    errors += 1
        except (OSError, asyncio.IncompleteReadError):
            errors += 1
        finally:
            writer.close()

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - began
    ordered = sorted(latencies) or [float("nan")]

    def pct(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    return Stats(len(latencies), errors, elapsed, pct(0.50), pct(0.95), pct(0.99))


def first_renders(port: int, paths: list[str]) -> list[float]:
    """Latency of pages no one asked for before (the cache cannot answer), one at a time."""
    times = []
    for path in paths:
        began = time.perf_counter()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as response:
            response.read()
        times.append((time.perf_counter() - began) * 1000)
    return times


def measured(server: subprocess.Popen[bytes], load: Any, *args: Any) -> Stats:
    before = cpu_seconds(server.pid)
    stats: Stats = load(*args)
    used = cpu_seconds(server.pid) - before
    stats.server_cpu_ms = used * 1000 / max(1, stats.requests)
    return stats


def report(name: str, stats: Stats, reference: Stats | None = None) -> None:
    ratio = f"; {stats.rate / reference.rate:.2f}x the reference rate" if reference else ""
    print(
        f"{name:<34} {stats.rate:7.0f} req/s  p50 {stats.p50:6.1f} ms  p95 {stats.p95:6.1f} ms  "
        f"p99 {stats.p99:6.1f} ms  errors {stats.errors}  ({stats.requests} requests; "
        f"server CPU {stats.server_cpu_ms:.2f} ms/request{ratio})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="5,000 articles and short runs")
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--concurrency", type=int, default=100)
    parser.add_argument("--duration", type=float, default=None, help="seconds per load run")
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--fresh", action="store_true", help="generate the store again")
    parser.add_argument("--as-client", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.as_client:
        config = json.loads(args.as_client)
        stats = asyncio.run(_client(**config))
        print(json.dumps(stats.__dict__))
        return
    articles = args.articles or (5_000 if args.quick else 100_000)
    seconds = args.duration or (3.0 if args.quick else 15.0)
    client = args.client
    if client == "auto":
        client = "wrk" if shutil.which("wrk") else "python"
    load = load_with_wrk if client == "wrk" else load_with_python

    db = ensure_store(articles, args.fresh)
    port = free_port()
    server = start_server(db, port)
    try:
        from newscheck.store import open_store

        with open_store(db, read_only=True) as store:
            stories = sorted(store.stories(), key=lambda s: (-len(s.article_ids), s.id))
        hot = f"/stories/{stories[0].id}"
        spread = [f"/stories/{s.id}" for s in stories[1:]]
        rng = random.Random(3)
        rng.shuffle(spread)
        cores = os.cpu_count()
        print(
            f"store: {articles:,} articles, {len(stories):,} stories; server: newscheck serve "
            f"(uvicorn, 1 process); client: {client}, {args.concurrency} connections, "
            f"{seconds:g} s per run; {cores} cores"
        )
        cold = first_renders(port, spread[:50])
        print(
            f"{'first render, one at a time':<34} p50 {statistics.median(cold):7.1f} ms  "
            f"max {max(cold):7.1f} ms  (50 stories never asked for before)"
        )
        load(port, [hot], args.concurrency, 1.0)  # warm-up
        reference = measured(
            server, load, port, ["/static/newscheck.css"], args.concurrency, seconds
        )
        report("reference: /static/newscheck.css", reference)
        page = measured(server, load, port, [hot], args.concurrency, seconds)
        report(f"story page ({len(stories[0].article_ids)} articles)", page, reference)
        many = measured(server, load, port, spread[50:], args.concurrency, seconds)
        report(f"story pages spread over {len(spread) - 50:,}", many, reference)
        load_average = os.getloadavg()[0]
        print(f"machine load average during the run: {load_average:.1f} on {cores} cores")
        verdict = "met" if page.p95 < 100 and page.errors == 0 else "NOT met"
        print(f"target p95 < 100 ms at {args.concurrency} concurrent, no errors: {verdict}")
        print(f"server peak memory: {peak_rss_mib(server.pid):.0f} MiB")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
