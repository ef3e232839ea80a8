"""The benchmark's workload constants, in one place: the account, region and type every request names, the data set
(resource ids, keys and values of the fixture), the sizes, the port, the environment that lifts the service's flow
control, and the pgbench AccessKey. sign.py, scenarios.py, the SQL of bench/sql and bench/pgbench (through
`sql_literals()` and `psql_variables()`), bench/edge and bench/soak take them from here."""

ACCOUNT_ID = "1234567890123456"
REGION_ID = "cn-hangzhou"
RESOURCE_TYPE = "instance"
# ECS instance ids look like i-bp67acfmxazb4ph****: "bp" then lower-case alphanumerics, 20 characters in all.
RESOURCE_PREFIX = "i-bp"
RESOURCE_DIGITS = 18
# Every resource of the fixture carries these 10 keys; the value of key k on resource i is "k-<i mod VALUES_PER_KEY>",
# so the account holds len(KEYS) * VALUES_PER_KEY distinct pairs (500).
KEYS = ["env", "team", "app", "owner", "cost-center", "project", "tier", "stack", "version", "zone"]
VALUES_PER_KEY = 50
# Keys no resource carries (U50 names 19 of them beside its one real key).
ABSENT_KEYS = ["absent-%02d" % i for i in range(20)]
# T1 adds keys EXTRA_KEY_PREFIX + 0 .. EXTRA_KEYS - 1 to a resource: 10 + 10 stays within the quota.
EXTRA_KEYS = 10
EXTRA_KEY_PREFIX = "bench-t1-"
TAG_QUOTA = 20  # the service's default TAGS_MAX_TAGS_PER_RESOURCE, which T1's ceiling passes
U50_RESOURCES = 50
U50_KEYS = 20

# Data set sizes: the main runs (100,000 resources x 10 keys = 1,000,000 tag rows) and the scale run's two sizes.
RESOURCES = 100_000
SCALE_SMALL = 10_000
SCALE_LARGE = 1_000_000

PORT = 18080
DATABASE = "ecstags_bench"
ROLE = "ecstags_bench"
LOCK_FILE = "/tmp/ecstags-bench.lock"

# The AccessKey the pgbench ceilings record their nonces and history under (the service's own key comes from the
# admin API at every run).
PGBENCH_ACCESS_KEY_ID = "pgbench"
PGBENCH_HISTORY_ACCESS_KEY_ID = "LTAIpgbench"

# One account drives every run, so its flow control is lifted: the runs measure what one instance can serve, not an
# account's share of it (the throttle's own cost, a cache lookup and a token, stays on the path).
THROTTLE_LIFT = {
    "TAGS_THROTTLE_WRITE_PER_SECOND": "0",
    "TAGS_THROTTLE_READ_PER_SECOND": "0",
    "TAGS_ACCOUNT_MAX_CONNECTIONS": "64",
}


def resource_id(i):
    return RESOURCE_PREFIX + str(i).rjust(RESOURCE_DIGITS, "0")


def tag_value(key, i):
    """The fixture's value of `key` on resource i."""
    return "%s-%d" % (key, i % VALUES_PER_KEY)


def _literal(text):
    return "'" + text.replace("'", "''") + "'"


def _array(items):
    return "ARRAY[" + ", ".join(_literal(i) for i in items) + "]"


def sql_literals():
    """The constants as SQL text, for the ${name} placeholders of the pgbench templates (bench/pgbench/*.sql)."""
    return {
        "account": _literal(ACCOUNT_ID),
        "region": _literal(REGION_ID),
        "type": _literal(RESOURCE_TYPE),
        "prefix": _literal(RESOURCE_PREFIX),
        "digits": str(RESOURCE_DIGITS),
        "keys": _array(KEYS),
        "u50_resources": str(U50_RESOURCES),
        "u50_absent_keys": ", ".join(_literal(k) for k in ABSENT_KEYS[:U50_KEYS - 1]),
        "extra_key_prefix": _literal(EXTRA_KEY_PREFIX),
        "tag_quota": str(TAG_QUOTA),
        "key_id": _literal(PGBENCH_ACCESS_KEY_ID),
        "history_key_id": _literal(PGBENCH_HISTORY_ACCESS_KEY_ID),
        "values_per_key": str(VALUES_PER_KEY),
        "dt_page_size": str(DT_PAGE_SIZE),
        "dt_pages": str(DT_PAGES),
    }


def psql_variables():
    """The constants as psql variables (-v name=value) for bench/sql/*.sql."""
    return {
        "account": ACCOUNT_ID,
        "region": REGION_ID,
        "type": RESOURCE_TYPE,
        "prefix": RESOURCE_PREFIX,
        "digits": str(RESOURCE_DIGITS),
        "keys": "{" + ",".join(KEYS) + "}",
        "extra_keys": "{" + ",".join(EXTRA_KEY_PREFIX + str(i) for i in range(EXTRA_KEYS)) + "}",
        "values_per_key": str(VALUES_PER_KEY),
    }

# DescribeTags (DT) pages through the catalog's len(KEYS) * VALUES_PER_KEY pairs, DT_PAGE_SIZE at a time.
DT_PAGE_SIZE = 50
DT_PAGES = len(KEYS) * VALUES_PER_KEY // DT_PAGE_SIZE
