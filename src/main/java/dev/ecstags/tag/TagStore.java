package dev.ecstags.tag;

import dev.ecstags.auth.SignatureNonce;
import dev.ecstags.history.ChangeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tag rows in PostgreSQL. Every statement is scoped by account, region and resource type, and each one
 * handles all resources and keys of a request at once (arrays, not loops), so a request costs a fixed number of
 * round trips whatever its size.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TagStore {

    static final int PAGE_SIZE = 50;

    private static final String TARGET = """
            account_id = :account and region_id = :region and resource_type = :type
            and resource_id = any(:ids::text[])""";

    /**
     * The named keys, as a filter on each listed resource's tags rather than an index condition: with both ids and
     * keys in the index condition, PostgreSQL before 17 descends the primary key once per (id, key) pair (1,000 for
     * 50 ids and 20 keys); as a filter it descends once per id and reads that resource's few tags.
     */
    private static final String NAMED_KEYS = "(tag_key = any(:keys::text[])) is true";

    private static final String LIKE_ESCAPE = " escape '\\'";

    /** The most distinct keys of a target the listing enumerates to find that a key pattern matches none. */
    static final int KEYS_ENUMERATED = 1000;

    /**
     * Tag history (V4): records each row a statement's {@code changed} CTE returns, in that same statement, so a
     * request that fails records nothing and one that changes nothing records nothing. {@code changed} returns
     * (resource_id, tag_key, value_before, value_after); the stamp is taken as each row is written, after the change
     * took its row locks. A self-contained CTE: it is appended to a change statement as it is.
     */
    private static final String RECORD_HISTORY = """
            recorded as (
                insert into tag_history (account_id, changed_at, region_id, resource_type, resource_id, tag_key,
                                         value_before, value_after, private, action, request_id, access_key_id)
                select :account, clock_timestamp(), :region, :type, resource_id, tag_key,
                       value_before, value_after, :private, :action, :requestId, :accessKeyId
                from changed)""";

    private final JdbcClient jdbc;

    /**
     * Records the nonce and removes the keys from every target resource (no keys: every tag of the target's kind), in
     * one statement that deletes only if the nonce was new, every listed resource exists, may be tagged, and carries
     * no named key in the other kind.
     */
    ChangeOutcome untag(ResolvedTarget target, List<String> keys, SignatureNonce nonce, ChangeSource source) {
        var params = params(target, keys);
        nonce.addTo(params);
        params.putAll(history(source, "UntagResources"));
        return jdbc.sql(keys.isEmpty() ? UNTAG_EVERY_KEY : UNTAG_NAMED_KEYS)
                .params(params)
                .query(ChangeOutcome.MAPPER)
                .single();
    }

    /** Formatted once: String.formatted would parse the template on every call. */
    private static final String UNTAG_NAMED_KEYS = untagStatement(" and " + NAMED_KEYS);
    private static final String UNTAG_EVERY_KEY = untagStatement("");

    private static String untagStatement(String keyFilter) {
        return """
                with %4$s,
                listed as (
                    select count(*) as found, count(*) filter (where not taggable) as untaggable
                    from resource where %1$s),
                other_kind as (
                    select exists (select 1 from tag where %1$s
                                     and %3$s and private <> :private) as other_kind),
                removed as (
                    delete from tag where %1$s and private = :private%2$s
                      and exists (select 1 from nonce)
                      and (select found = :expected and untaggable = 0 from listed)
                      and not (select other_kind from other_kind)
                    returning resource_id, tag_key, tag_value),
                changed as (
                    select resource_id, tag_key, tag_value as value_before, null as value_after from removed),
                %5$s
                select exists (select 1 from nonce) as fresh, found, untaggable, other_kind, 0 as most_kept
                from listed, other_kind"""
                .formatted(TARGET, keyFilter, NAMED_KEYS, SignatureNonce.RECORD_CTE, RECORD_HISTORY);
    }

    /**
     * Records the nonce, locks the listed resources, then puts every tag on every target resource (an existing key
     * taking the new value) if no named key is carried in the other kind and no resource would pass the quota: one
     * call of the function {@code tag_resources_within_quota} (V3), whose statements each take a fresh snapshot, so
     * the quota count sees every tag committed on the locked resources. The function records what it changed in the
     * tag history (V4), as {@link #RECORD_HISTORY} does for the other statements.
     */
    ChangeOutcome tagWithinQuota(ResolvedTarget target, Map<String, String> tags, int quota, SignatureNonce nonce,
            ChangeSource source) {
        var params = params(target, List.copyOf(tags.keySet()));
        params.put("values", tags.values().toArray(String[]::new));
        params.put("quota", quota);
        nonce.addTo(params);
        params.put("requestId", source.requestId());
        params.put("accessKeyId", source.accessKeyId());
        return jdbc.sql("""
                select nonce_fresh as fresh, resources_found as found, resources_untaggable as untaggable,
                       named_key_other_kind as other_kind, most_kept
                from tag_resources_within_quota(:account, :region, :type, :ids::text[], :keys::text[],
                    :values::text[], :private, :quota, :nonceAccount, :nonceAccessKey, :nonceValue,
                    :nonceExpiresAt, :nonceNow, :requestId, :accessKeyId)""")
                .params(params)
                .query(ChangeOutcome.MAPPER)
                .single();
    }

    /**
     * Up to {@code limit} entries after {@code after}, ordered by resource then key, read by the same statement that
     * records the request's nonce.
     *
     * <p>With tags or tag filters, the statement first picks the next {@code limit + 1} resources in id order that
     * satisfy every condition, reading each resource's tags once (one index descent per resource, all conditions
     * checked by one aggregate), then lists the tags of those resources. Whatever the conditions, it costs at most
     * one descent per resource of the target, not one per tag row and condition. {@code limit + 1} resources are
     * always enough: each qualifying resource has at least one listed tag (a condition matches one of its tags of
     * the listed kind) and only the first may lie wholly before the cursor.
     *
     * <p>A key pattern that no key of the target matches empties the listing: the target's distinct keys are
     * enumerated by a skip scan (one descent of {@code tag_by_key_value} per key, at most {@link #KEYS_ENUMERATED};
     * past that the check gives up and lets the per-resource check decide), and the statement stops before reading
     * a single resource.
     */
    TagListing find(TagQuery query, ListingPosition after, int limit, SignatureNonce nonce) {
        var target = query.target();
        var params = params(target, List.of());
        params.put("limit", limit);
        if (after != null) {
            params.put("afterResource", after.resourceId());
            params.put("afterKey", after.tagKey());
        }
        var conditions = new ArrayList<String>();
        var keyPatterns = new ArrayList<String>();
        for (int i = 0; i < query.tags().size(); i++) {
            var tag = query.tags().get(i);
            params.put("tagKey" + i, tag.key());
            if (tag.value() == null) {
                conditions.add("m.tag_key = :tagKey" + i);
            } else {
                params.put("tagValue" + i, tag.value());
                conditions.add("m.tag_key = :tagKey" + i + " and m.tag_value = :tagValue" + i);
            }
        }
        for (int i = 0; i < query.filters().size(); i++) {
            var filter = query.filters().get(i);
            if (filter.tagValues().isEmpty()) {
                params.put("filterKey" + i, TagQuery.likePattern(filter.tagKey()));
                conditions.add("m.tag_key like :filterKey" + i + LIKE_ESCAPE);
                keyPatterns.add("tag_key like :filterKey" + i + LIKE_ESCAPE);
            } else {
                params.put("filterKey" + i, filter.tagKey());
                var values = new StringBuilder();
                int j = 0;
                for (String value : filter.tagValues().values()) {
                    String name = "filterValue" + i + "_" + j;
                    values.append(j++ == 0 ? "" : " or ").append("m.tag_value like :").append(name).append(LIKE_ESCAPE);
                    params.put(name, TagQuery.likePattern(value));
                }
                conditions.add("m.tag_key = :filterKey" + i + " and (" + values + ")");
            }
        }
        String afterRows = after == null ? "" : " and (t.resource_id, t.tag_key) > (:afterResource, :afterKey)";
        String byIds = query.byResourceIds() ? " and %s.resource_id = any(:ids::text[])" : "";
        String sql;
        if (conditions.isEmpty()) {
            sql = """
                    select t.resource_id, t.tag_key, t.tag_value from tag t
                    where t.account_id = :account and t.region_id = :region and t.resource_type = :type
                      and t.private = :private%s%s
                    order by t.resource_id, t.tag_key limit :limit""".formatted(byIds.formatted("t"), afterRows);
        } else {
            String keysEnumerated = keyPatterns.isEmpty() ? "" : """
                    recursive target_keys(tag_key, n) as (
                        (select k.tag_key, 1 from tag k
                         where k.account_id = :account and k.region_id = :region and k.resource_type = :type
                         order by k.tag_key limit 1)
                        union all
                        select (select k.tag_key from tag k
                                where k.account_id = :account and k.region_id = :region and k.resource_type = :type
                                  and k.tag_key > p.tag_key
                                order by k.tag_key limit 1), p.n + 1
                        from target_keys p where p.tag_key is not null and p.n < %d),
                    """.formatted(KEYS_ENUMERATED);
            String someKeyMatches = keyPatterns.isEmpty()
                    ? ""
                    : """
                              and (select count(*) >= %d or (%s) from target_keys where tag_key is not null)
                            """.formatted(KEYS_ENUMERATED, keyPatterns.stream()
                            .map(pattern -> "bool_or(" + pattern + ")").collect(Collectors.joining(" and ")));
            String everyCondition = conditions.stream()
                    .map(condition -> "bool_or(" + condition + ")").collect(Collectors.joining("\n and "));
            sql = """
                    with %1$smatching as (
                        select r.resource_id from resource r
                        where r.account_id = :account and r.region_id = :region and r.resource_type = :type%2$s%3$s
                    %4$s  and (select %5$s
                               from tag m
                               where m.account_id = r.account_id and m.region_id = r.region_id
                                 and m.resource_type = r.resource_type and m.resource_id = r.resource_id
                                 and m.private = :private)
                        order by r.resource_id limit :limit + 1)
                    select t.resource_id, t.tag_key, t.tag_value from matching c
                    join tag t on t.account_id = :account and t.region_id = :region and t.resource_type = :type
                              and t.resource_id = c.resource_id
                    where t.private = :private%6$s
                    order by t.resource_id, t.tag_key limit :limit"""
                    .formatted(keysEnumerated, byIds.formatted("r"),
                            after == null ? "" : " and r.resource_id >= :afterResource",
                            someKeyMatches, everyCondition, afterRows);
        }
        return listingRecordingTheNonce(sql, params, target, nonce);
    }

    /**
     * Runs a listing's select as part of one statement that also records the nonce: a left join on one row, so that
     * an empty page still tells whether the nonce was new.
     */
    private TagListing listingRecordingTheNonce(String select, Map<String, Object> params, ResolvedTarget target,
            SignatureNonce nonce) {
        nonce.addTo(params);
        var statement = "with " + SignatureNonce.RECORD_CTE + ", page as (" + select + """
                )
                select exists (select 1 from nonce) as fresh, page.resource_id, page.tag_key, page.tag_value
                from (select 1) as always left join page on true
                order by page.resource_id, page.tag_key""";
        return jdbc.sql(statement)
                .params(params)
                .query(rows -> {
                    boolean fresh = false;
                    var entries = new ArrayList<TaggedResource>();
                    while (rows.next()) {
                        fresh = rows.getBoolean("fresh");
                        String resourceId = rows.getString("resource_id");
                        if (resourceId != null) {
                            entries.add(new TaggedResource(resourceId, target.resourceType(),
                                    rows.getString("tag_key"), rows.getString("tag_value")));
                        }
                    }
                    return new TagListing(fresh, entries);
                });
    }

    private static Map<String, Object> history(ChangeSource source, String action) {
        return Map.of("action", action, "requestId", source.requestId(), "accessKeyId", source.accessKeyId());
    }

    private static Map<String, Object> params(ResolvedTarget target, List<String> keys) {
        var params = new HashMap<String, Object>();
        params.put("account", target.accountId());
        params.put("region", target.regionId());
        params.put("type", target.resourceType());
        params.put("ids", target.resourceIds().toArray(String[]::new));
        params.put("keys", keys.toArray(String[]::new));
        params.put("private", target.privateTags());
        params.put("expected", target.resourceIds().size());
        return params;
    }
}
