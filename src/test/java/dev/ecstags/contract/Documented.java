package dev.ecstags.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The errors of the seed's table, which a contract test expects verbatim: each constant names a row of
 * {@code seed-errors.md} (beside this class in the test resources) by its code, and takes the row's status and
 * message from there. The table is the seed's own, copied unchanged, so that a test expects what the seed documents
 * rather than what {@code ErrorCode} says.
 */
enum Documented {
    MISSING_TAG_OWNER_UID("MissingParameter.TagOwnerUid"),
    MISSING_TAG_OWNER_BID("MissingParameter.TagOwnerBid"),
    MISSING_RESOURCE_TYPE("MissingParameter.ResourceType"),
    MISSING_TAGS("MissingParameter.Tags"),
    MISSING_REGION_ID("MissingParameter.RegionId"),
    MISSING_RESOURCE_IDS("MissingParameter.ResourceIds"),
    PERMISSION_DENIED_TAG_OWNER_UID("PermissionDenied.TagOwnerUid"),
    PERMISSION_DENIED_SCOPE("PermissionDenied.Scope"),
    NUMBER_EXCEED_RESOURCE_IDS("NumberExceed.ResourceIds"),
    NUMBER_EXCEED_TAGS("NumberExceed.Tags"),
    DUPLICATE_TAG_KEY("Duplicate.TagKey"),
    RESOURCE_NOT_FOUND("InvalidResourceId.NotFound"),
    INVALID_RESOURCE_TYPE("InvalidResourceType.NotFound"),
    INVALID_TAG_KEY("InvalidTagKey.Malformed"),
    INVALID_TAG_VALUE("InvalidTagValue.Malformed"),
    QUOTA_EXCEEDED("OperationDenied.QuotaExceed"),
    RESOURCE_NOT_TAGGABLE("InvalidResourceId.NotSupported"),
    TAG_MISMATCH("InvalidTag.Mismatch"),
    INVALID_TAG_COUNT("InvalidTagCount"),
    INVALID_REGION_ID("InvalidRegionId.NotFound"),
    INVALID_SCOPE("Invalid.Scope"),
    NO_PERMISSION_TAG("NoPermission.Tag");

    final String code;
    final int status;
    final String message;

    Documented(String code) {
        SeedTable.Row row = SeedTable.ROWS.get(code);
        if (row == null) {
            throw new IllegalStateException(SeedTable.FILE + " has no row for " + code);
        }
        this.code = code;
        this.status = row.status();
        this.message = row.message();
    }

    /** The rows of the table file by code (a holder class: an enum's constructor cannot read its own statics). */
    private static final class SeedTable {

        record Row(int status, String message) {
        }

        static final String FILE = "seed-errors.md";
        /** {@code |HttpCode|错误码|错误信息|…}: a row, as opposed to the header, its rule and the prose. */
        static final Pattern ROW = Pattern.compile("\\|(?<status>\\d{3})\\|(?<code>[^|]+)\\|(?<message>[^|]+)\\|.*");
        static final Map<String, Row> ROWS = read();

        private static Map<String, Row> read() {
            try (InputStream table = Documented.class.getResourceAsStream(FILE)) {
                if (table == null) {
                    throw new IllegalStateException(FILE + " is not on the test class path");
                }
                return new String(table.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(ROW::matcher)
                        .filter(Matcher::matches)
                        .collect(Collectors.toMap(row -> row.group("code"),
                                row -> new Row(Integer.parseInt(row.group("status")), row.group("message"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
