package dev.ecstags.auth;

/** An AccessKey as operators see it after creation: without its secret. */
public record AccessKeyView(String accessKeyId, String accountId, boolean service, AccessKeyStatus status) {
}
