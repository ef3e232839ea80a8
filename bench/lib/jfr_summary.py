#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording (bench/run --profile): the share of samples in which each layer of
the service is on the stack (inclusive), and the hottest methods, inclusive and self.

Usage: jfr_summary.py RECORDING.jfr [TOP]"""
import collections
import json
import subprocess
import sys

# Inclusive layers: a sample counts for a layer when any frame of the stack starts with one of its prefixes.
LAYERS = [
    ("HTTP: Tomcat", ("org.apache.coyote.", "org.apache.tomcat.", "org.apache.catalina.")),
    ("Spring MVC dispatch", ("org.springframework.web.servlet.", "org.springframework.web.method.")),
    ("servlet filters", ("org.springframework.web.filter.", "org.springframework.boot.web.")),
    ("observations / metrics", ("io.micrometer.",)),
    ("request parsing (RpcRequest, RpcParameters)", ("dev.ecstags.api.RpcRequest", "dev.ecstags.api.RpcParameters")),
    ("signature (V1Signature, PercentEncoding)", ("dev.ecstags.auth.V1Signature", "dev.ecstags.auth.PercentEncoding",
                                                  "dev.ecstags.auth.RequestCredentials")),
    ("secret decryption (AES-GCM)", ("dev.ecstags.auth.SecretCipher",)),
    ("access key lookup", ("dev.ecstags.auth.AccessKeyLookup",)),
    ("nonce insert", ("dev.ecstags.auth.SignatureNonces",)),
    ("bean validation", ("org.hibernate.validator.", "jakarta.validation.")),
    ("tag SQL (TagStore)", ("dev.ecstags.tag.TagStore",)),
    ("transactions (Spring tx)", ("org.springframework.transaction.",)),
    ("JDBC: Spring JdbcClient/Template", ("org.springframework.jdbc.",)),
    ("JDBC: Hikari", ("com.zaxxer.hikari.",)),
    ("JDBC: pgjdbc", ("org.postgresql.",)),
    ("response rendering (Jackson)", ("tools.jackson.", "dev.ecstags.api.RpcRenderer")),
    ("error handling", ("dev.ecstags.api.RpcExceptionHandler",)),
    ("logging", ("ch.qos.logback.", "org.slf4j.")),
    ("  of which: JPA reachability checks in validation", ("jakarta.persistence.Persistence$PersistenceUtilImpl.isLoaded",)),
    ("  of which: exceptions constructed", ("java.lang.Throwable.<init>",)),
    ("  of which: regex compiled", ("java.util.regex.Pattern.compile",)),
    ("  of which: SimplePropertyRowMapper", ("org.springframework.jdbc.core.SimplePropertyRowMapper",)),
]


def frames(event):
    return ["%s.%s" % (f["method"]["type"]["name"].replace("/", "."), f["method"]["name"])
            for f in event["values"]["stackTrace"]["frames"]]


def main():
    recording = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    out = subprocess.run(["jfr", "print", "--stack-depth", "256", "--json", "--events", "jdk.ExecutionSample", recording],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    total = len(events)
    layers = collections.Counter()
    inclusive = collections.Counter()
    own = collections.Counter()
    for event in events:
        stack = frames(event)
        if not stack:
            continue
        own[stack[0]] += 1
        for method in set(stack):
            inclusive[method] += 1
        for name, prefixes in LAYERS:
            if any(frame.startswith(prefixes) for frame in stack):
                layers[name] += 1
    print("%d CPU samples (Java code of all threads)\n" % total)
    print("Share of samples with the layer on the stack:")
    for name, _ in LAYERS:
        print("  %5.1f%%  %s" % (100 * layers[name] / max(total, 1), name))
    print("\nHottest methods, self:")
    for method, count in own.most_common(top):
        print("  %5.1f%%  %s" % (100 * count / total, method))
    print("\nHottest dev.ecstags methods, inclusive:")
    for method, count in [(m, c) for m, c in inclusive.most_common() if m.startswith("dev.ecstags.")][:top]:
        print("  %5.1f%%  %s" % (100 * count / total, method))


if __name__ == "__main__":
    main()
