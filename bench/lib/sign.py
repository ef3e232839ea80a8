#!/usr/bin/env python3
"""Pre-signs the benchmark's requests with the V1 (HMAC-SHA1) scheme, so that the load generator spends no CPU on
signing while the service is measured.

Each request gets its own SignatureNonce and the Timestamp of the moment it is signed. The requests are written
round-robin to one file per wrk thread (a wrk thread has its own Lua state), one request per line: the
form-encoded body for POST, the query string for GET.

The scenarios' requests are declared in scenarios.py, the workload's constants in workload.py.

`sign.py self-check` verifies the signer against the V1 test vectors of the reference (§3.3).
"""
import argparse
import base64
import datetime
import hashlib
import hmac
import os
import sys
import urllib.parse

import scenarios
# The names bench/edge, bench/soak and lib/service.py use.
from workload import ACCOUNT_ID, KEYS, REGION_ID, RESOURCE_TYPE, resource_id  # noqa: F401


_ENCODED = {}


def percent_encode(text):
    # RFC 3986 over UTF-8: unreserved characters stay, everything else is %XY in upper case.
    encoded = _ENCODED.get(text)
    if encoded is None:
        encoded = urllib.parse.quote(text, safe="-_.~")
        if len(_ENCODED) < 1_000_000:
            _ENCODED[text] = encoded
    return encoded


def string_to_sign(method, params):
    canonical = "&".join(percent_encode(k) + "=" + percent_encode(v) for k, v in sorted(params.items()))
    return method + "&%2F&" + percent_encode(canonical)


def signature(secret, method, params):
    digest = hmac.new((secret + "&").encode(), string_to_sign(method, params).encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def signed_query(key_id, secret, method, params, nonce, timestamp):
    params = dict(params)
    params.update({
        "AccessKeyId": key_id,
        "Format": "JSON",
        "SignatureMethod": "HMAC-SHA1",
        "SignatureNonce": nonce,
        "SignatureVersion": "1.0",
        "Timestamp": timestamp,
        "Version": "2014-05-26",
    })
    params["Signature"] = signature(secret, method, params)
    return "&".join(percent_encode(k) + "=" + percent_encode(v) for k, v in params.items())


def scenario_params(scenario, n, offset, resources):
    return scenarios.BY_NAME[scenario].request(n, offset, resources)


def utc_timestamp():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_signed(scenario, key_id, secret, resources, count, threads, out, offset=0, method="POST"):
    """Writes COUNT signed requests of SCENARIO round-robin to OUT.1 .. OUT.THREADS, one per line."""
    timestamp = utc_timestamp()
    run = os.urandom(6).hex()
    files = [open("%s.%d" % (out, t + 1), "w") for t in range(threads)]
    try:
        for n in range(count):
            params = scenario_params(scenario, n, offset, resources)
            nonce = "%s%010d" % (run, n)
            files[n % threads].write(signed_query(key_id, secret, method, params, nonce, timestamp) + "\n")
    finally:
        for f in files:
            f.close()


def one_signed(scenario, key_id, secret, resources, overrides=(), offset=0, method="POST"):
    """One signed request of SCENARIO (its request 0), with parameters overridden: the query string."""
    params = scenario_params(scenario, 0, offset, resources)
    params.update(overrides)
    return signed_query(key_id, secret, method, params, os.urandom(16).hex(), utc_timestamp())


def self_check():
    vector1 = {
        "AccessKeyId": "testid", "Action": "DescribeRegions", "Format": "XML", "SignatureMethod": "HMAC-SHA1",
        "SignatureNonce": "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "SignatureVersion": "1.0",
        "Timestamp": "2016-02-23T12:46:24Z", "Version": "2014-05-26"}
    vector2 = {
        "AccessKeyId": "testid", "Action": "UntagResources", "All": "false", "Format": "JSON",
        "RegionId": "cn-hangzhou", "ResourceId.1": "i-abc", "ResourceId.2": "i-def", "ResourceType": "instance",
        "SignatureMethod": "HMAC-SHA1", "SignatureNonce": "de627afe633c190b8d581c363cf4b275",
        "SignatureVersion": "1.0", "TagKey.1": "k 1", "TagKey.2": "a*b~c/\u00e9", "TagKey.3": "",
        "Timestamp": "2026-11-29T07:18:17Z", "Version": "2014-05-26"}
    checks = [
        (string_to_sign("GET", vector1),
         "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1"
         "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0"
         "%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26"),
        (signature("testsecret", "GET", vector1), "OLeaidS1JvxuMvnyHOwuJ+uX5qY="),
        (string_to_sign("POST", vector2),
         "POST&%2F&AccessKeyId%3Dtestid%26Action%3DUntagResources%26All%3Dfalse%26Format%3DJSON"
         "%26RegionId%3Dcn-hangzhou%26ResourceId.1%3Di-abc%26ResourceId.2%3Di-def%26ResourceType%3Dinstance"
         "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dde627afe633c190b8d581c363cf4b275"
         "%26SignatureVersion%3D1.0%26TagKey.1%3Dk%25201%26TagKey.2%3Da%252Ab~c%252F%25C3%25A9%26TagKey.3%3D"
         "%26Timestamp%3D2026-11-29T07%253A18%253A17Z%26Version%3D2014-05-26"),
        (signature("testsecret", "POST", vector2), "qZGtyxKqRj7i83NZQrtIpOBS6VU="),
        # Ordinal order of names: Tag.1.Key < Tag.10.Key < Tag.2.Key.
        (string_to_sign("GET", {"Tag.2.Key": "", "Tag.10.Key": "", "Tag.1.Key": ""}),
         "GET&%2F&" + percent_encode("Tag.1.Key=&Tag.10.Key=&Tag.2.Key=")),
    ]
    failed = [(got, want) for got, want in checks if got != want]
    for got, want in failed:
        print("signer self-check FAILED:\n  got  %s\n  want %s" % (got, want), file=sys.stderr)
    if failed:
        sys.exit(1)
    print("signer self-check: %d of %d V1 test vectors match" % (len(checks), len(checks)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("self-check")
    one = sub.add_parser("one", help="print one signed request (query string) to stdout")
    sign = sub.add_parser("sign", help="write COUNT signed requests of SCENARIO, split over THREADS files")
    for p in (one, sign):
        p.add_argument("--scenario", required=True, choices=[sc.name for sc in scenarios.SCENARIOS])
        p.add_argument("--key-id", required=True)
        p.add_argument("--secret", required=True)
        p.add_argument("--resources", type=int, required=True, help="resources in the data set")
        p.add_argument("--offset", type=int, default=0, help="first pool pair (U1, U50) or slot (T1) to use")
        p.add_argument("--method", default="POST", choices=["POST", "GET"])
    one.add_argument("--set", action="append", default=[], help="override a parameter: NAME=VALUE")
    sign.add_argument("--count", type=int, required=True)
    sign.add_argument("--threads", type=int, required=True)
    sign.add_argument("--out", required=True, help="file prefix; writes PREFIX.1 .. PREFIX.THREADS")
    args = parser.parse_args()
    if args.command == "self-check":
        self_check()
    elif args.command == "one":
        overrides = dict(item.partition("=")[::2] for item in args.set)
        print(one_signed(args.scenario, args.key_id, args.secret, args.resources, overrides, args.offset, args.method))
    else:
        write_signed(args.scenario, args.key_id, args.secret, args.resources, args.count, args.threads, args.out,
                     args.offset, args.method)


if __name__ == "__main__":
    main()
