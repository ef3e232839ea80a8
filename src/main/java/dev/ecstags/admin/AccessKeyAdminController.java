package dev.ecstags.admin;

import dev.ecstags.auth.AccessKeyStatus;
import dev.ecstags.auth.AccessKeyView;
import dev.ecstags.auth.AccessKeys;
import dev.ecstags.auth.IssuedAccessKey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators issue, disable, enable and delete the AccessKeys that callers sign with. */
@RestController
@RequestMapping("/admin/v1/access-keys")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccessKeyAdminController {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{1,20}");

    private final AccessKeys accessKeys;

    /** The only answer that ever carries the secret. */
    @PostMapping
    ResponseEntity<IssuedAccessKey> create(@Valid @RequestBody CreateAccessKeyRequest request) {
        IssuedAccessKey issued = accessKeys.create(request.accountId(), request.service());
        AdminChangeLog.changed("issued AccessKey {} for account {} (service key: {})", issued.accessKeyId(),
                issued.accountId(), issued.service());
        return ResponseEntity.created(URI.create("/admin/v1/access-keys/" + issued.accessKeyId())).body(issued);
    }

    /** An account's keys, without secrets, a page at a time; {@code nextToken} continues where a page ended. */
    @GetMapping
    AccessKeyPage list(@RequestParam String accountId, @RequestParam(required = false) Integer maxResults,
            @RequestParam(required = false) String nextToken) {
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw AdminProblems.badRequest(new AdminProblems.FieldProblem("accountId",
                    "must be a decimal account id of 1 to 20 digits"));
        }
        int limit = AdminPaging.limit(maxResults);
        List<AccessKeyView> keys = accessKeys.list(accountId, nextToken, limit);
        return new AccessKeyPage(keys, keys.size() < limit ? null : keys.get(keys.size() - 1).accessKeyId());
    }

    @GetMapping("/{accessKeyId}")
    AccessKeyView get(@PathVariable String accessKeyId) {
        return accessKeys.find(accessKeyId).orElseThrow(() -> unknown(accessKeyId));
    }

    @PatchMapping("/{accessKeyId}")
    AccessKeyView changeStatus(@PathVariable String accessKeyId, @Valid @RequestBody ChangeStatusRequest request) {
        AccessKeyView changed = accessKeys.changeStatus(accessKeyId, request.status())
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

    /** @param nextToken null on the last page */
    record AccessKeyPage(List<AccessKeyView> accessKeys, String nextToken) {
    }
}
