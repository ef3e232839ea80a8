package dev.ecstags.auth;

/** A newly created AccessKey: the only time its secret is ever shown. */
public record IssuedAccessKey(String accessKeyId, String accessKeySecret, String accountId, boolean service,
        AccessKeyStatus status) {

    @Override
    public String toString() {
        // Keeps the secret out of logs and exception messages that print this record.
        return "IssuedAccessKey[accessKeyId=" + accessKeyId + ", accessKeySecret=***, accountId=" + accountId
                + ", service=" + service + ", status=" + status + "]";
    }
}
