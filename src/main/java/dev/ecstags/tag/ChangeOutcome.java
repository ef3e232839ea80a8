package dev.ecstags.tag;

import org.springframework.jdbc.core.RowMapper;

/**
 * What a change statement of {@link TagStore} found before it changed anything; it changed nothing unless all of it
 * was in order, and {@link TagService} refuses in the catalog's order what was not.
 *
 * @param nonceFresh the request's nonce was new, and is now recorded; if not, nothing else changed
 * @param found      listed resources that exist in the target
 * @param untaggable of those, the ones registered as not taggable
 * @param otherKind  a named key is carried by a listed resource in the other kind (public/private)
 * @param mostKept   the most tags of the call's kind any listed resource keeps beside the named keys
 */
record ChangeOutcome(boolean nonceFresh, long found, long untaggable, boolean otherKind, int mostKept) {

    /** Mapped by hand: a reflective row mapper would introspect the record on every call of the hot path. */
    static final RowMapper<ChangeOutcome> MAPPER = (row, rowNumber) -> new ChangeOutcome(row.getBoolean("fresh"),
            row.getLong("found"), row.getLong("untaggable"), row.getBoolean("other_kind"), row.getInt("most_kept"));
}
