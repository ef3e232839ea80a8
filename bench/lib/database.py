"""The benchmark's PostgreSQL: the server (BENCH_DATABASE_URL, or the local 15/main cluster, started if it is down),
a role and a fresh database, psql and pgbench with the right connection, and the server's CPU from /proc."""
import os
import secrets
import subprocess
import urllib.parse

import workload


def _cluster_line():
    """pg_lsclusters' line of 15/main as (port, status), or None."""
    try:
        out = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout
    except OSError:
        return None
    for line in out.splitlines():
        fields = line.split()
        if len(fields) >= 4 and fields[0] == "15" and fields[1] == "main":
            return fields[2], fields[3]
    return None


class Database:
    def __init__(self, log, url=None, profile=False, name=workload.DATABASE, role=workload.ROLE):
        self.log = log
        self.name = name
        self.started_cluster = False
        self.created = False
        self.postmaster_pid = None
        if url:
            u = urllib.parse.urlsplit(url)
            self.host = u.hostname or "127.0.0.1"
            self.port = str(u.port or 5432)
            self.user = urllib.parse.unquote(u.username or "postgres")
            self.password = urllib.parse.unquote(u.password or "")
            self.admin_db = u.path.lstrip("/") or "postgres"
            self.local = False
        else:
            self.local = True
            line = _cluster_line()
            if not line or "online" not in line[1]:
                self.log("starting PostgreSQL 15 (pg_ctlcluster 15 main start)")
                command = ["pg_ctlcluster"]
                if profile:
                    command += ["-o", "-c shared_preload_libraries=pg_stat_statements"]
                subprocess.run(command + ["15", "main", "start"], check=True)
                self.started_cluster = True
                line = _cluster_line()
            self.host = "127.0.0.1"
            self.port = line[0]
            self.user = role
            self.password = secrets.token_hex(16)
            self.admin_db = "postgres"
            # The role's name and password go in as psql variables, never into the SQL text.
            subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-p", self.port,
                            "-v", "ON_ERROR_STOP=1", "-v", "role=" + self.user, "-v", "password=" + self.password],
                           input="""set client_min_messages = warning;
select format('create role %I login createdb', :'role')
where not exists (select from pg_roles where rolname = :'role') \\gexec
select format('alter role %I login createdb password %L', :'role', :'password') \\gexec
select format('grant pg_checkpoint to %I', :'role') \\gexec
select format('grant pg_read_all_stats to %I', :'role') \\gexec
""", text=True, check=True, stdout=subprocess.DEVNULL)
            try:
                with open("/var/run/postgresql/15-main.pid") as f:
                    self.postmaster_pid = int(f.readline())
            except (OSError, ValueError):
                self.postmaster_pid = None
        self.env = dict(os.environ, PGHOST=self.host, PGPORT=self.port, PGUSER=self.user, PGPASSWORD=self.password,
                        PGDATABASE=self.name)

    def create(self):
        self.admin_sql("drop database if exists " + self.name, check=False)
        self.admin_sql("create database " + self.name)
        self.created = True
        self.log("fresh database %s on %s:%s (%s)" % (self.name, self.host, self.port, self.sql("show server_version")))

    def admin_sql(self, command, check=True):
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", self.admin_db, "-c", command],
                       env=self.env, check=check, stdout=subprocess.DEVNULL,
                       stderr=None if check else subprocess.DEVNULL)

    def sql(self, *commands, file=None, variables=None, check=True, separator=None):
        """Runs commands (on psql's input, so that :'variables' are interpolated) or a file, with psql variables;
        returns the output, unaligned, stripped."""
        args = ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1"]
        if separator:
            args += ["-F", separator]
        for name, value in (variables or {}).items():
            args += ["-v", "%s=%s" % (name, value)]
        args += ["-f", file or "-"]
        script = "".join(command.rstrip().rstrip(";") + ";\n" for command in commands)
        done = subprocess.run(args, env=self.env, input=script, capture_output=True, text=True)
        if check and done.returncode:
            raise SystemExit("psql failed: %s" % done.stderr.strip())
        return done.stdout.strip()

    def superuser_sql(self, *commands):
        """As postgres over the socket, in the benchmark database (local cluster only); False when it failed."""
        args = ["runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-h", "/var/run/postgresql", "-U", "postgres",
                "-p", self.port, "-d", self.name]
        for command in commands:
            args += ["-c", command]
        return subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0

    def xacts(self):
        return int(self.sql("select xact_commit + xact_rollback from pg_stat_database "
                            "where datname = current_database()"))

    def tag_rows(self):
        return int(self.sql("select count(*) from tag"))

    def cpu_jiffies(self):
        """CPU of the benchmark's PostgreSQL server (postmaster and its children); 0 when it is remote. The
        postmaster's own time plus that of its children that exited (pgbench's backends), then the living ones."""
        if not self.postmaster_pid:
            return 0
        total = _jiffies(self.postmaster_pid, with_children=True)
        try:
            with open("/proc/%d/task/%d/children" % (self.postmaster_pid, self.postmaster_pid)) as f:
                children = [int(p) for p in f.read().split()]
        except OSError:
            children = _children(self.postmaster_pid)
        return total + sum(_jiffies(pid) for pid in children)

    def drop(self):
        if self.created:
            self.admin_sql("drop database if exists " + self.name, check=False)
            self.created = False

    def stop_cluster(self):
        if self.started_cluster:
            self.log("stopping the PostgreSQL cluster this run started")
            subprocess.run(["pg_ctlcluster", "15", "main", "stop"])


def _jiffies(pid, with_children=False):
    """utime + stime (and, with_children, cutime + cstime) of a process, in clock ticks; 0 if it is gone."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    # fields[0] is the state (field 3): utime is field 14, so index 11.
    total = int(fields[11]) + int(fields[12])
    if with_children:
        total += int(fields[13]) + int(fields[14])
    return total


def _children(parent):
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == parent:
                        found.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return found


def process_jiffies(pid):
    return _jiffies(pid)


def machine_busy_jiffies():
    """Busy jiffies of all cores (user, nice, system, irq, softirq), as the first line of /proc/stat gives them."""
    with open("/proc/stat") as f:
        fields = f.readline().split()
    return int(fields[1]) + int(fields[2]) + int(fields[3]) + int(fields[6]) + int(fields[7])
