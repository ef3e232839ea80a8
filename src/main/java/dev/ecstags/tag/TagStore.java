package dev.ecstags.tag;

import dev.ecstags.auth.SignatureNonce;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tag rows in PostgreSQL. Every statement is scoped by account, region and resource type, and each one
 * handles all resources and keys of a request at once (arrays, not loops), so a request costs a fixed number of
 * round trips whatever its size.
 */
@Repository
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

    /** Opens a condition on another visible tag of the listed row's resource. */
    private static final String SAME_RESOURCE_TAG = " and exists (select 1 from tag m where"
            + " m.account_id = t.account_id and m.region_id = t.region_id and m.resource_type = t.resource_type"
            + " and m.resource_id = t.resource_id and m.private = t.private";

    private final JdbcClient jdbc;

    TagStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the nonce and removes the keys from every target resource (no keys: every tag of the target's kind), in
     * one statement that deletes only if the nonce was new, every listed resource exists, may be tagged, and carries
     * no named key in the other kind.
     */
    Outcome untag(TagService.Target target, List<String> keys, SignatureNonce nonce) {
        var params = params(target, keys);
        nonce.addTo(params);
        return jdbc.sql(keys.isEmpty() ? UNTAG_EVERY_KEY : UNTAG_NAMED_KEYS)
                .params(params)
                .query(Outcome.MAPPER)
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
                    returning 1)
                select exists (select 1 from nonce) as fresh, found, untaggable, other_kind, 0 as most_kept
                from listed, other_kind"""
                .formatted(TARGET, keyFilter, NAMED_KEYS, SignatureNonce.RECORD_CTE);
    }

    /**
     * Records the nonce, locks the listed resources, then puts every tag on every target resource (an existing key
     * taking the new value) if no named key is carried in the other kind and no resource would pass the quota: one
     * call of the function {@code tag_resources_within_quota} (V3), whose statements each take a fresh snapshot, so
     * the quota count sees every tag committed on the locked resources.
     */
    Outcome tagWithinQuota(TagService.Target target, Map<String, String> tags, int quota, SignatureNonce nonce) {
        var params = params(target, List.copyOf(tags.keySet()));
        params.put("values", tags.values().toArray(String[]::new));
        params.put("quota", quota);
        nonce.addTo(params);
        return jdbc.sql("""
                        select nonce_fresh as fresh, resources_found as found, resources_untaggable as untaggable,
                               named_key_other_kind as other_kind, most_kept
                        from tag_resources_within_quota(:account, :region, :type, :ids::text[], :keys::text[],
                            :values::text[], :private, :quota, :nonceAccount, :nonceAccessKey, :nonceValue,
                            :nonceExpiresAt, :nonceNow)""")
                .params(params)
                .query(Outcome.MAPPER)
                .single();
    }

    /**
     * Up to {@code limit} entries after {@code after}, ordered by resource then key, read by the same statement that
     * records the request's nonce.
     */
    Listing find(TagQuery query, NextTokens.Position after, int limit, SignatureNonce nonce) {
        var target = query.target();
        var sql = new StringBuilder("""
                select t.resource_id, t.tag_key, t.tag_value from tag t
                where t.account_id = :account and t.region_id = :region and t.resource_type = :type
                  and t.private = :private""");
        var params = params(target, List.of());
        if (query.byResourceIds()) {
            sql.append(" and t.resource_id = any(:ids::text[])");
        }
        for (int i = 0; i < query.tags().size(); i++) {
            var tag = query.tags().get(i);
            sql.append(SAME_RESOURCE_TAG)
                    .append(" and m.tag_key = :tagKey").append(i);
            params.put("tagKey" + i, tag.key());
            if (tag.value() != null) {
                sql.append(" and m.tag_value = :tagValue").append(i);
                params.put("tagValue" + i, tag.value());
            }
            sql.append(')');
        }
        for (int i = 0; i < query.filters().size(); i++) {
            var filter = query.filters().get(i);
            sql.append(SAME_RESOURCE_TAG);
            if (filter.tagValues().isEmpty()) {
                sql.append(" and m.tag_key like :filterKey").append(i).append(" escape '\\'");
                params.put("filterKey" + i, TagQuery.likePattern(filter.tagKey()));
            } else {
                sql.append(" and m.tag_key = :filterKey").append(i).append(" and (");
                params.put("filterKey" + i, filter.tagKey());
                int j = 0;
                for (String value : filter.tagValues().values()) {
                    String name = "filterValue" + i + "_" + j;
                    sql.append(j++ == 0 ? "" : " or ").append("m.tag_value like :").append(name).append(" escape '\\'");
                    params.put(name, TagQuery.likePattern(value));
                }
                sql.append(')');
            }
            sql.append(')');
        }
        if (after != null) {
            sql.append(" and (t.resource_id, t.tag_key) > (:afterResource, :afterKey)");
            params.put("afterResource", after.resourceId());
            params.put("afterKey", after.tagKey());
        }
        sql.append(" order by t.resource_id, t.tag_key limit :limit");
        params.put("limit", limit);
        return listingRecordingTheNonce(sql.toString(), params, target, nonce);
    }

    /**
     * Runs a listing's select as part of one statement that also records the nonce: a left join on one row, so that
     * an empty page still tells whether the nonce was new.
     */
    private Listing listingRecordingTheNonce(String select, Map<String, Object> params, TagService.Target target,
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
                    return new Listing(fresh, entries);
                });
    }

    /** A page of a listing, and whether the request's nonce was new (if not, the page is not to be shown). */
    record Listing(boolean nonceFresh, List<TaggedResource> entries) {
    }


    private static Map<String, Object> params(TagService.Target target, List<String> keys) {
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

    /**
     * What a statement found before it changed anything; it changed nothing unless all of it was in order.
     *
     * @param nonceFresh the request's nonce was new, and is now recorded; if not, nothing else changed
     * @param found      listed resources that exist in the target
     * @param untaggable of those, the ones registered as not taggable
     * @param otherKind  a named key is carried by a listed resource in the other kind (public/private)
     * @param mostKept   the most tags of the call's kind any listed resource keeps beside the named keys
     */
    record Outcome(boolean nonceFresh, long found, long untaggable, boolean otherKind, int mostKept) {

        /** Mapped by hand: a reflective row mapper would introspect the record on every call of the hot path. */
        static final RowMapper<Outcome> MAPPER = (row, rowNumber) -> new Outcome(row.getBoolean("fresh"),
                row.getLong("found"),
                row.getLong("untaggable"), row.getBoolean("other_kind"), row.getInt("most_kept"));
    }
}
