package dev.ecstags.api;

import dev.ecstags.throttle.ActionClass;
import java.util.Arrays;
import java.util.Optional;

/** The actions of ECS API version 2014-05-26 that this service answers. */
enum RpcAction {
    UntagResources, TagResources, ListTagResources, DescribeTags;

    static final String API_VERSION = "2014-05-26";

    static Optional<RpcAction> named(String name) {
        return Arrays.stream(values()).filter(action -> action.name().equals(name)).findFirst();
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
