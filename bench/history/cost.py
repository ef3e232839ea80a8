#!/usr/bin/env python3
"""The write cost of the tag history on the statements the service runs since perf (one round trip each, the nonce
recorded first): server execution time of UntagResources' statement without (untag plain) and with (untag +history)
the history CTEs, and of TagResources' call of tag_resources_within_quota as V3 wrote it (tag plain, created here as
tag_resources_within_quota_v3) and as V4 writes it (tag +history), as generic plans, on the bench fixture
(bench/sql/fixture.sql, 100,000 resources with 10 tags each) in a database migrated to V4.

    bench/history/cost.py --setup | psql -X -q -d DB        # once: V3's function under another name
    bench/history/cost.py | psql -X -q -d DB | bench/history/cost.py --summary

Each execution changes one real row under a new nonce: untag removes key 'version' of resources 80,000+ (plain) and
90,000+ (history), tag adds key t-plain / t-hist to resources 50,000+ / 60,000+. Run it once per fresh fixture.
"""
import os
import re
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
import workload  # noqa: E402

LITERALS = workload.sql_literals()
MIGRATIONS = os.path.join(HERE, "..", "..", "db", "migration")
RUNS = 400
WARM_UP = 50
NAMES = ["untag plain", "untag +history", "tag plain (V3)", "tag +history (V4)"]

TARGET = ("account_id = %(account)s and region_id = %(region)s and resource_type = %(type)s"
          " and resource_id = any($1::text[])" % LITERALS)
NAMED_KEYS = "(tag_key = any($2::text[])) is true"
NONCE = """nonce as (
    insert into signature_nonce (account_id, access_key_id, nonce, expires_at)
    values (%(account)s, 'LTAIbenchbenchbench0000', $3, now() + interval '15 minutes')
    on conflict (account_id, access_key_id, nonce)
    do update set expires_at = excluded.expires_at
     where signature_nonce.expires_at < now()
    returning 1)""" % LITERALS
HISTORY = """,
changed as (
    select resource_id, tag_key, tag_value as value_before, null as value_after from removed),
recorded as (
    insert into tag_history (account_id, changed_at, region_id, resource_type, resource_id, tag_key,
                             value_before, value_after, private, action, request_id, access_key_id)
    select %(account)s, clock_timestamp(), %(region)s, %(type)s, resource_id, tag_key,
           value_before, value_after, false, 'UntagResources', 'B04B8CF3-4489-432D-83BA-6F128E4F2295',
           'LTAIbenchbenchbench0000'
    from changed)""" % LITERALS


def untag(history):
    """TagStore.untagStatement with named keys, as the service formats it."""
    return """with %(nonce)s,
listed as (
    select count(*) as found, count(*) filter (where not taggable) as untaggable
    from resource where %(target)s),
other_kind as (
    select exists (select 1 from tag where %(target)s
                     and %(keys)s and private <> false) as other_kind),
removed as (
    delete from tag where %(target)s and private = false and %(keys)s
      and exists (select 1 from nonce)
      and (select found = 1 and untaggable = 0 from listed)
      and not (select other_kind from other_kind)
    returning resource_id, tag_key, tag_value)%(history)s
select exists (select 1 from nonce) as fresh, found, untaggable, other_kind, 0 as most_kept
from listed, other_kind""" % {"nonce": NONCE, "target": TARGET, "keys": NAMED_KEYS,
                              "history": HISTORY if history else ""}


def tag(history):
    function = "tag_resources_within_quota" if history else "tag_resources_within_quota_v3"
    extra = ", 'B04B8CF3-4489-432D-83BA-6F128E4F2295', 'LTAIbenchbenchbench0000'" if history else ""
    return ("select * from %s(%s, %s, %s, $1::text[], $2::text[],"
            " array['v']::text[], false, %s, %s, 'LTAIbenchbenchbench0000', $3,"
            " now() + interval '15 minutes', now()%s)" % (function, LITERALS["account"], LITERALS["region"],
                                                          LITERALS["type"], LITERALS["tag_quota"],
                                                          LITERALS["account"], extra))


def setup():
    v3 = open(os.path.join(MIGRATIONS, "V3__tag_resources_in_one_call.sql")).read()
    print(v3.replace("create function tag_resources_within_quota(",
                     "create or replace function tag_resources_within_quota_v3("))


def script():
    print("set plan_cache_mode = force_generic_plan;")
    print("prepare up(text[], text[], text) as %s;" % untag(False))
    print("prepare uh(text[], text[], text) as %s;" % untag(True))
    print("prepare tp(text[], text[], text) as %s;" % tag(False))
    print("prepare th(text[], text[], text) as %s;" % tag(True))
    resource = lambda i: "'{%s}'" % workload.resource_id(i)
    run = os.getpid()
    for i in range(RUNS):
        for name, first, key in (("up", 80000, "version"), ("uh", 90000, "version"),
                                 ("tp", 50000, "t-plain"), ("th", 60000, "t-hist")):
            print("explain (analyze, timing off, summary on) execute %s(%s, '{%s}', 'cost-%d-%s-%d');"
                  % (name, resource(first + i), key, run, name, i))


def summary():
    times = [float(m.group(1)) for m in re.finditer(r"Execution Time: ([\d.]+) ms", sys.stdin.read())]
    for k, name in enumerate(NAMES):
        xs = sorted(times[k::4][WARM_UP:])
        print("%-20s n=%d median=%.3f ms p25=%.3f p75=%.3f" % (
            name, len(xs), statistics.median(xs), xs[len(xs) // 4], xs[3 * len(xs) // 4]))


if __name__ == "__main__":
    if "--summary" in sys.argv:
        summary()
    elif "--setup" in sys.argv:
        setup()
    else:
        script()
