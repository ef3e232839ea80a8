package dev.ecstags.resource;

import dev.ecstags.history.ChangeSource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which resources exist, which account owns each, and whether it may carry tags: the operators' side of the
 * {@code resource} table. A resource is identified by region, type and id; the account is what it belongs to.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ResourceInventory {

    /** The most resources one call may register: one transaction of bounded size. */
    public static final int MAX_BATCH = 1000;

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{1,20}");
    private static final int MAX_RESOURCE_ID_LENGTH = 256;

    private final JdbcClient jdbc;
    private final Regions regions;

    /**
     * Registers 1..{@value #MAX_BATCH} resources in one transaction: a new resource is added, a known one gets the
     * given {@code taggable}, and one known under another account moves to the given account, losing its tags (they
     * were the other account's). An entry listed twice counts once, the last one winning.
     *
     * @return how many distinct resources were registered
     * @throws InvalidRegistrationException if any entry is invalid; then nothing is registered
     */
    @Transactional
    public int register(List<ResourceRegistration> resources) {
        Collection<ResourceRegistration> distinct = validated(resources);
        int size = distinct.size();
        String[] accountIds = new String[size];
        String[] regionIds = new String[size];
        String[] types = new String[size];
        String[] resourceIds = new String[size];
        Boolean[] taggable = new Boolean[size];
        String[] identities = new String[size];
        int i = 0;
        for (ResourceRegistration resource : distinct) {
            accountIds[i] = resource.accountId();
            regionIds[i] = resource.regionId();
            types[i] = resource.resourceType();
            resourceIds[i] = resource.resourceId();
            taggable[i] = resource.taggable();
            identities[i] = identity(resource);
            i++;
        }

        // Two registrations of one resource under different accounts must not both find it absent and leave it
        // owned twice; the key alone is no unique constraint (the table is keyed by account first, for Citus).
        // Locks are taken in hash order so that overlapping batches cannot deadlock.
        jdbc.sql("""
                select count(pg_advisory_xact_lock(lock_key))
                from (select distinct hashtextextended(identity, 0) as lock_key
                      from unnest(?::text[]) as identity
                      order by lock_key) as keys
                """)
                .param(identities)
                .query(Long.class)
                .single();
        dropTagsOfMovingResources(accountIds, regionIds, types, resourceIds, ChangeSource.admin());

        return jdbc.sql("""
                with registration as (
                    select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[])
                        as r(account_id, region_id, resource_type, resource_id, taggable)
                ), moved_away as (
                    delete from resource owned
                    using registration r
                    where owned.region_id = r.region_id
                      and owned.resource_type = r.resource_type
                      and owned.resource_id = r.resource_id
                      and owned.account_id <> r.account_id
                )
                insert into resource (account_id, region_id, resource_type, resource_id, taggable)
                select account_id, region_id, resource_type, resource_id, taggable from registration
                on conflict (account_id, region_id, resource_type, resource_id)
                    do update set taggable = excluded.taggable
                """)
                .params(accountIds, regionIds, types, resourceIds, taggable)
                .update();
    }

    /**
     * Forgets a resource, and its tags with it; the tags it carried are recorded in the tag history.
     *
     * @return false if no such resource was registered
     */
    @Transactional
    public boolean remove(String regionId, String resourceType, String resourceId) {
        Optional<ResourceType> type = ResourceType.fromWire(resourceType);
        if (type.isEmpty()) {
            return false;
        }
        String[] regionIds = {regionId};
        String[] types = {type.get().wireName()};
        String[] resourceIds = {resourceId};
        lockResources(null, regionIds, types, resourceIds);
        dropTags(null, regionIds, types, resourceIds, "DeleteResource", ChangeSource.admin());
        return jdbc.sql("delete from resource where region_id = ? and resource_type = ? and resource_id = ?")
                .params(regionId, type.get().wireName(), resourceId)
                .update() > 0;
    }

    /**
     * A resource registered under another account than its owner's moves there without its tags: they are dropped,
     * and recorded in the tag history against the account that had them.
     */
    private void dropTagsOfMovingResources(String[] accountIds, String[] regionIds, String[] types,
            String[] resourceIds, ChangeSource source) {
        if (lockResources(accountIds, regionIds, types, resourceIds) > 0) {
            dropTags(accountIds, regionIds, types, resourceIds, "MoveResource", source);
        }
    }

    /**
     * Locks the listed resources (those owned by another account than the given one, when accounts are given), so
     * that no tag call adds a tag to them before they go; the next statement then sees every tag they carry.
     *
     * @return how many were locked
     */
    private long lockResources(String[] accountIds, String[] regionIds, String[] types, String[] resourceIds) {
        return jdbc.sql("""
                select count(*) from (
                    select 1 from resource owned
                    join unnest(?::text[], ?::text[], ?::text[], ?::text[])
                        as r(account_id, region_id, resource_type, resource_id)
                      on owned.region_id = r.region_id and owned.resource_type = r.resource_type
                     and owned.resource_id = r.resource_id
                     and (r.account_id is null or owned.account_id <> r.account_id)
                    order by owned.account_id, owned.region_id, owned.resource_type, owned.resource_id
                    for update of owned) locked""")
                .params(accounts(accountIds, regionIds.length), regionIds, types, resourceIds)
                .query(Long.class)
                .single();
    }

    /** Deletes the tags of the listed (locked) resources and records each in the tag history, in one statement. */
    private void dropTags(String[] accountIds, String[] regionIds, String[] types, String[] resourceIds,
            String action, ChangeSource source) {
        jdbc.sql("""
                with listed as (
                    select owned.* from resource owned
                    join unnest(:accounts::text[], :regions::text[], :types::text[], :ids::text[])
                        as r(account_id, region_id, resource_type, resource_id)
                      on owned.region_id = r.region_id and owned.resource_type = r.resource_type
                     and owned.resource_id = r.resource_id
                     and (r.account_id is null or owned.account_id <> r.account_id)),
                dropped as (
                    delete from tag using listed
                    where tag.account_id = listed.account_id and tag.region_id = listed.region_id
                      and tag.resource_type = listed.resource_type and tag.resource_id = listed.resource_id
                    returning tag.*)
                insert into tag_history (account_id, changed_at, region_id, resource_type, resource_id,
                                         tag_key, value_before, value_after, private, action, request_id,
                                         access_key_id)
                select account_id, clock_timestamp(), region_id, resource_type, resource_id, tag_key,
                       tag_value, null, private, :action, :requestId, :accessKeyId
                from dropped""")
                .param("accounts", accounts(accountIds, regionIds.length))
                .param("regions", regionIds)
                .param("types", types)
                .param("ids", resourceIds)
                .param("action", action)
                .param("requestId", source.requestId())
                .param("accessKeyId", source.accessKeyId())
                .update();
    }

    /** The given accounts, or as many nulls (any owner). */
    private static String[] accounts(String[] accountIds, int size) {
        return accountIds != null ? accountIds : new String[size];
    }

    /**
     * One page of an account's resources in (region, type, id) order, optionally of one region and one type (keyset
     * paging: stable while resources come and go).
     *
     * @param regionId     null for every region
     * @param resourceType null for every type, else a type as {@link ResourceType#fromWire} reads it
     * @param after        the last resource of the previous page, or null for the first page
     */
    @Transactional(readOnly = true)
    public List<RegisteredResource> list(String accountId, String regionId, String resourceType,
            RegisteredResource after, int limit) {
        String type = resourceType == null
                ? null
                : ResourceType.fromWire(resourceType).map(ResourceType::wireName).orElse(resourceType);
        return jdbc.sql("""
                select region_id, resource_type, resource_id, account_id, taggable
                  from resource
                 where account_id = ?
                   and (?::text is null or region_id = ?)
                   and (?::text is null or resource_type = ?)
                   and (region_id, resource_type, resource_id) > (?, ?, ?)
                 order by region_id, resource_type, resource_id
                 limit ?""")
                .params(accountId, regionId, regionId, type, type,
                        after == null ? "" : after.regionId(), after == null ? "" : after.resourceType(),
                        after == null ? "" : after.resourceId(), limit)
                .query((row, n) -> registered(row))
                .list();
    }

    /** A resource with every tag it carries (private ones flagged); empty if it is not registered. */
    @Transactional(readOnly = true)
    public Optional<ResourceWithTags> find(String regionId, String resourceType, String resourceId) {
        Optional<ResourceType> type = ResourceType.fromWire(resourceType);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select region_id, resource_type, resource_id, account_id, taggable
                  from resource
                 where region_id = ? and resource_type = ? and resource_id = ?""")
                .params(regionId, type.get().wireName(), resourceId)
                .query((row, n) -> registered(row))
                .optional()
                .map(resource -> new ResourceWithTags(resource, jdbc.sql("""
                        select tag_key, tag_value, private
                          from tag
                         where account_id = ? and region_id = ? and resource_type = ? and resource_id = ?
                         order by tag_key""")
                        .params(resource.accountId(), resource.regionId(), resource.resourceType(),
                                resource.resourceId())
                        .query((row, n) -> new ResourceTag(row.getString("tag_key"), row.getString("tag_value"),
                                row.getBoolean("private")))
                        .list()));
    }

    private static RegisteredResource registered(java.sql.ResultSet row) throws java.sql.SQLException {
        return new RegisteredResource(row.getString("region_id"), row.getString("resource_type"),
                row.getString("resource_id"), row.getString("account_id"), row.getBoolean("taggable"));
    }

    /** A resource as registered; the type in its wire name. */
    public record RegisteredResource(String regionId, String resourceType, String resourceId, String accountId,
            boolean taggable) {
    }

    /** @param privateTag a system tag, invisible to normal keys */
    public record ResourceTag(String key, String value, boolean privateTag) {
    }

    public record ResourceWithTags(RegisteredResource resource, List<ResourceTag> tags) {
    }

    /** Checks every entry before anything is written; normalizes the type to its wire name; drops repeats. */
    private Collection<ResourceRegistration> validated(List<ResourceRegistration> resources) {
        if (resources == null || resources.isEmpty() || resources.size() > MAX_BATCH) {
            throw new InvalidRegistrationException(
                    "resources: between 1 and " + MAX_BATCH + " entries are registered at a time");
        }
        Map<String, ResourceRegistration> byIdentity = new LinkedHashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            ResourceRegistration resource = resources.get(i);
            String where = "resources[" + i + "]";
            if (resource == null) {
                throw new InvalidRegistrationException(where + ": missing");
            }
            if (!regions.contains(resource.regionId())) {
                throw new InvalidRegistrationException(where + ".regionId: not a region this service serves");
            }
            ResourceType type = ResourceType.fromWire(resource.resourceType()).orElseThrow(
                    () -> new InvalidRegistrationException(where + ".resourceType: not an ECS resource type"));
            String resourceId = resource.resourceId();
            if (resourceId == null || resourceId.isBlank() || resourceId.length() > MAX_RESOURCE_ID_LENGTH) {
                throw new InvalidRegistrationException(
                        where + ".resourceId: 1 to " + MAX_RESOURCE_ID_LENGTH + " characters");
            }
            if (resource.accountId() == null || !ACCOUNT_ID.matcher(resource.accountId()).matches()) {
                throw new InvalidRegistrationException(where + ".accountId: 1 to 20 decimal digits");
            }
            ResourceRegistration normalized = new ResourceRegistration(resource.regionId(), type.wireName(),
                    resourceId, resource.accountId(), resource.taggable());
            byIdentity.put(identity(normalized), normalized);
        }
        return byIdentity.values();
    }

    private static String identity(ResourceRegistration resource) {
        // Region ids and types never contain a slash; ids may, so they go last.
        return resource.regionId() + '/' + resource.resourceType() + '/' + resource.resourceId();
    }

    /** A registration that breaks a rule; the message names the entry and the rule, never internals. */
    public static final class InvalidRegistrationException extends RuntimeException {

        InvalidRegistrationException(String message) {
            super(message, null, false, false);
        }
    }
}
