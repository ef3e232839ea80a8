package dev.ecstags.auth;

import java.util.List;

/**
 * The parts of {@code Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…} (docs/contract.md
 * §2), as {@link V3Signature#parseAuthorization} reads them.
 *
 * @param signedHeaders lower-case header names, in the order the client listed them
 */
record V3Authorization(String accessKeyId, List<String> signedHeaders, String signature) {
}
