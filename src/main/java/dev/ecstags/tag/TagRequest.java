package dev.ecstags.tag;

import java.util.SortedMap;

/** A tag action's request: its {@link TagTarget} and the resources it lists. */
interface TagRequest {

    TagTarget target();

    /** {@code ResourceId.N} by index N. */
    SortedMap<Integer, String> resourceIds();
}
