package dev.ecstags.resource;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import lombok.Getter;

/** The ECS resource types that carry tags, as the 2014-05-26 API names them (lower case on the wire). */
public enum ResourceType {
    INSTANCE,
    DISK,
    SNAPSHOT,
    IMAGE,
    SECURITYGROUP,
    VOLUME,
    ENI,
    DDH,
    KEYPAIR,
    LAUNCHTEMPLATE,
    DDHCLUSTER,
    RESERVEDINSTANCE,
    SNAPSHOTPOLICY,
    ELASTICITYASSURANCE,
    CAPACITYRESERVATION,
    COMMAND,
    INVOCATION,
    ACTIVATION,
    MANAGEDINSTANCE;

    /** The name callers send and see, in lower case. */
    @Getter
    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** Case-insensitive, as the API compares resource types. */
    public static Optional<ResourceType> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(type -> type.wireName.equalsIgnoreCase(name)).findFirst();
    }
}
