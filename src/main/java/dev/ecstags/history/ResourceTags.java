package dev.ecstags.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** The tags one resource carried at an instant, by key. */
public record ResourceTags(Instant at, List<Tag> tags) {

    public record Tag(String key, String value, @JsonProperty("private") boolean privateTag) {
    }
}
