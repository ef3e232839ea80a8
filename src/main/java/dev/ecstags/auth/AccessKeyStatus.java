package dev.ecstags.auth;

/** An Inactive key is refused with InvalidAccessKeyId.Inactive until it is activated again. */
public enum AccessKeyStatus {
    Active,
    Inactive
}
