package dev.ecstags.api;

import dev.ecstags.throttle.ActionClass;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The actions of ECS API version 2014-05-26 that this service answers. */
enum RpcAction {
    UntagResources,
    TagResources,
    ListTagResources,
    DescribeTags;

    static final String API_VERSION = "2014-05-26";

    private static final Map<String, RpcAction> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(RpcAction::name, Function.identity()));

    /** The action of that exact name, or null. */
    static RpcAction named(String name) {
        return name == null ? null : BY_NAME.get(name);
    }

    /** Which rate limit the action counts against: the two reads share one. */
    ActionClass actionClass() {
        return this == ListTagResources || this == DescribeTags ? ActionClass.READ : ActionClass.WRITE;
    }

    /** The XML root element of the action's response. */
    String responseElement() {
        return name() + "Response";
    }
}
