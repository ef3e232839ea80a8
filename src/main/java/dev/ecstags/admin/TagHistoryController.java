package dev.ecstags.admin;

import dev.ecstags.history.HistoryPage;
import dev.ecstags.history.HistoryQuery;
import dev.ecstags.history.InvalidHistoryQueryException;
import dev.ecstags.history.ResourceTags;
import dev.ecstags.history.TagHistory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tag history, for auditors: every change of an account's tags (who, when, which resource and key, the value
 * before and after), newest first, and one resource's tags as of any instant the history still covers. The admin
 * API sees private (system) tags too, marked {@code "private": true}.
 */
@RestController
@RequestMapping("/admin/v1/tag-history")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TagHistoryController {

    private final TagHistory history;

    /** {@code from} is included, {@code to} excluded; both ISO-8601 instants. */
    @GetMapping
    HistoryPage changes(@RequestParam(required = false) String accountId,
            @RequestParam(required = false) String regionId,
            @RequestParam(required = false) String resourceType,
            @RequestParam(required = false) String resourceId,
            @RequestParam(required = false) String tagKey,
            @RequestParam(required = false) String accessKeyId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String pageToken,
            @RequestParam(required = false) Integer limit) {
        var query = new HistoryQuery(account(accountId), regionId, resourceType, resourceId, tagKey, accessKeyId,
                instant("from", from, false), instant("to", to, false));
        return history.changes(query, pageToken, limit == null ? TagHistory.DEFAULT_PAGE_SIZE : limit);
    }

    /** The tags of one resource at {@code at} (ISO-8601; absent: now), rebuilt from its history. */
    @GetMapping("/tags")
    ResourceTags tagsAsOf(@RequestParam(required = false) String accountId,
            @RequestParam(required = false) String regionId,
            @RequestParam(required = false) String resourceType,
            @RequestParam(required = false) String resourceId,
            @RequestParam(required = false) String at) {
        Instant instant = at == null ? Instant.now() : instant("at", at, true);
        return history.tagsAsOf(account(accountId), required("regionId", regionId),
                required("resourceType", resourceType), required("resourceId", resourceId), instant);
    }

    @ExceptionHandler(InvalidHistoryQueryException.class)
    ProblemDetail invalid(InvalidHistoryQueryException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static String account(String accountId) {
        if (accountId == null || !accountId.matches("\\d{1,20}")) {
            throw badRequest("accountId: a decimal account id of 1 to 20 digits is required");
        }
        return accountId;
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw badRequest(name + ": required");
        }
        return value;
    }

    private static Instant instant(String name, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                throw badRequest(name + ": required");
            }
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw badRequest(name + ": an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static ErrorResponseException badRequest(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }
}
