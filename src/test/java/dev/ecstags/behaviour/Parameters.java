package dev.ecstags.behaviour;

import dev.ecstags.sdk.SdkClients;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The business parameters of one call, flattened as the SDKs flatten them ({@code ResourceId.1}, {@code Tag.1.Key}…).
 * Immutable: every method answers a new instance, so one base can serve several calls.
 */
final class Parameters {

    private final Map<String, String> values;

    Parameters() {
        this(Map.of());
    }

    private Parameters(Map<String, String> values) {
        this.values = values;
    }

    /** RegionId and ResourceType=instance, the common case. */
    static Parameters instances(String... resourceIds) {
        return anyInstance().resources(resourceIds);
    }

    static Parameters instances(List<String> resourceIds) {
        return instances(resourceIds.toArray(String[]::new));
    }

    Parameters with(String name, String value) {
        var copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Parameters(copy);
    }

    Parameters resources(String... resourceIds) {
        var result = this;
        for (int i = 0; i < resourceIds.length; i++) {
            result = result.with("ResourceId." + (i + 1), resourceIds[i]);
        }
        return result;
    }

    /** {@code Tag.N.Key} and {@code Tag.N.Value} from key, value, key, value…; a null value sends the key alone. */
    Parameters tags(String... keysAndValues) {
        var result = this;
        for (int i = 0; i < keysAndValues.length; i += 2) {
            int n = i / 2 + 1;
            result = result.with("Tag." + n + ".Key", keysAndValues[i]);
            if (keysAndValues[i + 1] != null) {
                result = result.with("Tag." + n + ".Value", keysAndValues[i + 1]);
            }
        }
        return result;
    }

    /** {@code TagKey.N}. */
    Parameters tagKeys(String... keys) {
        var result = this;
        for (int i = 0; i < keys.length; i++) {
            result = result.with("TagKey." + (i + 1), keys[i]);
        }
        return result;
    }

    /** {@code TagFilter.N.TagKey} and its {@code TagValues.M}, N being the next free filter. */
    Parameters tagFilter(String key, String... tagValues) {
        int n = 1;
        while (values.containsKey("TagFilter." + n + ".TagKey")) {
            n++;
        }
        var result = with("TagFilter." + n + ".TagKey", key);
        for (int m = 0; m < tagValues.length; m++) {
            result = result.with("TagFilter." + n + ".TagValues." + (m + 1), tagValues[m]);
        }
        return result;
    }

    /** A service key acting on another account's resources. */
    Parameters owner(String accountId) {
        return with("TagOwnerUid", accountId).with("TagOwnerBid", "26842");
    }

    Parameters privateScope() {
        return with("Scope", "private");
    }

    Map<String, String> map() {
        return new LinkedHashMap<>(values);
    }

    /** RegionId and ResourceType=instance without resource ids: a listing by tag alone. */
    static Parameters anyInstance() {
        return new Parameters().with("RegionId", SdkClients.REGION).with("ResourceType", "instance");
    }
}
