package dev.ecstags.tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * DescribeTags: the tag catalog of an account's region, each (key, value) pair with how many resources of each type
 * carry it. {@code Tag.N} selects pairs (a key alone: every value of the key), any of them matching.
 *
 * @param target       its resource type is optional: every type when absent
 * @param resourceId   optional: the pairs one resource carries
 * @param pageNumber   1 or more; absent is 1
 * @param pageSize     1 to {@value #MAX_PAGE_SIZE}; absent is {@value #DEFAULT_PAGE_SIZE}
 * @param category     {@code Custom} (public tags) or {@code System} (private tags), any case; absent is both
 */
public record DescribeTagsRequest(
        @Valid TagTarget target,
        String resourceId,
        @TagLimits SortedMap<Integer, TagParameter> tags,
        String pageNumber,
        String pageSize,
        String category) implements TagPairsRequest {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 100;

    @Override
    public SortedMap<Integer, String> resourceIds() {
        var ids = new TreeMap<Integer, String>();
        if (resourceId != null && !resourceId.isEmpty()) {
            ids.put(1, resourceId);
        }
        return ids;
    }

    @AssertTrue(message = "INVALID_PAGE_NUMBER")
    public boolean isPageNumberValid() {
        return pageNumber == null || pageNumber.isEmpty() || parse(pageNumber) >= 1;
    }

    @AssertTrue(message = "INVALID_PAGE_SIZE")
    public boolean isPageSizeValid() {
        if (pageSize == null || pageSize.isEmpty()) {
            return true;
        }
        long size = parse(pageSize);
        return size >= 1 && size <= MAX_PAGE_SIZE;
    }

    @AssertTrue(message = "INVALID_CATEGORY")
    public boolean isCategoryKnown() {
        return category == null || category.isEmpty() || "custom".equalsIgnoreCase(category)
                || "system".equalsIgnoreCase(category);
    }

    int page() {
        return pageNumber == null || pageNumber.isEmpty() ? 1 : (int) Math.min(parse(pageNumber), Integer.MAX_VALUE);
    }

    int size() {
        return pageSize == null || pageSize.isEmpty() ? DEFAULT_PAGE_SIZE : (int) parse(pageSize);
    }

    /**
     * Whether the caller's kind of tag (public, or private for a service key with Scope=private) is the kind the
     * Category asks for; when it is not, the catalog is empty.
     */
    boolean categoryMatchesKind() {
        if (category == null || category.isEmpty()) {
            return true;
        }
        return target.privateTags() == "system".equals(category.toLowerCase(Locale.ROOT));
    }

    /** A decimal number of at most 9 digits, or -1: anything else is beyond every limit or no number at all. */
    private static long parse(String number) {
        if (number.isEmpty() || number.length() > 9 || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(number);
    }
}
