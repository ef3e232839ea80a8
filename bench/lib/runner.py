"""bench/run: the tag API benchmark. Throughput, latency, memory and scale of the service, side by side with
PostgreSQL's own ceiling (pgbench running the least SQL each operation needs). See bench/README.md.

  bench/run            U1, U50, T1, L1 at 1, 16 and 64 connections (20 s after a 5 s warm-up), the pgbench ceiling
                       of each; LF5, LFV (ListTagResources with tag filters) and DT (DescribeTags) at 1 and 16
                       connections (10 s); the scale run (U1 at 16 connections with 10,000 and with 1,000,000
                       resources); writes bench/results/latest.{md,json}
  bench/run --quick    U1 and U50 at 16 connections, 10 s runs; writes bench/results/quick.{md,json}
  bench/run --profile  also records a JFR profile of the service and pg_stat_statements during each measured
                       run at 16 connections (bench/work/profile/)

Environment: BENCH_DATABASE_URL (postgresql://user:password@host:port/db: a server on which that user may create
databases; otherwise the local PostgreSQL 15 cluster is started with pg_ctlcluster), BENCH_PORT (18080),
BENCH_JAVA_OPTS (replaces @jvm.options), BENCH_SKIP_BUILD=1 (use the jar in target/), BENCH_KEEP_DB=1, and for
experiments BENCH_DURATION, BENCH_WARMUP (seconds), BENCH_SCENARIOS ("U1 U50"; names of lib/scenarios.py, or LF
for LF5 and LFV), BENCH_CONNECTIONS ("16"), BENCH_NO_SCALE=1.
"""
import contextlib
import fcntl
import json
import os
import resource as rusage
import shutil
import signal
import socket
import string
import subprocess
import sys
import time

import database
import report
import scenarios
import service as svc
import sign
import workload as w

BENCH_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(BENCH_DIR)
LIB = os.path.join(BENCH_DIR, "lib")
WORK = os.path.join(BENCH_DIR, "work")
RESULTS = os.path.join(BENCH_DIR, "results")
REQUESTS = os.path.join(WORK, "req")


class Failure(SystemExit):
    pass


class Settings:
    def __init__(self, argv, env):
        self.quick = self.profile = False
        for arg in argv:
            if arg == "--quick":
                self.quick = True
            elif arg == "--profile":
                self.profile = True
            elif arg in ("-h", "--help"):
                print(__doc__)
                sys.exit(0)
            else:
                print("unknown option: " + arg, file=sys.stderr)
                sys.exit(2)
        self.command = " ".join(["bench/run"] + list(argv))
        self.database_url = env.get("BENCH_DATABASE_URL") or None
        self.port = int(env.get("BENCH_PORT") or w.PORT)
        # The JVM as production runs it on a 2-core, 512 MB box: jvm.options (fixed heap, serial GC, bounded
        # metaspace and code cache); MALLOC_ARENA_MAX=2 (glibc otherwise keeps one arena per thread).
        self.java_opts = env.get("BENCH_JAVA_OPTS") or "@" + os.path.join(ROOT, "jvm.options")
        if self.profile:
            self.java_opts += " -XX:FlightRecorderOptions:stackdepth=256"   # Spring's stacks pass JFR's 64 frames
        self.skip_build = bool(env.get("BENCH_SKIP_BUILD"))
        self.keep_db = bool(env.get("BENCH_KEEP_DB"))
        if self.quick:
            names, connections, self.scale, self.result_name = scenarios.QUICK, scenarios.QUICK_CONNECTIONS, False, "quick"
        else:
            names, connections, self.scale, self.result_name = scenarios.FULL, scenarios.FULL_CONNECTIONS, True, "latest"
        self.duration = int(env.get("BENCH_DURATION") or (10 if self.quick else 20))
        self.duration_set = bool(env.get("BENCH_DURATION"))
        self.warmup = int(env.get("BENCH_WARMUP") or 5)
        # The first measured run follows the JVM's start: warm the JIT up for longer so that it is not the one run
        # measured on a half-compiled service (--quick: 25 s, to stay within 4 minutes).
        self.first_warmup = int(env.get("BENCH_WARMUP") or (25 if self.quick else 40))
        self.scenarios = scenarios.select(env["BENCH_SCENARIOS"].split() if env.get("BENCH_SCENARIOS") else names)
        self.connections_set = bool(env.get("BENCH_CONNECTIONS"))
        self.connections = tuple(int(c) for c in env["BENCH_CONNECTIONS"].split()) if self.connections_set \
            else connections
        if env.get("BENCH_NO_SCALE"):
            self.scale = False

    def connections_for(self, scenario):
        if self.connections_set or self.quick or scenario.connections is None:
            return self.connections
        return scenario.connections

    def duration_for(self, scenario):
        if self.duration_set or self.quick or scenario.duration_s is None:
            return self.duration
        return scenario.duration_s


class Bench:
    def __init__(self, settings):
        self.s = settings
        self.start = time.time()
        self.db = None
        self.service = None
        self.key = None
        self.loaded = 0
        self.pool_dirty = 0            # pool pairs [0, pool_dirty) possibly deleted since the last restore
        self.first_warmup_done = False
        self.startup_s = None
        self.runs_path = os.path.join(WORK, "runs.jsonl")
        self.lock = None

    # -- plumbing ---------------------------------------------------------------------------------------------
    def log(self, message):
        print("[bench %4ds] %s" % (time.time() - self.start, message), file=sys.stderr, flush=True)

    def die(self, message):
        self.log("ERROR: " + message)
        raise Failure(1)

    def take_lock(self):
        # Two benchmarks at once on one machine measure nothing and share the database name, the role and the
        # port: wait for the other one.
        self.lock = open(w.LOCK_FILE, "w")
        try:
            fcntl.flock(self.lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            print("[bench] another bench/run is running; waiting for it (up to 30 minutes)", file=sys.stderr)
        deadline = time.time() + 1800
        while time.time() < deadline:
            time.sleep(1)
            try:
                fcntl.flock(self.lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                self.start = time.time()
                return
            except BlockingIOError:
                pass
        print("[bench] ERROR: the other bench/run did not finish", file=sys.stderr)
        raise Failure(1)

    def install_missing(self):
        wanted = [("wrk", "wrk"), ("psql", "postgresql-client"), ("pgbench", "postgresql-contrib"),
                  ("curl", "curl"), ("java", "openjdk-17-jdk-headless")]
        packages = [package for tool, package in wanted if not shutil.which(tool)]
        if not self.s.database_url and not shutil.which("pg_ctlcluster"):
            packages.append("postgresql-15")
        if packages:
            self.log("installing " + " ".join(packages))
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            subprocess.run(["apt-get", "update", "-qq"], env=env, check=True, stdout=subprocess.DEVNULL)
            subprocess.run(["apt-get", "install", "-y", "-qq", *packages], env=env, check=True,
                           stdout=subprocess.DEVNULL)

    def cleanup(self):
        if self.service:
            self.service.stop(grace=15)
        if self.db:
            if not self.s.keep_db:
                self.db.drop()
            self.db.stop_cluster()
        self.remove_request_files()

    @staticmethod
    def remove_request_files():
        for name in os.listdir(WORK) if os.path.isdir(WORK) else []:
            if name.startswith("req."):
                os.remove(os.path.join(WORK, name))

    # -- the service --------------------------------------------------------------------------------------------
    def build_jar(self):
        if not self.s.skip_build:
            self.log("building the service jar (%s)" % " ".join(["./mvnw"] + svc.BUILD[1:]))
            svc.build()
        try:
            return svc.jar(build_if_missing=False)
        except SystemExit:
            self.die("no jar in target/")

    def start_service(self, jar):
        self.log("starting the service: java %s -jar %s on 127.0.0.1:%d" % (self.s.java_opts, os.path.basename(jar),
                                                                          self.s.port))
        with socket.socket() as probe:
            probe.settimeout(1)
            if probe.connect_ex(("127.0.0.1", self.s.port)) == 0:
                self.die("port %d is taken; set BENCH_PORT" % self.s.port)
        self.service = svc.Service(
            self.s.port, "jdbc:postgresql://%s:%s/%s" % (self.db.host, self.db.port, self.db.name), self.db.user,
            self.db.password, os.path.join(WORK, "service.log"), extra_env=w.THROTTLE_LIFT,
            java_options=self.s.java_opts.split())
        try:
            startup = self.service.wait_healthy(timeout=120, interval=0.1)
        except SystemExit as failed:
            self.tail_service_log()
            self.die(str(failed))
        self.startup_s = round(startup, 1)
        self.log("service up in %.1f s (pid %d, RSS %.1f MB)" % (self.startup_s, self.service.process.pid,
                                                                 self.service.status_mb("VmRSS")))
        self.key = self.service.access_key(w.ACCOUNT_ID)
        self.log("access key %s for account %s" % (self.key[0], w.ACCOUNT_ID))

    def tail_service_log(self):
        try:
            with open(os.path.join(WORK, "service.log"), errors="replace") as f:
                sys.stderr.write("".join(f.readlines()[-40:]))
        except OSError:
            pass

    # -- data -----------------------------------------------------------------------------------------------------
    def load_resources(self, total):
        """Grows the data set to TOTAL resources with 10 tags each."""
        started = time.time()
        if self.loaded:
            self.restore()   # the pool's pairs map to resources modulo the data set's size: put them back first
        added = total - self.loaded
        self.log("loading resources %d..%d (fixture: %d resource rows, %d tag rows)"
                 % (self.loaded, total, added, added * len(w.KEYS)))
        self.db.sql(file=os.path.join(BENCH_DIR, "sql", "fixture.sql"),
                    variables=dict(w.psql_variables(), first=self.loaded, last=total))
        self.db.sql("vacuum analyze resource", "vacuum analyze tag")
        self.loaded = total
        self.log("loaded in %d s: %s" % (time.time() - started,
                                         self.db.sql("select pg_size_pretty(pg_database_size(current_database()))")))

    def check_fixture_equivalence(self):
        """The service must read what the fixture wrote and write what the fixture writes: one TagResources through
        the service on a resource registered through the admin API, compared with a fixture row; one
        ListTagResources of a fixture resource must list its 10 tags."""
        check_id = w.RESOURCE_PREFIX + "check".ljust(w.RESOURCE_DIGITS, "0")
        first = w.resource_id(0)
        try:
            self.service.register(w.ACCOUNT_ID, [check_id])
        except OSError as failed:
            self.die("PUT /admin/v1/resources failed: %s" % failed)
        key = w.KEYS[0]
        status, answer = self.service.call(self.key, "TagResources", dict(
            sign.scenario_params("T1", 0, 0, 1), **{"ResourceId.1": check_id, "Tag.1.Key": key,
                                                     "Tag.1.Value": w.tag_value(key, 0)}), method="POST")
        if status != 200 or not answer or "RequestId" not in answer or "Code" in answer:
            self.die("TagResources through the service failed: %s" % answer)
        row = ("select account_id, region_id, resource_type, tag_key, tag_value, private from tag "
               "where resource_id = :'id' and tag_key = :'key'")
        service_row = self.db.sql(row, variables={"id": check_id, "key": key})
        fixture_row = self.db.sql(row, variables={"id": first, "key": key})
        if service_row != fixture_row:
            self.die("the fixture's tag row (%s) differs from the service's (%s)" % (fixture_row, service_row))
        kinds = self.db.sql("select count(distinct (account_id, region_id, resource_type, taggable)) from resource "
                            "where resource_id in (:'a', :'b')", variables={"a": check_id, "b": first})
        if kinds != "1":
            self.die("the fixture's resource row differs from the admin API's")
        status, answer = self.service.call(self.key, "ListTagResources", sign.scenario_params("L1", 0, 0, 1),
                                           method="POST")
        try:
            listed = len(answer["TagResources"]["TagResource"])
        except (TypeError, KeyError):
            self.die("ListTagResources through the service failed: %s" % answer)
        if listed != len(w.KEYS):
            self.die("ListTagResources listed %d tags of a fixture resource, not %d: %s" % (listed, len(w.KEYS),
                                                                                           answer))
        self.db.sql("delete from resource where resource_id = :'id'", variables={"id": check_id})
        self.log("fixture check: the service writes the fixture's rows and reads the fixture's tags")

    def mark_pool_dirty(self, units):
        self.pool_dirty = max(self.pool_dirty, min(units, self.loaded * len(w.KEYS)))

    def restore(self):
        """Puts the data set back as the fixture left it (bench/sql/restore.sql), so every run starts alike."""
        self.db.sql(file=os.path.join(BENCH_DIR, "sql", "restore.sql"),
                    variables=dict(w.psql_variables(), resources=self.loaded, pairs=self.pool_dirty))
        self.pool_dirty = 0
        self.db.sql("vacuum analyze tag", "vacuum analyze signature_nonce")
        self.db.sql("checkpoint", check=False)

    # -- load runs ------------------------------------------------------------------------------------------------
    @staticmethod
    def threads_for(connections):
        return 2 if connections >= 2 else 1

    def cpu_snapshot(self):
        return (database.process_jiffies(self.service.process.pid), self.db.cpu_jiffies(),
                database.machine_busy_jiffies())

    def service_run(self, scenario, connections, seconds, count, phase):
        """Replays COUNT pre-signed requests for SECONDS; returns wrk's result extended with the run's context."""
        threads = self.threads_for(connections)
        self.restore()
        capacity = scenario.pool_capacity(self.loaded)
        if count > capacity:
            self.log("  %s: %d requests wanted, the pool holds %d; the rest repeat earlier pool entries"
                     % (scenario.name, count, capacity))
        self.remove_request_files()
        sign.write_signed(scenario.name, self.key[0], self.key[1], self.loaded, count, threads, REQUESTS)
        if scenario.pool == "pairs":
            self.mark_pool_dirty(scenario.pool_units(count))
        rows_before, xacts_before = self.db.tag_rows(), self.db.xacts()
        jvm_before, pg_before, cpu_before = self.cpu_snapshot()
        profiling = (phase == "measure" and self.s.profile and connections == 16 and self.loaded == w.RESOURCES)
        if profiling:
            self.start_profile(scenario.name)
        children_before = rusage.getrusage(rusage.RUSAGE_CHILDREN)
        wrk = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", "%ds" % seconds,
                              "--timeout", "10s", "-s", os.path.join(LIB, "replay.lua"),
                              "http://127.0.0.1:%d/" % self.s.port, "--", REQUESTS, "POST"],
                             capture_output=True, text=True)
        children_after = rusage.getrusage(rusage.RUSAGE_CHILDREN)
        if wrk.returncode:
            self.die("wrk failed: %s%s" % (wrk.stdout, wrk.stderr))
        lines = [line for line in wrk.stdout.splitlines() if line.startswith("RESULT ")]
        if not lines:
            self.die("wrk gave no result: %s%s" % (wrk.stdout, wrk.stderr))
        result = json.loads(lines[0][len("RESULT "):])
        wrk_cpu = (children_after.ru_utime - children_before.ru_utime) + (
            children_after.ru_stime - children_before.ru_stime)
        jvm_after, pg_after, cpu_after = self.cpu_snapshot()
        rows_after, xacts_after = self.db.tag_rows(), self.db.xacts()
        if profiling:
            self.finish_profile(scenario.name, result["requests"])
        result.update(kind="service", scenario=scenario.name, connections=connections, phase=phase,
                      resources=self.loaded, signed=count, rows_changed=rows_after - rows_before,
                      xacts=xacts_after - xacts_before, jvm_cpu_s=(jvm_after - jvm_before) / 100,
                      postgres_cpu_s=(pg_after - pg_before) / 100, wrk_cpu_s=round(wrk_cpu, 2),
                      all_cpu_s=(cpu_after - cpu_before) / 100)
        result["other_cpu_s"] = round(max(result["all_cpu_s"] - result["jvm_cpu_s"] - result["postgres_cpu_s"]
                                          - result["wrk_cpu_s"], 0), 2)
        return result

    def pgbench_script(self, scenario):
        """The scenario's ceiling template with the workload's constants filled in (bench/work/pgbench/)."""
        with open(os.path.join(BENCH_DIR, "pgbench", scenario.ceiling)) as f:
            text = string.Template(f.read()).substitute(w.sql_literals())
        path = os.path.join(WORK, "pgbench", scenario.ceiling)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        return path

    def pgbench_run(self, scenario, connections, seconds, phase, per_client=None):
        """With per_client, the run stops after that many transactions per client (when SECONDS would use more pool
        pairs than there are) instead of after SECONDS."""
        threads = self.threads_for(connections)
        self.restore()
        rows_before = self.db.tag_rows()
        pg_before, cpu_before = self.db.cpu_jiffies(), database.machine_busy_jiffies()
        length = ["-t", str(per_client)] if per_client else ["-T", str(seconds)]
        done = subprocess.run(["pgbench", "-n", "-M", "prepared", "-c", str(connections), "-j", str(threads),
                               *length, "-D", "n=0", "-D", "nclients=%d" % connections,
                               "-D", "resources=%d" % self.loaded, "-D", "run=%d" % int.from_bytes(os.urandom(4), "big"),
                               "-f", self.pgbench_script(scenario)],
                              env=self.db.env, capture_output=True, text=True)
        out = done.stdout + done.stderr
        if done.returncode:
            sys.stderr.write(out)
            self.die("pgbench %s failed" % scenario.name)
        time.sleep(0.5)   # until the postmaster has reaped pgbench's backends, whose CPU it then counts
        pg_after, cpu_after = self.db.cpu_jiffies(), database.machine_busy_jiffies()
        rows_after = self.db.tag_rows()

        def field(prefix, index=0):
            for line in out.splitlines():
                if line.startswith(prefix):
                    # "19984/19984" when pgbench ran a fixed number of transactions per client (-t)
                    return line[len(prefix):].split()[index].split("/")[0]
            return None

        tps = float(field("tps = ") or 0)
        processed = int(field("number of transactions actually processed: ") or 0)
        failed = int(field("number of failed transactions: ") or 0)
        latency = float(field("latency average = ") or 0)
        if scenario.pool == "pairs":
            self.mark_pool_dirty(scenario.pool_units(processed) + scenario.pool_units_per_request * connections)
        return {"kind": "ceiling", "scenario": scenario.name, "connections": connections, "phase": phase,
                "resources": self.loaded, "tps": tps, "limited_to_pool": bool(per_client),
                "transactions": processed, "failed": failed, "latency_avg_ms": latency,
                "rows_changed": rows_after - rows_before, "postgres_cpu_s": (pg_after - pg_before) / 100,
                "all_cpu_s": (cpu_after - cpu_before) / 100}

    def record(self, run):
        with open(self.runs_path, "a") as f:
            f.write(json.dumps(run) + "\n")

    def measure_service(self, scenario, connections, warmup, seconds):
        warm = self.service_run(scenario, connections, warmup, scenario.guess_rps * warmup, "warmup")
        self.record(warm)
        warm_rps = int(warm["sent"] / (warm["duration_us"] / 1e6))
        # Generous: the measured run may be much faster than a warm-up on a JVM that is still compiling.
        count = warm_rps * seconds * 3 + 5000
        for _ in range(3):
            result = self.service_run(scenario, connections, seconds, count, "measure")
            if result["exhausted"] == 0:
                break
            self.log("  %s c=%d ran out of pre-signed requests; again with twice as many" % (scenario.name,
                                                                                              connections))
            count *= 2
        self.record(result)
        r = result
        extra = ""
        if r["non2xx"] or r["socket_errors"] or r["timeouts"] or r["exhausted"]:
            extra = "  FAILED: %d non-2xx %s, %d socket errors, %d timeouts, %d beyond the pool; first: %s" % (
                r["non2xx"], r["statuses"], r["socket_errors"], r["timeouts"], r["exhausted"], r["first_error"])
        if scenario.bound_ms is not None:
            extra += "  max %.0f ms (bound %d ms: %s)" % (r["max_us"] / 1000, scenario.bound_ms,
                                                         "within" if r["max_us"] / 1000 < scenario.bound_ms
                                                         else "OVER")
        n = max(r["requests"], 1)
        print("[bench]   service  %-3s c=%-2d %8.1f req/s  p50 %6.2f ms  p99 %6.2f ms  rows +/-/req %.2f  "
              "round trips/req %.2f  cpu us/req: jvm %.0f, postgres %.0f, wrk %.0f; other processes %.2f cores%s" % (
                  r["scenario"], r["connections"], r["rps"], r["p50_us"] / 1000, r["p99_us"] / 1000,
                  r["rows_changed"] / n, r["xacts"] / n, r["jvm_cpu_s"] * 1e6 / n, r["postgres_cpu_s"] * 1e6 / n,
                  r["wrk_cpu_s"] * 1e6 / n, r["other_cpu_s"] / (r["duration_us"] / 1e6), extra),
              file=sys.stderr, flush=True)

    def measure_ceiling(self, scenario, connections, warmup, seconds):
        warm = self.pgbench_run(scenario, connections, warmup, "warmup")
        self.record(warm)
        # Every transaction must delete real rows: when the measured run would need more pool pairs than the data
        # set has (U50 deletes 50 a call), it stops after the pool's worth of transactions instead.
        per_client = None
        capacity = scenario.pool_capacity(self.loaded)
        expected = int(warm["tps"] * seconds * 1.2)
        if scenario.pool == "pairs" and expected > capacity:
            per_client = capacity // connections - 1
            self.log("  pgbench %s c=%d: %d s would take more than the %d calls the pool holds; %d transactions per "
                     "client instead" % (scenario.name, connections, seconds, capacity, per_client))
        r = self.pgbench_run(scenario, connections, seconds, "measure", per_client)
        self.record(r)
        n = max(r["transactions"], 1)
        print("[bench]   pgbench  %-3s c=%-2d %8.1f tps    avg %6.2f ms  rows +/-/xact %.2f  cpu us/xact: postgres "
              "%.0f, all %.0f%s" % (r["scenario"], r["connections"], r["tps"], r["latency_avg_ms"],
                                    r["rows_changed"] / n, r["postgres_cpu_s"] * 1e6 / n, r["all_cpu_s"] * 1e6 / n,
                                    "  FAILED: %d failed transactions" % r["failed"] if r["failed"] else ""),
              file=sys.stderr, flush=True)

    # -- profiling (--profile): JFR in the service, pg_stat_statements in PostgreSQL --------------------------
    def start_profile(self, name):
        directory = os.path.join(WORK, "profile")
        os.makedirs(directory, exist_ok=True)
        recording = os.path.join(directory, name + "-c16.jfr")
        if os.path.exists(recording):
            os.remove(recording)
        subprocess.run(["jcmd", str(self.service.process.pid), "JFR.start", "name=bench", "settings=profile",
                        "filename=" + recording], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not self.s.database_url and not self.db.superuser_sql("create extension if not exists pg_stat_statements",
                                                                   "select pg_stat_statements_reset()"):
            self.log("  pg_stat_statements is not loaded (the cluster must start with it: stop it and rerun)")

    def finish_profile(self, name, requests):
        base = os.path.join(WORK, "profile", name + "-c16")
        subprocess.run(["jcmd", str(self.service.process.pid), "JFR.stop", "name=bench"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        statements = self.db.sql(
            """select round(calls::numeric / :requests, 2) as calls_per_request,
                      round(mean_exec_time::numeric * 1000) as mean_exec_us,
                      round(rows::numeric / greatest(calls, 1), 1) as rows_per_call,
                      shared_blks_hit / greatest(calls, 1) as buffers_per_call,
                      left(regexp_replace(query, '\\s+', ' ', 'g'), 300)
               from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                 and calls >= :requests / 10
               order by calls desc limit 25""", variables={"requests": max(requests, 1)}, check=False,
            separator="\t")
        with open(base + "-statements.tsv", "w") as f:
            f.write(statements + "\n" if statements else "")
        with open(base + "-jfr.txt", "w") as f:
            subprocess.run([sys.executable, os.path.join(LIB, "jfr_summary.py"), base + ".jfr"], stdout=f,
                           stderr=subprocess.STDOUT)
        self.log("  profile: %s{.jfr,-jfr.txt,-statements.tsv}" % base)

    # -- the run ----------------------------------------------------------------------------------------------
    def next_warmup(self):
        if not self.first_warmup_done:
            self.first_warmup_done = True
            return self.s.first_warmup
        return self.s.warmup

    def run_scenario(self, scenario):
        seconds = self.s.duration_for(scenario)
        for connections in self.s.connections_for(scenario):
            self.log("%s at %d connections (%d resources): service%s" % (
                scenario.name, connections, self.loaded, ", then pgbench ceiling" if scenario.ceiling else ""))
            self.measure_service(scenario, connections, self.next_warmup(), seconds)
            if scenario.ceiling:
                self.measure_ceiling(scenario, connections, self.s.warmup, seconds)

    def main(self):
        os.makedirs(WORK, exist_ok=True)
        os.makedirs(RESULTS, exist_ok=True)
        self.take_lock()
        self.remove_request_files()
        open(self.runs_path, "w").close()
        self.install_missing()
        with contextlib.redirect_stdout(sys.stderr):
            sign.self_check()
        self.db = database.Database(self.log, self.s.database_url, self.s.profile)
        self.db.create()
        # psql and pgbench, and the report's `show server_version`, connect to the benchmark database.
        os.environ.update({k: v for k, v in self.db.env.items() if k.startswith("PG")})
        self.start_service(self.build_jar())

        u1 = scenarios.BY_NAME["U1"]
        sizes = {s.resources for s in self.s.scenarios}
        if self.s.scale:
            sizes |= {w.SCALE_SMALL, w.SCALE_LARGE}
        for size in sorted(sizes):
            first_load = not self.loaded
            self.load_resources(size)
            if first_load:
                self.check_fixture_equivalence()
            if self.s.scale and size == w.SCALE_SMALL:
                self.log("scale run: U1 at 16 connections with %d resources" % size)
                self.measure_service(u1, 16, self.next_warmup(), self.s.duration)
            for scenario in self.s.scenarios:
                if scenario.resources == size:
                    self.run_scenario(scenario)
            if self.s.scale and size == w.SCALE_LARGE:
                self.log("scale run: U1 at 16 connections with %d resources" % size)
                self.measure_service(u1, 16, self.s.warmup, self.s.duration)
        peak_rss = self.service.status_mb("VmHWM")
        self.log("service peak RSS (VmHWM): %.1f MB" % peak_rss)

        elapsed = int(time.time() - self.start)
        with open(self.runs_path) as f:
            runs = [json.loads(line) for line in f if line.strip()]
        status = report.write(runs, os.path.join(RESULTS, self.s.result_name), peak_rss_mb=peak_rss,
                              java_opts=self.s.java_opts, command=self.s.command, elapsed=elapsed,
                              scale_small=w.SCALE_SMALL, scale_large=w.SCALE_LARGE, startup_s=self.startup_s)
        self.log("done in %d s" % elapsed)
        return status


def main(argv):
    settings = Settings(argv, os.environ)
    bench = Bench(settings)

    def interrupted(signum, frame):
        raise Failure(130)

    signal.signal(signal.SIGINT, interrupted)
    signal.signal(signal.SIGTERM, interrupted)
    try:
        return bench.main()
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        bench.cleanup()
