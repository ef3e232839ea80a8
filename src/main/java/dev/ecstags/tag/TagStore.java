package dev.ecstags.tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final JdbcClient jdbc;

    TagStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many listed resources exist and may be tagged, and whether a named key is carried in the other kind. */
    Inspection inspect(TagService.Target target, List<String> keys) {
        return jdbc.sql("""
                        select count(*) as found,
                               count(*) filter (where not taggable) as untaggable,
                               exists (select 1 from tag where %s
                                         and tag_key = any(:keys::text[]) and private <> :private) as other_kind,
                               0 as most_kept
                        from resource where %s""".formatted(TARGET, TARGET))
                .params(params(target, keys))
                .query(Inspection.class)
                .single();
    }

    /**
     * Locks the listed resources (in id order, so concurrent calls cannot deadlock) before counting their tags:
     * two calls on one resource then see each other's tags, and the quota holds under any interleaving.
     */
    Inspection lockAndInspect(TagService.Target target, List<String> keys) {
        var locked = jdbc.sql("""
                        select count(*) as found, count(*) filter (where not taggable) as untaggable
                        from (select taggable from resource where %s order by resource_id for update) listed"""
                        .formatted(TARGET))
                .params(params(target, keys))
                .query((rs, row) -> new long[] {rs.getLong("found"), rs.getLong("untaggable")})
                .single();
        return jdbc.sql("""
                        select exists (select 1 from tag where %s
                                         and tag_key = any(:keys::text[]) and private <> :private) as other_kind,
                               coalesce((select max(kept) from (select count(*) as kept from tag where %s
                                           and private = :private and tag_key <> all(:keys::text[])
                                         group by resource_id) per_resource), 0) as most_kept"""
                        .formatted(TARGET, TARGET))
                .params(params(target, keys))
                .query((rs, row) -> new Inspection(locked[0], locked[1], rs.getBoolean("other_kind"),
                        rs.getInt("most_kept")))
                .single();
    }

    /** Removes the keys from every target resource; no keys removes every tag of the target's kind. */
    void delete(TagService.Target target, List<String> keys) {
        String keyFilter = keys.isEmpty() ? "" : " and tag_key = any(:keys::text[])";
        jdbc.sql("delete from tag where " + TARGET + " and private = :private" + keyFilter)
                .params(params(target, keys))
                .update();
    }

    /** Puts every tag on every target resource; an existing key takes the new value. */
    void write(TagService.Target target, Map<String, String> tags) {
        jdbc.sql("""
                        insert into tag (account_id, region_id, resource_type, resource_id, tag_key, tag_value, private)
                        select :account, :region, :type, resource.id, tags.tag_key, tags.tag_value, :private
                        from unnest(:ids::text[]) as resource(id)
                        cross join unnest(:keys::text[], :values::text[]) as tags(tag_key, tag_value)
                        on conflict (account_id, region_id, resource_type, resource_id, tag_key)
                        do update set tag_value = excluded.tag_value""")
                .params(params(target, List.copyOf(tags.keySet())))
                .param("values", tags.values().toArray(String[]::new))
                .update();
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
            sql.append(" and exists (select 1 from tag m where ").append(sameResource())
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
            sql.append(" and exists (select 1 from tag m where ").append(sameResource());
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

    private static String sameResource() {
        return "m.account_id = t.account_id and m.region_id = t.region_id and m.resource_type = t.resource_type"
                + " and m.resource_id = t.resource_id and m.private = t.private";
    }

    private static Map<String, Object> params(TagService.Target target, List<String> keys) {
        var params = new HashMap<String, Object>();
        params.put("account", target.accountId());
        params.put("region", target.regionId());
        params.put("type", target.resourceType());
        params.put("ids", target.resourceIds().toArray(String[]::new));
        params.put("keys", keys.toArray(String[]::new));
        params.put("private", target.privateTags());
        return params;
    }

    /**
     * @param found        listed resources that exist in the target
     * @param untaggable   of those, the ones registered as not taggable
     * @param otherKind    a named key is carried by a listed resource in the other kind (public/private)
     * @param mostKept     the most tags of the call's kind any listed resource keeps beside the named keys
     */
    record Inspection(long found, long untaggable, boolean otherKind, int mostKept) {
    }
}
