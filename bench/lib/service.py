"""What bench/run and bench/soak share: the service jar started as production runs it
(`java @jvm.options -jar`), its admin API, V1-signed RPC calls (sign.py's signer) and its memory and threads."""
import base64
import glob
import json
import os
import subprocess
import time
import urllib.error
import urllib.request
import uuid

import sign

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


BUILD = [os.path.join(ROOT, "mvnw"), "-q", "-B", "-DskipTests", "-Dfuzz.skip=true", "package"]


def build():
    subprocess.run(BUILD, cwd=ROOT, check=True)


def jar(build_if_missing=True):
    """The service jar in target/, built first (without tests) if there is none."""
    found = sorted(j for j in glob.glob(os.path.join(ROOT, "target", "*.jar"))
                   if not j.endswith((".original", "-plain.jar")))
    if not found and build_if_missing:
        build()
        return jar(build_if_missing=False)
    if not found:
        raise SystemExit("no jar in target/")
    return found[0]


class Service:
    """One instance of the service on 127.0.0.1:port against the JDBC url, with a fresh admin token and master key."""

    def __init__(self, port, jdbc_url, user, password, log_path, extra_env=None, java_options=None):
        """java_options: the JVM's options as a list; by default `@jvm.options`, as production runs it."""
        self.port = port
        self.base = "http://127.0.0.1:%d" % port
        self.admin_token = base64.urlsafe_b64encode(os.urandom(24)).decode()
        env = dict(os.environ)
        env.update({
            "SERVER_ADDRESS": "127.0.0.1",
            "SERVER_PORT": str(port),
            "SPRING_DATASOURCE_URL": jdbc_url,
            "SPRING_DATASOURCE_USERNAME": user,
            "SPRING_DATASOURCE_PASSWORD": password,
            "TAGS_ADMIN_TOKEN": self.admin_token,
            "TAGS_MASTER_KEY": base64.b64encode(os.urandom(32)).decode(),
            "MALLOC_ARENA_MAX": "2",
        })
        env.update(extra_env or {})
        self.log = open(log_path, "w")
        options = java_options if java_options is not None else ["@" + os.path.join(ROOT, "jvm.options")]
        self.launched = time.monotonic()
        self.process = subprocess.Popen(["java", *options, "-jar", jar()],
                                        cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_healthy(self, timeout=180, interval=0.5):
        """Waits for health UP; returns the seconds from `java -jar` to it (to the polling interval)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("the service exited (%d); see %s" % (self.process.returncode, self.log.name))
            try:
                with urllib.request.urlopen(self.base + "/actuator/health", timeout=2) as answer:
                    if b'"UP"' in answer.read():
                        return time.monotonic() - self.launched
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(interval)
        raise SystemExit("the service did not become healthy in %d s" % timeout)

    def admin(self, method, path, body):
        request = urllib.request.Request(self.base + "/admin/v1" + path, method=method,
                                         data=json.dumps(body).encode(),
                                         headers={"Authorization": "Bearer " + self.admin_token,
                                                  "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read() or b"null")

    def access_key(self, account_id):
        issued = self.admin("POST", "/access-keys", {"accountId": account_id, "service": False})
        return issued["accessKeyId"], issued["accessKeySecret"]

    def register(self, account_id, resource_ids, region=sign.REGION_ID, resource_type=sign.RESOURCE_TYPE):
        for start in range(0, len(resource_ids), 1000):
            self.admin("PUT", "/resources", {"resources": [
                {"regionId": region, "resourceType": resource_type, "resourceId": rid, "accountId": account_id}
                for rid in resource_ids[start:start + 1000]]})

    def call(self, key, action, params, timeout=30, method="GET"):
        """One V1-signed call (GET: a query; POST: a form body); returns (HTTP status, parsed JSON body or None).
        Raises OSError when no answer came."""
        key_id, secret = key
        params = dict(params, Action=action)
        timestamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        query = sign.signed_query(key_id, secret, method, params, uuid.uuid4().hex, timestamp)
        if method == "GET":
            request = urllib.request.Request(self.base + "/?" + query)
        else:
            request = urllib.request.Request(self.base + "/", data=query.encode(), method="POST",
                                             headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                return answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as refused:
            body = refused.read()
            try:
                return refused.code, json.loads(body)
            except ValueError:
                return refused.code, {"Code": "non-JSON %d" % refused.code}

    def status_mb(self, field):
        """A memory field of /proc/PID/status (VmRSS, VmHWM) in MB."""
        with open("/proc/%d/status" % self.process.pid) as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
        return 0.0

    def rss_and_threads(self):
        """(resident set in MB, threads) of the JVM, from /proc."""
        rss = threads = None
        with open("/proc/%d/status" % self.process.pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) // 1024
                elif line.startswith("Threads:"):
                    threads = int(line.split()[1])
        return rss, threads

    def stop(self, grace=30):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
