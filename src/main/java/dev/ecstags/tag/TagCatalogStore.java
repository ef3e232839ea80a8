package dev.ecstags.tag;

import dev.ecstags.auth.SignatureNonce;
import dev.ecstags.resource.ResourceType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of DescribeTags. Pairs are ordered by key, then value, byte-wise ({@code C}), and paged by number as ECS
 * pages them.
 *
 * <p>An account's whole catalog is not aggregated row by row (a million tag rows take a third of a second to
 * group): the distinct pairs are walked on the {@code tag_catalog} index, one descent per pair (a loose index
 * scan), and only the page's pairs are counted, from the index alone; {@code Tag.N} walks only the keys it names.
 * A call narrowed to one resource reads its few rows and groups them.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TagCatalogStore {

    private static final String[] ALL_TYPES = Arrays.stream(ResourceType.values()).map(ResourceType::wireName)
            .toArray(String[]::new);

    private static final String SCOPE = "account_id = :account and region_id = :region and private = :private";

    private final JdbcClient jdbc;

    /** Reads a page in the same statement that records the request's nonce ({@link SignatureNonce#RECORD_CTE}). */
    CatalogRead describe(CatalogQuery query, long offset, int size, int pageNumber, SignatureNonce nonce) {
        var params = new HashMap<String, Object>();
        nonce.addTo(params);
        params.put("account", query.accountId());
        params.put("region", query.regionId());
        params.put("private", query.privateTags());
        params.put("type", query.type());
        params.put("offset", offset);
        params.put("size", size);
        String scope = query.type() == null ? SCOPE : SCOPE + " and resource_type = :type";
        String sql;
        if (query.resourceId() == null && query.tags().isEmpty()) {
            sql = PAGE_OF_PAIRS.formatted(scope, WHOLE_CATALOG.formatted(scope), SignatureNonce.RECORD_CTE);
        } else if (query.resourceId() == null) {
            putTagSelection(params, query.tags());
            sql = PAGE_OF_PAIRS.formatted(scope, SELECTED_PAIRS.formatted(scope), SignatureNonce.RECORD_CTE);
        } else {
            var conditions = new StringBuilder(scope);
            if (query.resourceId() != null) {
                // Every type as an array, so the primary key is descended once per type rather than scanned.
                conditions.append(" and resource_type = any(:types::text[]) and resource_id = :resourceId");
                params.put("types", ALL_TYPES);
                params.put("resourceId", query.resourceId());
            }
            if (!query.tags().isEmpty()) {
                conditions.append(" and (tag_key = any(:anyValueKeys::text[])"
                        + " or (tag_key, tag_value collate \"C\") in (select * from unnest(:pairKeys::text[],"
                        + " :pairValues::text[])))");
                putTagSelection(params, query.tags());
            }
            sql = ONE_RESOURCE.formatted(conditions, SignatureNonce.RECORD_CTE);
        }
        var rows = jdbc.sql(sql).params(params).query((rs, n) -> new Row(rs.getBoolean("fresh"), rs.getLong("total"),
                rs.getString("tag_key"), rs.getString("tag_value"), rs.getString("resource_type"),
                rs.getLong("resources"))).list();
        // Each statement answers at least one row (the total), which says whether the nonce was new.
        boolean fresh = rows.get(0).nonceFresh();
        long total = rows.get(0).total();
        var entries = new ArrayList<CatalogEntry>();
        Map<String, Long> counts = null;
        Row previous = null;
        for (Row row : rows) {
            if (row.tagKey() == null) {
                continue; // the page is past the last pair: the total alone
            }
            if (previous == null || !previous.tagKey().equals(row.tagKey())
                    || !Objects.equals(previous.tagValue(), row.tagValue())) {
                counts = new LinkedHashMap<>();
                entries.add(new CatalogEntry(row.tagKey(), row.tagValue(), counts));
            }
            counts.put(row.resourceType(), row.resources());
            previous = row;
        }
        return new CatalogRead(fresh, new TagCatalogPage(pageNumber, size, total, List.copyOf(entries)));
    }

    /** {@code Tag.N}: the keys whose every value is selected, and the exact pairs. */
    private static void putTagSelection(Map<String, Object> params, List<TagParameter> tags) {
        var pairs = tags.stream().filter(tag -> tag.value() != null).toList();
        params.put("anyValueKeys", tags.stream().filter(tag -> tag.value() == null).map(TagParameter::key)
                .toArray(String[]::new));
        params.put("pairKeys", pairs.stream().map(TagParameter::key).toArray(String[]::new));
        params.put("pairValues", pairs.stream().map(TagParameter::value).toArray(String[]::new));
    }

    private record Row(boolean nonceFresh, long total, String tagKey, String tagValue, String resourceType,
            long resources) {
    }

    /**
     * A page of the pairs that {@code %2$s} defines as the CTE {@code pairs} (tag_key, tag_value), in order, with
     * each page pair counted by type from the index; {@code total} counts every pair; {@code %3$s} records the nonce.
     */
    private static final String PAGE_OF_PAIRS = """
            with recursive %3$s,
            %2$s,
            numbered as (
                select tag_key, tag_value, row_number() over (order by tag_key, tag_value) as n from pairs),
            page as (
                select tag_key, tag_value from numbered where n > :offset order by n limit :size),
            counted as (
                select page.tag_key, page.tag_value, counts.resource_type, counts.resources from page
                cross join lateral (
                    select resource_type, count(*) as resources from tag where %1$s
                      and tag_key = page.tag_key and tag_value collate "C" = page.tag_value
                    group by resource_type) counts)
            select exists (select 1 from nonce) as fresh, totals.total, counted.*
            from (select count(*) as total from pairs) totals
            left join counted on true
            order by counted.tag_key, counted.tag_value, counted.resource_type""";

    /** Every pair: a loose index scan, one descent to the next pair after the last. */
    private static final String WHOLE_CATALOG = """
            pairs (tag_key, tag_value) as (
                (select tag_key, tag_value collate "C" from tag where %1$s
                 order by tag_key, tag_value collate "C" limit 1)
                union all
                select following.tag_key, following.tag_value from pairs cross join lateral (
                    select tag_key, tag_value collate "C" as tag_value from tag where %1$s
                      and (tag_key, tag_value collate "C") > (pairs.tag_key, pairs.tag_value)
                    order by tag_key, tag_value collate "C" limit 1) following)""";

    /**
     * The pairs {@code Tag.N} selects: each key given alone walked value by value (a loose index scan within the
     * key), and each exact pair that exists.
     */
    private static final String SELECTED_PAIRS = """
            walk (tag_key, tag_value) as (
                select first.tag_key, first.tag_value from unnest(:anyValueKeys::text[]) as wanted(tag_key)
                cross join lateral (
                    select tag_key, tag_value collate "C" as tag_value from tag where %1$s
                      and tag_key = wanted.tag_key
                    order by tag_value collate "C" limit 1) first
                union all
                select following.tag_key, following.tag_value from walk cross join lateral (
                    select tag_key, tag_value collate "C" as tag_value from tag where %1$s
                      and tag_key = walk.tag_key and tag_value collate "C" > walk.tag_value
                    order by tag_value collate "C" limit 1) following),
            pairs (tag_key, tag_value) as (
                select tag_key, tag_value from walk
                union
                select wanted.tag_key, wanted.tag_value collate "C"
                from unnest(:pairKeys::text[], :pairValues::text[]) as wanted(tag_key, tag_value)
                where exists (select 1 from tag where %1$s and tag_key = wanted.tag_key
                                and tag_value collate "C" = wanted.tag_value collate "C"))""";

    /** The few rows of one resource, grouped; {@code %2$s} records the nonce. */
    private static final String ONE_RESOURCE = """
            with %2$s,
            grouped as (
                select tag_key, tag_value collate "C" as tag_value, resource_type, count(*) as resources
                from tag where %1$s
                group by tag_key, tag_value collate "C", resource_type),
            ranked as (
                select *, dense_rank() over (order by tag_key, tag_value) as n from grouped)
            select exists (select 1 from nonce) as fresh, totals.total, ranked.tag_key, ranked.tag_value,
                   ranked.resource_type, ranked.resources
            from (select coalesce(max(n), 0) as total from ranked) totals
            left join ranked on ranked.n > :offset and ranked.n <= :offset + :size
            order by ranked.tag_key, ranked.tag_value, ranked.resource_type""";
}
