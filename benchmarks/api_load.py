"""Load benchmark of the events endpoint: builds a database of synthetic events through the Store
API, serves it with uvicorn on 127.0.0.1 (its own process), and drives GET /api/events with wrk
(or, where wrk is absent, a bounded asyncio/httpx client); prints requests/s and p99 latency.

    .venv/bin/python benchmarks/api_load.py                  # 100k events, 10 s, 16 connections
    .venv/bin/python benchmarks/api_load.py --events 20000 --seconds 5 --connections 8

Goal on the project's 2-core machine: >= 500 requests/s with p99 < 100 ms. Every request is
bounded: wrk by --seconds, the Python client by --seconds and --max-requests.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
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
from pathlib import Path

from marsad.records import Actor, Event, EventDate, Location, Toll
from marsad.store import Store

TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
         ("Strategic developments", "Arrests")]
PLACES = [("حلب", "Aleppo", 36.20, 37.16), ("إدلب", "Idlib", 35.93, 36.63), ("الرقة", "Raqqa", 35.95, 39.01),
          ("دير الزور", "Deir ez-Zor", 35.33, 40.14), ("درعا", "Daraa", 32.62, 36.10), ("حمص", "Homs", 34.73, 36.71)]
ACTORS = [("الجيش السوري", "Syrian Army"), ("قوات سوريا الديمقراطية", "SDF"), ("فصائل المعارضة", "Opposition factions")]

# The request mix: the page's list view and typical analyst filters (wrk rotates through them).
PATHS = [
    "/api/events?limit=50",
    "/api/events?limit=50&view=summary",
    "/api/events?type=Battles&limit=50",
    "/api/events?date_from=2023-03-01&date_to=2023-03-31&limit=50",
    "/api/events?bbox=36,35,37.5,36.5&limit=50",
    "/api/events?sort=-killed&limit=20",
    "/api/events?type=Protests&date_from=2022-06&limit=50&view=summary",
    "/api/events?limit=50&offset=500",
]


def synthetic_events(count: int, seed: int = 7) -> list[Event]:
    rng = random.Random(seed)
    start = 19000  # days since 1970: 2022-01-08
    events = []
    for number in range(count):
        event_type, sub_type = rng.choice(TYPES)
        name_ar, name_en, lat, lon = rng.choice(PLACES)
        day = time.strftime("%Y-%m-%d", time.gmtime((start + rng.randrange(900)) * 86400))
        actor = rng.choice(ACTORS)
        killed = rng.choice([None, None, 0, 1, 2, 3, 5, 8, 13, 20])
        events.append(Event(
            id=f"m{number:07d}", type=event_type, sub_type=sub_type, date=EventDate(day, day, "day"),
            location=Location(name_ar, name_en, admin1=name_en, country="Syria", lat=lat + rng.uniform(-.3, .3),
                              lon=lon + rng.uniform(-.3, .3), precision=1),
            actor1=Actor(*actor), killed=Toll(killed) if killed is not None else None,
            disputes=[{"kind": "toll", "a": "x", "b": "y", "note": "synthetic"}] if number % 17 == 0 else []))
    return events


def build_database(path: Path, count: int) -> float:
    """Write `count` merged events in one transaction; returns the seconds it took."""
    started = time.perf_counter()
    with Store(path) as store, store.transaction():
        store.replace_merged(synthetic_events(count), [], [])
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(db: str, port: int) -> None:
    import uvicorn

    from marsad.api.app import create_app

    # The rate limit stays on (its cost is measured) but high enough for one loopback client.
    app = create_app(db, token="", rate=1e9, burst=1e9)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def start_server(db: str, port: int, workers: int):  # noqa: ANN201 - a Process or a Popen
    """One process serving the app, or uvicorn's supervisor with `workers` processes (what
    `marsad serve --workers N` runs)."""
    if workers <= 1:
        server = multiprocessing.get_context("spawn").Process(target=serve, args=(db, port), daemon=True)
        server.start()
        return server
    env = dict(os.environ, MARSAD_DB=db, MARSAD_RATE="off", MARSAD_TOKEN="")
    return subprocess.Popen([sys.executable, "-m", "uvicorn", "marsad.api.app:app_from_env", "--factory",
                             "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
                             "--log-level", "warning", "--no-access-log"], env=env)


def stop_server(server) -> None:  # noqa: ANN001
    server.terminate()
    if isinstance(server, subprocess.Popen):
        server.wait(10)
    else:
        server.join(10)


def wait_until_up(base: str, seconds: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not come up")


def run_wrk(base: str, seconds: int, connections: int, threads: int) -> tuple[float, float]:
    lua = "paths = {" + ",".join(f'"{p}"' for p in PATHS) + "}\n" + (
        "counter = 0\nrequest = function()\n counter = counter + 1\n"
        " return wrk.format(\"GET\", paths[(counter % #paths) + 1])\nend\n")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua)
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s",
         "-s", script.name, base], capture_output=True, text=True, timeout=seconds + 30, check=True).stdout
    Path(script.name).unlink()
    print(output)
    if "Non-2xx" in output:
        raise SystemExit("some requests failed (see wrk's output)")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = _wrk_ms(re.search(r"99%\s+([\d.]+\w+)", output).group(1))
    return rps, p99


def _wrk_ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


async def run_python_client(base: str, seconds: int, connections: int, max_requests: int) -> tuple[float, float]:
    import httpx

    latencies: list[float] = []
    deadline = time.monotonic() + seconds

    async def worker(client: httpx.AsyncClient, offset: int) -> None:
        number = offset
        while time.monotonic() < deadline and len(latencies) < max_requests:
            started = time.perf_counter()
            response = await client.get(PATHS[number % len(PATHS)])
            response.raise_for_status()
            latencies.append((time.perf_counter() - started) * 1000)
            number += 1

    limits = httpx.Limits(max_connections=connections)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=5) as client:
        started = time.perf_counter()
        await asyncio.gather(*(worker(client, i) for i in range(connections)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    p99 = latencies[int(0.99 * (len(latencies) - 1))]
    print(f"{len(latencies)} requests, median {statistics.median(latencies):.1f} ms")
    return len(latencies) / elapsed, p99


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--workers", type=int, default=1, help="server processes (marsad serve --workers)")
    parser.add_argument("--max-requests", type=int, default=200_000, help="Python client bound")
    parser.add_argument("--db", type=Path, help="reuse (or keep) this database")
    parser.add_argument("--python-client", action="store_true", help="use the Python client even if wrk exists")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="marsad-load-"))
    db = args.db or folder / "load.db"
    if not db.exists():
        seconds = build_database(db, args.events)
        print(f"built {args.events} events in {seconds:.1f} s ({args.events / seconds:.0f}/s) at {db}")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(str(db), port, args.workers)
    try:
        wait_until_up(base)
        tool = "wrk" if shutil.which("wrk") and not args.python_client else "python"
        if tool == "wrk":
            rps, p99 = run_wrk(base, args.seconds, args.connections, args.threads)
        else:
            rps, p99 = asyncio.run(run_python_client(base, args.seconds, args.connections, args.max_requests))
    finally:
        stop_server(server)
        if not args.db:
            shutil.rmtree(folder, ignore_errors=True)
    verdict = "OK" if rps >= 500 and p99 < 100 else "BELOW GOAL"
    print(f"RESULT tool={tool} events={args.events} connections={args.connections} workers={args.workers} "
          f"requests/s={rps:.0f} p99_ms={p99:.1f} goal(>=500 req/s, p99<100 ms)={verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
