package dev.ecstags.auth;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored secrets, for re-sealing them under a new master key. */
@Repository
class AccessKeySecrets {

    private final JdbcClient jdbc;

    AccessKeySecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Sealed(String accountId, String accessKeyId, byte[] secretCipher) {
    }

    /** Every key after the given id, in id order, a batch at a time ("" for the first batch). */
    List<Sealed> after(String accessKeyId, int limit) {
        return jdbc.sql("""
                        select account_id, access_key_id, secret_cipher
                          from access_key
                         where access_key_id > ?
                         order by access_key_id
                         limit ?""")
                .params(accessKeyId, limit)
                .query((row, n) -> new Sealed(row.getString("account_id"), row.getString("access_key_id"),
                        row.getBytes("secret_cipher")))
                .list();
    }

    /** Replaces a sealed secret unless it changed meanwhile (then another re-seal did it already). */
    boolean replace(Sealed sealed, byte[] resealed) {
        return jdbc.sql("""
                        update access_key set secret_cipher = ?
                         where account_id = ? and access_key_id = ? and secret_cipher = ?""")
                .params(resealed, sealed.accountId(), sealed.accessKeyId(), sealed.secretCipher())
                .update() == 1;
    }
}
