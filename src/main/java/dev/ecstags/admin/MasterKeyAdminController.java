package dev.ecstags.admin;

import dev.ecstags.auth.AccessKeys;
import dev.ecstags.auth.ResealOutcome;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Master-key rotation: after TAGS_MASTER_KEY gets a new key and the old one moves to TAGS_PREVIOUS_MASTER_KEYS, this
 * seals every stored secret again under the new key, so that the old one can go.
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MasterKeyAdminController {

    private final AccessKeys accessKeys;

    @PostMapping("/admin/v1/master-key/reseal")
    ResealOutcome reseal() {
        ResealOutcome outcome = accessKeys.resealSecrets();
        AdminChangeLog.changed("re-sealed {} AccessKey secret(s) under master key {} ({} already were; unreadable: {})",
                outcome.resealed(), outcome.keyId(), outcome.alreadyCurrent(), outcome.unreadable());
        return outcome;
    }
}
