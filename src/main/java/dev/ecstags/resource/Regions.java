package dev.ecstags.resource;

import dev.ecstags.TagsProperties;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The regions this deployment serves (setting TAGS_REGIONS). */
@Component
public class Regions {

    private final Set<String> regionIds;

    Regions(TagsProperties properties) {
        this.regionIds = Set.copyOf(properties.regions());
    }

    public boolean contains(String regionId) {
        return regionId != null && regionIds.contains(regionId);
    }
}
