#!/usr/bin/env python3
"""The load of bench/edge: slow clients, then many clients, against one running instance.

Phase 1 (ATTACK_SECONDS): STALLED sockets send a POST head declaring a 100 kB body and `Action=`, then nothing;
TRICKLING sockets send one more byte every second. Each reconnects when the service answers or closes it, as a
persistent attacker would. Meanwhile, every 0.5 s, another client calls GET /actuator/health and a signed
ListTagResources, each on a fresh connection: their latencies are the result (bound: under 1 s).
Phase 2: CONCURRENT keep-alive connections each send CALLS_PER_CONNECTION signed ListTagResources calls.
Throughout, VmHWM and Threads of the service's JVM are sampled every 0.2 s.
"""
import argparse
import asyncio
import datetime
import json
import multiprocessing
import os
import statistics
import sys
import time
import urllib.request
import uuid

sys.path.insert(0, os.path.dirname(__file__))
import sign  # noqa: E402  (the benchmark's V1 signer)

STALLED = 300
TRICKLING = 300
ATTACK_SECONDS = 30
PROBE_INTERVAL = 0.5
CONCURRENT = 500
CALLS_PER_CONNECTION = 20
RESOURCES = 100
LATENCY_BOUND = 1.0
SLOW_HEAD = (b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n"
             b"Content-Type: application/x-www-form-urlencoded\r\n\r\nAction=")


class Sampler:
    def __init__(self, pid):
        self.pid, self.hwm_kb, self.max_threads, self.running = pid, 0, 0, True

    def sample(self):
        with open("/proc/%d/status" % self.pid) as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    self.hwm_kb = max(self.hwm_kb, int(line.split()[1]))
                elif line.startswith("Threads:"):
                    self.max_threads = max(self.max_threads, int(line.split()[1]))

    async def run(self):
        while self.running:
            self.sample()
            await asyncio.sleep(0.2)


def admin(port, token, method, path, body):
    request = urllib.request.Request("http://127.0.0.1:%d%s" % (port, path), method=method,
                                     data=json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"{}")


def list_call(key, n):
    timestamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    params = {"Action": "ListTagResources", "RegionId": sign.REGION_ID, "ResourceType": sign.RESOURCE_TYPE,
              "ResourceId.1": sign.resource_id(n % RESOURCES)}
    query = sign.signed_query(key["accessKeyId"], key["accessKeySecret"], "GET", params, uuid.uuid4().hex, timestamp)
    return ("GET /?%s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" % query).encode()


async def read_response(reader):
    """Status and body of one HTTP/1.1 answer with a Content-Length (all the service's answers have one)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        if line.lower().startswith("content-length:"):
            length = int(line.split(":")[1])
        elif line.lower().startswith("transfer-encoding:"):
            length = -1
    if length < 0:  # chunked (actuator)
        body = b""
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            chunk = await reader.readexactly(size + 2)
            body += chunk[:-2]
            if size == 0:
                break
    else:
        body = await reader.readexactly(length)
    return status, body


async def slow_client(port, trickle, until, counts):
    while time.monotonic() < until:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            counts["refused"] += 1
            await asyncio.sleep(0.5)
            continue
        counts["opened"] += 1
        try:
            writer.write(SLOW_HEAD)
            await writer.drain()
            while time.monotonic() < until:
                try:
                    status, _ = await asyncio.wait_for(read_response(reader), timeout=1.0)
                    counts["answered_%d" % status] = counts.get("answered_%d" % status, 0) + 1
                    break
                except asyncio.TimeoutError:
                    if trickle:
                        writer.write(b"a")
                        await writer.drain()
        except (OSError, asyncio.IncompleteReadError):
            counts["closed"] += 1
        finally:
            writer.close()


async def probe(port, request_bytes):
    start = time.monotonic()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request_bytes)
        await writer.drain()
        status, _ = await asyncio.wait_for(read_response(reader), timeout=30)
        return status, time.monotonic() - start
    finally:
        writer.close()


async def probe_loop(port, key, until):
    health, signed, failures, n = [], [], [], 0
    while time.monotonic() < until - 1:
        n += 1
        for name, request, latencies in (
                ("health", b"GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", health),
                ("signed", list_call(key, n), signed)):
            try:
                status, latency = await probe(port, request)
                latencies.append(latency)
                if status != 200:
                    failures.append("%s %d" % (name, status))
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError) as e:
                failures.append("%s %r" % (name, e))
        await asyncio.sleep(PROBE_INTERVAL)
    return {"health": summary(health), "signed_list": summary(signed), "probe_failures": failures}


def probe_process(port, key, until, results):
    results.put(asyncio.run(probe_loop(port, key, until)))


async def attack_phase(port, key):
    until = time.monotonic() + ATTACK_SECONDS
    counts = {"opened": 0, "closed": 0, "refused": 0}
    attackers = [asyncio.create_task(slow_client(port, i >= STALLED, until, counts))
                 for i in range(STALLED + TRICKLING)]
    await asyncio.sleep(2)  # every slow socket open and waiting
    # The other client is another process, as it would be: in this one, its timings would include the event loop's
    # own queue whenever hundreds of slow sockets are answered and reconnect at once.
    spawn = multiprocessing.get_context("spawn")
    results = spawn.Queue()
    prober = spawn.Process(target=probe_process, args=(port, key, until, results))
    prober.start()
    await asyncio.gather(*attackers)
    probes = await asyncio.get_running_loop().run_in_executor(None, results.get)
    prober.join()
    return {"stalled": STALLED, "trickling": TRICKLING, "seconds": ATTACK_SECONDS, "slow_sockets": counts, **probes}


async def connection(port, key, index, results):
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError as e:
        results["errors"].append(repr(e))
        return
    try:
        for call in range(CALLS_PER_CONNECTION):
            start = time.monotonic()
            writer.write(list_call(key, index * CALLS_PER_CONNECTION + call))
            await writer.drain()
            status, _ = await asyncio.wait_for(read_response(reader), timeout=60)
            results["latencies"].append(time.monotonic() - start)
            results["statuses"][status] = results["statuses"].get(status, 0) + 1
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError) as e:
        results["errors"].append(repr(e))
    finally:
        writer.close()


async def concurrency_phase(port, key):
    results = {"latencies": [], "statuses": {}, "errors": []}
    start = time.monotonic()
    await asyncio.gather(*(connection(port, key, i, results) for i in range(CONCURRENT)))
    elapsed = time.monotonic() - start
    return {"connections": CONCURRENT, "calls": len(results["latencies"]), "seconds": round(elapsed, 1),
            "req_per_s": round(len(results["latencies"]) / elapsed), "statuses": results["statuses"],
            "errors": results["errors"][:10], "error_count": len(results["errors"]),
            "latency": summary(results["latencies"])}


def summary(latencies):
    if not latencies:
        return {"count": 0}
    ordered = sorted(latencies)
    return {"count": len(ordered), "p50_ms": round(statistics.median(ordered) * 1000, 1),
            "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 1),
            "max_ms": round(ordered[-1] * 1000, 1)}


async def main(args):
    account = sign.ACCOUNT_ID
    key = admin(args.port, args.admin_token, "POST", "/admin/v1/access-keys", {"accountId": account, "service": False})
    admin(args.port, args.admin_token, "PUT", "/admin/v1/resources", {"resources": [
        {"regionId": sign.REGION_ID, "resourceType": sign.RESOURCE_TYPE, "resourceId": sign.resource_id(i),
         "accountId": account} for i in range(RESOURCES)]})
    sampler = Sampler(args.pid)
    sampling = asyncio.create_task(sampler.run())
    # A short warm-up, so that the first probes do not measure the JIT.
    await concurrency_warmup(args.port, key)
    sampler.sample()
    before = {"rss_peak_mb": round(sampler.hwm_kb / 1024), "threads_max": sampler.max_threads,
              "load_average_1m": round(os.getloadavg()[0], 1), "cpus": os.cpu_count()}
    print("phase 1: %d stalled + %d trickling sockets for %d s" % (STALLED, TRICKLING, ATTACK_SECONDS), file=sys.stderr)
    attack = await attack_phase(args.port, key)
    attack.update({"rss_peak_mb": round(sampler.hwm_kb / 1024), "threads_max": sampler.max_threads,
                   "load_average_1m_after": round(os.getloadavg()[0], 1)})
    print("phase 2: %d concurrent connections x %d calls" % (CONCURRENT, CALLS_PER_CONNECTION), file=sys.stderr)
    crowd = await concurrency_phase(args.port, key)
    sampler.running = False
    await sampling
    crowd.update({"rss_peak_mb": round(sampler.hwm_kb / 1024), "threads_max": sampler.max_threads,
                  "load_average_1m_after": round(os.getloadavg()[0], 1)})
    result = {"after_warmup": before, "slow_clients": attack, "many_clients": crowd}
    with open(args.out, "w") as out:
        json.dump(result, out, indent=2)
    print(json.dumps(result, indent=2))
    broken = []
    for name in ("health", "signed_list"):
        if attack[name].get("max_ms", 1e9) >= LATENCY_BOUND * 1000:
            broken.append("%s max %s ms under slow clients" % (name, attack[name].get("max_ms")))
    if attack["probe_failures"]:
        broken.append("probes failed: %s" % attack["probe_failures"][:5])
    if crowd["error_count"] or set(crowd["statuses"]) != {200}:
        broken.append("normal calls failed: %s %s" % (crowd["statuses"], crowd["errors"][:3]))
    for line in broken:
        print("FAILED: " + line, file=sys.stderr)
    return 1 if broken else 0


async def concurrency_warmup(port, key):
    results = {"latencies": [], "statuses": {}, "errors": []}
    await asyncio.gather(*(connection(port, key, 10_000 + i, results) for i in range(16)))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--admin-token", required=True)
    parser.add_argument("--out", required=True)
    sys.exit(asyncio.run(main(parser.parse_args())))
