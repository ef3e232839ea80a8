package dev.ecstags.admin;

import dev.ecstags.auth.AccessKeyStatus;
import dev.ecstags.auth.AccessKeyView;
import dev.ecstags.auth.AccessKeys;
import dev.ecstags.auth.IssuedAccessKey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators issue, disable, enable and delete the AccessKeys that callers sign with. */
@RestController
@RequestMapping("/admin/v1/access-keys")
class AccessKeyAdminController {

    private final AccessKeys accessKeys;

    AccessKeyAdminController(AccessKeys accessKeys) {
        this.accessKeys = accessKeys;
    }

    @PostMapping
    ResponseEntity<CreatedAccessKey> create(@Valid @RequestBody CreateAccessKeyRequest request) {
        IssuedAccessKey issued = accessKeys.create(request.accountId(), request.service());
        AdminChangeLog.changed("issued AccessKey {} for account {} (service key: {})", issued.accessKeyId(),
                issued.accountId(), issued.service());
        return ResponseEntity.created(URI.create("/admin/v1/access-keys/" + issued.accessKeyId()))
                .body(new CreatedAccessKey(issued.accessKeyId(), issued.accessKeySecret(), issued.accountId(),
                        issued.service(), issued.status()));
    }

    @PatchMapping("/{accessKeyId}")
    AccessKey changeStatus(@PathVariable String accessKeyId, @Valid @RequestBody ChangeStatusRequest request) {
        AccessKey changed = accessKeys.changeStatus(accessKeyId, request.status())
                .map(AccessKey::of)
                .orElseThrow(() -> unknown(accessKeyId));
        AdminChangeLog.changed("AccessKey {} of account {} is now {}", changed.accessKeyId(), changed.accountId(),
                changed.status());
        return changed;
    }

    @DeleteMapping("/{accessKeyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String accessKeyId) {
        if (!accessKeys.delete(accessKeyId)) {
            throw unknown(accessKeyId);
        }
        AdminChangeLog.changed("deleted AccessKey {}", accessKeyId);
    }

    private static RuntimeException unknown(String accessKeyId) {
        return AdminProblems.notFound("There is no AccessKey " + accessKeyId + ".");
    }

    /** @param service absent means a normal key */
    record CreateAccessKeyRequest(@AccountId String accountId, Boolean service) {

        CreateAccessKeyRequest {
            service = service != null && service;
        }
    }

    record ChangeStatusRequest(@NotNull AccessKeyStatus status) {
    }

    /** The only answer that ever carries the secret. */
    record CreatedAccessKey(String accessKeyId, String accessKeySecret, String accountId, boolean service,
                            AccessKeyStatus status) {

        @Override
        public String toString() {
            return "CreatedAccessKey[accessKeyId=" + accessKeyId + ", accessKeySecret=***]";
        }
    }

    record AccessKey(String accessKeyId, String accountId, boolean service, AccessKeyStatus status) {

        static AccessKey of(AccessKeyView view) {
            return new AccessKey(view.accessKeyId(), view.accountId(), view.service(), view.status());
        }
    }
}
