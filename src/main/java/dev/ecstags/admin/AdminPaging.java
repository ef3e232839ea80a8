package dev.ecstags.admin;

import dev.ecstags.admin.AdminProblems.FieldProblem;

/** The admin reads' page size: {@code maxResults}, 1 to 100, 50 when absent. */
final class AdminPaging {

    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 100;

    private AdminPaging() {
    }

    static int limit(Integer maxResults) {
        if (maxResults == null) {
            return DEFAULT_PAGE;
        }
        if (maxResults < 1 || maxResults > MAX_PAGE) {
            throw AdminProblems.badRequest(new FieldProblem("maxResults", "must be from 1 to " + MAX_PAGE));
        }
        return maxResults;
    }
}
