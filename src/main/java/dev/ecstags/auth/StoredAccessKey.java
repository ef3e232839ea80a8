package dev.ecstags.auth;

/** What authenticating a request needs of an AccessKey; read without JPA, since every request reads one. */
record StoredAccessKey(String accessKeyId, String accountId, byte[] secretCipher, boolean service,
                       AccessKeyStatus status) {
}
