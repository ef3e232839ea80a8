#!/usr/bin/env python3
"""Turns bench/run's run log (one JSON object per wrk or pgbench run) into the results table: printed, and written
to OUT.md, OUT.json (the keys the benchmark issue names) and OUT-details.json (everything measured).

A measured run with a failed request makes the report fail (exit status 1): a run with errors is not a result."""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys

import scenarios
import workload


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem_gb = 0
    try:
        with open("/proc/meminfo") as f:
            mem_gb = round(int(f.readline().split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass

    def version(command):
        try:
            out = subprocess.run(command, capture_output=True, text=True, timeout=20)
            return (out.stdout + out.stderr).strip().splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            return "unknown"

    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gb": mem_gb, "kernel": platform.release(),
        "java": version(["java", "-version"]), "postgresql": version(["psql", "-X", "-Atc", "show server_version"]),
        "wrk": version(["wrk", "-v"]).split(" Copyright")[0],
    }


def failures(run):
    if run["kind"] == "service":
        bad = run["non2xx"] + run["socket_errors"] + run["timeouts"] + run["exhausted"]
        return bad, "%d non-2xx %s, %d socket errors, %d timeouts, %d beyond the pool" % (
            run["non2xx"], run["statuses"], run["socket_errors"], run["timeouts"], run["exhausted"])
    return run["failed"], "%d failed transactions" % run["failed"]


def per_request(run, key):
    return run[key] / max(run["requests"], 1)


def write(runs, out, peak_rss_mb, java_opts, command, elapsed, scale_small, scale_large, startup_s=None):
    """Writes OUT.md, OUT.json and OUT-details.json from the runs and prints the table; returns 1 when a measured
    run had a failed request, else 0."""
    measured = [r for r in runs if r["phase"] == "measure"]
    # A scenario's row comes from its runs on its own data set (the scale run's U1 at other sizes is apart).
    service = {(r["scenario"], r["connections"]): r for r in measured
               if r["kind"] == "service" and r["scenario"] in scenarios.BY_NAME
               and r["resources"] == scenarios.BY_NAME[r["scenario"]].resources}
    ceiling = {(r["scenario"], r["connections"]): r for r in measured if r["kind"] == "ceiling"}

    order = [s.name for s in scenarios.SCENARIOS]
    rows = []
    for key in sorted(service, key=lambda k: (order.index(k[0]), k[1])):
        s, c = service[key], ceiling.get(key)
        ceiling_tps = round(c["tps"], 1) if c else None
        row = {
            "scenario": key[0], "connections": key[1], "rps": round(s["rps"], 1),
            "p50_ms": round(s["p50_us"] / 1000, 2), "p99_ms": round(s["p99_us"] / 1000, 2),
            "ceiling_tps": ceiling_tps,
            "ratio": round(s["rps"] / ceiling_tps, 3) if ceiling_tps else None,
            # Round trips to PostgreSQL per request: every statement of the request path runs in autocommit (no
            # BEGIN/COMMIT), so each is one transaction of the database (nonce, key lookups on a cache miss included).
            "statements_per_request": round(per_request(s, "xacts"), 2),
            "jvm_cpu_us": round(per_request(s, "jvm_cpu_s") * 1e6),
            "postgres_cpu_us": round(per_request(s, "postgres_cpu_s") * 1e6),
        }
        bound = scenarios.BY_NAME[key[0]].bound_ms
        if bound is not None:
            # The slowest call of the run, against the scenario's bound (issue 6: a filtered listing within 2 s).
            row.update(max_ms=round(s["max_us"] / 1000, 2), bound_ms=bound,
                       within_bound=s["max_us"] / 1000 < bound)
        rows.append(row)

    def scale_run(resources):
        found = [r for r in measured if r["kind"] == "service" and r["scenario"] == "U1"
                 and r["connections"] == 16 and r["resources"] == resources]
        return found[-1] if found else None

    small, large = scale_run(scale_small), scale_run(scale_large)
    scale_ratio = round(large["rps"] / small["rps"], 3) if small and large else None

    errors = []
    for r in measured:
        bad, text = failures(r)
        if bad:
            errors.append("%s %s c=%d (%d resources): %s" % (
                "service" if r["kind"] == "service" else "pgbench", r["scenario"], r["connections"],
                r["resources"], text))

    result = {"results": rows, "peak_rss_mb": round(peak_rss_mb, 1), "scale_ratio": scale_ratio,
              "startup_s": startup_s}
    details = {
        "generated_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": command, "elapsed_s": elapsed, "machine": machine(), "java_options": java_opts,
        "resources": workload.RESOURCES,
        "scale": {"resources_small": scale_small, "resources_large": scale_large,
                  "u1_rps_small": small and round(small["rps"], 1), "u1_rps_large": large and round(large["rps"], 1),
                  "u1_p99_ms_small": small and round(small["p99_us"] / 1000, 2),
                  "u1_p99_ms_large": large and round(large["p99_us"] / 1000, 2)},
        "errors": errors, "runs": runs,
    }

    header = "| scenario | connections | requests/s | p50 ms | p99 ms | ceiling TPS | ratio |"
    lines = [header, "|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append("| %s | %d | %.1f | %.2f | %.2f | %s | %s |" % (
            r["scenario"], r["connections"], r["rps"], r["p50_ms"], r["p99_ms"],
            "%.1f" % r["ceiling_tps"] if r["ceiling_tps"] else "n/a", "%.2f" % r["ratio"] if r["ratio"] else "n/a"))
    table = "\n".join(lines)

    cost = ["| scenario | connections | rows +/- per request | DB round trips (xacts) per request | JVM CPU us/req | "
            "PostgreSQL CPU us/req | wrk CPU us/req | other processes (cores) | ceiling: rows +/- per xact | "
            "ceiling: PostgreSQL CPU us/xact |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for key in sorted(service, key=lambda k: (order.index(k[0]), k[1])):
        s, c = service[key], ceiling.get(key)
        n = max(c["transactions"], 1) if c else 1
        cost.append("| %s | %d | %.2f | %.2f | %.0f | %.0f | %.0f | %.2f | %s | %s |" % (
            key[0], key[1], per_request(s, "rows_changed"), per_request(s, "xacts"),
            per_request(s, "jvm_cpu_s") * 1e6, per_request(s, "postgres_cpu_s") * 1e6,
            per_request(s, "wrk_cpu_s") * 1e6, s["other_cpu_s"] / (s["duration_us"] / 1e6),
            "%.2f" % (c["rows_changed"] / n) if c else "n/a",
            "%.0f" % (c.get("postgres_cpu_s", 0) * 1e6 / n) if c else "n/a"))

    m = details["machine"]
    md = ["# Benchmark results", "",
          "`%s`, %s, in %d s, on %s (%s cores, %s GB), Linux %s; %s; PostgreSQL %s; %s." % (
              command, details["generated_at"], elapsed, m["cpu"], m["cores"], m["memory_gb"],
              m["kernel"], m["java"], m["postgresql"], m["wrk"]),
          "", "JVM options: `%s`" % java_opts, "", table, "",
          "Peak RSS of the service (VmHWM): **%.1f MB**." % peak_rss_mb, "",
          "From `java -jar` to health UP: %s." % ("%.1f s" % startup_s if startup_s else "not measured"), ""]
    bounded = [r for r in rows if "bound_ms" in r]
    if bounded:
        md += ["Slowest call against its bound: " + "; ".join(
            "%s c=%d %.0f ms (%s %d ms)" % (r["scenario"], r["connections"], r["max_ms"],
                                            "within" if r["within_bound"] else "**over**", r["bound_ms"])
            for r in bounded) + ".", ""]
    if scale_ratio is not None:
        md += ["Scale: U1 at 16 connections, %d resources: %.1f req/s (p99 %.2f ms); %d resources: %.1f req/s "
               "(p99 %.2f ms); **scale_ratio %.3f**." % (
                   scale_small, small["rps"], small["p99_us"] / 1000, scale_large, large["rps"],
                   large["p99_us"] / 1000, scale_ratio), ""]
    else:
        md += ["Scale: not measured in this run (scale_ratio null).", ""]
    md += ["Where the cost goes (same runs; CPU time from /proc; 'other processes' is CPU the machine spent on anything "
           "else during the run, in cores: other users of a shared machine make a run slower):",
           "", "\n".join(cost), ""]
    if errors:
        md += ["**Runs with errors (not results):**", ""] + ["- " + e for e in errors] + [""]

    with open(out + ".json", "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    with open(out + "-details.json", "w") as f:
        json.dump(details, f, indent=2)
        f.write("\n")
    with open(out + ".md", "w") as f:
        f.write("\n".join(md))

    print()
    print(table)
    print()
    print("peak_rss_mb %.1f   scale_ratio %s" % (peak_rss_mb, scale_ratio))
    for r in bounded:
        print("%s c=%d slowest call %.0f ms: %s the %d ms bound" % (
            r["scenario"], r["connections"], r["max_ms"], "within" if r["within_bound"] else "OVER", r["bound_ms"]))
    print("written: %s.md, %s.json, %s-details.json" % (out, out, out))
    sys.stdout.flush()
    if errors:
        print("\nRUNS WITH ERRORS (not a result):\n  " + "\n  ".join(errors), file=sys.stderr)
        return 1
    return 0


def main():
    """Re-renders the results from a run log: report.py --runs bench/work/runs.jsonl --out bench/results/NAME ..."""
    p = argparse.ArgumentParser()
    p.add_argument("--runs", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--peak-rss-mb", type=float, required=True)
    p.add_argument("--java-opts", required=True)
    p.add_argument("--command", required=True)
    p.add_argument("--elapsed", type=int, required=True)
    p.add_argument("--startup-s", type=float, default=None)
    args = p.parse_args()
    with open(args.runs) as f:
        runs = [json.loads(line) for line in f if line.strip()]
    sys.exit(write(runs, args.out, args.peak_rss_mb, args.java_opts, args.command, args.elapsed, workload.SCALE_SMALL,
                   workload.SCALE_LARGE, args.startup_s))


if __name__ == "__main__":
    main()
