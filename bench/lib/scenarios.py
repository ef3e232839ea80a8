"""The benchmark's scenarios, one declarative entry each. To add one: write its request (a function of the request
number n, the pool offset and the data set's size that returns the API parameters), optionally a pgbench ceiling
template in bench/pgbench/ (constants as ${name} placeholders, see workload.sql_literals()), and append a Scenario
to SCENARIOS; bench/run, sign.py and the report pick it up. FULL and QUICK say which ones a run measures.

Resource i is workload.resource_id(i); every resource carries workload.KEYS. Pool pairs (U1, U50): pair p is
resource p mod R, key KEYS[p div R]; the runs delete pairs [0, n) and bench/run puts them back before the next run.
"""
import dataclasses
from typing import Callable, Optional, Tuple

import workload as w


@dataclasses.dataclass(frozen=True)
class Scenario:
    name: str
    title: str                                      # what one call does, for the README and the logs
    request: Callable[[int, int, int], dict]        # (n, offset, resources) -> API parameters of request n
    ceiling: Optional[str] = None                   # bench/pgbench/<ceiling>: the least SQL the call needs
    resources: int = w.RESOURCES                    # the data set it runs on (resources x 10 tags)
    pool: Optional[str] = None                      # "pairs": deletes pool pairs; "slots": adds T1 keys; None: reads
    pool_units_per_request: int = 1
    guess_rps: int = 6000                           # sizes the warm-ups' request files
    connections: Optional[Tuple[int, ...]] = None   # full run: None = every count of FULL_CONNECTIONS
    duration_s: Optional[int] = None                # full run: measured seconds, None = the run's default
    bound_ms: Optional[int] = None                  # the slowest call must answer within it (reported)

    def pool_capacity(self, loaded):
        """How many requests the data set's pool holds before calls repeat earlier entries."""
        if self.pool == "pairs":
            return loaded * len(w.KEYS) // self.pool_units_per_request
        if self.pool == "slots":
            return loaded * w.EXTRA_KEYS
        return 1_000_000_000

    def pool_units(self, requests):
        return requests * self.pool_units_per_request


def _common():
    return {"RegionId": w.REGION_ID, "ResourceType": w.RESOURCE_TYPE}


def untag_one(n, offset, resources):
    pair = (offset + n) % (resources * len(w.KEYS))
    return dict(_common(), Action="UntagResources", **{
        "ResourceId.1": w.resource_id(pair % resources), "TagKey.1": w.KEYS[pair // resources]})


def untag_fifty(n, offset, resources):
    params = dict(_common(), Action="UntagResources")
    keys = []
    for j in range(w.U50_RESOURCES):
        pair = (offset + w.U50_RESOURCES * n + j) % (resources * len(w.KEYS))
        params["ResourceId.%d" % (j + 1)] = w.resource_id(pair % resources)
        key = w.KEYS[pair // resources]
        if key not in keys:
            keys.append(key)
    keys += w.ABSENT_KEYS[:w.U50_KEYS - len(keys)]
    for j, key in enumerate(keys):
        params["TagKey.%d" % (j + 1)] = key
    return params


def tag_one(n, offset, resources):
    slot = (offset + n) % (resources * w.EXTRA_KEYS)
    return dict(_common(), Action="TagResources", **{
        "ResourceId.1": w.resource_id(slot % resources),
        "Tag.1.Key": w.EXTRA_KEY_PREFIX + str(slot // resources), "Tag.1.Value": "v%d" % n})


def list_one(n, offset, resources):
    return dict(_common(), Action="ListTagResources", **{"ResourceId.1": w.resource_id((offset + n) % resources)})


def list_five_wildcards(n, offset, resources):
    # Issue 6's listing: four key patterns every resource matches and one that none does, so the service must
    # find that no resource meets all five (17.6 s before the query was reshaped).
    params = dict(_common(), Action="ListTagResources")
    for i in range(1, 5):
        params["TagFilter.%d.TagKey" % i] = "*e*"
    params["TagFilter.5.TagKey"] = "*zz*"
    return params


def list_key_values(n, offset, resources):
    # A filtered listing as a console makes it: one key, two of its values (each value is on 1/50 of the
    # resources: 4,000 of 100,000 match), the first page; the key and values move with n.
    key = w.KEYS[n % len(w.KEYS)]
    return dict(_common(), Action="ListTagResources", **{
        "TagFilter.1.TagKey": key,
        "TagFilter.1.TagValues.1": w.tag_value(key, n),
        "TagFilter.1.TagValues.2": w.tag_value(key, n + w.VALUES_PER_KEY // 2)})


def describe_catalog(n, offset, resources):
    # The account's whole catalog in the region, page 1 + n mod 10 of 50 pairs with their resource counts.
    return {"Action": "DescribeTags", "RegionId": w.REGION_ID, "PageSize": str(w.DT_PAGE_SIZE),
            "PageNumber": str(1 + n % w.DT_PAGES)}


SCENARIOS = [
    Scenario("U1", "UntagResources, 1 resource, 1 key: request n removes pool pair n", untag_one,
             ceiling="U1.sql", pool="pairs"),
    Scenario("U50", "UntagResources, 50 resources, 20 keys: 50 consecutive pool pairs (50 rows) and 19 absent keys",
             untag_fifty, ceiling="U50.sql", pool="pairs", pool_units_per_request=w.U50_RESOURCES, guess_rps=1500),
    Scenario("T1", "TagResources, 1 resource, 1 key: adds bench-t1-N to a resource, within the 20-tag quota", tag_one,
             ceiling="T1.sql", pool="slots"),
    Scenario("L1", "ListTagResources by one resource id: its 10 tags", list_one, ceiling="L1.sql"),
    Scenario("LF5", "ListTagResources, TagFilter.1..4.TagKey=*e*, TagFilter.5.TagKey=*zz*: no resource matches",
             list_five_wildcards, guess_rps=500, connections=(1, 16), duration_s=10, bound_ms=2000),
    Scenario("LFV", "ListTagResources, TagFilter.1 = one key with two of its values: 4,000 resources, page 1",
             list_key_values, guess_rps=1000, connections=(1, 16), duration_s=10, bound_ms=2000),
    Scenario("DT", "DescribeTags, the whole catalog (500 pairs), page 1 + n mod 10 of 50 pairs with their counts",
             describe_catalog, ceiling="DT.sql", guess_rps=500, connections=(1, 16), duration_s=10),
]
BY_NAME = {s.name: s for s in SCENARIOS}
# Names BENCH_SCENARIOS accepts for several scenarios at once.
GROUPS = {"LF": ["LF5", "LFV"]}

FULL = ["U1", "U50", "T1", "L1", "LF5", "LFV", "DT"]
FULL_CONNECTIONS = (1, 16, 64)
QUICK = ["U1", "U50"]
QUICK_CONNECTIONS = (16,)


def select(names):
    """Scenarios by name or group name, in the order given; SystemExit on an unknown name."""
    chosen = []
    for name in names:
        for member in GROUPS.get(name, [name]):
            if member not in BY_NAME:
                raise SystemExit("unknown scenario %s (known: %s; groups: %s)"
                                 % (member, " ".join(BY_NAME), " ".join(GROUPS)))
            if BY_NAME[member] not in chosen:
                chosen.append(BY_NAME[member])
    return chosen
