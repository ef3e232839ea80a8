#!/usr/bin/env python3
"""The write cost of the tag history: server execution time of UntagResources' statement and of TagResources' write
statement without (u_plain, t_plain) and with (u_hist, t_hist) the history CTE, as the service runs them (generic
plans), on the bench fixture (bench/sql/fixture.sql, 100,000 resources with 10 tags each).

    bench/history/cost.py | psql -X -q -d DB | bench/history/cost.py --summary

Each execution changes one real row: untag removes key 'version' of resources 80,000+ (plain) and 90,000+ (history),
tag adds key t-plain / t-hist to resources 50,000+ / 60,000+. Run it once per fresh fixture.
"""
import os
import re
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RUNS = 400
WARM_UP = 50
NAMES = ["untag plain", "untag +history", "tag write plain", "tag write +history"]


def statement(name, tag_write):
    lines = [line for line in open(os.path.join(HERE, name)).read().splitlines() if not line.startswith("\\")]
    text = "\n".join(lines)
    if tag_write:
        text = text.split("begin;\n")[1].split("commit;")[0].split(";\n", 1)[1]
        text = text.replace("array['i-bp' || lpad(:r::text, 18, '0')]::text[]", "$1::text[]")
    else:
        text = text.replace("(array['env','team','app','owner','cost-center','project','tier','stack','version',"
                            "'zone'])[:ki]", "$2")
        text = text.replace("any(array['i-bp' || lpad(:r::text, 18, '0')]::text[])", "any($1::text[])")
    return text.strip().rstrip(";")


def script():
    print("set plan_cache_mode = force_generic_plan;")
    print("prepare up(text[], text) as %s;" % statement("u_plain.sql", False))
    print("prepare uh(text[], text) as %s;" % statement("u_hist.sql", False))
    print("prepare tp(text[]) as %s;" % statement("t_plain.sql", True))
    print("prepare th(text[]) as %s;" % statement("t_hist.sql", True))
    resource = lambda i: "'{i-bp%018d}'" % i
    for i in range(RUNS):
        print("explain (analyze, timing off, summary on) execute up(%s, 'version');" % resource(80000 + i))
        print("explain (analyze, timing off, summary on) execute uh(%s, 'version');" % resource(90000 + i))
        print("explain (analyze, timing off, summary on) execute tp(%s);" % resource(50000 + i))
        print("explain (analyze, timing off, summary on) execute th(%s);" % resource(60000 + i))


def summary():
    times = [float(m.group(1)) for m in re.finditer(r"Execution Time: ([\d.]+) ms", sys.stdin.read())]
    for k, name in enumerate(NAMES):
        xs = sorted(times[k::4][WARM_UP:])
        print("%-20s n=%d median=%.3f ms p25=%.3f p75=%.3f" % (
            name, len(xs), statistics.median(xs), xs[len(xs) // 4], xs[3 * len(xs) // 4]))


if __name__ == "__main__":
    summary() if "--summary" in sys.argv else script()
