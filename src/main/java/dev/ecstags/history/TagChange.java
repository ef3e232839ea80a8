package dev.ecstags.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One recorded change of one resource's tag key.
 *
 * @param valueBefore null where the key was absent
 * @param valueAfter  null where the key was removed
 * @param privateTag  a system tag (Scope=private)
 * @param action      TagResources, UntagResources, DeleteResource or MoveResource
 */
public record TagChange(Instant changedAt, long id, String requestId, String accessKeyId, String action,
        String accountId, String regionId, String resourceType, String resourceId, String tagKey,
        String valueBefore, String valueAfter,
        @JsonProperty("private") boolean privateTag) {
}
