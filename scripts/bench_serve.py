"""p50/p95 latency of the API and the claim page through uvicorn on loopback (a benchmark, not a test).

    .venv/bin/python scripts/bench_graph.py --checkpoints 100000 --samples 2 --db build/bench100k.db
    .venv/bin/python scripts/bench_serve.py --db build/bench100k.db --requests 40

Starts `claimgraph serve` on a free loopback port as a subprocess, waits for
/v1/health, then sends a bounded number of sequential requests per route
(one client, keep-alive) and prints a Markdown table of milliseconds.
Claims are drawn from the store's most evidenced (the heaviest to list) and
from a random sample of the rest; briefs from a fixed set of questions. The
server is stopped at the end whatever happens.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import httpx

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = ["China supplies weapons to Russia", "Chinese companies supply drone engines to Russia",
             "La Chine livre-t-elle des armes à la Russie ?", "Who sanctions Xiamen Limbach?",
             "Is the Chinese government involved?"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def timed(client: httpx.Client, urls: list[str]) -> list[float]:
    out = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        out.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code} {response.text[:200]}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--requests", type=int, default=40, help="timed requests per route (after 3 warm-ups)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    server = subprocess.Popen([sys.executable, "-m", "claimgraph", "serve", "--db", args.db, "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            deadline = time.monotonic() + 600
            while True:
                try:
                    health = client.get("/v1/health").json()
                    break
                except httpx.TransportError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit("server did not start: " + (server.stderr.read().decode()[-2000:] if server.stderr else ""))
                    time.sleep(0.5)
            rng = random.Random(7)
            top = [c["id"] for c in client.get("/v1/claims", params={"limit": 50}).json()["items"]]
            some = [c["id"] for c in client.get("/v1/claims", params={"limit": 200, "offset": min(5000, health["claims"] // 2)}).json()["items"]] or top
            claims = [rng.choice(top[:10] if i % 2 == 0 else some) for i in range(args.requests + 3)]
            routes = {
                "GET /v1/claims": ["/v1/claims"] * (args.requests + 3),
                "GET /v1/claims/{id}": [f"/v1/claims/{c}" for c in claims],
                "GET /v1/brief?q=": [f"/v1/brief?q={quote(QUESTIONS[i % len(QUESTIONS)])}" for i in range(args.requests + 3)],
                "claim page /claims/{id}": [f"/claims/{c}" for c in claims],
            }
            results = {}
            for name, urls in routes.items():
                timed(client, urls[:3])  # warm-up: caches, the embedder's first load
                times = timed(client, urls[3:])
                results[name] = {"n": len(times), "p50": round(statistics.median(times), 1),
                                 "p95": round(percentile(times, 0.95), 1), "max": round(max(times), 1)}
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
    print(f"store: {health['documents']} articles, {health['claims']} claims; load average {os.getloadavg()[0]:.1f}")
    print("| route | requests | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    for name, r in results.items():
        print(f"| {name} | {r['n']} | {r['p50']} | {r['p95']} | {r['max']} |")
    if args.json:
        args.json.write_text(json.dumps({"store": health, "routes": results}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
