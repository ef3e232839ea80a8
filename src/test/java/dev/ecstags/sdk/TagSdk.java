package dev.ecstags.sdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The three tag actions as one official SDK flavour performs them. A refusal of the service arrives as
 * {@link SdkRefusal}, carrying what the SDK itself reported (its error code) and the HTTP status.
 */
interface TagSdk {

    void tag(String resourceType, List<String> resourceIds, Map<String, String> tags) throws Exception;

    /** {@code all} null: not sent. */
    void untag(String resourceType, List<String> resourceIds, List<String> tagKeys, Boolean all) throws Exception;

    Page list(ListQuery query) throws Exception;

    /** DescribeTags, with every field of the SDK's response read into {@link Catalog}. */
    Catalog describe(DescribeQuery query) throws Exception;

    /** {@code Tag.N} as an SDK models it: one tag object per key and value, in the map's order. */
    static <T> List<T> tagModels(Map<String, String> tags, BiFunction<String, String, T> newTag) {
        var models = new ArrayList<T>();
        tags.forEach((key, value) -> models.add(newTag.apply(key, value)));
        return models;
    }

    /**
     * @param resourceType null: not sent
     * @param resourceId   null: not sent
     * @param tags         {@code Tag.N}: key to value, a null value sends the key alone
     * @param pageNumber   null: not sent
     * @param pageSize     null: not sent
     */
    record DescribeQuery(String resourceType, String resourceId, Map<String, String> tags, Integer pageNumber,
            Integer pageSize) {
    }

    /** Every field of a DescribeTags response. */
    record Catalog(String requestId, Integer pageSize, Integer pageNumber, Integer totalCount,
            List<CatalogTag> tags) {
    }

    /** The counts in the SDKs' order of ResourceTypeCount: only the types a test uses are named. */
    record CatalogTag(String tagKey, String tagValue, Map<String, Integer> resourceTypeCount) {

        /** The fields of DescribeTags' ResourceTypeCount, in the order both SDKs declare them. */
        static final List<String> COUNTED_TYPES = List.of("Instance", "Disk", "Volume", "Image", "Snapshot",
                "Securitygroup", "LaunchTemplate", "Eni", "Ddh", "KeyPair", "SnapshotPolicy", "ReservedInstance");

        /**
         * Reads the counts from either SDK's ResourceTypeCount model: the two are different classes with the same
         * getters ({@code getInstance()}, {@code getDisk()}, …), so they are read by name.
         */
        static CatalogTag of(String tagKey, String tagValue, Object resourceTypeCount) {
            var byType = new LinkedHashMap<String, Integer>();
            for (String type : COUNTED_TYPES) {
                try {
                    byType.put(type, (Integer) resourceTypeCount.getClass().getMethod("get" + type)
                            .invoke(resourceTypeCount));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("No get" + type + " on " + resourceTypeCount.getClass(), e);
                }
            }
            return new CatalogTag(tagKey, tagValue, byType);
        }
    }

    /**
     * @param tags         {@code Tag.N}: key to value, a null value sends the key alone
     * @param filterKey    {@code TagFilter.1.TagKey}, or null
     * @param filterValues {@code TagFilter.1.TagValues.M}
     */
    record ListQuery(String resourceType, List<String> resourceIds, Map<String, String> tags, String filterKey,
            List<String> filterValues, String nextToken) {

        static ListQuery byIds(List<String> resourceIds) {
            return new ListQuery("instance", resourceIds, Map.of(), null, List.of(), null);
        }

        ListQuery next(String token) {
            return new ListQuery(resourceType, resourceIds, tags, filterKey, filterValues, token);
        }
    }

    record Entry(String resourceId, String resourceType, String tagKey, String tagValue) {
    }

    record Page(List<Entry> entries, String nextToken) {
    }

    /** The service refused a call, as the SDK reported it. */
    final class SdkRefusal extends RuntimeException {

        private final String code;
        private final int status;
        private final boolean serverError;

        SdkRefusal(String code, String message, int status, boolean serverError) {
            super(code + " (" + status + "): " + message);
            this.code = code;
            this.status = status;
            this.serverError = serverError;
        }

        /** ClientException#getErrCode or TeaException#getCode. */
        String code() {
            return code;
        }

        int status() {
            return status;
        }

        /** The legacy SDK's ServerException (5xx) rather than ClientException. */
        boolean serverError() {
            return serverError;
        }
    }
}
