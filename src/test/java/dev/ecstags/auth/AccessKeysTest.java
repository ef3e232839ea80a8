package dev.ecstags.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.ecstags.support.ServiceTest;
import dev.ecstags.support.TestIds;
import dev.ecstags.support.TestSigner;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

class AccessKeysTest extends ServiceTest {
    @Autowired
    RequestAuthenticator authenticator;

    private final String accountId = TestIds.account();

    @Test
    void issuesAnActiveKeyWhoseSecretSignsRequests() {
        IssuedAccessKey issued = accessKeys.create(accountId, false);

        assertThat(issued.accessKeyId()).matches("LTAI[A-Za-z0-9]{20}");
        assertThat(issued.accessKeySecret()).matches("[A-Za-z0-9]{30}");
        assertThat(issued.accountId()).isEqualTo(accountId);
        assertThat(issued.service()).isFalse();
        assertThat(issued.status()).isEqualTo(AccessKeyStatus.Active);
        SignedRequest request = TestSigner.v1(issued.accessKeyId(), issued.accessKeySecret())
                .action("UntagResources").toSignedRequest();
        assertThat(authenticator.verify(request, RequestCredentials.read(request)).caller())
                .isEqualTo(new Caller(issued.accessKeyId(), accountId, false));
    }

    @Test
    void everyKeyIsDifferent() {
        IssuedAccessKey first = accessKeys.create(accountId, false);
        IssuedAccessKey second = accessKeys.create(accountId, false);

        assertThat(second.accessKeyId()).isNotEqualTo(first.accessKeyId());
        assertThat(second.accessKeySecret()).isNotEqualTo(first.accessKeySecret());
    }

    @Test
    void storesTheRowWithTheSecretEncrypted() {
        IssuedAccessKey issued = accessKeys.create(accountId, true);

        var row = jdbc.sql("select account_id, secret_cipher, service, status from access_key where access_key_id = ?")
                .param(issued.accessKeyId()).query().singleRow();

        assertThat(row).containsEntry("account_id", accountId).containsEntry("service", true)
                .containsEntry("status", "Active");
        byte[] stored = (byte[]) row.get("secret_cipher");
        assertThat(stored).hasSize(3 + 4 + 12 + issued.accessKeySecret().length() + 16); // format, key id, IV
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(issued.accessKeySecret())
                .doesNotContain(issued.accessKeySecret().substring(0, 8));
        assertThat(
                jdbc.sql("select count(*) from access_key where position(convert_to(?, 'UTF8') in secret_cipher) > 0")
                        .param(issued.accessKeySecret()).query(Integer.class).single())
                .isZero();
    }

    @Test
    void theIssuedKeyNeverPrintsItsSecret() {
        IssuedAccessKey issued = accessKeys.create(accountId, false);

        assertThat(issued.toString()).contains(issued.accessKeyId()).doesNotContain(issued.accessKeySecret());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12a4", "-1", "123456789012345678901", " 1234"})
    void refusesAnAccountIdThatIsNotOneToTwentyDigits(String accountId) {
        assertThatIllegalArgumentException().isThrownBy(() -> accessKeys.create(accountId, false));
    }

    @Test
    void acceptsTwentyDigitAccountIds() {
        assertThat(accessKeys.create("12345678901234567890", false).accountId()).isEqualTo("12345678901234567890");
    }

    @Test
    void changesStatusBothWays() {
        IssuedAccessKey issued = accessKeys.create(accountId, true);

        assertThat(accessKeys.changeStatus(issued.accessKeyId(), AccessKeyStatus.Inactive))
                .contains(new AccessKeyView(issued.accessKeyId(), accountId, true, AccessKeyStatus.Inactive));
        assertThat(status(issued)).isEqualTo("Inactive");
        assertThat(accessKeys.changeStatus(issued.accessKeyId(), AccessKeyStatus.Active))
                .contains(new AccessKeyView(issued.accessKeyId(), accountId, true, AccessKeyStatus.Active));
        assertThat(status(issued)).isEqualTo("Active");
    }

    @Test
    void changingTheStatusOfAnUnknownKeyFindsNothing() {
        assertThat(accessKeys.changeStatus("LTAIdoesnotexist0000000", AccessKeyStatus.Inactive)).isEmpty();
    }

    @Test
    void deletesAKeyOnce() {
        IssuedAccessKey issued = accessKeys.create(accountId, false);

        assertThat(accessKeys.delete(issued.accessKeyId())).isTrue();
        assertThat(jdbc.sql("select count(*) from access_key where access_key_id = ?").param(issued.accessKeyId())
                .query(Integer.class).single()).isZero();
        assertThat(accessKeys.delete(issued.accessKeyId())).isFalse();
    }

    private String status(IssuedAccessKey issued) {
        return jdbc.sql("select status from access_key where access_key_id = ?").param(issued.accessKeyId())
                .query(String.class).single();
    }
}
