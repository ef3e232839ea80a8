package dev.ecstags.throttle;

/** The kinds of call that have a rate limit of their own, as Alibaba Cloud limits its APIs. */
public enum ActionClass {
    /** TagResources, UntagResources. */
    WRITE,
    /** ListTagResources. */
    READ
}
