package dev.ecstags.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecstags.auth.IssuedAccessKey;
import dev.ecstags.support.TestIds;
import dev.ecstags.support.TestSigner;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The nonce is recorded by the action's own statement (one round trip), yet every request uses up its nonce exactly
 * as if it were recorded first: whether the action succeeds, a parameter rule refuses it, or the statement does; and a
 * reused nonce is answered SignatureNonceUsed whatever else is wrong, changing nothing.
 */
class NonceWithTheActionTest extends ContractTestSupport {

    @BeforeEach
    void accountWithATaggedInstance() {
        anAccountWithATaggedInstance(Map.of("env", "prod"));
    }

    @Test
    void aNonceUsedByASuccessfulListingRefusesAnUntagAndChangesNothing() {
        String nonce = TestIds.nonce();
        assertSucceeded(listTagResources(key).param("ResourceId.1", tagged).nonce(nonce).send());

        assertRefused(untag(key).param("ResourceId.1", tagged).param("TagKey.1", "env").nonce(nonce).send(), 400,
                "SignatureNonceUsed");
    }

    @Test
    void aNonceUsedByASuccessfulUntagRefusesATagAndChangesNothing() {
        String nonce = TestIds.nonce();
        assertSucceeded(untag(key).param("ResourceId.1", tagged).param("TagKey.1", "absent").nonce(nonce).send());

        assertRefused(tagResources(key).param("ResourceId.1", tagged).param("Tag.1.Key", "team")
                .param("Tag.1.Value", "a").nonce(nonce).send(), 400, "SignatureNonceUsed");
    }

    @Test
    void aNonceUsedByASuccessfulTagRefusesAListingEvenOfNothing() {
        String nonce = TestIds.nonce();
        assertSucceeded(tagResources(key).param("ResourceId.1", tagged).param("Tag.1.Key", "env")
                .param("Tag.1.Value", "prod").nonce(nonce).send());

        assertError(listTagResources(key).param("ResourceId.1", TestIds.instance()).nonce(nonce).send(), 400,
                "SignatureNonceUsed");
    }

    @Test
    void aRequestRefusedByAParameterRuleUsesUpItsNonce() {
        String nonce = TestIds.nonce();
        assertError(untag(key).drop("RegionId").param("ResourceId.1", tagged).param("TagKey.1", "env").nonce(nonce)
                .send(), 404, "MissingParameter.RegionId");

        assertRefused(untag(key).param("ResourceId.1", tagged).param("TagKey.1", "env").nonce(nonce).send(), 400,
                "SignatureNonceUsed");
    }

    @Test
    void aRequestRefusedForItsFormatUsesUpItsNonce() {
        String nonce = TestIds.nonce();
        assertError(listTagResources(key).param("ResourceId.1", tagged).format("yaml").nonce(nonce).send(), 400,
                "InvalidParameter");

        assertError(listTagResources(key).param("ResourceId.1", tagged).nonce(nonce).send(), 400,
                "SignatureNonceUsed");
    }

    @Test
    void aReusedNonceWithABrokenPageTokenIsAnsweredSignatureNonceUsed() {
        String nonce = TestIds.nonce();
        assertSucceeded(listTagResources(key).param("ResourceId.1", tagged).nonce(nonce).send());

        assertError(listTagResources(key).param("ResourceId.1", tagged).param("NextToken", "garbage").nonce(nonce)
                .send(), 400, "SignatureNonceUsed");
    }

    @Test
    void anUntagRefusedByItsStatementUsesUpItsNonce() {
        String nonce = TestIds.nonce();
        assertError(untag(key).param("ResourceId.1", TestIds.instance()).param("TagKey.1", "env").nonce(nonce).send(),
                404, "InvalidResourceId.NotFound");

        assertRefused(untag(key).param("ResourceId.1", tagged).param("TagKey.1", "env").nonce(nonce).send(), 400,
                "SignatureNonceUsed");
    }

    @Test
    void aTagRefusedByItsStatementUsesUpItsNonce() {
        String nonce = TestIds.nonce();
        assertError(
                tagResources(key).param("ResourceId.1", tagged).params(tags(numberedTags("k", 20))).nonce(nonce).send(),
                400, "OperationDenied.QuotaExceed");

        assertRefused(tagResources(key).param("ResourceId.1", tagged).param("Tag.1.Key", "team")
                .param("Tag.1.Value", "a").nonce(nonce).send(), 400, "SignatureNonceUsed");
    }

    @Test
    void aTagOnAnUnknownResourceUsesUpItsNonce() {
        String nonce = TestIds.nonce();
        assertError(tagResources(key).param("ResourceId.1", TestIds.instance()).param("Tag.1.Key", "team")
                .param("Tag.1.Value", "a").nonce(nonce).send(), 404, "InvalidResourceId.NotFound");

        assertRefused(tagResources(key).param("ResourceId.1", tagged).param("Tag.1.Key", "team")
                .param("Tag.1.Value", "a").nonce(nonce).send(), 400, "SignatureNonceUsed");
    }

    @Test
    void aReplayedDescribeTagsIsAnsweredSignatureNonceUsed() {
        String nonce = TestIds.nonce();
        assertSucceeded(describeTags(key).nonce(nonce).send());

        assertError(describeTags(key).nonce(nonce).send(), 400, "SignatureNonceUsed");
        assertError(describeTags(key).param("ResourceId", tagged).nonce(nonce).send(), 400, "SignatureNonceUsed");
        assertError(describeTags(key).param("Tag.1.Key", "env").nonce(nonce).send(), 400, "SignatureNonceUsed");
    }

    @Test
    void aNonceUsedByDescribeTagsOfOneResourceRefusesAnUntag() {
        String nonce = TestIds.nonce();
        assertSucceeded(describeTags(key).param("ResourceId", tagged).param("Tag.1.Key", "env").nonce(nonce).send());

        assertRefused(untag(key).param("ResourceId.1", tagged).param("TagKey.1", "env").nonce(nonce).send(), 400,
                "SignatureNonceUsed");
    }

    @Test
    void aDescribeTagsAnsweredWithoutAStatementStillUsesUpItsNonce() {
        String nonce = TestIds.nonce();
        // A normal key's kind of tag has nothing in the system category: answered empty without reading a tag.
        assertSucceeded(describeTags(key).param("Category", "System").nonce(nonce).send());

        assertError(describeTags(key).nonce(nonce).send(), 400, "SignatureNonceUsed");
    }

    @Test
    void aDescribeTagsRefusedByAParameterRuleUsesUpItsNonce() {
        String nonce = TestIds.nonce();
        assertError(describeTags(key).param("PageSize", "101").nonce(nonce).send(), 400,
                "InvalidParameter.PageSize");

        assertError(describeTags(key).nonce(nonce).send(), 400, "SignatureNonceUsed");
    }

    private TestSigner.V1 describeTags(IssuedAccessKey caller) {
        return rpc.v1(caller).action("DescribeTags").param("RegionId", REGION);
    }

    @Test
    void aNewNonceStillSucceedsAfterAllThat() {
        assertSucceeded(untag(key).param("ResourceId.1", tagged).param("TagKey.1", "env")
                .nonce(TestIds.nonce()).send());
        assertThat(tagRows(key.accountId())).isEmpty();
    }
}
