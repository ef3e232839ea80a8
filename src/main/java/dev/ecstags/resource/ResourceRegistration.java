package dev.ecstags.resource;

/**
 * One resource as an operator registers it: which account owns it and whether it may carry tags.
 *
 * @param resourceType any case; stored and answered in lower case
 */
public record ResourceRegistration(String regionId, String resourceType, String resourceId, String accountId,
        boolean taggable) {
}
