package dev.ecstags.auth;

/**
 * Who signed a request.
 *
 * @param service a service key stands for a cloud-internal service: it may act for other accounts and on private tags
 */
public record Caller(String accessKeyId, String accountId, boolean service) {
}
