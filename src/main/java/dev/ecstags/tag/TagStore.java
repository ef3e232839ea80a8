package dev.ecstags.tag;

import dev.ecstags.history.ChangeSource;
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

    TagStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Removes the keys from every target resource (no keys: every tag of the target's kind), in one statement that
     * deletes only if every listed resource exists, may be tagged, and carries no named key in the other kind.
     */
    Outcome untag(TagService.Target target, List<String> keys, ChangeSource source) {
        String keyFilter = keys.isEmpty() ? "" : " and " + NAMED_KEYS;
        return jdbc.sql("""
                        with listed as (
                            select count(*) as found, count(*) filter (where not taggable) as untaggable
                            from resource where %1$s),
                        other_kind as (
                            select exists (select 1 from tag where %1$s
                                             and %3$s and private <> :private) as other_kind),
                        removed as (
                            delete from tag where %1$s and private = :private%2$s
                              and (select found = :expected and untaggable = 0 from listed)
                              and not (select other_kind from other_kind)
                            returning resource_id, tag_key, tag_value),
                        changed as (
                            select resource_id, tag_key, tag_value as value_before, null as value_after from removed),
                        %4$s
                        select found, untaggable, other_kind, 0 as most_kept from listed, other_kind"""
                        .formatted(TARGET, keyFilter, NAMED_KEYS, RECORD_HISTORY))
                .params(params(target, keys))
                .params(history(source, "UntagResources"))
                .query(Outcome.MAPPER)
                .single();
    }

    /**
     * Locks the listed resources, in id order so that concurrent calls cannot deadlock. A later statement of the
     * same transaction then sees every tag committed on them, so the quota holds under any interleaving.
     */
    Outcome lockResources(TagService.Target target) {
        return jdbc.sql("""
                        select count(*) as found, count(*) filter (where not taggable) as untaggable,
                               false as other_kind, 0 as most_kept
                        from (select taggable from resource where %s order by resource_id for update) listed"""
                        .formatted(TARGET))
                .params(params(target, List.of()))
                .query(Outcome.MAPPER)
                .single();
    }

    /**
     * Puts every tag on every (locked) target resource, an existing key taking the new value, in one statement
     * that writes only if no named key is carried in the other kind and no resource would pass the quota.
     */
    Outcome writeWithinQuota(TagService.Target target, Map<String, String> tags, int quota, ChangeSource source) {
        return jdbc.sql("""
                        with other_kind as (
                            select exists (select 1 from tag where %1$s
                                             and %2$s and private <> :private) as other_kind),
                        kept as (
                            select coalesce(max(kept), 0) as most_kept
                            from (select count(*) as kept from tag where %1$s
                                    and private = :private and not %2$s
                                  group by resource_id) per_resource),
                        previous as (
                            select resource_id, tag_key, tag_value from tag
                            where %1$s and private = :private and %2$s),
                        written as (
                            insert into tag (account_id, region_id, resource_type, resource_id, tag_key, tag_value, private)
                            select :account, :region, :type, resource.id, tags.tag_key, tags.tag_value, :private
                            from unnest(:ids::text[]) as resource(id)
                            cross join unnest(:keys::text[], :values::text[]) as tags(tag_key, tag_value)
                            where not (select other_kind from other_kind)
                              and (select most_kept from kept) + cardinality(:keys::text[]) <= :quota
                            on conflict (account_id, region_id, resource_type, resource_id, tag_key)
                            do update set tag_value = excluded.tag_value
                            -- xmax is 0 on a row this statement inserted, set on one it replaced.
                            returning resource_id, tag_key, tag_value, xmax = 0 as inserted),
                        changed as (
                            select written.resource_id, written.tag_key,
                                   case when not inserted then previous.tag_value end as value_before,
                                   written.tag_value as value_after
                            from written left join previous
                              on previous.resource_id = written.resource_id and previous.tag_key = written.tag_key
                            where inserted or previous.tag_value is distinct from written.tag_value),
                        %3$s
                        select :expected as found, 0 as untaggable, other_kind, most_kept from other_kind, kept"""
                        .formatted(TARGET, NAMED_KEYS, RECORD_HISTORY))
                .params(params(target, List.copyOf(tags.keySet())))
                .params(history(source, "TagResources"))
                .param("values", tags.values().toArray(String[]::new))
                .param("quota", quota)
                .query(Outcome.MAPPER)
                .single();
    }

    /** Up to {@code limit} entries after {@code after}, ordered by resource then key. */
    List<TaggedResource> find(TagQuery query, NextTokens.Position after, int limit) {
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
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, row) -> new TaggedResource(rs.getString("resource_id"), target.resourceType(),
                        rs.getString("tag_key"), rs.getString("tag_value")))
                .list();
    }


    private static Map<String, Object> history(ChangeSource source, String action) {
        return Map.of("action", action, "requestId", source.requestId(), "accessKeyId", source.accessKeyId());
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
     * @param found      listed resources that exist in the target
     * @param untaggable of those, the ones registered as not taggable
     * @param otherKind  a named key is carried by a listed resource in the other kind (public/private)
     * @param mostKept   the most tags of the call's kind any listed resource keeps beside the named keys
     */
    record Outcome(long found, long untaggable, boolean otherKind, int mostKept) {

        /** Mapped by hand: a reflective row mapper would introspect the record on every call of the hot path. */
        static final RowMapper<Outcome> MAPPER = (row, rowNumber) -> new Outcome(row.getLong("found"),
                row.getLong("untaggable"), row.getBoolean("other_kind"), row.getInt("most_kept"));
    }
}
