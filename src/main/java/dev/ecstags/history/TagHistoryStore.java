package dev.ecstags.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code tag_history} rows: read by account (newest first) or by resource, and purged by age. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TagHistoryStore {

    private final JdbcClient jdbc;

    /** Keyset-paged on the primary key (account, changed_at, id), backwards. */
    List<TagChange> find(HistoryQuery query, TagHistory.Cursor after, int limit) {
        var sql = new StringBuilder("""
                select changed_at, id, request_id, access_key_id, action, account_id, region_id, resource_type,
                       resource_id, tag_key, value_before, value_after, private
                from tag_history where account_id = :account""");
        var params = new HashMap<String, Object>();
        params.put("account", query.accountId());
        narrow(sql, params, "region_id", "region", query.regionId());
        narrow(sql, params, "resource_type", "type", query.resourceType());
        narrow(sql, params, "resource_id", "resource", query.resourceId());
        narrow(sql, params, "tag_key", "key", query.tagKey());
        narrow(sql, params, "access_key_id", "accessKey", query.accessKeyId());
        if (query.from() != null) {
            sql.append(" and changed_at >= :from");
            params.put("from", utc(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and changed_at < :to");
            params.put("to", utc(query.to()));
        }
        if (after != null) {
            sql.append(" and (changed_at, id) < (:afterAt, :afterId)");
            params.put("afterAt", utc(after.changedAt()));
            params.put("afterId", after.id());
        }
        sql.append(" order by changed_at desc, id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(TagHistoryStore::change).list();
    }

    /**
     * The resource's current tags with every change after {@code at} undone: a key changed since then had the value
     * before its first later change (none if it was absent), any other key has its current value.
     */
    List<ResourceTags.Tag> tagsAsOf(String accountId, String regionId, String resourceType, String resourceId,
            Instant at) {
        return jdbc.sql("""
                with later as (
                    select distinct on (tag_key) tag_key, value_before, private from tag_history
                    where account_id = :account and region_id = :region and resource_type = :type
                      and resource_id = :resource and changed_at > :at
                    order by tag_key, changed_at, id)
                select tag_key, value_before as tag_value, private from later where value_before is not null
                union all
                select tag_key, tag_value, private from tag
                where account_id = :account and region_id = :region and resource_type = :type
                  and resource_id = :resource and tag_key not in (select tag_key from later)
                order by tag_key""")
                .param("account", accountId)
                .param("region", regionId)
                .param("type", resourceType)
                .param("resource", resourceId)
                .param("at", utc(at))
                .query((rs, n) -> new ResourceTags.Tag(rs.getString("tag_key"), rs.getString("tag_value"),
                        rs.getBoolean("private")))
                .list();
    }

    /**
     * Deletes up to {@code batch} changes older than {@code cutoff}, skipping rows another instance's purge holds,
     * so several instances purge side by side without waiting on each other.
     */
    int purge(Instant cutoff, int batch) {
        return jdbc.sql("""
                delete from tag_history where ctid = any(array(
                    select ctid from tag_history where changed_at < :cutoff
                    limit :batch for update skip locked))""")
                .param("cutoff", utc(cutoff))
                .param("batch", batch)
                .update();
    }

    private static void narrow(StringBuilder sql, HashMap<String, Object> params, String column, String name,
            String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    private static TagChange change(ResultSet rs, int row) throws SQLException {
        return new TagChange(rs.getObject("changed_at", OffsetDateTime.class).toInstant(), rs.getLong("id"),
                rs.getString("request_id"), rs.getString("access_key_id"), rs.getString("action"),
                rs.getString("account_id"), rs.getString("region_id"), rs.getString("resource_type"),
                rs.getString("resource_id"), rs.getString("tag_key"), rs.getString("value_before"),
                rs.getString("value_after"), rs.getBoolean("private"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
